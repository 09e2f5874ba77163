package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator in the middle of /invite who moved to another
// province (accepting an admin's link) and then pressed the list still on
// screen, or typed a name in it, was told "only coordinators and
// administrators can create invite links" — which they are. They are now
// told that the unit they coordinate changed, which it is now, and to
// start /invite again; the old province's list invites nobody.
func TestInviteFlowOfAMovedProvinceCoordinator(t *testing.T) {
	w := newWorld(t)
	pc := w.member("Hà", storage.RoleProvinceCoordinator, "") // of Gia Lai
	m := only(t, w.send(pc, "/invite"))
	if !strings.HasPrefix(m.Text, "Gia Lai – ") {
		t.Fatalf("/invite: %q", m.Text)
	}
	commune := m.Buttons()[0].Text

	w.send(w.admin, "/invite")
	w.press(w.admin, "Thành phố Hồ Chí Minh")
	link := inviteLink.FindStringSubmatch(only(t, w.press(w.admin, w.vi("invite.whole_province"))).Text)
	w.send(pc, "/start "+link[1])
	w.press(pc, w.vi("join.move_yes"))
	if u := w.userRow(pc); u.ProvinceCode.String != "79" {
		t.Fatalf("the move did not happen: %+v", u)
	}
	drain(w.admin)

	want := w.vi("invite.unit_changed", locales.Data{"Unit": "Thành phố Hồ Chí Minh"})
	m = only(t, w.press(pc, commune))
	if m.Text != want {
		t.Fatalf("a press on the old province's list: %q, want %q", m.Text, want)
	}
	if flow := w.flowOf(pc); flow != "" {
		t.Fatalf("the flow goes on: %q", flow)
	}

	// Typed in it, the same.
	w.send(pc, "/invite")
	if _, err := w.store.DB().Exec(`UPDATE conversations SET data = '{"p":"52"}' WHERE chat_id = $1`, pc.ID); err != nil {
		t.Fatal(err)
	}
	if m := only(t, w.send(pc, "quy nhon")); m.Text != want {
		t.Fatalf("a name typed in the old province's list: %q", m.Text)
	}

	// Removed from their team: they may invite nobody, and are told so.
	ours := only(t, w.send(pc, "/invite")).Buttons()[0].Text
	if _, err := w.store.DB().Exec(`UPDATE users SET role = 'guest', province_code = NULL WHERE telegram_id = $1`, pc.ID); err != nil {
		t.Fatal(err)
	}
	if m := only(t, w.press(pc, ours)); m.Text != w.vi("invite.not_allowed") {
		t.Fatalf("a removed province coordinator's press: %q", m.Text)
	}
}
