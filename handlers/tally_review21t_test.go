package handlers_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/handlers"

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
			// A procedure's name is still searched, on the screen a typo
			// opened too.
			mistyped(typo)
			if m := only(t, fresh(w.send(coord, "khai sinh"))); strings.Contains(m.Text, tr("tally.bad_period")) || len(m.Buttons()) == 0 {
				t.Errorf("a procedure's name after a typo: %q %+v", m.Text, m.Buttons())
			}
			report(first, "the report again")
			if m := only(t, fresh(w.send(coord, "khai sinh"))); strings.Contains(m.Text, tr("tally.bad_period")) || len(m.Buttons()) == 0 {
				t.Errorf("a procedure's name after a report: %q %+v", m.Text, m.Buttons())
			}
		})
	}
}

// A province coordinator's typo after a commune's report: the commune's
// period screen, and the period typed next is the commune's.
func TestTallyTypoAfterCommuneReportOfProvince(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.pickBenThanh(prov, "Tháng này")
	for _, typo := range []string{"tahng này", "thnag truoc"} {
		m := only(t, fresh(w.send(prov, typo)))
		if !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) || !strings.Contains(m.Text, "Phường Bến Thành") {
			t.Errorf("%q after Bến Thành's report: %q", typo, m.Text)
		}
	}
	ms := fresh(w.send(prov, "tháng này"))
	if !strings.HasPrefix(firstReport(ms), "📊 Phường Bến Thành") {
		t.Errorf("the period typed after typos: %q, want Bến Thành's report", firstReport(ms))
	}
}

// With no report on screen a text that finds no procedure is searched as
// before; a date range typed on the search's screen is a period (the hint
// to /tally), not a birth date.
func TestTallyDateRangeOnSearchScreenIsAPeriod(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	// Not quoted since review 22n: what finds nothing may hold a name.
	if m := only(t, fresh(w.send(coord, "tahng này"))); !strings.HasPrefix(m.Text, w.vi("case.no_match")) || strings.Contains(m.Text, w.vi("tally.bad_period")) {
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
	// An old name found loosely (its words apart) is still a list of one;
	// "an hoi tay", found well, is its period screen since review 33C.
	if m := only(t, fresh(w.send(prov, "phuong 12 go vap"))); !hasButton(m, "Phường An Hội Tây, Thành phố Hồ Chí Minh") {
		t.Fatalf("phuong 12 go vap: %q %+v", m.Text, m.Buttons())
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

// Review 21t, item 3: in the spreadsheet's case list a case that was the
// same dossier as another had its mode ("toàn trình") in the mode column,
// where the summary's modes count it as no dossier filed: the column
// summed did not agree. Its mode cell says it is counted with the other
// case. And the case list's modes read as the summary's ("fully online
// (toàn trình; formerly level 4)" in English, not a label of its own).
func TestTallyCaseListModeOfSameDossier(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Cùng hồ sơ")
			coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
			const code = "000.00.12.H26-251127-0043"
			w.finishWithCode(v, code)
			a := caseNo(w, v)
			clk.advance(time.Hour)
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			b := caseNo(w, v)
			w.send(v, code)
			w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a}))

			tr := w.vi
			if lang == "en" {
				w.setLang(coord, "en")
				tr = w.en
			}
			w.send(coord, "/tally")
			ms := w.press(coord, tr("tally.period_month"))
			if len(ms) != 3 || ms[2].Document == nil {
				t.Fatalf("/tally, this month: got %+v", ms)
			}
			f, err := excelize.OpenReader(bytes.NewReader(ms[2].Document.Data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			full := tr("mode.toan_trinh", locales.Data{"Level": 4})
			summary, err := f.GetRows(tr("tally.sheet_summary"), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			filed := ""
			for _, r := range summary {
				if len(r) > 1 && r[0] == tr("tally.row_mode", locales.Data{"Mode": full}) {
					filed = r[1]
				}
			}
			list, err := f.GetRows(tr("tally.sheet_cases"), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			modes := map[string]string{}
			listed := 0
			for _, r := range list {
				if len(r) > 4 {
					modes[r[0]] = r[4]
					if r[4] == full {
						listed++
					}
				}
			}
			if got := modes[strconv.Itoa(int(a))]; got != full {
				t.Errorf("case #%d's mode in the case list: %q, want the summary's %q", a, got, full)
			}
			if got, want := modes[strconv.Itoa(int(b))], tr("tally.case_mode_same_dossier"); got != want {
				t.Errorf("case #%d's mode (same dossier as #%d): %q, want %q", b, a, got, want)
			}
			if filed != "1" || listed != 1 {
				t.Errorf("the summary's %q: %q; the case list's rows of that mode: %d (want 1 and 1)", full, filed, listed)
			}
		})
	}
}
