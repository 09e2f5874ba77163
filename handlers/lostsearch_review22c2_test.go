package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 22c2: since cap-lai-the-bhyt ships, the no-guide half of
// TestLostBHYTCardIsNotOfferedTheHouseholdInsurance never ran. On a catalog
// without the card's reissue a lost card still gets the answer for a
// procedure with no guide: no guide offered, the household insurance
// (which names the card, not its loss) least of all, but all procedures.
func TestLostBHYTCardWithoutItsGuideGetsTheNoGuideAnswer(t *testing.T) {
	w := newWorld(t)
	var gs []*guides.Guide
	for _, g := range catalog.All() {
		if g.ID != "cap-lai-the-bhyt" {
			gs = append(gs, g)
		}
	}
	w.withCatalog(guides.NewCatalog(gs...))
	for _, tt := range lostBHYTCardQueries {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		m := last(t, w.send(u, tt.query))
		if !strings.Contains(m.Text, tr.T("case.no_match", locales.Data{"Query": tt.query})) {
			t.Errorf("%s %q: %q, want the answer for a procedure with no guide", tt.lang, tt.query, m.Text)
		}
		if b := m.Buttons(); len(b) != 1 || b[0].Text != tr.T("case.all_guides") {
			t.Errorf("%s %q: buttons %v, want only %q", tt.lang, tt.query, titles(b), tr.T("case.all_guides"))
		}
	}
}
