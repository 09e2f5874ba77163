package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// The step that submits the dossier skipped, the outcome question said
// "bấm ← để quay lại làm" while its ← button was "← Về bước cuối" and went
// to the last step; with every step skipped it did not say so. Its ←
// button goes to the step that submits, and is named by the question; a
// case whose every step was skipped is told so (review 22h).
func TestOutcomeBackGoesToTheSkippedSubmitStep(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "tam-tru")
	s := g.SubmitStep()
	if s < 0 || s == len(g.Steps)-1 {
		t.Fatalf("tam-tru's submit step: %d of %d", s, len(g.Steps))
	}
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		toStep := tr.T("case.to_step", locales.Data{"Step": s + 1})
		data := locales.Data{"Step": s + 1, "Title": g.Steps[s].Title.In(lang), "Steps": len(g.Steps), "Button": toStep}
		stepHead := tr.T("case.step_head", locales.Data{"Step": s + 1, "Steps": len(g.Steps), "Title": g.Steps[s].Title.In(lang)})
		for _, all := range []bool{true, false} {
			u, _ := w.openGuide(g, lang)
			w.toStepOf(u, g, lang, 1)
			var m = u.Last()
			for i := range g.Steps {
				label := tr.T("case.done")
				if all || i == s {
					label = tr.T("case.skip")
				}
				m = last(t, w.press(u, label))
			}
			want := tr.T("case.outcome_ask_submit_skipped", data)
			if all {
				want = tr.T("case.outcome_ask_all_skipped", data)
			}
			if !strings.Contains(m.Text, want) || !strings.Contains(m.Text, toStep) || !hasButton(m, toStep) || hasButton(m, tr.T("case.back_to_steps")) {
				t.Errorf("%s, all skipped %v: the outcome question %q %v; want %q and its button %q", lang, all, m.Text, m.Buttons(), want, toStep)
				continue
			}
			if m = last(t, w.press(u, toStep)); !strings.Contains(m.Text, stepHead) {
				t.Errorf("%s, all skipped %v: %q pressed: %q; want the step %q", lang, all, toStep, m.Text, stepHead)
			}
		}
	}
}
