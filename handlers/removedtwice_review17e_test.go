package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Removed from An Hội Tây's team, then from Bến Thành's, which they had
// joined since: the second removal replaced the first, and An Hội Tây's
// link made before it — still valid, in the group chat — took them back
// into the team that had removed them. Each removal keeps its team out.
func TestRemovedFromTwoTeamsNotBackIntoEither(t *testing.T) {
	w := newWorld(t)
	coordA := w.member("An", storage.RoleCoordinator, anHoiTayCode)
	coordB := w.member("Bảo", storage.RoleCoordinator, benThanhCode)
	linkA := w.inviteBy(coordA.ID, anHoiTayCode, storage.RoleVolunteer)
	linkB := w.inviteBy(coordB.ID, benThanhCode, storage.RoleVolunteer)
	vol := w.srv.NewUser("Vy", "vi")
	w.send(vol, "/start "+linkA)
	w.removeMember(vol)
	benThanh := "Phường Bến Thành, Thành phố Hồ Chí Minh"
	ms := w.send(vol, "/start "+linkB)
	if want := w.vi("join.welcome", locales.Data{"Unit": benThanh, "Role": w.vi("role.volunteer")}); len(ms) == 0 || ms[0].Text != want {
		t.Fatalf("another team's link: %+v", ms)
	}
	w.removeMember(vol)
	drain(coordA)
	drain(coordB)

	for name, link := range map[string]string{"An Hội Tây": linkA, "Bến Thành": linkB} {
		if m := only(t, w.send(vol, "/start "+link)); m.Text != w.vi("join.removed") {
			t.Errorf("removed from two teams, %s's link made before: %q", name, m.Text)
		}
	}
	if got := w.userRow(vol); got.Role != storage.RoleGuest {
		t.Fatalf("back in a team: %s %s", got.Role, got.CommuneCode.String)
	}
}
