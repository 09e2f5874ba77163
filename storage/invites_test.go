package storage_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// inviteAlphabet mirrors invites.go: Telegram deep-link safe, no look-alikes
// (no l, o, I, O, 0, 1).
const inviteAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func TestCreateInvite(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	// PostgreSQL keeps microseconds.
	expires := time.Now().Add(48 * time.Hour).Truncate(time.Microsecond)
	seen := map[string]bool{}
	for i := range 200 {
		role := storage.RoleVolunteer
		if i%2 == 1 {
			role = storage.RoleCoordinator
		}
		inTx(t, st, func(tx *storage.Tx) error {
			inv, err := tx.CreateInvite(ctx, anHoiTay, role, 42, expires, 3)
			if err != nil {
				return err
			}
			if len(inv.Code) != 12 {
				t.Errorf("invite code %q has %d characters, want 12", inv.Code, len(inv.Code))
			}
			if bad := strings.Trim(inv.Code, inviteAlphabet); bad != "" {
				t.Errorf("invite code %q has characters outside the alphabet", inv.Code)
			}
			if seen[inv.Code] {
				t.Errorf("invite code %q given twice", inv.Code)
			}
			seen[inv.Code] = true
			if inv.CommuneCode.String != anHoiTay || inv.ProvinceCode.Valid || inv.RevokedAt.Valid || inv.Role != role || inv.CreatedBy != 42 || inv.MaxUses != 3 || inv.Uses != 0 {
				t.Errorf("CreateInvite returned %+v", inv)
			}
			if !inv.ExpiresAt.Equal(expires) {
				t.Errorf("ExpiresAt = %v, want %v", inv.ExpiresAt, expires)
			}
			if d := time.Since(inv.CreatedAt); d < -time.Minute || d > time.Minute {
				t.Errorf("CreatedAt = %v, not about now", inv.CreatedAt)
			}
			got, err := tx.Invite(ctx, inv.Code)
			if err != nil {
				return err
			}
			if got != inv {
				t.Errorf("Invite(%q) = %+v, want %+v", inv.Code, got, inv)
			}
			return nil
		})
	}
}

func TestCreateInviteRefuses(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	expires := time.Now().Add(time.Hour)
	tests := []struct {
		name    string
		commune string
		role    string
		maxUses int
	}{
		{"admin role", anHoiTay, storage.RoleAdmin, 1},
		{"guest role", anHoiTay, storage.RoleGuest, 1},
		{"unknown commune", "99999", storage.RoleVolunteer, 1},
		{"zero uses", anHoiTay, storage.RoleVolunteer, 0},
	}
	for _, tt := range tests {
		err := st.InTx(ctx, func(tx *storage.Tx) error {
			_, err := tx.CreateInvite(ctx, tt.commune, tt.role, 1, expires, tt.maxUses)
			return err
		})
		if err == nil {
			t.Errorf("%s: CreateInvite succeeded, want an error", tt.name)
		}
	}
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.Invite(ctx, "nosuchinvite"); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("Invite(unknown) error = %v, want ErrNotFound", err)
		}
		return nil
	})
}

// claim does what the bot does on /start <code>: lock the invite, use it.
func claim(ctx context.Context, st *storage.Storage, code string, now time.Time) error {
	return st.InTx(ctx, func(tx *storage.Tx) error {
		inv, err := tx.Invite(ctx, code)
		if err != nil {
			return err
		}
		return tx.UseInvite(ctx, inv, now)
	})
}

