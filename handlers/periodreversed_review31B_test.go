package handlers

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 31B, item 2: a range whose end comes before its start, years
// left out, ran into the next year: "1/11 - 30/10" typed on 3/12/2026
// was counted 01/11/2026 – 30/10/2027, "tháng 11 - tháng 9" November to
// September of the next year. Only a range from the year's second half
// into its first runs over the new year ("15/12-10/1", "1/9 - 31/5",
// "quý 3 - quý 2"); any other end before its start is typed backwards
// (or one number mistyped: "1/11 - 30/10" is as likely "1/10 - 30/10" as
// "30/10 - 1/11"), and refused as such, with how to type it.
func TestParsePeriodEndBeforeStart(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"1/11 - 30/10", now, "", "", "tally.period_reversed"},
		{"1/11 đến 30/10", now, "", "", "tally.period_reversed"},
		{"từ 15/11 đến 2/8", now, "", "", "tally.period_reversed"},
		{"1/11-30/10/2026", now, "", "", "tally.period_reversed"},
		{"1/11/2025-30/10", now, "", "", "tally.period_reversed"},
		{"tháng 11 - tháng 9", now, "", "", "tally.period_reversed"},
		{"T11-T9", now, "", "", "tally.period_reversed"},
		{"quý 4 - quý 3", now, "", "", "tally.period_reversed"},
		{"quý 2 - quý 1", now, "", "", "tally.period_reversed"},
		{"1/6 - 31/5", now, "", "", "tally.period_reversed"},
		// Over the new year: read so.
		{"15/12-10/1", atVN(2027, 1, 5), "15/12/2026", "10/01/2027", ""},
		{"15/12-10/1/2026", now, "15/12/2025", "10/01/2026", ""},
		{"1/9 - 31/5", now, "01/09/2026", "31/05/2027", ""},
		{"1/7 - 30/6", now, "01/07/2026", "30/06/2027", ""},
		{"1/11/2025-30/10/2026", now, "01/11/2025", "30/10/2026", ""},
		{"tháng 12 - tháng 2", atVN(2027, 3, 1), "01/12/2026", "28/02/2027", ""},
		{"quý 3 - quý 2", now, "01/07/2026", "30/06/2027", ""},
		{"quý 4/2025 - quý 1/2026", now, "01/10/2025", "31/03/2026", ""},
		// A range the right way round, unchanged.
		{"1/10 - 30/11", now, "01/10/2026", "30/11/2026", ""},
		{"30/11 - 1/11", now, "", "", "tally.period_reversed"},
	})
}

// The answer to a range typed backwards shows how to type one: its
// examples, in both languages, are periods.
func TestPeriodReversedExamplesParse(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	now := atVN(2026, 12, 3)
	for lang, examples := range map[string][]string{
		"vi": {"01/10-30/11", "T9-T11", "01/11/2025-31/10/2026"},
		"en": {"01/10-30/11", "9/2026-11/2026", "01/11/2025-31/10/2026"},
	} {
		text := texts.For(lang).T("tally.period_reversed")
		for _, ex := range examples {
			if !strings.Contains(text, ex) {
				t.Errorf("%s: %q does not show %q", lang, text, ex)
			}
			if _, problem := parsePeriod(ex, now); problem != "" {
				t.Errorf("%s: the example %q gets %q", lang, ex, problem)
			}
		}
	}
}
