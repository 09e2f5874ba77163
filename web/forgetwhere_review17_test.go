package web

import (
	"strings"
	"testing"
	"time"
)

// The erase confirmation asks the resident to note the dossier code
// first, and said they could still look the dossier up "on the public
// service portal" with it — also for a procedure done in VNeID, whose
// dossier and result (a judicial record certificate, a residence) are
// followed in the app. It names where the procedure was done, as the
// page's tracking hint does.
func TestEraseConfirmationSaysWhereToLookTheCodeUp(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	g, l := catalogs(t)
	for guide, want := range map[string]map[string]string{
		"ly-lich-tu-phap": {"vi": "trong ứng dụng VNeID", "en": "in the VNeID app"},
		"khai-sinh":       {"vi": "trên Cổng Dịch vụ công", "en": "on the public service portal"},
	} {
		gd, ok := g.Guide(guide)
		if !ok || (guide == "khai-sinh") != (gd.Channel() == "web") {
			t.Fatalf("%s is no longer done where this test thinks: pick another guide", guide)
		}
		token := f.add(t, guide, "000.00.12.H26-260302-1711", time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), true)
		for lang, place := range want {
			page := text(do(h, "GET", "/f/"+token+"/forget?lang="+lang, "192.0.2.1:1", nil))
			if !strings.Contains(page, place) {
				t.Errorf("%s, %s: the erase confirmation does not say the code is looked up %q:\n%s", guide, lang, place, page)
			}
			if gd.Channel() != "web" {
				if wrong := l.For(lang).T("web.forget_note_code"); strings.Contains(page, wrong) {
					t.Errorf("%s, %s: the erase confirmation sends the resident to the portal: %q", guide, lang, wrong)
				}
			}
		}
	}
}
