package handlers_test

import (
	"strings"
	"testing"
)

// A volunteer lost at a step types /help (or /me, to see the month's
// cases while the portal loads): the answer comes, and the step comes back
// below it with its buttons, as after /lang — the step's message was left
// above a long help text, to be found by scrolling up while the resident
// waits. The case goes on from the message below.
func TestHelpAndMeMidCaseBringTheStepBack(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Trợ giúp")
	w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	for _, cmd := range []string{"/help", "/me"} {
		ms := fresh(w.send(u, cmd)) // the step above loses its buttons (an edit)
		if len(ms) != 2 || !strings.Contains(ms[1].Text, w.stepHead(g, 1)) || !hasButton(ms[1], w.vi("case.done")) {
			var texts []string
			for _, m := range ms {
				texts = append(texts, m.Text)
			}
			t.Fatalf("%s at step 2: %q, want its answer and step 2 below", cmd, texts)
		}
		if cmd == "/help" && ms[0].Text != w.vi("help.volunteer") {
			t.Errorf("/help mid-case: %q", ms[0].Text)
		}
	}
	if m := last(t, w.press(u, w.vi("case.done"))); !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Errorf("✓ Done below the answers: %q", m.Text)
	}
	if c, _ := w.lastCase(u); c.Step != 2 {
		t.Errorf("the case is at step %d, want 3", c.Step+1)
	}
}

// A second resident comes up while the first one's case is at a step, and
// the volunteer types the procedure's name to look it up: the step wants a
// button, and the answer says so — and now also how to look up another
// procedure (/new, this case kept paused), which left them stuck before.
// Nothing typed is kept, and the case stays where it was.
func TestSearchTypedMidCaseSaysHow(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Người thứ hai")
	w.startBirthCase(u)
	m := last(t, w.send(u, "tam tru"))
	if !w.saysPress(m, "vi") || !strings.Contains(m.Text, w.vi("case.other_procedure")) ||
		len(m.Buttons()) != 0 && !strings.Contains(m.Text, w.stepHead(g, 0)) {
		t.Errorf("a search typed at a step: %q", m.Text)
	}
	if c, _ := w.lastCase(u); c.Status != "open" || c.Step != 0 {
		t.Errorf("the case is %s at step %d", c.Status, c.Step+1)
	}
	if tables := w.stored(t, "tam tru"); len(tables) > 0 {
		t.Errorf("the words typed are kept in %v", tables)
	}
	// /new then pauses it, and the words find the procedure.
	w.send(u, "/new")
	if m := last(t, w.send(u, "tam tru")); !hasButton(m, guide(t, "tam-tru").Title.Vi) {
		t.Errorf("the search after /new: %q", m.Text)
	}
	if c, _ := w.lastCase(u); c.Status != "paused" {
		t.Errorf("the case is %s after /new", c.Status)
	}
}

// The portal shows the dossier code as the last step is submitted, and the
// volunteer pastes it at once, before choosing the outcome: the answer says
// the code is asked right after the outcome — not to look up another
// procedure with /new, which would be no help — and the code is then kept.
func TestDossierCodeBeforeTheOutcome(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Vội")
	w.toOutcome(u, "khai-sinh", true)
	const code = "G22.50-251130-0042"
	m := last(t, w.send(u, code))
	if !strings.HasPrefix(m.Text, w.vi("case.code_after_outcome")) || strings.Contains(m.Text, w.vi("case.other_procedure")) ||
		!hasButton(m, w.vi("outcome.submitted")) {
		t.Errorf("a code typed at the outcome question: %q", m.Text)
	}
	w.press(u, w.vi("outcome.submitted"))
	w.send(u, code)
	c, _ := w.lastCase(u)
	var kept string
	if err := w.store.DB().Get(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil || kept != code {
		t.Errorf("the code: %q (%v)", kept, err)
	}
}
