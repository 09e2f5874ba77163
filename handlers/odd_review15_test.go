package handlers_test

import (
	"strconv"
	"strings"
	"testing"
)

// Review 15, the volunteer's odd paths. /start typed mid-case (from the
// menu, by a volunteer who feels lost) greeted them and left the step above
// the greeting, to be found by scrolling up while the resident waits; /help
// and /me draw it again below their answer. So does /start now, and the
// case goes on from there.
func TestStartMidCaseBringsTheStepBack(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Bắt đầu")
	live := w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	ms := fresh(w.send(u, "/start"))
	if len(ms) != 2 || !strings.Contains(ms[1].Text, w.stepHead(g, 1)) || !hasButton(ms[1], w.vi("case.done")) {
		t.Fatalf("/start at step 2: %q, want the greeting and step 2 below", texts(ms))
	}
	noButtons(t, u, live.ID, "/start")
	if m := last(t, w.press(u, w.vi("case.done"))); m.ID != ms[1].ID || !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Errorf("✓ Done below the greeting: %q", m.Text)
	}
	if c, _ := w.lastCase(u); c.Step != 2 {
		t.Errorf("the case is at step %d, want 3", c.Step+1)
	}
}

// An emoji, a dot or an invisible character sent at a step (a thumb up to
// the resident's phone, a slip of the finger) is not a procedure looked
// up: the answer asks for a button, and no longer says how to look up
// another procedure, which only words call for.
func TestNoWordsMidCaseGetNoSearchHint(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Biểu tượng")
	w.startBirthCase(u)
	for _, text := range []string{"👍", ".", "\u200b"} {
		m := last(t, w.send(u, text))
		if !w.saysPress(m, "vi") {
			t.Errorf("%q at a step: %q", text, m.Text)
		}
		if strings.Contains(m.Text, w.vi("case.other_procedure")) {
			t.Errorf("%q at a step is answered with how to look up another procedure", text)
		}
	}
	// Words still are.
	if m := last(t, w.send(u, "tam tru")); !strings.Contains(m.Text, w.vi("case.other_procedure")) {
		t.Errorf("words at a step: %q", m.Text)
	}
}

// /new typed while the case asks for its dossier code (the next resident
// came) closes that case as with "no code" — its outcome is final — but
// said nothing: the volunteer, who thinks it paused, found no case to
// /resume. The list now says above it that the case was saved without a
// code, and that the code may still be sent for it.
func TestNewAtTheCodeSaysTheCaseWasSaved(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Người sau")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	m := last(t, w.send(u, "/new"))
	c, _ := w.lastCase(u)
	if c.Status != "closed" {
		t.Fatalf("left at its code, the case is %s", c.Status)
	}
	if !strings.Contains(m.Text, "#"+strconv.FormatInt(c.ID, 10)) || !strings.Contains(m.Text, w.vi("case.pick")) {
		t.Errorf("/new at the code: %q, want a word on case #%d above the list", m.Text, c.ID)
	}
	// The next /new says nothing more of it.
	if m := last(t, w.send(u, "/new")); strings.Contains(m.Text, "#"+strconv.FormatInt(c.ID, 10)) {
		t.Errorf("the second /new: %q", m.Text)
	}
}
