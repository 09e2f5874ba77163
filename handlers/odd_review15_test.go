package handlers_test

import (
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