func TestUseInvite(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now().Truncate(time.Microsecond) // what PostgreSQL can store
	tests := []struct {
		name     string
		expires  time.Time
		maxUses  int
		expireAt time.Time // if set, ExpireInvite before claiming
		claims   []error   // the result of each claim in turn
		wantUses int
	}{
		{"single use", now.Add(time.Hour), 1, time.Time{}, []error{nil, storage.ErrInviteUsedUp, storage.ErrInviteUsedUp}, 1},
		{"three uses", now.Add(time.Hour), 3, time.Time{}, []error{nil, nil, nil, storage.ErrInviteUsedUp}, 3},
		{"expired", now.Add(-time.Second), 5, time.Time{}, []error{storage.ErrInviteExpired, storage.ErrInviteExpired}, 0},
		{"expires right now", now, 5, time.Time{}, []error{storage.ErrInviteExpired}, 0},
		{"ended by ExpireInvite", now.Add(time.Hour), 5, now.Add(-time.Minute), []error{storage.ErrInviteExpired}, 0},
		{"expired and used up says expired", now.Add(time.Hour), 1, time.Time{}, nil, 0}, // filled below
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var code string
			inTx(t, st, func(tx *storage.Tx) error {
				inv, err := tx.CreateInvite(ctx, anHoiTay, storage.RoleVolunteer, 7, tt.expires, tt.maxUses)
				code = inv.Code
				return err
			})
			if !tt.expireAt.IsZero() {
				inTx(t, st, func(tx *storage.Tx) error { return tx.ExpireInvite(ctx, code, tt.expireAt) })
			}
			if tt.name == "expired and used up says expired" {
				if err := claim(ctx, st, code, now); err != nil {
					t.Fatalf("first claim: %v", err)
				}
				if err := claim(ctx, st, code, now.Add(2*time.Hour)); !errors.Is(err, storage.ErrInviteExpired) {
					t.Errorf("claim after expiry of a used-up invite: %v, want ErrInviteExpired", err)
				}
				return
			}
			for i, want := range tt.claims {
				if err := claim(ctx, st, code, now); !errors.Is(err, want) {
					t.Errorf("claim %d: error %v, want %v", i+1, err, want)
				}
			}
			inTx(t, st, func(tx *storage.Tx) error {
				inv, err := tx.Invite(ctx, code)
				if err == nil && inv.Uses != tt.wantUses {
					t.Errorf("after the claims, uses = %d, want %d", inv.Uses, tt.wantUses)
				}
				return err
			})
		})
	}
}

// TestUseInviteConcurrently has many people claim an invite at the same
// moment: no more may join than the invite allows.
func TestUseInviteConcurrently(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	tests := []struct {
		maxUses, claimers int
	}{
		{1, 10},
		{3, 10},
		{10, 10},
	}
	for _, tt := range tests {
		var code string
		inTx(t, st, func(tx *storage.Tx) error {
			inv, err := tx.CreateInvite(ctx, anHoiTay, storage.RoleCoordinator, 1, time.Now().Add(time.Hour), tt.maxUses)
			code = inv.Code
			return err
		})
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			errs  = make([]error, tt.claimers)
		)
		for i := range tt.claimers {
			wg.Go(func() {
				<-start
				errs[i] = st.InTx(ctx, func(tx *storage.Tx) error {
					inv, err := tx.Invite(ctx, code)
					if err != nil {
						return err
					}
					if err := tx.UseInvite(ctx, inv, time.Now()); err != nil {
						return err
					}
					// Hold the lock a moment so that the others queue on it.
					time.Sleep(5 * time.Millisecond)
					return nil
				})
			})
		}
		close(start)
		wg.Wait()
		var ok, usedUp int
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, storage.ErrInviteUsedUp):
				usedUp++
			default:
				t.Errorf("max %d: unexpected error %v", tt.maxUses, err)
			}
		}
		if ok != tt.maxUses || usedUp != tt.claimers-tt.maxUses {
			t.Errorf("max %d, %d claimers: %d succeeded and %d were told it is used up; want %d and %d",
				tt.maxUses, tt.claimers, ok, usedUp, tt.maxUses, tt.claimers-tt.maxUses)
		}
		inTx(t, st, func(tx *storage.Tx) error {
			inv, err := tx.Invite(ctx, code)
			if err == nil && inv.Uses != tt.maxUses {
				t.Errorf("max %d: uses = %d after the rush", tt.maxUses, inv.Uses)
			}
			return err
		})
	}
}
