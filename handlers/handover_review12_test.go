package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
)

// A son opens his mother's link at the counter and agrees to reminders;
// his screen carries "↪ Để người nhà theo dõi hồ sơ này". The reminder
// comes and he presses "Đã nhận": the result came, and no screen offers
// the hand-over any more. A later tap on the older screen's button (he
// scrolls up, or it was never redrawn) left the dossier anyway — his
// chat, language and consent gone, as if the result were still awaited.
// The button is out of date: it says so and shows where things stand.
func TestOldHandOverAfterReceivedIsStale(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-1201"
	ms := w.finishWithCode(v, code)
	token := qrToken(t, ms[0].Photo)
	pass := w.vi("followup.pass_button")

	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+token)
	old := last(t, w.press(son, w.vi("followup.consent_yes")))
	c, _ := w.lastCase(v)

	if n := w.remind(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders on 3/12", n)
	}
	if _, err := son.Next(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	w.pressReceived(son)
	if f, _ := w.followupRow(c.ID); f.Status != "received" {
		t.Fatalf("after \"Đã nhận\" the follow-up is %q", f.Status)
	}

	// The older screen still carries the button: nothing redrew it.
	id, err := son.PressOn(old.ID, pass)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	got := msgByID(t, son, old.ID)
	f, _ := w.followupRow(c.ID)
	if f.Chat.Int64 != son.ID || !f.Consent.Valid || !f.Consent.Bool {
		t.Errorf("an old hand-over button after \"Đã nhận\" left the dossier: chat %v consent %v", f.Chat, f.Consent)
	}
	if a := lastAnswer(t, son); a != w.vi("button.stale") {
		t.Errorf("the old hand-over button was answered %q, want %q", a, w.vi("button.stale"))
	}
	if got.ID != old.ID || !strings.Contains(got.Text, w.vi("followup.rate_ask")) || hasButton(got, pass) {
		t.Errorf("after the old hand-over button the message reads %q %v, want the rating asked, no hand-over", got.Text, got.Buttons())
	}
}
