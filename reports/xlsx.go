// Package reports builds the spreadsheet coordinators pass upward (the chart
// is drawn by package render). It knows nothing of cases or guides: a caller
// describes sheets (columns of a kind, rows streamed by a function) and
// WriteXLSX lays them out the way Vietnamese readers expect.
package reports

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// ColumnKind says what a column holds, and so how its cells are written and
// formatted.
type ColumnKind int

const (
	// Text cells take a string or a fmt.Stringer; written in NFC.
	Text ColumnKind = iota
	// Int cells take any Go integer; shown with thousand separators (#,##0,
	// which the reader's locale shows as 1.234 in Vietnamese).
	Int
	// Minutes cells take a float or an integer (minutes) or a time.Duration;
	// rounded to one decimal and shown as 0.0.
	Minutes
	// Date cells take a time.Time: its day in Vietnam time, shown dd/mm/yyyy
	// (WithDateFormats).
	Date
	// DateTime cells take a time.Time: Vietnam wall time, dd/mm/yyyy hh:mm
	// (WithDateFormats).
	DateTime
	// ID cells take any Go integer that names a thing (a case's number):
	// shown as plain digits (0), as the bot writes it ("Ca #4601"), never
	// with a thousands separator, and never summed.
	ID
)

func (k ColumnKind) String() string {
	switch k {
	case Text:
		return "Text"
	case Int:
		return "Int"
	case Minutes:
		return "Minutes"
	case Date:
		return "Date"
	case DateTime:
		return "DateTime"
	case ID:
		return "ID"
	}
	return fmt.Sprintf("ColumnKind(%d)", int(k))
}

// summed reports whether a totals row adds up this kind of column.
func (k ColumnKind) summed() bool { return k == Int || k == Minutes }

// Decimal is a number shown with one decimal (0.0) in an Int or Minutes
// column: a mean among counts (the residents' mean rating in a summary).
// It is no count, so it may not be in a column a totals row sums.
type Decimal float64

// Column is one column of a sheet. A Width of 0 picks one from the kind and
// the header (the rows are streamed: a column cannot be fitted to them
// afterwards, so a caller with long texts says how wide: WidthFor). Text
// cells wrap, so a text longer than its column is shown whole on more
// lines rather than cut. NoTotal leaves a number column out of the totals
// row: a step's number, an ordinal.
type Column struct {
	Header  string
	Kind    ColumnKind
	Width   float64
	NoTotal bool
}

// summed reports whether the totals row adds up the column.
func (c Column) summed() bool { return c.Kind.summed() && !c.NoTotal }

// Sheet is one worksheet. Rows is called once and yields the rows in order;
// each row has one value per column (nil for an empty cell). The writer
// never holds more than one row. Yield returns an error for a bad row (or a
// failed write): Rows should stop and return it; WriteXLSX reports it even if
// Rows does not.
type Sheet struct {
	Name string
	// Title is lines above the header row (the first one bold and larger),
	// each across the sheet's columns: what the numbers are, whose and for
	// when, inside the file, which is forwarded and renamed. None: the
	// header is the first row.
	Title []string
	// PageHeader is printed at the top of every page of the sheet; the
	// sheet's name and the page number are printed at the bottom.
	PageHeader string
	Columns    []Column
	Rows       func(yield func(row []any) error) error
	// Total is the label of a totals row under the rows that sums the Int
	// and Minutes columns (real SUM formulas with their values cached, so a
	// reader that does not compute formulas sees the numbers too); "" for
	// none. The label goes in the first column, which must not be summed.
	Total string
}

// Number formats. Vietnamese readers' Excel shows #,##0 as 1.234 and 0.0 as
// 1,5: the format code's separators are placeholders for the locale's own.
const (
	fmtInt      = "#,##0"
	fmtMinutes  = "0.0"
	fmtDate     = "dd/mm/yyyy"
	fmtDateTime = "dd/mm/yyyy hh:mm"
	fmtID       = "0"
)

// vietnam is UTC+7 all year (no daylight saving), fixed so the writer needs
// no time zone database.
var vietnam = time.FixedZone("ICT", 7*3600)

// maxRows is Excel's limit of rows on a sheet.
const maxRows = 1 << 20

// kinds is how many column kinds there are.
const kinds = int(ID) + 1

// styles are the style ids of the workbook, by kind.
type styles struct {
	header  int
	title   int        // the first line of a sheet's title
	more    int        // its other lines
	cell    [kinds]int // by kind
	total   [kinds]int // bold, by kind
	decimal int        // a Decimal
}

