package handlers_test

import (
	"database/sql"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// codeWorld is a volunteer's case with a code typed wrong, whose link a
// resident opened; correct replaces the code with the right one, as the
// volunteer does.
type codeWorld struct {
	*world
	clk *clock
	v   *telegramtest.User
}

func newCodeWorld(t *testing.T) *codeWorld {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	return &codeWorld{world: w, clk: clk, v: w.volunteer("Sửa mã")}
}

// resident closes a case with wrong and has a new resident open its link.
func (w *codeWorld) resident(name, wrong string) *telegramtest.User {
	w.t.Helper()
	w.clk.advance(time.Hour)
	ms := w.finishWithCode(w.v, wrong)
	res := w.srv.NewUser(name, "vi")
	w.send(res, "/start "+qrToken(w.t, ms[0].Photo))
	return res
}

func (w *codeWorld) correct(right string) {
	w.t.Helper()
	c, _ := w.lastCase(w.v)
	w.clk.advance(3 * time.Minute)
	w.send(w.v, right)
	w.press(w.v, w.vi("case.replace_button", locales.Data{"Case": c.ID}))
}

// followupBlocked says whether u's follow-ups are marked blocked.
func (w *codeWorld) followupBlocked(u *telegramtest.User) bool {
	w.t.Helper()
	var at sql.NullTime
	if err := w.store.DB().Get(&at, `SELECT max(blocked_at) FROM followups WHERE resident_chat = $1`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return at.Valid
}

// refuseAsBlocked makes Telegram refuse every message to u as "bot was
// blocked by the user", without the my_chat_member update that says so
// (it comes later, or never): the bot learns of the block from a refusal.
func (w *codeWorld) refuseAsBlocked(u *telegramtest.User) {
	w.srv.Inject(telegramtest.Fault{Code: http.StatusForbidden, ChatID: u.ID,
		Description: "Forbidden: bot was blocked by the user"})
}

// count is how many times s appears in ms' texts.
func count(ms []*telegramtest.Message, s string) int {
	n := 0
	for _, m := range ms {
		n += strings.Count(m.Text, s)
	}
	return n
}

// A correction sent at the very moment the resident blocked the bot —
// Telegram refuses it "bot was blocked by the user", the my_chat_member
// update not handled yet — was dropped and never said again: the code
// they were shown was kept only for a block the bot knew of before the
// correction. Found in review 15. The resident now learns the right code
// when they come back, whichever way: by unblocking the bot, or by a
// /start (a "Restart" whose unblock was lost, or the block never told).
func TestCodeCorrectionRefusedAsBlockedIsToldOnReturn(t *testing.T) {
	w := newCodeWorld(t)

	const wrong, right = "000.00.12.H26-251127-0070", "000.00.12.H26-251127-0007"
	res := w.resident("Cư dân", wrong)
	w.refuseAsBlocked(res)
	w.correct(right)
	eventually(t, "the refused correction to be recorded as a block", func() bool { return w.followupBlocked(res) })
	w.srv.ClearFaults()
	drain(res)
	w.bot.WaitHandled(t, res.Unblock())
	told := w.vi("followup.code_corrected", locales.Data{"Old": wrong, "Code": right})
	if got := w.settle(res); count(got, told) != 1 {
		t.Errorf("unblocking after a refused correction: said %d times, want once: %q", count(got, told), texts(got))
	}
	if got := w.send(res, "/start"); count(got, told) != 0 {
		t.Errorf("the /start after the unblock says it again: %q", texts(got))
	}

	// Back by a /start, no unblock update.
	const wrong2, right2 = "000.00.12.H26-251127-0080", "000.00.12.H26-251127-0008"
	res2 := w.resident("Bà Hai", wrong2)
	w.refuseAsBlocked(res2)
	w.correct(right2)
	eventually(t, "the refused correction to be recorded as a block", func() bool { return w.followupBlocked(res2) })
	w.srv.ClearFaults()
	drain(res2)
	told2 := w.vi("followup.code_corrected", locales.Data{"Old": wrong2, "Code": right2})
	if got := w.send(res2, "/start"); count(got, told2) != 1 {
		t.Errorf("/start after a refused correction: said %d times, want once: %q", count(got, told2), texts(got))
	}
	if got := w.send(res2, "/start"); count(got, told2) != 0 {
		t.Errorf("the next /start says it again: %q", texts(got))
	}
}

// A correction the resident's chat received is not said again: not when
// they block the bot afterwards and come back, nor at their /start.
func TestCodeCorrectionDeliveredIsNotToldAgain(t *testing.T) {
	w := newCodeWorld(t)
	const wrong, right = "000.00.12.H26-251127-0090", "000.00.12.H26-251127-0009"
	res := w.resident("Cư dân", wrong)
	w.correct(right)
	told := w.vi("followup.code_corrected", locales.Data{"Old": wrong, "Code": right})
	if got := w.settle(res); count(got, told) != 1 {
		t.Fatalf("the correction: %q", texts(got))
	}
	w.bot.WaitHandled(t, res.Block())
	w.bot.WaitHandled(t, res.Unblock())
	w.bot.WaitHandled(t, res.SendText("/start"))
	if got := w.settle(res); count(got, told) != 0 {
		t.Errorf("blocked and back after the correction came: said again: %q", texts(got))
	}
}

// A resident who comes back after a block without a /start and without
// the unblock update (a "Restart" whose update was lost: Telegram does not
// promise it) — who taps an old message's button, or types — was never
// told the code corrected meanwhile: only /start and the unblock said it.
// Found in review 15. Their first update says it, once.
func TestCodeCorrectedWhileBlockedIsToldAtAnyReturn(t *testing.T) {
	w := newCodeWorld(t)
	hold := func(u *telegramtest.User) {
		t.Helper()
		// Blocked, as the bot recorded it; the unblock's update lost.
		if _, err := w.store.DB().Exec(`UPDATE followups SET blocked_at = now() WHERE resident_chat = $1`, u.ID); err != nil {
			t.Fatal(err)
		}
	}

	// An old message's button.
	const wrong, right = "000.00.12.H26-251127-0110", "000.00.12.H26-251127-0011"
	res := w.resident("Cư dân", wrong)
	hold(res)
	w.correct(right)
	if got := drain(res); len(got) != 0 {
		t.Fatalf("sent to a chat held blocked: %q", texts(got))
	}
	told := w.vi("followup.code_corrected", locales.Data{"Old": wrong, "Code": right})
	got := w.press(res, w.vi("followup.consent_yes"))
	if count(got, told) != 1 {
		t.Errorf("a press after coming back: said %d times, want once: %q", count(got, told), texts(got))
	}
	if got := w.press(res, "4★"); count(got, told) != 0 {
		t.Errorf("the next press says it again: %q", texts(got))
	}

	// Typed text.
	const wrong2, right2 = "000.00.12.H26-251127-0120", "000.00.12.H26-251127-0012"
	res2 := w.resident("Bà Hai", wrong2)
	hold(res2)
	w.correct(right2)
	told2 := w.vi("followup.code_corrected", locales.Data{"Old": wrong2, "Code": right2})
	if got := w.send(res2, "cảm ơn cháu"); count(got, told2) != 1 {
		t.Errorf("a thanks typed after coming back: said %d times, want once: %q", count(got, told2), texts(got))
	}
	if got := w.send(res2, "cảm ơn cháu"); count(got, told2) != 0 {
		t.Errorf("typed again: said again: %q", texts(got))
	}
}
