package guides

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/vntext"
)

// Review 31, leftover 1: a unit's name of one word typed alone ("Láng",
// "Vinh", "Huế") was read as words of a procedure: "Láng" found nineteen
// guides ("lang" a look-alike of "làm", "đăng"…), "Vinh" twelve, and
// "Huế" was "no procedure matches, try fewer words". A name of one word
// is kept out of a query with other words (it may be any syllable: "ở
// làng", "lang thang"), but typed alone — or with fillers, a preposition,
// its province or its kind after it — it is where, not what: the
// volunteer is asked which procedure. Not a number nor a Roman numeral
// ("12": Phường 12 only with its kind), nor a word typed without marks
// that a guide's name holds or whom a procedure is for ("con", "ba",
// "thanh", "dong" of "đóng"): those are searched as before.

// oneWordNames are the units' names of one word as written (storage/units,
// as placeNames reads them), numbers and Roman numerals left out.
func oneWordNames(t *testing.T) []string {
	t.Helper()
	names, _ := placeNames()
	var out []string
	for key, written := range names {
		if strings.Contains(key, " ") || numbered(key) {
			continue
		}
		for _, w := range written {
			if !numbered(strings.ToLower(w)) {
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	if len(out) < 50 {
		t.Fatalf("%d units' names of one word, want more", len(out))
	}
	return out
}

func TestReview31DOneWordPlaceAloneIsNoProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"Láng", "Lang", "láng", "Vinh", "Huế", "Hue", "Xốp", "Láng, Hà Nội", "Láng ở đâu", "Vinh Nghệ An",
		"Huế ward", "tphcm", "Kbang", "Ngọc Hà", "phường Láng"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.OnlyPlace(q) {
			t.Errorf("Search(%q) = %v, OnlyPlace %v, want nothing: a place alone", q, got, c.OnlyPlace(q))
		}
	}
	// Every unit's name of one word typed alone, as written: a place, but
	// a word typed without marks that a guide's name holds ("Thanh",
	// "Trang", "Phan", "Dang", "Ba", "Bo": thanh toán, tình trạng, bố).
	searched := 0
	for _, name := range oneWordNames(t) {
		plain := vntext.Fold(name) == strings.ToLower(name)
		if plain && !c.lonePlaceWord(words(name)[0]) {
			searched++
			if c.OnlyPlace(name) {
				t.Errorf("OnlyPlace(%q), a word of guides typed without marks", name)
			}
			continue
		}
		if got := searchIDs(c, name); len(got) > 0 || !c.OnlyPlace(name) {
			t.Errorf("Search(%q) = %v, OnlyPlace %v, want nothing: a unit's name alone", name, got, c.OnlyPlace(name))
		}
		// Typed without its marks, as volunteers often type, unless a
		// guide's word is spelt so ("Cồn": "con", "Lâm": "lam" làm).
		if fold := vntext.Fold(name); !plain && c.lonePlaceWord(fold) {
			if got := searchIDs(c, fold); len(got) > 0 || !c.OnlyPlace(fold) {
				t.Errorf("Search(%q) = %v, OnlyPlace %v, want nothing: %s typed without marks", fold, got, c.OnlyPlace(fold), name)
			}
		}
	}
	if searched > 12 {
		t.Errorf("%d units' names of one word are searched as words, want a few", searched)
	}
	// Searched as before: a number, whom for, a guide's own words, and
	// a one-word name with a procedure or other words.
	for _, tt := range []struct{ query, as string }{
		{"con", ""}, {"ba", ""}, {"12", ""}, {"thanh toán", ""}, {"đóng", ""}, {"dong", ""},
		{"khai sinh phường Láng", "khai sinh"}, {"tạm trú ở Láng", "tạm trú"}, {"khai sinh Huế", "khai sinh"},
		{"làng", ""}, {"lang thang", ""}, {"ở làng", ""},
	} {
		if c.OnlyPlace(tt.query) {
			t.Errorf("OnlyPlace(%q): no place alone", tt.query)
		}
		if tt.as != "" && !slices.Equal(searchIDs(c, tt.query), searchIDs(c, tt.as)) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, searchIDs(c, tt.query), searchIDs(c, tt.as), tt.as)
		}
	}
}
