package storage_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The team a member was removed from is kept, with the time, so that its
// links made before the removal do not bring them back (RemovedSince).
// Once no invite made before the removal can still be used it keeps
// nobody out: retention clears it, as docs/privacy.md says, while a
// removal an unexpired older link still needs stays.
func TestRetentionForgetsARemovalNoLinkNeeds(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now()
	member := func(id int64) storage.User {
		var u storage.User
		inTx(t, st, func(tx *storage.Tx) error {
			if err := tx.SetMembership(ctx, id, "V", "26882", storage.RoleVolunteer); err != nil {
				return err
			}
			var err error
			u, err = tx.User(ctx, id)
			return err
		})
		return u
	}
	old, kept := member(30), member(31)
	var link storage.Invite
	inTx(t, st, func(tx *storage.Tx) (err error) {
		link, err = tx.CreateInvite(ctx, "26882", storage.RoleVolunteer, 99, now.Add(24*time.Hour), 5)
		return err
	})
	inTx(t, st, func(tx *storage.Tx) error {
		for _, u := range []storage.User{old, kept} {
			if ok, err := tx.RemoveMember(ctx, u); err != nil || !ok {
				return err
			}
		}
		return nil
	})
	// 30 was removed before the link was made (a week ago): no link of
	// that time is still valid.
	if _, err := st.DB().Exec(`UPDATE removals SET removed_at = $1 WHERE telegram_id = 30`, now.AddDate(0, 0, -7)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ApplyRetention(ctx, now); err != nil {
		t.Fatal(err)
	}
	removal := func(id int64) (at sql.NullTime, commune sql.NullString) {
		t.Helper()
		err := st.DB().QueryRow(`SELECT removed_at, commune_code FROM removals WHERE telegram_id = $1`, id).Scan(&at, &commune)
		if err != nil && err != sql.ErrNoRows {
			t.Fatal(err)
		}
		return at, commune
	}
	if at, commune := removal(30); at.Valid || commune.Valid {
		t.Errorf("a removal no valid link predates is kept: %v %v", at, commune)
	}
	if at, commune := removal(31); !at.Valid || commune.String != "26882" {
		t.Errorf("a removal an older valid link needs was cleared: %v %v", at, commune)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		removed, err := tx.RemovedSince(ctx, 31, link.CreatedAt, link.CommuneCode, link.ProvinceCode)
		if err == nil && !removed {
			t.Error("the older link takes the removed member back after retention")
		}
		return err
	})
}

// A removal stored before migration 00026 kept no team: it counts for
// every team, until they join one — as it did. Kept through joining (as a
// removal with its team now is), it refused every older link of every
// other team as "you were removed from the team", teams they had never
// been in.
func TestRemovalWithoutTeamGoesOnJoining(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	before := time.Now().Add(-time.Hour)
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, role, removed_at) VALUES (40, 'guest', now());
		INSERT INTO removals (telegram_id, removed_at) VALUES (40, now())`); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		other := sql.NullString{String: "26734", Valid: true}
		if removed, err := tx.RemovedSince(ctx, 40, before, other, sql.NullString{}); err != nil || !removed {
			t.Errorf("a removal without its team, before joining: %v %v", removed, err)
		}
		if err := tx.SetMembership(ctx, 40, "V", "26882", storage.RoleVolunteer); err != nil {
			return err
		}
		removed, err := tx.RemovedSince(ctx, 40, before, other, sql.NullString{})
		if err == nil && removed {
			t.Error("a removal without its team still refuses another team's older link after joining a team")
		}
		return err
	})
}
