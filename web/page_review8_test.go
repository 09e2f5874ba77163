package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The slip prints the page's link for whoever types it rather than scans
// it, in a font where l and I, O and 0 look alike, and a phone types
// capitals of its own: a link typed so answered "link expired", and
// counted as a wrong link. The page of a link that differs from a token
// only there sends the browser to the token's page; a link wrong
// otherwise is still wrong.
func TestLinkTypedOffTheSlip(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-261130-0801", time.Time{}, false)
	h, _ := server(t, f, WithWrongTokenLimit(2, time.Hour, 100))
	typed := storagetest.TypedOffTheSlip(token)
	if typed == token {
		t.Fatalf("the typed copy of %q is the same", token)
	}
	w := do(h, "GET", "/f/"+typed+"?lang=vi", "192.0.2.9:1", nil)
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), token+"?") {
		t.Fatalf("/f/<typed off the slip>: %d %q, want 303 to the token's page", w.Code, w.Header().Get("Location"))
	}
	if w := do(h, "GET", "/f/"+token, "192.0.2.9:1", nil); w.Code != http.StatusOK {
		t.Errorf("the token's page: %d", w.Code)
	}
	wrong := []byte(token)
	wrong[5] = map[bool]byte{true: 'x', false: 'y'}[wrong[5] != 'x' && wrong[5] != 'X']
	if w := do(h, "GET", "/f/"+string(wrong), "192.0.2.10:1", nil); w.Code != http.StatusNotFound {
		t.Errorf("a link with a letter changed: %d, want 404", w.Code)
	}
}
