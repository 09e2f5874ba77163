package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 26E, item 1: a case paused on a fix (or on its ⚑ question), then
// ended from the pause message (⏹), came back on ← at the question why it
// could not be done to the bare step: which problem was reported, and its
// fix, were gone — though ▶ on the pause message draws the fix again, and
// docs/wizard.md says Back there "returns exactly to where it was ended".
// It returns to that fix (that ⚑ question), without a restart, after a
// restart between the pause and ⏹, and after one between ⏹ and ←.
func TestReview26EBackAfterEndingOnAFixOrFlagReturnsThere(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	for _, on := range []string{"fix", "flag"} {
		for _, restart := range []string{"none", "before end", "before back"} {
			t.Run(on+", restart "+restart, func(t *testing.T) {
				w := newWorld(t)
				v := w.volunteer("Kết thúc rồi quay lại")
				w.startBirthCase(v)
				id := caseNo(w, v)
				if on == "fix" {
					w.press(v, w.vi("case.problem"))
					w.press(v, e.Label.Vi)
					w.press(v, w.vi("case.pause"))
				} else {
					w.press(v, w.vi("case.flag"))
					w.send(v, "/cancel")
				}
				if restart == "before end" {
					w.withCatalog(catalog)
				}
				m := last(t, w.press(v, w.vi("case.end_button")))
				if !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
					t.Fatalf("⏹ on the pause message: %q", m.Text)
				}
				if restart == "before back" {
					w.withCatalog(catalog)
				}
				m = last(t, w.press(v, w.vi("button.back")))
				if c, _ := w.lastCase(v); c.ID != id || c.Status != storage.CaseOpen || c.Phase != storage.PhaseSteps || c.Outcome.Valid {
					t.Fatalf("case #%d after ← at the reason: #%d %s %s %q, want it open at its steps, no outcome", id, c.ID, c.Status, c.Phase, c.Outcome.String)
				}
				if on == "fix" {
					if !strings.Contains(m.Text, "⚠ "+e.Label.Vi) || !strings.Contains(m.Text, e.Fix.Vi) || !hasButton(m, w.vi("case.fixed_done")) {
						t.Fatalf("← at the reason, the case ended on the fix of %q: %q %v; want that fix again", e.Label.Vi, m.Text, buttonTexts(m))
					}
					if m = last(t, w.press(v, w.vi("case.fixed_done"))); !strings.Contains(m.Text, w.stepHead(g, 1)) {
						t.Errorf("%q on the fix ← drew: %q, want step 2", w.vi("case.fixed_done"), m.Text)
					}
					_, es := w.lastCase(v)
					if n := strings.Count(kindsAndNotes(es), "problem"); n != 1 {
						t.Errorf("events: %s, want the problem once", kindsAndNotes(es))
					}
					return
				}
				if !strings.Contains(m.Text, w.vi("case.flag_ask")) || !hasButton(m, w.vi("flag.what_button")) {
					t.Fatalf("← at the reason, the case ended on ⚑: %q %v; want %q again", m.Text, buttonTexts(m), w.vi("case.flag_ask"))
				}
				m = last(t, w.press(v, w.vi("flag.what_button")))
				if !strings.Contains(m.Text, w.vi("case.flag_saved")) || !strings.Contains(m.Text, w.stepHead(g, 0)) {
					t.Errorf("a flag given on the ⚑ screen ← drew: %q", m.Text)
				}
			})
		}
	}
}

