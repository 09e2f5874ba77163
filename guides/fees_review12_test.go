package guides

// What the monthly source check of 2026-12-01 found (review 12).

import (
	"strings"
	"testing"
)

// the-can-cuoc's short fee – said on the consent screen and the checklist
// before the resident submits – gave only the 2026 half rates, "until
// 2026-12-31". The half rate of Circular 64/2025/TT-BTC ends then, and no
// circular extending it into 2027 was found on 2026-12-01 (the guide's
// unconfirmed.fee). From 2027-01-01 a volunteer would read a short fee that
// no longer applies, with nothing in it for the rate that does (Circular
// 73/2024/TT-BTC: 50,000 đ exchange, 70,000 đ reissue) until someone edits
// the guide. The short fee gives both, so it stays true across the change.
func TestIDCardShortFeeGivesTheRateFrom2027(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("the-can-cuoc")
	if !ok {
		t.Fatal("no the-can-cuoc")
	}
	for lang, want := range map[string][]string{
		"vi": {"25.000", "35.000", "2027", "50.000", "70.000"},
		"en": {"25,000", "35,000", "2027", "50,000", "70,000"},
	} {
		short := g.FeeShort.In(lang)
		for _, w := range want {
			if !strings.Contains(short, w) {
				t.Errorf("%s: fee_short does not say %q: %q", lang, w, short)
			}
		}
		// The 2027 rates are the ones the long fee gives from 2027-01-01.
		for _, w := range want[3:] {
			if !strings.Contains(g.Fee.In(lang), w) {
				t.Errorf("%s: fee_short says %q but the fee does not: %q", lang, w, g.Fee.In(lang))
			}
		}
	}
}
