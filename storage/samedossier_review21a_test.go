package storage_test

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// closeSame closes a case as the wizard closes one that ended as the same
// dossier as a case that keeps its code: submitted, its outcome event
// marked storage.SameDossier.
func closeSame(ctx context.Context, t *testing.T, tx *storage.Tx, c storage.Case, outcome string, at time.Time) {
	t.Helper()
	c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, at
	c.Outcome = sql.NullString{String: outcome, Valid: true}
	c.FinishedAt = sql.NullTime{Time: at, Valid: true}
	if err := tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: at, Kind: "outcome",
		Problem: sql.NullString{String: storage.SameDossier, Valid: true}}); err != nil {
		t.Fatal(err)
	}
}

// khaiSinhCounts is the birth registration's `counts` (and a payment's).
func khaiSinhCounts(g string) []string {
	if g == "thanh-toan" {
		return []string{"payment_online"}
	}
	return []string{"dossier_online", "payment_online"}
}

// Two cases of one resident and one dossier (the second "🔗 Same dossier
// as case #1": a supplement, the fee paid online after a failure) were
// two dossiers filed in every tally — in the outcomes, the modes and the
// scheme's dossier_online and payment_online. They are two cases, both
// helped, and one dossier: the second counts on a line of its own, and
// toward no dossier KPI, from the cases and from the rollups alike — but
// the fee it paid online is a payment made (payment_online; review 21a2:
// it counted nowhere, case #1 being only submitted). Given its own code
// later (it was pressed by mistake), it is a dossier again.
func TestSameDossierTalliedOnce(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	var second storage.Case
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 1, "An", anHoiTay, storage.RoleVolunteer); err != nil {
			return err
		}
		addCase(ctx, t, tx, fixtureCase{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh",
			outcome: "submitted", start: at(3, 9, 0), finish: at(3, 9, 20), followup: true})
		second = addCase(ctx, t, tx, fixtureCase{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh",
			start: at(3, 10, 0), status: storage.CaseOpen, followup: true})
		closeSame(ctx, t, tx, second, "paid", at(3, 10, 15))
		return nil
	})
	scopes := []storage.Scope{{}, {Province: "79"}, {Commune: anHoiTay}, {Volunteer: 1}}
	// payments: the payment_online KPI — the second case's fee paid online
	// at its return visit is a payment made, whether or not it is a
	// dossier of its own.
	check := func(what string, dossiers, paid, same, payments int) {
		t.Helper()
		inTx(t, st, func(tx *storage.Tx) error {
			for _, s := range scopes {
				tl, err := tx.Tally(ctx, s, november)
				if err != nil {
					return err
				}
				if tl.Cases != 2 || tl.Helped != 2 {
					t.Errorf("%s, scope %+v: %d cases, %d helped; want 2 and 2", what, s, tl.Cases, tl.Helped)
				}
				outcomes := map[string]int{}
				for k, n := range tl.Outcomes {
					if n != 0 {
						outcomes[k] = n
					}
				}
				want := map[string]int{"submitted": 1}
				if paid > 0 {
					want["paid"] = paid
				}
				if same > 0 {
					want["same_dossier"] = same
				}
				if !reflect.DeepEqual(outcomes, want) {
					t.Errorf("%s, scope %+v: outcomes %v, want %v", what, s, outcomes, want)
				}
				if tl.Modes["toan-trinh"] != dossiers {
					t.Errorf("%s, scope %+v: %d dossiers filed toàn trình, want %d", what, s, tl.Modes["toan-trinh"], dossiers)
				}
				if tl.SameDossierPaid != payments-paid {
					t.Errorf("%s, scope %+v: %d the same dossier paid online, want %d", what, s, tl.SameDossierPaid, payments-paid)
				}
				kpis := tl.KPIs(khaiSinhCounts)
				if kpis["dossier_online"] != dossiers || kpis["payment_online"] != payments {
					t.Errorf("%s, scope %+v: KPIs %v, want dossier_online %d, payment_online %d", what, s, kpis, dossiers, payments)
				}
				var listed []string
				if err := tx.EachTallyCase(ctx, tl, func(c storage.TallyCase) error {
					o := c.Outcome
					if c.Paid {
						o += ", paid online"
					}
					listed = append(listed, o)
					return nil
				}); err != nil {
					return err
				}
				wantListed := []string{"submitted", "paid, paid online"}
				if same > 0 {
					wantListed[1] = "same_dossier, paid online"
				}
				if !reflect.DeepEqual(listed, wantListed) {
					t.Errorf("%s, scope %+v: the case list's outcomes %v, want %v", what, s, listed, wantListed)
				}
			}
			return nil
		})
		compareTallies(ctx, t, st, scopes, []storage.Period{november, {To: november.To}})
		checkRollupsRebuild(ctx, t, st)
	}
	check("the second case the same dossier, paid online", 1, 0, 1, 1)

	// Its own code, typed within its minutes: a dossier of its own.
	inTx(t, st, func(tx *storage.Tx) error {
		_, err := tx.SaveFollowup(ctx, second.ID, "H26.99-261103-0002", time.Time{}, false)
		return err
	})
	check("the second case given its own code", 2, 1, 0, 1)
}

