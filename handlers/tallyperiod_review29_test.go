package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 29: a quarter or a month the calendar does not have ("quý 5",
// "Q5 2026", "tháng 13", "tháng 0/2026") was answered with a day's and a
// month's examples ("ví dụ 30/11/2026 hoặc tháng 11/2026"): a quarter
// typed wrong is told a year has 4 quarters, with a quarter's example; a
// month, 12 months, with a month's. A day keeps its answer. So on /tally's
// screen, right after a report, and in English.
func TestQuarterOrMonthNotOnTheCalendarHasItsOwnExamples(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	cases := []struct{ typed, want, example string }{
		{"quý 5", "tally.no_such_quarter", "quý 4/2026"},
		{"Q5 2026", "tally.no_such_quarter", "quý 4/2026"},
		{"Q5", "tally.no_such_quarter", "quý 4/2026"}, // no Quận 5 is theirs
		{"tháng 13", "tally.no_such_month", "tháng 11/2026"},
		{"tháng 0/2026", "tally.no_such_month", "tháng 11/2026"},
		{"31/02/2026", "tally.no_such_date", "30/11/2026"},
	}
	for _, c := range cases {
		only(t, fresh(w.send(coord, "/tally")))
		m := only(t, fresh(w.send(coord, c.typed)))
		if !strings.HasPrefix(m.Text, w.vi(c.want)) || !strings.Contains(m.Text, c.example) || !hasButton(m, "Tháng này") {
			t.Errorf("%q on /tally's screen: %q, want %q above the period's buttons", c.typed, m.Text, w.vi(c.want))
		}
		if c.want != "tally.no_such_date" && strings.Contains(m.Text, "30/11/2026") {
			t.Errorf("%q on /tally's screen is given a day as its example: %q", c.typed, m.Text)
		}
		fresh(w.send(coord, "/cancel"))
		typedTally(t, w, coord, "Từ đầu", true)
		if m := last(t, w.send(coord, c.typed)); !strings.HasPrefix(m.Text, w.vi(c.want)) || !strings.Contains(m.Text, "Phường An Hội Tây") {
			t.Errorf("%q after a report: %q, want %q on the report unit's period screen", c.typed, m.Text, w.vi(c.want))
		}
		fresh(w.send(coord, "/cancel"))
	}
	w.send(coord, "/lang en")
	for typed, want := range map[string]string{"quarter 5": "tally.no_such_quarter", "Q5 2026": "tally.no_such_quarter", "month 13": "tally.no_such_month", "31/02/2026": "tally.no_such_date"} {
		only(t, fresh(w.send(coord, "/tally")))
		if m := only(t, fresh(w.send(coord, typed))); !strings.HasPrefix(m.Text, w.en(want)) {
			t.Errorf("%q in English: %q, want %q", typed, m.Text, w.en(want))
		}
		fresh(w.send(coord, "/cancel"))
	}
}
