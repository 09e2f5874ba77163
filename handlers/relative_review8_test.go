package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// The son, whose Telegram is in English, opens his mother's link after she
// did: he was told in Vietnamese only that the reminders go to the other
// account, with no word of English; the resident who opens it first gets
// "In English: send /lang en, then /start." Now he does too.
func TestRelativeOpeningATakenLinkGetsTheEnglishHint(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0070")
	token := qrToken(t, ms[0].Photo)
	w.send(w.srv.NewUser("Mẹ", "vi"), "/start "+token)

	son := w.srv.NewUser("Son", "en")
	got := last(t, w.send(son, "/start "+token))
	if !strings.Contains(got.Text, w.vi("followup.taken")) || !strings.HasSuffix(got.Text, w.en("followup.english_hint")) {
		t.Errorf("the son opening his mother's link: %q", got.Text)
	}
	// In English once asked: the hint is not repeated.
	w.send(son, "/lang en")
	got = last(t, w.send(son, "/start "+token))
	if !strings.Contains(got.Text, w.en("followup.taken")) || strings.Count(got.Text, w.en("followup.english_hint")) != 0 {
		t.Errorf("in English: %q", got.Text)
	}
	// Telegram in Vietnamese: no hint.
	daughter := w.srv.NewUser("Con gái", "vi")
	if got := last(t, w.send(daughter, "/start "+token)); strings.Contains(got.Text, w.en("followup.english_hint")) {
		t.Errorf("a Vietnamese Telegram is given the English hint: %q", got.Text)
	}
}
