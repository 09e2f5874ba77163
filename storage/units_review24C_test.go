package storage_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Thừa Thiên Huế became Thành phố Huế on 2025-01-01, before the 2025
// merger, so the merger's list knows only "Thành phố Huế" as the old
// province: coordinators still type the name they used for decades, and
// /tally answered "I could not read that period".
func TestProvinceNamedThuaThienHue(t *testing.T) {
	for _, text := range []string{"thua thien hue", "Thừa Thiên Huế", "tinh thua thien hue", "thua thien-hue", "Thừa Thiên - Huế"} {
		m, ok, err := storage.ProvinceNamed(text)
		if err != nil {
			t.Fatal(err)
		}
		if !ok || m.Province.Name != "Thành phố Huế" || m.Old != "Thừa Thiên Huế" {
			t.Errorf("ProvinceNamed(%q) = %+v, %v; want Thành phố Huế, formerly Thừa Thiên Huế", text, m, ok)
		}
	}
	// The city's own name is still the city's, with no old name.
	if m, ok, _ := storage.ProvinceNamed("thanh pho hue"); !ok || m.Old != "" {
		t.Errorf("ProvinceNamed(thanh pho hue) = %+v, %v", m, ok)
	}
}

// The English version's coordinators write a unit's kind in English:
// "Ward 12 Go Vap", "Go Vap ward", "District 3". Their kind words were
// read as names' words, and found nothing ("I could not read that
// period").
func TestSearchCommunesEnglishKinds(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	for _, c := range []struct {
		q    string
		want []string // every name found, sorted
	}{
		{"Ward 12 Go Vap", []string{"Phường An Hội Tây"}},
		{"Go Vap ward 12", []string{"Phường An Hội Tây"}},
		{"District 3", []string{"Phường Bàn Cờ", "Phường Nhiêu Lộc", "Phường Xuân Hòa"}},
		{"Ben Thanh Ward", []string{"Phường Bến Thành"}},
	} {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, c.q, "", 50)
			return err
		})
		var names []string
		for _, m := range ms {
			names = append(names, m.Name)
		}
		slices.Sort(names)
		if !slices.Equal(names, c.want) {
			t.Errorf("SearchCommunes(%q) = %q, want %q:\n%s", c.q, names, c.want, labels(ms))
		}
	}
}
