package handlers_test

import (
	"strings"
	"testing"
)

// Review 24E: the pause message says "type /resume"; a volunteer who typed
// "làm tiếp" or "tiếp tục" instead was told only that no procedure matched,
// with nothing about the case just paused. Words that find nothing, typed
// while cases are open, say how to take them up (case.open_cases, as the
// procedure list does); with none open, the answer is as before.
func TestNoMatchNamesTheOpenCases(t *testing.T) {
	w := newWorld(t)
	for _, lang := range []string{"vi", "en"} {
		tr := w.texts.For(lang)
		u := w.volunteer("Làm tiếp " + lang)
		if lang != "vi" {
			w.send(u, "/lang "+lang)
		}
		hint := tr.N("case.open_cases", 1)
		m := last(t, w.send(u, "lam tiep"))
		if !strings.Contains(m.Text, tr.T("case.no_match")) || strings.Contains(m.Text, hint) {
			t.Errorf("%s: no case open: %q", lang, m.Text)
		}
		w.toChecklist(u, tr)
		w.send(u, "/cancel")
		for _, typed := range []string{"lam tiep", "tiếp tục ca"} {
			m = last(t, w.send(u, typed))
			if !strings.Contains(m.Text, tr.T("case.no_match")) || !strings.Contains(m.Text, hint) {
				t.Errorf("%s: %q typed with a case paused: %q, want %q under it", lang, typed, m.Text, hint)
			}
		}
	}
}
