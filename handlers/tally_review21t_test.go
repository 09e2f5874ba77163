package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 21t, item 1: one typo after a report ("tahng này") went to the
// procedure search, whose screen took the report's place in the chat: every
// period typed after it was searched for as a procedure ("no procedure
// matches “tháng này”"), and a date range was refused as a birth date. A
// text that finds no procedure, typed with a report on screen, is a period
// mistyped: answered as /tally answers it, and the next period typed makes
// the report (of the same unit). A procedure's name is still searched.
func TestTallyTypoAfterReportKeepsPeriods(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w, _, _ := tallyWorld(t)
			coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
			tr := w.vi
			first, typo, again := "/tally hom nay", "tahng này", "tháng này"
			if lang == "en" {
				w.setLang(coord, "en")
				tr = w.en
				first, typo, again = "/tally today", "thsi month", "this month"
			}
			report := func(text, what string) {
				t.Helper()
				ms := fresh(w.send(coord, text))
				if !hasReport(ms) {
					t.Fatalf("%s (%q): want the report; got %d messages, first %q", what, text, len(ms), firstText(ms))
				}
			}
			mistyped := func(text string) {
				t.Helper()
				m := only(t, fresh(w.send(coord, text)))
				if !strings.Contains(m.Text, tr("tally.bad_period")) || strings.Contains(m.Text, tr("case.no_match", locales.Data{"Query": text})) {
					t.Fatalf("%q after a report: %q", text, m.Text)
				}
			}
			report(first, "the first report")
			mistyped(typo)
			report(again, "the period typed right after a typo")
			// Typos in a row, then periods in a row: each is a report.
			mistyped(typo)
			mistyped("quyy 4")
			for _, p := range []string{again, "1/11 - 20/11", "1/1/2020-31/12/2020", "Q4/2026", "11/2026"} {
				report(p, "a period after typos")
			}
			// A procedure's name is still searched.
			if m := only(t, fresh(w.send(coord, "khai sinh"))); strings.Contains(m.Text, tr("tally.bad_period")) || len(m.Buttons()) == 0 {
				t.Errorf("a procedure's name after a report: %q %+v", m.Text, m.Buttons())
			}
		})
	}
}

// With no report on screen a text that finds no procedure is searched as
// before; a date range typed on the search's screen is a period (the hint
// to /tally), not a birth date.
func TestTallyDateRangeOnSearchScreenIsAPeriod(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	if m := only(t, fresh(w.send(coord, "tahng này"))); !strings.Contains(m.Text, "tahng này") || strings.Contains(m.Text, w.vi("tally.bad_period")) {
		t.Fatalf("a typo with no report on screen: %q", m.Text)
	}
	for _, p := range []string{"tháng này", "1/11 - 20/11", "1/1/2020-31/12/2020"} {
		m := only(t, fresh(w.send(coord, p)))
		if !strings.Contains(m.Text, w.vi("case.period_tally", locales.Data{"Period": p})) {
			t.Errorf("%q on the search's screen: %q", p, m.Text)
		}
	}
}

func firstText(ms []*telegramtest.Message) string {
	if len(ms) == 0 {
		return ""
	}
	return ms[0].Text
}

// hasReport: one of ms is a report's text.
func hasReport(ms []*telegramtest.Message) bool {
	for _, m := range ms {
		if strings.HasPrefix(m.Text, "📊") {
			return true
		}
	}
	return false
}

// Review 21t, item 2: a province coordinator choosing a unit typed a
// period on the unit screen instead of pressing the one commune listed
// ("an hoi tay"): the whole province was counted, named only by the
// report's first line. The one commune listed is taken; with more than
// one unit to choose from, the unit screen asks to choose first.
func TestTallyPeriodTypedOnUnitScreen(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	if m := only(t, fresh(w.send(prov, "an hoi tay"))); !hasButton(m, "Phường An Hội Tây, Thành phố Hồ Chí Minh") {
		t.Fatalf("an hoi tay: %q %+v", m.Text, m.Buttons())
	}
	ms := fresh(w.send(prov, "tháng này"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây") {
		t.Errorf("a period typed with one commune listed: %q, want An Hội Tây's report", firstReport(ms))
	}
	// More than one unit listed, or the province's communes: choose first.
	for _, name := range []string{"phuong tan", ""} {
		only(t, fresh(w.send(prov, "/tally")))
		only(t, w.press(prov, w.vi("tally.change_unit")))
		if name != "" {
			only(t, fresh(w.send(prov, name)))
		}
		ms := fresh(w.send(prov, "tháng này"))
		if hasReport(ms) {
			t.Errorf("a period typed on the unit screen (%q): a report %q", name, firstReport(ms))
			continue
		}
		m := only(t, ms)
		if !strings.Contains(m.Text, w.vi("tally.pick_unit_first")) || len(m.Buttons()) < 3 {
			t.Errorf("a period typed on the unit screen (%q): %q %+v", name, m.Text, m.Buttons())
		}
	}
}

func firstReport(ms []*telegramtest.Message) string {
	for _, m := range ms {
		if strings.HasPrefix(m.Text, "📊") {
			return m.Text
		}
	}
	return ""
}
