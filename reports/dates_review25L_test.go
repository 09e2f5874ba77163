package reports

import (
	"bytes"
	"testing"
	"time"
)

// Review 25 (seat A, walk W2): an English coordinator's spreadsheet wrote
// its date cells dd/mm/yyyy, read in English as mm/dd ("01/12/2026":
// January 12). WithDateFormats shows them as the reader's language writes
// a day; the cells hold the same dates, and the default is unchanged.
func TestReview25LDateFormats(t *testing.T) {
	day := time.Date(2026, 12, 1, 9, 30, 0, 0, vietnam)
	sheet := []Sheet{{
		Name:    "Cases",
		Columns: []Column{{Header: "Day", Kind: Date}, {Header: "Ended at", Kind: DateTime}},
		Rows:    rowsOf([]any{day, day}),
	}}
	for _, tt := range []struct {
		opts         []Option
		date, dateTm string
		shownDate    string
	}{
		{nil, fmtDate, fmtDateTime, "01/12/2026"},
		{[]Option{WithDateFormats("d mmm yyyy", "d mmm yyyy hh:mm")}, "d mmm yyyy", "d mmm yyyy hh:mm", "1 Dec 2026"},
	} {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, sheet, tt.opts...); err != nil {
			t.Fatal(err)
		}
		f := open(t, buf.Bytes())
		if got := numFmt(style(t, f, "Cases", "A2")); got != tt.date {
			t.Errorf("%d options: the date cell's format %q, want %q", len(tt.opts), got, tt.date)
		}
		if got := numFmt(style(t, f, "Cases", "B2")); got != tt.dateTm {
			t.Errorf("%d options: the date-time cell's format %q, want %q", len(tt.opts), got, tt.dateTm)
		}
		if got := shown(t, f, "Cases", "A2"); got != tt.shownDate {
			t.Errorf("%d options: the date cell shows %q, want %q", len(tt.opts), got, tt.shownDate)
		}
	}
}
