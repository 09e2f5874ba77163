package web

// Links seen in review 12 (2026-12-01): each test failed before its fix.

import (
	"net/http"
	"testing"
	"time"
)

// A link with an encoded slash after the token ("…/f/<token>%2F", as some
// chat apps and link shorteners write a trailing slash) is one path segment
// to the browser, but the redirect to the token's page counted it as two and
// answered "../<token>": the browser left /f/ for a page that does not
// exist. The redirect must land on /f/<token>, whatever the path's escaping.
func TestEncodedSlashAfterTheTokenLandsOnThePage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-261201-0401", time.Time{}, false)
	h, _ := server(t, f)
	for _, tail := range []string{"%2F", "%2F.", "%2Fx", "/x"} {
		path := "/f/" + token + tail
		w := do(h, "GET", path+"?lang=vi", "192.0.2.9:1", nil)
		if w.Code != http.StatusSeeOther {
			t.Errorf("%s: %d, want 303", path, w.Code)
			continue
		}
		if got := resolve(path, w.Header().Get("Location")); got != "/f/"+token+"?lang=vi" {
			t.Errorf("%s: redirected to %q, want /f/%s?lang=vi", path, got, token)
		}
	}
}
