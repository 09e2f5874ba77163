package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The page's problem report (handlers' TestProblemReportedOnThePage has
// who is told): the follow-up becomes "problem", the form goes; a
// second post, or one once the result came, changes nothing (the latter
// says so); a GET of its
// address changes nothing either (it is the question asked first, review
// 33D); a post without the page's hidden token is refused.
func TestProblemReport(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1301", time.Time{}, false)
	came := f.add(t, "khai-sinh", "000.00.12.H26-260302-1302", time.Time{}, false)
	h, _ := server(t, f)
	if w := do(h, "GET", "/f/"+token+"/problem", "192.0.2.1:1", nil); w.Code != http.StatusOK || f.read(t, token).Status != FollowupWaiting {
		t.Fatalf("GET of the form's address: %d, status %s", w.Code, f.read(t, token).Status)
	}
	if w := do(h, "POST", "/f/"+token+"/problem", "192.0.2.1:1", url.Values{"form": {"x"}, "lang": {"vi"}}); w.Code != http.StatusForbidden || f.read(t, token).Status != FollowupWaiting {
		t.Fatalf("a post without the page's token: %d, status %s", w.Code, f.read(t, token).Status)
	}
	if page := do(h, "GET", "/f/"+token, "192.0.2.1:1", nil); !strings.Contains(page.Body.String(), `id="problem"`) {
		t.Fatal("the page awaiting the result has no problem report")
	}
	for i := range 2 {
		w := do(h, "POST", "/f/"+token+"/problem", "192.0.2.1:1", url.Values{"form": {h.problemToken(token)}, "lang": {"en"}})
		if w.Code != http.StatusSeeOther || located(t, "/f/"+token+"/problem", w) != "/f/"+token+"?done=problem&lang=en" {
			t.Fatalf("post %d: %d %q", i+1, w.Code, w.Header().Get("Location"))
		}
	}
	_, l := catalogs(t)
	page := do(h, "GET", "/f/"+token+"?done=problem&lang=en", "192.0.2.1:1", nil)
	if got := text(page); f.read(t, token).Status != FollowupProblem || !strings.Contains(got, l.For("en").T("web.problem_done")) ||
		!strings.Contains(got, l.For("en").T("web.status_problem")) || strings.Contains(page.Body.String(), `id="problem"`) {
		t.Errorf("after the report: status %s, page %q", f.read(t, token).Status, got)
	}

	do(h, "POST", "/f/"+came+"/received", "192.0.2.1:1", url.Values{"form": {h.receivedToken(came)}, "lang": {"vi"}})
	if w := do(h, "POST", "/f/"+came+"/problem", "192.0.2.1:1", url.Values{"form": {h.formToken(came)}, "lang": {"vi"}}); w.Code != http.StatusSeeOther ||
		f.read(t, came).Status != FollowupReceived || !strings.Contains(w.Header().Get("Location"), "done=problem_not_sent") {
		t.Errorf("a report after the result came: %d %q, status %s; want the page, saying nothing was passed on", w.Code, w.Header().Get("Location"), f.read(t, came).Status)
	}
	if page := do(h, "GET", "/f/"+came, "192.0.2.1:1", nil); strings.Contains(page.Body.String(), `id="problem"`) {
		t.Error("the page of a result received offers a problem report")
	}
}
