package handlers_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// volunteerRows are the volunteers sheet's rows by the name in their first
// cell.
func volunteerRows(t *testing.T, w *world, f *excelize.File, name string) [][]string {
	t.Helper()
	rows, _ := sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	var out [][]string
	for _, r := range rows {
		if r[0] == name {
			out = append(out, r)
		}
	}
	return out
}

// Review 30, item 1: a volunteer who helped residents in two communes of
// the province (she moved from An Hội Tây to Bến Thành) had two lines in the
// province's report, each labelled with a commune — "Yến (Phường An Hội
// Tây) – 2" and "Yến (Phường Bến Thành) – 1" — read upward as two
// volunteers named Yến, her 3 cases split. One person is one line, her
// cases added up, the communes named with how many each; the volunteers
// sheet has one row for her, its commune cell naming both.
func TestReview30AOneVolunteerOneLine(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026: An 2, Bình 2 (An Hội Tây), Chi 1 (Bến Thành)
	yen := w.tallyMember("Yến", benThanhCode, storage.RoleVolunteer)
	w.closedCase(yen.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(11, 9, 0), nov(11, 9, 20))
	w.closedCase(yen.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(12, 9, 0), nov(12, 9, 20))
	w.closedCase(yen.ID, benThanhCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(20, 9, 0), nov(20, 9, 20))
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)

	text, f := monthTally(t, w, prov, "Tháng này")
	communes := w.vi("tally.volunteer_commune_cases", locales.Data{"Commune": "Phường An Hội Tây", "Count": "2"}) + ", " +
		w.vi("tally.volunteer_commune_cases", locales.Data{"Commune": "Phường Bến Thành", "Count": "1"})
	want := w.vi("tally.volunteer_communes", locales.Data{"Line": "• Yến – 3", "Communes": communes})
	var hers []string
	for _, l := range volunteerLines(t, w, text, "vi") {
		if strings.Contains(l, "Yến") {
			hers = append(hers, l)
		}
	}
	if len(hers) != 1 || hers[0] != want {
		t.Errorf("Yến's lines in the province's report: %q, want one: %q", hers, want)
	}
	// The sheet: a row for each commune (it adds up with the units sheet
	// commune by commune), her name the same on both, the rows together.
	rows := volunteerRows(t, w, f, "Yến")
	if len(rows) != 2 || rows[0][1] != "Phường An Hội Tây" || rows[0][2] != "2" || rows[1][1] != "Phường Bến Thành" || rows[1][2] != "1" {
		t.Errorf("Yến's rows in the volunteers sheet: %q, want An Hội Tây's 2 cases and Bến Thành's 1", rows)
	}
	ordered, _ := sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	if i := slices.IndexFunc(ordered, func(r []string) bool { return r[0] == "Yến" }); i < 0 || i+1 >= len(ordered) || ordered[i+1][0] != "Yến" {
		t.Errorf("Yến's rows are not together: %q", ordered)
	}
	all, total := sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	sum := 0.0
	for _, r := range all {
		sum += num(t, r[2])
	}
	if sum != 8 || num(t, total[2]) != 8 {
		t.Errorf("the volunteers sheet adds up to %v (totals row %q), want the month's 8 cases", sum, total)
	}

	// A namesake in Bến Thành: the two are told apart, Yến still on one
	// line, her communes named once (the sheet's name holds them).
	other := w.tallyMember("Yến", benThanhCode, storage.RoleVolunteer)
	w.closedCase(other.ID, benThanhCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(21, 9, 0), nov(21, 9, 20))
	text, f = monthTally(t, w, prov, "Tháng này")
	hers = nil
	for _, l := range volunteerLines(t, w, text, "vi") {
		if strings.Contains(l, "Yến") {
			hers = append(hers, l)
		}
	}
	if len(hers) != 2 || hers[0] != want || hers[1] != "• Yến (Phường Bến Thành) – 1" {
		t.Errorf("two Yến, one of them in two communes: %q", hers)
	}
	rows, _ = sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	seen := map[string]string{} // a name: its row's commune
	for _, r := range rows {
		if strings.HasPrefix(r[0], "Yến") {
			if c, ok := seen[r[0]]; ok && c == r[1] {
				t.Errorf("the volunteers sheet has %q twice in %s: %q", r[0], c, rows)
			}
			seen[r[0]] = r[1]
		}
	}
	if len(seen) != 2 {
		t.Errorf("the volunteers sheet names the two Yến %d ways: %q", len(seen), rows)
	}
}

