package handlers_test

// What a commune or province coordinator meets when they pass /tally's
// numbers upward (review 2026-11-30, on a phone, from the demo's seeded
// data): each test fails on the code as it stands.

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// monthTally is the coordinator's "Tháng này" (or "This month"): the
// text, the chart and the spreadsheet, opened.
func monthTally(t *testing.T, w *world, coord *telegramtest.User, button string) (string, *excelize.File) {
	t.Helper()
	only(t, w.send(coord, "/tally"))
	ms := w.press(coord, button)
	if len(ms) != 3 || ms[2].Document == nil {
		t.Fatalf("want the text, the chart and the spreadsheet; got %+v", ms)
	}
	f, err := excelize.OpenReader(bytes.NewReader(ms[2].Document.Data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return ms[0].Text, f
}

// The spreadsheet is what a coordinator forwards to the district or
// province Youth Union, or prints and signs. Nothing inside it says whose
// numbers they are or for when: no title row, no print header; the unit
// and the period are only in the file's name (which Zalo, e-mail and a
// "Save as" change) and in the Telegram caption, which stays behind.
func TestSpreadsheetSaysUnitAndPeriod(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	_, f := monthTally(t, w, coord, "Tháng này")
	first := f.GetSheetList()[0]
	rows, err := f.GetRows(first)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range rows {
		texts = append(texts, r...)
	}
	if hf, err := f.GetHeaderFooter(first); err == nil && hf != nil {
		texts = append(texts, hf.OddHeader, hf.OddFooter, hf.FirstHeader, hf.FirstFooter)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Phường An Hội Tây", "11/2026"} {
		if !strings.Contains(all, want) {
			t.Errorf("the spreadsheet's first sheet %q (cells and print header) does not say %q: a forwarded copy does not tell whose numbers or which month", first, want)
		}
	}
}

// docs/reports.md: "Tổng hợp (every number of the text)". The text ends
// with the residents' mean rating ("đánh giá trung bình 4,0"), the one
// number a coordinator reports for satisfaction; the summary sheet has
// how many rated, not the rating.
func TestSummarySheetHasTheMeanRating(t *testing.T) {
	w, an, _ := tallyWorld(t)
	if _, err := w.store.DB().Exec(`UPDATE cases SET followup_consent = true, rating = 4
		WHERE volunteer_id = $1 AND finished_at >= '2026-11-01 00:00+07'`, an.ID); err != nil {
		t.Fatal(err)
	}
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	text, f := monthTally(t, w, coord, "Tháng này")
	if !strings.Contains(text, "đánh giá trung bình 4,0 (2 lượt)") {
		t.Fatalf("the text does not have the rating this test expects:\n%s", text)
	}
	summary, _ := sheetTotals(t, f, "Tổng hợp")
	var labels []string
	for _, r := range summary {
		if len(r) > 1 && strings.Contains(vntext.Fold(r[0]), "danh gia") && r[0] != "Lượt đánh giá" && r[1] == "4" {
			return
		}
		labels = append(labels, r[0])
	}
	t.Errorf("Tổng hợp has no row with the mean rating 4 the text shows; its rows: %q", labels)
}

// The wizard offers every dossier "Đã nộp và thanh toán trực tuyến", and
// the text counts it under that outcome; but the "Thanh toán trực tuyến"
// target counts it only when the guide lists payment_online. Phiếu lý lịch
// tư pháp (200.000 đ, paid in VNeID: "The request is processed only once
// the fee is paid") and chứng thực bản sao (a fee per page) do not, so a
// month of them paid online reports 0 online payments upward.
func TestOnlinePaymentTargetCountsPaidDossiers(t *testing.T) {
	w := newWorld(t, at27Nov())
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "ly-lich-tu-phap", "dossier", "toan-trinh", "paid", "", nov(3, 9, 0), nov(3, 9, 30))
	w.closedCase(vol.ID, anHoiTayCode, "chung-thuc", "dossier", "mot-phan", "paid", "", nov(4, 9, 0), nov(4, 9, 30))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	text, f := monthTally(t, w, coord, "Tháng này")
	if !strings.Contains(text, "Đã nộp và thanh toán trực tuyến: 2") {
		t.Fatalf("the text does not count the two paid dossiers:\n%s", text)
	}
	if !strings.Contains(text, "• Thanh toán trực tuyến: 2") {
		t.Errorf("two dossiers submitted and paid online (judicial record, certified copy), yet the target says otherwise:\n%s", text)
	}
	summary, _ := sheetTotals(t, f, "Tổng hợp")
	for _, r := range summary {
		if len(r) > 1 && r[0] == "Thanh toán trực tuyến" && r[1] != "2" {
			t.Errorf("Tổng hợp: Thanh toán trực tuyến = %s, want 2", r[1])
		}
	}
}

// Periods as coordinators write them in their reports: "T10/2026" (the
// usual short form of a month), a quarter without its year ("quý 3", as
// "tháng 10" is taken), "quý này", "từ ngày … đến ngày …", and the
// running total every Youth Union report asks for, "từ đầu năm đến nay".
// Each gets "Mình chưa hiểu khoảng thời gian này" — one more round trip on
// a slow connection.
func TestTypedPeriodsCoordinatorsWrite(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, c := range []struct{ text, want string }{
		{"T10/2026", "tháng 10/2026"},
		{"t11", "tháng 11/2026"},
		{"quý 3", "quý 3/2026"},
		{"quý này", "quý 4/2026"},
		{"từ ngày 1/10 đến ngày 15/10", "01/10/2026 – 15/10/2026"},
		{"từ đầu năm đến nay", "01/01/2026 – 27/11/2026"},
	} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, c.text))
		head := ""
		if len(ms) > 0 {
			head, _, _ = strings.Cut(ms[0].Text, "\n")
		}
		if !strings.HasPrefix(head, "📊 Phường An Hội Tây") || !strings.Contains(head, c.want) {
			t.Errorf("%q: want the tally of %s, got %.90q", c.text, c.want, head)
		}
		fresh(w.send(coord, "/cancel"))
	}
}

