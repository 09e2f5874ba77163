package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 30, item 4: a commune's coordinator, who may count their commune
// alone, typed its old name with its kind, "/tally phuong 12 go vap" (old
// Phường 12, Quận Gò Vấp, now Phường An Hội Tây), and was shown a list of
// one commune to press — theirs —, and with a period, "/tally phuong 12 go
// vap tháng này", the same list under "press a unit to see November's
// figures". A name that finds their own commune better than any other of
// the whole country is that commune: its period screen, or its report (so
// is "an hoi tay", which finds Phường Hội An Tây, Đà Nẵng, less well). A name
// that finds another commune as well ("go vap": Phường Gò Vấp) is listed
// as before, where the list's old name tells why theirs is offered.
func TestReview30ACommuneCoordinatorTypesTheirOwnOldName(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	periodScreen := w.vi("tally.choose_period", locales.Data{"Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh"})

	for _, typed := range []string{"/tally phuong 12 go vap", "/tally Phường 12, Gò Vấp", "/tally an hoi tay"} {
		m := last(t, fresh(w.send(coord, typed)))
		if m.Text != periodScreen {
			t.Errorf("%q: %q %v, want An Hội Tây's period screen", typed, m.Text, buttonTexts(m))
		}
		if ms := w.press(coord, "Tháng này"); !hasReport(ms) || !strings.Contains(ms[0].Text, "Phường An Hội Tây") {
			t.Errorf("%q, then Tháng này: %q", typed, texts(ms))
		}
	}
	ms := fresh(w.send(coord, "/tally phuong 12 go vap tháng này"))
	if !hasReport(ms) || !strings.Contains(ms[0].Text, "Phường An Hội Tây, Thành phố Hồ Chí Minh – tháng 11/2026") {
		t.Errorf("/tally phuong 12 go vap tháng này: %q, want An Hội Tây's November", texts(ms))
	}

	// "go vap" finds Phường Gò Vấp too: a list, which says why An Hội Tây;
	// with a period as well (until review 30 An Hội Tây's report at once,
	// though "go vap" alone listed it: the coordinator may have meant the
	// ward next door).
	m := last(t, fresh(w.send(coord, "/tally go vap")))
	if m.Text == periodScreen || !strings.Contains(m.Text, "Gò Vấp") {
		t.Errorf("/tally go vap: %q, want the list naming An Hội Tây's old name", m.Text)
	}
	ms = fresh(w.send(coord, "/tally go vap tháng này"))
	if hasReport(ms) || !strings.Contains(firstText(ms), "Gò Vấp") || !strings.Contains(firstText(ms), w.vi("tally.period_kept", locales.Data{"Period": "tháng 11/2026"})) {
		t.Errorf("/tally go vap tháng này: %q, want the list, the month kept", texts(ms))
	}
	if ms := w.press(coord, "Phường An Hội Tây, Thành phố Hồ Chí Minh"); !hasReport(ms) || !strings.Contains(ms[0].Text, "Phường An Hội Tây, Thành phố Hồ Chí Minh – tháng 11/2026") {
		t.Errorf("An Hội Tây pressed on that list: %q, want its November", texts(ms))
	}
	// A province's coordinator is shown the list as before.
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	if m := last(t, fresh(w.send(prov, "/tally phuong 12 go vap"))); m.Text == periodScreen || !hasButton(m, "Phường An Hội Tây, Thành phố Hồ Chí Minh") {
		t.Errorf("a province's coordinator: %q %v, want the list", m.Text, buttonTexts(m))
	}
}
