package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

var ict = time.FixedZone("ICT", 7*60*60)

// followupCase makes a closed case of volunteer 1 (commune An Hội Tây)
// with a follow-up due on due, and returns the follow-up.
func followupCase(t *testing.T, st *storage.Storage, code string, due time.Time) storage.Followup {
	t.Helper()
	ctx := context.Background()
	var f storage.Followup
	inTx(t, st, func(tx *storage.Tx) (err error) {
		if err := tx.SetMembership(ctx, 1, "V", anHoiTay, storage.RoleVolunteer); err != nil {
			return err
		}
		c := newCase(ctx, t, tx, 1, anHoiTay, "khai-sinh", due.AddDate(0, 0, -5))
		f, err = tx.SaveFollowup(ctx, c.ID, code, due, true)
		return err
	})
	return f
}

func TestFollowupTokenAndPage(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 2, 0, 0, 0, 0, ict)
	f := followupCase(t, st, "H26.99-251127-0001", due)
	if !regexp.MustCompile(`^[A-Za-z0-9_-]{24}$`).MatchString(f.Token) {
		t.Errorf("token %q: want 24 characters of A-Za-z0-9_-", f.Token)
	}
	if strings.Contains(f.Token, "H26") || f.Status != storage.FollowupWaiting || !f.NextReminderOn.Valid ||
		f.NextReminderOn.Time.Format(time.DateOnly) != "2026-12-03" { // the day after the due date
		t.Errorf("new follow-up: %+v", f)
	}
	// Tokens do not repeat.
	seen := map[string]bool{}
	for range 1000 {
		tok := storage.NewToken()
		if seen[tok] {
			t.Fatalf("token %q twice", tok)
		}
		seen[tok] = true
	}

	// A corrected code keeps the link.
	var again storage.Followup
	inTx(t, st, func(tx *storage.Tx) (err error) {
		again, err = tx.SaveFollowup(ctx, f.CaseID, "H26.99-251127-0002", time.Time{}, false)
		return err
	})
	if again.Token != f.Token || again.DossierCode != "H26.99-251127-0002" || again.DueOn.Valid || again.DueKnown {
		t.Errorf("saved again: %+v (token was %q)", again, f.Token)
	}

	p, err := st.FollowupByToken(ctx, f.Token)
	if err != nil {
		t.Fatal(err)
	}
	want := storage.FollowupPage{Token: f.Token, CaseID: f.CaseID, GuideID: "khai-sinh", DossierCode: "H26.99-251127-0002",
		Status: storage.FollowupWaiting, CodeCorrected: true} // the page says the slip's code was corrected
	if p != want {
		t.Errorf("page = %+v, want %+v", p, want)
	}
	inTx(t, st, func(tx *storage.Tx) (err error) {
		_, err = tx.SaveFollowup(ctx, f.CaseID, "H26.99-251127-0002", due, true)
		return err
	})
	if p, _ := st.FollowupByToken(ctx, f.Token); !p.DueOn.Equal(due) || !p.DueKnown {
		t.Errorf("page due %v (known %v), want %v", p.DueOn, p.DueKnown, due)
	}
	if _, err := st.FollowupByToken(ctx, "AAAAAAAAAAAAAAAAAAAAAAAA"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("unknown token: %v", err)
	}

	// The page's rating and "received".
	if err := st.RateFollowup(ctx, f.Token, 6, "", time.Now()); !errors.Is(err, storage.ErrBadRating) {
		t.Errorf("rating 6: %v", err)
	}
	if err := st.RateFollowup(ctx, f.Token, 4, "nhanh gọn", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := st.RateFollowup(ctx, f.Token, 5, strings.Repeat("x", 201), time.Now()); err == nil {
		t.Error("a 201-character comment was stored")
	}
	if err := st.RateFollowup(ctx, "nope-nope-nope-nope-nope", 5, "", time.Now()); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("rating an unknown link: %v", err)
	}
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, ict)
	for range 2 {
		if err := st.FollowupReceived(ctx, f.Token, at); err != nil {
			t.Fatal(err)
		}
		at = at.AddDate(0, 0, 3) // the second press, later, changes nothing
	}
	p, _ = st.FollowupByToken(ctx, f.Token)
	var result, comment sql.NullString
	if err := st.DB().QueryRow(`SELECT c.followup_result, f.comment FROM cases c JOIN followups f ON f.case_id = c.id WHERE c.id = $1`, f.CaseID).
		Scan(&result, &comment); err != nil {
		t.Fatal(err)
	}
	if p.Rating != 4 || p.Status != storage.FollowupReceived || result.String != storage.ResultReceived || comment.String != "nhanh gọn" {
		t.Errorf("after rating and received: %+v, result %v, comment %v", p, result, comment)
	}
}

