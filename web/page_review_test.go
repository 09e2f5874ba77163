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
// address (phone keyboards add a space after "."); privacy.emailLike
// allows spaces around "@" but not around ".".
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

// A full name typed without diacritics inside a comment that has some
// (a phone keyboard switching mode) slips through: only nguyen, tran,
// pham, huynh, bui are re-read unaccented; and "bạn"/"thầy" before a
// capitalised given name are not honorifics to the check.
func TestCommentNamesSlipThrough(t *testing.T) {
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
// restored, a shared link) says the link has expired — it has not — and
// counts as a wrong token, so a resident doing it 20 times is locked out
// of their own follow-up (429). The same for a trailing slash.
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

// Methods other than GET/HEAD/POST on a follow-up's address get the
// "link expired" 404 (and count as wrong tokens) rather than 405 with
// Allow: the catch-all "/f/" route takes every method.
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
// ("203.0.113.9:51234", as some load balancers do) makes every hop
// "malformed": every resident then shares the proxy's key, and one
// scanner locks them all out.
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
