package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// TestRetention: what is kept only for a while goes on time — parked
// updates' payloads after 14 days, event notes after 180 (the case stays,
// anonymous), guests after 30 days of silence — and nothing earlier.
func TestRetention(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := st.DB().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	// A case with two notes, 181 and 179 days old.
	exec(`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (10, 'V', 'volunteer', '26882')`)
	var c storage.Case
	inTx(t, st, func(tx *storage.Tx) (err error) {
		c = newCase(ctx, t, tx, 10, "26882", "khai-sinh", now.AddDate(0, 0, -200))
		for _, days := range []int{-181, -179} {
			if err := tx.AddCaseEvent(ctx, storage.CaseEvent{CaseID: c.ID, At: now.AddDate(0, 0, days), Kind: "problem"}); err != nil {
				return err
			}
		}
		return nil
	})
	exec(`UPDATE case_events SET note = 'cổng treo' WHERE case_id = $1 AND kind = 'problem'`, c.ID)
	// Guests: silent 31 days, 29 days; a silent volunteer stays.
	exec(`INSERT INTO users (telegram_id, language, role, updated_at) VALUES (20, 'en', 'guest', $1), (21, 'en', 'guest', $2)`, now.AddDate(0, 0, -31), now.AddDate(0, 0, -29))
	exec(`UPDATE users SET updated_at = $1 WHERE telegram_id = 10`, now.AddDate(0, -6, 0))

	if _, err := st.ApplyRetention(ctx, now); err != nil {
		t.Fatal(err)
	}
	var notes []string
	if err := st.DB().Select(&notes, `SELECT coalesce(note, '') FROM case_events WHERE case_id = $1 AND kind = 'problem' ORDER BY at`, c.ID); err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[0] != "" || notes[1] != "cổng treo" {
		t.Errorf("event notes after retention: %q", notes)
	}
	var users []int64
	if err := st.DB().Select(&users, `SELECT telegram_id FROM users ORDER BY telegram_id`); err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 || users[0] != 10 || users[1] != 21 {
		t.Errorf("users after retention: %v, want [10 21]", users)
	}

	// Flag notes go after 180 days, like event notes; the flag stays.
	{
		for id, days := range map[int]int{1: -181, 2: -179} {
			exec(`INSERT INTO guide_flags (id, guide_id, guide_checked, step_id, step, commune_code, what, note, created_at)
				VALUES ($1, 'khai-sinh', '2026-01-01', 'dang-nhap', 1, '26882', 'button', 'nút đã đổi tên', $2)`, id, now.AddDate(0, 0, days))
		}
		r, err := st.ApplyRetention(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		var flags []struct {
			ID   int64
			Note *string
		}
		if err := st.DB().Select(&flags, `SELECT id, note FROM guide_flags ORDER BY id`); err != nil {
			t.Fatal(err)
		}
		if r.FlagNotes != 1 || len(flags) != 2 || flags[0].Note != nil || flags[1].Note == nil || *flags[1].Note != "nút đã đổi tên" {
			t.Errorf("flags after retention (%d notes cleared): %+v", r.FlagNotes, flags)
		}
	}
}
