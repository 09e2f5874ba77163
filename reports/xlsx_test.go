package reports

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// rowsOf streams fixed rows.
func rowsOf(rows ...[]any) func(func([]any) error) error {
	return func(yield func([]any) error) error {
		for _, r := range rows {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

type unit string

func (u unit) String() string { return "Xã " + string(u) }

func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func raw(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

func shown(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

func style(t testing.TB, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("%s!%s style %d: %v", sheet, cell, id, err)
	}
	return s
}

func numFmt(s *excelize.Style) string {
	if s.CustomNumFmt != nil {
		return *s.CustomNumFmt
	}
	return "builtin " + strconv.Itoa(s.NumFmt)
}

func TestWriteXLSX(t *testing.T) {
	// 2026-03-31 18:30 UTC is 1 April 01:30 in Vietnam: the day must be 1 April.
	late := time.Date(2026, 3, 31, 18, 30, 0, 0, time.UTC)
	noon := time.Date(2026, 4, 2, 12, 5, 0, 0, time.FixedZone("ICT", 7*3600))
	decomposed := norm.NFD.String("Phường An Hội Tây")
	if decomposed == "Phường An Hội Tây" {
		t.Fatal("the test's input should be decomposed")
	}
	cases := Sheet{
		Name: "Danh sách ca",
		Columns: []Column{
			{Header: "Xã/phường", Kind: Text, Width: 30},
			{Header: norm.NFD.String("Ngày"), Kind: Date},
			{Header: "Bắt đầu", Kind: DateTime},
			{Header: "Số ca", Kind: Int},
			{Header: "Phút", Kind: Minutes},
			{Header: "Thủ tục", Kind: Text},
		},
		Rows: rowsOf(
			[]any{decomposed, late, late, 1234567, 12.34, "Đăng ký khai sinh"},
			[]any{unit("Hòa Bình"), noon, noon, int64(3), 2 * time.Minute, nil},
			[]any{"", time.Time{}, nil, uint8(0), 7, norm.NFD.String("Cấp lại mật khẩu VNeID")},
		),
		Total: "Tổng cộng",
	}
	summary := Sheet{
		Name:    "Tổng hợp",
		Columns: []Column{{Header: "Chỉ số", Kind: Text}, {Header: "Giá trị", Kind: Int}},
		Rows:    rowsOf([]any{"Hồ sơ trực tuyến", 42}),
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []Sheet{cases, summary}); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())

	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Danh sách ca" || got[1] != "Tổng hợp" {
		t.Fatalf("sheets %q", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the first", f.GetActiveSheetIndex())
	}
	const s = "Danh sách ca"

	// the header: NFC, bold
	want := []string{"Xã/phường", "Ngày", "Bắt đầu", "Số ca", "Phút", "Thủ tục"}
	for i, h := range want {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if got := raw(t, f, s, cell); got != h {
			t.Errorf("header %s = %q, want %q", cell, got, h)
		}
		if st := style(t, f, s, cell); st.Font == nil || !st.Font.Bold {
			t.Errorf("header %s is not bold", cell)
		}
	}

	// values: raw as stored, and as a reader shows them
	for _, c := range []struct{ cell, raw, shown string }{
		{"A2", "Phường An Hội Tây", "Phường An Hội Tây"}, // NFC
		{"A3", "Xã Hòa Bình", "Xã Hòa Bình"},             // a Stringer
		{"A4", "", ""},                // "" is an empty cell
		{"B2", "46113", "01/04/2026"}, // the Vietnam day, not UTC's 31/03
		{"C2", "46113.0625", "01/04/2026 01:30"},
		{"B3", "46114", "02/04/2026"},
		{"C3", "46114.503472222", "02/04/2026 12:05"},
		{"B4", "", ""}, // the zero time is an empty cell
		{"C4", "", ""},
		{"D2", "1234567", "1,234,567"}, // excelize shows the en-US separators; Excel in vi-VN shows 1.234.567
		{"D3", "3", "3"},
		{"D4", "0", "0"},
		{"E2", "12.3", "12.3"}, // one decimal
		{"E3", "2", "2.0"},     // a time.Duration in minutes
		{"E4", "7", "7.0"},
		{"F2", "Đăng ký khai sinh", "Đăng ký khai sinh"},
		{"F3", "", ""},
		{"F4", "Cấp lại mật khẩu VNeID", "Cấp lại mật khẩu VNeID"},
	} {
		got := raw(t, f, s, c.cell)
		if strings.Contains(c.raw, ".") { // a serial date-time: compare as numbers
			g, _ := strconv.ParseFloat(got, 64)
			w, _ := strconv.ParseFloat(c.raw, 64)
			if d := g - w; d > 1e-6 || d < -1e-6 {
				t.Errorf("%s raw = %q, want %s", c.cell, got, c.raw)
			}
		} else if got != c.raw {
			t.Errorf("%s raw = %q, want %q", c.cell, got, c.raw)
		}
		if got := shown(t, f, s, c.cell); got != c.shown {
			t.Errorf("%s shown as %q, want %q", c.cell, got, c.shown)
		}
	}

	// number formats by kind, on data and totals alike
	for cell, wantFmt := range map[string]string{
		"B2": fmtDate, "C2": fmtDateTime, "D2": fmtInt, "E2": fmtMinutes, "D5": fmtInt, "E5": fmtMinutes,
	} {
		if got := numFmt(style(t, f, s, cell)); got != wantFmt {
			t.Errorf("%s number format %q, want %q", cell, got, wantFmt)
		}
	}

	// totals: a SUM formula and its value cached, bold
	if got := raw(t, f, s, "A5"); got != "Tổng cộng" {
		t.Errorf("totals label %q", got)
	}
	for cell, w := range map[string][2]string{
		"D5": {"SUM(D2:D4)", "1234570"},
		"E5": {"SUM(E2:E4)", "21.3"},
	} {
		formula, err := f.GetCellFormula(s, cell)
		if err != nil || formula != w[0] {
			t.Errorf("%s formula %q (%v), want %q", cell, formula, err, w[0])
		}
		if got := raw(t, f, s, cell); got != w[1] {
			t.Errorf("%s cached total %q, want %q", cell, got, w[1])
		}
		if st := style(t, f, s, cell); st.Font == nil || !st.Font.Bold {
			t.Errorf("%s total is not bold", cell)
		}
	}
	for _, cell := range []string{"B5", "C5", "F5"} { // not summed: empty
		if got := raw(t, f, s, cell); got != "" {
			t.Errorf("%s in the totals row = %q, want empty", cell, got)
		}
	}
	if rows, _ := f.GetRows(s); len(rows) != 5 {
		t.Errorf("%d rows, want header + 3 + totals", len(rows))
	}

	// the frozen header
	panes, err := f.GetPanes(s)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, want the first row frozen", panes)
	}

	// widths: given, or from the kind and header
	for col, w := range map[string]float64{"A": 30, "B": 12, "C": 17, "D": 12, "E": 10, "F": 20} {
		if got, _ := f.GetColWidth(s, col); got != w {
			t.Errorf("column %s width %g, want %g", col, got, w)
		}
	}

	// the columns' XML in ascending order (Excel repairs a file otherwise)
	xml := sheetXML(t, buf.Bytes(), "xl/worksheets/sheet1.xml")
	last := -1
	for _, col := range []string{`<col min="1"`, `<col min="2"`, `<col min="3"`, `<col min="4"`, `<col min="5"`, `<col min="6"`} {
		at := strings.Index(xml, col)
		if at < last {
			t.Errorf("%s is out of order in %s", col, xml[:min(len(xml), 3000)])
		}
		last = at
	}

	// an autofilter over the header and the rows, not the totals
	filters := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	if filters[s] != "'Danh sách ca'!$A$1:$F$4" && filters[s] != "'Danh sách ca'!A1:F4" {
		t.Errorf("autofilter of %s: %q (all: %q)", s, filters[s], filters)
	}

	// the second sheet: no totals
	if rows, _ := f.GetRows("Tổng hợp"); len(rows) != 2 || rows[1][0] != "Hồ sơ trực tuyến" || rows[1][1] != "42" {
		t.Errorf("Tổng hợp rows %q", rows)
	}
}

func TestWriteXLSXEmptySheetTotals(t *testing.T) {
	var buf bytes.Buffer
	err := WriteXLSX(&buf, []Sheet{{
		Name:    "Trống",
		Columns: []Column{{Header: "Đơn vị", Kind: Text}, {Header: "Số ca", Kind: Int}, {Header: "Phút", Kind: Minutes}},
		Rows:    func(func([]any) error) error { return nil },
		Total:   "Tổng",
	}})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	if got := raw(t, f, "Trống", "A2"); got != "Tổng" {
		t.Errorf("totals label %q", got)
	}
	for _, cell := range []string{"B2", "C2"} {
		if got := raw(t, f, "Trống", cell); got != "0" {
			t.Errorf("%s = %q, want 0", cell, got)
		}
		if formula, _ := f.GetCellFormula("Trống", cell); formula != "" {
			t.Errorf("%s formula %q over no rows", cell, formula)
		}
	}
}

func TestWriteXLSXRefuses(t *testing.T) {
	cols := []Column{{Header: "Tên", Kind: Text}, {Header: "Số", Kind: Int}}
	ok := rowsOf([]any{"a", 1})
	boom := errors.New("boom")
	for _, c := range []struct {
		name   string
		sheets []Sheet
		want   string
	}{
		{"no sheets", nil, "at least one sheet"},
		{"blank name", []Sheet{{Name: " ", Columns: cols, Rows: ok}}, "no name"},
		{"32 characters", []Sheet{{Name: strings.Repeat("ệ", 32), Columns: cols, Rows: ok}}, "longer than 31"},
		{"slash", []Sheet{{Name: "Theo xã/phường", Columns: cols, Rows: ok}}, "[]:*?/"},
		{"bracket", []Sheet{{Name: "Tháng [11]", Columns: cols, Rows: ok}}, "[]:*?/"},
		{"question mark", []Sheet{{Name: "Vướng?", Columns: cols, Rows: ok}}, "[]:*?/"},
		{"apostrophe", []Sheet{{Name: "'Tổng", Columns: cols, Rows: ok}}, "apostrophe"},
		{"duplicate", []Sheet{{Name: "Tổng hợp", Columns: cols, Rows: ok}, {Name: "TỔNG HỢP", Columns: cols, Rows: ok}}, "two sheets"},
		{"no columns", []Sheet{{Name: "A", Rows: ok}}, "no columns"},
		{"no rows func", []Sheet{{Name: "A", Columns: cols}}, "no Rows"},
		{"bad kind", []Sheet{{Name: "A", Columns: []Column{{Header: "x", Kind: 9}}, Rows: ok}}, "unknown kind"},
		{"summed label column", []Sheet{{Name: "A", Columns: []Column{{Header: "n", Kind: Int}}, Rows: ok, Total: "Tổng"}}, "not summed"},
		{"short row", []Sheet{{Name: "A", Columns: cols, Rows: rowsOf([]any{"a"})}}, "1 values for 2 columns"},
		{"float in Int", []Sheet{{Name: "A", Columns: cols, Rows: rowsOf([]any{"a", 1.5})}}, `column "Số": want an integer, got float64`},
		{"int in Text", []Sheet{{Name: "A", Columns: cols, Rows: rowsOf([]any{7, 1})}}, "want a string, got int"},
		{"string in Date", []Sheet{{Name: "A", Columns: []Column{{Header: "d", Kind: Date}}, Rows: rowsOf([]any{"01/01/2026"})}}, "want a time.Time"},
		{"NaN minutes", []Sheet{{Name: "A", Columns: []Column{{Header: "m", Kind: Minutes}}, Rows: rowsOf([]any{nanValue()})}}, "not a number"},
		{"Rows fails", []Sheet{{Name: "A", Columns: cols, Rows: func(func([]any) error) error { return boom }}}, "boom"},
		{"Rows swallows a yield error", []Sheet{{Name: "A", Columns: cols, Rows: func(yield func([]any) error) error {
			_ = yield([]any{"a"})
			return nil
		}}}, "row 1: 1 values"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteXLSX(&buf, c.sheets)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
		})
	}
	// a 31-character Vietnamese name is fine
	if err := WriteXLSX(io.Discard, []Sheet{{Name: strings.Repeat("ệ", 31), Columns: cols, Rows: ok}}); err != nil {
		t.Errorf("31 characters: %v", err)
	}
}

// sheetXML is one part of the workbook's zip.
func sheetXML(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			data, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}

func nanValue() float64 { z := 0.0; return z / z }

// caseRows streams n rows shaped like the case list (one row per case).
func caseRows(n int) func(func([]any) error) error {
	start := time.Date(2026, 1, 5, 1, 30, 0, 0, time.UTC)
	communes := []string{"Phường An Hội Tây", "Xã Hòa Bình", "Phường Sài Gòn", "Xã Tân Thạnh", "Phường Hoàn Kiếm"}
	procs := []string{"Đăng ký khai sinh", "Đăng ký thường trú", "Kích hoạt VNeID mức 2", "Cấp lại mật khẩu VNeID", "Nộp phạt vi phạm giao thông"}
	outcomes := []string{"Đã nộp hồ sơ", "Đã nộp và thanh toán", "Có kết quả tại chỗ", "Hoàn thành", "Chưa hoàn thành"}
	return func(yield func([]any) error) error {
		row := make([]any, 12)
		for i := range n {
			at := start.Add(time.Duration(i) * 97 * time.Second)
			row[0] = i + 1
			row[1] = at
			row[2] = communes[i%len(communes)]
			row[3] = procs[i%len(procs)]
			row[4] = "toàn trình"
			row[5] = outcomes[i%len(outcomes)]
			row[6] = nil
			row[7] = float64(i%600) / 10
			row[8] = i % 9
			row[9] = i % 2
			row[10] = i % 3
			row[11] = at.Add(20 * time.Minute)
			if err := yield(row); err != nil {
				return err
			}
		}
		return nil
	}
}

func caseSheet(n int) Sheet {
	return Sheet{
		Name: "Danh sách ca",
		Columns: []Column{
			{Header: "Số ca", Kind: Int}, {Header: "Ngày", Kind: Date}, {Header: "Xã/phường", Kind: Text, Width: 28},
			{Header: "Thủ tục", Kind: Text, Width: 32}, {Header: "Hình thức", Kind: Text}, {Header: "Kết quả", Kind: Text},
			{Header: "Lý do", Kind: Text}, {Header: "Phút", Kind: Minutes}, {Header: "Bước xong", Kind: Int},
			{Header: "Bước bỏ qua", Kind: Int}, {Header: "Bước vướng", Kind: Int}, {Header: "Kết thúc", Kind: DateTime},
		},
		Rows: caseRows(n),
	}
}

// TestWriteXLSX100k writes 100,000 case rows, reads them back and logs the
// heap the writer took (a figure for docs/benchmarks.md, not a timed
// assertion).
func TestWriteXLSX100k(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 rows")
	}
	n := 100_000
	if raceDetector { // the same checks on fewer rows: the figures come from runs without it
		n = 10_000
	}
	sh := caseSheet(n)
	sh.Columns[0].Kind, sh.Total = Text, "Tổng cộng" // the label needs a column that is not summed
	inner := sh.Rows
	sh.Rows = func(yield func([]any) error) error {
		return inner(func(r []any) error { r[0] = strconv.Itoa(r[0].(int)); return yield(r) })
	}

	runtime.GC()
	peak := make(chan uint64)
	done := make(chan struct{})
	go func() { // sample the heap while writing
		var m runtime.MemStats
		var max uint64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			max = maxOf(max, m.HeapInuse)
			select {
			case <-done:
				peak <- max
				return
			case <-tick.C:
			}
		}
	}()
	var buf bytes.Buffer
	began := time.Now()
	err := WriteXLSX(&buf, []Sheet{sh})
	took := time.Since(began)
	close(done)
	p := <-peak
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows: %v, %.1f MB file, peak heap in use %.1f MB (sampled)", n, took.Round(time.Millisecond),
		float64(buf.Len())/1e6, float64(p)/1e6)

	f := open(t, buf.Bytes())
	rows, err := f.Rows("Danh sách ca")
	if err != nil {
		t.Fatal(err)
	}
	count, wantMinutes := 0, 0
	var last []string
	for rows.Next() {
		r, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		count++
		if count >= 2 && count <= n+1 {
			i := count - 2
			wantMinutes += i % 600
			if r[0] != strconv.Itoa(i+1) {
				t.Fatalf("row %d starts with %q", count, r[0])
			}
		}
		last = r
	}
	rows.Close()
	if count != n+2 {
		t.Fatalf("%d rows read back, want header + %d + totals", count, n)
	}
	if last[0] != "Tổng cộng" || last[7] != strconv.FormatFloat(float64(wantMinutes)/10, 'f', -1, 64) {
		t.Errorf("totals row %q, want minutes %g", last, float64(wantMinutes)/10)
	}
	if formula, _ := f.GetCellFormula("Danh sách ca", fmt.Sprintf("H%d", n+2)); formula != fmt.Sprintf("SUM(H2:H%d)", n+1) {
		t.Errorf("minutes total formula %q", formula)
	}
}

