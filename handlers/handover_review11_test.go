package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A son taps "↪ Để người nhà theo dõi hồ sơ này" twice (a double tap, or
// again on the same message later): the first tap leaves the dossier and
// puts the link to forward in its place; the second found the chat no
// longer the resident's and replaced that message with "not this
// account's" — the link he was to forward was gone. The second tap now
// only answers, and the link stays.
func TestHandOverDoubleTapKeepsTheLink(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-1101"
	ms := w.finishWithCode(v, code)
	token := qrToken(t, ms[0].Photo)
	pass := w.vi("followup.pass_button")
	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+token)
	// Asked first (review 23f): the confirmation is what is tapped twice.
	ask := last(t, w.press(son, pass))
	w.doubleTap(son, ask, w.vi("followup.pass_confirm"))
	passed := w.vi("followup.passed", locales.Data{"Link": w.h.DeepLink(token)})
	for _, m := range son.Messages() {
		if m.ID == ask.ID && (!strings.Contains(m.Text, passed) || len(m.Keyboard) != 0) {
			t.Errorf("after a double tap on the hand-over the message reads %q %v, want the link to forward", m.Text, m.Buttons())
		}
	}
	if a := lastAnswer(t, son); a != w.vi("followup.gone") {
		t.Errorf("the second tap was answered %q", a)
	}
}