// In English the stuck points read "…: 1 times, most often: …" (the
// locales have plural forms, tally.stuck_line does not use them).
func TestEnglishStuckLineSingular(t *testing.T) {
	w, _, _ := tallyWorld(t) // two steps with one problem each
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	w.send(coord, "/lang en")
	text, _ := monthTally(t, w, coord, "This month")
	if strings.Contains(text, " 1 times") {
		t.Errorf("the English tally says \"1 times\":\n%s", text)
	}
}

// A text column narrower than its text: where the next cell holds a value
// (a procedure's number of cases, a step's number, a case's mode) Excel
// and LibreOffice clip it, on screen and on paper. The procedure columns
// are 50 wide, and "Khai tử liên thông (khai tử + xoá thường trú + mai
// táng phí, tử tuất)" (69 characters) reads "… mai táng phí, tử" in Theo
// thủ tục (LibreOffice's PDF of the demo's spreadsheet). A width is in
// widths of the digit 0 of the default font (Calibri 11); Vietnamese
// text averages about 0.8 of that.
func TestSheetTextsNotClipped(t *testing.T) {
	w := newWorld(t, at27Nov())
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-tu", "dossier", "toan-trinh", "submitted", "", nov(3, 9, 0), nov(3, 9, 30),
		stepEvent("problem", nov(3, 9, 5), 2, "dang-nhap", "other"))
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(4, 9, 0), nov(4, 9, 30))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	_, f := monthTally(t, w, coord, "Tháng này")
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j := 0; j+1 < len(r); j++ {
				if r[j] == "" || r[j+1] == "" {
					continue
				}
				col, _ := excelize.ColumnNumberToName(j + 1)
				width, err := f.GetColWidth(sheet, col)
				if err != nil {
					t.Fatal(err)
				}
				if need := 0.8 * float64(utf8.RuneCountInString(r[j])); need > width {
					t.Errorf("%s!%s%d is clipped: %q (%d characters, ~%.0f wide) in a column %.0f wide, the next cell holding %q",
						sheet, col, i+1, r[j], utf8.RuneCountInString(r[j]), need, width, r[j+1])
				}
			}
		}
	}
}

