package web

// Odd paths of the page found in review (2026-11-30): each test failed
// before its fix.

import (
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// refusedComments posts each comment with a rating and wants it refused
// (422) and nothing stored.
func refusedComments(t *testing.T, comments []string) {
	t.Helper()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	formTok := h.formToken(token)
	for _, c := range comments {
		w := do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
			url.Values{"form": {formTok}, "rating": {"5"}, "comment": {c}, "lang": {"vi"}})
		if w.Code != http.StatusUnprocessableEntity {
			t.Errorf("comment %q: %d, want 422; stored comment now %q", c, w.Code, f.comment(t, token))
		}
	}
}

// An e-mail address with a space around its dot is still an e-mail
// address (phone keyboards add a space after "."): refused.
func TestCommentEmailWithSpacesIsRefused(t *testing.T) {
	t.Parallel()
	refusedComments(t, []string{
		"email tôi lan@gmail .com",
		"email tôi lan@gmail. com",
		"email tôi lan @ gmail . com",
	})
}

// A birth date written year first (ISO, as date pickers and many forms
// print it) is a date with a year: docs/privacy.md says it is refused.
func TestCommentISODateIsRefused(t *testing.T) {
	t.Parallel()
	refusedComments(t, []string{
		"mẹ tôi sinh 1950-03-05",
		"mẹ tôi sinh 1950/03/05",
	})
}

// A full name typed without diacritics inside a comment that has some (a
// phone keyboard switching mode), and "bạn"/"thầy" before a capitalised
// given name, are names: refused (they used to slip through).
func TestCommentNamesAreRefused(t *testing.T) {
	t.Parallel()
	refusedComments(t, []string{
		"Cảm ơn Le Van Tam nhiều",
		"Cảm ơn Do Thi Hoa đã giúp",
		"Cảm ơn bạn Minh nhiều",
		"Cảm ơn thầy Hải",
	})
}

// After a refused comment the browser's address is /f/<token>/rate (the
// 422 page is served there). Opening that address again (history, a tab
// restored, a shared link) goes to the page; it used to say the link had
// expired and count a wrong token, locking out a resident who did it 20
// times. The same for a trailing slash.
func TestFormAddressIsNotAnExpiredLink(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	for _, path := range []string{"/f/" + token + "/rate", "/f/" + token + "/received", "/f/" + token + "/"} {
		w := do(h, "GET", path, "192.0.2.50:1", nil)
		if w.Code == http.StatusNotFound || strings.Contains(text(w), "Liên kết đã hết hạn") {
			t.Errorf("GET %s (a valid link): %d %q", path, w.Code, text(w))
		}
	}
	for range 20 {
		do(h, "GET", "/f/"+token+"/rate", "192.0.2.51:1", nil)
	}
	if w := do(h, "GET", "/f/"+token, "192.0.2.51:1", nil); w.Code != http.StatusOK {
		t.Errorf("the resident's own link after reopening its form address: %d", w.Code)
	}
}

// Methods other than GET/HEAD/POST on a follow-up's address get 405 with
// Allow, not the "link expired" 404 counted as a wrong token.
func TestOtherMethodsAre405(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	for _, m := range []string{"PUT", "DELETE", "PATCH", "OPTIONS"} {
		w := do(h, m, "/f/"+token, "192.0.2.60:1", nil)
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /f/<token>: %d %q, want 405", m, w.Code, text(w))
		}
	}
}

// A proxy that writes the client's port in X-Forwarded-For
// ("203.0.113.9:51234", as some load balancers do): the hop is read (it
// used to be "malformed", every resident then sharing the proxy's key, one
// scanner locking them all out).
func TestForwardedForWithPort(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f, WithTrustedProxies(netip.MustParsePrefix("127.0.0.1/32")))
	for i := range 25 {
		do(h, "GET", "/f/wrongtoken"+strconv.Itoa(1000000+i)+"xx", "127.0.0.1:5000", nil, "X-Forwarded-For", "203.0.113.9:51234")
	}
	if w := do(h, "GET", "/f/"+token, "127.0.0.1:5000", nil, "X-Forwarded-For", "203.0.113.10:40000"); w.Code != http.StatusOK {
		t.Errorf("another client through the same proxy: %d", w.Code)
	}
}
