package handlers_test

// Odd paths of a live case across a deploy that moved or removed its step
// (cases.step_id), found in review: each test fails before its fix.

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage"
)

// A deploy removed the step on screen; the volunteer types /resume (the
// live message had scrolled away) and the bot shows the step that now has
// its number. ✓ Done on that message — the step they see — must count for
// it, not be refused as "the step you were looking at is no longer in the
// guide" (the volunteer never saw the removed step on this message).
func TestResumeAfterStepRemovedThenDoneCounts(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Tiếp tục")
	w.startBirthCase(u)
	for range 3 {
		w.press(u, w.vi("case.done"))
	}
	changed := *g
	changed.Steps = append(slices.Clone(g.Steps[:3]), g.Steps[4:]...) // the step on screen dropped
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.send(u, "/resume"))
	shown := changed.Steps[3]
	if !strings.Contains(m.Text, shown.Title.Vi) {
		t.Fatalf("/resume shows %q, want %s", strings.SplitN(m.Text, "\n", 3)[:2], shown.ID)
	}
	_, before := w.lastCase(u)
	after := last(t, w.press(u, w.vi("case.done")))
	_, events := w.lastCase(u)
	if len(events) == len(before) {
		t.Fatalf("✓ Done on the step /resume showed (%s) recorded nothing; the bot answered %q", shown.ID,
			strings.SplitN(after.Text, "\n", 2)[0])
	}
	if e := events[len(events)-1]; e.Kind != "done" || e.StepID.String != shown.ID {
		t.Errorf("✓ Done on %s recorded %s %s", shown.ID, e.Kind, e.StepID.String)
	}
}

// The volunteer pauses at step 4, ends the case ("End this case"), and
// while the reason question is up a deploy adds a step at the start of the
// guide. ← Back must return to the step the case was ended at (found by
// its id, as every other screen of a live case does), not to the step
// before it that now has its number.
func TestBackAfterEndAcrossADeployReturnsToTheSameStep(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Quay lại")
	w.startBirthCase(u)
	for range 3 {
		w.press(u, w.vi("case.done"))
	}
	endedAt := g.Steps[3]
	w.press(u, w.vi("case.pause"))
	w.press(u, w.vi("case.end_button")) // the reason question

	extra := g.Steps[0]
	extra.ID = "a-new-first-step"
	changed := *g
	changed.Steps = append([]guides.Step{extra}, g.Steps...)
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.press(u, w.vi("button.back")))
	c, _ := w.lastCase(u)
	if c.Phase != storage.PhaseSteps || c.StepID.String != endedAt.ID || !strings.Contains(m.Text, endedAt.Title.Vi) {
		t.Errorf("Back after End: the case is at %s %q and shows %q, want step %s (%q)", c.Phase, c.StepID.String,
			strings.SplitN(m.Text, "\n", 3)[1], endedAt.ID, endedAt.Title.Vi)
	}
}

// /cancel typed on a live case whose step left the guide in a deploy must
// do what /cancel always does: set the case aside and leave the wizard. It
// only redraws the step ("that tap was not recorded") and the case stays
// open on screen.
func TestCancelAfterStepRemovedPausesTheCase(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Huỷ")
	w.startBirthCase(u)
	for range 3 {
		w.press(u, w.vi("case.done"))
	}
	changed := *g
	changed.Steps = append(slices.Clone(g.Steps[:3]), g.Steps[4:]...) // the step on screen dropped
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.send(u, "/cancel"))
	c, _ := w.lastCase(u)
	if c.Status != storage.CasePaused || w.flowOf(u) != "" {
		t.Errorf("/cancel left the case %s with the chat in flow %q; the bot answered %q", c.Status, w.flowOf(u),
			strings.SplitN(m.Text, "\n", 2)[0])
	}
}
