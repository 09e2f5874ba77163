package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A son opened his mother's link first and said the result came. The
// mother opening the link then was told the reminders go only to the
// other account and to have him press "↪ Để người nhà theo dõi hồ sơ
// này" — a button no screen offers once the result is noted (nor once a
// problem is reported or the reminders ended), and no reminder goes any
// more — and that the web page lets her say the result came, which it no
// longer offers. A taken link whose result is noted now says so, and
// offers the page for the rating only; one whose reminders are over for
// another reason says no reminders go.
func TestTakenLinkAfterTheResultOffersNoHandOver(t *testing.T) {
	w := newWorld(t, handlers.WithPublicURL("https://dvc.example.vn/"))
	const code = "000.00.12.H26-251127-2003"
	id, token, son := w.openedFollowup("Vân", code)
	w.press(son, w.vi("followup.consent_yes"))
	w.press(son, w.vi("followup.result_got"))
	w.press(son, w.vi("followup.received_yes"))
	if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived {
		t.Fatalf("the son's \"received\": %+v", f)
	}
	page := "https://dvc.example.vn/f/" + token
	for _, lang := range []string{"vi", "en"} {
		tr := w.vi
		mother := w.srv.NewUser("Mẹ", lang)
		if lang == "en" {
			tr = w.en
			w.send(mother, "/lang en")
		}
		got := last(t, w.send(mother, "/start "+token))
		if strings.Contains(got.Text, tr("followup.pass_button")) || strings.Contains(got.Text, tr("followup.taken")) ||
			strings.Contains(got.Text, tr("followup.taken_web", locales.Data{"Link": page})) {
			t.Errorf("%s: a taken link whose result is noted offers what nobody can do: %q", lang, got.Text)
		}
		if !strings.Contains(got.Text, code) || !strings.Contains(got.Text, page) {
			t.Errorf("%s: a taken link whose result is noted: %q", lang, got.Text)
		}
	}

	// A problem reported: no reminder goes, no hand-over either.
	id2, token2, son2 := w.openedFollowup("Văn", "000.00.12.H26-251127-2004")
	w.press(son2, w.vi("followup.consent_yes"))
	if _, err := w.store.DB().Exec(`UPDATE followups SET status = $2, ended_at = now() WHERE case_id = $1`, id2, storage.FollowupProblem); err != nil {
		t.Fatal(err)
	}
	got := last(t, w.send(w.srv.NewUser("Mẹ", "vi"), "/start "+token2))
	if strings.Contains(got.Text, w.vi("followup.pass_button")) || strings.Contains(got.Text, w.vi("followup.taken")) {
		t.Errorf("a taken link whose reminders are over offers the hand-over: %q", got.Text)
	}
}
