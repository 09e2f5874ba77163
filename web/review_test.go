package web

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

// TestCommentWithControlBytes: a comment posted with a NUL byte or bytes
// that are not UTF-8 (a hand-made or broken client) is a bad input, not a
// server error: PostgreSQL refuses both in text, so they must not reach it.
func TestCommentWithControlBytes(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0009", time.Time{}, false)
	h, _ := server(t, f)
	formTok := formOf(t, do(h, "GET", "/f/"+token, "192.0.2.1:1", nil))
	for _, comment := range []string{"tốt\x00lắm", "tốt \xff\xfe lắm"} {
		w := do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
			url.Values{"form": {formTok}, "rating": {"4"}, "comment": {comment}, "lang": {"vi"}})
		if w.Code >= http.StatusInternalServerError {
			t.Errorf("comment %q: %d\n%s", comment, w.Code, text(w))
		}
	}
}
