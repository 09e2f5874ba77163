package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// /leave typed mid-case, then "Ở lại": the answer replaced the question
// and the case's step stayed above both, so the volunteer's last message
// was not the case's screen (/help and /me bring it back below). Now the
// step comes back below, and the case goes on from it.
func TestLeaveStayMidCaseBringsTheStepBack(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	vol := w.volunteer("Lan")
	w.startBirthCase(vol)
	w.press(vol, w.vi("case.done"))
	ask := only(t, w.send(vol, "/leave"))
	got := w.press(vol, w.vi("leave.no"))
	m := last(t, got)
	if !strings.Contains(m.Text, w.stepHead(g, 1)) || !hasButton(m, w.vi("case.done")) || m.ID == ask.ID {
		t.Fatalf("Ở lại mid-case: %q, want step 2 below the answer", texts(got))
	}
	for _, s := range vol.Messages() {
		if s.ID == ask.ID && s.Text != w.vi("leave.stayed", locales.Data{"Role": w.vi("role.volunteer"), "Unit": anHoiTayVi}) {
			t.Errorf("the question reads %q after Ở lại", s.Text)
		}
	}
	if m := last(t, w.press(vol, w.vi("case.done"))); !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Errorf("✓ Done below the answer: %q", m.Text)
	}
	if c, _ := w.lastCase(vol); c.Status != storage.CaseOpen || c.Step != 2 {
		t.Errorf("the case is %s at step %d, want open at step 3", c.Status, c.Step+1)
	}
	// Out of a case, Ở lại only answers.
	w.send(vol, "/cancel")
	w.send(vol, "/leave")
	if got := w.press(vol, w.vi("leave.no")); len(got) != 1 || got[0].Text != w.vi("leave.stayed", locales.Data{"Role": w.vi("role.volunteer"), "Unit": anHoiTayVi}) {
		t.Errorf("Ở lại with no case on screen: %q", texts(got))
	}
}

// A double tap on "Ở lại" mid-case: the second tap, on the answer the
// first one left, drew the step a second time below.
func TestLeaveStayDoubleTapDrawsTheStepOnce(t *testing.T) {
	w := newWorld(t)
	vol := w.volunteer("Minh")
	w.startBirthCase(vol)
	ask := only(t, w.send(vol, "/leave"))
	w.doubleTap(vol, ask, w.vi("leave.no"))
	steps := 0
	for _, m := range vol.Messages() {
		if m.ID > ask.ID && hasButton(m, w.vi("case.done")) {
			steps++
		}
	}
	if steps != 1 {
		t.Errorf("after a double tap on Ở lại the step is drawn %d times below the question, want once", steps)
	}
	// The case was left by none of it, and goes on.
	if m := last(t, w.press(vol, w.vi("case.done"))); !strings.Contains(m.Text, w.stepHead(guide(t, "khai-sinh"), 1)) {
		t.Errorf("✓ Done after the double tap: %q", m.Text)
	}
}
