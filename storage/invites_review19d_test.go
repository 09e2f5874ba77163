package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Who joined by a link is kept while it can be opened again, and no
// longer: once it expired, retention forgets it (docs/privacy.md).
func TestInviteUsesGoWithTheLinksExpiry(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now()
	var live, ended storage.Invite
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 7, "Vy", quyNhon, storage.RoleVolunteer); err != nil {
			return err
		}
		var err error
		if live, err = tx.CreateInvite(ctx, quyNhon, storage.RoleVolunteer, 9, now.Add(24*time.Hour), 5); err != nil {
			return err
		}
		if ended, err = tx.CreateInvite(ctx, quyNhon, storage.RoleVolunteer, 9, now.Add(-time.Minute), 5); err != nil {
			return err
		}
		for _, code := range []string{live.Code, ended.Code} {
			if err := tx.InviteUsedBy(ctx, code, 7); err != nil {
				return err
			}
		}
		return nil
	})
	r, err := st.ApplyRetention(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	if err := st.DB().Select(&kept, `SELECT code FROM invite_uses WHERE telegram_id = 7`); err != nil {
		t.Fatal(err)
	}
	if len(kept) != 1 || kept[0] != live.Code || r.InviteUses != 1 {
		t.Fatalf("after retention, kept the uses of %v (%d forgotten); want only the live link's", kept, r.InviteUses)
	}
	// And usable again by them though used up.
	if _, err := st.DB().Exec(`UPDATE invites SET uses = max_uses WHERE code = $1`, live.Code); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		inv, err := tx.Invite(ctx, live.Code)
		if err != nil {
			return err
		}
		if again, err := tx.UsableBy(ctx, inv, 7, now); err != nil || !again {
			t.Errorf("the link they joined by, used up: %v %v", again, err)
		}
		if _, err := tx.UsableBy(ctx, inv, 8, now); err != storage.ErrInviteUsedUp {
			t.Errorf("the used-up link for someone else: %v", err)
		}
		return nil
	})
}
