package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// pressAged presses label on message msg as Telegram reports a press on a
// message sent long ago (its content not given), and returns what the bot
// sent or edited.
func (w *world) pressAged(u *telegramtest.User, msg int, label string) []*telegramtest.Message {
	w.t.Helper()
	id, err := u.PressAged(msg, label)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, id)
	return drain(u)
}

// A case left on a step on Friday (the resident went to fetch a paper) and
// taken up on Monday: Telegram no longer gives the pressed message's
// content, yet the bot may still edit its own message. ✓ Done there moves
// that very message to the next step, as on any day — it used to come as a
// new message, the old one left showing step 1 with live-looking buttons;
// a second tap of a double tap on the weak connection added yet another
// copy of the step. The same for ▶ Continue on a pause message days old.
func TestPressOnAgedMessageEditsItInPlace(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Thứ Hai")
	live := w.startBirthCase(u)

	second := dataOf(t, live, w.vi("case.done"))
	ms := w.pressAged(u, live.ID, w.vi("case.done"))
	if len(ms) != 1 || ms[0].ID != live.ID || !strings.Contains(ms[0].Text, w.stepHead(g, 1)) {
		t.Fatalf("✓ Done on the aged step message: %d messages %+v, want message %d edited to step 2", len(ms), ms, live.ID)
	}
	// The second tap of a double tap, on the same aged message: stale,
	// and the message already shows where the case stands.
	id, err := u.PressAgedData(live.ID, second)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if ms := drain(u); len(ms) != 0 {
		t.Errorf("the second tap on the aged message sent %d messages: %+v", len(ms), ms)
	}
	if c, _ := w.lastCase(u); c.Step != 1 {
		t.Errorf("after a double tap the case is at step %d, want 2", c.Step+1)
	}

	w.press(u, w.vi("case.pause"))
	c, _ := w.lastCase(u)
	if c.Status != storage.CasePaused {
		t.Fatalf("case %s after ⏸", c.Status)
	}
	ms = w.pressAged(u, live.ID, w.vi("case.resume_button", locales.Data{"Case": c.ID}))
	if len(ms) != 1 || ms[0].ID != live.ID || !strings.Contains(ms[0].Text, w.stepHead(g, 1)) {
		t.Fatalf("▶ Continue on the aged pause message: %d messages %+v, want message %d edited to step 2", len(ms), ms, live.ID)
	}
	if ms := w.press(u, w.vi("case.done")); len(ms) != 1 || ms[0].ID != live.ID || !strings.Contains(ms[0].Text, w.stepHead(g, 2)) {
		t.Errorf("✓ Done after taking the case up: %+v", ms)
	}
}

// Should Telegram refuse to edit an old message ("message can't be
// edited"), the screen comes as a new message: the volunteer who pressed
// ✓ Done is never left with a spinner's answer and no step.
func TestUneditableMessageGetsTheScreenBelow(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Cũ")
	live := w.startBirthCase(u)
	u.Freeze(live.ID)
	ms := w.pressAged(u, live.ID, w.vi("case.done"))
	if len(ms) != 1 || ms[0].ID == live.ID || !strings.Contains(ms[0].Text, w.stepHead(g, 1)) || !hasButton(ms[0], w.vi("case.done")) {
		t.Fatalf("✓ Done on a message that cannot be edited: %d messages %+v, want step 2 in a new one", len(ms), ms)
	}
	if ms := w.press(u, w.vi("case.done")); len(ms) != 1 || !strings.Contains(ms[0].Text, w.stepHead(g, 2)) {
		t.Errorf("✓ Done on the new message: %+v", ms)
	}
}
