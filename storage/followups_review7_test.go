package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A follow-up's first question is planned for the day after its due date
// (the sweep asks on the first working day from then), and a result is
// late only when the resident said "not yet" after the due date: a "not
// yet" on the due date itself (the result may come that afternoon) and a
// "received" given days after it, with no "not yet", are on time.
func TestLateOnlyAfterNotYetPastTheDueDate(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 2, 0, 0, 0, 0, ict) // Wednesday
	at := func(d, h int) time.Time { return due.AddDate(0, 0, d).Add(time.Duration(h) * time.Hour) }
	mk := func(n int) storage.Followup {
		f := followupCase(t, st, fmt.Sprintf("H26.99-251127-%04d", n), due)
		inTx(t, st, func(tx *storage.Tx) error {
			if _, err := tx.ClaimFollowup(ctx, f.CaseID, int64(600+n), "vi", at(-5, 9)); err != nil {
				return err
			}
			return tx.SetResidentConsent(ctx, f.CaseID, int64(600+n), true, "vi-12345678", at(-5, 9))
		})
		return f
	}
	early, afterDue, slow := mk(1), mk(2), mk(3)
	if f, _ := followupOf(t, st, afterDue.CaseID); f.NextReminderOn.Time.Format(time.DateOnly) != "2026-12-03" {
		t.Errorf("the first question is planned for %v, want the day after the due date", f.NextReminderOn)
	}
	for _, c := range []struct {
		day  time.Time
		want int
	}{{at(0, 0), 0}, {at(1, 0), 3}} {
		if rs, err := st.DueReminders(ctx, c.day, 10); err != nil || len(rs) != c.want {
			t.Errorf("due reminders on %s: %d, %v; want %d", c.day.Format(time.DateOnly), len(rs), err, c.want)
		}
	}
	// The first question of early was asked on the due date (planned so
	// before this change): its "not yet", that morning, says nothing late.
	send := func(f storage.Followup, n int, when time.Time) {
		t.Helper()
		inTx(t, st, func(tx *storage.Tx) error {
			if n == 1 {
				if _, err := tx.SQL().ExecContext(ctx, `UPDATE followups SET next_reminder_on = $2 WHERE case_id = $1`, f.CaseID, when); err != nil {
					return err
				}
			}
			ok, err := tx.ReminderSent(ctx, f.CaseID, n, when)
			if err == nil && !ok {
				err = fmt.Errorf("reminder %d of case %d not recorded", n, f.CaseID)
			}
			return err
		})
	}
	notYet := func(f storage.Followup, when time.Time) {
		t.Helper()
		inTx(t, st, func(tx *storage.Tx) error {
			ok, again, err := tx.NotYet(ctx, f.CaseID, when.AddDate(0, 0, 3), when, ict)
			if err == nil && (!ok || !again) {
				err = fmt.Errorf("not yet of case %d: %v %v", f.CaseID, ok, again)
			}
			return err
		})
	}
	received := func(f storage.Followup, when time.Time) {
		t.Helper()
		inTx(t, st, func(tx *storage.Tx) error {
			ok, err := tx.Received(ctx, f.CaseID, when)
			if err == nil && !ok {
				err = fmt.Errorf("received of case %d not recorded", f.CaseID)
			}
			return err
		})
	}
	send(early, 1, at(0, 8))
	notYet(early, at(0, 10))
	send(early, 2, at(5, 8))
	received(early, at(5, 9))
	// afterDue: "not yet" the day after: late.
	send(afterDue, 1, at(1, 8))
	notYet(afterDue, at(1, 9))
	send(afterDue, 2, at(6, 8))
	received(afterDue, at(6, 9))
	// slow: "received" a week after the question, never "not yet".
	send(slow, 1, at(1, 8))
	received(slow, at(8, 20))
	for _, c := range []struct {
		f    storage.Followup
		want string
	}{{early, storage.ResultReceived}, {afterDue, storage.ResultReceivedLate}, {slow, storage.ResultReceived}} {
		if f, err := followupOf(t, st, c.f.CaseID); err != nil || f.Result.String != c.want {
			t.Errorf("case %d: result %v (%v), want %s", c.f.CaseID, f.Result, err, c.want)
		}
	}
	// A follow-up without a date is never late.
	var none storage.Followup
	inTx(t, st, func(tx *storage.Tx) (err error) {
		c := newCase(ctx, t, tx, 1, anHoiTay, "khai-sinh", at(-5, 9))
		if none, err = tx.SaveFollowup(ctx, c.ID, "H26.99-251127-0009", time.Time{}, false); err != nil {
			return err
		}
		if err := tx.AskWithoutDate(ctx, none.CaseID, at(3, 0)); err != nil {
			return err
		}
		if _, err := tx.ReminderSent(ctx, none.CaseID, 1, at(3, 8)); err != nil {
			return err
		}
		_, _, err = tx.NotYet(ctx, none.CaseID, at(6, 0), at(3, 9), ict)
		return err
	})
	send(none, 2, at(6, 8))
	received(none, at(6, 9))
	if f, err := followupOf(t, st, none.CaseID); err != nil || f.Result.String != storage.ResultReceived {
		t.Errorf("a follow-up without a date: result %v (%v), want received", f.Result, err)
	}
}

// followupOf reads a case's follow-up.
func followupOf(t *testing.T, st *storage.Storage, caseID int64) (f storage.Followup, err error) {
	t.Helper()
	err = st.InTx(context.Background(), func(tx *storage.Tx) error {
		f, err = tx.FollowupOfCase(context.Background(), caseID)
		return err
	})
	return f, err
}

