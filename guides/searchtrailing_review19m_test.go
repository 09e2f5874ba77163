package guides

import "testing"

// A preposition typed last, with nothing after it — the volunteer sent the
// message before the place, or meant "where" — names no place and no
// guide: "tạm trú tại" found tam-tru before the place rule of review 19h
// (which cut "tại" as a place's start) and nothing after it.
func TestSearchDropsAPrepositionTypedLast(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"tạm trú tại", "tam-tru"},
		{"tam tru tai", "tam-tru"},
		{"đăng ký khai sinh ở", "khai-sinh"},
		{"passport at", "ho-chieu"},
		{"temporary residence in", "tam-tru"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}
