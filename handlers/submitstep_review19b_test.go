package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A dossier code typed at a step before the one that submits the dossier
// (step 3 of the temporary-residence guide; it submits at step 6) was
// answered "the dossier code is asked right after the outcome: send it
// again then" – as if this resident's dossier were in. It cannot be yet:
// the bot says so, keeps nothing, and the case stays at its step. At the
// submit step itself (the portal has just shown it) it is still asked
// right after the outcome. In both languages.
func TestCodeTypedBeforeTheSubmitStepIsNotThisCases(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "tam-tru")
	submit := g.SubmitStep()
	if submit < 2 {
		t.Fatalf("tam-tru submits at step %d: the test needs one before it", submit+1)
	}
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		w.toStepOf(u, g, lang, 3)
		m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
		c, _ := w.lastCase(u)
		before := tr.T("case.code_before_submit", locales.Data{"Case": c.ID, "Step": submit + 1, "Title": g.Steps[submit].Title.In(lang)})
		if strings.Contains(m.Text, tr.T("case.code_after_outcome")) || !strings.Contains(m.Text, before) {
			t.Errorf("%s: a code typed at step 3 of %d (submit at %d): %q", lang, len(g.Steps), submit+1, m.Text)
		}
		head := tr.T("case.step_head", locales.Data{"Step": 3, "Steps": len(g.Steps), "Title": g.Steps[2].Title.In(lang)})
		if !strings.Contains(m.Text, head) {
			t.Errorf("%s: the case is not shown at its step 3: %q", lang, m.Text)
		}
		for range submit - 2 {
			w.press(u, tr.T("case.done"))
		}
		if m := last(t, w.send(u, "000.00.12.H26-251127-0002")); !strings.Contains(m.Text, tr.T("case.code_after_outcome")) {
			t.Errorf("%s: a code typed at the submit step: %q", lang, m.Text)
		}
	}
}

// "⏹ Kết thúc ca này (chưa làm được)" pressed after the step that submits
// the dossier asked "Vì sao chưa nộp được?": a dossier that was in was
// recorded as not submitted, and counted so. Past that step, End asks for
// the outcome (submitted, paid, on the spot, or not submitted), its button
// says so, and ← returns to the step it was ended at; before it, End asks
// why, as before. In both languages.
func TestEndPastTheSubmitStepAsksTheOutcome(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "ho-chieu")
	submit := g.SubmitStep()
	if submit < 0 || submit+2 > len(g.Steps) {
		t.Fatalf("ho-chieu submits at step %d of %d: the test needs a step after it", submit+1, len(g.Steps))
	}
	at := submit + 2 // 1-based: the step after the submit step
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		w.toStepOf(u, g, lang, at)
		m := last(t, w.press(u, tr.T("case.pause")))
		if !hasButton(m, tr.T("case.end_button_outcome")) || hasButton(m, tr.T("case.end_button")) {
			t.Fatalf("%s: the pause message past the submit step: %+v", lang, m.Buttons())
		}
		m = last(t, w.press(u, tr.T("case.end_button_outcome")))
		ask := tr.T("case.outcome_ask_ended", locales.Data{"Step": at, "Steps": len(g.Steps)})
		if !strings.Contains(m.Text, ask) || !hasButton(m, tr.T("outcome.submitted")) || !hasButton(m, tr.T("outcome.not_submitted")) {
			t.Fatalf("%s: End past the submit step: %q %+v", lang, m.Text, m.Buttons())
		}
		// ← returns to the step it was ended at, not the last one.
		back := tr.T("case.to_step", locales.Data{"Step": at})
		m = last(t, w.press(u, back))
		if head := tr.T("case.step_head", locales.Data{"Step": at, "Steps": len(g.Steps), "Title": g.Steps[at-1].Title.In(lang)}); !strings.Contains(m.Text, head) {
			t.Fatalf("%s: ← from the outcome asked at End: %q", lang, m.Text)
		}
		// Ended again, and "not submitted" chosen: ← on the reason comes
		// back to the outcome question asked at End.
		w.press(u, tr.T("case.pause"))
		w.press(u, tr.T("case.end_button_outcome"))
		w.press(u, tr.T("outcome.not_submitted"))
		if m = last(t, w.press(u, tr.T("button.back"))); !strings.Contains(m.Text, ask) {
			t.Fatalf("%s: ← from the reason: %q", lang, m.Text)
		}
		// Submitted: the code is asked (the reminder was agreed), and kept.
		w.press(u, tr.T("outcome.submitted"))
		m = last(t, w.send(u, "000.00.12.H26-251127-0003"))
		c, _ := w.lastCase(u)
		if c.Status != storage.CaseClosed || c.Outcome.String != "submitted" || !c.FollowupKept {
			t.Errorf("%s: case %+v; summary %q", lang, c, m.Text)
		}

		// Before the submit step: End asks why, as before.
		v, _ := w.openGuide(g, lang)
		w.toStepOf(v, g, lang, submit)
		m = last(t, w.press(v, tr.T("case.pause")))
		if !hasButton(m, tr.T("case.end_button")) {
			t.Fatalf("%s: the pause message before the submit step: %+v", lang, m.Buttons())
		}
		if m = last(t, w.press(v, tr.T("case.end_button"))); !strings.Contains(m.Text, tr.T("case.reason_ask.dossier")) {
			t.Errorf("%s: End before the submit step: %q", lang, m.Text)
		}
	}
	// A guide that marks no submit step: End asks why, at any step.
	b := guide(t, "bhyt-ho-gia-dinh")
	u, _ := w.openGuide(b, "vi")
	w.toStepOf(u, b, "vi", len(b.Steps))
	w.press(u, w.vi("case.pause"))
	if m := last(t, w.press(u, w.vi("case.end_button"))); !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
		t.Errorf("bhyt: End at its last step: %q", m.Text)
	}
}

