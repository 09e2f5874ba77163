package handlers_test

import (
	"strings"
	"testing"

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
	// A part of a name: still a list to choose from.
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "Bến Thành"))); !hasButton(m, benThanhFull) {
		t.Errorf("\"Bến Thành\": %q, want the list with it", m.Text)
	}
}
