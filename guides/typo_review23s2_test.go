package guides

import "testing"

// Review 23s2: a typo's best reading did not come first. "kahi tu" (khai
// tử with two letters swapped) listed the birth registration first and the
// death registration third; "dang ky thuong chu" (the common tr/ch
// mix-up) listed the birth registration above the permanent residence.
// Words that, typos read, are a phrase of a guide's name rank it first.
func TestTypoPhraseFirst(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"kahi tu", "khai-tu"},
		{"kahi sinh", "khai-sinh"},
		{"dang ky thuong chu", "thuong-tru"},
		{"thuong chu", "thuong-tru"},
		{"dang ky tam chu", "tam-tru"},
		{"khai tu", "khai-tu"},
		{"chữ ký số", "chu-ky-so"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}
