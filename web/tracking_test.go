package web

import (
	"strings"
	"testing"
	"time"
)

// When no source confirmed how to follow a dossier, the page says where to
// look: on the portal for a procedure done on the web, in the app for one
// done in VNeID.
func TestTrackingHintNamesWhereTheProcedureWasDone(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	g, l := catalogs(t)
	h := New(f.store, g, l, WithClock(func() time.Time { return now }))
	for guide, key := range map[string]string{"khai-sinh": "web.tracking_unconfirmed", "khai-bao-tam-vang": "web.tracking_unconfirmed_vneid"} {
		if gd, _ := g.Guide(guide); gd == nil || gd.Unconfirmed["tracking"] == "" {
			t.Fatalf("%s no longer has tracking unconfirmed: pick another guide", guide)
		}
		token := f.add(t, guide, "000.00.12.H26-260302-0001", time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), true)
		page := text(do(h, "GET", "/f/"+token, "192.0.2.1:1000", nil))
		if hint := l.For("vi").T(key); !strings.Contains(page, hint) {
			t.Errorf("%s: the page lacks %q:\n%s", guide, hint, page)
		}
	}
}