// Review 30, item 2: coordinators who helped residents themselves were
// listed among "the volunteers with most cases" as volunteers: "• Cường –
// 1". A report passed upward says who is a coordinator, by the role they
// have now, in the text and in the volunteers sheet.
func TestReview30ACoordinatorsSayTheirRole(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.closedCase(coord.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(11, 9, 0), nov(11, 9, 20))
	w.closedCase(prov.ID, benThanhCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(12, 9, 0), nov(12, 9, 20))
	cuong := w.vi("tally.volunteer_which", locales.Data{"Name": "Cường", "Which": w.vi("role.coordinator")})
	phuong := w.vi("tally.volunteer_which", locales.Data{"Name": "Phương", "Which": w.vi("role.province_coordinator")})

	text, f := monthTally(t, w, prov, "Tháng này")
	lines := volunteerLines(t, w, text, "vi")
	for _, want := range []string{"• " + cuong + " – 1", "• " + phuong + " – 1", "• An – 2", "• Bình – 2"} {
		if !slices.Contains(lines, want) {
			t.Errorf("the province's report lacks %q: %q", want, lines)
		}
	}
	for _, name := range []string{cuong, phuong} {
		if rows := volunteerRows(t, w, f, name); len(rows) != 1 {
			t.Errorf("the volunteers sheet has %d rows of %q", len(rows), name)
		}
	}

	text, _ = monthTally(t, w, coord, "Tháng này")
	if lines := volunteerLines(t, w, text, "vi"); !slices.Contains(lines, "• "+cuong+" – 1") {
		t.Errorf("the commune's report: %q, want %q", lines, cuong)
	}
	only(t, w.send(coord, "/lang en"))
	text, _ = monthTally(t, w, coord, "This month")
	want := "• " + w.en("tally.volunteer_which", locales.Data{"Name": "Cường", "Which": w.en("role.coordinator")}) + " – 1"
	if lines := volunteerLines(t, w, text, "en"); !slices.Contains(lines, want) {
		t.Errorf("in English: %q, want %q", lines, want)
	}
}

// Review 30, item 3: members removed from the team were numbered in each
// report's order, so the same person was "số 1" in November's report and
// "số 2" in another made the same day: a coordinator comparing the two
// could not follow them. The number is theirs now, in the order they first
// closed a case, whatever report names them, and shown where they are the
// only one too.
func TestReview30ARemovedMembersKeepTheirNumber(t *testing.T) {
	w, an, _ := tallyWorld(t) // An: a case on 20/10, two on 3 and 4/11
	dung := w.tallyMember("Dũng", anHoiTayCode, storage.RoleVolunteer)
	for _, day := range []int{10, 11, 12} {
		w.closedCase(dung.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(day, 9, 0), nov(day, 9, 20))
	}
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	w.removeMember(an)
	w.removeMember(dung)
	removed := w.vi("tally.volunteer_removed")
	nth := func(n int) string {
		return w.vi("tally.volunteer_which", locales.Data{"Name": removed, "Which": w.vi("tally.volunteer_nth", locales.Data{"N": n})})
	}
	anIs, dungIs := nth(1), nth(2) // An closed a case first

	for _, c := range []struct {
		period             string
		anCases, dungCases int
	}{
		{"tháng 11/2026", 2, 3},           // Dũng first in the report's order
		{"20/10/2026 - 10/11/2026", 3, 1}, // An first
		{"tháng 10/2026", 1, 0},           // An alone: still her number, to match the others
	} {
		text, f := typedTally(t, w, coord, c.period, false)
		lines := volunteerLines(t, w, text, "vi")
		for _, want := range []string{"• " + anIs + " – " + strconv.Itoa(c.anCases), "• " + dungIs + " – " + strconv.Itoa(c.dungCases)} {
			if !slices.Contains(lines, want) && !strings.HasSuffix(want, " – 0") {
				t.Errorf("%s: no %q among %q", c.period, want, lines)
			}
		}
		for name, n := range map[string]int{anIs: c.anCases, dungIs: c.dungCases} {
			if rows := volunteerRows(t, w, f, name); n > 0 && (len(rows) != 1 || rows[0][1] != strconv.Itoa(n)) {
				t.Errorf("%s: the volunteers sheet's rows of %q: %q, want one of %d", c.period, name, rows, n)
			}
		}
	}
}

