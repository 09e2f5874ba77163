package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestTouchUser(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const id = int64(5_000_000_001) // Telegram ids exceed 32 bits
	steps := []struct {
		name      string
		firstName string
		setLang   string // SetLanguage before touching, if set
		wantName  string
		wantLang  string
	}{
		{"first contact", "Lan", "", "Lan", ""},
		{"same name", "Lan", "", "Lan", ""},
		{"renamed", "Lan Nguyễn", "", "Lan Nguyễn", ""},
		{"language kept", "Lan Nguyễn", "vi", "Lan Nguyễn", "vi"},
		{"renamed again, language kept", "Út", "", "Út", "vi"},
	}
	for _, s := range steps {
		inTx(t, st, func(tx *storage.Tx) error {
			if s.setLang != "" {
				if err := tx.SetLanguage(ctx, id, s.setLang); err != nil {
					return err
				}
			}
			u, err := tx.TouchUser(ctx, id, s.firstName)
			if err != nil {
				return err
			}
			if u.TelegramID != id || u.FirstName != s.wantName || u.Language != s.wantLang || u.Role != storage.RoleGuest ||
				u.CommuneCode.Valid || u.JoinedAt.Valid {
				t.Errorf("%s: TouchUser = %+v; want guest %q, language %q, no commune", s.name, u, s.wantName, s.wantLang)
			}
			got, err := tx.User(ctx, id)
			if err != nil || got != u {
				t.Errorf("%s: User = %+v, %v; want %+v", s.name, got, err, u)
			}
			return nil
		})
	}
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM users`); err != nil || n != 1 {
		t.Errorf("%d users after touching one repeatedly (%v)", n, err)
	}
}

func TestLanguage(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		for _, id := range []int64{1, 2, 3} {
			if _, err := tx.TouchUser(ctx, id, "u"); err != nil {
				return err
			}
		}
		if err := tx.SetLanguage(ctx, 1, "vi"); err != nil {
			return err
		}
		if err := tx.SetLanguage(ctx, 2, "en"); err != nil {
			return err
		}
		if err := tx.SetLanguage(ctx, 2, "vi"); err != nil {
			return err
		}
		// Setting the language of someone unknown creates nobody.
		return tx.SetLanguage(ctx, 99, "en")
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
		{"never chose", ctx, 3, ""},
		{"unknown user", ctx, 99, ""},
		{"canceled context", canceled, 1, ""},
	}
	for _, tt := range tests {
		if got := st.UserLanguage(tt.ctx, tt.id); got != tt.want {
			t.Errorf("%s: UserLanguage(%d) = %q, want %q", tt.name, tt.id, got, tt.want)
		}
	}
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.User(ctx, 99); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("User(99) after SetLanguage: %v, want ErrNotFound", err)
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
	inTx(t, st, func(tx *storage.Tx) error {
		_, err := tx.TouchUser(ctx, id, "Minh")
		return err
	})
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
		err := st.InTx(ctx, func(tx *storage.Tx) error { return tx.SetMembership(ctx, id, s.commune, s.role) })
		if (err != nil) != s.wantErr {
			t.Errorf("%s: SetMembership error %v, want error %v", s.name, err, s.wantErr)
		}
		if err == nil {
			last = s
		}
		inTx(t, st, func(tx *storage.Tx) error {
			u, err := tx.TouchUser(ctx, id, "Minh") // a later message keeps the membership
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
