package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 15, item 1: a case's screen drawn again as a new message below
// (text typed where a tap was expected, /help, /lang, /cancel) takes the
// buttons off the copy above, which would otherwise answer "already
// finished" once the case moved on from the copy below.

// fresh is the messages the bot sent anew among ms, without the edits: the
// copy above a screen drawn again below loses its buttons by one.
func fresh(ms []*telegramtest.Message) []*telegramtest.Message {
	var out []*telegramtest.Message
	for _, m := range ms {
		if !m.Edited {
			out = append(out, m)
		}
	}
	return out
}

// noButtons fails unless message id shows no buttons now.
func noButtons(t *testing.T, u *telegramtest.User, id int, what string) {
	t.Helper()
	if m := msgByID(t, u, id); len(m.Buttons()) != 0 {
		t.Errorf("%s: the copy above still shows buttons %+v (%q)", what, m.Buttons(), m.Text)
	}
}

func TestOutcomeDrawnBelowTextTakesTheButtonsOffAbove(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Bên dưới")
	above := w.toOutcome(u, "khai-sinh", false)
	if !hasButton(above, w.vi("outcome.on_the_spot")) {
		t.Fatalf("outcome: %q", above.Text)
	}
	below := last(t, w.send(u, "cho minh hoi"))
	if below.ID == above.ID || !hasButton(below, w.vi("outcome.on_the_spot")) {
		t.Fatalf("typed text at the outcome: %q", below.Text)
	}
	noButtons(t, u, above.ID, "text at the outcome")
	if above := msgByID(t, u, above.ID); above.Text == "" {
		t.Errorf("the copy above lost its text")
	}

	// A restart loses nothing; the copy below still works, Back too.
	w.restart()
	w.press(u, w.vi("case.back_to_steps"))
	w.press(u, w.vi("case.done"))
	w.press(u, w.vi("outcome.on_the_spot"))
	c, _ := w.lastCase(u)
	if got := msgByID(t, u, below.ID); !strings.HasPrefix(got.Text, w.vi("summary.head", locales.Data{"Case": c.ID})) {
		t.Errorf("the outcome below became %q, want the summary", got.Text)
	}
	if c.Status != "closed" || !c.Outcome.Valid || c.Outcome.String != "on_the_spot" {
		t.Errorf("case after the outcome below: %s %v", c.Status, c.Outcome)
	}
	noButtons(t, u, above.ID, "after the case closed")
}

// /cancel, /help and /lang mid-step: the step above loses its buttons; the
// pause message (or the step below) takes the case on.
func TestStepDrawnBelowCommandsTakesTheButtonsOffAbove(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Lệnh")
	live := w.startBirthCase(u)
	below := last(t, w.send(u, "/help"))
	if !hasButton(below, w.vi("case.done")) {
		t.Fatalf("/help mid-step: %q", below.Text)
	}
	noButtons(t, u, live.ID, "/help")

	// Pressed on the step below, which now carries the case.
	step2 := last(t, w.press(u, w.vi("case.done")))
	if step2.ID != below.ID {
		t.Fatalf("Done on the step below drew %d, want %d", step2.ID, below.ID)
	}
	paused := last(t, w.send(u, "/cancel"))
	if !strings.HasPrefix(paused.Text, "⏸") {
		t.Fatalf("/cancel mid-step: %q", paused.Text)
	}
	noButtons(t, u, below.ID, "/cancel")
	c, _ := w.lastCase(u)
	back := last(t, w.press(u, w.vi("case.resume_button", locales.Data{"Case": c.ID})))
	if back.ID != paused.ID || !hasButton(back, w.vi("case.done")) {
		t.Fatalf("Continue after /cancel: %q", back.Text)
	}

	w.send(u, "/lang")
	en := last(t, w.press(u, "English"))
	if !hasButton(en, w.en("case.done")) {
		t.Fatalf("/lang mid-step: %q", en.Text)
	}
	noButtons(t, u, paused.ID, "/lang")
}

// A tap on the copy above that left the phone before its buttons were
// taken off is taken as before (the version is the same): nothing the
// volunteer pressed is lost, and it counts once; a double tap on the copy
// below leaves its summary.
func TestTapOnTheCopyAboveBeforeItsButtonsWentCounts(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Kịp bấm")
	above := w.toOutcome(u, "khai-sinh", false)
	spot := dataOf(t, above, w.vi("outcome.on_the_spot"))
	below := last(t, w.send(u, "cho minh hoi"))
	noButtons(t, u, above.ID, "text at the outcome")

	id, err := u.PressData(above.ID, spot) // left the phone before the edit came
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	c, events := w.lastCase(u)
	if c.Status != "closed" || c.Outcome.String != "on_the_spot" {
		t.Fatalf("the tap on the copy above: case %s, outcome %v", c.Status, c.Outcome)
	}
	w.doubleTap(u, below, w.vi("outcome.on_the_spot"))
	c2, events2 := w.lastCase(u)
	if c2.Outcome != c.Outcome || len(events2) != len(events) {
		t.Errorf("the copy below pressed after: outcome %v, events %s -> %s", c2.Outcome, kinds(events), kinds(events2))
	}
	if got := msgByID(t, u, above.ID); !strings.HasPrefix(got.Text, w.vi("summary.head", locales.Data{"Case": c.ID})) {
		t.Errorf("the copy above, pressed, shows %q; want the summary", got.Text)
	}
}

// Text typed twice in a row: the copy drawn below the first text, a new
// message, loses its buttons too when the second draws the screen below it
// (the bot learns a new message's id once Telegram took it: Sent).
func TestTwoTextsInARowLeaveOneCopyWithButtons(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Hai lần gõ")
	above := w.toOutcome(u, "khai-sinh", false)
	first := last(t, w.send(u, "cho minh hoi"))
	second := last(t, w.send(u, "cho minh hoi lai"))
	if second.ID == first.ID || !hasButton(second, w.vi("outcome.on_the_spot")) {
		t.Fatalf("the second text at the outcome: %q", second.Text)
	}
	noButtons(t, u, above.ID, "the first text")
	noButtons(t, u, first.ID, "the second text")
	w.press(u, w.vi("outcome.on_the_spot"))
	if c, _ := w.lastCase(u); c.Outcome.String != "on_the_spot" {
		t.Errorf("the outcome pressed on the last copy: %v", c.Outcome)
	}
	// A typed answer that moves the case on (a problem's note) draws the
	// next screen as a new message: text typed at it takes its buttons off.
	w.startBirthCase(u)
	w.press(u, w.vi("case.problem"))
	w.press(u, w.vi("case.problem_other"))
	step := last(t, w.send(u, "cong bao loi tai trang"))
	if !hasButton(step, w.vi("case.done")) {
		t.Fatalf("after the note: %q", step.Text)
	}
	below := last(t, w.send(u, "/help"))
	if !hasButton(below, w.vi("case.done")) || below.ID == step.ID {
		t.Fatalf("/help after the note: %q", below.Text)
	}
	noButtons(t, u, step.ID, "/help below the step drawn after a note")
}
