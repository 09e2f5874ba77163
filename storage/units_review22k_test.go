package storage_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Review 22k, item 2: a search that finds names holding the typed words
// in their order no longer pads them with names that hold them only
// apart: "quan 3" found the three communes of old Quận 3, then those of a
// "Phường 3" of Quận 4, 5, 6, 8, 11…; "ben thanh" found Phường Bến Thành,
// then the communes of the old Thành phố Bến Cát. A name found only so
// ("Phường 12, Gò Vấp") is still found.
func TestSearchCommunesDropsLooserMatches(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	quan3 := []string{"Phường Bàn Cờ", "Phường Nhiêu Lộc", "Phường Xuân Hòa"}
	for _, c := range []struct {
		q, province string
		want        []string // every name found, sorted
	}{
		{"quan 3", "", quan3},
		{"q3", "79", quan3},
		{"Quận 3, TP HCM", "", quan3},
		{"ben thanh", "", []string{"Phường Bến Thành"}},
		{"Bến Thành", "79", []string{"Phường Bến Thành"}},
		{"phuong 12 go vap", "", []string{"Phường An Hội Tây"}},
		{"Phường 12, Gò Vấp", "", []string{"Phường An Hội Tây"}},
	} {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, c.q, c.province, 50)
			return err
		})
		var names []string
		for _, m := range ms {
			names = append(names, m.Name)
		}
		slices.Sort(names)
		if !slices.Equal(names, c.want) {
			t.Errorf("SearchCommunes(%q, %q) = %q, want %q:\n%s", c.q, c.province, names, c.want, labels(ms))
		}
	}
	// Matched whole in the commune's own name and in an old name are one
	// kind of match: "go vap" finds Phường Gò Vấp and the communes that
	// took in the wards of old Quận Gò Vấp.
	var ms []storage.CommuneMatch
	inTx(t, st, func(tx *storage.Tx) (err error) {
		ms, err = tx.SearchCommunes(ctx, "go vap", "", 50)
		return err
	})
	if len(ms) < 2 || ms[0].Name != "Phường Gò Vấp" || !slices.ContainsFunc(ms, func(m storage.CommuneMatch) bool { return m.Code == anHoiTay }) {
		t.Errorf("go vap:\n%s", labels(ms))
	}
}