// TestSameDossierMigration: migration 00029 marks the cases closed before
// it as the same dossier from their last outcome event — not one whose
// own code was kept since, nor one whose outcome event is not marked —
// and counts the rollups again for them; a version before it, still
// serving, that closes a case so (its event marked, the column not
// written) marks it too. Then down and up again.
func TestSameDossierMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, p, url := migratedTo(t, 28)
	stmts := []string{
		`INSERT INTO provinces (code, name, kind, sort_name) VALUES ('01', 'P', 'thanh-pho', 'p')`,
		`INSERT INTO communes (code, province_code, name, kind, sort_name) VALUES ('00001', '01', 'A', 'phuong', 'a')`,
		`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (1, 'An', 'volunteer', '00001')`,
		`INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, started_at, updated_at)
		SELECT i, 1, '00001', 'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 3, 'open', 'steps', true, 'vi-x',
			TIMESTAMPTZ '2026-10-05 09:00+07' + i * interval '1 hour', TIMESTAMPTZ '2026-10-05 09:00+07' + i * interval '1 hour'
		FROM generate_series(1, 5) i`,
		// 1: keeps its code; 2: the same dossier; 3: the same dossier,
		// then its own code typed; 4: the same dossier, paid; 5: no code.
		`INSERT INTO case_events (case_id, at, kind, problem)
		SELECT i, TIMESTAMPTZ '2026-10-05 09:05+07' + i * interval '1 hour', 'outcome', CASE WHEN i IN (2, 3, 4) THEN 'same_dossier' END
		FROM generate_series(1, 5) i`,
		`UPDATE cases SET status = 'closed', phase = 'done', outcome = CASE id WHEN 4 THEN 'paid' ELSE 'submitted' END,
			finished_at = started_at + interval '5 minutes', updated_at = started_at + interval '5 minutes'`,
		`INSERT INTO followups (case_id, dossier_code, token) VALUES (1, 'H26.99-261005-0001', '` + storage.NewToken() + `'),
			(3, 'H26.99-261005-0003', '` + storage.NewToken() + `')`,
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
	october := storage.Period{From: time.Date(2026, 10, 1, 0, 0, 0, 0, ict), To: time.Date(2026, 11, 1, 0, 0, 0, 0, ict)}
	marked := func() []int64 {
		t.Helper()
		var ids []int64
		if err := db.QueryRowContext(ctx, `SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM cases WHERE same_dossier`).Scan(pq.Array(&ids)); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	// payments: the payment_online KPI (case 4's fee, paid online at its
	// return visit, counts whether or not it is the same dossier).
	counted := func(what string, cases, dossiers, same, payments int) {
		t.Helper()
		inTx(t, st, func(tx *storage.Tx) error {
			for _, s := range []storage.Scope{{}, {Province: "01"}, {Commune: "00001"}} {
				tl, err := tx.Tally(ctx, s, october)
				if err != nil {
					return err
				}
				if tl.Cases != cases || tl.Modes["toan-trinh"] != dossiers || tl.Outcomes["same_dossier"] != same {
					t.Errorf("%s, scope %+v: %d cases, %d dossiers filed, %d the same dossier; want %d, %d, %d", what, s,
						tl.Cases, tl.Modes["toan-trinh"], tl.Outcomes["same_dossier"], cases, dossiers, same)
				}
				if kpis := tl.KPIs(khaiSinhCounts); kpis["dossier_online"] != dossiers || kpis["payment_online"] != payments {
					t.Errorf("%s, scope %+v: KPIs %v, want dossier_online %d, payment_online %d", what, s, kpis, dossiers, payments)
				}
			}
			return nil
		})
		compareTallies(ctx, t, st, []storage.Scope{{}, {Province: "01"}}, []storage.Period{october, {To: october.To}})
		checkRollupsRebuild(ctx, t, st)
	}

	if _, err := p.ApplyVersion(ctx, 29, true); err != nil {
		t.Fatal(err)
	}
	if got, want := marked(), []int64{2, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("cases marked the same dossier: %v, want %v", got, want)
	}
	// The rollups' outcome lines keep each case's outcome (c) and mark it
	// in d: a version before 00029, still serving, reads a line marked as
	// the outcome it names (a dossier submitted or paid, as it always
	// did), never as a case not done for a reason it does not know.
	var lines []string
	if err := db.QueryRowContext(ctx, `SELECT coalesce(array_agg(c || '|' || d || '|' || n ORDER BY c, d), '{}') FROM tally_counts
		WHERE dim = 'guide' AND n <> 0`).Scan(pq.Array(&lines)); err != nil {
		t.Fatal(err)
	}
	if want := []string{"paid|same_dossier|1", "submitted||3", "submitted|same_dossier|1"}; !reflect.DeepEqual(lines, want) {
		t.Errorf("the rollups' outcome lines (outcome|mark|cases): %v, want %v", lines, want)
	}
	counted("migrated", 5, 3, 2, 1)

	// A version before 00029 closes case 6 as the same dossier: its event
	// marked, the column left alone.
	for _, s := range []string{
		`INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, started_at, updated_at)
		VALUES (6, 1, '00001', 'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 3, 'open', 'steps', true, 'vi-x',
			'2026-10-06 09:00+07', '2026-10-06 09:00+07')`,
		`WITH c AS (UPDATE cases SET status = 'closed', phase = 'done', outcome = 'submitted', finished_at = '2026-10-06 09:05+07',
			updated_at = '2026-10-06 09:05+07' WHERE id = 6)
		INSERT INTO case_events (case_id, at, kind, problem) VALUES (6, '2026-10-06 09:05+07', 'outcome', 'same_dossier')`,
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if got, want := marked(), []int64{2, 4, 6}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a close by the version before, cases marked the same dossier: %v, want %v", got, want)
	}
	counted("a close by the version before", 6, 3, 3, 1)

	if _, err := p.ApplyVersion(ctx, 29, false); err != nil {
		t.Fatal(err)
	}
	var cols int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.columns
		WHERE table_name = 'cases' AND column_name = 'same_dossier'`).Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if cols != 0 {
		t.Errorf("cases.same_dossier left after 00029's down")
	}
	checkRollupsRebuild(ctx, t, st)

	if _, err := p.ApplyVersion(ctx, 29, true); err != nil {
		t.Fatal(err)
	}
	if got, want := marked(), []int64{2, 4, 6}; !reflect.DeepEqual(got, want) {
		t.Errorf("up again, cases marked the same dossier: %v, want %v", got, want)
	}
	counted("up again", 6, 3, 3, 1)
}