// toSubmitStep presses ✓ Done from step 1 of the case on screen up to the
// step of guide id that submits its dossier.
func (w *world) toSubmitStep(u *telegramtest.User, id string) {
	w.t.Helper()
	for range guide(w.t, id).SubmitStep() {
		w.press(u, w.vi("case.done"))
	}
}

// The step that submits the dossier skipped (Skip › on "Nộp hồ sơ"), the
// outcome question said only "1 step skipped" and offered "📨 Đã nộp hồ
// sơ" as if the dossier were in. It names the skipped step that submits:
// the volunteer goes back to it, or records what really happened. Another
// step skipped is counted as before.
func TestOutcomeNamesTheSkippedSubmitStep(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "ho-chieu")
	s := g.SubmitStep()
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		w.toStepOf(u, g, lang, s+1)
		var m = last(t, w.press(u, tr.T("case.skip")))
		for range len(g.Steps) - s - 1 {
			m = last(t, w.press(u, tr.T("case.done")))
		}
		want := tr.T("case.outcome_ask_submit_skipped", locales.Data{"Step": s + 1, "Title": g.Steps[s].Title.In(lang), "Button": tr.T("case.to_step", locales.Data{"Step": s + 1})})
		if !strings.Contains(m.Text, want) || !hasButton(m, tr.T("outcome.not_submitted")) {
			t.Errorf("%s: the outcome after the submit step was skipped: %q", lang, m.Text)
		}

		v, _ := w.openGuide(g, lang)
		w.toStepOf(v, g, lang, 2)
		m = last(t, w.press(v, tr.T("case.skip")))
		for range len(g.Steps) - 2 {
			m = last(t, w.press(v, tr.T("case.done")))
		}
		if !strings.Contains(m.Text, tr.N("case.outcome_ask_skipped", 1)) || strings.Contains(m.Text, g.Steps[s].Title.In(lang)) {
			t.Errorf("%s: the outcome after step 2 was skipped: %q", lang, m.Text)
		}
	}
}
