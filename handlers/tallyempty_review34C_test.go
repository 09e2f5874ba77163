package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 34C, item 1: a report with no case closed in its period said
// "Muốn xem khoảng khác, cứ gõ, ví dụ: tháng này, năm nay." — "tháng này"
// even when this month was the period asked and found empty. It now
// names the day the last case closed and a period that holds it: this
// year when the last case closed this year, else from the beginning;
// and suggests nothing when no case has ever closed there. What it
// suggests, typed next, reports cases.
func TestReview34CEmptyReportSuggestsAPeriodWithCases(t *testing.T) {
	for _, tc := range []struct {
		name   string
		closed time.Time // the one case, zero for none
		asked  string    // a period button
		hint   string    // the line suggested, "" for none
		typed  string    // what it says to type
	}{
		{name: "this month, last case this year", closed: time.Date(2026, 11, 20, 9, 0, 0, 0, ict),
			asked: "tally.period_month", hint: "tally.empty_try_year", typed: "năm nay"},
		{name: "this year, last case last year", closed: time.Date(2025, 6, 3, 9, 0, 0, 0, ict),
			asked: "tally.period_year", hint: "tally.empty_try_all", typed: "từ đầu"},
		{name: "no case ever", asked: "tally.period_month"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(func() time.Time { return time.Date(2026, 12, 10, 9, 0, 0, 0, ict) }))
			coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
			if !tc.closed.IsZero() {
				vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
				w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", tc.closed.Add(-20*time.Minute), tc.closed)
			}
			only(t, fresh(w.send(coord, "/tally")))
			m := only(t, w.press(coord, w.vi(tc.asked)))
			lines := strings.Split(m.Text, "\n")
			if len(lines) < 2 || lines[1] != w.vi("tally.empty_no_files") {
				t.Fatalf("the report of %s: %q, want it empty", w.vi(tc.asked), m.Text)
			}
			if strings.Contains(m.Text, strings.ToLower(w.vi(tc.asked))) {
				t.Errorf("the empty report of %s suggests %q again:\n%s", w.vi(tc.asked), strings.ToLower(w.vi(tc.asked)), m.Text)
			}
			if tc.hint == "" {
				if len(lines) != 2 {
					t.Errorf("no case ever closed, yet the report suggests:\n%s", m.Text)
				}
				return
			}
			want := w.vi(tc.hint, locales.Data{"Day": tc.closed.Format("02/01/2006")})
			if len(lines) < 3 || lines[2] != want {
				t.Fatalf("the empty report of %s:\n%s\nwant its third line %q", w.vi(tc.asked), m.Text, want)
			}
			if !strings.Contains(want, "“"+tc.typed+"”") {
				t.Fatalf("%q does not say to type %q", want, tc.typed)
			}
			ms := fresh(w.send(coord, tc.typed))
			if len(ms) == 0 || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 1, "Helped": 1})) {
				t.Errorf("%q typed as suggested: %q, want the case counted", tc.typed, texts(ms))
			}
		})
	}
}
