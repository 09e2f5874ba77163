package guides

// What a volunteer walking the guides in the bot found wrong (review of
// 2026-11-30): each test failed on the guides as they were.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/vntext"
)

// doi-gplx's and chung-thuc's first step ended "Nếu không cần, dừng ở đây":
// from there the volunteer can only end the case as "could not submit".
// The step says which of the wizard's ways out to take instead – back to
// the checklist and its "not eligible" or "another procedure" – as the
// buttons are labelled.
func TestNeedCheckStepsNameTheWayOut(t *testing.T) {
	c := shippedCatalog(t)
	for _, id := range []string{"doi-gplx", "chung-thuc"} {
		g, ok := c.Guide(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		if len(g.Prerequisites) == 0 {
			t.Fatalf("%s has no checklist: its ways out are not the checklist's", id)
		}
		s := g.Steps[0]
		for _, lang := range []string{"vi", "en"} {
			text := s.Text.In(lang)
			for _, key := range []string{"case.back", "case.not_eligible", "case.other_guide"} {
				if l := label(t, lang, key); !strings.Contains(text, l) {
					t.Errorf("%s, step %s (%s): does not name the button %q", id, s.ID, lang, l)
				}
			}
			if f := strings.ToLower(vntext.Fold(text)); strings.Contains(f, "dung o day") || strings.Contains(f, "stop here") {
				t.Errorf("%s, step %s (%s): still says stop here: %q", id, s.ID, lang, text)
			}
		}
	}
}
