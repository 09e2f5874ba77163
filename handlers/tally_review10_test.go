package handlers_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A report of more cases than a spreadsheet sent on Telegram can list one
// by one — a year of the whole country, "từ đầu" of a big province: past
// 1,048,576 rows Excel has no room and the whole /tally failed, text
// included, on every retry; past 50 MB Telegram refuses the file and it
// was dropped without a word; and the writing took longer than an update
// may. The spreadsheet leaves the case list out and says so, in its title
// and its caption; every other sheet is there, and their totals agree.
func TestTallyTooManyCasesToList(t *testing.T) {
	// A commune's November of 4 cases, the list limited to max.
	report := func(t *testing.T, max int) (*world, *telegramtest.Message) {
		w := newWorld(t, at27Nov(), handlers.WithCaseListLimit(max))
		vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
		for d := 2; d <= 5; d++ {
			w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(d, 9, 0), nov(d, 9, 20))
		}
		coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
		only(t, w.send(coord, "/tally"))
		ms := w.press(coord, "Tháng này")
		if len(ms) != 3 || ms[2].Document == nil {
			t.Fatalf("want the text, the chart and the spreadsheet; got %d messages", len(ms))
		}
		return w, ms[2]
	}
	open := func(t *testing.T, doc *telegramtest.Message) *excelize.File {
		f, err := excelize.OpenReader(bytes.NewReader(doc.Document.Data))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	t.Run("over", func(t *testing.T) {
		w, doc := report(t, 3)
		note := w.vi("tally.case_list_left_out", locales.Data{"Cases": "4", "Max": "3"})
		if !strings.Contains(doc.Caption, note) {
			t.Errorf("the caption does not say the case list is left out (%q):\n%s", note, doc.Caption)
		}
		f := open(t, doc)
		if slices.Contains(f.GetSheetList(), w.vi("tally.sheet_cases")) {
			t.Errorf("the case list is there: %q", f.GetSheetList())
		}
		rows, err := f.GetRows(w.vi("tally.sheet_summary"))
		if err != nil {
			t.Fatal(err)
		}
		said := false
		for _, r := range rows[:min(3, len(rows))] {
			said = said || (len(r) > 0 && r[0] == note)
		}
		if !said {
			t.Errorf("the summary sheet's title does not say the case list is left out: %q", rows[:min(3, len(rows))])
		}
		if _, total := sheetTotals(t, f, w.vi("tally.sheet_procedures")); len(total) < 2 || total[1] != "4" {
			t.Errorf("the procedures sheet's total: %q", total)
		}
	})
	t.Run("within", func(t *testing.T) {
		w, doc := report(t, 4)
		if strings.Contains(doc.Caption, "\n") {
			t.Errorf("a note in the caption of a full spreadsheet: %q", doc.Caption)
		}
		if cases, _ := sheetTotals(t, open(t, doc), w.vi("tally.sheet_cases")); len(cases) != 4 {
			t.Errorf("the case list has %d rows, want 4", len(cases))
		}
	})
}

// The spreadsheet's times — when its figures were taken, when each case
// ended — and its period's edges are Vietnam time, whatever the server's
// zone; a file forwarded to a partner abroad, or read on a laptop set to
// another zone, did not say so. Its title does, in both languages.
func TestSpreadsheetSaysTimeZone(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	_, f := monthTally(t, w, coord, "Tháng này")
	rows, err := f.GetRows(w.vi("tally.sheet_summary"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || len(rows[1]) == 0 || !strings.Contains(rows[1][0], "UTC+7") || !strings.Contains(rows[1][0], "27/11/2026 10:00") {
		t.Errorf("the summary's title does not say its times are Vietnam time (UTC+7): %q", rows[:min(2, len(rows))])
	}
	if en := w.en("tally.sheet_period", locales.Data{"Period": "11/2026", "Made": "27/11/2026 10:00"}); !strings.Contains(en, "UTC+7") {
		t.Errorf("the English title does not say the time zone: %q", en)
	}
}

// A month still running said so in the text and the chart (review 8), but
// not in the spreadsheet's caption, which goes along when the file is
// forwarded in Telegram, nor at the top of its printed pages: "Theo đơn
// vị" printed on the 27th and signed for the district read "tháng
// 11/2026", 27 days passed off as the month. Both now say up to when; a
// month over says nothing more.
func TestSpreadsheetOfARunningPeriodSaysUpToWhen(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026 10:00, Vietnam time
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const unit = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	for _, c := range []struct {
		button, shown string
	}{
		{"Tháng này", w.vi("tally.as_of", locales.Data{"Period": "tháng 11/2026", "Time": "10:00", "Day": "27/11/2026"})},
		{"Tháng trước", "tháng 10/2026"},
	} {
		only(t, w.send(coord, "/tally"))
		ms := w.press(coord, c.button)
		doc := ms[len(ms)-1]
		if doc.Document == nil {
			t.Fatalf("%s: no spreadsheet", c.button)
		}
		if want := w.vi("tally.document_caption", locales.Data{"Unit": unit, "Period": c.shown}); doc.Caption != want {
			t.Errorf("%s: the spreadsheet's caption is %q, want %q", c.button, doc.Caption, want)
		}
		f, err := excelize.OpenReader(bytes.NewReader(doc.Document.Data))
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			hf, err := f.GetHeaderFooter(sheet)
			if err != nil || hf == nil {
				t.Fatalf("%s: sheet %q: no page header (%v)", c.button, sheet, err)
			}
			if !strings.HasSuffix(hf.OddHeader, unit+" – "+c.shown) {
				t.Errorf("%s: sheet %q prints %q atop each page, want it to end %q", c.button, sheet, hf.OddHeader, unit+" – "+c.shown)
			}
		}
		f.Close()
	}
}

// A province coordinator types the name the district's templates still
// use, from before the 2025 merger ("Phường 12, Quận Tân Bình"): the
// tally offered "Phường Bảy Hiền" without a word of why, where /invite and
// a case's commune say "(trước đây: Phường 12, Quận Tân Bình)". The
// tally's list says it too; a current name found as such says nothing.
func TestTallyUnitFoundByItsOldName(t *testing.T) {
	w := newWorld(t, at27Nov())
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator) // of province 79
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	m := only(t, fresh(w.send(prov, "phuong 12 tan binh")))
	if !strings.Contains(m.Text, "Phường Bảy Hiền") || !strings.Contains(m.Text, w.vi("invite.old_name", locales.Data{"Old": "Phường 12"})) {
		t.Errorf("the unit found by its old name does not say it:\n%s", m.Text)
	}
	if dataOf(t, m, "Phường Bảy Hiền, Thành phố Hồ Chí Minh") == "" {
		t.Errorf("no button for Phường Bảy Hiền: %+v", m.Keyboard)
	}
	m = only(t, fresh(w.send(prov, "bay hien")))
	if strings.Contains(m.Text, w.vi("invite.old_name", locales.Data{"Old": ""})) {
		t.Errorf("a current name is said to be an old one:\n%s", m.Text)
	}
}
