package storage_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// TestTallyCountsDossiersFollowed: a tally's follow-ups count the dossiers
// whose code was kept for a follow-up — also when the resident had it
// deleted since (/forget), when retention deleted it, or when the code came
// after the case closed — not the residents who said yes at the case's
// start (a yes with no code, or a dossier not filed, is followed by
// nobody). The rollups and the cases say the same, for every scope.
func TestTallyCountsDossiersFollowed(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, 1, "An", anHoiTay, storage.RoleVolunteer)
	})
	type dossier struct {
		consent bool
		outcome string
		code    bool // kept as the case closes
	}
	var ids []int64
	inTx(t, st, func(tx *storage.Tx) error {
		for i, d := range []dossier{
			{true, "submitted", true},      // 0: followed
			{true, "submitted", false},     // 1: "Không có mã hồ sơ"
			{true, "not_submitted", false}, // 2: "Chưa nộp được"
			{true, "paid", true},           // 3: followed, then /forget
			{true, "submitted", true},      // 4: followed, then deleted by retention
			{false, "submitted", false},    // 5: its code attached after close
			{false, "on_the_spot", false},  // 6: nothing to follow
		} {
			start := at(3+i, 9, 0)
			c, err := tx.CreateCase(ctx, storage.Case{VolunteerID: 1, CommuneCode: sql.NullString{String: anHoiTay, Valid: true},
				GuideID: "khai-sinh", GuideChecked: start, Kind: "dossier", Mode: sql.NullString{String: "toan-trinh", Valid: true},
				StepsTotal: 5, Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: start, FollowupConsent: d.consent})
			if err != nil {
				return err
			}
			finish := start.Add(20 * time.Minute)
			c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, finish
			c.Outcome = sql.NullString{String: d.outcome, Valid: true}
			if d.outcome == "not_submitted" {
				c.Reason = sql.NullString{String: "missing_doc", Valid: true}
			}
			c.FinishedAt = sql.NullTime{Time: finish, Valid: true}
			c.FollowupKept = d.code
			if err := tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: finish, Kind: "outcome"}); err != nil {
				return err
			}
			if d.code {
				if _, err := tx.SaveFollowup(ctx, c.ID, "H26.99-261103-000"+string(rune('0'+i)), time.Time{}, false); err != nil {
					return err
				}
			}
			ids = append(ids, c.ID)
		}
		return nil
	})
	later := at(28, 9, 0)
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.ClaimFollowup(ctx, ids[3], 500, "vi", later); err != nil {
			return err
		}
		if _, err := tx.ForgetResident(ctx, 500); err != nil {
			return err
		}
		_, err := tx.SaveFollowup(ctx, ids[5], "H26.99-261108-0001", time.Time{}, false)
		return err
	})
	if _, err := st.DB().ExecContext(ctx, `UPDATE followups SET created_at = now() - interval '1 year' WHERE case_id = $1`, ids[4]); err != nil {
		t.Fatal(err)
	}
	if r, err := st.ApplyRetention(ctx, time.Now()); err != nil || r.Followups != 1 {
		t.Fatalf("retention deleted %d follow-ups (%v), want 1", r.Followups, err)
	}
	var left int
	if err := st.DB().GetContext(ctx, &left, `SELECT count(*) FROM followups`); err != nil || left != 2 {
		t.Fatalf("%d follow-ups left (%v), want 2", left, err)
	}

	for _, s := range []storage.Scope{{}, {Province: hcmc}, {Commune: anHoiTay}, {Volunteer: 1}} {
		inTx(t, st, func(tx *storage.Tx) error {
			for _, p := range []storage.Period{november, {From: at(2, 0, 0), To: at(20, 0, 0)}} {
				tl, err := tx.Tally(ctx, s, p)
				if err != nil {
					return err
				}
				if tl.Cases != 7 || tl.Followups.Followed != 4 {
					t.Errorf("scope %+v, %s – %s: %d cases, %d followed; want 7 and 4", s, p.From, p.To, tl.Cases, tl.Followups.Followed)
				}
			}
			return nil
		})
	}
	compareTallies(ctx, t, st, []storage.Scope{{}, {Province: hcmc}, {Commune: anHoiTay}}, []storage.Period{november})
	checkRollupsRebuild(ctx, t, st)
}
