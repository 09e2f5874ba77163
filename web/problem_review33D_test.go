package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Review 33D: the page's "⚠ Báo hồ sơ có vướng mắc", just below "Tôi đã
// nhận kết quả", told the volunteer and the coordinators at one tap, and
// stopped the reminders: a mis-tap alarmed them, with no way back — where
// Telegram's "⚠ Có vướng mắc" asks first (and the page's "received"
// does). The button opens a question now (GET, which changes nothing):
// the dossier, whom it tells, that the reminders stop where they go;
// its button posts the report, its link goes back. A post with the page's
// own token (a tab kept from before) is answered with the question,
// telling nobody. Once nothing can be reported, the question is the page.
func TestReview33DProblemOnThePageAsksFirst(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-3301", time.Time{}, false)
	h, _ := server(t, f)
	_, l := catalogs(t)
	en := l.For("en")

	page := do(h, "GET", "/f/"+token+"?lang=en", "192.0.2.1:1", nil).Body.String()
	var form []string
	if i := strings.Index(page, `id="problem"`); i >= 0 {
		form = regexp.MustCompile(`<form method="(\w+)" action="([^"]+)">`).FindStringSubmatch(page[strings.LastIndex(page[:i], "<form "):])
	}
	if form == nil || form[1] != "get" || form[2] != token+"/problem" {
		t.Fatalf("the page's problem button is not a question's link (GET %s/problem): %q", token, form)
	}

	ask := func(what string, code int, body string) {
		t.Helper()
		if code != http.StatusOK || !strings.Contains(body, en.T("web.problem_confirm_title")) ||
			!strings.Contains(body, `id="problem-confirm"`) || !strings.Contains(body, `id="problem-cancel"`) {
			t.Errorf("%s: %d, want the question:\n%s", what, code, body)
		}
		if s := f.read(t, token).Status; s != FollowupWaiting {
			t.Errorf("%s: status %s, want nothing told", what, s)
		}
	}
	w := do(h, "GET", "/f/"+token+"/problem?lang=en", "192.0.2.1:1", nil)
	ask("the page's button", w.Code, w.Body.String())
	question := w.Body.String()
	if !strings.Contains(text(w), en.T("web.problem_confirm_what")) || !strings.Contains(question, `href="../`+token+`?lang=en" id="problem-cancel"`) {
		t.Errorf("the question says %q", text(w))
	}
	w = do(h, "POST", "/f/"+token+"/problem", "192.0.2.1:1", url.Values{"form": {h.formToken(token)}, "lang": {"en"}})
	ask("a post with the page's own token", w.Code, w.Body.String())

	confirm := formOf(t, do(h, "GET", "/f/"+token+"/problem?lang=en", "192.0.2.1:1", nil))
	for i := range 2 {
		w := do(h, "POST", "/f/"+token+"/problem", "192.0.2.1:1", url.Values{"form": {confirm}, "lang": {"en"}})
		if w.Code != http.StatusSeeOther || located(t, "/f/"+token+"/problem", w) != "/f/"+token+"?done=problem&lang=en" || f.read(t, token).Status != FollowupProblem {
			t.Fatalf("the question's button, press %d: %d %q, status %s", i+1, w.Code, w.Header().Get("Location"), f.read(t, token).Status)
		}
	}
	// Reported: the question (Back, a kept tab) is the page.
	if w := do(h, "GET", "/f/"+token+"/problem?lang=en", "192.0.2.1:1", nil); w.Code != http.StatusSeeOther || located(t, "/f/"+token+"/problem", w) != "/f/"+token+"?lang=en" {
		t.Errorf("the question once reported: %d %q", w.Code, w.Header().Get("Location"))
	}

	// Where reminders go to the resident's Telegram, the question says
	// they stop.
	reminded := f.add(t, "khai-sinh", "000.00.12.H26-260302-3302", time.Time{}, false)
	if _, err := f.store.DB().Exec(`UPDATE followups SET resident_chat = 4242, consent = true, consent_at = now(), consent_version = 'vi-test' WHERE token = $1`, reminded); err != nil {
		t.Fatal(err)
	}
	if got := text(do(h, "GET", "/f/"+reminded+"/problem", "192.0.2.1:1", nil)); !strings.Contains(got, l.For("vi").T("web.problem_confirm_what_reminders")) {
		t.Errorf("the question where reminders go: %q", got)
	}
}
