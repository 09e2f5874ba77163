package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 25A, item 2: a province coordinator of Thành phố Hồ Chí Minh who
// typed "Q4" on /tally's first screen got the communes of Quận 4 and the
// quarter to press; a period typed there next ("tuần này", "tháng 11",
// "this week") was refused ("press a unit in the list first") until they
// pressed Back. It makes the report of the unit the flow is on, as it does
// on the first screen: the province, or the commune chosen before.
func TestReview25ATypedPeriodAfterBareQuarter(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	meant := w.vi("tally.bare_period", locales.Data{"Period": w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026}), "Unit": "Thành phố Hồ Chí Minh"})

	// The province, as /tally's first screen offered it.
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "Q4"))); !hasButton(m, meant) {
		t.Fatalf("\"Q4\": %q %v, want the communes and %q", m.Text, m.Buttons(), meant)
	}
	ms := fresh(w.send(prov, "tuần này"))
	week := w.vi("tally.label_week", locales.Data{"From": "23/11", "To": "29/11/2026"})
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh") || !strings.Contains(lines(ms[0])[0], week) {
		t.Fatalf("\"tuần này\" after \"Q4\": %q, want the province's report for %s", firstText(ms), week)
	}

	// A commune chosen first is kept.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	only(t, fresh(w.send(prov, "an hoi tay"))) // its period screen (review 33C)
	meant = w.vi("tally.bare_period", locales.Data{"Period": w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026}),
		"Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh"})
	if m := only(t, fresh(w.send(prov, "Q4"))); !hasButton(m, meant) {
		t.Fatalf("\"Q4\" for An Hội Tây: %q %v, want the communes and %q", m.Text, m.Buttons(), meant)
	}
	ms = fresh(w.send(prov, "tháng 11"))
	month := w.vi("tally.label_month", locales.Data{"Month": w.vi("tally.month_11"), "Year": 2026})
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây") || !strings.Contains(lines(ms[0])[0], month) {
		t.Fatalf("\"tháng 11\" after \"Q4\" for An Hội Tây: %q, want An Hội Tây's report for %s", firstText(ms), month)
	}

	// In English.
	fresh(w.send(prov, "/lang en"))
	only(t, fresh(w.send(prov, "/tally")))
	only(t, fresh(w.send(prov, "Q4")))
	ms = fresh(w.send(prov, "this week"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh") {
		t.Fatalf("\"this week\" after \"Q4\" in English: %q, want the province's report", firstText(ms))
	}
}
