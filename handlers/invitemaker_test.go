package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A coordinator who moved to another commune before moves revoked their
// links (or whose row was changed by hand) left links to the old commune
// that still worked: whoever opened one joined that team, and its maker,
// now elsewhere, was told. A link lives while its maker covers its unit:
// opened after that, it is revoked and says so. An administrator's links
// are for any unit and keep working.
func TestInviteOfAMovedMakerIsDead(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	old := w.inviteBy(coord.ID, anHoiTayCode, storage.RoleVolunteer)
	kept := w.inviteBy(coord.ID, benThanhCode, storage.RoleVolunteer) // made for the commune they move to
	byAdmin := w.inviteBy(w.admin.ID, anHoiTayCode, storage.RoleVolunteer)
	// The move as it was stored before RevokeInvitesOutside existed.
	if _, err := w.store.DB().Exec(`UPDATE users SET commune_code = $2 WHERE telegram_id = $1`, coord.ID, benThanhCode); err != nil {
		t.Fatal(err)
	}

	guest := w.srv.NewUser("Khách", "vi")
	if m := only(t, w.send(guest, "/start "+old)); m.Text != w.vi("join.revoked") {
		t.Errorf("a link to the commune its maker left: %q, want join.revoked", m.Text)
	}
	var joined int
	if err := w.store.DB().QueryRow(`SELECT count(*) FROM users WHERE telegram_id = $1 AND role <> 'guest'`, guest.ID).Scan(&joined); err != nil || joined != 0 {
		t.Errorf("the guest joined through it: %d (%v)", joined, err)
	}
	var revoked bool
	if err := w.store.DB().QueryRow(`SELECT revoked_at IS NOT NULL FROM invites WHERE code = $1`, old).Scan(&revoked); err != nil || !revoked {
		t.Errorf("the dead link is not marked revoked (coordinators' lists still show it): %v %v", revoked, err)
	}
	if len(drain(coord)) != 0 {
		t.Error("the maker was told of a join")
	}

	// The link for the commune they hold now, and an administrator's, work.
	binh, chi := w.srv.NewUser("Bình", "vi"), w.srv.NewUser("Chi", "vi")
	if w.send(binh, "/start "+kept); w.userRow(binh).CommuneCode.String != benThanhCode {
		t.Error("a link of the maker's own commune did not work")
	}
	if w.send(chi, "/start "+byAdmin); w.userRow(chi).CommuneCode.String != anHoiTayCode {
		t.Error("an administrator's link did not work")
	}
}
