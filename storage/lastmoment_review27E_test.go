package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// LastMoment is the time of the case's latest event in their order (what
// case_stats walks), or of its start with none: a moment recorded at it
// splits no stretch of the case's active time (review 27E).
func TestReview27ELastMoment(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 1, "V", "26882", storage.RoleVolunteer); err != nil {
			return err
		}
		c := newCase(ctx, t, tx, 1, "26882", "khai-sinh", start)
		if at, err := tx.LastMoment(ctx, c.ID); err != nil || !at.Equal(start) {
			t.Fatalf("no event: %v, %v; want the start %v", at, err, start)
		}
		for _, e := range []storage.CaseEvent{
			{CaseID: c.ID, At: start.Add(10 * time.Minute), Kind: "done"},
			{CaseID: c.ID, At: start.Add(3 * time.Minute), Kind: "skip"}, // a later event, an earlier time
		} {
			if err := tx.AddCaseEvent(ctx, e); err != nil {
				return err
			}
		}
		if at, err := tx.LastMoment(ctx, c.ID); err != nil || !at.Equal(start.Add(3*time.Minute)) {
			t.Fatalf("after two events: %v, %v; want the last one's time", at, err)
		}
		return nil
	})
}
