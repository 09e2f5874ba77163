package storage_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Removed from one team, then from another it joined since: the second
// removal must not undo the first. A link the first team made before
// that removal still does not bring the member back to it, and the
// second team's older link does not either; a third team's link does.
func TestRemovedFromTwoTeamsKeepsBoth(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const id = 50
	commune := func(c string) sql.NullString { return sql.NullString{String: c, Valid: true} }
	var first, second storage.Invite
	inTx(t, st, func(tx *storage.Tx) (err error) {
		first, err = tx.CreateInvite(ctx, "26882", storage.RoleVolunteer, 99, time.Now().Add(24*time.Hour), 5)
		if err != nil {
			return err
		}
		second, err = tx.CreateInvite(ctx, "00004", storage.RoleVolunteer, 98, time.Now().Add(24*time.Hour), 5)
		return err
	})
	// In the first team, removed; joins the second, removed from it too.
	for _, c := range []string{"26882", "00004"} {
		inTx(t, st, func(tx *storage.Tx) error {
			if err := tx.SetMembership(ctx, id, "V", c, storage.RoleVolunteer); err != nil {
				return err
			}
			u, err := tx.User(ctx, id)
			if err != nil {
				return err
			}
			if ok, err := tx.RemoveMember(ctx, u); err != nil || !ok {
				t.Fatalf("removal from %s: %v %v", c, ok, err)
			}
			return nil
		})
	}
	inTx(t, st, func(tx *storage.Tx) error {
		for _, inv := range []storage.Invite{first, second} {
			removed, err := tx.RemovedSince(ctx, id, inv.CreatedAt, inv.CommuneCode, inv.ProvinceCode)
			if err != nil {
				return err
			}
			if !removed {
				t.Errorf("the link of %s made before the removal from it takes the member back", inv.CommuneCode.String)
			}
		}
		removed, err := tx.RemovedSince(ctx, id, first.CreatedAt, commune("00008"), sql.NullString{})
		if err == nil && removed {
			t.Error("a team the member was never in refuses its link")
		}
		return err
	})
	// Retention keeps both while the links are valid.
	if _, err := st.ApplyRetention(ctx, time.Now()); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		removed, err := tx.RemovedSince(ctx, id, first.CreatedAt, first.CommuneCode, first.ProvinceCode)
		if err == nil && !removed {
			t.Error("after retention, the first team's older link takes the member back")
		}
		return err
	})
}
