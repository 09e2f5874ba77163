package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 16: a bare "Q4" is the quarter in /tally to a coordinator none of
// whose communes is of Quận 4 (review 15), and "quý 4" or "Q4/2026" typed
// outside any flow makes that report — but "Q4" typed outside any flow
// was searched as a procedure ("Không tìm thấy thủ tục nào khớp “Q4”").
// It is read as /tally reads it now: the quarter, or for a province
// coordinator whose communes include ones of Quận 4, those to pick.
func TestTallyBareQuarterTypedOutsideTheFlow(t *testing.T) {
	w, an, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	q4 := w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026})
	for _, text := range []string{"Q4", "q 4"} {
		ms := w.send(coord, text)
		if len(ms) != 3 || !strings.Contains(lines(ms[0])[0], q4) {
			t.Fatalf("%q outside any flow: %d messages, %q; want the tally of %s", text, len(ms), ms[0].Text, q4)
		}
	}
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	if m := only(t, w.send(prov, "Q4")); !strings.Contains(m.Text, w.vi("tally.unit_results", locales.Data{"Query": "Q4"})) {
		t.Errorf("a province coordinator of Thành phố Hồ Chí Minh typing Q4 outside any flow: %q", m.Text)
	}
	// A volunteer's "Q4" is a search, as before.
	if m := only(t, w.send(an, "Q4")); strings.HasPrefix(m.Text, "📊") || strings.Contains(m.Text, w.vi("tally.use_me")) {
		t.Errorf("a volunteer's \"Q4\": %q", m.Text)
	}
}

// A province coordinator of Thành phố Hồ Chí Minh who types "Q4" meaning
// the quarter got only communes of Quận 4 to pick, and no way to the
// quarter but to type it again as "quý 4". The list now offers the quarter
// too, for the unit the flow is on.
func TestTallyBareQuarterAmongUnitsOffersTheQuarter(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	meant := w.vi("tally.bare_period", locales.Data{"Period": w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026}), "Unit": "Thành phố Hồ Chí Minh"})
	m := only(t, w.send(prov, "Q4"))
	if !strings.Contains(m.Text, w.vi("tally.unit_results", locales.Data{"Query": "Q4"})) || !hasButton(m, meant) {
		t.Fatalf("\"Q4\" typed by a province coordinator: %q %v, want the communes and %q", m.Text, m.Buttons(), meant)
	}
	ms := w.press(prov, meant)
	if len(ms) == 0 || !strings.Contains(lines(ms[0])[0], w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026})) {
		t.Fatalf("after %q: %d messages; want the tally of Q4/2026", meant, len(ms))
	}
	// A name that is no quarter offers none.
	if m := only(t, w.send(prov, "/tally an hoi")); hasButton(m, meant) {
		t.Errorf("a commune's name typed offers the quarter: %v", m.Buttons())
	}
}
