package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// An elderly resident mis-taps "↪ Để người nhà theo dõi hồ sơ này": one tap
// unlinked their chat, and their reminders were gone. The button now asks
// first on the same message — what goes, with a clear way back — and only
// the confirmation leaves the dossier. Going back changes nothing; a
// double tap on the confirmation keeps the link to forward; a confirmation
// left on screen after the result was said to have come records nothing.
func TestReview23fHandOverAsksFirst(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-2301"
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	pass, sure, keep := w.vi("followup.pass_button"), w.vi("followup.pass_confirm"), w.vi("followup.pass_cancel")

	grandma := w.srv.NewUser("Bà", "vi")
	w.send(grandma, "/start "+token)
	card := last(t, w.press(grandma, w.vi("followup.consent_yes")))

	// One tap asks; nothing changes yet.
	got := last(t, w.press(grandma, pass))
	if got.ID != card.ID || !strings.Contains(got.Text, code) ||
		!strings.Contains(got.Text, w.vi("followup.pass_ask")) || !hasButton(got, sure) || !hasButton(got, keep) {
		t.Fatalf("the hand-over tapped once: %q %v, want the question asked on the same message", got.Text, got.Buttons())
	}
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != grandma.ID || !f.Consent.Bool {
		t.Fatalf("one tap on the hand-over left the dossier: %+v", f)
	}

	// "Không" goes back to the dossier as it was, with its buttons.
	got = last(t, w.press(grandma, keep))
	if got.ID != card.ID || !hasButton(got, pass) || !hasButton(got, "5★") || strings.Contains(got.Text, w.vi("followup.pass_ask")) {
		t.Errorf("after \"Không\": %q %v, want the dossier's screen again", got.Text, got.Buttons())
	}
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != grandma.ID || !f.Consent.Bool {
		t.Fatalf("\"Không\" left the dossier: %+v", f)
	}

	// A stale confirmation: the result was said to have come since.
	w.press(grandma, pass)
	asked := last(t, grandma.Messages())
	w.send(grandma, "/start") // the dossier again, below: its result came
	w.pressReceived(grandma)
	a := w.forgeAnswer(grandma, asked.ID, dataOf(t, asked, sure))
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != grandma.ID || f.Status != "received" {
		t.Errorf("a stale confirmation after \"Đã nhận\" left the dossier: %+v", f)
	}
	if a != w.vi("button.stale") {
		t.Errorf("the stale confirmation was answered %q", a)
	}
}

// The confirmation tapped twice: the first leaves the dossier and shows the
// link to forward; the second only answers, and the link stays.
func TestReview23fHandOverConfirmDoubleTap(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-2302")
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+token)
	asked := last(t, w.press(son, w.vi("followup.pass_button")))
	w.doubleTap(son, asked, w.vi("followup.pass_confirm"))
	passed := w.vi("followup.passed", locales.Data{"Link": w.h.DeepLink(token)})
	if m := msgByID(t, son, asked.ID); !strings.Contains(m.Text, passed) || len(m.Keyboard) != 0 {
		t.Errorf("after a double tap on the confirmation: %q %v, want the link to forward", m.Text, m.Buttons())
	}
	if f, _ := w.followupRow(c.ID); f.Chat.Valid || f.Consent.Valid {
		t.Errorf("the confirmed hand-over kept the chat: %+v", f)
	}
	if a := lastAnswer(t, son); a != w.vi("followup.gone") {
		t.Errorf("the second tap was answered %q", a)
	}
	// "Không" pressed late on an older copy: nothing comes back.
	w.forgeAnswer(son, asked.ID, dataOf(t, asked, w.vi("followup.pass_cancel")))
	if f, _ := w.followupRow(c.ID); f.Chat.Valid {
		t.Errorf("\"Không\" after the hand-over took the dossier back: %+v", f)
	}
	if m := msgByID(t, son, asked.ID); !strings.Contains(m.Text, passed) {
		t.Errorf("\"Không\" after the hand-over replaced the link: %q", m.Text)
	}
}
