package guides

import (
	"strings"
	"testing"
)

// Review 23n: a step that first asks whether the procedure is needed at
// all sent the volunteer to "✕ Không đủ điều kiện" when it is not (the
// card in VNeID suffices, no certified copy is needed…): good advice
// counted as a case not done. The checklist has "✓ Không cần làm thủ
// tục" for it now; those steps name it first — "✕ Không đủ điều kiện"
// stays only for a resident who may not have the procedure (an expired
// car licence: a retest) or as the way out of a wrong pick — and the
// steps of real ineligibility keep "✕ Không đủ điều kiện" alone.
func TestNotNeededStepsNameTheAdvisedEnd(t *testing.T) {
	c := shippedCatalog(t)
	buttons := map[string][2]string{
		"vi": {`"✓ Không cần làm thủ tục"`, `"✕ Không đủ điều kiện"`},
		"en": {`"✓ No procedure needed"`, `"✕ Not eligible"`},
	}
	for _, id := range []string{"cap-lai-the-bhyt", "chung-thuc", "doi-gplx", "xac-nhan-cu-tru", "dang-ky-ho-kinh-doanh"} {
		g, ok := c.Guide(id)
		if !ok {
			t.Fatalf("no guide %s", id)
		}
		s := g.Steps[0]
		for lang, b := range buttons {
			text := s.Text.In(lang) + "\n" + s.Tip.In(lang)
			if !strings.Contains(text, b[0]) {
				t.Errorf("%s (%s): step 1 does not name %s as the end of a case that needs no procedure: %q", id, lang, b[0], text)
			}
			// "✕" only as a wrong pick's way out (then "➕ Ca mới") or
			// for a retest.
			for rest := text; strings.Contains(rest, b[1]); {
				_, rest, _ = strings.Cut(rest, b[1])
				next := rest[:min(len(rest), 40)]
				if !strings.Contains(next, `"➕`) && !strings.Contains(next, "sát hạch") && !strings.Contains(next, "retest") {
					t.Errorf("%s (%s): step 1 names %s for something else than a wrong pick or a retest: …%s%s", id, lang, b[1], b[1], next)
				}
			}
		}
	}
	for _, id := range []string{"tro-cap-that-nghiep", "cai-chinh-ho-tich"} {
		g, ok := c.Guide(id)
		if !ok {
			t.Fatalf("no guide %s", id)
		}
		for _, s := range g.Steps {
			for lang, b := range buttons {
				text := s.Text.In(lang) + "\n" + s.Tip.In(lang)
				if strings.Contains(text, b[0]) {
					t.Errorf("%s (%s), step %s: a resident not eligible sent to %s", id, lang, s.ID, b[0])
				}
			}
		}
	}
}
