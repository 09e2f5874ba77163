package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 31B, item 4: "năm học 2025-2026" typed on /tally's screen was not
// understood. It is the school year, 5 September to 31 May, named with its
// days in the report's first line.
func TestTallySchoolYearTyped(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for typed, want := range map[string]string{
		"năm học 2025-2026": "năm học 2025 – 2026 (05/09/2025 – 31/05/2026)",
		"nam hoc nay":       "năm học 2026 – 2027 (05/09/2026 – 31/05/2027)",
	} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, typed))
		if !hasReport(ms) {
			t.Errorf("%q: %q, want a report", typed, firstText(ms))
			continue
		}
		if first := firstLine(firstReport(ms)); !strings.Contains(first, want) {
			t.Errorf("%q: the report of %q, want %s", typed, first, want)
		}
	}
}
