package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 29 (walk, item 1): "/tally 11" — a month's number, as the period
// screen asks for one — told a commune's coordinator that "the communes
// matching 11 are outside what you may see", and listed a province
// coordinator's old Phường 11s. A bare month's number is read as a bare
// "Q3" is: the month, unless a commune of theirs had that name, and then
// offered beside those communes.
func TestReview29BareMonthNumberIsTheMonth(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Hoa", anHoiTayCode, storage.RoleCoordinator)
	november := w.vi("tally.label_month", locales.Data{"Month": 11, "Year": 2026})
	for _, typed := range []string{"/tally 11", "11"} {
		if typed == "11" { // on /tally's screen
			fresh(w.send(coord, "/tally"))
		}
		ms := fresh(w.send(coord, typed))
		if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây, Thành phố Hồ Chí Minh – "+november) {
			t.Fatalf("%q by An Hội Tây's coordinator: %q, want its November report", typed, firstText(ms))
		}
	}

	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	m := last(t, fresh(w.send(prov, "/tally 11")))
	meant := w.vi("tally.bare_period", locales.Data{"Period": november, "Unit": "Thành phố Hồ Chí Minh"})
	if !hasButton(m, meant) || !strings.Contains(m.Text, "11") {
		t.Fatalf("\"/tally 11\" by the city's coordinator: %q %v, want its old Phường 11s and %q", m.Text, buttonTexts(m), meant)
	}
	if ms := w.press(prov, meant); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh – "+november) {
		t.Fatalf("%q pressed: %q", meant, firstText(ms))
	}

	// Right after a report, typed alone, the month of the report's unit;
	// with no report on screen, a number alone is no month asked for.
	fresh(w.send(coord, "/tally tháng này"))
	if ms := fresh(w.send(coord, "11")); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây, Thành phố Hồ Chí Minh – "+november) {
		t.Fatalf("\"11\" after a report: %q, want November's", firstText(ms))
	}
	fresh(w.send(coord, "/help"))
	if ms := fresh(w.send(coord, "11")); hasReport(ms) {
		t.Fatalf("\"11\" with no report on screen: %q, want no report", firstText(ms))
	}

	// No month 13: a name, as before.
	if ms := fresh(w.send(coord, "/tally 13")); hasReport(ms) {
		t.Fatalf("\"/tally 13\": %q, want no report", firstText(ms))
	}
}
