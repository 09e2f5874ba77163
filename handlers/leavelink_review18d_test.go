package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 18, item 4 (an admin's fresh eyes). A volunteer who left their
// team was told that coming back needs a new invite link, while the link
// they joined by took them back at once. They are told they may open it
// again.
func TestLeftVolunteerIsToldTheirLinkStillWorks(t *testing.T) {
	w := newWorld(t)
	code := w.inviteBy(w.admin.ID, anHoiTayCode, storage.RoleVolunteer)
	vy := w.srv.NewUser("Vy", "vi")
	w.send(vy, "/start "+code)
	w.send(vy, "/leave")
	done := last(t, w.press(vy, w.vi("leave.yes")))
	if !strings.Contains(done.Text, "mở lại link mời") {
		t.Errorf("after /leave: %q; want them told they may open their link again", done.Text)
	}
	if en := w.en("leave.done", locales.Data{"Unit": "X"}); !strings.Contains(en, "open your team's invite link again") {
		t.Errorf("after /leave, in English: %q", en)
	}
	back := only(t, w.send(vy, "/start "+code))
	if want := w.vi("join.welcome", locales.Data{"Unit": anHoiTayVi, "Role": w.vi("role.volunteer")}); !strings.HasPrefix(back.Text, want) {
		t.Errorf("the same link opened again after /leave: %q, want %q", back.Text, want)
	}
}

// /team's button to the invite links said "unused" ("Link mời chưa
// dùng") and opened the links still usable, one of them used twice; the
// /leave question said the same of the links it revokes (those not used
// up). Both name what they are.
func TestTeamInviteLinksButtonNamesUsableLinks(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	code := w.inviteBy(coord.ID, anHoiTayCode, storage.RoleVolunteer)
	w.send(w.srv.NewUser("Vy", "vi"), "/start "+code)
	w.send(coord, "/team")
	list := last(t, w.press(coord, w.vi("team.invites_button")))
	if !strings.Contains(list.Text, "1/5 ") {
		t.Fatalf("the team's invite links: %q; want the link used once", list.Text)
	}
	for _, s := range []string{w.vi("team.invites_button"), w.vi("leave.ask", locales.Data{"Role": "x", "Unit": "y"})} {
		if strings.Contains(s, "chưa dùng") {
			t.Errorf("%q calls links in use unused", s)
		}
	}
	for _, s := range []string{w.en("team.invites_button"), w.en("leave.ask", locales.Data{"Role": "x", "Unit": "y"}), w.en("join.links_revoked", locales.Data{"Count": 2})} {
		if strings.Contains(strings.ToLower(s), "unused") {
			t.Errorf("%q calls links in use unused", s)
		}
	}
}
