package guides

import (
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/privacy"
)

// Review 22n: searches naming "tên" (a name on a paper, a login name) or
// "name" found nothing: "trên" and "wrong" were words of no guide's names,
// and the VNeID guides had no "tên đăng nhập". Each finds its guide now.
func TestSearchesOfANameOnAPaperFindTheirGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query string
		want  []string // the first found is one of these
	}{
		{"sai tên trên giấy khai sinh", []string{"cai-chinh-ho-tich"}},
		{"sai ten tren giay khai sinh", []string{"cai-chinh-ho-tich"}},
		{"giấy khai sinh bị sai tên", []string{"cai-chinh-ho-tich"}},
		{"sai tên", []string{"cai-chinh-ho-tich"}},
		{"name wrong on birth certificate", []string{"cai-chinh-ho-tich"}},
		{"wrong name on birth certificate", []string{"cai-chinh-ho-tich"}},
		{"tên đăng nhập vneid", []string{"dang-nhap-vneid", "vneid-mat-khau"}},
		{"ten dang nhap vneid", []string{"dang-nhap-vneid", "vneid-mat-khau"}},
		{"quên tên đăng nhập vneid", []string{"vneid-mat-khau", "dang-nhap-vneid"}},
		{"quen ten dang nhap vneid", []string{"vneid-mat-khau", "dang-nhap-vneid"}},
		{"đăng nhập vneid", []string{"dang-nhap-vneid"}},
	} {
		got := c.Search(tt.query)
		if len(got) == 0 || !slices.Contains(tt.want, got[0].ID) {
			var ids []string
			for _, g := range got {
				ids = append(ids, g.ID)
			}
			t.Errorf("Search(%q) = %v, want one of %v first", tt.query, ids, tt.want)
		}
	}
}

// Review 22n: an English kin word or title before a capitalised given name
// is now a name ("my mother Lan", "Mrs Hoa"). The guides' English texts —
// what a volunteer may copy into a search or a note — name no one by it.
func TestGuideEnglishTextsNameNoOne(t *testing.T) {
	c := shippedCatalog(t)
	n := 0
	for _, g := range c.All() {
		texts := append([]string{g.Title.En, g.Description.En}, g.Aliases...)
		for _, s := range g.Steps {
			texts = append(texts, s.Title.En, s.Text.En, s.Tip.En)
			for _, e := range s.Errors {
				texts = append(texts, e.Label.En)
			}
		}
		for _, text := range texts {
			if text == "" {
				continue
			}
			n++
			if rest, dropped := privacy.WithoutIdentity(text); dropped {
				t.Errorf("%s: %q is searched as %q", g.ID, text, rest)
			}
		}
	}
	if n < 300 {
		t.Fatalf("only %d texts of the guides read", n)
	}
}
