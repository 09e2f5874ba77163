package storage_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// TestNotNeededTallied: a case that ended "no procedure needed" (the
// resident was advised: the card in VNeID suffices) is kept as its kind's
// not-done outcome with the reason not_needed — an older binary reads it
// as not done — but every tally counts it on a line of its own: not under
// "not done" nor among its reasons, not as a case done (helped) nor as a
// dossier filed. A case "not eligible" stays under not done.
func TestNotNeededTallied(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 1, "An", anHoiTay, storage.RoleVolunteer); err != nil {
			return err
		}
		addCase(ctx, t, tx, fixtureCase{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh",
			outcome: "submitted", start: at(3, 9, 0), finish: at(3, 9, 20)})
		addCase(ctx, t, tx, fixtureCase{volunteer: 1, commune: anHoiTay, guide: "cap-lai-the-bhyt", kind: "dossier", mode: "toan-trinh",
			outcome: "not_submitted", reason: storage.ReasonNotNeeded, start: at(3, 10, 0), finish: at(3, 10, 5)})
		addCase(ctx, t, tx, fixtureCase{volunteer: 1, commune: anHoiTay, guide: "kich-hoat-vneid", kind: "account",
			outcome: "not_done", reason: storage.ReasonNotNeeded, start: at(3, 11, 0), finish: at(3, 11, 5)})
		addCase(ctx, t, tx, fixtureCase{volunteer: 1, commune: anHoiTay, guide: "doi-gplx", kind: "dossier", mode: "toan-trinh",
			outcome: "not_submitted", reason: "not_eligible", start: at(3, 12, 0), finish: at(3, 12, 5)})
		return nil
	})
	scopes := []storage.Scope{{}, {Province: "79"}, {Commune: anHoiTay}, {Volunteer: 1}}
	inTx(t, st, func(tx *storage.Tx) error {
		for _, s := range scopes {
			tl, err := tx.Tally(ctx, s, november)
			if err != nil {
				return err
			}
			if tl.Cases != 4 || tl.Helped != 1 {
				t.Errorf("scope %+v: %d cases, %d helped; want 4 and 1", s, tl.Cases, tl.Helped)
			}
			outcomes := map[string]int{}
			for k, n := range tl.Outcomes {
				if n != 0 {
					outcomes[k] = n
				}
			}
			if want := map[string]int{"submitted": 1, storage.TallyNotNeeded: 2, storage.TallyNotDone: 1}; !reflect.DeepEqual(outcomes, want) {
				t.Errorf("scope %+v: outcomes %v, want %v", s, outcomes, want)
			}
			if want := []storage.Count{{Key: "not_eligible", N: 1}}; !reflect.DeepEqual(tl.Reasons, want) {
				t.Errorf("scope %+v: reasons %v, want %v", s, tl.Reasons, want)
			}
			if tl.Modes["toan-trinh"] != 1 {
				t.Errorf("scope %+v: %d dossiers filed, want 1", s, tl.Modes["toan-trinh"])
			}
			var listed []string
			if err := tx.EachTallyCase(ctx, tl, func(c storage.TallyCase) error {
				listed = append(listed, c.Outcome+"/"+c.Reason)
				return nil
			}); err != nil {
				return err
			}
			if want := []string{"submitted/", "not_needed/", "not_needed/", "not_done/not_eligible"}; !reflect.DeepEqual(listed, want) {
				t.Errorf("scope %+v: the case list %v, want %v", s, listed, want)
			}
		}
		return nil
	})
	compareTallies(ctx, t, st, scopes, []storage.Period{november, {To: november.To}})
	checkRollupsRebuild(ctx, t, st)
}

// TestNotNeededMigration: 00031 lets a case not done end with the reason
// not_needed; its Down keeps such a case as "other reason", and up again
// the reason is allowed again.
func TestNotNeededMigration(t *testing.T) {
	ctx := context.Background()
	db, p, _ := migratedTo(t, 30)
	if _, err := db.ExecContext(ctx, `INSERT INTO users (telegram_id, first_name, role) VALUES (1, 'V', 'volunteer')`); err != nil {
		t.Fatal(err)
	}
	insert := func(id int) error {
		_, err := db.ExecContext(ctx, `INSERT INTO cases (id, volunteer_id, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, outcome, reason, ended_from, started_at, updated_at, finished_at)
			VALUES ($1, 1, 'cap-lai-the-bhyt', '2026-11-27', 'dossier', 'toan-trinh', 5, 'closed', 'done', false, 'vi-x',
			'not_submitted', 'not_needed', 'checklist', now(), now(), now())`, id)
		return err
	}
	if err := insert(1); err == nil || !strings.Contains(err.Error(), "cases_reason") {
		t.Fatalf("before 00031 a case with the reason not_needed: %v, want the reason's check to refuse it", err)
	}
	if _, err := p.UpTo(ctx, 31); err != nil {
		t.Fatal(err)
	}
	if err := insert(1); err != nil {
		t.Fatalf("after 00031: %v", err)
	}
	if _, err := p.DownTo(ctx, 30); err != nil {
		t.Fatal(err)
	}
	var reason string
	if err := db.QueryRowContext(ctx, `SELECT reason FROM cases WHERE id = 1`).Scan(&reason); err != nil || reason != "other_reason" {
		t.Errorf("after 00031's Down: reason %q (%v), want other_reason", reason, err)
	}
	if _, err := p.UpTo(ctx, 31); err != nil {
		t.Fatal(err)
	}
	if err := insert(2); err != nil {
		t.Errorf("up again: %v", err)
	}
}
