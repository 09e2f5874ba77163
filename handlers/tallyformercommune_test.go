package handlers_test

import (
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// In a province's report a member removed from their team was
// "Tình nguyện viên không còn trong đội (số 1) – 2", with no commune, where
// any other person's line names the communes that tell it apart. In a
// report of several communes a former member's line names the commune of
// their cases; one of several communes names them after the count, as
// anyone's; a commune's own report stays as it was.
func TestTallyFormerMemberNamesTheirCommune(t *testing.T) {
	w, an, _ := tallyWorld(t) // 27/11/2026: An 2, Bình 2 (An Hội Tây), Chi 1 (Bến Thành)
	dung := w.tallyMember("Dũng", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(dung.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(10, 9, 0), nov(10, 9, 20))
	w.closedCase(dung.ID, benThanhCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(11, 9, 0), nov(11, 9, 20))
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	w.removeMember(an)   // số 1
	w.removeMember(dung) // số 2
	former := func(which string) string {
		return w.vi("tally.volunteer_which", locales.Data{"Name": w.vi("tally.volunteer_removed"), "Which": which})
	}
	nth := func(n int) string { return w.vi("tally.volunteer_nth", locales.Data{"N": n}) }
	communes := w.vi("tally.volunteer_commune_cases", locales.Data{"Commune": "Phường An Hội Tây", "Count": "1"}) + ", " +
		w.vi("tally.volunteer_commune_cases", locales.Data{"Commune": "Phường Bến Thành", "Count": "1"})

	text, _ := monthTally(t, w, prov, "Tháng này")
	lines := volunteerLines(t, w, text, "vi")
	for _, want := range []string{
		"• " + former("Phường An Hội Tây, "+nth(1)) + " – 2",
		w.vi("tally.volunteer_communes", locales.Data{"Line": "• " + former(nth(2)) + " – 2", "Communes": communes}),
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("the province's report: no %q among %q", want, lines)
		}
	}

	text, _ = monthTally(t, w, coord, "Tháng này")
	if lines := volunteerLines(t, w, text, "vi"); !slices.Contains(lines, "• "+former(nth(1))+" – 2") || !slices.Contains(lines, "• "+former(nth(2))+" – 1") {
		t.Errorf("the commune's report: %q", lines)
	}
}
