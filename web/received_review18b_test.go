package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// "Đã nhận kết quả" asks first now (GET /f/<token>/received). But a page
// opened before that deploy — a phone keeps the tab for days — still held
// the old one-tap form, which posts "received" with the page's own hidden
// token: the post recorded it at once, the mis-tap the question was made
// to catch. The post now takes only the question's own token; the old
// form's post is answered with the question, in the form's language, and
// nothing is recorded until its button is pressed.
func TestOldOneTapReceivedFormIsAskedFirst(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	_, l := catalogs(t)
	en := l.For("en")
	ip := "192.0.2.18:1"
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1801", time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), true)

	// The page as it was drawn: its forms' hidden token (the rating's, the
	// problem's, and the old "received" button's).
	old := url.Values{"form": {formOf(t, do(h, "GET", "/f/"+token+"?lang=en", ip, nil))}, "lang": {"en"}}
	path := "/f/" + token + "/received"
	w := do(h, "POST", path, ip, old)
	if s := f.read(t, token).Status; s != FollowupWaiting {
		t.Fatalf("the old one-tap form recorded %q at once", s)
	}
	if w.Code != http.StatusOK {
		t.Fatalf("the old form's post: %d %s, want the question", w.Code, text(w))
	}
	q := text(w)
	for _, want := range []string{en.T("web.received_confirm_title"), "000.00.12.H26-260302-1801",
		en.T("web.received_confirm_what"), en.T("web.received_confirm"), en.T("web.received_cancel")} {
		if !strings.Contains(q, want) {
			t.Errorf("the old form's post is answered without %q:\n%s", want, q)
		}
	}
	// "Not yet" leads back to the page, nothing changed.
	back := attr(t, w, "a", "received-cancel", "href")
	if p := do(h, "GET", resolve(path, back), ip, nil); p.Code != http.StatusOK || !strings.Contains(text(p), en.T("web.problem_button")) {
		t.Errorf("back from the question: %d %s", p.Code, text(p))
	}
	// The question's button records.
	confirm := url.Values{"form": {formOf(t, w)}, "lang": {"en"}}
	if confirm.Get("form") == old.Get("form") {
		t.Fatal("the question's button carries the page's token: the old form would pass as it")
	}
	r := do(h, "POST", path, ip, confirm)
	if r.Code != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", r.Code, text(r))
	}
	if s := f.read(t, token).Status; s != FollowupReceived {
		t.Errorf("after the question's button the follow-up is %q", s)
	}
	if p := do(h, "GET", located(t, path, r), ip, nil); !strings.Contains(text(p), en.T("web.received_done")) {
		t.Errorf("after confirming: %s", text(p))
	}
	// The old form posted again once it is recorded: the page, no question.
	if r := do(h, "POST", path, ip, old); r.Code != http.StatusSeeOther {
		t.Errorf("the old form once received: %d %s", r.Code, text(r))
	}
}
