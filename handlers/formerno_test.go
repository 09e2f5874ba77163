package handlers_test

import (
	"slices"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Found walking the demo as a coordinator: a member removed from the team
// was "số 1" in the year's report, and "số 5", then "số 6", then "số 7" in
// the same report made again as other members were removed — in this
// commune, elsewhere in the province, in another province. Their number
// was their rank among all such members in the order each first closed a
// case, read at each report: a removal of one who had closed a case
// earlier shifted everyone after. It is given once now, when they are
// taken out, and a later removal anywhere takes the next one.
func TestRemovedMembersKeepTheirNumberWhenOthersAreRemoved(t *testing.T) {
	w, an, _ := tallyWorld(t) // An: 20/10, 3/11 and 4/11 in An Hội Tây
	dung := w.tallyMember("Dũng", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(dung.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(10, 9, 0), nov(10, 9, 20))
	em := w.tallyMember("Em", anHoiTayCode, storage.RoleVolunteer) // the earliest case of all
	w.closedCase(em.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "",
		time.Date(2026, 10, 1, 9, 0, 0, 0, ict), time.Date(2026, 10, 1, 9, 20, 0, 0, ict))
	giang := w.tallyMember("Giang", benThanhCode, storage.RoleVolunteer)
	w.closedCase(giang.ID, benThanhCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(9, 9, 0), nov(9, 9, 20))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	nth := func(n int) string {
		return w.vi("tally.volunteer_which", locales.Data{"Name": w.vi("tally.volunteer_removed"),
			"Which": w.vi("tally.volunteer_nth", locales.Data{"N": n})})
	}
	const period = "01/10/2026 - 27/11/2026"
	has := func(when string, want ...string) {
		t.Helper()
		text, _ := typedTally(t, w, coord, period, false)
		lines := volunteerLines(t, w, text, "vi")
		for _, line := range want {
			if !slices.Contains(lines, line) {
				t.Errorf("%s: no %q among %q", when, line, lines)
			}
		}
	}

	w.removeMember(an)
	w.removeMember(dung)
	has("An and Dũng removed", "• "+nth(1)+" – 3", "• "+nth(2)+" – 1")

	w.removeMember(giang) // of another commune
	w.removeMember(em)    // who closed a case before any of them
	has("Giang and Em removed after them", "• "+nth(1)+" – 3", "• "+nth(2)+" – 1", "• "+nth(4)+" – 1")
}
