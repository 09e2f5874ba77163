package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 27H, item 1: after "quý 4" (a report), "năm 2025" and "nam 2025"
// made Q4/2025, the report saying that "2025" alone was typed; in English
// "/tally", "Q4" (the unit screen) and then "year 2025" made Q4/2025 too.
// Only a bare year ("2025") is read as the quarter's year: a year asked
// for in words ("năm 2025", "year 2025", "cả năm 2025") is the whole year.
func TestReview27HYearInWordsAfterQuarterIsTheWholeYear(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Hoa", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	quarter := func(lang string, q, y int) string {
		return w.texts.For(lang).T("tally.label_quarter", locales.Data{"Quarter": q, "Year": y})
	}
	year := func(lang string, y int) string {
		return w.texts.For(lang).T("tally.label_year", locales.Data{"Year": y})
	}
	wholeYear := func(who string, ms []string, lang, typed, after string) {
		t.Helper()
		if len(ms) == 0 || !strings.HasPrefix(ms[0], "📊 ") || !strings.Contains(ms[0], " – "+year(lang, 2025)) ||
			strings.Contains(ms[0], quarter(lang, 4, 2025)) || strings.Contains(ms[0], "ℹ") {
			got := ""
			if len(ms) > 0 {
				got = ms[0]
			}
			t.Errorf("%s: %q after %q: %q, want the whole year 2025, no note", who, typed, after, got)
		}
	}
	for _, typed := range []string{"năm 2025", "nam 2025", "Năm 2025", "cả năm 2025", "ca nam 2025"} {
		fresh(w.send(coord, "quý 4"))
		wholeYear("a commune's coordinator", []string{firstReport(fresh(w.send(coord, typed)))}, "vi", typed, "quý 4")
	}
	// A bare year is still the quarter's (review 27C).
	fresh(w.send(coord, "quý 4"))
	if ms := fresh(w.send(coord, "2025")); !strings.Contains(firstReport(ms), " – "+quarter("vi", 4, 2025)) {
		t.Errorf("\"2025\" after \"quý 4\": %q, want Q4/2025", firstReport(ms))
	}

	// On /tally's unit screen a bare "Q4" opened: "năm 2025" is the year.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, fresh(w.send(prov, "Q4")))
	wholeYear("a province's coordinator on /tally", []string{firstReport(fresh(w.send(prov, "năm 2025")))}, "vi", "năm 2025", "Q4")

	// In English: "/tally", "Q4", then "year 2025"; and "Q4" typed, then
	// "year 2025".
	fresh(w.send(prov, "/lang en"))
	only(t, fresh(w.send(prov, "/tally")))
	only(t, fresh(w.send(prov, "Q4")))
	wholeYear("in English on /tally", []string{firstReport(fresh(w.send(prov, "year 2025")))}, "en", "year 2025", "Q4")
	fresh(w.send(coord, "/lang en"))
	for _, first := range []string{"Q4", "Q4 2026"} {
		fresh(w.send(coord, "/tally"))
		fresh(w.send(coord, first))
		wholeYear("in English", []string{firstReport(fresh(w.send(coord, "year 2025")))}, "en", "year 2025", first)
	}
}