func TestFollowupResidentAndReminders(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 2, 0, 0, 0, 0, ict)
	f := followupCase(t, st, "H26.99-251127-0001", due)
	at := due.Add(-48 * time.Hour)
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, commune_code, language) VALUES
		(7, 'C', 'coordinator', $1, 'en'), (8, 'O', 'coordinator', (SELECT min(code) FROM communes), '')`, anHoiTay); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, province_code, language)
		VALUES (9, 'P', 'province_coordinator', (SELECT province_code FROM communes WHERE code = $1), 'vi')`, anHoiTay); err != nil {
		t.Fatal(err)
	}
	reminders := func(day time.Time) []storage.Reminder {
		t.Helper()
		rs, err := st.DueReminders(ctx, day, 10)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	// Nobody opened the link: no reminder, whatever the day.
	if rs := reminders(due.AddDate(0, 1, 0)); len(rs) != 0 {
		t.Fatalf("reminders before anyone opened the link: %+v", rs)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		for _, c := range []struct {
			chat int64
			want bool
		}{{500, true}, {600, false}, {500, true}} {
			got, err := tx.ClaimFollowup(ctx, f.CaseID, c.chat, "vi", at)
			if err != nil {
				return err
			}
			if got != c.want {
				t.Errorf("chat %d claims: %v, want %v", c.chat, got, c.want)
			}
		}
		// Only the resident answers the consent question.
		if err := tx.SetResidentConsent(ctx, f.CaseID, 600, true, "vi-12345678", at); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("another chat's consent: %v", err)
		}
		return nil
	})
	if rs := reminders(due); len(rs) != 0 {
		t.Fatalf("reminders before consent: %+v", rs)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		return tx.SetResidentConsent(ctx, f.CaseID, 500, true, "vi-12345678", at)
	})
	if rs := reminders(due); len(rs) != 0 {
		t.Errorf("reminders on the due date (its result may still come that day): %+v", rs)
	}
	rs := reminders(due.AddDate(0, 0, 1))
	if len(rs) != 1 || rs[0].Chat != 500 || rs[0].N != 1 || rs[0].Language != "vi" || rs[0].DossierCode != "H26.99-251127-0001" ||
		rs[0].GuideID != "khai-sinh" || !rs[0].DueKnown {
		t.Fatalf("reminders the day after the due date: %+v", rs)
	}

	// The first reminder goes; sent twice (a retried job) is refused.
	step := func(name string, fn func(tx *storage.Tx) (bool, error), want bool) {
		t.Helper()
		inTx(t, st, func(tx *storage.Tx) error {
			got, err := fn(tx)
			if err != nil {
				return err
			}
			if got != want {
				t.Errorf("%s: %v, want %v", name, got, want)
			}
			return nil
		})
	}
	sent := func(n int) func(tx *storage.Tx) (bool, error) {
		return func(tx *storage.Tx) (bool, error) { return tx.ReminderSent(ctx, f.CaseID, n, due) }
	}
	notYet := func(next time.Time, wantAgain bool) func(tx *storage.Tx) (bool, error) {
		return func(tx *storage.Tx) (bool, error) {
			ok, again, err := tx.NotYet(ctx, f.CaseID, next, next, ict)
			if ok && again != wantAgain {
				t.Errorf("not yet → asks again %v, want %v", again, wantAgain)
			}
			return ok, err
		}
	}
	step("reminder 1", sent(1), true)
	step("reminder 1 again", sent(1), false)
	if rs := reminders(due.AddDate(0, 0, 10)); len(rs) != 0 {
		t.Errorf("reminders while an answer is awaited: %+v", rs)
	}
	// "Not yet" plans the next; a double tap changes nothing.
	next := due.AddDate(0, 0, 3)
	step("not yet", notYet(next, true), true)
	step("not yet, double tap", notYet(next.AddDate(0, 0, 7), true), false)
	if rs := reminders(next); len(rs) != 1 || rs[0].N != 2 {
		t.Fatalf("reminders after not yet: %+v", rs)
	}
	for n := 2; n <= storage.MaxAskAgain+1; n++ {
		step("reminder", sent(n), true)
		step("not yet", notYet(next.AddDate(0, 0, 3*n), n <= storage.MaxAskAgain), true)
	}
	var ff storage.Followup
	inTx(t, st, func(tx *storage.Tx) (err error) { ff, err = tx.FollowupOfCase(ctx, f.CaseID); return err })
	if ff.Status != storage.FollowupEnded || ff.RemindersSent != storage.MaxAskAgain+1 || ff.NextReminderOn.Valid || !ff.EndedAt.Valid {
		t.Errorf("after %d reminders: %+v", storage.MaxAskAgain+1, ff)
	}
	if rs := reminders(due.AddDate(1, 0, 0)); len(rs) != 0 {
		t.Errorf("reminders after the last: %+v", rs)
	}
	// Received later still counts, as late.
	step("received", func(tx *storage.Tx) (bool, error) { return tx.Received(ctx, f.CaseID, due.AddDate(0, 0, 20)) }, true)
	step("received twice", func(tx *storage.Tx) (bool, error) { return tx.Received(ctx, f.CaseID, due.AddDate(0, 0, 21)) }, false)
	step("problem after received", func(tx *storage.Tx) (bool, error) { return tx.Problem(ctx, f.CaseID, due) }, false)
	var result string
	if err := st.DB().Get(&result, `SELECT followup_result FROM cases WHERE id = $1`, f.CaseID); err != nil || result != storage.ResultReceivedLate {
		t.Errorf("result %q, %v; want received_late", result, err)
	}

	// Who hears of a problem: the volunteer, then the commune's and the
	// province's coordinators; not another commune's.
	inTx(t, st, func(tx *storage.Tx) error {
		cs, err := tx.ProblemContacts(ctx, f.CaseID)
		if err != nil {
			return err
		}
		var ids []int64
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		if len(ids) != 3 || ids[0] != 1 || ids[1] != 7 || ids[2] != 9 || cs[1].Language != "en" {
			t.Errorf("problem contacts: %+v", cs)
		}
		return nil
	})
	// A volunteer removed from their team since is not told.
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.SQL().ExecContext(ctx, `UPDATE users SET role = 'guest', commune_code = NULL WHERE telegram_id = 1`); err != nil {
			return err
		}
		cs, err := tx.ProblemContacts(ctx, f.CaseID)
		if err == nil && (len(cs) != 2 || cs[0].ID != 7 || cs[1].ID != 9) {
			t.Errorf("problem contacts once the volunteer was removed: %+v", cs)
		}
		return err
	})

	// /forget: the follow-up goes at once, the case stays with its numbers.
	inTx(t, st, func(tx *storage.Tx) error { return tx.RateCase(ctx, f.CaseID, 5, due) })
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, language, role) VALUES (500, 'en', 'guest')`); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		cases, err := tx.ForgetResident(ctx, 500)
		if err != nil || len(cases) != 1 || cases[0] != f.CaseID {
			t.Errorf("forget: %v, %v; want case %d", cases, err, f.CaseID)
		}
		return err
	})
	var left, guests, rating int
	if err := st.DB().QueryRow(`SELECT (SELECT count(*) FROM followups), (SELECT count(*) FROM users WHERE telegram_id = 500),
		(SELECT rating FROM cases WHERE id = $1)`, f.CaseID).Scan(&left, &guests, &rating); err != nil {
		t.Fatal(err)
	}
	if left != 0 || guests != 0 || rating != 5 {
		t.Errorf("after /forget: %d follow-ups, %d guest rows, rating %d", left, guests, rating)
	}
	if _, err := st.FollowupByToken(ctx, f.Token); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the link after /forget: %v", err)
	}
	// The case stays forgotten: its code is not kept again.
	err := st.InTx(ctx, func(tx *storage.Tx) error {
		_, err := tx.SaveFollowup(ctx, f.CaseID, "000.00.12.H26-260302-0099", due, true)
		return err
	})
	if !errors.Is(err, storage.ErrForgotten) {
		t.Errorf("a code saved again after /forget: %v", err)
	}
	if err := st.DB().QueryRow(`SELECT count(*) FROM followups WHERE case_id = $1`, f.CaseID).Scan(&left); err != nil || left != 0 {
		t.Errorf("after saving a code again: %d follow-ups (%v)", left, err)
	}
}

func TestFollowupProblem(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 2, 0, 0, 0, 0, ict)
	f := followupCase(t, st, "H26.99-251127-0001", due)
	inTx(t, st, func(tx *storage.Tx) error {
		if ok, err := tx.Problem(ctx, f.CaseID, due); err != nil || !ok {
			t.Errorf("problem: %v, %v", ok, err)
		}
		if ok, err := tx.Problem(ctx, f.CaseID, due); err != nil || ok {
			t.Errorf("problem twice: %v, %v", ok, err)
		}
		if ok, again, err := tx.NotYet(ctx, f.CaseID, due, due, ict); err != nil || ok || again {
			t.Errorf("not yet after a problem: %v %v %v", ok, again, err)
		}
		return nil
	})
	p, _ := st.FollowupByToken(ctx, f.Token)
	var result string
	if err := st.DB().Get(&result, `SELECT followup_result FROM cases WHERE id = $1`, f.CaseID); err != nil || result != storage.ResultProblem || p.Status != storage.FollowupProblem {
		t.Errorf("result %q, status %q, %v", result, p.Status, err)
	}
	// Solved after all: received on time.
	if err := st.FollowupReceived(ctx, f.Token, due.Add(10*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().Get(&result, `SELECT followup_result FROM cases WHERE id = $1`, f.CaseID); err != nil || result != storage.ResultReceived {
		t.Errorf("result after received: %q, %v", result, err)
	}
}

// TestFollowupRetention: a follow-up goes FOLLOWUP_RETENTION_DAYS after it
// ended, or after its due date passed unanswered (after it was made, when it
// has no date); the case stays, with its rating.
func TestFollowupRetention(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Date(2027, 6, 1, 12, 0, 0, 0, ict)
	day := func(d int) time.Time { return now.AddDate(0, 0, d) }
	cases := []struct {
		name         string
		due          time.Time
		endedDaysAgo int // 0: still waiting
		createdAgo   int
		gone         bool
	}{
		{"ended 91 days ago", day(-100), 91, 110, true},
		{"ended 89 days ago", day(-100), 89, 110, false},
		{"due 91 days ago, unanswered", day(-91), 0, 100, true},
		{"due 89 days ago, unanswered", day(-89), 0, 100, false},
		{"no date, made 91 days ago", time.Time{}, 0, 91, true},
		{"no date, made 30 days ago", time.Time{}, 0, 30, false},
	}
	ids := make([]int64, len(cases))
	for i, c := range cases {
		f := followupCase(t, st, "H26.99-251127-000"+string(rune('1'+i)), c.due)
		ids[i] = f.CaseID
		if _, err := st.DB().Exec(`UPDATE followups SET created_at = $2 WHERE case_id = $1`, f.CaseID, day(-c.createdAgo)); err != nil {
			t.Fatal(err)
		}
		if c.endedDaysAgo > 0 {
			inTx(t, st, func(tx *storage.Tx) error {
				_, err := tx.Received(ctx, f.CaseID, day(-c.endedDaysAgo))
				if err == nil {
					err = tx.RateCase(ctx, f.CaseID, 4, day(-c.endedDaysAgo))
				}
				return err
			})
		}
	}
	r, err := st.ApplyRetention(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Followups != 3 {
		t.Errorf("%d follow-ups deleted, want 3", r.Followups)
	}
	for i, c := range cases {
		var n, kept int
		if err := st.DB().QueryRow(`SELECT (SELECT count(*) FROM followups WHERE case_id = $1), (SELECT count(*) FROM cases WHERE id = $1)`, ids[i]).
			Scan(&n, &kept); err != nil {
			t.Fatal(err)
		}
		if (n == 0) != c.gone || kept != 1 {
			t.Errorf("%s: follow-up kept %v, case kept %v", c.name, n == 1, kept == 1)
		}
	}
	var rating int
	if err := st.DB().Get(&rating, `SELECT rating FROM cases WHERE id = $1`, ids[0]); err != nil || rating != 4 {
		t.Errorf("the rating of a purged follow-up's case: %d, %v", rating, err)
	}
	// A shorter setting takes those ended or due 89 days ago too.
	st.SetFollowupRetention(30)
	if r, err := st.ApplyRetention(ctx, now); err != nil || r.Followups != 2 {
		t.Errorf("retention of 30 days: %d deleted, %v", r.Followups, err)
	}
}

// TestFollowupsMigration: follow-ups kept before links existed get a token
// of the link's shape, and their first reminder on the day after their due
// date (migration 00018; 00006 planned it on the due date); one with no due
// date, a week after it was made (migration 00015).
func TestFollowupsMigration(t *testing.T) {
	ctx := context.Background()
	db, p, _ := migratedTo(t, 5)
	for _, q := range []string{
		`INSERT INTO users (telegram_id, first_name, role) VALUES (1, 'V', 'volunteer')`,
		`INSERT INTO cases (id, volunteer_id, guide_id, guide_checked, kind, mode, steps_total, status, phase, followup_consent, consent_version,
			outcome, started_at, updated_at) VALUES (1, 1, 'khai-sinh', '2026-11-27', 'dossier', 'toan-trinh', 5, 'closed', 'done', true, 'vi-x',
			'submitted', now(), now()), (2, 1, 'khai-sinh', '2026-11-27', 'dossier', 'toan-trinh', 5, 'closed', 'done', true, 'vi-x',
			'submitted', now(), now())`,
		`INSERT INTO followups (case_id, dossier_code, due_on) VALUES (1, 'H26.99-1', '2026-12-02'), (2, 'H26.99-2', NULL)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT token, coalesce(next_reminder_on::text, ''), status FROM followups ORDER BY case_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	shape := regexp.MustCompile(`^[A-Za-z0-9_-]{40,64}$`)
	var tokens []string
	for rows.Next() {
		var token, next, status string
		if err := rows.Scan(&token, &next, &status); err != nil {
			t.Fatal(err)
		}
		if !shape.MatchString(token) || status != "waiting" {
			t.Errorf("migrated follow-up: token %q, status %q", token, status)
		}
		tokens = append(tokens, token+" "+next)
	}
	week := time.Now().In(time.FixedZone("ICT", 7*3600)).AddDate(0, 0, 7).Format(time.DateOnly)
	if len(tokens) != 2 || !strings.HasSuffix(tokens[0], " 2026-12-03") || !strings.HasSuffix(tokens[1], " "+week) || tokens[0][:40] == tokens[1][:40] {
		t.Errorf("migrated: %q", tokens)
	}
}

