package handlers_test

import (
	"strings"
	"testing"
)

// Review 33B, as the volunteer sees it: an everyday word alone ("đi",
// "về") listed look-alike guides and is asked which procedure; a child's
// "số định danh" and telex leftovers find their guide; a visa or a
// divorce asked alone is told no guide covers it.
func TestReview33BSearchAsTyped(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ query, key string }{
		{"đi", "case.no_procedure_words"},
		{"ve", "case.no_procedure_words"},
		{"xin visa", "case.no_guide"},
		{"ly dị", "case.no_guide"},
	} {
		u := w.volunteer("V33B " + tt.query)
		w.send(u, "/new")
		if m := last(t, w.send(u, tt.query)); !strings.HasPrefix(m.Text, w.vi(tt.key)) {
			t.Errorf("%q: %q, want %q", tt.query, m.Text, w.vi(tt.key))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"cap so dinh danh cho tre", "vneid-muc-2"},
		{"hooj chieeus", "ho-chieu"},
		{"ĐKKS", "khai-sinh"},
	} {
		u := w.volunteer("V33B " + tt.query)
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if got := titles(m.Buttons()); len(got) == 0 || got[0] != guide(t, tt.first).Title.Vi {
			t.Errorf("%q: %q %q, want %s first", tt.query, m.Text, got, tt.first)
		}
	}
}
