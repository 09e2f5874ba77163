package guides

// What the check of the guides' legal leads on 2026-12-01 (review 15) found.

import (
	"strings"
	"testing"
)

// the-can-cuoc's short fee – the line the consent screen and the checklist
// put before the volunteer – read "Đổi 25.000/cấp lại 35.000 đ (2027:
// 50.000/70.000) hoặc miễn". The 2026 half rates of Circular 64/2025/TT-BTC
// came first and carried no period: on 2027-01-02 a volunteer reading the
// line from the left tells the resident 25,000 đ, a rate that ended on
// 2026-12-31. Each rate in the short fee says the period it applies to, the
// one that ends first before the one that follows it: "2026" before the half
// rates, "từ 2027" ("from 2027") before the Circular 73/2024/TT-BTC rates.
func TestIDCardShortFeeSaysThePeriodOfEachRate(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("the-can-cuoc")
	if !ok {
		t.Fatal("no the-can-cuoc")
	}
	for lang, periods := range map[string][][2]string{
		"vi": {{"2026", "25.000"}, {"2026", "35.000"}, {"từ 2027", "50.000"}, {"từ 2027", "70.000"}},
		"en": {{"2026", "25,000"}, {"2026", "35,000"}, {"from 2027", "50,000"}, {"from 2027", "70,000"}},
	} {
		short := g.FeeShort.In(lang)
		for _, p := range periods {
			label, amount := strings.Index(short, p[0]), strings.Index(short, p[1])
			if label < 0 || amount < 0 || label > amount {
				t.Errorf("%s: fee_short does not say %q before %q: %q", lang, p[0], p[1], short)
			}
		}
		// The half rates come first, and end where the 2027 period begins.
		next := strings.Index(short, periods[2][0])
		for _, p := range periods[:2] {
			if a := strings.Index(short, p[1]); next < 0 || a > next {
				t.Errorf("%s: %q is not before %q: %q", lang, p[1], periods[2][0], short)
			}
		}
	}
}
