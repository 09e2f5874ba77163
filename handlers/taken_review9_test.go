package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A second person opening a follow-up link already taken by another chat (a
// son with the slip his mother opened first) was told reminders go to the
// other account, and nothing of the web page, where anyone with the link
// can say the result was received or rate without that account. With
// PUBLIC_URL set the answer now gives the page's address; without it,
// nothing is said of a page that is not served.
func TestTakenLinkPointsToTheWebPage(t *testing.T) {
	const code = "000.00.12.H26-251127-0050"
	w := newWorld(t, handlers.WithPublicURL("https://dvc.example.vn/"))
	_, token, _ := w.openedFollowup("Vân", code)
	son := w.srv.NewUser("Con trai", "vi")
	got := last(t, w.send(son, "/start "+token))
	page := "https://dvc.example.vn/f/" + token
	if !strings.Contains(got.Text, w.vi("followup.taken")) || !strings.Contains(got.Text, w.vi("followup.taken_web", locales.Data{"Link": page})) {
		t.Errorf("a taken link, with PUBLIC_URL: %q, want the page %s", got.Text, page)
	}
	// In English, with the page as well.
	en := w.srv.NewUser("Son", "en")
	w.send(en, "/lang en")
	if got := last(t, w.send(en, "/start "+token)); !strings.Contains(got.Text, w.en("followup.taken_web", locales.Data{"Link": page})) {
		t.Errorf("a taken link, in English: %q", got.Text)
	}

}

// Without PUBLIC_URL no page is served: none is named.
func TestTakenLinkNoPageWithoutPublicURL(t *testing.T) {
	w := newWorld(t)
	_, token, _ := w.openedFollowup("Vân", "000.00.12.H26-251127-0051")
	got := last(t, w.send(w.srv.NewUser("Con trai", "vi"), "/start "+token))
	if !strings.Contains(got.Text, w.vi("followup.taken")) || strings.Contains(got.Text, "/f/") {
		t.Errorf("a taken link, no PUBLIC_URL: %q", got.Text)
	}
}
