package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Text typed where a tap was expected draws the step again below; a double
// tap on ⏸ there must leave the pause message, as on the step's first
// message: the second tap turned it into the list of open cases.
func TestDoubleTapPauseBelowTypedTextKeepsPauseMessage(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Gõ nhầm")
	w.startBirthCase(u)
	// A second resident came: the step again, below the hint — once the
	// step is no longer just above (a short line answers till then: review 23v).
	below := last(t, w.send(u, "tam tru"))
	for i := 0; i < 3 && !hasButton(below, w.vi("case.pause")); i++ {
		below = last(t, w.send(u, "tam tru"))
	}
	if !hasButton(below, w.vi("case.pause")) {
		t.Fatalf("typed text mid-step: %q", below.Text)
	}
	w.doubleTap(u, below, w.vi("case.pause"))
	m := msgByID(t, u, below.ID)
	if !strings.HasPrefix(m.Text, "⏸") || !hasButton(m, w.vi("case.end_button")) {
		t.Errorf("after a double tap on ⏸ the pause message shows %q", m.Text)
	}
	if f := w.flowOf(u); f != "" {
		t.Errorf("a stale second tap put the chat in flow %q", f)
	}
}

// The same for the outcome drawn again below /help while another case is
// paused: the summary — the case's record, with the resident's links —
// became the list of open cases.
func TestDoubleTapOutcomeBelowHelpKeepsSummary(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Trợ giúp")
	w.startBirthCase(u)
	w.press(u, w.vi("case.pause")) // one case set aside
	w.toOutcome(u, "khai-sinh", false)
	below := last(t, w.send(u, "/help"))
	if !hasButton(below, w.vi("outcome.on_the_spot")) {
		t.Fatalf("/help at the outcome: %q", below.Text)
	}
	w.doubleTap(u, below, w.vi("outcome.on_the_spot"))
	c, _ := w.lastCase(u)
	if got := msgByID(t, u, below.ID); !strings.HasPrefix(got.Text, w.vi("summary.head", locales.Data{"Case": c.ID})) {
		t.Errorf("after a double tap on the outcome the summary became %q", got.Text)
	}
}
