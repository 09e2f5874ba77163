package storage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/storage"
)

// TestFollowupKeptMigration: migration 00023 marks the cases closed before
// it whose dossier code was kept for a follow-up, from what the database
// still knows — a follow-up row, a follow-up deleted at the resident's word
// (followup_forgotten), a result or a rating (only ever given through a
// follow-up, which retention may have deleted since) — and counts them in
// the rollups as followed; a yes at the case's start alone is not followed.
// A follow-up made after it (a code typed after its case closed, or by a
// version before 00023 still serving) marks its case. Then down and up
// again.
func TestFollowupKeptMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, p, url := migratedTo(t, 22)
	stmts := []string{
		`INSERT INTO provinces (code, name, kind, sort_name) VALUES ('01', 'P', 'thanh-pho', 'p')`,
		`INSERT INTO communes (code, province_code, name, kind, sort_name) VALUES ('00001', '01', 'A', 'phuong', 'a')`,
		`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (1, 'An', 'volunteer', '00001')`,
		// 1–6: the resident said yes at the start; 7: no; 8: still open.
		`INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, started_at, updated_at)
		SELECT i, 1, '00001', 'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 3, 'open', 'steps', i <= 6 OR i = 8, 'vi-x',
			TIMESTAMPTZ '2026-10-05 09:00+07' + i * interval '1 day', TIMESTAMPTZ '2026-10-05 09:00+07' + i * interval '1 day'
		FROM generate_series(1, 8) i`,
		`UPDATE cases SET status = 'closed', phase = 'done',
			outcome = CASE id WHEN 6 THEN 'not_submitted' WHEN 7 THEN 'on_the_spot' ELSE 'submitted' END,
			reason = CASE WHEN id = 6 THEN 'missing_doc' END, finished_at = started_at + interval '5 minutes',
			updated_at = started_at + interval '5 minutes'
		WHERE id <= 7`,
		// 1: its follow-up kept; 2: deleted by /forget; 3: a result, then
		// deleted by retention; 4: a rating, then deleted by retention; 5:
		// "Không có mã hồ sơ" (or deleted by retention unanswered: nothing
		// tells them apart).
		`INSERT INTO followups (case_id, dossier_code, token) VALUES (1, 'H26.99-261006-0001', '` + storage.NewToken() + `')`,
		`UPDATE cases SET followup_forgotten = true WHERE id = 2`,
		`UPDATE cases SET followup_result = 'received' WHERE id = 3`,
		`UPDATE cases SET rating = 4 WHERE id = 4`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	st, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	kept := func() []int64 {
		t.Helper()
		var ids []int64
		if err := db.QueryRowContext(ctx, `SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM cases WHERE followup_kept`).Scan(pq.Array(&ids)); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	sums := func() (consented, followed int) {
		t.Helper()
		if err := db.QueryRowContext(ctx, `SELECT sum(consented), sum(followed) FROM tally_months`).Scan(&consented, &followed); err != nil {
			t.Fatal(err)
		}
		return consented, followed
	}
	followed := func(want int) {
		t.Helper()
		if c, f := sums(); c != 6 || f != want {
			t.Errorf("rollups: %d consented, %d followed; want 6 and %d", c, f, want)
		}
		checkRollupsRebuild(ctx, t, st)
		// The tallies' statements read what the latest migration keeps
		// (cases.same_dossier, 00029): at 00023 the rollups alone.
		var latest bool
		if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.columns
			WHERE table_name = 'cases' AND column_name = 'same_dossier')`).Scan(&latest); err != nil {
			t.Fatal(err)
		}
		if !latest {
			return
		}
		october := storage.Period{From: time.Date(2026, 10, 1, 0, 0, 0, 0, ict), To: time.Date(2026, 11, 1, 0, 0, 0, 0, ict)}
		inTx(t, st, func(tx *storage.Tx) error {
			for _, s := range []storage.Scope{{}, {Province: "01"}, {Commune: "00001"}, {Volunteer: 1}} {
				tl, err := tx.Tally(ctx, s, october)
				if err != nil {
					return err
				}
				if tl.Cases != 7 || tl.Followups.Followed != want {
					t.Errorf("scope %+v: %d cases, %d followed; want 7 and %d", s, tl.Cases, tl.Followups.Followed, want)
				}
			}
			return nil
		})
		compareTallies(ctx, t, st, []storage.Scope{{}, {Province: "01"}}, []storage.Period{october, {To: october.To}})
	}

	if _, err := p.ApplyVersion(ctx, 23, true); err != nil {
		t.Fatal(err)
	}
	if got, want := kept(), []int64{1, 2, 3, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("cases marked followed: %v, want %v", got, want)
	}
	followed(4)

	// Case 5's code typed after it closed (as a version before 00023 would
	// keep it, without the mark): its follow-up marks it.
	if _, err := db.ExecContext(ctx, `INSERT INTO followups (case_id, dossier_code, token) VALUES (5, 'H26.99-261010-0001', $1)`, storage.NewToken()); err != nil {
		t.Fatal(err)
	}
	if got, want := kept(), []int64{1, 2, 3, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a late code, cases marked followed: %v, want %v", got, want)
	}
	followed(5)

	if _, err := p.ApplyVersion(ctx, 23, false); err != nil {
		t.Fatal(err)
	}
	var cols int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.columns
		WHERE (table_name, column_name) IN (('cases', 'followup_kept'), ('tally_months', 'followed'))`).Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if cols != 0 {
		t.Errorf("%d of 00023's columns left after its down", cols)
	}
	// The rollups' upkeep of 00016 is back: a rating while it was down.
	if _, err := db.ExecContext(ctx, `UPDATE cases SET rating = 5 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	checkRollupsRebuild(ctx, t, st)

	if _, err := p.ApplyVersion(ctx, 23, true); err != nil {
		t.Fatal(err)
	}
	if got, want := kept(), []int64{1, 2, 3, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("up again, cases marked followed: %v, want %v", got, want)
	}
	followed(5)

	// And with every migration after it, as the tallies read them.
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	followed(5)
}
