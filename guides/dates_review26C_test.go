package guides

import (
	"fmt"
	"regexp"
	"testing"
	"time"
)

// visibleTexts is every text of a guide a volunteer may read, by where it
// is: userTexts, and the titles, buttons and short fee too.
func visibleTexts(g *Guide) map[string]Text {
	out := userTexts(g)
	out["title"], out["fee_short"], out["portal.name"] = g.Title, g.FeeShort, g.Portal.Name
	for i, s := range g.Steps {
		out[fmt.Sprintf("steps[%d].title", i)] = s.Title
		for j, e := range s.Errors {
			out[fmt.Sprintf("steps[%d].errors[%d].label", i, j)] = e.Label
		}
	}
	return out
}

// Review 26C: English guide texts wrote a day as 2025-07-01 ("Since
// 2025-07-01 there are no districts", "free to 2027-02-28 if eligible"),
// where everything else the bot says in English writes it as the English
// locale does ("1 Jul 2025"). The Vietnamese texts write a day day first
// (1/7/2025, 28/02/2027), as the Vietnamese locale does; a reviewer's
// metadata (sources' dates, checked_on, notes) stays ISO and is never shown.
func TestReview26CVisibleDatesAreWrittenAsTheLanguageDoes(t *testing.T) {
	c := shippedCatalog(t)
	iso := regexp.MustCompile(`\b\d{4}-\d{1,2}-\d{1,2}\b`)
	numeric := regexp.MustCompile(`\b\d{1,2}/\d{1,2}/\d{4}\b`)
	for _, g := range c.All() {
		for where, text := range visibleTexts(g) {
			for _, lang := range []string{"vi", "en"} {
				if d := iso.FindString(text.In(lang)); d != "" {
					t.Errorf("%s, %s (%s): %q, an ISO date", g.ID, where, lang, d)
				}
			}
			if d := numeric.FindString(text.En); d != "" {
				t.Errorf("%s, %s (en): %q, a Vietnamese date in English", g.ID, where, d)
			}
			for _, d := range numeric.FindAllString(text.Vi, -1) {
				if _, err := time.Parse("2/1/2006", d); err != nil {
					t.Errorf("%s, %s (vi): %q is no day/month/year date", g.ID, where, d)
				}
			}
		}
	}
}
