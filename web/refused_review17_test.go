package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// A refused form (a page opened before the server's key changed, a
// browser that sent it from elsewhere) said "open the page again from
// your link" and offered no way there: a resident who came by the slip's
// QR code had to find the slip and scan it again. The refusal now has a
// button back to the dossier's page, in the form's language; the
// follow-up is unchanged.
func TestRefusedFormLeadsBackToThePage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1731", time.Time{}, false)
	h, _ := server(t, f)
	stale := url.Values{"form": {"made-with-an-older-key"}, "rating": {"5"}, "lang": {"en"}}
	for _, tt := range []struct {
		name, action string
		form         url.Values
		hdr          []string
	}{
		{"a stale hidden token", "/rate", stale, nil},
		{"a stale hidden token", "/received", stale, nil},
		{"a stale hidden token", "/problem", stale, nil},
		{"a stale hidden token", "/forget", stale, nil},
		{"posted from another site", "/rate", url.Values{"form": {h.formToken(token)}, "rating": {"5"}, "lang": {"en"}}, []string{"Sec-Fetch-Site", "cross-site"}},
	} {
		path := "/f/" + token + tt.action
		w := do(h, "POST", path, "192.0.2.1:1", tt.form, tt.hdr...)
		if w.Code != http.StatusForbidden {
			t.Fatalf("%s, %s: %d %s", tt.name, tt.action, w.Code, text(w))
		}
		back := attr(t, w, "a", "open-page", "href")
		page := do(h, "GET", resolve(path, back), "192.0.2.1:1", nil)
		// In the form's language; a post from elsewhere is not read, and
		// is answered in the browser's.
		lang := "Dossier code"
		if tt.hdr != nil {
			lang = "Mã hồ sơ"
		}
		if page.Code != http.StatusOK || !strings.Contains(text(page), "000.00.12.H26-260302-1731") || !strings.Contains(text(page), lang) {
			t.Errorf("%s, %s: the refusal's link %q leads to %d:\n%s", tt.name, tt.action, back, page.Code, text(page))
		}
	}
	if p := f.read(t, token); p.Rating != 0 || p.Status != FollowupWaiting {
		t.Errorf("a refused form changed the follow-up: %+v", p)
	}
}
