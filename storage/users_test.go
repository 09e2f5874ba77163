package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestSeeUser(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const id = int64(5_000_000_001) // Telegram ids exceed 32 bits
	count := func() int {
		var n int
		if err := st.DB().Get(&n, `SELECT count(*) FROM users WHERE telegram_id = $1`, id); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// A guest is seen, not stored.
	inTx(t, st, func(tx *storage.Tx) error {
		u, err := tx.SeeUser(ctx, id, "Lan")
		if err != nil {
			return err
		}
		if u.TelegramID != id || u.FirstName != "Lan" || u.Role != storage.RoleGuest || u.Stored {
			t.Errorf("a new guest: %+v", u)
		}
		return nil
	})
	if n := count(); n != 0 {
		t.Fatalf("a guest was stored: %d rows", n)
	}
	// Choosing a language stores the id and the language, no name.
	inTx(t, st, func(tx *storage.Tx) error { return tx.SetLanguage(ctx, id, "en") })
	inTx(t, st, func(tx *storage.Tx) error {
		u, err := tx.SeeUser(ctx, id, "Lan")
		if err != nil {
			return err
		}
		stored, err := tx.User(ctx, id)
		if u.Language != "en" || u.FirstName != "Lan" || stored.FirstName != "" || !stored.Stored || err != nil {
			t.Errorf("a guest with a language: seen %+v, stored %+v (%v)", u, stored, err)
		}
		return nil
	})
	// A member's name is stored and kept current.
	inTx(t, st, func(tx *storage.Tx) error { return tx.SetMembership(ctx, id, "Lan", anHoiTay, storage.RoleVolunteer) })
	for _, name := range []string{"Lan", "Lan Nguyễn", "Út"} {
		inTx(t, st, func(tx *storage.Tx) error {
			u, err := tx.SeeUser(ctx, id, name)
			if err != nil {
				return err
			}
			got, err := tx.User(ctx, id)
			if err != nil || got.FirstName != name || u.FirstName != name || u.Language != "en" || u.Role != storage.RoleVolunteer {
				t.Errorf("member renamed %q: seen %+v, stored %+v (%v)", name, u, got, err)
			}
			return nil
		})
	}
	if n := count(); n != 1 {
		t.Errorf("%d rows for one user", n)
	}
}

func TestLanguage(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetMembership(ctx, 3, "u", anHoiTay, storage.RoleVolunteer); err != nil {
			return err
		}
		if err := tx.SetLanguage(ctx, 1, "vi"); err != nil {
			return err
		}
		if err := tx.SetLanguage(ctx, 2, "en"); err != nil {
			return err
		}
		return tx.SetLanguage(ctx, 2, "vi")
	})
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		id   int64
		want string
	}{
		{"chose vi", ctx, 1, "vi"},
		{"changed en to vi", ctx, 2, "vi"},
		{"unknown user", ctx, 99, ""},
		{"member who never chose", ctx, 3, ""},
		{"canceled context", canceled, 1, ""},
	}
	for _, tt := range tests {
		if got := st.UserLanguage(tt.ctx, tt.id); got != tt.want {
			t.Errorf("%s: UserLanguage(%d) = %q, want %q", tt.name, tt.id, got, tt.want)
		}
	}
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.User(ctx, 99); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("User(99): %v, want ErrNotFound", err)
		}
		return nil
	})
	// UserLanguage answers while a handler's transaction holds the row.
	err := st.InTx(ctx, func(tx *storage.Tx) error {
		if err := tx.SetLanguage(ctx, 1, "en"); err != nil {
			return err
		}
		if got := st.UserLanguage(ctx, 1); got != "vi" {
			t.Errorf("UserLanguage during an open transaction = %q, want the committed %q", got, "vi")
		}
		return errors.New("rollback")
	})
	if err == nil {
		t.Fatal("InTx did not return fn's error")
	}
}

func TestSetMembership(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const id = int64(77)
	steps := []struct {
		name    string
		commune string
		role    string
		wantErr bool
	}{
		{"volunteer", anHoiTay, storage.RoleVolunteer, false},
		{"promoted, moved", hoiAnTay, storage.RoleCoordinator, false},
		{"unknown role", anHoiTay, "boss", true},
		{"unknown commune", "99999", storage.RoleVolunteer, true},
	}
	last := steps[0]
	for _, s := range steps {
		before := time.Now().Add(-time.Minute)
		err := st.InTx(ctx, func(tx *storage.Tx) error { return tx.SetMembership(ctx, id, "Minh", s.commune, s.role) })
		if (err != nil) != s.wantErr {
			t.Errorf("%s: SetMembership error %v, want error %v", s.name, err, s.wantErr)
		}
		if err == nil {
			last = s
		}
		inTx(t, st, func(tx *storage.Tx) error {
			u, err := tx.SeeUser(ctx, id, "Minh") // a later message keeps the membership
			if err != nil {
				return err
			}
			if u.Role != last.role || u.CommuneCode.String != last.commune || !u.JoinedAt.Valid || u.JoinedAt.Time.Before(before) {
				t.Errorf("%s: user %+v; want %s of %s with a join time", s.name, u, last.role, last.commune)
			}
			return nil
		})
	}
}

func TestRoleRank(t *testing.T) {
	order := []string{storage.RoleGuest, storage.RoleVolunteer, storage.RoleCoordinator, storage.RoleAdmin}
	for i := 1; i < len(order); i++ {
		if storage.RoleRank(order[i-1]) >= storage.RoleRank(order[i]) {
			t.Errorf("RoleRank(%s) >= RoleRank(%s)", order[i-1], order[i])
		}
	}
	if storage.RoleRank("unknown") != storage.RoleRank(storage.RoleGuest) {
		t.Error("an unknown role outranks a guest")
	}
}