func maxOf(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// BenchmarkWriteXLSX100k: 100,000 case rows of 12 columns to io.Discard.
func BenchmarkWriteXLSX100k(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if err := WriteXLSX(io.Discard, []Sheet{caseSheet(100_000)}); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapSys)/1e6, "MB-heap-sys")
}

// A step's number, like an ordinal or an id, has no total (found in review:
// the stuck points' totals row added up step numbers): NoTotal leaves its
// cell empty while the counts beside it are summed.
func TestNoTotalColumn(t *testing.T) {
	var buf bytes.Buffer
	err := WriteXLSX(&buf, []Sheet{{
		Name: "Điểm vướng", Total: "Tổng",
		Columns: []Column{{Header: "Thủ tục", Kind: Text}, {Header: "Bước", Kind: Int, NoTotal: true}, {Header: "Tên bước", Kind: Text},
			{Header: "Lỗi", Kind: Text}, {Header: "Số lần vướng", Kind: Int}},
		Rows: rowsOf(
			[]any{"Đăng ký tạm trú", 2, "Mở thủ tục và tạo yêu cầu", "Lỡ chọn \"Thông báo lưu trú\"", 2},
			[]any{"Đăng ký chữ ký số cá nhân (ký số từ xa)", 7, "Kích hoạt chứng thư số", "lỗi khác", 2},
			[]any{"Lấy lại mật khẩu VNeID", 3, "Nhập mã OTP", "Bị báo thử quá nhiều lần", 1},
		),
	}})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	if got := raw(t, f, "Điểm vướng", "E5"); got != "5" {
		t.Errorf("problems total %q, want 5", got)
	}
	if got := raw(t, f, "Điểm vướng", "B5"); got != "" {
		formula, _ := f.GetCellFormula("Điểm vướng", "B5")
		t.Errorf("the step column has a total: %q (=%s); a step number should not be summed", got, formula)
	}
}

