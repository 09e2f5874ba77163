package web

// The page walked as a resident over weeks (third review): each test
// failed before its fix.

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// A link copied out of a message often takes the punctuation after it
// ("…/f/<token>." at the end of a sentence, "(…/f/<token>)"): the page
// answered "link expired", and counted a wrong link against the address.
// The token is the path's characters before the first that a token never
// holds: the page sends the browser there.
func TestLinkWithPunctuationAfterIt(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-261130-0301", time.Time{}, false)
	h, _ := server(t, f, WithWrongTokenLimit(2, time.Hour, 100))
	for _, tail := range []string{".", ")", "%29", ",", "%E3%80%82" /* 。 */, ").", "%20"} {
		w := do(h, "GET", "/f/"+token+tail+"?lang=vi", "192.0.2.7:1", nil)
		if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), token+"?") {
			t.Errorf("/f/<token>%s: %d %q, want 303 to the page", tail, w.Code, w.Header().Get("Location"))
		}
	}
	// Not one wrong link was counted: the page itself still opens.
	if w := do(h, "GET", "/f/"+token, "192.0.2.7:1", nil); w.Code != http.StatusOK {
		t.Errorf("the page after the links with punctuation: %d", w.Code)
	}
	// A token cut short, or with a letter too many, is still a wrong link.
	for _, bad := range []string{token[:20], token + "x"} {
		if w := do(h, "GET", "/f/"+bad, "192.0.2.8:1", nil); w.Code != http.StatusNotFound {
			t.Errorf("/f/%s: %d, want 404", bad, w.Code)
		}
	}
}
