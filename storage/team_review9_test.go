package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A member's links are revoked by a move only where their new unit does
// not cover them: a commune coordinator promoted to their province keeps
// the links of a commune of that province; moved to another province,
// they lose them; a link already used up or revoked is left as it is.
func TestRevokeInvitesOutsideTheUnit(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 9, "Cường", quyNhon, storage.RoleCoordinator); err != nil {
			return err
		}
		later := time.Now().Add(24 * time.Hour)
		own, err := tx.CreateInvite(ctx, quyNhon, storage.RoleVolunteer, 9, later, 5)
		if err != nil {
			return err
		}
		usedUp, err := tx.CreateInvite(ctx, quyNhon, storage.RoleVolunteer, 9, later, 1)
		if err != nil {
			return err
		}
		if err := tx.UseInvite(ctx, usedUp, time.Now()); err != nil {
			return err
		}
		revoked := func(code string) bool {
			inv, err := tx.Invite(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			return inv.RevokedAt.Valid
		}
		// Still their commune's coordinator: nothing to revoke.
		if n, err := tx.RevokeInvitesOutside(ctx, 9); err != nil || n != 0 {
			t.Fatalf("in their own unit: %d revoked (%v)", n, err)
		}
		// Their commune's province: it covers the commune.
		if err := tx.SetProvinceMembership(ctx, 9, "Cường", giaLai); err != nil {
			return err
		}
		if n, err := tx.RevokeInvitesOutside(ctx, 9); err != nil || n != 0 || revoked(own.Code) {
			t.Fatalf("promoted to the commune's province: %d revoked (%v)", n, err)
		}
		// Another province: the commune's link ends, the used-up one is left.
		if err := tx.SetProvinceMembership(ctx, 9, "Cường", provinceHCMC); err != nil {
			return err
		}
		if n, err := tx.RevokeInvitesOutside(ctx, 9); err != nil || n != 1 || !revoked(own.Code) || revoked(usedUp.Code) {
			t.Fatalf("moved to another province: %d revoked (%v)", n, err)
		}
		return nil
	})
}
