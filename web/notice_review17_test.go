package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The notice at the top of the page ("Thank you, we have noted that you
// received the result") comes from the address a form sent the browser
// to (?done=…). That address stays in the tab: a phone that reopens it
// days later, or a link copied with it, must not say something was noted
// that was not, or what the status below it now contradicts.
func TestNoticeFollowsWhatIsRecorded(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	_, l := catalogs(t)
	en := l.For("en")
	ip := "192.0.2.1:1"
	notices := []string{en.T("web.rated_done"), en.T("web.received_done"), en.T("web.problem_done"), en.T("web.problem_not_sent")}
	noticeOn := func(path string) string {
		t.Helper()
		w := do(h, "GET", path, ip, nil)
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, w.Code, text(w))
		}
		page := text(w)
		for _, n := range notices {
			if strings.Contains(page, n) {
				return n
			}
		}
		return ""
	}

	// Nothing done yet: no address claims it was.
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1701", time.Time{}, false)
	for _, done := range []string{"rated", "received", "problem", "problem_not_sent"} {
		if n := noticeOn("/f/" + token + "?done=" + done + "&lang=en"); n != "" {
			t.Errorf("?done=%s with nothing recorded says %q", done, n)
		}
	}

	// A problem reported, then the result came (said in Telegram, or on
	// the page in another tab): the tab left on the report's notice now
	// says only what stands.
	form := url.Values{"form": {h.formToken(token)}, "lang": {"en"}}
	// The report is its question's button (review 33D: the page's asks
	// first).
	if w := do(h, "POST", "/f/"+token+"/problem", ip, url.Values{"form": {h.problemToken(token)}, "lang": {"en"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("problem: %d %s", w.Code, text(w))
	}
	if n := noticeOn("/f/" + token + "?done=problem&lang=en"); n != en.T("web.problem_done") {
		t.Errorf("right after the report, the notice is %q", n)
	}
	if w := do(h, "POST", "/f/"+token+"/received", ip, url.Values{"form": {h.receivedToken(token)}, "lang": {"en"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("received: %d %s", w.Code, text(w))
	}
	if n := noticeOn("/f/" + token + "?done=problem&lang=en"); n != "" {
		t.Errorf("the report's address, once the result came, still says %q", n)
	}
	if n := noticeOn("/f/" + token + "?done=received&lang=en"); n != en.T("web.received_done") {
		t.Errorf("after the result came, the notice is %q", n)
	}
	if w := do(h, "POST", "/f/"+token+"/problem", ip, form); w.Code != http.StatusSeeOther {
		t.Fatalf("problem after the result: %d %s", w.Code, text(w))
	} else if n := noticeOn(located(t, "/f/"+token+"/problem", w)); n != en.T("web.problem_not_sent") {
		t.Errorf("a report after the result came: the notice is %q", n)
	}

	// Rated: the thanks; a link with the thanks on a follow-up never
	// rated: none.
	form.Set("rating", "4")
	if w := do(h, "POST", "/f/"+token+"/rate", ip, form); w.Code != http.StatusSeeOther {
		t.Fatalf("rate: %d %s", w.Code, text(w))
	} else if n := noticeOn(located(t, "/f/"+token+"/rate", w)); n != en.T("web.rated_done") {
		t.Errorf("after a rating, the notice is %q", n)
	}
}
