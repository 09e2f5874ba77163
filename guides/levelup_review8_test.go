package guides

import (
	"strings"
	"testing"
)

// At the login step of the judicial record (and of a driving licence,
// residence, a fine…), the resident's VNeID account is only level 1. The
// fix says to take them to the commune police for level 2 – and its screen
// offered "📖 Lấy lại mật khẩu VNeID" or the QR login, the step's own
// sub-guides, which do not help; the guide that prepares that visit
// ("Kích hoạt VNeID và định danh mức độ 2": what to bring, what the police
// do, how long) was not there. A fix that sends the resident to the police
// for level 2 offers that guide on its screen (the error's sub-guide, or
// the step's).
func TestLevelTwoFixesOfferTheLevelTwoGuide(t *testing.T) {
	c := shippedCatalog(t)
	const levelTwo = "vneid-muc-2"
	if _, ok := c.Guide(levelTwo); !ok {
		t.Fatalf("no %s", levelTwo)
	}
	n := 0
	for _, g := range c.All() {
		if g.ID == levelTwo {
			continue
		}
		for _, s := range g.Steps {
			for _, e := range s.Errors {
				fix := e.Fix.In("vi")
				if !strings.Contains(fix, "công an xã/phường") || !strings.Contains(fix, "mức") || !strings.Contains(e.Label.In("vi")+fix, "mức độ 2") {
					continue
				}
				if strings.Contains(e.Label.In("vi"), "Chủ nhà") {
					continue // the owner's account: the fix is their paper consent, not a visit
				}
				n++
				if e.Subguide != levelTwo && s.Subguide != levelTwo {
					t.Errorf("%s, step %s, error %s (%q): the fix sends the resident to the police for level 2, its screen offers %q", g.ID, s.ID, e.ID, e.Label.In("vi"), firstNonEmpty(e.Subguide, s.Subguide))
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d fixes send the resident to the police for level 2: the test reads them wrong", n)
	}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
