package handlers_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A province's volunteers sheet names the commune of each volunteer's
// cases, so that it adds up with the units sheet commune by commune. Bình
// logged 2 cases in An Hội Tây in November and then moved to Bến Thành;
// An, with 2 more, was removed from the team. The sheet put Bình's cases
// in Bến Thành (their commune now: 3 cases there, against 1 in the units
// sheet) and An's in no commune at all — in the month's rollups (a whole
// month of a province) as in the cases (a span within it). Now each has a
// line per commune (An's too, though removed, shown as a former member),
// under one name since review 30.
func TestProvinceVolunteersSheetNamesTheCasesCommune(t *testing.T) {
	w, an, binh := tallyWorld(t) // 27/11/2026
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, binh.ID, "Bình", benThanhCode, storage.RoleVolunteer)
	}); err != nil {
		t.Fatal(err)
	}
	// Bình's first case in Bến Thành; one of An's there (An helped out).
	w.closedCase(binh.ID, benThanhCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(20, 9, 0), nov(20, 9, 10))
	w.closedCase(an.ID, benThanhCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(21, 9, 0), nov(21, 9, 10))
	w.removeMember(an)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, period := range []string{"Tháng này", "từ 2/11 đến nay"} {
		_, f := typedTally(t, w, prov, period, period == "Tháng này")
		units, _ := sheetTotals(t, f, w.vi("tally.sheet_units"))
		want := map[string]float64{}
		for _, r := range units {
			want[r[1]] += num(t, r[2])
		}
		vols, _ := sheetTotals(t, f, w.vi("tally.sheet_volunteers"))
		got := map[string]float64{}
		for _, r := range vols {
			got[r[1]] += num(t, r[2])
		}
		for commune, n := range got {
			if want[commune] != n {
				t.Errorf("%s: the volunteers sheet has %v cases in %q, the units sheet %v: %q", period, n, commune, want[commune], vols)
			}
		}
		lines := map[string]string{}
		for _, r := range vols {
			lines[r[0]+" – "+r[1]] = r[2]
		}
		// One person's rows bear one name (review 30: each told apart by
		// its commune, they read as two people), a former member's with
		// their own number.
		for line, n := range map[string]string{"Tình nguyện viên không còn trong đội (số 1) – Phường An Hội Tây": "2", "Tình nguyện viên không còn trong đội (số 1) – Phường Bến Thành": "1", "Bình – Phường An Hội Tây": "2",
			"Bình – Phường Bến Thành": "1", "Chi – Phường Bến Thành": "1"} {
			if lines[line] != n {
				t.Errorf("%s: %q has %q cases, want %s: %q", period, line, lines[line], n, vols)
			}
		}
	}
}
