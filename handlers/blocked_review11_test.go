package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

// askedBlocked sets up a resident who blocked the bot while their
// follow-up's first reminder came due: it was recorded asked, not sent.
// It returns the world, the resident and the dossier code.
func askedBlocked(t *testing.T) (*world, *telegramtest.User, string) {
	return askedBlockedAs(t, false)
}

// askedBlockedAs is askedBlocked; member makes the resident a volunteer
// of a team themselves (their own dossier, helped by a colleague).
func askedBlockedAs(t *testing.T, member bool) (*world, *telegramtest.User, string) {
	received := vn(2026, 11, 20, 10, 0)
	due := vn(2026, 11, 26, 0, 0) // Thursday: asked on Friday 27/11
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	const code = "000.00.12.H26-261120-1101"
	res := w.srv.NewUser("Cụ Tư", "vi")
	if member {
		res = w.member("Tư", storage.RoleVolunteer, anHoiTayCode)
	}
	w.remindedCase(vol, res, code, received, due, true)
	w.bot.WaitHandled(t, res.Block())
	q := startQueue(t, w, clock)
	clock.Set(vn(2026, 11, 27, 8, 5))
	q.sweep()
	if n := w.sentTo(res); n != 0 {
		t.Fatalf("%d reminders tried to the resident who blocked the bot", n)
	}
	clock.Set(vn(2026, 11, 28, 21, 0))
	return w, res, code
}

// questions counts the messages that ask the reminder's question (with its
// buttons).
func (w *world) questions(ms []*telegramtest.Message) int {
	n := 0
	for _, m := range ms {
		if hasButton(m, w.vi("followup.reminder_not")) && hasButton(m, w.vi("followup.reminder_got")) {
			n++
		}
	}
	return n
}

// Telegram's "Restart" in a chat that blocked the bot sends my_chat_member
// ("member") and then /start. The unblock brought the question asked while
// blocked, and the /start showed it again: the resident was asked twice in
// a row. Now the /start right behind the unblock says where the question
// is and does not ask it again.
func TestRestartAfterBlockAsksOnce(t *testing.T) {
	w, res, code := askedBlocked(t)
	w.bot.WaitHandled(t, res.Unblock())
	w.bot.WaitHandled(t, res.SendText("/start"))
	got := w.settle(res)
	if n := w.questions(got); n != 1 {
		t.Fatalf("unblock then /start: the question asked %d times, want once: %q", n, texts(got))
	}
	if w.questions(got[:1]) != 1 || !strings.Contains(got[0].Text, code) {
		t.Errorf("the unblock's answer: %q, want the question", got[0].Text)
	}
	if len(got) < 2 || !strings.Contains(got[len(got)-1].Text, w.texts.For("vi").N("start.resident_asked", 1)) {
		t.Errorf("the /start after the unblock: %q, want a greeting that points at the question", texts(got[1:]))
	}
	// The question is answered as ever.
	if got := w.pressReceived(res); len(got) == 0 || !strings.Contains(texts(got)[len(got)-1], w.vi("followup.received")) {
		t.Errorf("\"Đã nhận\" after the restart: %q", texts(got))
	}
}

// The other order (the /start handled first, the unblock after it): the
// /start shows the question, the unblock finds nothing left to ask.
func TestStartThenUnblockAsksOnce(t *testing.T) {
	w, res, _ := askedBlocked(t)
	w.bot.WaitHandled(t, res.SendText("/start"))
	w.bot.WaitHandled(t, res.Unblock())
	got := w.settle(res)
	if n := w.questions(got); n != 1 {
		t.Fatalf("/start then unblock: the question asked %d times, want once: %q", n, texts(got))
	}
}

// A /start that is not right behind the unblock — the resident wrote
// something else in between — shows the question again, as /start does:
// it may be far up the chat by then.
func TestStartLaterShowsTheQuestionAgain(t *testing.T) {
	w, res, _ := askedBlocked(t)
	w.bot.WaitHandled(t, res.Unblock())
	w.bot.WaitHandled(t, res.SendText("/help"))
	w.settle(res)
	got := w.send(res, "/start")
	if n := w.questions(got); n != 1 {
		t.Fatalf("a later /start: the question shown %d times, want once: %q", n, texts(got))
	}
}

// A volunteer following their own dossier (a colleague helped them) gets
// the member's greeting on /start, and their follow-ups below it: on a
// Restart, the question the unblock just asked was listed again.
func TestRestartAfterBlockAsksAMemberOnce(t *testing.T) {
	w, res, _ := askedBlockedAs(t, true)
	w.bot.WaitHandled(t, res.Unblock())
	w.bot.WaitHandled(t, res.SendText("/start"))
	if got := w.settle(res); w.questions(got) != 1 {
		t.Fatalf("a member's unblock then /start: the question asked %d times, want once: %q", w.questions(got), texts(got))
	}
}
