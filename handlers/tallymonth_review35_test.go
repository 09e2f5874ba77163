package handlers_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 35: "năm nay theo tháng" — a year's figures month by month, what a
// year's or a half-year's report upward is made of — was "a period I could
// not read". It is now the period's report with a section of the cases
// closed each month (the months with none too), a chart by month and a
// sheet of them; "theo tháng 11" is still November.
func TestReview35TallyByMonth(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return time.Date(2026, 11, 28, 9, 0, 0, 0, ict) }))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	for _, end := range []time.Time{
		time.Date(2026, 9, 15, 10, 0, 0, 0, ict),
		time.Date(2026, 10, 31, 23, 30, 0, 0, ict),
		time.Date(2026, 11, 1, 0, 30, 0, 0, ict), // November in Vietnam, still October 31 in UTC
		time.Date(2026, 11, 20, 9, 0, 0, 0, ict),
	} {
		w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", end.Add(-20*time.Minute), end)
	}
	ms := fresh(w.send(coord, "/tally năm nay theo tháng"))
	if len(ms) != 3 || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 4, "Helped": 4})) {
		t.Fatalf("/tally năm nay theo tháng: %q, want the year's report of 4 cases, a chart and a spreadsheet", texts(ms))
	}
	rows := section(ms[0].Text, w.vi("tally.by_month_heading"))
	var want []string
	for m := 1; m <= 11; m++ {
		n := map[int]int{9: 1, 10: 1, 11: 2}[m]
		want = append(want, fmt.Sprintf("• %s – %d", w.vi("tally.month_row", locales.Data{"Month": m, "Year": 2026}), n))
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("the months of 2026 to November:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if ms[2].Document == nil {
		t.Fatal("no spreadsheet")
	}
	f, err := excelize.OpenReader(bytes.NewReader(ms[2].Document.Data))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); len(got) < 2 || got[1] != w.vi("tally.sheet_months") {
		t.Errorf("sheets %q, want %q second", got, w.vi("tally.sheet_months"))
	}
	cells, err := f.GetRows(w.vi("tally.sheet_months"))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, r := range cells {
		if len(r) >= 2 && r[0] == w.vi("tally.month_row", locales.Data{"Month": 11, "Year": 2026}) && r[1] == "2" {
			found = true
		}
	}
	if !found {
		t.Errorf("the months sheet has no row of November with 2 cases: %q", cells)
	}

	// "theo tháng 11" names a month: not read as by month (nor, as before,
	// as a period).
	ms = fresh(w.send(coord, "/tally theo tháng 11"))
	if len(ms) == 0 || strings.Contains(ms[0].Text, w.vi("tally.by_month_heading")) ||
		strings.Contains(ms[0].Text, w.vi("tally.by_kept", locales.Data{"By": w.vi("tally.by_month")})) {
		t.Errorf("/tally theo tháng 11: %q, read as by month", texts(ms))
	}
}
