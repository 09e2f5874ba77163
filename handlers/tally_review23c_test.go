package handlers_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// review23cMonth is the An Hội Tây coordinator's report of this month
// (tallyWorld: 4 cases, 3 successful), in lang: its text and spreadsheet.
func review23cMonth(t *testing.T, lang string) (text string, summary map[string]string) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	tr := w.vi
	if lang == "en" {
		w.send(coord, "/lang")
		w.press(coord, "English")
		tr = w.en
	}
	only(t, fresh(w.send(coord, "/tally")))
	ms := w.press(coord, tr("tally.period_month"))
	if len(ms) != 3 || ms[2].Document == nil {
		t.Fatalf("the report: %d messages", len(ms))
	}
	return ms[0].Text, review23cSummary(t, ms[2])
}

func review23cSummary(t *testing.T, m *telegramtest.Message) map[string]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(m.Document.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	for _, r := range rows {
		if len(r) > 1 {
			values[r[0]] = r[1]
		}
	}
	return values
}

// Review 23c, item 1: "người dân được giúp thành công: 3" counted cases,
// not people (a resident helped twice counts twice), and a coordinator
// reported it upward as people. The text and the spreadsheet say cases.
func TestReview23cHelpedAreCases(t *testing.T) {
	for _, c := range []struct{ lang, text, row, wrong string }{
		{"vi", "ca hỗ trợ thành công: 3", "Ca hỗ trợ thành công", "người dân"},
		{"en", "cases helped successfully: 3", "Cases helped successfully", "residents"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			text, summary := review23cMonth(t, c.lang)
			line := strings.Split(text, "\n")[1]
			if !strings.Contains(line, c.text) || strings.Contains(strings.ToLower(line), c.wrong) {
				t.Errorf("the cases line %q, want %q", line, c.text)
			}
			if summary[c.row] != "3" {
				t.Errorf("the summary's row %q: %q (%v)", c.row, summary[c.row], summary)
			}
		})
	}
}

// Review 23c, item 2: the modes' heading, "Hồ sơ đã nộp theo hình thức",
// counts the results had on the spot too: beside "Đã nộp hồ sơ: 1 • Đã nộp
// và thanh toán trực tuyến: 1 • Nhận kết quả ngay: 1" it summed to 3, not
// the 2 submitted. The heading and the summary's rows say so.
func TestReview23cModesSayOnTheSpot(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w, an, _ := tallyWorld(t)
			w.closedCase(an.ID, anHoiTayCode, "khai-sinh", "dossier", "mot-phan", "on_the_spot", "", nov(10, 9, 0), nov(10, 9, 10))
			coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
			tr := w.vi
			heading, row := "Hồ sơ đã nộp (kể cả nhận kết quả ngay) theo hình thức:", "Hồ sơ đã nộp (kể cả nhận kết quả ngay) – một phần (trước đây: mức độ 3)"
			if lang == "en" {
				w.send(coord, "/lang")
				w.press(coord, "English")
				tr = w.en
				heading, row = "Dossiers submitted (results on the spot included), by mode:", "Dossiers submitted (results on the spot included) – partly online (một phần; formerly level 3)"
			}
			only(t, fresh(w.send(coord, "/tally")))
			ms := w.press(coord, tr("tally.period_month"))
			if len(ms) != 3 || ms[2].Document == nil {
				t.Fatalf("the report: %d messages", len(ms))
			}
			if !strings.Contains(ms[0].Text, tr("tally.outcome_on_the_spot")+": 1") || !strings.Contains(ms[0].Text, heading) {
				t.Errorf("the text lacks %q:\n%s", heading, ms[0].Text)
			}
			if got := review23cSummary(t, ms[2])[row]; got != "1" {
				t.Errorf("the summary's row %q: %q", row, got)
			}
		})
	}
}

// Review 23c, item 5: a report of a period with no closed case (a
// province coordinator's today) sent a 21 KB spreadsheet of zeros, every
// commune of the city listed with none. Nothing counted: the text alone,
// saying in one line that there is no chart or spreadsheet.
func TestReview23cEmptyReportSendsNoFiles(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	m := only(t, w.press(prov, w.vi("tally.period_today")))
	if m.Document != nil || m.Photo != nil || !strings.HasPrefix(m.Text, "📊") {
		t.Fatalf("the report of today: %+v", m)
	}
	if !strings.Contains(m.Text, w.vi("tally.empty_no_files")) {
		t.Errorf("the empty report does not say why no file comes:\n%s", m.Text)
	}
}

// Review 23c, item 5: the follow-up line all zeros ("0 hồ sơ được theo
// dõi; 0 đã có kết quả (0 đúng hẹn, 0 trễ hẹn), 0 báo vướng mắc; đánh giá
// trung bình – (0 lượt)") said nothing: it is left out.
func TestReview23cNoFollowupLineOfZeros(t *testing.T) {
	text, summary := review23cMonth(t, "vi")
	if strings.Contains(text, "Theo dõi:") {
		t.Errorf("a follow-up line of zeros:\n%s", text)
	}
	if summary["Hồ sơ được theo dõi"] != "0" { // the sheet keeps its row
		t.Errorf("the summary's follow-ups: %v", summary)
	}
}

// Review 23c, item 6: a month typed "tháng 6/2025" was headed "tháng
// 06/2025", where November reads "tháng 11/2026": one format, no leading
// zero. In English the month is named ("November 2026", not "11/2026").
func TestReview23cMonthLabels(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	only(t, fresh(w.send(coord, "/tally")))
	ms := fresh(w.send(coord, "tháng 6/2025"))
	if !hasReport(ms) || !strings.HasSuffix(firstLine(firstReport(ms)), "– tháng 6/2025") {
		t.Errorf("tháng 6/2025: %q", firstLine(firstReport(ms)))
	}
	only(t, fresh(w.send(coord, "/lang en")))
	only(t, fresh(w.send(coord, "/tally")))
	ms = fresh(w.send(coord, "last month"))
	if !hasReport(ms) || !strings.HasSuffix(firstLine(firstReport(ms)), "– October 2026") {
		t.Errorf("last month in English: %q", firstLine(firstReport(ms)))
	}
	for _, m := range ms {
		if m.Document != nil && !strings.Contains(m.Document.Name, "2026-10") {
			t.Errorf("the file's name %q", m.Document.Name)
		}
	}
}
