package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// A son opened his mother's link first and pressed "Không, cảm ơn". The
// mother opening the link was told "reminders go only to that account",
// while none goes to anyone. A taken link whose first account declined
// the reminders now says none goes, and still how to have the dossier
// handed over (the son's screen offers it while the result is awaited).
func TestTakenLinkWhoseRemindersWereDeclined(t *testing.T) {
	w := newWorld(t, handlers.WithPublicURL("https://dvc.example.vn/"))
	const code = "000.00.12.H26-251127-2031"
	_, token, son := w.openedFollowup("Vân", code)
	if got := last(t, w.press(son, w.vi("followup.consent_no"))); !hasButton(got, w.vi("followup.pass_button")) {
		t.Fatalf("after %q the hand-over is not offered: %q %v", w.vi("followup.consent_no"), got.Text, got.Buttons())
	}
	for _, lang := range []string{"vi", "en"} {
		tr := w.vi
		mother := w.srv.NewUser("Mẹ", lang)
		if lang == "en" {
			tr = w.en
			w.send(mother, "/lang en")
		}
		got := last(t, w.send(mother, "/start "+token))
		if strings.Contains(got.Text, tr("followup.taken")) || !strings.Contains(got.Text, tr("followup.taken_no_reminders")) ||
			!strings.Contains(got.Text, code) {
			t.Errorf("%s: a taken link whose reminders were declined: %q", lang, got.Text)
		}
	}
}
