package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 22k, item 4: a period asked for as a favour ("cho em xin số liệu
// tháng 11 ạ", "xin số liệu tháng 11", "gửi em báo cáo tháng 11 nhé") was
// not understood on /tally's screen, where "cho em số liệu quý 4 năm
// ngoái với ạ" was. The report of that period is made; words around no
// period are still not one.
func TestTallyPeriodAskedAsAFavour(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, typed := range []string{
		"cho em xin số liệu tháng 11 ạ", "cho em xin so lieu thang 11 a",
		"xin số liệu tháng 11", "xin so lieu thang 11",
		"gửi em báo cáo tháng 11 nhé", "gui em bao cao thang 11 nhe",
		"gửi mình số liệu tháng 11", "gửi báo cáo tháng 11 với",
		"cho mình xin báo cáo tháng 11", "em xin số liệu tháng 11 ạ",
		"cho em số liệu quý 4 năm ngoái với ạ",
	} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, typed))
		if !hasReport(ms) {
			t.Errorf("%q: %q, want a report", typed, firstText(ms))
			continue
		}
		want := "tháng 11/2026"
		if strings.Contains(typed, "quý") {
			want = "quý 4/2025"
		}
		if !strings.Contains(firstLine(firstReport(ms)), want) {
			t.Errorf("%q: the report of %q, want %s", typed, firstLine(firstReport(ms)), want)
		}
	}
	for _, typed := range []string{"xin chào", "gửi em", "cho em xin", "xin số liệu"} {
		only(t, fresh(w.send(coord, "/tally")))
		if ms := fresh(w.send(coord, typed)); hasReport(ms) {
			t.Errorf("%q made a report: %q", typed, firstReport(ms))
		}
	}
}

// Review 22k, item 6: the spreadsheet of "all time" was named in
// Vietnamese in English ("dvcbot-whole-country-den-2026-11-27.xlsx"):
// every word of a file name is the user's language's.
func TestTallyFileNameInTheUsersLanguage(t *testing.T) {
	for _, c := range []struct{ lang, period, want string }{
		{"vi", "tally.period_all", "dvcbot-ca-nuoc-den-2026-11-27.xlsx"},
		{"en", "tally.period_all", "dvcbot-whole-country-until-2026-11-27.xlsx"},
		{"en", "tally.period_month", "dvcbot-whole-country-2026-11.xlsx"},
	} {
		t.Run(c.lang+" "+c.period, func(t *testing.T) {
			w, _, _ := tallyWorld(t)
			if c.lang == "en" {
				w.send(w.admin, "/lang")
				w.press(w.admin, "English")
			}
			tr := w.vi
			if c.lang == "en" {
				tr = w.en
			}
			only(t, fresh(w.send(w.admin, "/tally")))
			ms := w.press(w.admin, tr(c.period))
			if len(ms) != 3 || ms[2].Document == nil {
				t.Fatalf("the report: %d messages", len(ms))
			}
			if got := ms[2].Document.Name; got != c.want {
				t.Errorf("file name %q, want %q", got, c.want)
			}
			if !strings.Contains(ms[2].Caption, tr("tally.country")) {
				t.Errorf("caption %q", ms[2].Caption)
			}
		})
	}
}