// Ended at or past the step that submits the dossier, on its fix: ⏹ asks
// the outcome, whose ← (to that step) returns to the fix; so does ← at the
// reason asked after "could not submit", via the outcome question.
func TestReview26EBackFromTheOutcomeAfterEndingOnAFix(t *testing.T) {
	g := guide(t, "khai-sinh")
	at := g.SubmitStep()
	if at < 0 || len(g.Steps[at].Errors) == 0 {
		t.Fatalf("khai-sinh: step %d submits, with %d errors; the test needs one with an error", at, len(g.Steps[at].Errors))
	}
	e := g.Steps[at].Errors[0]
	w := newWorld(t)
	v := w.volunteer("Kết thúc ở bước nộp")
	w.startBirthCase(v)
	for range at {
		w.press(v, w.vi("case.done"))
	}
	w.press(v, w.vi("case.problem"))
	w.press(v, e.Label.Vi)
	w.press(v, w.vi("case.pause"))
	w.withCatalog(catalog)
	m := last(t, w.press(v, w.vi("case.end_button_outcome")))
	toStep := w.vi("case.to_step", locales.Data{"Step": at + 1})
	if !hasButton(m, toStep) {
		t.Fatalf("⏹ past the submit step: %q %v, want the outcome with %q", m.Text, buttonTexts(m), toStep)
	}
	isFix := func(m *telegramtest.Message) bool {
		return strings.Contains(m.Text, "⚠ "+e.Label.Vi) && strings.Contains(m.Text, e.Fix.Vi) && hasButton(m, w.vi("case.fixed_done"))
	}
	if m = last(t, w.press(v, toStep)); !isFix(m) {
		t.Fatalf("%q on the outcome asked at ⏹ on the fix of %q: %q %v; want that fix", toStep, e.Label.Vi, m.Text, buttonTexts(m))
	}
	w.press(v, w.vi("case.pause"))
	w.press(v, w.vi("case.end_button_outcome"))
	w.press(v, w.vi("outcome.not_submitted"))
	if m = last(t, w.press(v, w.vi("button.back"))); !hasButton(m, toStep) {
		t.Fatalf("← at the reason after 'could not submit': %q %v, want the outcome question", m.Text, buttonTexts(m))
	}
	if m = last(t, w.press(v, toStep)); !isFix(m) {
		t.Fatalf("%q after the reason and back: %q %v; want the fix", toStep, m.Text, buttonTexts(m))
	}
}

// Paused on the fix, taken up there (▶), back to the bare step and paused
// there: ⏹ then ← returns to the bare step, where it was ended, not to the
// fix of the first pause.
func TestReview26EBackAfterEndingOnTheStepLeftFromAFix(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	w := newWorld(t)
	v := w.volunteer("Rời cách xử lý")
	w.startBirthCase(v)
	w.press(v, w.vi("case.problem"))
	w.press(v, e.Label.Vi)
	w.press(v, w.vi("case.pause"))
	id := caseNo(w, v)
	if m := last(t, w.press(v, w.vi("case.resume_button", locales.Data{"Case": id}))); !strings.Contains(m.Text, e.Fix.Vi) {
		t.Fatalf("▶ on the pause message: %q", m.Text)
	}
	w.press(v, w.vi("case.to_step", locales.Data{"Step": 1}))
	w.press(v, w.vi("case.pause"))
	w.press(v, w.vi("case.end_button"))
	m := last(t, w.press(v, w.vi("button.back")))
	if strings.Contains(m.Text, e.Fix.Vi) || !strings.Contains(m.Text, w.stepHead(g, 0)) || !hasButton(m, w.vi("case.done")) {
		t.Fatalf("← at the reason, the case ended at the bare step: %q %v; want the step", m.Text, buttonTexts(m))
	}
}

// Two taps on ← at the reason that left the phone together: the case goes
// back once, to its fix; the second tap is told it is out of date, and the
// message shows the fix.
func TestReview26EDoubleTapOnBackAfterEndingOnAFix(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	w := newWorld(t)
	v := w.volunteer("Bấm hai lần")
	w.startBirthCase(v)
	w.press(v, w.vi("case.problem"))
	w.press(v, e.Label.Vi)
	w.press(v, w.vi("case.pause"))
	reason := last(t, w.press(v, w.vi("case.end_button")))
	w.tapTogether(v, reason, w.vi("button.back"))
	if got := lastAnswer(t, v); got != w.vi("button.stale") {
		t.Errorf("the second tap on ← answered %q, want %q", got, w.vi("button.stale"))
	}
	m := msgByID(t, v, reason.ID)
	if !strings.Contains(m.Text, e.Fix.Vi) || !hasButton(m, w.vi("case.fixed_done")) {
		t.Fatalf("after a double tap on ← at the reason: %q %v, want the fix", m.Text, buttonTexts(m))
	}
	_, es := w.lastCase(v)
	if got := kindsAndNotes(es); strings.Count(got, "resume") != 1 || strings.Count(got, "back") != 0 {
		t.Errorf("events after a double tap on ←: %s", got)
	}
}