// Review 27H, item 2: right after a report, "quý 5", "cả năm" alone and
// the like (a period mistyped: a quarter or month not on the calendar, a
// year's words with no year) were searched as procedures ("cả năm" found
// a civil-status guide), where /tally's screen says what is wrong with
// the period. They are answered as /tally answers them, on the period
// screen of the report's unit, and the period typed next makes its
// report. A procedure's name, and a decree's number ("13/2023"), are
// still searched.
func TestReview27HPeriodAttemptAfterReportIsNoSearch(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Hoa", anHoiTayCode, storage.RoleCoordinator)
	for _, c := range []struct{ typed, want string }{
		{"quý 5", "tally.no_such_quarter"},
		{"quy 5", "tally.no_such_quarter"},
		{"quý 0", "tally.no_such_quarter"},
		{"quý 5 2025", "tally.no_such_quarter"},
		{"tháng 13", "tally.no_such_month"},
		{"thang 13/2026", "tally.no_such_month"},
		{"quý 1 2019", "tally.period_too_old"},
		{"năm 2019", "tally.period_too_old"},
		{"quý 4 2030", "tally.period_future"},
		{"tháng 12 2030", "tally.period_future"},
		{"cả năm", "tally.bad_period"},
		{"ca nam", "tally.bad_period"},
		{"Q5", ""}, // "Q5" may be Quận 5: the screen says it is no unit of theirs
	} {
		fresh(w.send(coord, "/cancel"))
		if ms := fresh(w.send(coord, "quý 4")); !hasReport(ms) {
			t.Fatalf("\"quý 4\": %q, want its report", firstText(ms))
		}
		m := only(t, fresh(w.send(coord, c.typed)))
		if c.want != "" && !strings.HasPrefix(m.Text, w.vi(c.want)) || !strings.Contains(m.Text, "Phường An Hội Tây") || !hasButton(m, "Tháng này") {
			t.Errorf("%q after a report: %q %v, want %q above the period screen", c.typed, m.Text, m.Buttons(), w.vi(c.want))
			continue
		}
		if ms := fresh(w.send(coord, "quý 1")); !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây, Thành phố Hồ Chí Minh – "+
			w.vi("tally.label_quarter", locales.Data{"Quarter": 1, "Year": 2026})) {
			t.Errorf("\"quý 1\" after %q: %q, want Q1/2026's report", c.typed, firstText(ms))
		}
	}

	// On the screen such a try opened, another one is answered there too.
	fresh(w.send(coord, "quý 4"))
	only(t, fresh(w.send(coord, "quý 5")))
	if m := only(t, fresh(w.send(coord, "cả năm"))); !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) || !hasButton(m, "Tháng này") {
		t.Errorf("\"cả năm\" after \"quý 5\": %q, want %q on the period screen", m.Text, w.vi("tally.bad_period"))
	}

	// A procedure's name, and a decree's number, are still searched.
	for _, typed := range []string{"khai sinh", "13/2023"} {
		fresh(w.send(coord, "/cancel"))
		fresh(w.send(coord, "quý 4"))
		for _, m := range fresh(w.send(coord, typed)) {
			if strings.HasPrefix(m.Text, "📊") || strings.Contains(m.Text, w.vi("tally.no_such_date")) || strings.Contains(m.Text, w.vi("tally.bad_period")) {
				t.Errorf("%q after a report: %q, want it searched", typed, m.Text)
			}
		}
	}

	// With no report on screen "cả năm" is searched as before.
	fresh(w.send(coord, "/cancel"))
	fresh(w.send(coord, "/help"))
	for _, m := range fresh(w.send(coord, "cả năm")) {
		if strings.Contains(m.Text, w.vi("tally.bad_period")) {
			t.Errorf("\"cả năm\" with no report on screen: %q, want it searched", m.Text)
		}
	}

	// In English.
	fresh(w.send(coord, "/lang en"))
	for _, c := range []struct{ typed, want string }{
		{"Q5", ""},
		{"quarter 5", "tally.no_such_quarter"},
		{"whole year", "tally.bad_period"},
		{"month 13", "tally.no_such_month"},
	} {
		fresh(w.send(coord, "/cancel"))
		fresh(w.send(coord, "Q4"))
		m := only(t, fresh(w.send(coord, c.typed)))
		if c.want != "" && !strings.HasPrefix(m.Text, w.en(c.want)) || !hasButton(m, "This month") {
			t.Errorf("%q after a report in English: %q %v, want %q above the period screen", c.typed, m.Text, m.Buttons(), w.en(c.want))
		}
	}
}

// Review 27H, item 3, in a report: tallyWorld's two steps each met once
// with a problem the guide does not list read as such, not "lỗi: lỗi
// khác" or "once: another error".
func TestReview27HStuckLinesInTheReport(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Hoa", anHoiTayCode, storage.RoleCoordinator)
	for _, lang := range []string{"vi", "en"} {
		tr := w.texts.For(lang)
		fresh(w.send(coord, "/lang "+lang))
		text := firstReport(fresh(w.send(coord, "11/2026")))
		_, stuck, _ := strings.Cut(text, tr.T("tally.stuck"))
		if stuck == "" || strings.Count(stuck, tr.T("tally.error_other")) != 2 {
			t.Fatalf("%s: where residents get stuck: %q, want two steps with %q", lang, stuck, tr.T("tally.error_other"))
		}
		for _, odd := range []string{"lỗi: lỗi", "hay gặp", "once:", "most often"} {
			if strings.Contains(stuck, odd) {
				t.Errorf("%s: where residents get stuck reads %q: %q", lang, odd, stuck)
			}
		}
	}
}
