package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// A rating sent with only emoji in the comment box ("👍", "❤️") after a
// comment was kept: the page thanked for the rating and erased the comment
// (no letter or digit was taken for no comment), where Telegram takes such
// a text as a thanks and keeps the comment. The comment kept now stays,
// the rating is kept, and the page says the emoji were not kept. The box
// shows the comment kept, so a box sent empty still clears it.
func TestCommentOfOnlyEmojiKeepsTheCommentKept(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0411", time.Time{}, false)
	h, _ := server(t, f)
	_, l := catalogs(t)
	formTok := h.formToken(token)
	rate := func(rating, comment, lang string) *httptest.ResponseRecorder {
		t.Helper()
		path := "/f/" + token + "/rate"
		w := do(h, "POST", path, "192.0.2.1:1", url.Values{"form": {formTok}, "rating": {rating}, "comment": {comment}, "lang": {lang}})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("rating %s with the comment %q: %d %s", rating, comment, w.Code, text(w))
		}
		return do(h, "GET", located(t, path, w), "192.0.2.1:1", nil)
	}

	rate("4", "Rất tốt", "vi")
	for i, emoji := range []string{"👍", "❤️", "👍👍 😀", "…"} {
		lang := []string{"vi", "en"}[i%2]
		page := rate("5", emoji, lang)
		if c := f.comment(t, token); c != "Rất tốt" {
			t.Errorf("after the comment %q the comment kept is %q, want %q", emoji, c, "Rất tốt")
		}
		if p := f.read(t, token); p.Rating != 5 {
			t.Errorf("after the comment %q the rating is %d, want 5", emoji, p.Rating)
		}
		if want := l.For(lang).T("web.rated_symbols_kept"); !strings.Contains(text(page), want) {
			t.Errorf("%s: after the comment %q the page does not say the comment kept stays (%q):\n%s", lang, emoji, want, text(page))
		}
		if !strings.Contains(page.Body.String(), ">Rất tốt</textarea>") {
			t.Errorf("after the comment %q the box does not show the comment kept:\n%s", emoji, page.Body.String())
		}
		rate("4", "Rất tốt", "vi") // as before, for the next
	}

	// The box sent empty: the comment it showed is cleared, as before.
	page := rate("3", "", "vi")
	if c := f.comment(t, token); c != "" {
		t.Errorf("the box sent empty: the comment kept is %q, want none", c)
	}
	if got, want := text(page), l.For("vi").T("web.rated_done"); !strings.Contains(got, want) || strings.Contains(got, l.For("vi").T("web.rated_symbols")) {
		t.Errorf("the box sent empty: the page reads %q, want %q", got, want)
	}

	// Only emoji, with no comment kept: none is, and the page says so.
	page = rate("5", "👍", "vi")
	if c := f.comment(t, token); c != "" {
		t.Errorf("only emoji with no comment kept: %q kept", c)
	}
	if want := l.For("vi").T("web.rated_symbols"); !strings.Contains(text(page), want) {
		t.Errorf("only emoji with no comment kept: the page reads %q, want %q", text(page), want)
	}
}
