package handlers_test

import (
	"strings"
	"testing"
)

// Walk W3: "chồng" at /new asks which procedure (case.no_procedure_for_spouse);
// /lang drew it again as "the last search found no procedure", the
// examples lost. The answer that no procedure was named ("phí dịch vụ")
// did the same. Both are drawn again as they were, in the new language.
func TestNoProcedureAnswersDrawnAgain(t *testing.T) {
	w := newWorld(t)
	en := w.texts.For("en")
	for _, tt := range []struct{ query, key string }{
		{"chồng", "case.no_procedure_for_spouse"},
		{"phí dịch vụ", "case.no_procedure_named"},
	} {
		u := w.volunteer("Hỏi lại " + tt.query)
		w.send(u, "/new")
		if m := last(t, w.send(u, tt.query)); !strings.HasPrefix(m.Text, w.vi(tt.key)) {
			t.Fatalf("%q: %q, want %q", tt.query, m.Text, w.vi(tt.key))
		}
		if m := last(t, w.send(u, "/lang en")); !strings.Contains(m.Text, en.T(tt.key)) || strings.Contains(m.Text, en.T("case.no_match_again")) {
			t.Errorf("%q, after /lang en: %q, want %q", tt.query, m.Text, en.T(tt.key))
		}
	}
}
