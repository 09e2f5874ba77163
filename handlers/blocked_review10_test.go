package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident blocked the bot; the reminder due meanwhile counted as asked
// and was not sent. They unblock it from Telegram's settings (Privacy →
// Blocked users), which sends no /start: the bot cleared the mark and said
// nothing, and — the question being "asked" — never asked again. The
// follow-up stood still until retention. Unblocking now brings the question
// the resident was not sent.
func TestUnblockingBringsTheQuestionAskedWhileBlocked(t *testing.T) {
	received := vn(2026, 11, 20, 10, 0)
	due := vn(2026, 11, 26, 0, 0) // Thursday: asked on Friday 27/11
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	const code = "000.00.12.H26-261120-1001"
	res := w.srv.NewUser("Cụ Tư", "vi")
	id := w.remindedCase(vol, res, code, received, due, true)
	other := w.srv.NewUser("Bà Năm", "vi") // answered before blocking: nothing to ask again
	answered := w.remindedCase(vol, other, "000.00.12.H26-261120-1002", received, due, true)
	w.bot.WaitHandled(t, res.Block())

	q := startQueue(t, w, clock)
	clock.Set(vn(2026, 11, 27, 8, 5))
	q.sweep()
	if n := w.sentTo(res); n != 0 {
		t.Fatalf("%d reminders tried to the resident who blocked the bot", n)
	}
	w.settle(other)
	w.pressReceived(other)
	w.bot.WaitHandled(t, other.Block())

	clock.Set(vn(2026, 11, 28, 21, 0)) // a Saturday evening: the resident's own doing, answered at once
	w.bot.WaitHandled(t, res.Unblock())
	got := w.settle(res)
	if len(got) != 1 || !strings.Contains(got[0].Text, code) || !hasButton(got[0], w.vi("followup.reminder_not")) ||
		!hasButton(got[0], w.vi("followup.reminder_got")) || !hasButton(got[0], w.vi("followup.reminder_problem")) {
		t.Fatalf("after unblocking: %q, want the reminder's question", texts(got))
	}
	w.press(res, w.vi("followup.reminder_not"))
	if f, _ := w.followupRow(id); f.Status != storage.FollowupWaiting || !f.NextRemind.Valid {
		t.Errorf("after \"Chưa\": %+v, want the next question planned", f)
	}
	// Unblocked again later: nothing awaited, nothing sent.
	w.bot.WaitHandled(t, res.Block())
	w.bot.WaitHandled(t, res.Unblock())
	if got := w.settle(res); len(got) != 0 {
		t.Errorf("unblocked with no question awaited: %q", texts(got))
	}
	w.bot.WaitHandled(t, other.Unblock())
	if got := w.settle(other); len(got) != 0 {
		t.Errorf("the resident who had answered: %q", texts(got))
	}
	if f, _ := w.followupRow(answered); f.Status != storage.FollowupReceived {
		t.Errorf("the answered follow-up: %+v", f)
	}
}