// TestForgetFollowupByToken: the web page's erase takes the one follow-up
// its link names — with the chat that opened it in Telegram, and the
// comment question that chat was left at about it — and marks its case as
// /forget does, so that no code is kept for it again; the chat's other
// follow-ups, its guest row and its other conversation stay.
func TestForgetFollowupByToken(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 2, 0, 0, 0, 0, ict)
	a := followupCase(t, st, "H26.99-251127-0001", due)
	b := followupCase(t, st, "H26.99-251127-0002", due)
	c := followupCase(t, st, "H26.99-251127-0003", due)
	const chat = 500
	inTx(t, st, func(tx *storage.Tx) error {
		for _, f := range []storage.Followup{a, b, c} {
			if _, err := tx.ClaimFollowup(ctx, f.CaseID, chat, "vi", due); err != nil {
				return err
			}
			if err := tx.SetResidentConsent(ctx, f.CaseID, chat, true, "vi-12345678", due); err != nil {
				return err
			}
		}
		if err := tx.RateCase(ctx, a.CaseID, 4, due); err != nil {
			return err
		}
		// The resident rated b and was asked for a comment.
		_, err := tx.SaveConversation(ctx, chat, storage.FollowupFlow, "comment", map[string]int64{"c": b.CaseID}, 0)
		return err
	})
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, language, role) VALUES ($1, 'en', 'guest')`, chat); err != nil {
		t.Fatal(err)
	}
	conv := func() (flow, data string) {
		t.Helper()
		if err := st.DB().QueryRow(`SELECT flow, data::text FROM conversations WHERE chat_id = $1`, chat).Scan(&flow, &data); err != nil {
			t.Fatal(err)
		}
		return flow, data
	}
	gone := func(f storage.Followup) bool {
		t.Helper()
		var n int
		var forgotten bool
		if err := st.DB().QueryRow(`SELECT (SELECT count(*) FROM followups WHERE case_id = $1), followup_forgotten FROM cases WHERE id = $1`, f.CaseID).
			Scan(&n, &forgotten); err != nil {
			t.Fatal(err)
		}
		if (n == 0) != forgotten {
			t.Errorf("case %d: %d follow-ups, followup_forgotten %v", f.CaseID, n, forgotten)
		}
		return n == 0
	}

	if err := st.ForgetFollowup(ctx, a.Token); err != nil {
		t.Fatal(err)
	}
	if !gone(a) || gone(b) || gone(c) {
		t.Fatalf("after erasing a: a gone %v, b gone %v, c gone %v", gone(a), gone(b), gone(c))
	}
	if flow, data := conv(); flow != storage.FollowupFlow || data != fmt.Sprintf(`{"c": %d}`, b.CaseID) {
		t.Errorf("erasing a touched the comment question on b: %s %s", flow, data)
	}
	var rating int
	if err := st.DB().Get(&rating, `SELECT rating FROM cases WHERE id = $1`, a.CaseID); err != nil || rating != 4 {
		t.Errorf("the erased follow-up's case keeps rating %d (%v), want 4", rating, err)
	}
	if _, err := st.FollowupByToken(ctx, a.Token); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the link after the erase: %v", err)
	}
	// Nothing re-creates it: a code typed again, or the link opened in
	// Telegram again.
	err := st.InTx(ctx, func(tx *storage.Tx) error {
		_, err := tx.SaveFollowup(ctx, a.CaseID, "H26.99-251127-0009", due, true)
		return err
	})
	if !errors.Is(err, storage.ErrForgotten) {
		t.Errorf("a code saved again after the erase: %v", err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.FollowupByTokenTx(ctx, a.Token); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("the link opened in Telegram after the erase: %v", err)
		}
		if id, err := tx.CaseWithCode(ctx, 1, a.DossierCode, due.AddDate(0, -1, 0)); err != nil || id != 0 {
			t.Errorf("the erased code is still found on case %d (%v)", id, err)
		}
		return nil
	})
	// The reminders left are the chat's other follow-ups'.
	rs, err := st.DueReminders(ctx, due.AddDate(0, 0, 1), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].CaseID == a.CaseID || rs[1].CaseID == a.CaseID {
		t.Errorf("reminders due after erasing a: %+v", rs)
	}
	// Erased twice (a double tap, a resubmitted form): not found, no harm.
	if err := st.ForgetFollowup(ctx, a.Token); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("erased twice: %v", err)
	}
	if err := st.ForgetFollowup(ctx, "AAAAAAAAAAAAAAAAAAAAAAAA"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an unknown link: %v", err)
	}

	// Erasing b, whose comment question the chat is at, ends it: the chat
	// is tied to b's case nowhere; its guest row stays (c is still its).
	if err := st.ForgetFollowup(ctx, b.Token); err != nil {
		t.Fatal(err)
	}
	if flow, data := conv(); flow != "" || data != "{}" {
		t.Errorf("after erasing b, the chat's conversation: %q %s", flow, data)
	}
	var guests int
	if err := st.DB().Get(&guests, `SELECT count(*) FROM users WHERE telegram_id = $1`, chat); err != nil || guests != 1 {
		t.Errorf("the chat's guest row: %d (%v)", guests, err)
	}
	if !gone(b) || gone(c) {
		t.Errorf("after erasing b: c gone %v", gone(c))
	}
	// /forget, which shares the statement, takes what is left.
	inTx(t, st, func(tx *storage.Tx) error {
		cases, err := tx.ForgetResident(ctx, chat)
		if err == nil && len(cases) != 1 {
			t.Errorf("/forget after two erases: the follow-ups of cases %v, want one", cases)
		}
		return err
	})
	if !gone(c) {
		t.Error("c is kept after /forget")
	}
}
