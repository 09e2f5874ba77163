package web

import (
	"net/http"
	"net/url"
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
	line := strings.Repeat("a", (MaxComment-2)/3)
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
