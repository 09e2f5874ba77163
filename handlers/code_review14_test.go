package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A dossier code the volunteer corrects after the resident opened the
// link is sent to the resident, but not while their chat has blocked the
// bot; they were never told later, and /start showed the new code without
// a word that it changed. The correction is now said when they come back:
// at once when they unblock the bot (once, with the /start of a
// "Restart"), or on their next /start.
func TestCodeCorrectedWhileBlockedIsToldOnReturn(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Sửa mã")
	correct := func(right string) {
		t.Helper()
		c, _ := w.lastCase(v)
		clk.advance(3 * time.Minute)
		w.send(v, right)
		ms := w.press(v, w.vi("case.replace_button", locales.Data{"Case": c.ID}))
		if strings.Contains(last(t, ms).Text, w.vi("case.replaced_told")) {
			t.Errorf("the volunteer is told a resident who blocked the bot got the code: %q", last(t, ms).Text)
		}
	}

	// Blocked, then a "Restart": the unblock and a /start.
	const wrong, right = "000.00.12.H26-251127-0050", "000.00.12.H26-251127-0005"
	ms := w.finishWithCode(v, wrong)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+qrToken(t, ms[0].Photo))
	w.bot.WaitHandled(t, res.Block())
	correct(right)
	w.bot.WaitHandled(t, res.Unblock())
	w.bot.WaitHandled(t, res.SendText("/start"))
	told := w.vi("followup.code_corrected", locales.Data{"Old": wrong, "Code": right})
	got := w.settle(res)
	n := 0
	for _, m := range got {
		n += strings.Count(m.Text, told)
	}
	if n != 1 {
		t.Errorf("unblock and /start: the correction said %d times, want once: %q", n, texts(got))
	}

	// Held blocked (a reminder refused), the next /start says it.
	clk.advance(time.Hour)
	const wrong2, right2 = "000.00.12.H26-251127-0060", "000.00.12.H26-251127-0006"
	ms = w.finishWithCode(v, wrong2)
	res2 := w.srv.NewUser("Bà Hai", "vi")
	w.send(res2, "/start "+qrToken(t, ms[0].Photo))
	if _, err := w.store.DB().Exec(`UPDATE followups SET blocked_at = now() WHERE resident_chat = $1`, res2.ID); err != nil {
		t.Fatal(err)
	}
	correct(right2)
	if ms := drain(res2); len(ms) != 0 {
		t.Errorf("sent to a chat held blocked: %q", texts(ms))
	}
	told2 := w.vi("followup.code_corrected", locales.Data{"Old": wrong2, "Code": right2})
	if got := last(t, w.send(res2, "/start")); !strings.Contains(got.Text, told2) || !strings.Contains(got.Text, right2) {
		t.Errorf("/start after the correction: %q, want it to say %q", got.Text, told2)
	}
	// Said once.
	if got := last(t, w.send(res2, "/start")); strings.Contains(got.Text, told2) {
		t.Errorf("the next /start says it again: %q", got.Text)
	}
}
