package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// "Đã nhận kết quả" stops the reminders, and afterwards a problem can no
// longer be reported: a resident who taps it by mistake (an elderly one,
// a thumb slipping off "Báo hồ sơ có vướng mắc" just below) lost both at
// once. The page's button now opens a question — which dossier, what
// confirming does — and only its own button records; "Chưa nhận" goes back
// with nothing changed. No script: the page's button is a GET form.
func TestReceivedAsksFirst(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	g, l := catalogs(t)
	vi := l.For("vi")
	ks, _ := g.Guide("khai-sinh")
	ip := "192.0.2.7:1"
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1702", time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), true)

	page := do(h, "GET", "/f/"+token, ip, nil)
	if page.Code != http.StatusOK {
		t.Fatalf("page: %d %s", page.Code, text(page))
	}
	// The page's "received" button posts nothing: it asks.
	recv := regexp.MustCompile(`<form method="(\w+)" action="([^"]*)">\s*((?:<input[^>]*>\s*)*)<button[^>]*id="received"`).FindStringSubmatch(page.Body.String())
	if recv == nil {
		t.Fatalf("no \"received\" button on the page:\n%s", page.Body.String())
	}
	if recv[1] != "get" || strings.Contains(recv[3], `name="form"`) {
		t.Errorf("the page's \"received\" button records at once (method %s, fields %s)", recv[1], recv[3])
	}
	ask := resolve("/f/"+token, recv[2]+"?lang=vi")
	w := do(h, "GET", ask, ip, nil)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", ask, w.Code, text(w))
	}
	q := text(w)
	for _, want := range []string{vi.T("web.received_confirm_title"), ks.Title.Vi, "000.00.12.H26-260302-1702",
		vi.T("web.received_confirm_what"), vi.T("web.received_confirm"), vi.T("web.received_cancel")} {
		if !strings.Contains(q, want) {
			t.Errorf("the question lacks %q:\n%s", want, q)
		}
	}
	if s := f.read(t, token).Status; s != FollowupWaiting {
		t.Fatalf("opening the question recorded %q", s)
	}
	// "Chưa nhận" leads back to the page, which still offers the problem.
	back := regexp.MustCompile(`<a class="back" href="([^"]+)" id="received-cancel"`).FindStringSubmatch(w.Body.String())
	if back == nil {
		t.Fatalf("no way back on the question:\n%s", w.Body.String())
	}
	if p := do(h, "GET", resolve(ask, strings.ReplaceAll(back[1], "&amp;", "&")), ip, nil); p.Code != http.StatusOK ||
		!strings.Contains(text(p), vi.T("web.problem_button")) {
		t.Errorf("back from the question: %d %s", p.Code, text(p))
	}

	// The question's own button records, once for two taps.
	form := url.Values{"form": {formOf(t, w)}, "lang": {"vi"}}
	for i := range 2 {
		r := do(h, "POST", "/f/"+token+"/received", ip, form)
		if r.Code != http.StatusSeeOther {
			t.Fatalf("confirm %d: %d %s", i, r.Code, text(r))
		}
		if p := do(h, "GET", located(t, "/f/"+token+"/received", r), ip, nil); !strings.Contains(text(p), vi.T("web.received_done")) {
			t.Errorf("after confirming (%d): %s", i, text(p))
		}
	}
	if s := f.read(t, token).Status; s != FollowupReceived {
		t.Errorf("after confirming the follow-up is %q", s)
	}
	// Received already: the question is not asked again, the page is shown.
	if r := do(h, "GET", ask, ip, nil); r.Code != http.StatusSeeOther {
		t.Errorf("the question once received: %d %s", r.Code, text(r))
	}
}

// "Đã kết thúc theo dõi" read as "done" to a resident, while it meant the
// reminders stopped without the result being recorded: the page now says
// so, and still offers both answers.
func TestEndedSaysResultNotRecorded(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	_, l := catalogs(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1703", time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC), true)
	if _, err := f.store.DB().Exec(`UPDATE followups SET status = 'ended', ended_at = now(), next_reminder_on = NULL WHERE token = $1`, token); err != nil {
		t.Fatal(err)
	}
	for lang, words := range map[string][]string{"vi": {"chưa", "ghi nhận"}, "en": {"not", "recorded"}} {
		page := text(do(h, "GET", "/f/"+token+"?lang="+lang, "192.0.2.8:1", nil))
		status := l.For(lang).T("web.status_ended")
		if !strings.Contains(page, status) {
			t.Fatalf("%s: the page lacks the status %q:\n%s", lang, status, page)
		}
		for _, w := range words {
			if !strings.Contains(strings.ToLower(status), w) {
				t.Errorf("%s: the ended status %q does not say the result is not recorded (%q)", lang, status, w)
			}
		}
		if !strings.Contains(page, l.For(lang).T("web.received_button")) || !strings.Contains(page, l.For(lang).T("web.problem_button")) {
			t.Errorf("%s: an ended follow-up's page lacks its answers:\n%s", lang, page)
		}
	}
}
