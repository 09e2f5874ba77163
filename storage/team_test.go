package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Gia Lai (52) and three of its communes; An Hội Tây is in Hồ Chí Minh City.
const (
	giaLai       = "52"
	quyNhonBac   = "21553"
	quyNhon      = "21583"
	quyNhonTay   = "21589"
	provinceHCMC = "79"
)

func TestTeamMembersOfACommuneAndAProvince(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	since := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	until := since.AddDate(0, 1, 0)
	var lastID int64
	inTx(t, st, func(tx *storage.Tx) error {
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(tx.SetProvinceMembership(ctx, 1, "Tỉnh", giaLai))
		must(tx.SetMembership(ctx, 2, "Điều phối", quyNhon, storage.RoleCoordinator))
		must(tx.SetMembership(ctx, 3, "Bình", quyNhon, storage.RoleVolunteer))
		must(tx.SetMembership(ctx, 4, "An", quyNhonBac, storage.RoleVolunteer))
		must(tx.SetMembership(ctx, 5, "Xa", anHoiTay, storage.RoleVolunteer)) // another province
		must(tx.SetLanguage(ctx, 6, "vi"))                                    // a guest
		// Bình: two cases this month, one last month, one discarded.
		newCase(ctx, t, tx, 3, quyNhon, "tam-tru", since.Add(time.Hour))
		last := newCase(ctx, t, tx, 3, quyNhon, "tam-tru", until.Add(-time.Hour))
		newCase(ctx, t, tx, 3, quyNhon, "tam-tru", since.Add(-time.Hour))
		gone := newCase(ctx, t, tx, 3, quyNhon, "tam-tru", since.Add(2*time.Hour))
		must(tx.DiscardCase(ctx, gone.ID, since.Add(3*time.Hour)))
		lastID = last.ID
		return nil
	})
	// Later than anything the test's writes stamp with the clock (joined,
	// updated: now), whenever it runs: until 2026-12-02 this was the day
	// after the period, and after that day the members' own now() won.
	lastActive := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Microsecond)
	if _, err := st.DB().Exec(`UPDATE cases SET updated_at = $2 WHERE id = $1`, lastID, lastActive); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		ms, total, err := tx.TeamMembers(ctx, giaLai, "", "", since, until, 0, 10)
		must(err)
		var names []string
		for _, m := range ms {
			names = append(names, m.FirstName)
		}
		if total != 4 || len(ms) != 4 || ms[0].TelegramID != 1 || ms[1].TelegramID != 2 {
			t.Fatalf("province members: %d in all, %v (most trusted first)", total, names)
		}
		for _, m := range ms {
			if m.TelegramID == 3 {
				if m.CasesInPeriod != 2 || !m.LastActive.Equal(lastActive) || m.CommuneName.String != "Phường Quy Nhơn" {
					t.Errorf("Bình: %d cases this month, last active %v, commune %q", m.CasesInPeriod, m.LastActive, m.CommuneName.String)
				}
			}
		}
		page2, total, err := tx.TeamMembers(ctx, giaLai, "", "", since, until, 3, 3)
		must(err)
		if total != 4 || len(page2) != 1 {
			t.Errorf("second page of 3: %d of %d", len(page2), total)
		}
		ms, total, err = tx.TeamMembers(ctx, giaLai, quyNhon, "", since, until, 0, 10)
		must(err)
		if total != 2 || len(ms) != 2 || ms[0].TelegramID != 2 || ms[1].TelegramID != 3 {
			t.Errorf("commune members: %d, %+v", total, ms)
		}
		if _, total, err = tx.TeamMembers(ctx, provinceHCMC, "", "", since, until, 0, 10); err != nil || total != 1 {
			t.Errorf("Hồ Chí Minh City: %d members (%v), want 1", total, err)
		}
		return nil
	})
}

