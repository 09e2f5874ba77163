package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A volunteer removed from An Hội Tây's team was kept out of it by the
// links made before the removal only until they joined any other team:
// joining Bến Thành (with a link its coordinator had sent them, even the
// day before) forgot the removal, and An Hội Tây's older link — still
// valid, in the group chat — took them back, at once from Bến Thành
// ("move to the new team") or after /leave. The removal is kept through
// another team, and through leaving it; leaving is still no removal, so
// /start greets them as someone in no team.
func TestRemovedMemberNotBackThroughAnotherTeam(t *testing.T) {
	w := newWorld(t)
	coordA := w.member("An", storage.RoleCoordinator, anHoiTayCode)
	coordB := w.member("Bảo", storage.RoleCoordinator, benThanhCode)
	linkA := w.inviteBy(coordA.ID, anHoiTayCode, storage.RoleVolunteer)
	linkB := w.inviteBy(coordB.ID, benThanhCode, storage.RoleVolunteer)
	vol := w.srv.NewUser("Vy", "vi")
	w.send(vol, "/start "+linkA)
	w.removeMember(vol)
	drain(coordA)

	benThanh := "Phường Bến Thành, Thành phố Hồ Chí Minh"
	ms := w.send(vol, "/start "+linkB)
	if want := w.vi("join.welcome", locales.Data{"Unit": benThanh, "Role": w.vi("role.volunteer")}); len(ms) == 0 || ms[0].Text != want {
		t.Fatalf("another team's link: %+v", ms)
	}
	if m := only(t, w.send(vol, "/start "+linkA)); m.Text != w.vi("join.removed") {
		t.Fatalf("from another team, the older link of the team they were removed from: %q", m.Text)
	}

	w.send(vol, "/leave")
	w.press(vol, w.vi("leave.yes"))
	if m := w.send(vol, "/start"); len(m) == 0 || m[0].Text != w.vi("start.guest", locales.Data{"Name": "Vy"}) {
		t.Fatalf("/start after leaving the other team: %+v", m)
	}
	if m := only(t, w.send(vol, "/start "+linkA)); m.Text != w.vi("join.removed") {
		t.Fatalf("after /leave, the older link of the team they were removed from: %q", m.Text)
	}
	if got := w.userRow(vol); got.Role != storage.RoleGuest {
		t.Fatalf("back in a team: %s %s", got.Role, got.CommuneCode.String)
	}

	// Their old team's coordinator can still take them back: a new link.
	fresh := w.inviteBy(coordA.ID, anHoiTayCode, storage.RoleVolunteer)
	ms = w.send(vol, "/start "+fresh)
	if want := w.vi("join.welcome", locales.Data{"Unit": anHoiTayVi, "Role": w.vi("role.volunteer")}); len(ms) == 0 || ms[0].Text != want {
		t.Fatalf("a link made after the removal: %+v", ms)
	}
}
