package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// pressOn presses label on message id and returns what changed.
func (w *world) pressOn(u *telegramtest.User, id int, label string) []*telegramtest.Message {
	w.t.Helper()
	upd, err := u.PressOn(id, label)
	if err != nil {
		w.t.Fatalf("press %q on message %d: %v", label, id, err)
	}
	w.bot.WaitHandled(w.t, upd)
	return drain(u)
}

// Review 24E: the pause message's buttons work whenever they are pressed,
// and draw the case on that message. Pressed while the case was already
// open again on another message (/resume), that message kept its buttons:
// two copies of the case's screen, the older answering "out of date" and
// redrawn, by its press, into a second live copy (one copy with buttons,
// docs/wizard.md). The copy the case leaves loses its buttons.
func TestPauseMessagePressedLeavesOneCopy(t *testing.T) {
	w := newWorld(t)
	tr := w.texts.For("vi")
	u := w.volunteer("Một bản")
	w.toChecklist(u, tr)
	w.press(u, tr.T("case.begin"))
	p := last(t, w.press(u, tr.T("case.pause")))
	c, _ := w.lastCase(u)
	live := last(t, w.send(u, "/resume"))
	if !hasButton(live, tr.T("case.done")) || live.ID == p.ID {
		t.Fatalf("/resume: %q %+v", live.Text, live.Buttons())
	}
	w.pressOn(u, p.ID, tr.T("case.resume_button", locales.Data{"Case": c.ID}))
	if got := msgByID(t, u, p.ID); !hasButton(got, tr.T("case.done")) {
		t.Fatalf("▶ on the pause message: %q %+v", got.Text, got.Buttons())
	}
	if got := msgByID(t, u, live.ID); len(got.Buttons()) != 0 {
		t.Errorf("▶ on the pause message: the step /resume drew keeps its buttons %+v", got.Buttons())
	}

	// End on a pause message while the case is open below.
	p2 := last(t, w.send(u, "/cancel"))
	live = last(t, w.send(u, "/resume"))
	w.pressOn(u, p2.ID, tr.T("case.end_button"))
	if got := msgByID(t, u, live.ID); len(got.Buttons()) != 0 {
		t.Errorf("⏹ on the pause message: the step /resume drew keeps its buttons %+v", got.Buttons())
	}
	reason := tr.T("reason.changed_mind")
	w.pressOn(u, p2.ID, reason)
	if c, es := w.lastCase(u); c.Status != storage.CaseClosed || c.Reason.String != "changed_mind" || kinds(es) == "" {
		t.Errorf("ended from the pause message: %s %q", c.Status, c.Reason.String)
	}
}
