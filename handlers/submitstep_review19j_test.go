package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// At the step that submits the dossier itself — the last step of khai-sinh —
// the dossier may be in already (the volunteer pressed the portal's button,
// then the pause): End asks the outcome, as a code typed there is taken as
// this case's. Before, End there asked why it was not submitted, and the
// code the volunteer had just typed was lost with a failed outcome.
func TestEndAtTheSubmitStepAsksTheOutcome(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	submit := g.SubmitStep()
	if submit < 0 {
		t.Fatal("khai-sinh marks no submit step")
	}
	at := submit + 1 // 1-based
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		w.toStepOf(u, g, lang, at)
		m := last(t, w.press(u, tr.T("case.pause")))
		if !hasButton(m, tr.T("case.end_button_outcome")) || hasButton(m, tr.T("case.end_button")) {
			t.Fatalf("%s: the pause message at the submit step: %+v", lang, m.Buttons())
		}
		m = last(t, w.press(u, tr.T("case.end_button_outcome")))
		ask := tr.T("case.outcome_ask_ended", locales.Data{"Step": at, "Steps": len(g.Steps)})
		if !strings.Contains(m.Text, ask) || !hasButton(m, tr.T("outcome.submitted")) || !hasButton(m, tr.T("outcome.not_submitted")) {
			t.Fatalf("%s: End at the submit step: %q %+v", lang, m.Text, m.Buttons())
		}
	}
}
