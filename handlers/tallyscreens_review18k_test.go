package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 18, item k: a /tally screen drawn again as a new message below
// (/tally again, a typed unit name, a message too long to read) left the
// copies above with their buttons, and a press there acted on the newer
// screen: "Tháng này" on the first /tally made the report of the unit
// typed since. As invite and team screens do, the older copies lose their
// buttons when the newer one is sent, and a press that left the phone
// before that only says it is out of date. A report typed, /cancel, or a
// typed tally left for the procedure search leaves nothing to press above.

// tallyStep is the step the chat's tally flow stands at, and its version
// ("", 0 out of the flow).
func (w *world) tallyStep(u *telegramtest.User) (string, int) {
	if step, version, err := w.flowStep(u, "t"); err == nil {
		return step, version
	}
	return "", 0
}

// tallyStaleDoesNothing presses data on the older copy id and fails if
// the flow moved, if anything was drawn, or if the copy shows buttons again.
func (w *world) tallyStaleDoesNothing(u *telegramtest.User, id int, data, what string) {
	w.t.Helper()
	step, version := w.tallyStep(u)
	if ms := w.pressOld(u, id, data); len(ms) > 1 || len(ms) == 1 && (ms[0].ID != id || len(ms[0].Buttons()) != 0) {
		w.t.Errorf("%s: a press on the older copy drew %q", what, ms[0].Text)
	}
	if s, v := w.tallyStep(u); s != step || v != version {
		w.t.Errorf("%s: a press on the older copy moved the flow from %s@%d to %s@%d", what, step, version, s, v)
	}
	noButtons(w.t, u, id, what+", pressed")
}

func TestOlderTallyScreensLoseTheirButtons(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	first := last(t, w.send(prov, "/tally"))
	thisMonth := dataOf(t, first, "Tháng này")

	// /tally again: the first copy goes.
	second := last(t, w.send(prov, "/tally"))
	if second.ID == first.ID || !hasButton(second, "Tháng này") {
		t.Fatalf("/tally again: %q", second.Text)
	}
	noButtons(t, prov, first.ID, "/tally again")
	w.tallyStaleDoesNothing(prov, first.ID, thisMonth, "/tally again")

	// A name typed: its list below, the periods above go ("Bến": several
	// communes; "Bến Thành", found alone, is its period screen since
	// review 33C).
	units := last(t, w.send(prov, "Bến"))
	if !hasButton(units, benThanhFull) {
		t.Fatalf("\"Bến\" on /tally: %q %v", units.Text, units.Buttons())
	}
	noButtons(t, prov, second.ID, "a typed unit")
	w.tallyStaleDoesNothing(prov, second.ID, dataOf(t, second, "Tháng này"), "a typed unit")
	benThanh := dataOf(t, units, benThanhFull)

	// A message too long to read: the screen again below it.
	help := last(t, w.send(prov, strings.Repeat("bến thành ", 30)))
	if help.ID == units.ID || len(help.Buttons()) == 0 {
		t.Fatalf("a long message on /tally: %q", help.Text)
	}
	noButtons(t, prov, units.ID, "a long message")
	w.tallyStaleDoesNothing(prov, units.ID, benThanh, "a long message")

	// After a restart, the newest copy works, in place.
	w.restart()
	m := last(t, w.press(prov, benThanhFull))
	if m.ID != help.ID || !hasButton(m, "Tháng này") {
		t.Errorf("Bến Thành on the newest copy: %d %q, want its periods on %d", m.ID, m.Text, help.ID)
	}
	if step, _ := w.tallyStep(prov); step != "period" {
		t.Errorf("after Bến Thành on the newest copy the flow stands at %q", step)
	}

	// /cancel: nothing is left to press on the screen above.
	if m := last(t, w.send(prov, "/cancel")); m.Text != w.vi("cancel.done") {
		t.Fatalf("/cancel in the tally flow: %q", m.Text)
	}
	noButtons(t, prov, help.ID, "/cancel")

	// A period typed makes the report below: the periods above go.
	periods := last(t, w.send(prov, "/tally"))
	if ms := fresh(w.send(prov, "tháng 10/2026")); len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊") {
		t.Fatalf("a period typed on /tally: %+v", ms)
	}
	noButtons(t, prov, periods.ID, "a typed report")

	// A tally opened by typed words, left for a procedure: nothing to
	// press above either.
	w.send(prov, "/cancel")
	typed := only(t, w.send(prov, "tháng sau"))
	if !hasButton(typed, "Tháng này") {
		t.Fatalf("\"tháng sau\": %q", typed.Text)
	}
	if ms := w.send(prov, "khai sinh"); !foundKhaiSinh(ms) {
		t.Fatalf("\"khai sinh\" after \"tháng sau\": %+v", ms)
	}
	noButtons(t, prov, typed.ID, "a procedure searched")
}

// A case's step on screen when /tally is drawn below keeps its buttons:
// pressed later, they take the paused case up again, as before.
func TestCaseStepKeepsItsButtonsBelowTally(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	step := w.startBirthCase(coord)
	w.send(coord, "/tally")
	w.send(coord, "/tally")
	if m := msgByID(t, coord, step.ID); !hasButton(m, w.vi("case.done")) {
		t.Errorf("/tally below a case's step took its buttons: %q %v", m.Text, m.Buttons())
	}
}
