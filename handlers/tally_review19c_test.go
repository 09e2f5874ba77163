package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator reads Bến Thành's report, then asks for another
// period the way /tally's help says, after the command: "/tally tuần
// trước". The report came as the whole city's, its head one line above
// figures many times larger: the commune on screen was forgotten because
// a command forgets it. /tally with a period counts the report on
// screen's unit, as the period typed alone does; /tally alone still opens
// on their own unit (its screen names it), and an hour later the command
// counts the city again.
func TestTallyCommandWithAPeriodAfterACommunesReportKeepsTheCommune(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	head := func(unit string) string {
		return w.vi("tally.head", locales.Data{"Unit": unit, "Period": "tháng 10/2026"})
	}
	w.pickBenThanh(prov, "Tháng này")
	for _, typed := range []string{"/tally tháng 10/2026", "/tally tháng trước"} {
		ms := fresh(w.send(prov, typed))
		if len(ms) == 0 || firstLine(ms[0].Text) != head(benThanhFull) {
			t.Errorf("%q after Bến Thành's report: %+v, want %q", typed, ms, head(benThanhFull))
		}
	}
	// /tally alone: the period screen of their own unit, as it says.
	m := only(t, fresh(w.send(prov, "/tally")))
	if want := w.vi("tally.choose_period", locales.Data{"Unit": "Thành phố Hồ Chí Minh"}); m.Text != want {
		t.Errorf("/tally after Bến Thành's report: %q, want %q", m.Text, want)
	}
	fresh(w.send(prov, "/cancel"))
	// After another command, the city's.
	w.pickBenThanh(prov, "Tháng này")
	fresh(w.send(prov, "/help"))
	if ms := fresh(w.send(prov, "/tally tháng 10/2026")); len(ms) == 0 || firstLine(ms[0].Text) != head("Thành phố Hồ Chí Minh") {
		t.Errorf("/tally tháng 10/2026 after /help: %+v, want the city's", ms)
	}
}

// A province coordinator of Hồ Chí Minh City types a commune's name
// whole, as it is written: "Phường Bến Thành". The answer was "more than
// 8 communes match; here are the first 8 – type more letters", though
// nothing more could be typed: the name was exact. A name typed whole
// (diacritics, case or the province after it as one likes) now picks
// that commune: its period screen. A part of a name still lists.
func TestTallyExactCommuneNamePicksIt(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	want := w.vi("tally.choose_period", locales.Data{"Unit": benThanhFull})
	for _, typed := range []string{"Phường Bến Thành", "phuong ben thanh", "PHƯỜNG BẾN THÀNH", benThanhFull} {
		only(t, fresh(w.send(prov, "/tally")))
		m := only(t, fresh(w.send(prov, typed)))
		if m.Text != want {
			t.Errorf("%q typed on /tally: %q, want %q", typed, m.Text, want)
		}
		fresh(w.send(prov, "/cancel"))
	}
	// Typed with the command, the period after it still asked.
	if m := only(t, fresh(w.send(prov, "/tally Phường Bến Thành"))); m.Text != want {
		t.Errorf("/tally Phường Bến Thành: %q, want %q", m.Text, want)
	}
	if ms := w.press(prov, "Tháng này"); len(ms) == 0 || !strings.Contains(firstLine(ms[0].Text), "Phường Bến Thành") {
		t.Errorf("Bến Thành's period pressed: %+v", ms)
	}
	// A part of a name that finds several: still a list to choose from
	// ("Bến Thành", which finds it alone, is its period screen since
	// review 33C).
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "Bến"))); !hasButton(m, benThanhFull) {
		t.Errorf("\"Bến\": %q, want the list with Bến Thành", m.Text)
	}
}

