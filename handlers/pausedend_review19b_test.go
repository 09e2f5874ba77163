package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// /cancel at the outcome question paused the case with "if it cannot go
// on, press “End this case”" – and no such button below (once an outcome
// can be chosen, End is not offered). The pause message names End only
// when it has the button; at a step it still does. In both languages.
func TestPauseMessageNamesEndOnlyWithItsButton(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		w.stepsToOutcome(u, g, lang)
		c, _ := w.lastCase(u)
		m := last(t, w.send(u, "/cancel"))
		where := tr.T("resume.phase_outcome")
		if hasButton(m, tr.T("case.end_button")) || m.Text != tr.T("case.paused_no_end", locales.Data{"Case": c.ID, "Where": where}) {
			t.Errorf("%s: /cancel at the outcome: %q %+v", lang, m.Text, m.Buttons())
		}
		w.send(u, "/resume")
		w.press(u, tr.T("case.back_to_steps"))
		m = last(t, w.send(u, "/cancel"))
		// The last step of khai-sinh submits the dossier: End there asks
		// the outcome (submitstep_review19j_test.go).
		if !hasButton(m, tr.T("case.end_button_outcome")) || !strings.Contains(m.Text, tr.T("case.paused", locales.Data{"Case": c.ID, "Where": tr.T("resume.phase_steps", locales.Data{"Step": len(g.Steps), "Steps": len(g.Steps)})})) {
			t.Errorf("%s: /cancel at a step: %q %+v", lang, m.Text, m.Buttons())
		}
	}
}
