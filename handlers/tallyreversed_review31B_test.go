package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 31B, item 2: "1/11 - 30/10" typed on 27/11/2026 was counted
// 01/11/2026 – 30/10/2027, a report of a year mostly to come, labelled as
// such in small print. The end before the start is said, with how to type
// a range (the start first; the years for one over the new year), above
// the period screen: no report. So in English. A range over the new year
// ("15/12 - 10/1") is still read.
func TestTallyRangeEndBeforeStart(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, typed := range []string{"1/11 - 30/10", "từ 15/11 đến 2/8", "tháng 11 - tháng 9"} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, typed))
		if hasReport(ms) {
			t.Errorf("%q made a report: %q", typed, firstLine(firstReport(ms)))
			continue
		}
		if m := only(t, ms); !strings.HasPrefix(m.Text, w.vi("tally.period_reversed")) || !hasButton(m, "Tháng này") {
			t.Errorf("%q: %q, want %q above the period's buttons", typed, m.Text, w.vi("tally.period_reversed"))
		}
	}
	only(t, fresh(w.send(coord, "/tally")))
	if ms := fresh(w.send(coord, "15/12 - 10/1")); !hasReport(ms) || !strings.Contains(firstLine(firstReport(ms)), "15/12/2025 – 10/01/2026") {
		t.Errorf("15/12 - 10/1: %q, want the report of 15/12/2025 – 10/01/2026", firstText(ms))
	}
	w.send(coord, "/lang en")
	only(t, fresh(w.send(coord, "/tally")))
	if m := only(t, fresh(w.send(coord, "1/11 - 30/10"))); !strings.HasPrefix(m.Text, w.en("tally.period_reversed")) {
		t.Errorf("1/11 - 30/10 in English: %q, want %q", m.Text, w.en("tally.period_reversed"))
	}
}
