package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 18, item 1: an invite screen drawn again as a new message below
// (a typed name that found nothing, a search's results, /invite again,
// a message too long to read) left the copies above with their buttons, and a press there did
// what the older screen offered: a province chosen from a list the admin
// had moved on from. The older copies lose their buttons when the newer
// one is sent, and a press that left the phone before that does nothing
// but say it is out of date.

// flowStep is the step the chat's flow (its code: "inv", "t") stands at,
// and its version; an error when the chat is not in that flow.
func (w *world) flowStep(u *telegramtest.User, flow string) (string, int, error) {
	var row struct {
		Step    string `db:"step"`
		Version int    `db:"version"`
	}
	err := w.store.DB().Get(&row, `SELECT step, version FROM conversations WHERE chat_id = $1 AND flow = $2`, u.ID, flow)
	return row.Step, row.Version, err
}

// inviteStep is the step the chat's invite flow stands at, and its version.
func (w *world) inviteStep(u *telegramtest.User) (string, int) {
	w.t.Helper()
	step, version, err := w.flowStep(u, "inv")
	if err != nil {
		w.t.Fatal(err)
	}
	return step, version
}

// pressOld presses data on message id (a tap on an older copy that left
// the phone before its buttons went) and returns what changed.
func (w *world) pressOld(u *telegramtest.User, id int, data string) []*telegramtest.Message {
	w.t.Helper()
	upd, err := u.PressData(id, data)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, upd)
	return drain(u)
}

// staleDoesNothing presses data on the older copy id and fails if the
// flow moved, or if the older copy shows buttons again.
func (w *world) staleDoesNothing(u *telegramtest.User, id int, data, what string) {
	w.t.Helper()
	step, version := w.inviteStep(u)
	w.pressOld(u, id, data)
	if s, v := w.inviteStep(u); s != step || v != version {
		w.t.Errorf("%s: a press on the older copy moved the flow from %s@%d to %s@%d", what, step, version, s, v)
	}
	noButtons(w.t, u, id, what+", pressed")
}

func TestOlderInviteScreensLoseTheirButtons(t *testing.T) {
	w := newWorld(t)
	a := w.admin
	provinces := last(t, w.send(a, "/invite"))
	giaLaiData := dataOf(t, provinces, "Gia Lai")

	// A name that finds nothing: the provinces again, below, with a note.
	again := last(t, w.send(a, "xqzw kjv"))
	if again.ID == provinces.ID || !hasButton(again, "Gia Lai") {
		t.Fatalf("a name that finds nothing: %q", again.Text)
	}
	noButtons(t, a, provinces.ID, "a name that found nothing")
	w.staleDoesNothing(a, provinces.ID, giaLaiData, "a name that found nothing")

	// A search's results below the provinces.
	results := last(t, w.send(a, "quy nhon"))
	if !hasButton(results, quyNhonVi) {
		t.Fatalf("results: %q %v", results.Text, results.Buttons())
	}
	noButtons(t, a, again.ID, "results")
	w.staleDoesNothing(a, again.ID, dataOf(t, again, "Gia Lai"), "results")
	quyNhonData := dataOf(t, results, quyNhonVi)

	// /invite again: the results above go.
	fresh := last(t, w.send(a, "/invite"))
	noButtons(t, a, results.ID, "/invite again")
	w.staleDoesNothing(a, results.ID, quyNhonData, "/invite again")

	// A message too long to read: the screen again below it.
	help := last(t, w.send(a, strings.Repeat("quy nhon ", 60)))
	if help.ID == fresh.ID || !hasButton(help, "Gia Lai") {
		t.Fatalf("a long message in the invite flow: %q", help.Text)
	}
	noButtons(t, a, fresh.ID, "a long message")
	w.staleDoesNothing(a, fresh.ID, dataOf(t, fresh, "Gia Lai"), "a long message")

	// After a restart, the newest copy works, in place.
	w.restart()
	m := last(t, w.press(a, "Gia Lai"))
	if m.ID != help.ID || !hasButton(m, w.vi("invite.whole_province")) {
		t.Errorf("Gia Lai on the newest copy: %d %q, want the communes on %d", m.ID, m.Text, help.ID)
	}
	if step, _ := w.inviteStep(a); step != "commune" {
		t.Errorf("after Gia Lai on the newest copy the flow stands at %q", step)
	}

	// /cancel: nothing is left to press on the screen above.
	if m := last(t, w.send(a, "/cancel")); m.Text != w.vi("cancel.done") {
		t.Fatalf("/cancel in the invite flow: %q", m.Text)
	}
	noButtons(t, a, help.ID, "/cancel")
}

// The same for /team's screens: a search typed on the list, /team again.
func TestOlderTeamScreensLoseTheirButtons(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	w.member("Vy", storage.RoleVolunteer, anHoiTayCode)
	list := last(t, w.send(coord, "/team"))
	links := dataOf(t, list, w.vi("team.invites_button"))

	found := last(t, w.send(coord, "vy"))
	if found.ID == list.ID || len(found.Buttons()) == 0 {
		t.Fatalf("a search on /team: %q", found.Text)
	}
	noButtons(t, coord, list.ID, "a search on /team")
	version := w.versionOf(coord)
	w.pressOld(coord, list.ID, links)
	if v := w.versionOf(coord); v != version {
		t.Errorf("a press on the list above moved the flow from version %s to %s", version, v)
	}
	noButtons(t, coord, list.ID, "a search on /team, pressed")

	again := last(t, w.send(coord, "/team"))
	noButtons(t, coord, found.ID, "/team again")
	if m := last(t, w.press(coord, w.vi("team.invites_button"))); m.ID != again.ID {
		t.Errorf("the invite links from the newest list drew %d, want %d", m.ID, again.ID)
	}
	w.send(coord, "/cancel")
	noButtons(t, coord, again.ID, "/cancel")
}

// A case's step on screen when /invite or /team is drawn below keeps its
// buttons: pressed later, they take the paused case up again, as before.
func TestCaseStepKeepsItsButtonsBelowInviteAndTeam(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	step := w.startBirthCase(coord)
	w.send(coord, "/team")
	if m := msgByID(t, coord, step.ID); !hasButton(m, w.vi("case.done")) {
		t.Errorf("/team below a case's step took its buttons: %q %v", m.Text, m.Buttons())
	}
	w.send(w.admin, "/new")
	step = w.startBirthCase(w.admin)
	w.send(w.admin, "/invite")
	if m := msgByID(t, w.admin, step.ID); !hasButton(m, w.vi("case.done")) {
		t.Errorf("/invite below a case's step took its buttons: %q %v", m.Text, m.Buttons())
	}
}
