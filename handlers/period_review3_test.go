package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A day or month the calendar does not have, typed in a form the bot
// reads, is answered as such, not as a text it could not read (whose
// examples the coordinator followed).
func TestTallyDayNotOnTheCalendar(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, p := range []string{"31/11/2026", "29/02/2027", "29/2/2026", "31/4", "32/1", "tháng 13", "13/2026", "T13/2026", "quý 5", "q5/2026",
		"từ 31/11 đến nay", "1/11/2026-31/11/2026", "từ tháng 9 đến tháng 13"} {
		only(t, w.send(coord, "/tally"))
		m := only(t, w.send(coord, p))
		if !strings.HasPrefix(m.Text, w.vi("tally.no_such_date")) {
			t.Errorf("%q: want the answer that the calendar has no such day, got %.120q", p, m.Text)
		}
		w.send(coord, "/cancel")
	}
	// What the calendar has still reads.
	for _, p := range []string{"29/02/2024", "28/2/2026", "27/11/2026", "tháng 12/2025", "quý 4/2025"} {
		only(t, w.send(coord, "/tally"))
		ms := w.send(coord, p)
		if len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 Phường An Hội Tây") {
			t.Errorf("%q is not read as a period: %+v", p, ms)
		}
	}
}
