package guides

import (
	"slices"
	"testing"
)

// Review 29: whom a procedure is for, typed with no procedure, is read as
// that person — a child too ("con tôi", "bé nhà tôi", "my kid": Search
// finds nothing, and "con tôi" was told to type fewer words) — and the
// catalog says what is most often done for them, best first: the
// volunteer is offered those guides to tap, not examples about a wife, a
// husband and a mother whoever was typed.
func TestReview29ForWhomNamesThePerson(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ q, want string }{
		{"con tôi", PersonChild},
		{"cho con tôi", PersonChild},
		{"con tôi cần làm gì", PersonChild},
		{"con gái tôi", PersonChild},
		{"bé nhà tôi", PersonChild},
		{"cho em bé", PersonChild},
		{"my child", PersonChild},
		{"for my kid", PersonChild},
		{"cho mẹ tôi", PersonParent},
		{"bố tôi cần làm gì", PersonParent},
		{"ông tôi", PersonParent},
		{"cho bà", PersonParent},
		{"my mother", PersonParent},
		{"cho chồng", PersonSpouse},
		{"vợ tôi", PersonSpouse},
		{"vợ chồng", PersonSpouse},
		{"my husband", PersonSpouse},
		// A procedure, a question of one, a foreign spouse: not whom alone.
		{"con", ""}, // the birth registration
		{"khai sinh cho con", ""},
		{"hộ chiếu cho con gái", ""},
		{"con tôi phí bao nhiêu", ""},
		{"chồng Hàn", ""},
		{"abcxyz", ""},
	} {
		if got := c.ForWhom(tt.q); got != tt.want {
			t.Errorf("ForWhom(%q) = %q, want %q", tt.q, got, tt.want)
		}
		if got := c.ForWhomOnly(tt.q); got != (tt.want != "") {
			t.Errorf("ForWhomOnly(%q) = %v, want %v", tt.q, got, tt.want != "")
		}
		if tt.want != "" && len(c.Search(tt.q)) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", tt.q, searchIDs(c, tt.q))
		}
	}
	// A son or a daughter named with the procedure finds it.
	for _, tt := range []struct{ q, want string }{
		{"hộ chiếu cho con gái", "ho-chieu"},
		{"căn cước cho con trai tôi", "the-can-cuoc"},
	} {
		if got := searchIDs(c, tt.q); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.q, got, tt.want)
		}
	}
}

func TestReview29ForWhomGuidesFitThePerson(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		person string
		want   []string
	}{
		{PersonChild, []string{"khai-sinh", "the-can-cuoc", "ho-chieu", "trich-luc-ho-tich"}},
		{PersonParent, []string{"the-can-cuoc", "bhyt-ho-gia-dinh", "vneid-muc-2", "khai-tu"}},
		{PersonSpouse, []string{"ket-hon", "thuong-tru", "tam-tru", "khai-tu"}},
	} {
		var got []string
		for _, g := range c.ForWhomGuides(tt.person) {
			got = append(got, g.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ForWhomGuides(%s) = %v, want %v", tt.person, got, tt.want)
		}
	}
	if gs := c.ForWhomGuides("someone"); len(gs) != 0 {
		t.Errorf("ForWhomGuides(someone) = %d guides, want none", len(gs))
	}
}
