package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A coordinator asks for everything "từ 2019 đến nay" (since 2019), as a
// report to the province often runs from a scheme's start. It was
// refused: "dvcbot chỉ có số liệu từ năm 2020", and they had to guess
// what to type instead. It is counted now from the day of the unit's
// first closed case — the same figures as "Từ đầu" — and the report (its
// text and its spreadsheet) says so: asked from 01/01/2019, figures from
// 20/10/2026. A period that ends before 2020 ("năm 2019") is refused as
// before; one that ends before the first case is counted from the
// beginning, saying there was none. In English too, and typed outside
// any flow after a report.
func TestTallySinceBeforeTheFiguresCountsFromTheFirst(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026; An Hội Tây's first case closed on 20/10/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const unit = "Phường An Hội Tây, Thành phố Hồ Chí Minh"

	all, _ := typedTally(t, w, coord, "Từ đầu", true)
	allCases := strings.Split(all, "\n")[1]

	note := w.vi("tally.before_figures", locales.Data{"Asked": "01/01/2019", "First": "20/10/2026"})
	text, f := typedTally(t, w, coord, "từ 2019 đến nay", false)
	lines := strings.Split(text, "\n")
	if want := "📊 " + unit + " – " + w.vi("tally.as_of_today", locales.Data{"Period": "20/10/2026 – 27/11/2026", "Time": "10:00"}); lines[0] != want {
		t.Errorf("\"từ 2019 đến nay\": the report opens %q, want %q", lines[0], want)
	}
	if len(lines) < 3 || lines[1] != note || lines[2] != allCases {
		t.Errorf("\"từ 2019 đến nay\": %q, want the note %q and the figures of all time %q", text, note, allCases)
	}
	if f == nil {
		t.Fatal("\"từ 2019 đến nay\": no spreadsheet")
	}
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || len(r) > 0 && r[0] == note
	}
	if !found {
		t.Errorf("the spreadsheet's title does not say %q: %q", note, rows[:min(4, len(rows))])
	}

	// Typed outside any flow, right after a report: the same.
	ms := w.send(coord, "từ năm 2019")
	if len(ms) == 0 || !strings.Contains(ms[0].Text, note) {
		t.Errorf("\"từ năm 2019\" after a report: %+v", ms)
	}

	// A period over before 2020: refused as before.
	m := only(t, w.send(coord, "/tally năm 2019"))
	if !strings.HasPrefix(m.Text, w.vi("tally.period_too_old")) {
		t.Errorf("\"năm 2019\": %q, want it refused", m.Text)
	}
	only(t, w.press(coord, w.vi("button.cancel")))

	// One that ends before the first case: from the beginning, none.
	text, _ = typedTally(t, w, coord, "2019-2020", false)
	lines = strings.Split(text, "\n")
	none := w.vi("tally.before_figures_none", locales.Data{"Asked": "01/01/2019"})
	if want := "📊 " + unit + " – " + w.vi("tally.label_all", locales.Data{"To": "31/12/2020"}); lines[0] != want || len(lines) < 3 ||
		lines[1] != none || lines[2] != w.vi("tally.empty_no_files") {
		t.Errorf("\"2019-2020\": %q, want from the beginning to 31/12/2020, %q, no case", text, none)
	}

	// In English.
	only(t, w.send(coord, "/lang en"))
	text, _ = typedTally(t, w, coord, "since 2019", false)
	lines = strings.Split(text, "\n")
	if want := w.en("tally.before_figures", locales.Data{"Asked": "1 Jan 2019", "First": "20 Oct 2026"}); len(lines) < 2 || lines[1] != want ||
		!strings.Contains(lines[0], "20 Oct 2026 – 27 Nov 2026") {
		t.Errorf("\"since 2019\": %q, want %q", text, want)
	}
}
