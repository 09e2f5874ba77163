package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// Keyboard mash as the page's comment ("asdfgh;;;") was kept, as it was in
// Telegram. It is now asked for again, gently, the rating not sent yet,
// as a comment with personal data is; words are kept.
func TestReview23fCommentWithNoWordsIsAskedAgain(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0231", time.Time{}, false)
	h, _ := server(t, f)
	formTok := h.formToken(token)
	for _, c := range []struct{ comment, lang, want string }{
		{"asdfgh;;;", "vi", "hiểu nhận xét này"},
		{"qwerty", "en", "could not understand"},
	} {
		w := do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
			url.Values{"form": {formTok}, "rating": {"5"}, "comment": {c.comment}, "lang": {c.lang}})
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(text(w), c.want) {
			t.Errorf("comment %q: %d, want 422 saying %q:\n%s", c.comment, w.Code, c.want, text(w))
		}
	}
	if c := f.comment(t, token); c != "" {
		t.Errorf("keyboard mash was kept: %q", c)
	}
	w := do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
		url.Values{"form": {formTok}, "rating": {"5"}, "comment": {"rat tot"}, "lang": {"vi"}})
	if w.Code >= 400 {
		t.Fatalf("a comment of words: %d\n%s", w.Code, text(w))
	}
	if c := f.comment(t, token); c != "rat tot" {
		t.Errorf("a comment of words: %q kept", c)
	}
}
