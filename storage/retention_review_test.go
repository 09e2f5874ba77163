package storage_test

// A retention case found in review (2026-11-30): it failed before its fix.

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// docs/privacy.md: a follow-up goes FOLLOWUP_RETENTION_DAYS after it
// ended, or after its due date passed *unanswered*. A resident who
// answered "not yet" is still being asked (the next reminder is planned):
// the follow-up stays until that date too (it used to go as soon as its
// due date was older than the setting, which a short setting made happen
// while reminders were still planned).
func TestRetentionKeepsAFollowupStillBeingAsked(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 7, 0, 0, 0, 0, ict) // a Monday
	f := followupCase(t, st, "H26.99-251127-0001", due)
	next := due.AddDate(0, 0, 10) // the resident said "not yet" on the due date
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.ClaimFollowup(ctx, f.CaseID, 777, "vi", due); err != nil {
			return err
		}
		if err := tx.SetResidentConsent(ctx, f.CaseID, 777, true, "vi-test", due); err != nil {
			return err
		}
		if ok, err := tx.ReminderSent(ctx, f.CaseID, 1, due); err != nil || !ok {
			t.Fatalf("reminder 1: %v %v", ok, err)
		}
		if ok, again, err := tx.NotYet(ctx, f.CaseID, next, due.Add(9*time.Hour), ict); err != nil || !ok || !again {
			t.Fatalf("not yet: %v %v %v", ok, again, err)
		}
		return nil
	})
	st.SetFollowupRetention(7)
	r, err := st.ApplyRetention(ctx, due.AddDate(0, 0, 9))
	if err != nil {
		t.Fatal(err)
	}
	if r.Followups != 0 {
		t.Errorf("a follow-up answered \"not yet\", its next reminder planned for %s, was deleted on %s",
			next.Format(time.DateOnly), due.AddDate(0, 0, 9).Format(time.DateOnly))
	}
}
