package handlers_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// An administrator (ADMIN_TELEGRAM_IDS: kept with no role of a team) helps
// a resident through a case, which has no commune. "Có vướng mắc": the
// README says the volunteer is told. Found in review (2026-11-30): the
// administrator was told nothing, taken for a member who left the team,
// and the resident read that "the volunteer who helped has left the team
// and the commune has no coordinator on dvcbot".
func TestProblemOnAnAdministratorsCase(t *testing.T) {
	received := vn(2026, 11, 23, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	resident := w.srv.NewUser("Ông Bảy", "vi")
	const code = "000.00.12.H26-261123-1010"
	ctx := context.Background()
	var id int64
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		// As the wizard starts an administrator's case (handlers/case.go).
		if err := tx.KeepUser(ctx, w.admin.ID, w.admin.FirstName); err != nil {
			return err
		}
		c, err := tx.CreateCase(ctx, storage.Case{VolunteerID: w.admin.ID, GuideID: "khai-sinh", GuideChecked: received,
			Kind: "dossier", Mode: sql.NullString{String: "toan-trinh", Valid: true}, StepsTotal: 5,
			Phase: storage.PhaseSteps, FollowupConsent: true, ConsentVersion: "vi-test", StartedAt: received.Add(-30 * 60e9)})
		if err != nil {
			return err
		}
		id = c.ID
		c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, received
		c.Outcome = sql.NullString{String: "submitted", Valid: true}
		c.FinishedAt = sql.NullTime{Time: received, Valid: true}
		if err := tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: received, Kind: "outcome"}); err != nil {
			return err
		}
		if _, err := tx.SaveFollowup(ctx, id, code, vn(2026, 11, 24, 0, 0), true); err != nil {
			return err
		}
		if _, err := tx.ClaimFollowup(ctx, id, resident.ID, "vi", received); err != nil {
			return err
		}
		return tx.SetResidentConsent(ctx, id, resident.ID, true, "vi-test", received)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	w.settle(resident)
	got := last(t, w.press(resident, w.vi("followup.reminder_problem")))
	if got.Text != w.about(code)+w.vi("followup.problem_sent_volunteer") {
		t.Errorf("the resident was told %q, want that the volunteer was told", got.Text)
	}
	want := w.vi("followup.problem_volunteer", locales.Data{"Case": id, "Guide": guide(t, "khai-sinh").Title.Vi})
	if m := w.settle(w.admin); len(m) != 1 || m[0].Text != want {
		var texts []string
		for _, x := range m {
			texts = append(texts, x.Text)
		}
		t.Errorf("the administrator who helped was told %q, want %q", texts, want)
	}
}
