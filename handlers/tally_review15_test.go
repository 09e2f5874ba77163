package handlers_test

// /tally played as a coordinator (review, 2026-12-01). Each test failed
// before the change.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A bare "Q4" is Quận 4 to the commune search, but a coordinator who may
// count no commune of that name meant the quarter: they were told "That
// unit is outside what you may see" (a commune coordinator of An Hội Tây,
// in Vietnamese or English). A province coordinator whose province has
// communes of Quận 4 still gets those to pick.
func TestTallyBareQuarterNotAUnitOfTheirs(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	q4 := w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026})
	for _, text := range []string{"Q4", "q4", "/tally Q4", "/tally q 4"} {
		if !strings.HasPrefix(text, "/") {
			only(t, fresh(w.send(coord, "/tally")))
		}
		ms := fresh(w.send(coord, text))
		if len(ms) != 3 || !strings.Contains(lines(ms[0])[0], q4) {
			t.Fatalf("%q: %d messages, %q; want the tally of %s", text, len(ms), ms[0].Text, q4)
		}
	}
	en := w.tallyMember("Dũng", anHoiTayCode, storage.RoleCoordinator)
	fresh(w.send(en, "/lang en"))
	only(t, fresh(w.send(en, "/tally")))
	ms := fresh(w.send(en, "Q4"))
	if q4 := w.texts.For("en").T("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026}); len(ms) != 3 || !strings.Contains(lines(ms[0])[0], q4) {
		t.Fatalf("Q4 in English: %d messages, %q; want the tally of %s", len(ms), ms[0].Text, q4)
	}

	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	m := only(t, fresh(w.send(prov, "Q4")))
	if !strings.Contains(m.Text, w.vi("tally.unit_results", locales.Data{"Query": "Q4"})) {
		t.Fatalf("a province coordinator of Thành phố Hồ Chí Minh typing Q4: %q", m.Text)
	}
}
