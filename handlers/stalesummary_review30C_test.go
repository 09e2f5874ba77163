package handlers_test

import (
	"strings"
	"testing"
)

// Review 30: a step's button of a finished case, pressed on a phone that
// had not yet shown the case's summary in its place (a second phone, a
// weak connection), drew the case open now over that summary: the record
// of the case just saved — its number, outcome, the dossier code kept —
// was gone from the chat, and the open case's screen stood twice. The
// press is out of date; the summary stays, and so does the open case's
// screen, where it was.
func TestReview30StaleStepButtonLeavesTheSummary(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Hai máy")
	a := w.startBirthCase(u)
	done := dataOf(t, msgByID(t, u, a.ID), w.vi("case.done"))
	for range g.Steps {
		w.press(u, w.vi("case.done"))
	}
	summary := last(t, w.press(u, w.vi("outcome.on_the_spot")))
	if summary.ID != a.ID || !hasButton(summary, w.vi("case.new_button")) {
		t.Fatalf("the summary: %d %q, want it on message %d", summary.ID, summary.Text, a.ID)
	}
	b := w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	live := msgByID(t, u, b.ID)

	id, err := u.PressData(a.ID, done)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	if got := lastAnswer(t, u); got != w.vi("button.stale") {
		t.Errorf("the old step's press answered %q, want %q", got, w.vi("button.stale"))
	}
	if m := msgByID(t, u, a.ID); m.Text != summary.Text || !hasButton(m, w.vi("case.new_button")) {
		t.Errorf("the summary of the finished case became %q %q", firstLine(m.Text), titles(m.Buttons()))
	}
	if m := msgByID(t, u, b.ID); m.Text != live.Text || !slicesEqual(titles(m.Buttons()), titles(live.Buttons())) {
		t.Errorf("the open case's screen became %q %q, want it as it was", firstLine(m.Text), titles(m.Buttons()))
	}
	if c, _ := w.lastCase(u); c.Step != 1 || !strings.Contains(msgByID(t, u, b.ID).Text, w.stepHead(g, 1)) {
		t.Errorf("the open case is at step %d", c.Step+1)
	}
	// Its screen goes on where it was.
	if m := last(t, w.press(u, w.vi("case.done"))); m.ID != b.ID || !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Errorf("Done on the open case: message %d %q, want step 3 on message %d", m.ID, firstLine(m.Text), b.ID)
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }
