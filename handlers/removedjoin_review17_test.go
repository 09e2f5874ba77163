package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A volunteer removed from their commune's team (they moved to another
// ward) could not join the team of the ward they moved to with the link
// its coordinator had sent them the day before: "you were removed from
// the team after this link was made, so it does not bring you back" — of
// a team they had never been in. A link made before a removal keeps them
// out of the team they were removed from, and of no other.
func TestRemovedVolunteerJoinsAnotherTeamByAnOlderLink(t *testing.T) {
	w := newWorld(t)
	coordA := w.member("An", storage.RoleCoordinator, anHoiTayCode)
	coordB := w.member("Bảo", storage.RoleCoordinator, benThanhCode)
	linkA := w.inviteBy(coordA.ID, anHoiTayCode, storage.RoleVolunteer)
	linkB := w.inviteBy(coordB.ID, benThanhCode, storage.RoleVolunteer) // sent before the removal
	vol := w.srv.NewUser("Vy", "vi")
	w.send(vol, "/start "+linkA)
	w.removeMember(vol) // what /team's ✕ does
	drain(coordA)

	if m := only(t, w.send(vol, "/start "+linkA)); m.Text != w.vi("join.removed") {
		t.Errorf("the link of the team they were removed from: %q", m.Text)
	}
	ms := w.send(vol, "/start "+linkB)
	want := w.vi("join.welcome", locales.Data{"Unit": "Phường Bến Thành, Thành phố Hồ Chí Minh", "Role": w.vi("role.volunteer")})
	if len(ms) == 0 || ms[0].Text != want {
		t.Fatalf("another team's link made before the removal: %+v, want %q", ms, want)
	}
	if got := w.userRow(vol); got.Role != storage.RoleVolunteer || got.CommuneCode.String != benThanhCode {
		t.Fatalf("not in the new team: %s %s", got.Role, got.CommuneCode.String)
	}
	if len(drain(coordB)) != 1 {
		t.Error("the new team's coordinator was not told of the join")
	}
}

// A coordinator given a volunteer's link of another commune (they moved
// there) was told to ask an administrator, who has no way to change a
// role but to remove them; and once out of their team (/leave) the link,
// made before, refused them as "removed". They are told to /leave first,
// and the link then takes them.
func TestCoordinatorLeavesToJoinAsAVolunteerElsewhere(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	other := w.member("Bảo", storage.RoleCoordinator, benThanhCode)
	link := w.inviteBy(other.ID, benThanhCode, storage.RoleVolunteer)

	m := only(t, w.send(coord, "/start "+link))
	if want := w.vi("join.would_demote", locales.Data{"Role": w.vi("role.coordinator"), "Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh",
		"NewRole": w.vi("role.volunteer"), "NewUnit": "Phường Bến Thành, Thành phố Hồ Chí Minh"}); m.Text != want || !strings.Contains(m.Text, "/leave") {
		t.Fatalf("a lower role's link: %q, want %q, naming /leave", m.Text, want)
	}
	w.send(coord, "/leave")
	w.press(coord, w.vi("leave.yes"))
	ms := w.send(coord, "/start "+link)
	if want := w.vi("join.welcome", locales.Data{"Unit": "Phường Bến Thành, Thành phố Hồ Chí Minh", "Role": w.vi("role.volunteer")}); len(ms) == 0 || ms[0].Text != want {
		t.Fatalf("the link after /leave: %+v, want %q", ms, want)
	}
	if got := w.userRow(coord); got.Role != storage.RoleVolunteer || got.CommuneCode.String != benThanhCode {
		t.Fatalf("not a volunteer of the new commune: %s %s", got.Role, got.CommuneCode.String)
	}
}