func TestRemoveMemberKeepsTheRowWithoutAName(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetProvinceMembership(ctx, 7, "Lan", giaLai); err != nil {
			return err
		}
		if err := tx.SetDigest(ctx, 7, false); err != nil {
			return err
		}
		u, err := tx.User(ctx, 7)
		if err != nil {
			return err
		}
		if u.Role != storage.RoleProvinceCoordinator || u.ProvinceCode.String != giaLai || u.CommuneCode.Valid || u.Digest {
			t.Fatalf("province coordinator: %+v", u)
		}
		newCase(ctx, t, tx, 7, "", "tam-tru", time.Now())
		// Read as a coordinator of another unit: not them any more.
		moved := u
		moved.ProvinceCode.String = provinceHCMC
		if ok, err := tx.RemoveMember(ctx, moved); err != nil || ok {
			t.Errorf("removing someone as they no longer are: %v, %v", ok, err)
		}
		if ok, err := tx.RemoveMember(ctx, u); err != nil || !ok {
			t.Fatalf("RemoveMember: %v, %v", ok, err)
		}
		if ok, err := tx.RemoveMember(ctx, u); err != nil || ok {
			t.Errorf("removing twice: %v, %v", ok, err)
		}
		got, err := tx.User(ctx, 7)
		if err != nil {
			return err
		}
		if got.Role != storage.RoleGuest || got.FirstName != "" || got.CommuneCode.Valid || got.ProvinceCode.Valid || got.JoinedAt.Valid || !got.Digest {
			t.Errorf("after removal: %+v", got)
		}
		return nil
	})
	// A removed member with cases is kept (their cases refer to them) past
	// the guests' silence limit.
	if _, err := st.ApplyRetention(ctx, time.Now().AddDate(0, 0, storage.GuestSilenceDays+1)); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM users WHERE telegram_id = 7`); err != nil || n != 1 {
		t.Errorf("removed member with cases: %d rows (%v)", n, err)
	}
}

func TestUnusedInvitesAndRevoke(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now().Truncate(time.Microsecond)
	var usable, province, usedUp string
	inTx(t, st, func(tx *storage.Tx) error {
		create := func(commune, role string, expires time.Time, uses int) string {
			inv, err := tx.CreateInvite(ctx, commune, role, 1, expires, uses)
			if err != nil {
				t.Fatal(err)
			}
			return inv.Code
		}
		usable = create(quyNhon, storage.RoleVolunteer, now.Add(time.Hour), 50)
		create(quyNhonTay, storage.RoleCoordinator, now.Add(-time.Hour), 1) // expired
		usedUp = create(quyNhonBac, storage.RoleCoordinator, now.Add(time.Hour), 1)
		create(anHoiTay, storage.RoleVolunteer, now.Add(time.Hour), 50) // another province
		inv, err := tx.CreateProvinceInvite(ctx, giaLai, 1, now.Add(time.Hour), 1)
		if err != nil {
			return err
		}
		province = inv.Code
		if inv.CommuneCode.Valid || inv.ProvinceCode.String != giaLai || inv.Role != storage.RoleProvinceCoordinator {
			t.Errorf("province invite: %+v", inv)
		}
		return nil
	})
	if err := claim(ctx, st, usedUp, now); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		is, total, err := tx.UnusedInvites(ctx, giaLai, "", now, 0, 10)
		if err != nil {
			return err
		}
		// Made in one transaction, so at one time: any order.
		got := map[string]string{}
		for _, i := range is {
			got[i.Code] = i.CommuneName.String
		}
		if name, ok := got[usable]; total != 2 || len(is) != 2 || !ok || name != "Phường Quy Nhơn" || got[province] != "" {
			t.Errorf("province's unused invites: %d, %+v", total, is)
		}
		if is, total, err = tx.UnusedInvites(ctx, giaLai, quyNhon, now, 0, 10); err != nil || total != 1 || is[0].Code != usable {
			t.Errorf("commune's unused invites: %d, %+v (%v)", total, is, err)
		}
		if ok, err := tx.RevokeInvite(ctx, usable, now); err != nil || !ok {
			t.Errorf("RevokeInvite: %v, %v", ok, err)
		}
		if ok, err := tx.RevokeInvite(ctx, usable, now); err != nil || ok {
			t.Errorf("revoking twice: %v, %v", ok, err)
		}
		if _, total, err = tx.UnusedInvites(ctx, giaLai, quyNhon, now, 0, 10); err != nil || total != 0 {
			t.Errorf("a revoked invite is still listed: %d (%v)", total, err)
		}
		return nil
	})
	if err := claim(ctx, st, usable, now); !errors.Is(err, storage.ErrInviteRevoked) {
		t.Errorf("claiming a revoked invite: %v, want ErrInviteRevoked", err)
	}
}
