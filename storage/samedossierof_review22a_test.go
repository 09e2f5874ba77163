package storage_test

import (
	"context"
	"database/sql"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// TestSameDossierOfMigration: migration 00030 names, for each case marked
// the same dossier before it, the case that keeps the code where the case
// log leaves one possible — a case of the same volunteer and procedure,
// its code kept, closed at most a day before — and none where it leaves
// several or none. A code of the case's own kept later clears it with the
// mark; case #A deleted (nothing in the bot deletes a case) leaves the row
// naming none, and the case list still reads. Then down and up again.
func TestSameDossierOfMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, p, url := migratedTo(t, 29)
	closed := func(id, volunteer int, guide, finished string) string {
		return `INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, outcome, started_at, updated_at, finished_at)
		VALUES (` + itoa(id) + `, ` + itoa(volunteer) + `, '00001', '` + guide + `', '2026-01-01', 'dossier', 'toan-trinh', 3, 'closed', 'done',
			true, 'vi-x', 'submitted', TIMESTAMPTZ '` + finished + `' - interval '5 minutes', '` + finished + `', '` + finished + `')`
	}
	kept := func(id int) string {
		return `INSERT INTO followups (case_id, dossier_code, token) VALUES (` + itoa(id) + `, 'H26.99-261005-000` + itoa(id) + `', '` + storage.NewToken() + `')`
	}
	same := func(id int) string {
		return `INSERT INTO case_events (case_id, at, kind, problem) SELECT id, finished_at, 'outcome', 'same_dossier' FROM cases WHERE id = ` + itoa(id)
	}
	stmts := []string{
		`INSERT INTO provinces (code, name, kind, sort_name) VALUES ('01', 'P', 'thanh-pho', 'p')`,
		`INSERT INTO communes (code, province_code, name, kind, sort_name) VALUES ('00001', '01', 'A', 'phuong', 'a')`,
		`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (1, 'An', 'volunteer', '00001'), (2, 'Bình', 'volunteer', '00001')`,
		// 2 the same dossier as 1, the one case it can be.
		closed(1, 1, "khai-sinh", "2026-10-05 09:05+07"), kept(1),
		closed(2, 1, "khai-sinh", "2026-10-05 11:05+07"), same(2),
		// 5 the same dossier as 3 or 4: which, the log does not say.
		closed(3, 1, "khai-sinh", "2026-10-06 09:05+07"), kept(3),
		closed(4, 1, "khai-sinh", "2026-10-06 10:05+07"), kept(4),
		closed(5, 1, "khai-sinh", "2026-10-06 11:05+07"), same(5),
		// 8 the same dossier as none: 6 is another procedure, 7 two days
		// before, 9 another volunteer's.
		closed(6, 2, "ly-lich-tu-phap", "2026-10-08 09:05+07"), kept(6),
		closed(7, 2, "khai-sinh", "2026-10-06 09:05+07"), kept(7),
		closed(8, 2, "khai-sinh", "2026-10-08 11:05+07"), same(8),
		closed(9, 1, "khai-sinh", "2026-10-08 10:05+07"), kept(9),
		`SELECT setval('cases_id_seq', 9)`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if _, err := p.ApplyVersion(ctx, 30, true); err != nil {
		t.Fatal(err)
	}
	// The storage code below reads the columns 00033 to 00036 add
	// to followups (on_screen, on_screen_consent, redrawn_at, off_screen);
	// 00031 and 00032 change nothing it reads.
	for _, v := range []int64{33, 34, 35, 36} {
		if _, err := p.ApplyVersion(ctx, v, true); err != nil {
			t.Fatal(err)
		}
	}
	of := func() map[int64]int64 {
		t.Helper()
		rows, err := db.QueryContext(ctx, `SELECT id, same_dossier_of FROM cases WHERE same_dossier OR same_dossier_of IS NOT NULL ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[int64]int64{}
		for rows.Next() {
			var id int64
			var of sql.NullInt64
			if err := rows.Scan(&id, &of); err != nil {
				t.Fatal(err)
			}
			got[id] = of.Int64
		}
		return got
	}
	if got, want := of(), map[int64]int64{2: 1, 5: 0, 8: 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("after 00030, the cases marked and the case each is the same dossier as: %v, want %v", got, want)
	}

	st, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	october := storage.Period{From: time.Date(2026, 10, 1, 0, 0, 0, 0, ict), To: time.Date(2026, 11, 1, 0, 0, 0, 0, ict)}
	listed := func(what string, want map[int64]int64) {
		t.Helper()
		inTx(t, st, func(tx *storage.Tx) error {
			tl, err := tx.Tally(ctx, storage.Scope{Commune: "00001"}, october)
			if err != nil {
				return err
			}
			got := map[int64]int64{}
			err = tx.EachTallyCase(ctx, tl, func(c storage.TallyCase) error {
				if c.Outcome == storage.TallySameDossier {
					got[c.ID] = c.SameDossierOf
				}
				return nil
			})
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the case list's same dossiers: %v, want %v", what, got, want)
			}
			return err
		})
	}
	listed("migrated", map[int64]int64{2: 1, 5: 0, 8: 0})
	checkRollupsRebuild(ctx, t, st)

	// The bot closes case 10 as the same dossier as 9.
	inTx(t, st, func(tx *storage.Tx) error {
		c := addCase(ctx, t, tx, fixtureCase{volunteer: 1, commune: "00001", guide: "khai-sinh", kind: "dossier", mode: "toan-trinh",
			start: time.Date(2026, 10, 8, 11, 0, 0, 0, ict), status: storage.CaseOpen, followup: true})
		c.SameDossierOf = 9
		closeSame(ctx, t, tx, c, "submitted", time.Date(2026, 10, 8, 11, 5, 0, 0, ict))
		return nil
	})
	listed("case 10 closed as the same dossier as 9", map[int64]int64{2: 1, 5: 0, 8: 0, 10: 9})

	// Case 10's own code, kept within its minutes: a dossier of its own.
	inTx(t, st, func(tx *storage.Tx) error {
		_, err := tx.SaveFollowup(ctx, 10, "H26.99-261008-0010", time.Time{}, false)
		return err
	})
	if got, want := of(), map[int64]int64{2: 1, 5: 0, 8: 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("case 10 given its own code: %v, want %v", got, want)
	}

	// Case 1 deleted (by hand: the bot never deletes a case).
	for _, s := range []string{`DELETE FROM followups WHERE case_id = 1`, `DELETE FROM case_events WHERE case_id = 1`, `DELETE FROM cases WHERE id = 1`} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	listed("case 1 deleted", map[int64]int64{2: 0, 5: 0, 8: 0})
	checkRollupsRebuild(ctx, t, st)

	if _, err := p.ApplyVersion(ctx, 30, false); err != nil {
		t.Fatal(err)
	}
	var cols int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.columns
		WHERE table_name = 'cases' AND column_name = 'same_dossier_of'`).Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if cols != 0 {
		t.Errorf("cases.same_dossier_of left after 00030's down")
	}
	// 00029's trigger is back: a code kept clears the mark.
	if _, err := db.ExecContext(ctx, kept(8)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplyVersion(ctx, 30, true); err != nil {
		t.Fatal(err)
	}
	if got, want := of(), map[int64]int64{2: 0, 5: 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("up again: %v, want %v", got, want)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
