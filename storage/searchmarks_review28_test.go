package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A name typed with its marks ("Lân") listed first the communes whose
// names only fold alike (Xã Mường Lạn, Phường Tự Lạn), Xã Tân Lân and Xã
// Lân Phong after them: the names holding the word as typed come first now,
// in the same kind of match. Typed without marks, the order is as before.
func TestSearchCommunesMarkedWordsFirst(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	search := func(q string) []storage.CommuneMatch {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, q, "", 9)
			return err
		})
		return ms
	}
	marked := search("Lân")
	if len(marked) < 3 {
		t.Fatalf("Lân: %d communes", len(marked))
	}
	names := func(ms []storage.CommuneMatch) (out []string) {
		for _, m := range ms {
			out = append(out, m.Label)
		}
		return out
	}
	want := map[string]bool{"Xã Tân Lân, Tây Ninh": true, "Xã Lân Phong, Quảng Ngãi": true}
	for _, m := range marked[:2] {
		if !want[m.Label] {
			t.Fatalf("Lân: %q, want Tân Lân and Lân Phong first", names(marked))
		}
	}
	for _, q := range []string{"lân", "LÂN"} {
		if got := search(q); got[0].Label != marked[0].Label || got[1].Label != marked[1].Label {
			t.Errorf("%s: %q, want as Lân: %q", q, names(got), names(marked))
		}
	}
	// Without marks: the shortest current names first, as before.
	if bare := search("lan"); bare[0].Label != "Xã Mường Lạn, Sơn La" {
		t.Errorf("lan: %q", names(bare))
	}
}
