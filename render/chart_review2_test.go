package render

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
)

// A commune's chart has a bar per procedure, labelled with the guide's
// title on one line, cut with "…" where it is wider than the chart. The
// shipped catalog's death registration is drawn "Khai tử liên thông (khai
// tử + xoá thường trú + mai tán…": cut inside a syllable ("táng" → "tán",
// another word), losing what tells the linked procedure apart (the burial
// allowance and survivor's benefit). Seen in the demo's chart of Phường An
// Hội Tây, 2026; in English four more are cut ("… health ca…", "… hôn n…").
// No shipped title should be cut: a long one can take two
// lines (the slip wraps its texts already).
func TestChartLabelsOfShippedGuidesNotCut(t *testing.T) {
	catalog, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	var mk styles
	label := mk.new(false, labelSize, ink)
	if mk.err != nil {
		t.Fatal(mk.err)
	}
	inner := ChartWidth - 2*chartMargin
	for _, g := range catalog.All() {
		for _, lang := range []string{"vi", "en"} {
			title := clean(g.Title.In(lang))
			if drawn := label.ellipsize(title, inner); drawn != title {
				t.Errorf("%s (%s): the chart draws %q, dropping %q (%d px, the line holds %d)",
					g.ID, lang, drawn, strings.TrimPrefix(title, drawn[:len(drawn)-len(ellipsis)]), label.width(title), inner)
			}
		}
	}
}