// A sheet forwarded or printed says what it is: its title lines above the
// header (which then freezes, filters and sums below them), a page header
// on every printed page, the header row repeated, one page wide (landscape
// when wider than a portrait page).
func TestWriteXLSXTitleAndPrinting(t *testing.T) {
	long := "Khai tử liên thông (khai tử + xoá thường trú + mai táng phí, tử tuất)"
	var buf bytes.Buffer
	err := WriteXLSX(&buf, []Sheet{
		{
			Name:       "Tổng hợp",
			Title:      []string{"Phường An Hội Tây, Thành phố Hồ Chí Minh", "Kỳ báo cáo: tháng 11/2026"},
			PageHeader: "Phường An Hội Tây & Co – tháng 11/2026",
			Columns: []Column{{Header: "Chỉ số", Kind: Text, Width: WidthFor(long)}, {Header: "Số lượng", Kind: Int},
				{Header: "Trung bình", Kind: Int, NoTotal: true}},
			Rows:  rowsOf([]any{long, 3, nil}, []any{"Đánh giá", 2, Decimal(4.25)}),
			Total: "Tổng",
		},
		{
			Name:    "Danh sách ca",
			Columns: caseSheet(0).Columns,
			Rows:    rowsOf(),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	const s = "Tổng hợp"
	for cell, want := range map[string]string{
		"A1": "Phường An Hội Tây, Thành phố Hồ Chí Minh", "A2": "Kỳ báo cáo: tháng 11/2026",
		"A3": "Chỉ số", "B3": "Số lượng", "A4": long, "B4": "3", "C5": "4.3", "A6": "Tổng", "B6": "5", "C6": "",
	} {
		if got := raw(t, f, s, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if got := shown(t, f, s, "C5"); got != "4.3" {
		t.Errorf("the Decimal shows as %q", got)
	}
	if st := style(t, f, s, "A1"); st.Font == nil || !st.Font.Bold || st.Font.Size != titleSize {
		t.Errorf("title style %+v", st.Font)
	}
	if formula, _ := f.GetCellFormula(s, "B6"); formula != "SUM(B4:B5)" {
		t.Errorf("the total sums %q, want the rows under the header", formula)
	}
	if panes, _ := f.GetPanes(s); !panes.Freeze || panes.YSplit != 3 || panes.TopLeftCell != "A4" {
		t.Errorf("panes %+v, want the title and header frozen", panes)
	}
	if w, _ := f.GetColWidth(s, "A"); w < 0.8*float64(len([]rune(long))) {
		t.Errorf("WidthFor gave %g for %d characters", w, len([]rune(long)))
	}
	if st := style(t, f, s, "A4"); st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("a text cell does not wrap: %+v", st.Alignment)
	}
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for sheet, want := range map[string]string{s: "'Tổng hợp'!$3:$3", "Danh sách ca": "'Danh sách ca'!$1:$1"} {
		if titles[sheet] != want {
			t.Errorf("%s repeats %q on each printed page, want %q", sheet, titles[sheet], want)
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
			layout.FitToHeight == nil || *layout.FitToHeight != 0 || layout.Size == nil || *layout.Size != paperA4 {
			t.Errorf("%s: not one A4 page wide: %+v", sheet, layout)
		}
		if m, err := f.GetPageMargins(sheet); err != nil || m.Left == nil || *m.Left != 0.4 || m.Right == nil || *m.Right != 0.4 {
			t.Errorf("%s: margins %+v (%v)", sheet, m, err)
		}
	}
	for sheet, want := range map[string]string{s: "portrait", "Danh sách ca": "landscape"} {
		if layout, _ := f.GetPageLayout(sheet); layout.Orientation == nil || *layout.Orientation != want {
			t.Errorf("%s prints %v, want %s", sheet, layout.Orientation, want)
		}
	}
	hf, err := f.GetHeaderFooter(s)
	if err != nil || hf == nil || !strings.Contains(hf.OddHeader, "Phường An Hội Tây && Co – tháng 11/2026") || !strings.Contains(hf.OddFooter, "&A") || !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("page header and footer %+v (%v)", hf, err)
	}
	if got := pageHeader(strings.Repeat("ệ&", 200)); len(utf16.Encode([]rune(got))) > excelize.MaxFieldLength || strings.HasSuffix(got, "&") && !strings.HasSuffix(got, "&&") {
		t.Errorf("a long page header: %d characters, %q", len(utf16.Encode([]rune(got))), got[len(got)-10:])
	}
}

// A case's number is an identifier: plain digits, as the bot writes it,
// and no total; a Decimal is refused in a column the totals row sums.
func TestWriteXLSXIDAndDecimal(t *testing.T) {
	var buf bytes.Buffer
	err := WriteXLSX(&buf, []Sheet{{
		Name: "Danh sách ca", Total: "Tổng",
		Columns: []Column{{Header: "Mã ca", Kind: ID}, {Header: "Số", Kind: Int}},
		Rows:    rowsOf([]any{4601, 1}, []any{int64(1234567), 2}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	for cell, want := range map[string]string{"A2": "4601", "A3": "1234567", "A4": "Tổng", "B4": "3"} {
		if got := shown(t, f, "Danh sách ca", cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	if got := numFmt(style(t, f, "Danh sách ca", "A2")); got != fmtID {
		t.Errorf("ID format %q", got)
	}
	err = WriteXLSX(io.Discard, []Sheet{{
		Name: "A", Total: "Tổng", Columns: []Column{{Header: "x", Kind: Text}, {Header: "n", Kind: Int}},
		Rows: rowsOf([]any{"a", Decimal(1.5)}),
	}})
	if err == nil || !strings.Contains(err.Error(), "Decimal") {
		t.Errorf("a Decimal in a summed column: %v", err)
	}
	err = WriteXLSX(io.Discard, []Sheet{{
		Name: "A", Columns: []Column{{Header: "x", Kind: Text}}, Rows: rowsOf([]any{Decimal(1.5)}),
	}})
	if err == nil || !strings.Contains(err.Error(), "Decimal") {
		t.Errorf("a Decimal in a text column: %v", err)
	}
}

// Text cells that begin like a formula (=, +, -, @: a volunteer's name is
// typed in Telegram) are written as text, never as formulas, and formatted
// as Text (@), so that a reader who edits one does not turn it into a
// formula.
func TestWriteXLSXFormulaLikeTextStaysText(t *testing.T) {
	texts := []string{`=HYPERLINK("http://example.com","x")`, "+84 90", "-1+2", "@SUM(A1)", "=1+1"}
	var buf bytes.Buffer
	err := WriteXLSX(&buf, []Sheet{{Name: "S", Columns: []Column{{Header: "Tên", Kind: Text}, {Header: "Số", Kind: Int}},
		Rows: func(yield func([]any) error) error {
			for _, s := range texts {
				if err := yield([]any{s, 1}); err != nil {
					return err
				}
			}
			return nil
		}}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, want := range texts {
		cell := cellName(1, i+2)
		if formula, _ := f.GetCellFormula("S", cell); formula != "" {
			t.Errorf("%s: a formula %q", cell, formula)
		}
		if got, _ := f.GetCellValue("S", cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
		id, err := f.GetCellStyle("S", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.NumFmt != 49 {
			t.Errorf("%s: number format %d, want 49 (Text, @)", cell, st.NumFmt)
		}
	}
}