// TestAskAfterDueMigration: follow-ups in the database when this ships
// (migration 00018). A first question still planned for the due date moves
// to the day after; one asked already is not asked again, nor its answer
// lost; a "not yet" said to the second or a later question — after the
// due date — still makes the result late; a "not yet" to the first only,
// asked on the due date and of unknown day, does not by itself.
func TestAskAfterDueMigration(t *testing.T) {
	ctx := context.Background()
	db, p, url := migratedTo(t, 17)
	type row struct {
		due, next sql.NullString
		sent      int
		status    string
		// after
		nextAfter string
		late      bool
	}
	d := func(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
	rows := []row{
		{d("2026-12-02"), d("2026-12-02"), 0, "waiting", "2026-12-03", false}, // not asked yet
		{d("2026-12-04"), d("2026-12-04"), 0, "waiting", "2026-12-05", false}, // a Friday: the sweep waits for Monday
		{d(""), d("2026-12-09"), 0, "waiting", "2026-12-09", false},           // no date: after 5 working days, as before
		{d("2026-11-30"), d(""), 1, "waiting", "", false},                     // asked, the answer awaited
		{d("2026-11-30"), d("2026-12-03"), 1, "waiting", "2026-12-03", false}, // "not yet" to the first question, day unknown
		{d("2026-11-20"), d("2026-12-01"), 2, "waiting", "2026-12-01", true},  // "not yet" to the second
		{d("2026-11-16"), d(""), 3, "waiting", "", true},                      // the third asked: "not yet" to the second
		{d("2026-11-02"), d(""), 2, "problem", "", false},                     // a problem after "not yet" to the first
		{d("2026-10-20"), d(""), 4, "ended", "", true},                        // "not yet" to the last
		{d("2026-11-13"), d("2026-12-02"), 1, "waiting", "2026-12-02", true},  // "not yet" to the first, days after the due date
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO users (telegram_id, first_name, role) VALUES (1, 'V', 'volunteer')`); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		id := i + 1
		for _, q := range []string{
			fmt.Sprintf(`INSERT INTO cases (id, volunteer_id, guide_id, guide_checked, kind, mode, steps_total, status, phase, followup_consent, consent_version,
				outcome, started_at, updated_at) VALUES (%d, 1, 'khai-sinh', '2026-11-27', 'dossier', 'toan-trinh', 5, 'closed', 'done', true, 'vi-x',
				'submitted', now(), now())`, id),
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		var ended any
		if r.status != "waiting" {
			ended = time.Now()
		}
		_, err := db.ExecContext(ctx, `INSERT INTO followups (case_id, dossier_code, due_on, due_known, token, resident_chat, resident_lang,
				consent, consent_version, consent_at, status, reminders_sent, next_reminder_on, ended_at)
			VALUES ($1, $2, $3::date, $3 IS NOT NULL, $4, $5, 'vi', true, 'vi-x', now(), $6, $7, $8::date, $9)`,
			id, fmt.Sprintf("H26.99-%d", id), r.due, storage.NewToken(), 700+id, r.status, r.sent, r.next, ended)
		if err != nil {
			t.Fatalf("row %d: %v", id, err)
		}
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		var next sql.NullString
		var sent int
		var late bool
		err := db.QueryRowContext(ctx, `SELECT next_reminder_on::text, reminders_sent, not_yet_after_due FROM followups WHERE case_id = $1`, i+1).
			Scan(&next, &sent, &late)
		if err != nil {
			t.Fatal(err)
		}
		if next.String != r.nextAfter || sent != r.sent || late != r.late {
			t.Errorf("row %d (due %s, %d sent, %s): next %q, %d sent, late %v; want %q, %d, %v",
				i+1, r.due.String, r.sent, r.status, next.String, sent, late, r.nextAfter, r.sent, r.late)
		}
	}

	// The bot on the migrated database: what is asked, and what counts late.
	st, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	asked := func(day string) []int64 {
		t.Helper()
		when, _ := time.ParseInLocation(time.DateOnly, day, ict)
		rs, err := st.DueReminders(ctx, when, 50)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range rs {
			ids = append(ids, r.CaseID)
		}
		return ids
	}
	if got := fmt.Sprint(asked("2026-12-02")); got != "[6 10]" {
		t.Errorf("due on 02/12/2026: cases %s, want [6 10] (the second questions planned for 01/12 and 02/12)", got)
	}
	if got := fmt.Sprint(asked("2026-12-03")); got != "[6 10 1 5]" {
		t.Errorf("due on 03/12/2026: cases %s, want [6 10 1 5]", got)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		// Row 4 answers its first question "not yet" on 03/12, after its
		// due date: late, should the result come.
		if ok, _, err := tx.NotYet(ctx, 4, time.Date(2026, 12, 8, 0, 0, 0, 0, ict), time.Date(2026, 12, 3, 9, 0, 0, 0, ict), ict); err != nil || !ok {
			return fmt.Errorf("not yet of row 4: %v %v", ok, err)
		}
		for _, id := range []int64{4, 5, 6, 8} {
			if ok, err := tx.Received(ctx, id, time.Date(2026, 12, 3, 10, 0, 0, 0, ict)); err != nil || !ok {
				return fmt.Errorf("received of row %d: %v %v", id, ok, err)
			}
		}
		return nil
	})
	var results []string
	for _, id := range []int{4, 5, 6, 8} {
		var r sql.NullString
		if err := db.QueryRowContext(ctx, `SELECT followup_result FROM cases WHERE id = $1`, id).Scan(&r); err != nil {
			t.Fatal(err)
		}
		results = append(results, r.String)
	}
	if got, want := fmt.Sprint(results), "[received_late received received_late received]"; got != want {
		t.Errorf("results of rows 4, 5, 6, 8: %s, want %s", got, want)
	}
}
