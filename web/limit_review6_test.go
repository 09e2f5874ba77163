package web

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

// A scanner behind a carrier's shared address (CGNAT) made the page answer
// 429 to every resident behind it, right links included, for up to 20
// minutes. Right links are served from an address over its limit; what
// bounds the scanner's load is one budget of lookups shared by all such
// addresses, past which they get 429 unread.
func TestOverLimitAddressesShareOneBudgetOfLookups(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-261130-0601", time.Time{}, false)
	other := f.add(t, "khai-sinh", "000.00.12.H26-261130-0602", time.Time{}, false)
	h, _ := server(t, f, WithWrongTokenLimit(3, time.Hour, 100), WithOverLimitLookups(0, 2))
	for i := range 3 {
		if w := do(h, "GET", "/f/wrongtoken"+strconv.Itoa(1000000+i)+"xx", "203.0.113.50:1", nil); w.Code != http.StatusNotFound {
			t.Fatalf("wrong link %d: %d, want 404", i+1, w.Code)
		}
	}
	// Over the limit now: two lookups are in the budget (a rate of 0 never
	// refills it), one wrong and one right, each answered as it should be.
	// (A token's length: one of no token's length is not looked up.)
	if w := do(h, "GET", "/f/wrongtoken-in-budget-xyz", "203.0.113.50:2", nil); w.Code != http.StatusTooManyRequests {
		t.Errorf("a wrong link over the limit: %d, want 429", w.Code)
	}
	if w := do(h, "GET", "/f/"+token, "203.0.113.50:3", nil); w.Code != http.StatusOK {
		t.Errorf("the right link over the limit: %d, want 200", w.Code)
	}
	// The budget is spent: the address waits, right link or not, and says
	// how long.
	w := do(h, "GET", "/f/"+other, "203.0.113.50:4", nil)
	if secs, err := strconv.Atoi(w.Header().Get("Retry-After")); w.Code != http.StatusTooManyRequests || err != nil || secs < 1 {
		t.Errorf("past the budget: %d, Retry-After %q; want 429 with a wait", w.Code, w.Header().Get("Retry-After"))
	}
	// An address under its limit is not charged to the budget.
	for _, tok := range []string{token, other} {
		if w := do(h, "GET", "/f/"+tok, "203.0.113.51:1", nil); w.Code != http.StatusOK {
			t.Errorf("another address: %d", w.Code)
		}
	}
	if w := do(h, "GET", "/f/wrongtoken-elsewhere-xxx", "203.0.113.51:2", nil); w.Code != http.StatusNotFound {
		t.Errorf("a wrong link from another address: %d, want 404", w.Code)
	}
}

// The erase form carries an HMAC of its token that only a page drawn for
// that token has: posting it is no guess, and a resident behind a limited
// address could not erase their follow-up.
func TestEraseFromALimitedAddress(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-261130-0603", time.Time{}, false)
	h, _ := server(t, f, WithWrongTokenLimit(2, time.Hour, 100), WithOverLimitLookups(0, 0))
	confirm := do(h, "GET", "/f/"+token+"/forget", "203.0.113.60:1", nil)
	if confirm.Code != http.StatusOK {
		t.Fatalf("the confirmation page: %d", confirm.Code)
	}
	form := formOf(t, confirm)
	for i := range 2 {
		do(h, "GET", "/f/wrongtoken"+strconv.Itoa(2000000+i)+"xx", "203.0.113.60:2", nil)
	}
	w := do(h, "POST", "/f/"+token+"/forget", "203.0.113.60:3", url.Values{"form": {form}, "lang": {"vi"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("erase from the limited address: %d, want 303", w.Code)
	}
	if w := do(h, "GET", "/f/"+token, "203.0.113.61:1", nil); w.Code != http.StatusNotFound {
		t.Errorf("the erased link: %d, want 404", w.Code)
	}
}
