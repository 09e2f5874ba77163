package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 27C, item 1: "quý 4" typed reports at once (this year's Q4);
// the "2025" typed right after it made the report of the whole year 2025,
// where the coordinator meant Q4/2025 (as "Q4" and then "2025" on the unit
// screen already was, review 26A). A year typed right after a quarter's
// report is that quarter of that year, and the report says so; after any
// other report, or once the chat turned to something else, a year is the
// whole year; "cả năm 2025" is the whole year always.
func TestReview27CYearTypedAfterQuarterReport(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Hoa", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	quarter := func(lang string, q, y int) string {
		return w.texts.For(lang).T("tally.label_quarter", locales.Data{"Quarter": q, "Year": y})
	}
	year := func(lang string, y int) string {
		return w.texts.For(lang).T("tally.label_year", locales.Data{"Year": y})
	}
	said := func(lang string, q, y int) string {
		return w.texts.For(lang).T("tally.quarter_of_year", locales.Data{"Year": y, "Quarter": q, "Period": quarter(lang, q, y)})
	}

	for _, first := range []string{"quý 4", "Q4", "q4/2026", "quý này"} {
		ms := fresh(w.send(coord, first))
		if !hasReport(ms) || !strings.Contains(firstReport(ms), quarter("vi", 4, 2026)) {
			t.Fatalf("%q: %q, want the report of %s", first, firstText(ms), quarter("vi", 4, 2026))
		}
		ms = fresh(w.send(coord, "2025"))
		if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây, Thành phố Hồ Chí Minh – "+quarter("vi", 4, 2025)) {
			t.Fatalf("\"2025\" after %q: %q, want An Hội Tây's Q4/2025", first, firstText(ms))
		}
		if !strings.Contains(firstReport(ms), said("vi", 4, 2025)) {
			t.Fatalf("\"2025\" after %q: %q, want it said: %q", first, firstReport(ms), said("vi", 4, 2025))
		}
	}

	// Another quarter, and "2025": Q3/2025 ("năm 2025" is the whole year
	// since review 27H).
	fresh(w.send(coord, "quý 3"))
	if ms := fresh(w.send(coord, "2025")); !hasReport(ms) || !strings.Contains(firstReport(ms), " – "+quarter("vi", 3, 2025)) {
		t.Fatalf("\"2025\" after \"quý 3\": %q, want Q3/2025", firstText(ms))
	}

	// A province coordinator's: the province's Q4/2025.
	fresh(w.send(prov, "quý 4"))
	if ms := fresh(w.send(prov, "2025")); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh – "+quarter("vi", 4, 2025)) {
		t.Fatalf("\"2025\" after \"quý 4\" (province): %q, want the province's Q4/2025", firstText(ms))
	}

	// Asked for the whole year in words: the whole year.
	fresh(w.send(coord, "quý 4"))
	if ms := fresh(w.send(coord, "cả năm 2025")); !hasReport(ms) || !strings.Contains(firstReport(ms), " – "+year("vi", 2025)) {
		t.Fatalf("\"cả năm 2025\" after \"quý 4\": %q, want the whole year 2025", firstText(ms))
	}

	// Anywhere else a year is the whole year: after a month's report,
	// after a whole year's, after a command in between.
	for _, before := range []string{"11/2026", "cả năm 2025", "/help"} {
		fresh(w.send(coord, "quý 4"))
		fresh(w.send(coord, before))
		ms := fresh(w.send(coord, "2024"))
		if !hasReport(ms) || !strings.Contains(firstReport(ms), " – "+year("vi", 2024)) || strings.Contains(firstReport(ms), "ℹ") {
			t.Fatalf("\"2024\" after \"quý 4\" and %q: %q, want the whole year 2024", before, firstText(ms))
		}
	}

	// "/tally 2025", a command, asks for the year.
	fresh(w.send(coord, "quý 4"))
	if ms := fresh(w.send(coord, "/tally 2025")); !hasReport(ms) || !strings.Contains(firstReport(ms), " – "+year("vi", 2025)) {
		t.Fatalf("\"/tally 2025\" after \"quý 4\": %q, want the whole year 2025", firstText(ms))
	}

	// A year to come: Q4/2027 has not begun.
	fresh(w.send(coord, "quý 4"))
	if m := only(t, fresh(w.send(coord, "2027"))); !strings.Contains(m.Text, w.vi("tally.period_future")) {
		t.Fatalf("\"2027\" after \"quý 4\": %q, want %q", m.Text, w.vi("tally.period_future"))
	}

	// On /tally's screen, "Q4" then "2025" (review 26A) says it too.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, fresh(w.send(prov, "Q4")))
	if ms := fresh(w.send(prov, "2025")); !hasReport(ms) || !strings.Contains(firstReport(ms), said("vi", 4, 2025)) {
		t.Fatalf("\"2025\" after \"Q4\" on /tally: %q, want %q", firstText(ms), said("vi", 4, 2025))
	}

	// In English, and "whole year 2025" the whole year.
	fresh(w.send(coord, "/lang en"))
	fresh(w.send(coord, "Q4 2026"))
	if ms := fresh(w.send(coord, "2025")); !hasReport(ms) || !strings.Contains(firstReport(ms), quarter("en", 4, 2025)) ||
		!strings.Contains(firstReport(ms), said("en", 4, 2025)) {
		t.Fatalf("\"2025\" after \"Q4 2026\" in English: %q, want Q4/2025, said", firstText(ms))
	}
	fresh(w.send(coord, "Q4 2026"))
	if ms := fresh(w.send(coord, "whole year 2025")); !hasReport(ms) || !strings.Contains(firstReport(ms), " – "+year("en", 2025)) {
		t.Fatalf("\"whole year 2025\" after \"Q4 2026\" in English: %q, want the whole year 2025", firstText(ms))
	}
}
