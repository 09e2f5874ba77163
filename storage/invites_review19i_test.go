package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Who joined by a link was kept until the link expired, even once it was
// revoked, though a revoked link is never opened again: revoking it
// forgets them in the same transaction (in /team, and when its maker
// leaves the team), and retention forgets those of a link revoked before.
func TestInviteUsesGoWithTheLinksRevocation(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now()
	var kept, revoked, byLeaver, old storage.Invite
	inTx(t, st, func(tx *storage.Tx) error {
		for _, id := range []int64{7, 8} {
			if err := tx.SetMembership(ctx, id, "Vy", quyNhon, storage.RoleVolunteer); err != nil {
				return err
			}
		}
		if err := tx.SetMembership(ctx, 10, "Lan", quyNhon, storage.RoleCoordinator); err != nil {
			return err
		}
		var err error
		for _, inv := range []*storage.Invite{&kept, &revoked, &old} {
			if *inv, err = tx.CreateInvite(ctx, quyNhon, storage.RoleVolunteer, 9, now.Add(24*time.Hour), 5); err != nil {
				return err
			}
		}
		if byLeaver, err = tx.CreateInvite(ctx, quyNhon, storage.RoleVolunteer, 10, now.Add(24*time.Hour), 5); err != nil {
			return err
		}
		for _, code := range []string{kept.Code, revoked.Code, byLeaver.Code, old.Code} {
			for _, id := range []int64{7, 8} {
				if err := tx.InviteUsedBy(ctx, code, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
	uses := func() []string {
		t.Helper()
		var codes []string
		if err := st.DB().Select(&codes, `SELECT DISTINCT code FROM invite_uses`); err != nil {
			t.Fatal(err)
		}
		return codes
	}

	inTx(t, st, func(tx *storage.Tx) error {
		if ok, err := tx.RevokeInvite(ctx, revoked.Code, now); err != nil || !ok {
			t.Errorf("revoke: %v %v", ok, err)
		}
		leaver, err := tx.User(ctx, 10)
		if err != nil {
			return err
		}
		if ok, err := tx.LeaveTeam(ctx, leaver); err != nil || !ok {
			t.Errorf("leave: %v %v", ok, err)
		}
		return nil
	})
	if got := uses(); slices.Contains(got, revoked.Code) || slices.Contains(got, byLeaver.Code) || !slices.Contains(got, kept.Code) {
		t.Fatalf("after revoking, the uses of %v are kept; want those of the link revoked in /team (%s) and of the leaver's (%s) gone, the live one's (%s) kept",
			got, revoked.Code, byLeaver.Code, kept.Code)
	}

	// A link revoked before (its uses kept then): retention forgets them.
	if _, err := st.DB().Exec(`UPDATE invites SET revoked_at = $2 WHERE code = $1`, old.Code, now); err != nil {
		t.Fatal(err)
	}
	r, err := st.ApplyRetention(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := uses(); len(got) != 1 || got[0] != kept.Code || r.InviteUses != 2 {
		t.Fatalf("after retention, the uses of %v are kept (%d forgotten); want only the live link's %s, and 2 forgotten", got, r.InviteUses, kept.Code)
	}
}
