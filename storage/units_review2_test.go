package storage_test

// Commune search found in review: each test fails before its fix.

import (
	"context"
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A volunteer types the city before the district, the way addresses are
// often said ("TP HCM, Quận 1"). The four communes that took in the wards of
// old Quận 1 must come first, as they do for "quan 1 tp hcm": not after the
// communes that took in a "Phường 1" of Quận 3, 4, 5, 6, 8, 10 and 11 (each
// word of those labels is whole too, but "1" there is the ward's number, not
// the district's). With the eight results the invite flow shows, three of
// the four Quận 1 communes are not on screen at all.
func TestSearchCommunesCityThenDistrict(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	quan1 := []string{"26737", "26740", "26743", "26758"}
	for _, c := range []struct{ q, province string }{
		{"tp hcm quan 1", ""},
		{"hcm q1", ""},
		{"TP.HCM, Q.1", ""},
		{"ho chi minh quan 1", ""},
		{"tp hcm quan 1", "79"}, // within the city: the same
	} {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, c.q, c.province, 8)
			return err
		})
		if len(ms) < len(quan1) {
			t.Errorf("SearchCommunes(%q, %q) = %v, want at least %d results", c.q, c.province, codes(ms), len(quan1))
			continue
		}
		first := codes(ms[:len(quan1)])
		slices.Sort(first)
		if !slices.Equal(first, quan1) {
			t.Errorf("SearchCommunes(%q, %q) lists first %v, want the communes of old Quận 1 %v; all:\n%s",
				c.q, c.province, codes(ms[:len(quan1)]), quan1, labels(ms))
		}
	}
}
