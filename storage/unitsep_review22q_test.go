package storage_test

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
	"github.com/dvcbot/dvcbot/vntext"
)

// Review 22q: the searched text of a name ran its parts together ("Phường
// Tân Bình, Thành phố Hồ Chí Minh" folded to "phuong tan binh thanh pho
// ho chi minh"), so the typed words in their order matched across the gap
// between a commune's name and its province: "binh thanh" found "Phường
// Tân Bình, Thành phố…" and "Xã Thọ Bình, Thanh Hóa" as well as the wards
// of old Quận Bình Thạnh, which the limit of 8 then left out. A match in
// order may still run over whole parts ("Quận 3, TP HCM"), not begin a
// part it does not finish.
func TestSearchCommunesKeepsNameApartFromProvince(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	search := func(q, province string, limit int) []storage.CommuneMatch {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, q, province, limit)
			return err
		})
		return ms
	}
	binhThanh := []string{"Phường Bình Lợi Trung", "Phường Bình Quới", "Phường Gia Định", "Phường Thạnh Mỹ Tây"}
	// In the province within the 8 that invites and cases show; across
	// the country within the admin's 50.
	for province, limit := range map[string]int{"79": 8, "": 50} {
		ms := search("binh thanh", province, limit)
		for _, want := range binhThanh {
			if !slices.ContainsFunc(ms, func(m storage.CommuneMatch) bool { return m.Name == want && m.ProvinceCode == "79" }) {
				t.Errorf("SearchCommunes(binh thanh, %q, %d) lacks %s:\n%s", province, limit, want, labels(ms))
			}
		}
		ms = search("binh thanh", province, 50)
		var best int
		for _, m := range ms {
			if strings.Contains(m.Label, "Quận Bình Thạnh") {
				best = max(best, m.Rank)
			}
		}
		for _, m := range ms {
			if crossing(m.Label, "binh thanh") && m.Rank <= best {
				t.Errorf("SearchCommunes(binh thanh, %q): %q (rank %d) matches across its parts as well as the wards of Quận Bình Thạnh (rank %d)", province, m.Label, m.Rank, best)
			}
		}
	}
	ms := search("an phu", "", 50)
	for _, m := range ms {
		if crossing(m.Label, "an phu") {
			t.Errorf("SearchCommunes(an phu) = … %q (rank %d), the words only across its parts:\n%s", m.Label, m.Rank, labels(ms))
			break
		}
	}
	// In order over whole parts still matches in order.
	for _, q := range []string{"Quận 3, TP HCM", "phuong 1 quan 3", "tan binh tp hcm"} {
		ms := search(q, "", 8)
		if len(ms) == 0 || ms[0].Rank > 1 {
			t.Errorf("SearchCommunes(%q) does not match in order:\n%s", q, labels(ms))
		}
	}
}

// crossing says whether the typed words in their order are in a label only
// across the ", " between its parts.
func crossing(label, typed string) bool {
	parts := strings.Split(label, ", ")
	for i := range parts {
		parts[i] = " " + strings.Join(vntext.Words(parts[i]), " ") + " "
		if strings.Contains(parts[i], " "+typed+" ") {
			return false
		}
	}
	return strings.Contains(" "+strings.Join(vntext.Words(label), " ")+" ", " "+typed+" ")
}

// A database seeded with the searched text run together gets it apart at
// the next start.
func TestSeedSeparatesTheSearchedParts(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	db := st.DB()
	if _, err := db.Exec(`UPDATE commune_names SET search = replace(search, ' | ', ' ')`); err != nil {
		t.Fatal(err)
	}
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	var search string
	if err := db.Get(&search, `SELECT search FROM commune_names WHERE label = 'Phường Tân Bình, Thành phố Hồ Chí Minh' AND is_current`); err != nil {
		t.Fatal(err)
	}
	if search != " phuong tan binh | thanh pho ho chi minh " {
		t.Errorf("after a start, Phường Tân Bình is searched as %q", search)
	}
}