// Found walking the demo as an administrator: the whole country's
// volunteers sheet named each volunteer's commune without its province —
// "Trang | Xã Phú Vinh" — where the units sheet beside it names both, and
// the country has many communes of one name (Xã Tân Sơn, Xã Phú Vinh…):
// a reader could not say where a volunteer works. The country's sheet has
// the province column the units sheet has.
func TestReview30ACountryVolunteersSheetNamesTheProvince(t *testing.T) {
	w, _, _ := tallyWorld(t)     // 27/11/2026: An 2, Bình 2 (An Hội Tây), Chi 1 (Bến Thành), all of Hồ Chí Minh City
	const hanoiCommune = "00004" // Phường Ba Đình, Thành phố Hà Nội
	dung := w.tallyMember("Dũng", hanoiCommune, storage.RoleVolunteer)
	w.closedCase(dung.ID, hanoiCommune, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(11, 9, 0), nov(11, 9, 20))

	_, f := monthTally(t, w, w.admin, "Tháng này")
	units, _ := sheetTotals(t, f, w.vi("tally.sheet_units"))
	province := map[string]string{} // commune: its province, as the units sheet says
	for _, r := range units {
		province[r[1]] = r[0]
	}
	if province["Phường Ba Đình"] == "" || province["Phường An Hội Tây"] == "" {
		t.Fatalf("the units sheet: %q", units)
	}
	all, err := f.GetRows(w.vi("tally.sheet_volunteers"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{w.vi("tally.col_volunteer"), w.vi("tally.col_province"), w.vi("tally.col_commune")}; len(all) == 0 || !slices.Equal(all[0][:min(3, len(all[0]))], want) {
		t.Fatalf("the country's volunteers sheet's header: %q, want it to begin %q", all[0], want)
	}
	rows, total := sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
	for _, r := range rows {
		if province[r[2]] == "" || r[1] != province[r[2]] {
			t.Errorf("the volunteers sheet's row %q: province %q, the units sheet's %q", r, r[1], province[r[2]])
		}
	}
	if len(total) < 4 || total[3] != "6" {
		t.Errorf("the volunteers sheet's totals row %q, want 6 cases in its fourth column", total)
	}
}

// One person's line names at most three communes, the most cases first,
// and sums up the others: a province's coordinator who helped in eight
// communes would otherwise make a line that pushes the report's lists
// down to fit one Telegram message. The sheet keeps every commune's row.
func TestReview30AOnePersonOfManyCommunesStaysOneShortLine(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	communes := []string{"25747", "25750", "25760", "25768", "25771"} // Thủ Dầu Một, Phú Lợi, Bình Dương, Phú An, Chánh Hiệp
	day := 10
	for i, c := range communes {
		for range len(communes) - i { // 5, 4, 3, 2, 1 cases
			w.closedCase(prov.ID, c, "tam-tru", "dossier", "toan-trinh", "submitted", "", nov(day, 9, 0), nov(day, 9, 20))
			day = day%25 + 1
		}
	}
	text, f := monthTally(t, w, prov, "Tháng này")
	name := w.vi("tally.volunteer_which", locales.Data{"Name": "Phương", "Which": w.vi("role.province_coordinator")})
	cc := func(commune string, n int) string {
		return w.vi("tally.volunteer_commune_cases", locales.Data{"Commune": commune, "Count": strconv.Itoa(n)})
	}
	parts := strings.Join([]string{cc("Phường Thủ Dầu Một", 5), cc("Phường Phú Lợi", 4), cc("Phường Bình Dương", 3),
		w.texts.For("vi").N("tally.volunteer_other_communes", 2, locales.Data{"Cases": "3"})}, ", ")
	want := w.vi("tally.volunteer_communes", locales.Data{"Line": "• " + name + " – 15", "Communes": parts})
	if lines := volunteerLines(t, w, text, "vi"); !slices.Contains(lines, want) {
		t.Errorf("the province's report: %q, want %q", lines, want)
	}
	if rows := volunteerRows(t, w, f, name); len(rows) != len(communes) {
		t.Errorf("the volunteers sheet's rows of %q: %q, want one for each of %d communes", name, rows, len(communes))
	}
}
