package handlers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// joinedAt sets the moment a member joined their team.
func (w *world) joinedAt(u *telegramtest.User, at time.Time) {
	w.t.Helper()
	if _, err := w.store.DB().Exec(`UPDATE users SET joined_at = $2 WHERE telegram_id = $1`, u.ID, at); err != nil {
		w.t.Fatal(err)
	}
}

// volunteerLines are the report's lines under "the volunteers with the
// most cases" and the volunteers sheet's names.
func volunteerLines(t *testing.T, w *world, text, lang string) []string {
	t.Helper()
	head := w.vi("tally.top_volunteers")
	if lang == "en" {
		head = w.en("tally.top_volunteers")
	}
	_, rest, ok := strings.Cut(text, head+"\n")
	if !ok {
		t.Fatalf("no %q in %q", head, text)
	}
	block, _, _ := strings.Cut(rest, "\n\n")
	return strings.Split(block, "\n")
}

// The team of Phường An Hội Tây has two volunteers named Phong; only one
// helped residents in November. The report said "• Phong – 1", in the
// text and in the spreadsheet, and the coordinator who passes it upward
// could not say which Phong it was (the two were told apart only when
// both had cases). A line now bears what tells it apart from every
// member of the report's unit of the same first name — their commune
// in a province's report, else the day they joined (the time too when
// they joined the same day: a whole team joins on a campaign's day) —,
// as /team shows them; nothing new is stored about them, and a member
// removed from the team (no name kept) is no namesake.
func TestTallyTellsAVolunteerApartFromANamesakeWithoutCases(t *testing.T) {
	w, an, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	phong := w.tallyMember("Phong", anHoiTayCode, storage.RoleVolunteer)
	idle := w.tallyMember("Phong", anHoiTayCode, storage.RoleVolunteer) // no case
	w.joinedAt(phong, time.Date(2025, 6, 23, 8, 49, 0, 0, ict))
	w.joinedAt(idle, time.Date(2025, 8, 29, 14, 5, 0, 0, ict))
	w.closedCase(phong.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(12, 9, 0), nov(12, 9, 20))
	// An's namesake was removed from the team: no name, no namesake.
	gone := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.removeMember(gone)
	_ = an

	text, f := monthTally(t, w, coord, "Tháng này")
	lines := volunteerLines(t, w, text, "vi")
	for _, want := range []string{"• Phong (vào 23/06/2025) – 1", "• An – 2", "• Bình – 2"} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q among the volunteers: %q", want, lines)
		}
	}
	rows, _ := sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	var names []string
	for _, r := range rows {
		names = append(names, r[0])
	}
	if !slices.Contains(names, "Phong (vào 23/06/2025)") || !slices.Contains(names, "An") {
		t.Errorf("the volunteers sheet names %q, want Phong with the day they joined, An alone", names)
	}

	// The two joined on the same day: the time tells them apart.
	w.joinedAt(idle, time.Date(2025, 6, 23, 15, 2, 0, 0, ict))
	text, _ = monthTally(t, w, coord, "Tháng này")
	if lines := volunteerLines(t, w, text, "vi"); !slices.Contains(lines, "• Phong (vào 23/06/2025, lúc 08:49) – 1") {
		t.Errorf("two Phongs who joined on 23/06/2025: %q", lines)
	}

	// In English.
	only(t, w.send(coord, "/lang en"))
	text, _ = monthTally(t, w, coord, "This month")
	if lines := volunteerLines(t, w, text, "en"); !slices.Contains(lines, "• Phong (joined 23 Jun 2025, at 08:49) – 1") {
		t.Errorf("in English: %q", lines)
	}

	// The province's report: the other Phong is now of Bến Thành, and
	// the commune tells them apart (the sheet's commune column too).
	w.joinedAt(idle, time.Date(2025, 8, 29, 14, 5, 0, 0, ict))
	w.tallyMember("Phong", benThanhCode, storage.RoleVolunteer)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	text, f = monthTally(t, w, prov, "Tháng này")
	if lines := volunteerLines(t, w, text, "vi"); !slices.Contains(lines, "• Phong (Phường An Hội Tây, vào 23/06/2025) – 1") {
		t.Errorf("the province's report: %q", lines)
	}
	rows, _ = sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	names = nil
	for _, r := range rows {
		names = append(names, r[0])
	}
	if !slices.Contains(names, "Phong (Phường An Hội Tây, vào 23/06/2025)") {
		t.Errorf("the province's volunteers sheet names %q", names)
	}
}
