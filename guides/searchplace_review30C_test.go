package guides

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/units"
)

// Review 30: a place typed without its kind read as words of a procedure.
// "Bình Thạnh" alone found "Đăng ký hộ kinh doanh" ("binh" a typo of
// "kinh", "thanh" of "thành lập"), and so did 1,168 of the 3,321 communes'
// names; worse, with a procedure's name it took the procedure's place:
// "khai sinh Ba Đình" found only correcting civil status, "tạm trú ở Hoàn
// Kiếm" the unemployment benefit. A unit's name (storage/units: today's,
// and the wards', districts' and provinces' of before 2025), with or
// without its kind, is where, never what.

// communeNames are today's communes' names as written ("Phường Bình
// Thạnh") and without their kind ("Bình Thạnh").
func communeNames(t *testing.T) (full, bare []string) {
	t.Helper()
	rows, err := units.Rows("communes.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		name := r[2]
		b := name
		for _, kind := range []string{"Phường ", "Xã ", "Đặc khu "} {
			b = strings.TrimPrefix(b, kind)
		}
		full, bare = append(full, name), append(bare, b)
	}
	return full, bare
}

func TestSearchPlaceAloneIsNoProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"binh thanh", "Bình Thạnh", "phường Bình Thạnh", "Gò Vấp", "ở Gò Vấp",
		"Bình Thạnh, Hồ Chí Minh", "quận Gò Vấp TP HCM", "Long Biên", "Ba Đình Hà Nội", "Xã Bảo Lâm", "ở đâu Bình Thạnh", "Ba Dinh ward", "Go Vap district"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.OnlyPlace(q) {
			t.Errorf("Search(%q) = %v, OnlyPlace %v, want nothing: a place names no procedure", q, got, c.OnlyPlace(q))
		}
	}
	// Whom for, with a place, is searched as whom for alone ("cho con":
	// the birth registration first): no place alone then.
	if q := "Bình Thạnh cho con"; !slices.Equal(searchIDs(c, q), searchIDs(c, "cho con")) || c.OnlyPlace(q) {
		t.Errorf("Search(%q) = %v, OnlyPlace %v, want %v as for \"cho con\"", q, searchIDs(c, q), c.OnlyPlace(q), searchIDs(c, "cho con"))
	}
	full, bare := communeNames(t)
	found, named := 0, 0
	for i := range full {
		// A name of one word ("Láng", "Xốp") may be any word: here only
		// with its kind (alone, without it: searchplace_review31D_test.go).
		qs := []string{full[i]}
		if strings.Contains(bare[i], " ") {
			qs = append(qs, bare[i])
		}
		for _, q := range qs {
			got := searchIDs(c, q)
			if len(got) == 0 {
				continue
			}
			// A name that is words of a guide's name too ("Gia Định":
			// "hộ gia đình") is searched as those words.
			if c.isPhrase(words(q)) {
				named++
				continue
			}
			if found++; found <= 10 {
				t.Errorf("Search(%q) = %v, want nothing: a commune's name", q, got)
			}
		}
	}
	if found > 0 {
		t.Errorf("%d communes' names find a procedure", found)
	}
	if named > 20 {
		t.Errorf("%d communes' names are words of a guide's name, want a few", named)
	}
}

func TestSearchProcedureWithAPlaceIsTheProcedure(t *testing.T) {
	c := shippedCatalog(t)
	procedures := []string{"khai sinh", "cư trú", "tạm trú", "lý lịch tư pháp", "đăng ký xe", "hộ chiếu", "thường trú", "căn cước", "khai tử"}
	// P: the procedure; N: the commune's name; B: without its kind.
	forms := []string{"P B", "P ở B", "B P", "P N", "P tại N", "P ở B, Hồ Chí Minh", "N P"}
	want := map[string][]string{}
	for _, p := range procedures {
		want[p] = searchIDs(c, p)
		if len(want[p]) == 0 {
			t.Fatalf("Search(%q) finds nothing", p)
		}
	}
	full, bare := communeNames(t)
	wrong := 0
	for i := range full {
		// Every commune once, the procedures and the forms in turn.
		p := procedures[i%len(procedures)]
		b := bare[i]
		if !strings.Contains(b, " ") { // of one word: with its kind (as above)
			b = full[i]
		}
		q := strings.NewReplacer("P", p, "N", full[i], "B", b).Replace(forms[(i/len(procedures))%len(forms)])
		if got := searchIDs(c, q); !slices.Equal(got, want[p]) {
			if wrong++; wrong <= 10 {
				t.Errorf("Search(%q) = %v, want %v as for %q", q, got, want[p], p)
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d procedures typed with a commune find other than without it", wrong, len(full))
	}
	// The examples of the review, and a district of before 2025.
	for _, tt := range []struct{ query, as string }{
		{"khai sinh phường Bình Thạnh", "khai sinh"},
		{"khai sinh Bình Thạnh", "khai sinh"},
		{"cư trú ở Gò Vấp", "cư trú"},
		{"lý lịch tư pháp cho mẹ ở Bình Thạnh", "lý lịch tư pháp cho mẹ"},
		{"tạm trú quận Gò Vấp", "tạm trú"},
		{"thường trú quận Gò Vấp", "thường trú"},
		{"Gò Vấp đăng ký thường trú", "đăng ký thường trú"},
		{"khai sinh phường 12 Gò Vấp", "khai sinh"},
		{"khai sinh Ba Đình cho con", "khai sinh cho con"},
	} {
		if got, w := searchIDs(c, tt.query), searchIDs(c, tt.as); len(w) == 0 || !slices.Equal(got, w) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, w, tt.as)
		}
	}
}
