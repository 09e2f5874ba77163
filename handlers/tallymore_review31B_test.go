package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 31B, item 3: "đến hôm nay", "lũy kế từ đầu năm", "nửa năm đầu"
// typed on /tally's screen were "Mình chưa hiểu khoảng thời gian này".
// Each is a report whose label says the days it counts.
func TestTallyMorePeriodsTyped(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for typed, want := range map[string]string{
		"đến hôm nay":               "từ đầu đến 27/11/2026",
		"đến nay":                   "từ đầu đến 27/11/2026",
		"lũy kế từ đầu năm":         "01/01/2026 – 27/11/2026",
		"số liệu lũy kế từ đầu năm": "01/01/2026 – 27/11/2026",
		"nửa năm đầu":               "01/01/2026 – 30/06/2026",
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
