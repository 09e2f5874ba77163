package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 25 (walk W2): an admin browsing Thành phố Hồ Chí Minh's communes
// typed "Q4" and pressed "📅 Ý tôi là Q4/2026": the report counted the
// whole country (the unit the flow was on), which only its first line
// said. The button names the unit it counts, as the report does; on a
// province coordinator's screen, their province.
func TestReview25LBareQuarterButtonNamesItsUnit(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	q4 := w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026})
	country := w.vi("tally.country")
	meant := w.vi("tally.bare_period", locales.Data{"Period": q4, "Unit": country})

	only(t, fresh(w.send(w.admin, "/tally")))
	only(t, w.press(w.admin, w.vi("tally.change_unit")))
	only(t, w.press(w.admin, "Thành phố Hồ Chí Minh"))
	m := only(t, fresh(w.send(w.admin, "Q4")))
	if !hasButton(m, meant) {
		t.Fatalf("\"Q4\" on Thành phố Hồ Chí Minh's list: %q %v, want %q", m.Text, m.Buttons(), meant)
	}
	ms := w.press(w.admin, meant)
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 "+country) {
		t.Fatalf("after %q: %q, want the whole country's report", meant, firstText(ms))
	}

	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	m = only(t, fresh(w.send(prov, "Q4")))
	if want := w.vi("tally.bare_period", locales.Data{"Period": q4, "Unit": "Thành phố Hồ Chí Minh"}); !hasButton(m, want) {
		t.Fatalf("a province coordinator's \"Q4\": %v, want %q", m.Buttons(), want)
	}
}