// The sheets print as they are laid out: no page setup, so a sheet wider
// than a page is cut into vertical strips, on pages of their own. The case
// list (11 columns, ~242 characters) and Điểm vướng (~153) do not fit an A4
// page even in landscape; the demo's November of one ward (24 cases)
// printed as 15 pages through LibreOffice, a case's number on one page and
// its outcome three pages further. Each sheet should print one page wide.
func TestSheetsPrintOnePageWide(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	_, f := monthTally(t, w, coord, "Tháng này")
	for _, sheet := range f.GetSheetList() {
		cols, err := f.GetCols(sheet)
		if err != nil {
			t.Fatal(err)
		}
		px := 0.0 // Excel: a column of width w is about 7w + 5 pixels (Calibri 11, 96 dpi)
		for i := range cols {
			name, _ := excelize.ColumnNumberToName(i + 1)
			width, _ := f.GetColWidth(sheet, name)
			px += 7*width + 5
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		page := 659.0 // A4 portrait less Excel's default margins (0.7" each side), 96 dpi
		if layout.Orientation != nil && *layout.Orientation == "landscape" {
			page = 988
		}
		fits := props.FitToPage != nil && *props.FitToPage && layout.FitToWidth != nil && *layout.FitToWidth == 1
		if px > page*1.02 && !fits { // 2% for rounding: Theo thủ tục is just one page wide
			orientation := "portrait"
			if layout.Orientation != nil {
				orientation = *layout.Orientation
			}
			t.Errorf("sheet %q is %.0f px wide, a %s A4 page holds %.0f, and it is not set to fit one page wide: printed, it is cut into %d strips",
				sheet, px, orientation, page, int(px/page)+1)
		}
	}
}

// The case number is an identifier: the volunteer's screens say "Ca
// #4601", the spreadsheet shows it with a thousands separator ("4.601" in
// a Vietnamese Excel, "4,601" in LibreOffice here), which reads as a
// quantity and does not match what the volunteer reports.
func TestCaseNumberWithoutThousandsSeparator(t *testing.T) {
	w, _, _ := tallyWorld(t)
	if _, err := w.store.DB().Exec(`SELECT setval(pg_get_serial_sequence('cases', 'id'), 4600)`); err != nil {
		t.Fatal(err)
	}
	vol := w.tallyMember("Dung", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(10, 9, 0), nov(10, 9, 20))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	_, f := monthTally(t, w, coord, "Tháng này")
	rows, err := f.GetRows("Danh sách ca")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows[1:] {
		if len(r) == 0 || r[0] == "Tổng" {
			continue
		}
		cell := fmt.Sprintf("A%d", i+2)
		raw, _ := f.GetCellValue("Danh sách ca", cell, excelize.Options{RawCellValue: true})
		if r[0] != raw {
			style, _ := f.GetCellStyle("Danh sách ca", cell)
			format := ""
			if s, err := f.GetStyle(style); err == nil && s.CustomNumFmt != nil {
				format = *s.CustomNumFmt
			}
			t.Errorf("case %s shows as %q (number format %q): an id with a thousands separator", raw, r[0], format)
		}
	}
}

// at27Nov is the bot's clock of tallyWorld: 27/11/2026, 10:00.
func at27Nov() handlers.Option {
	return handlers.WithClock(func() time.Time { return nov(27, 10, 0) })
}

// A province coordinator who helps a resident themself (/new is theirs
// too) logs a case of no commune: their row has a province and no commune.
// A province's tally counts the cases of its communes only, so the case
// is in no tally of their province — not their own /tally, not their
// weekly digest — and in the country's under "(chưa thuộc đơn vị)". In
// the demo: a birth registration submitted by the province coordinator of
// Thành phố Hồ Chí Minh, then /tally "Hôm nay": the case is not there.
func TestProvinceCoordinatorsOwnCaseCounts(t *testing.T) {
	w := newWorld(t, at27Nov())
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator) // of province 79
	g := guide(t, "khai-sinh")
	w.send(prov, "/new")
	w.press(prov, g.Title.Vi)
	ask := last(t, w.press(prov, w.vi("consent.no")))
	if !strings.Contains(ask.Text, w.vi("case.unit_ask")) {
		t.Fatalf("a province coordinator's case is not asked its commune: %q", ask.Text)
	}
	// A commune of another province cannot be forged onto it.
	answer := w.forgeAnswer(prov, ask.ID, strings.Replace(dataOf(t, ask, w.vi("button.back")), ":consent:", ":unit:00004", 1))
	var cases int
	if err := w.store.DB().Get(&cases, `SELECT count(*) FROM cases WHERE volunteer_id = $1`, prov.ID); err != nil || cases != 0 || answer != w.vi("button.stale") {
		t.Fatalf("a forged commune of Hà Nội: %d cases (%v), answered %q", cases, err, answer)
	}
	found := last(t, w.send(prov, "an hoi tay"))
	w.press(prov, "Phường An Hội Tây, Thành phố Hồ Chí Minh")
	m := last(t, w.press(prov, w.vi("case.begin")))
	if !strings.Contains(m.Text, w.stepHead(g, 0)) {
		t.Fatalf("after choosing the commune (%q): %q", found.Text, m.Text)
	}
	for range g.Steps {
		w.press(prov, w.vi("case.done"))
	}
	m = last(t, w.press(prov, w.vi("outcome.submitted")))
	if hasButton(m, w.vi("case.no_dossier")) {
		m = last(t, w.press(prov, w.vi("case.no_dossier")))
	}
	c, _ := w.lastCase(prov)
	if !strings.HasPrefix(m.Text, "✅") || c.Status != storage.CaseClosed {
		t.Fatalf("the case did not close: %s %q", c.Status, m.Text)
	}
	only(t, w.send(prov, "/tally"))
	ms := w.press(prov, "Hôm nay")
	if len(ms) == 0 || !strings.Contains(ms[0].Text, "Ca hỗ trợ đã xong: 1") {
		got := ""
		if len(ms) > 0 {
			got = ms[0].Text
		}
		t.Errorf("the province coordinator closed a case today (commune %q); their province's tally of today:\n%s", c.CommuneCode.String, got)
	}
	if c.CommuneCode.String != anHoiTayCode {
		t.Errorf("the case is logged in commune %q, want the one chosen (%s)", c.CommuneCode.String, anHoiTayCode)
	}
}