// Option changes how WriteXLSX writes a workbook.
type Option func(*options)

type options struct{ date, dateTime string }

// WithDateFormats shows the Date and DateTime cells with the Excel format
// codes date and dateTime, as the reader's language writes a day ("d mmm
// yyyy" in English: "01/12/2026" read as January 12 is December 1); the
// default is dd/mm/yyyy (hh:mm). The cells hold the same dates either way.
func WithDateFormats(date, dateTime string) Option {
	return func(o *options) { o.date, o.dateTime = date, dateTime }
}

func newStyles(f *excelize.File, o options) (styles, error) {
	var s styles
	var err error
	bold := &excelize.Font{Bold: true}
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      bold,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
	}); err != nil {
		return s, err
	}
	if s.title, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Size: titleSize},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	}); err != nil {
		return s, err
	}
	if s.more, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return s, err
	}
	formats := [kinds]string{Int: fmtInt, Minutes: fmtMinutes, Date: o.date, DateTime: o.dateTime, ID: fmtID}
	for k, code := range formats {
		var plain, total excelize.Style
		total.Font = bold
		if code != "" {
			plain.CustomNumFmt = &code
			total.CustomNumFmt = &code
		}
		if ColumnKind(k) == Text {
			plain.Alignment = &excelize.Alignment{WrapText: true}
			// Excel's Text format (@): a cell a reader edits stays text.
			// A name typed in Telegram ("=HYPERLINK(…)", "+84…", "@…") is
			// written as text and shown as typed; without it, retyping
			// or fixing it in the cell would make it a formula.
			plain.NumFmt = 49
		}
		if s.cell[k], err = f.NewStyle(&plain); err != nil {
			return s, err
		}
		if s.total[k], err = f.NewStyle(&total); err != nil {
			return s, err
		}
	}
	decimal := fmtMinutes
	if s.decimal, err = f.NewStyle(&excelize.Style{CustomNumFmt: &decimal}); err != nil {
		return s, err
	}
	return s, nil
}

// WriteXLSX writes the sheets as one workbook to w, in order. Each sheet has
// its title lines if any, a bold header row, frozen, with an autofilter over
// the rows, the columns' widths and number formats, and the totals row if
// asked. Each prints on A4 one page wide (landscape when its columns are
// wider than a portrait page), as many pages tall as it takes, the header
// row repeated on every page, with the PageHeader above and the sheet's
// name and the page number below. It checks every sheet's name and columns
// before writing anything.
func WriteXLSX(w io.Writer, sheets []Sheet, opts ...Option) error {
	o := options{date: fmtDate, dateTime: fmtDateTime}
	for _, opt := range opts {
		opt(&o)
	}
	if len(sheets) == 0 {
		return errors.New("reports: a workbook needs at least one sheet")
	}
	names := make([]string, len(sheets))
	seen := map[string]bool{}
	for i, sh := range sheets {
		name, err := checkSheet(sh)
		if err != nil {
			return err
		}
		key := strings.ToLower(name) // Excel's names are case-insensitive
		if seen[key] {
			return fmt.Errorf("reports: two sheets are named %q", name)
		}
		seen[key] = true
		names[i] = name
	}

	f := excelize.NewFile()
	defer f.Close() // removes the stream writers' temporary files
	st, err := newStyles(f, o)
	if err != nil {
		return err
	}
	for i, name := range names {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return fmt.Errorf("reports: sheet %q: %w", name, err)
		}
		if err := writeSheet(f, name, sheets[i], st); err != nil {
			return err
		}
	}
	// The first sheet is the active one of a new file already: setting it
	// again would read every streamed sheet back into memory.
	return f.Write(w)
}

