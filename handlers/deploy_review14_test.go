package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A case paused at its last step, which a deploy then removed: /resume
// showed the step before it again — already done — saying the case goes
// on "from the step below". Nothing is left to do but the outcome.
func TestResumeAfterTheLastStepLeftAsksTheOutcome(t *testing.T) {
	g := guide(t, "khai-sinh")
	for _, how := range []string{"/resume", "▶"} {
		t.Run(how, func(t *testing.T) {
			w := newWorld(t)
			u := w.volunteer("Bước cuối")
			w.startBirthCase(u)
			for range len(g.Steps) - 1 {
				w.press(u, w.vi("case.done"))
			}
			paused := last(t, w.press(u, w.vi("case.pause"))) // at the last step, not done

			changed := *g
			changed.Steps = slices.Clone(g.Steps[:len(g.Steps)-1])
			w.withCatalog(guides.NewCatalog(&changed))

			var m = paused
			if how == "/resume" {
				m = last(t, w.send(u, "/resume"))
			} else {
				id, err := u.PressOn(paused.ID, w.vi("case.resume_button", locales.Data{"Case": caseNo(w, u)}))
				if err != nil {
					t.Fatal(err)
				}
				w.bot.WaitHandled(t, id)
				drain(u)
				m = msgByID(t, u, paused.ID)
			}
			if !strings.Contains(m.Text, w.vi("case.step_left_last")) || !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
				t.Errorf("taken up after its last step left the guide, the case shows %q, want the note above the outcome question", m.Text)
			}
			c, events := w.lastCase(u)
			if c.Phase != storage.PhaseOutcome || c.StepID.Valid || events[len(events)-1].Kind != "resume" {
				t.Errorf("case at %s (step id %v), events %s", c.Phase, c.StepID, kinds(events))
			}
			m = last(t, w.press(u, w.vi("outcome.on_the_spot")))
			if c, _ = w.lastCase(u); c.Status != storage.CaseClosed || !strings.Contains(m.Text, w.vi("summary.head", locales.Data{"Case": c.ID})) {
				t.Errorf("the outcome after it: %+v, %q", c, m.Text)
			}
		})
	}
}

// The same case ended from its pause message instead: it was at its steps
// when paused, so End is no "too late"; it is ended from the outcome
// question it now stands at, and Back returns there.
func TestEndAfterTheLastStepLeftIsNotTooLate(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Kết thúc cuối")
	w.startBirthCase(u)
	for range len(g.Steps) - 1 {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("case.pause"))
	changed := *g
	changed.Steps = slices.Clone(g.Steps[:len(g.Steps)-1])
	w.withCatalog(guides.NewCatalog(&changed))

	// Paused at the step that submits the dossier, its End button asked
	// for the outcome; the guide without that step marks none, so End
	// asks why.
	m := last(t, w.press(u, w.vi("case.end_button_outcome")))
	if strings.Contains(m.Text, w.vi("case.end_too_late")) || !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
		t.Errorf("End after the last step left the guide: %q", m.Text)
	}
	if m = last(t, w.press(u, w.vi("button.back"))); !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Errorf("Back from the reason: %q", m.Text)
	}
}

// A volunteer on the last step when a deploy removes it presses ✓ Done:
// nothing is recorded, and the case stands at its outcome question — not
// at the step before, done already.
func TestDoneOnTheLastStepThatLeftShowsTheOutcome(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Xong cuối")
	w.startBirthCase(u)
	for range len(g.Steps) - 1 {
		w.press(u, w.vi("case.done"))
	}
	_, before := w.lastCase(u)
	changed := *g
	changed.Steps = slices.Clone(g.Steps[:len(g.Steps)-1])
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.press(u, w.vi("case.done")))
	c, events := w.lastCase(u)
	if len(events) != len(before) || c.Phase != storage.PhaseOutcome {
		t.Errorf("✓ Done on a step that left the guide recorded %s; the case is at %s", kinds(events[len(before):]), c.Phase)
	}
	if !strings.Contains(m.Text, w.vi("case.step_gone")) || !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Errorf("shown %q, want the note above the outcome question", m.Text)
	}
}

// The same, but /help typed first: the case is drawn again below it — at
// the step before, done already, whose ✓ Done then recorded it a second
// time. A step's screens are drawn only for a case at its steps.
func TestHelpAfterTheLastStepLeftDrawsTheOutcome(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Trợ giúp cuối")
	w.startBirthCase(u)
	for range len(g.Steps) - 1 {
		w.press(u, w.vi("case.done"))
	}
	changed := *g
	changed.Steps = slices.Clone(g.Steps[:len(g.Steps)-1])
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.send(u, "/help"))
	if !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Errorf("below /help: %q, want the outcome question", m.Text)
	}
	_, before := w.lastCase(u)
	if hasButton(m, w.vi("case.done")) {
		w.press(u, w.vi("case.done"))
	} else {
		w.press(u, w.vi("outcome.on_the_spot"))
	}
	c, events := w.lastCase(u)
	if c.Status != storage.CaseClosed || slices.ContainsFunc(events[len(before):], func(e storage.CaseEvent) bool { return e.Kind == "done" }) {
		t.Errorf("after the screen below /help: %s, events %s", c.Status, kinds(events))
	}
}
