package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A volunteer who left their team with /leave was stored as removed:
// /start then told them "you were removed from the team on …; if this is
// a mistake, ask for a new link", and the link they had joined with
// refused them as removed. Leaving is their own choice, not a removal:
// /start greets them as someone in no team, and a link of the team still
// usable takes them back (its coordinator is told, as of any join).
func TestLeavingIsNotARemoval(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	link := w.inviteBy(coord.ID, anHoiTayCode, storage.RoleVolunteer)
	vol := w.srv.NewUser("Vy", "vi")
	w.send(vol, "/start "+link)
	w.send(vol, "/leave")
	w.press(vol, w.vi("leave.yes"))
	drain(coord)

	ms := w.send(vol, "/start")
	if want := w.vi("start.guest", locales.Data{"Name": "Vy"}); len(ms) == 0 || ms[0].Text != want {
		t.Fatalf("/start after /leave: %+v, want %q", ms, want)
	}
	ms = w.send(vol, "/start "+link)
	if want := w.vi("join.welcome", locales.Data{"Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh", "Role": w.vi("role.volunteer")}); len(ms) == 0 || ms[0].Text != want {
		t.Fatalf("the team's link after /leave: %q, want %q", ms[0].Text, want)
	}
	if got := w.userRow(vol); got.Role != storage.RoleVolunteer {
		t.Fatalf("not back on the team: %s", got.Role)
	}

	// A removal still keeps them out by that link, and /start says so.
	w.removeMember(vol)
	if m := only(t, w.send(vol, "/start "+link)); m.Text != w.vi("join.removed") {
		t.Fatalf("the link after a removal: %q", m.Text)
	}
}
