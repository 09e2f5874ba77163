package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The comment box stops the resident at MaxComment characters, counting a
// line break as one (the HTML standard since 2016, every browser), but a
// browser posts each line break as CR LF: a comment of three lines that
// filled the box came to the server two characters longer than it allows,
// and was refused as too long — a comment the box had let through. A line
// break posted is kept as one: the comment is kept, as typed.
func TestCommentThatFillsTheBoxWithLineBreaksIsKept(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	formTok := formOf(t, do(h, "GET", "/f/"+token, "192.0.2.1:1", nil))

	// Three lines that fill the box: 200 characters as the browser counts
	// them (a line break is one), 202 as it posts them.
	line := strings.Repeat("rat tot ", MaxComment)[:(MaxComment-2)/3] // words: mash is asked again (review 23f)
	last := strings.Repeat("b", MaxComment-2-2*len(line))
	typed := line + "\n" + line + "\n" + last
	if n := len([]rune(typed)); n != MaxComment {
		t.Fatalf("the comment typed is %d characters, want %d", n, MaxComment)
	}
	posted := strings.ReplaceAll(typed, "\n", "\r\n")
	w := do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
		url.Values{"form": {formTok}, "rating": {"5"}, "comment": {posted}, "lang": {"vi"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("a comment that fills the box, with two line breaks: %d %s", w.Code, text(w))
	}
	if p := f.read(t, token); p.Rating != 5 {
		t.Errorf("stored rating %d, want 5", p.Rating)
	}
	if c := f.comment(t, token); c != typed {
		t.Errorf("stored comment %q, want %q", c, typed)
	}

	// One character more than the box holds is still refused.
	w = do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
		url.Values{"form": {formTok}, "rating": {"5"}, "comment": {posted + "c"}, "lang": {"vi"}})
	if w.Code != http.StatusUnprocessableEntity {
		t.Errorf("a comment one character too long: %d", w.Code)
	}
}

// A page drawn while the result was awaited, its "Báo hồ sơ có vướng mắc"
// pressed after the result was said to have come (by a relative in
// Telegram, on another phone): nothing is reported, rightly, but the page
// came back as if reloaded, with no word about the report — the resident
// took it as sent, and nobody was told. It now says the report was not
// passed on and where to get help, and its title does not say "recorded".
func TestProblemAfterTheResultCameSaysItWasNotPassedOn(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-1311", time.Time{}, false)
	h, _ := server(t, f)
	formTok := formOf(t, do(h, "GET", "/f/"+token+"?lang=vi", "192.0.2.1:1", nil))
	do(h, "POST", "/f/"+token+"/received", "192.0.2.1:1", url.Values{"form": {h.receivedToken(token)}, "lang": {"vi"}})

	w := do(h, "POST", "/f/"+token+"/problem", "192.0.2.1:1", url.Values{"form": {formTok}, "lang": {"vi"}})
	if w.Code != http.StatusSeeOther || f.read(t, token).Status != FollowupReceived {
		t.Fatalf("a report after the result came: %d, status %s", w.Code, f.read(t, token).Status)
	}
	_, l := catalogs(t)
	tr := l.For("vi")
	page := do(h, "GET", located(t, "/f/"+token+"/problem", w), "192.0.2.1:1", nil)
	got := text(page)
	if !strings.Contains(got, tr.T("web.problem_not_sent")) {
		t.Errorf("after a report that was not passed on, the page reads %q: nothing says so", got)
	}
	if strings.Contains(got, tr.T("web.problem_done")) {
		t.Errorf("the page says the report was passed on: %q", got)
	}
	if title := regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(page.Body.String()); title == nil ||
		strings.HasPrefix(title[1], tr.T("web.title_done")) {
		t.Errorf("the page's title after a report not passed on: %q", title)
	}
}
