package storage_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A volunteer typed a dossier code after their case closed; the bot asked
// whether to attach it, and they never answered, nor wrote to the bot
// again. The code sat in their conversation row for good: retention only
// deleted the rows of people it no longer keeps, and a member's row stays.
// A flow left untouched for GuestSilenceDays is now ended (flow, screen and
// state emptied, the version moved on so its buttons are stale), whoever's
// it is; a flow touched since stays as it is.
func TestRetentionEndsFlowsLeftUntouched(t *testing.T) {
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
	exec(`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (10, 'V', 'volunteer', '26882'), (11, 'W', 'volunteer', '26882')`)
	code := "000.00.12.H26-251127-0042"
	exec(`INSERT INTO conversations (chat_id, flow, step, data, message_id, version, updated_at) VALUES
		(10, 'case', 'attach', $1, 7, 12, $2), (11, 'case', 'attach', $1, 8, 5, $3)`,
		`{"c":5,"cd":"`+code+`"}`, now.AddDate(0, 0, -storage.GuestSilenceDays-1), now.AddDate(0, 0, -storage.GuestSilenceDays+1))

	r, err := st.ApplyRetention(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ChatID  int64  `db:"chat_id"`
		Flow    string `db:"flow"`
		Step    string `db:"step"`
		Data    string `db:"data"`
		Version int    `db:"version"`
	}
	var rows []row
	if err := st.DB().Select(&rows, `SELECT chat_id, flow, step, data::text AS data, version FROM conversations ORDER BY chat_id`); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("conversation rows after retention: %+v, want both (members' rows stay)", rows)
	}
	if old := rows[0]; old.Flow != "" || old.Step != "" || old.Data != "{}" || old.Version <= 12 {
		t.Errorf("a flow left %d days: %+v, want it ended (no flow, no state, a newer version)", storage.GuestSilenceDays+1, old)
	}
	if recent := rows[1]; recent.Flow != "case" || recent.Step != "attach" || recent.Version != 5 {
		t.Errorf("a flow left %d days: %+v, want it as it was", storage.GuestSilenceDays-1, recent)
	}
	if r.Flows != 1 {
		t.Errorf("retention says it ended %d flows, want 1", r.Flows)
	}
	// Again: nothing more to end.
	if r, err := st.ApplyRetention(ctx, now); err != nil || r.Flows != 0 {
		t.Errorf("retention again: %d flows ended (%v), want 0", r.Flows, err)
	}
}

// A volunteer whose case is still open keeps the flow it is shown in,
// however old: when they come back, turning to something else closes a case
// that only waited for its code (it counts then) and pauses any other —
// which an ended flow would no longer show, leaving the case open, and out
// of the tallies, for good.
func TestRetentionKeepsTheFlowOfAnOpenCase(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now()
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (12, 'X', 'volunteer', '26882')`); err != nil {
		t.Fatal(err)
	}
	var c storage.Case
	inTx(t, st, func(tx *storage.Tx) error {
		c = newCase(ctx, t, tx, 12, "26882", "khai-sinh", now.AddDate(0, 0, -40))
		return nil
	})
	if _, err := st.DB().Exec(`INSERT INTO conversations (chat_id, flow, step, data, message_id, version, updated_at) VALUES (12, 'c', 'dossier', $1, 9, 30, $2)`,
		`{"c":`+strconv.FormatInt(c.ID, 10)+`}`, now.AddDate(0, 0, -storage.GuestSilenceDays-9)); err != nil {
		t.Fatal(err)
	}
	r, err := st.ApplyRetention(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	var flow string
	var version int
	if err := st.DB().QueryRow(`SELECT flow, version FROM conversations WHERE chat_id = 12`).Scan(&flow, &version); err != nil {
		t.Fatal(err)
	}
	if flow != "c" || version != 30 || r.Flows != 0 {
		t.Errorf("the flow of a volunteer with an open case: flow %q version %d (%d flows ended), want it as it was", flow, version, r.Flows)
	}
}