// checkSheet validates a sheet's name (returned in NFC) and columns.
func checkSheet(sh Sheet) (string, error) {
	name := norm.NFC.String(sh.Name)
	switch {
	case strings.TrimSpace(name) == "":
		return "", errors.New("reports: a sheet has no name")
	case len([]rune(name)) > excelize.MaxSheetNameLength: // Vietnamese letters in NFC are one UTF-16 unit each
		return "", fmt.Errorf("reports: sheet name %q is longer than %d characters", name, excelize.MaxSheetNameLength)
	case strings.ContainsAny(name, `[]:*?/\`):
		return "", fmt.Errorf("reports: sheet name %q has one of []:*?/\\", name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return "", fmt.Errorf("reports: sheet name %q begins or ends with an apostrophe", name)
	}
	for _, r := range name {
		if r > 0xFFFF {
			return "", fmt.Errorf("reports: sheet name %q has a character outside the basic plane", name)
		}
	}
	if len(sh.Columns) == 0 {
		return "", fmt.Errorf("reports: sheet %q has no columns", name)
	}
	if len(sh.Columns) > excelize.MaxColumns {
		return "", fmt.Errorf("reports: sheet %q has more than %d columns", name, excelize.MaxColumns)
	}
	for i, c := range sh.Columns {
		if c.Kind < Text || c.Kind > ID {
			return "", fmt.Errorf("reports: sheet %q column %d: unknown kind %d", name, i+1, int(c.Kind))
		}
		if c.Width < 0 || c.Width > excelize.MaxColumnWidth {
			return "", fmt.Errorf("reports: sheet %q column %q: width %g is out of 0–%d", name, c.Header, c.Width, excelize.MaxColumnWidth)
		}
	}
	if sh.Total != "" && sh.Columns[0].summed() {
		return "", fmt.Errorf("reports: sheet %q: the totals label needs a first column that is not summed (it is %v)", name, sh.Columns[0].Kind)
	}
	if sh.Rows == nil {
		return "", fmt.Errorf("reports: sheet %q has no Rows function", name)
	}
	return name, nil
}

// width is a column's width: the one given, else a default for the kind;
// either widened to fit the header on one line (bold text is a little
// wider), up to 50.
func width(c Column) float64 {
	w := c.Width
	if w == 0 {
		w = map[ColumnKind]float64{Text: 20, Int: 12, Minutes: 10, Date: 12, DateTime: 17, ID: 10}[c.Kind]
	}
	if h := float64(utf8.RuneCountInString(norm.NFC.String(c.Header)))*1.1 + 2; h > w {
		w = math.Max(w, math.Min(h, 50))
	}
	return w
}

// charWidth is the width of a character of text, in Excel's unit of column
// width (the digit 0 of the default font, Calibri 11): Vietnamese text
// averages about 0.8 of it, capitals and ư, ơ more; a little is added.
const charWidth = 0.85

// WidthFor is a column width that shows the longest of texts on one line
// in the default font (at most Excel's maximum): a caller that knows the
// texts a column will hold fits the column to them. A text still longer
// wraps.
func WidthFor(texts ...string) float64 {
	n := 0
	for _, t := range texts {
		n = max(n, utf8.RuneCountInString(norm.NFC.String(t)))
	}
	return math.Min(math.Ceil(float64(n)*charWidth)+1, excelize.MaxColumnWidth)
}

// Printing. Excel draws a column w wide about 7w + 5 pixels wide (Calibri
// 11, 96 dpi); an A4 page less the margins (0.4" each side) holds 718
// such pixels upright.
const (
	paperA4    = 9 // Excel's code for A4
	portraitPx = 718
	titleSize  = 14 // points, the first line of a title
)

// printWidth is how wide the columns print at full scale, in pixels.
func printWidth(cols []Column) float64 {
	px := 0.0
	for _, c := range cols {
		px += 7*width(c) + 5
	}
	return px
}

// pageSetup makes the sheet print one page wide on A4, landscape when its
// columns are wider than a portrait page, as many pages tall as it takes,
// with the header row (headerRow) repeated on each page, the PageHeader
// above and the sheet's name and the page number below. (The sheet's name
// beside a long PageHeader would run into it on a narrow page.) The
// sheet properties go first: a stream writer writes them when it is made.
func pageSetup(f *excelize.File, name string, sh Sheet, headerRow int) error {
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	orientation := "portrait"
	if printWidth(sh.Columns) > portraitPx {
		orientation = "landscape"
	}
	size, wide, tall := paperA4, 1, 0 // 0 pages tall: as many as it takes
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	// Narrower margins than Excel's (0.7" at the sides, 0.75" above and
	// below) leave a wide sheet a larger print.
	side, edge, hf := 0.4, 0.6, 0.3
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &hf, Footer: &hf,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: pageHeader(sh.PageHeader),
		OddFooter: "&L&A&R&P / &N", // the sheet's name, the page number
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(name, "'", "''"), headerRow, headerRow),
		Scope:    name,
	})
}

// pageHeader is Excel's code for a page header: text in bold in the
// middle ("&" doubled: it starts a code), cut to the 255 characters a
// header holds.
func pageHeader(text string) string {
	const bold = "&C&\"-,Bold\""
	if text = strings.TrimSpace(norm.NFC.String(text)); text == "" {
		return ""
	}
	room := excelize.MaxFieldLength - len(bold)
	var sb strings.Builder
	for _, r := range text {
		code := string(r)
		if r == '&' {
			code = "&&"
		}
		if n := len(utf16.Encode([]rune(code))); n > room {
			break
		} else {
			room -= n
		}
		sb.WriteString(code)
	}
	return bold + sb.String()
}

// titleRow writes line i of a sheet's title in row i+1, across the sheet's
// columns, tall enough for the lines it wraps to. The first is bold and
// larger.
func titleRow(sw *excelize.StreamWriter, sh Sheet, st styles, i int) error {
	line := norm.NFC.String(sh.Title[i])
	style, size, bold := st.more, 11.0, 1.0
	if i == 0 {
		style, size, bold = st.title, titleSize, 1.1
	}
	ncol := len(sh.Columns)
	total := 0.0
	for _, c := range sh.Columns {
		total += width(c)
	}
	need := float64(utf8.RuneCountInString(line)) * charWidth * size / 11 * bold
	lines := max(1, int(math.Ceil(need/total)))
	cells := make([]any, ncol)
	cells[0] = excelize.Cell{StyleID: style, Value: line}
	if err := sw.SetRow(cellName(1, i+1), cells, excelize.RowOpts{Height: float64(lines) * size * 1.4}); err != nil {
		return err
	}
	if ncol > 1 {
		return sw.MergeCell(cellName(1, i+1), cellName(ncol, i+1))
	}
	return nil
}

func writeSheet(f *excelize.File, name string, sh Sheet, st styles) error {
	header := len(sh.Title) + 1 // the header's row
	if err := pageSetup(f, name, sh, header); err != nil {
		return fmt.Errorf("reports: sheet %q: %w", name, err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("reports: sheet %q: %w", name, err)
	}
	ncol := len(sh.Columns)
	// Each width goes before those set already: set from the last column,
	// so that they are written in the ascending order Excel requires.
	for i := ncol - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, width(sh.Columns[i])); err != nil {
			return fmt.Errorf("reports: sheet %q: %w", name, err)
		}
	}
	first := cellName(1, header+1)
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: header, TopLeftCell: first, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("reports: sheet %q: %w", name, err)
	}
	for i := range sh.Title {
		if err := titleRow(sw, sh, st, i); err != nil {
			return fmt.Errorf("reports: sheet %q: %w", name, err)
		}
	}

	// One slice of cells is reused for every row.
	cells := make([]any, ncol)
	values := make([]excelize.Cell, ncol)
	for i, c := range sh.Columns {
		values[i] = excelize.Cell{StyleID: st.header, Value: norm.NFC.String(c.Header)}
		cells[i] = &values[i]
	}
	// The header row is as tall as its texts: a height of its own, on the
	// row repeated on every page, makes LibreOffice print a blank page
	// after some sheets.
	if err := sw.SetRow(cellName(1, header), cells); err != nil {
		return fmt.Errorf("reports: sheet %q: %w", name, err)
	}

	sums := make([]int64, ncol) // Int: the sum; Minutes: tenths of a minute
	row := header               // the last row written
	var failed error
	yield := func(r []any) error {
		if failed != nil {
			return failed
		}
		fail := func(err error) error {
			failed = fmt.Errorf("reports: sheet %q row %d: %w", name, row, err)
			return failed
		}
		if len(r) != ncol {
			return fail(fmt.Errorf("%d values for %d columns", len(r), ncol))
		}
		if row+1 >= maxRows { // keep one row for the totals
			return fail(fmt.Errorf("more than %d rows", maxRows-2))
		}
		for i, v := range r {
			c := sh.Columns[i]
			val, n, err := cellValue(c.Kind, v)
			if err != nil {
				return fail(fmt.Errorf("column %q: %w", c.Header, err))
			}
			style := st.cell[c.Kind]
			if _, ok := v.(Decimal); ok {
				if sh.Total != "" && c.summed() {
					return fail(fmt.Errorf("column %q: a Decimal in a column the totals row sums", c.Header))
				}
				style = st.decimal
			}
			sums[i] += n
			values[i] = excelize.Cell{StyleID: style, Value: val}
			if val == nil {
				cells[i] = nil
			} else {
				cells[i] = &values[i]
			}
		}
		row++
		if err := sw.SetRow(cellName(1, row), cells); err != nil {
			return fail(err)
		}
		return nil
	}
	err = sh.Rows(yield)
	if failed != nil {
		return failed
	}
	if err != nil {
		return fmt.Errorf("reports: sheet %q: %w", name, err)
	}
	last := row // the last data row

	if err := f.AutoFilter(name, cellName(1, header)+":"+cellName(ncol, last), nil); err != nil {
		return fmt.Errorf("reports: sheet %q: %w", name, err)
	}
	if sh.Total != "" {
		for i, c := range sh.Columns {
			values[i] = excelize.Cell{StyleID: st.total[c.Kind]}
			cells[i] = &values[i]
			switch {
			case i == 0:
				values[i].Value = norm.NFC.String(sh.Total)
			case !c.summed():
			case c.Kind == Int:
				values[i].Value = sums[i]
			case c.Kind == Minutes:
				values[i].Value = float64(sums[i]) / 10
			}
			if c.summed() && last > header {
				col, _ := excelize.ColumnNumberToName(i + 1)
				values[i].Formula = fmt.Sprintf("SUM(%s%d:%s%d)", col, header+1, col, last)
			}
		}
		if err := sw.SetRow(cellName(1, last+1), cells); err != nil {
			return fmt.Errorf("reports: sheet %q: %w", name, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("reports: sheet %q: %w", name, err)
	}
	return nil
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// cellValue converts v for a column of kind k: the value to write (nil for
// an empty cell) and what it adds to the column's sum.
func cellValue(k ColumnKind, v any) (any, int64, error) {
	if v == nil {
		return nil, 0, nil
	}
	if d, ok := v.(Decimal); ok {
		if k != Int && k != Minutes {
			return nil, 0, fmt.Errorf("a Decimal in a %v column", k)
		}
		m := float64(d)
		if math.IsNaN(m) || math.IsInf(m, 0) || math.Abs(m) > 1e15 {
			return nil, 0, fmt.Errorf("%v is not a number Excel can hold", m)
		}
		return math.Round(m*10) / 10, 0, nil
	}
	switch k {
	case Text:
		switch v := v.(type) {
		case string:
			if v == "" {
				return nil, 0, nil
			}
			return norm.NFC.String(v), 0, nil
		case fmt.Stringer:
			return norm.NFC.String(v.String()), 0, nil
		}
		return nil, 0, fmt.Errorf("want a string, got %T", v)
	case Int, ID:
		n, ok := asInt(v)
		if !ok {
			return nil, 0, fmt.Errorf("want an integer, got %T", v)
		}
		return n, n, nil
	case Minutes:
		var m float64
		switch v := v.(type) {
		case float64:
			m = v
		case float32:
			m = float64(v)
		case time.Duration:
			m = v.Minutes()
		default:
			n, ok := asInt(v)
			if !ok {
				return nil, 0, fmt.Errorf("want minutes (a number or a time.Duration), got %T", v)
			}
			m = float64(n)
		}
		if math.IsNaN(m) || math.IsInf(m, 0) || math.Abs(m) > 1e15 {
			return nil, 0, fmt.Errorf("minutes %v is not a number Excel can hold", m)
		}
		tenths := int64(math.Round(m * 10))
		return float64(tenths) / 10, tenths, nil
	case Date, DateTime:
		t, ok := v.(time.Time)
		if !ok {
			return nil, 0, fmt.Errorf("want a time.Time, got %T", v)
		}
		if t.IsZero() {
			return nil, 0, nil
		}
		serial, err := excelTime(t, k == Date)
		if err != nil {
			return nil, 0, err
		}
		return serial, 0, nil
	}
	return nil, 0, fmt.Errorf("unknown column kind %d", int(k))
}

func asInt(v any) (int64, bool) {
	switch v := v.(type) {
	case int:
		return int64(v), true
	case int8:
		return int64(v), true
	case int16:
		return int64(v), true
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case uint:
		return int64(v), v <= math.MaxInt64
	case uint8:
		return int64(v), true
	case uint16:
		return int64(v), true
	case uint32:
		return int64(v), true
	case uint64:
		return int64(v), v <= math.MaxInt64
	}
	return 0, false
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts from March
// 1900 on (it believes 1900 was a leap year).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelTime is t's Vietnam wall time as an Excel serial date (days since
// excelEpoch, the time of day as the fraction); only its day if dateOnly.
func excelTime(t time.Time, dateOnly bool) (float64, error) {
	l := t.In(vietnam)
	if l.Year() < 1901 || l.Year() > 9999 {
		return 0, fmt.Errorf("date %s is outside 1901–9999", l.Format(time.DateOnly))
	}
	wall := time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
	secs := wall.Unix() - excelEpoch.Unix() // to the second: the shown minute is never one off by rounding
	if dateOnly {
		return float64(secs / 86400), nil
	}
	return float64(secs) / 86400, nil
}
