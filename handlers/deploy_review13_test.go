package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// A volunteer reads step 1's sub-guide when a deploy takes it away (the
// step no longer names one): the sub screen is drawn as the step, and the
// step's buttons must work there — ✓ Done answered "out of date" at every
// tap, and the volunteer could not move on.
func TestSubGuideGoneInADeployLeavesTheStepWorking(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Đọc")
	w.startBirthCase(u)
	sub := guide(t, g.Steps[0].Subguide)
	w.press(u, "📖 "+sub.Title.Vi)

	changed := *g
	changed.Steps = slices.Clone(g.Steps)
	changed.Steps[0].Subguide = ""
	w.withCatalog(guides.NewCatalog(&changed))

	w.press(u, w.vi("case.to_step", locales.Data{"Step": 1}))
	w.press(u, w.vi("case.done"))
	m := u.Last()
	_, events := w.lastCase(u)
	if e := events[len(events)-1]; e.Kind != "done" || e.StepID.String != g.Steps[0].ID {
		t.Errorf("✓ Done on step 1 after its sub-guide left recorded %s (%s), want done %s; shown %q",
			kinds(events), e.StepID.String, g.Steps[0].ID, strings.SplitN(m.Text, "\n", 3)[:2])
	}
}

// The same for a fix on screen whose error a deploy took away: the screen
// is drawn as the step's problems, and "other problem" there must work.
func TestErrorGoneInADeployLeavesTheProblemsWorking(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Lỗi")
	w.startBirthCase(u)
	w.press(u, w.vi("case.problem"))
	w.press(u, g.Steps[0].Errors[0].Label.Vi)

	changed := *g
	changed.Steps = slices.Clone(g.Steps)
	changed.Steps[0].Errors = nil
	w.withCatalog(guides.NewCatalog(&changed))

	w.press(u, w.vi("case.fixed_done")) // out of date: the screen comes as the problems
	w.press(u, w.vi("case.problem_other"))
	m := u.Last()
	if !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
		t.Errorf("\"other problem\" after the error left the guide shows %q, want the note's question", m.Text)
	}
}

// A case paused at step 4, whose step 4 a deploy removed overnight: /resume
// took it up at the step that now has its number without a word, and the
// volunteer, back at "step 4", carried on as if nothing had changed.
func TestResumeAfterThePausedStepLeftSaysSo(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Hôm sau")
	w.startBirthCase(u)
	for range 3 {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("case.pause"))

	changed := *g
	changed.Steps = append(slices.Clone(g.Steps[:3]), g.Steps[4:]...) // the step paused at dropped
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.send(u, "/resume"))
	if !strings.Contains(m.Text, w.vi("case.step_left")) || !strings.Contains(m.Text, changed.Steps[3].Title.Vi) {
		t.Errorf("/resume after the paused step left the guide shows %q, want the note above %s", m.Text, changed.Steps[3].ID)
	}
}
