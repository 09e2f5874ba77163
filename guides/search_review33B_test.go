package guides

import (
	"slices"
	"testing"
)

// Review 33B: "cấp số định danh cho trẻ" — a child's personal ID number,
// typed with or without marks — listed the vehicle registration ("biển
// số định danh", a plate's) and the VNeID password guide by look-alike
// words, while "định danh cho trẻ" and "định danh cho con" found the
// VNeID guide whose steps cover a parent registering a child under 14.
// "Số định danh" of a child is that child's identity, not a plate: it
// finds what "định danh cho trẻ" finds.
func TestReview33BChildsIDNumber(t *testing.T) {
	c := shippedCatalog(t)
	want := searchIDs(c, "định danh cho trẻ")
	if len(want) == 0 || want[0] != "vneid-muc-2" {
		t.Fatalf("Search(%q) = %v, want vneid-muc-2 first", "định danh cho trẻ", want)
	}
	for _, tt := range []struct{ query, as string }{
		{"cap so dinh danh cho tre", "cap dinh danh cho tre"}, {"cấp số định danh cho trẻ", "cấp định danh cho trẻ"},
		{"số định danh cho trẻ", "định danh cho trẻ"}, {"so dinh danh cho con", "dinh danh cho con"},
		{"số định danh cho con", "định danh cho con"}, {"cấp số định danh cho trẻ sơ sinh", "định danh cho trẻ sơ sinh"},
		{"xin số định danh cho bé", "xin định danh cho bé"}, {"lam so dinh danh cho con", "lam dinh danh cho con"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.as)
		if len(want) == 0 || want[0] != "vneid-muc-2" || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
	// A plate's "biển số định danh" is still the vehicle registration.
	for _, q := range []string{"biển số định danh", "bien so dinh danh", "biển số định danh cho con"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "dang-ky-xe" {
			t.Errorf("Search(%q) = %v, want dang-ky-xe first", q, got)
		}
	}
}
