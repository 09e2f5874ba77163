package guides

import (
	"strings"
	"testing"
)

// A guide's `tracking` is also what the resident reads — on the follow-up
// link's screen in the bot and on the web page (walk 22d: a resident read
// "Người dân theo dõi trong ứng dụng VNeID…", written about them). It says
// how to follow the dossier to whoever reads it, volunteer or resident:
// never "the resident" in the third person.
func TestTrackingSpeaksToWhoeverReadsIt(t *testing.T) {
	for _, g := range shippedCatalog(t).All() {
		if !g.OffersFollowup() {
			continue
		}
		for lang, text := range map[string]string{"vi": g.Tracking.Vi, "en": g.Tracking.En} {
			low := strings.ToLower(text)
			for _, third := range []string{"người dân", "the resident", "resident's"} {
				if strings.Contains(low, third) {
					t.Errorf("%s: tracking (%s) speaks of %q in the third person: %s", g.ID, lang, third, text)
				}
			}
		}
	}
}