// shownAs is message id as the chat shows it now.
func shownAs(t *testing.T, u *telegramtest.User, id int) *telegramtest.Message {
	t.Helper()
	for _, m := range u.Messages() {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("message %d is gone", id)
	return nil
}

// A coordinator has /tally's screen open, and loses the right to count:
// made a volunteer (by hand), or removed from the team by their province
// coordinator. A press on that screen then must say why nothing is
// counted, and the screen must lose its buttons: they offer what the
// user may no longer do.
func TestTallyScreenOfOneWhoLostTheRightLosesItsButtons(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	screen := only(t, fresh(w.send(coord, "/tally")))
	if _, err := w.store.DB().Exec(`UPDATE users SET role = 'volunteer' WHERE telegram_id = $1`, coord.ID); err != nil {
		t.Fatal(err)
	}
	ms := w.press(coord, "Tháng này")
	said := lastAnswer(t, coord)
	for _, m := range ms {
		said += "\n" + m.Text
	}
	if !strings.Contains(said, w.vi("tally.use_me")) {
		t.Errorf("a press of a volunteer now: %q, want %q", said, w.vi("tally.use_me"))
	}
	if m := shownAs(t, coord, screen.ID); len(m.Buttons()) > 0 {
		t.Errorf("the tally screen of a volunteer now keeps its buttons: %q %+v", m.Text, m.Buttons())
	}

	// Removed by the province coordinator through /team, the screen open.
	other := w.tallyMember("Dũng", anHoiTayCode, storage.RoleCoordinator)
	screen = only(t, fresh(w.send(other, "/tally")))
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/team")))
	only(t, fresh(w.send(prov, "Dũng")))
	var rm string
	for _, b := range prov.Last().Buttons() {
		if strings.HasPrefix(b.Text, "✕") && strings.Contains(b.Text, "Dũng") {
			rm = b.Text
		}
	}
	if rm == "" {
		t.Fatalf("no ✕ for Dũng: %+v", prov.Last())
	}
	w.press(prov, rm)
	w.press(prov, w.vi("team.remove_yes"))
	drain(other) // told they were removed
	if m := shownAs(t, other, screen.ID); len(m.Buttons()) > 0 {
		// Taken off at the removal, or at the first press below.
		ms = w.press(other, "Tháng này")
		said = lastAnswer(t, other)
		for _, m := range ms {
			said += "\n" + m.Text
		}
		if said == "" || strings.Contains(said, "📊") {
			t.Errorf("a press of a removed coordinator: %q, want it refused, said why", said)
		}
		if m := shownAs(t, other, screen.ID); len(m.Buttons()) > 0 {
			t.Errorf("the tally screen of a removed coordinator keeps its buttons: %q %+v", m.Text, m.Buttons())
		}
	}
}

// A coordinator with /tally's screen open leaves the team (/leave, then
// "Rời đội"): the tally screen above kept its buttons, and a press on
// it said only "this button belongs to something finished". It now says
// why nothing is counted (the tally is for coordinators), and the
// buttons go.
func TestTallyScreenPressedAfterLeavingSaysWhy(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	screen := only(t, fresh(w.send(coord, "/tally")))
	fresh(w.send(coord, "/leave"))
	fresh(w.press(coord, w.vi("leave.yes")))
	if m := shownAs(t, coord, screen.ID); len(m.Buttons()) == 0 {
		return // taken off when the flow ended: nothing to press
	}
	id, err := coord.PressOn(screen.ID, "Tháng này")
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	ms := drain(coord)
	if got := lastAnswer(t, coord); got != w.vi("tally.not_allowed") {
		t.Errorf("a press after leaving answered %q, want %q", got, w.vi("tally.not_allowed"))
	}
	for _, m := range ms {
		if m.ID != screen.ID {
			t.Errorf("a message after leaving: %q", m.Text)
		}
	}
	if m := shownAs(t, coord, screen.ID); len(m.Buttons()) > 0 {
		t.Errorf("the tally screen after leaving keeps its buttons: %+v", m.Buttons())
	}
}

// A province coordinator has /tally's list of the city's communes open,
// and is made a commune's coordinator meanwhile. Every button of the
// list was then refused ("outside what you may see") and the same list
// drawn again: buttons offering what the user may no longer pick. A
// press, or a name typed, now says the role changed and asks the period
// of their own commune, the list's buttons gone.
func TestTallyUnitListOfOneWhoMayNoLongerPick(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	own := w.vi("tally.choose_period", locales.Data{"Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh"})
	for _, then := range []func() *telegramtest.Message{
		func() *telegramtest.Message { return only(t, w.press(prov, benThanhFull)) },
		func() *telegramtest.Message { return only(t, fresh(w.send(prov, "Sài Gòn"))) },
	} {
		if _, err := w.store.DB().Exec(`UPDATE users SET role = 'province_coordinator', province_code = '79', commune_code = NULL WHERE telegram_id = $1`, prov.ID); err != nil {
			t.Fatal(err)
		}
		fresh(w.send(prov, "/cancel"))
		only(t, fresh(w.send(prov, "/tally")))
		only(t, fresh(w.send(prov, "Bến"))) // a list with Bến Thành ("Bến Thành" alone is picked: review 33C)
		list := prov.Last()
		if _, err := w.store.DB().Exec(`UPDATE users SET role = 'coordinator', province_code = NULL, commune_code = $2 WHERE telegram_id = $1`, prov.ID, anHoiTayCode); err != nil {
			t.Fatal(err)
		}
		m := then()
		if want := w.vi("tally.pick_gone") + "\n\n" + own; m.Text != want {
			t.Errorf("the list after the role changed: %q, want %q", m.Text, want)
		}
		if hasButton(m, benThanhFull) || !hasButton(m, "Tháng này") {
			t.Errorf("the list after the role changed: buttons %+v", m.Buttons())
		}
		if l := shownAs(t, prov, list.ID); l.ID != m.ID && hasButton(l, benThanhFull) {
			t.Errorf("the list keeps its communes: %+v", l.Buttons())
		}
	}
}
