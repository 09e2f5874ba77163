package guides

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/privacy"
)

// Review 22g: notes and searches are now refused, or searched without the
// part, when they name a person ("tên Hùng"), a year of birth or a street
// address. A guide's own words, typed by a volunteer as a search or in a
// note (its title, aliases, steps' titles and errors' labels: "cải chính
// họ tên", "Quên tên đăng nhập", "Sai địa chỉ"), must be none of these.
func TestGuideWordsAreNoIdentity(t *testing.T) {
	c := shippedCatalog(t)
	n := 0
	for _, g := range c.All() {
		texts := append([]string{g.Title.Vi, g.Title.En}, g.Aliases...)
		for _, s := range g.Steps {
			texts = append(texts, s.Title.Vi, s.Title.En)
			for _, e := range s.Errors {
				texts = append(texts, e.Label.Vi, e.Label.En)
			}
		}
		for _, text := range texts {
			if text == "" {
				continue
			}
			n++
			if p := privacy.PersonalData(text); p == "date" {
				t.Errorf("%s: %q is taken for a date or year of birth", g.ID, text)
			}
			if privacy.Address(text) {
				t.Errorf("%s: %q is taken for an address", g.ID, text)
			}
			if rest, dropped := privacy.WithoutIdentity(text); dropped {
				t.Errorf("%s: %q is searched as %q", g.ID, text, rest)
			}
			if privacy.NamesPerson(text) && !strings.Contains(text, "Nguyễn Văn A") {
				t.Errorf("%s: %q is taken for a name", g.ID, text)
			}
		}
	}
	if n < 300 {
		t.Fatalf("only %d texts of the guides read", n)
	}
}
