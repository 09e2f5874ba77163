package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// A link with one character dropped or added (typed off the slip, cut when
// copied) was answered "Liên kết đã hết hạn", as if the follow-up had
// ended. No token has such a length: the page now says the link is not
// valid, with what to do, and counts it as a wrong link still. A token's
// length of no follow-up is still "expired", a purged one's page.
func TestTokenOfWrongLengthIsAMistypedLink(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0371", time.Time{}, false)
	if len(token) != storage.TokenLen {
		t.Fatalf("a token is %d characters, storage.TokenLen %d", len(token), storage.TokenLen)
	}
	h, _ := server(t, f, WithWrongTokenLimit(8, time.Hour, 100))
	_, l := catalogs(t)
	vi, en := l.For("vi"), l.For("en")
	for _, c := range []struct{ method, path, lang string }{
		{"GET", "/f/" + token[:len(token)-1], "vi"},
		{"GET", "/f/" + token[1:], "vi"},
		{"GET", "/f/" + token + "x", "vi"},
		{"GET", "/f/short", "vi"},
		{"GET", "/f/has.dots.in.it.xxxxxxxxx", "vi"},
		{"GET", "/f/" + token[:len(token)-1], "en"},
		{"POST", "/f/" + token[:len(token)-1] + "/rate", "vi"},
	} {
		var form url.Values
		if c.method == "POST" {
			form = url.Values{"form": {h.formToken(token[:len(token)-1])}, "rating": {"5"}}
		}
		w := do(h, c.method, c.path+"?lang="+c.lang, "192.0.2.9:1", form)
		tr := l.For(c.lang)
		if got := text(w); w.Code != http.StatusNotFound || !strings.Contains(got, tr.T("web.mistyped_title")) ||
			!strings.Contains(got, tr.T("web.mistyped_text")) || strings.Contains(got, tr.T("web.expired_title")) {
			t.Errorf("%s %s (%s): %d %q, want 404 %q", c.method, c.path, c.lang, w.Code, got, tr.T("web.mistyped_title"))
		}
	}
	// A wrong token of a token's length: expired, as before.
	w := do(h, "GET", "/f/"+strings.Repeat("A", storage.TokenLen), "192.0.2.9:1", nil)
	if got := text(w); w.Code != http.StatusNotFound || !strings.Contains(got, vi.T("web.expired_title")) {
		t.Errorf("an unknown token of a token's length: %d %q", w.Code, got)
	}
	if en.T("web.mistyped_title") == en.T("web.expired_title") || vi.T("web.mistyped_title") == vi.T("web.expired_title") {
		t.Errorf("the mistyped link's heading is the expired one's")
	}
	// Each was a wrong link, counted against the address: the ninth is refused.
	if w := do(h, "GET", "/f/"+token[2:], "192.0.2.9:1", nil); w.Code != http.StatusTooManyRequests {
		t.Errorf("the ninth wrong link from one address: %d, want 429", w.Code)
	}
	// The link itself still opens (a right token is served over the limit).
	if w := do(h, "GET", "/f/"+token, "192.0.2.9:1", nil); w.Code != http.StatusOK {
		t.Errorf("the right link: %d", w.Code)
	}
}
