package handlers_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A son opened his mother's link first (he scanned the slip for her): the
// link was his, his mother was told it was taken, and the only way out was
// /forget, which erased the follow-up for both. The resident's screen now
// offers to leave the dossier to the relative it belongs to: this chat is
// unlinked (its consent and language go with it; the case keeps its
// rating), it gets the link to forward, and whoever opens it next is its
// resident, asked again. Nothing else of the follow-up changes.
func TestResidentHandsTheLinkToARelative(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-0611"
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	m := regexp.MustCompile(`start=([A-Za-z0-9_-]+)$`).FindStringSubmatch(decodeQR(t, ms[0].Photo))
	if m == nil {
		t.Fatal("no token in the slip's QR code")
	}
	token := m[1]
	pass := w.vi("followup.pass_button")

	son := w.srv.NewUser("Con trai", "vi")
	got := last(t, w.send(son, "/start "+token))
	if !hasButton(got, pass) {
		t.Fatalf("the consent question offers no hand-over: %q %v", got.Text, got.Keyboard)
	}
	// He agrees and rates first; then sees it is his mother's to follow.
	w.press(son, w.vi("followup.consent_yes"))
	w.press(son, "4★")
	w.press(son, w.vi("followup.comment_skip"))
	got = last(t, w.send(son, "/start")) // his dossiers again, later
	if !hasButton(got, pass) {
		t.Fatalf("the status card offers no hand-over: %q %v", got.Text, got.Keyboard)
	}
	card := got.ID
	w.press(son, pass)
	got = last(t, w.press(son, w.vi("followup.pass_confirm"))) // asked first (review 23f)
	if got.ID != card || !strings.Contains(got.Text, w.vi("followup.passed", locales.Data{"Link": w.h.DeepLink(token)})) ||
		!strings.Contains(got.Text, code) || len(got.Keyboard) != 0 {
		t.Fatalf("after the hand-over: %q %v", got.Text, got.Keyboard)
	}
	f, ok := w.followupRow(c.ID)
	if !ok || f.Chat.Valid || f.Lang.Valid || f.Consent.Valid {
		t.Fatalf("the follow-up still names the son's chat, language or consent: %+v", f)
	}
	var rating int
	if err := w.store.DB().Get(&rating, `SELECT rating FROM cases WHERE id = $1`, c.ID); err != nil || rating != 4 {
		t.Errorf("the case's rating after the hand-over: %d, %v", rating, err)
	}
	// A double tap, or the old consent button: his chat is no longer the
	// resident's, nothing changes.
	w.forge(son, card, "f:pass:"+strconv.FormatInt(c.ID, 10)+":0")
	w.forge(son, card, "f:yes:"+strconv.FormatInt(c.ID, 10)+".vi:0")
	if f, _ := w.followupRow(c.ID); f.Chat.Valid || f.Consent.Valid {
		t.Fatalf("after the son's old buttons: %+v", f)
	}
	if got := last(t, w.forgetConfirmed(son)); got.Text != w.vi("followup.forget_nothing") {
		t.Errorf("the son's /forget after the hand-over: %q", got.Text)
	}

	// His mother opens the link: it is hers now, and she is asked.
	mother := w.srv.NewUser("Mẹ", "vi")
	got = last(t, w.send(mother, "/start "+token))
	if strings.Contains(got.Text, w.vi("followup.taken")) || !strings.Contains(got.Text, w.vi("followup.consent_ask")) || !strings.Contains(got.Text, code) {
		t.Fatalf("the mother opening the link: %q", got.Text)
	}
	w.press(mother, w.vi("followup.consent_yes"))
	if f, _ := w.followupRow(c.ID); f.Chat.Int64 != mother.ID || !f.Consent.Bool {
		t.Errorf("after the mother's consent: %+v", f)
	}
	// Someone else now is told it is taken, and how it can be passed on.
	other := w.srv.NewUser("Khác", "vi")
	if got := last(t, w.send(other, "/start "+token)); !strings.Contains(got.Text, w.vi("followup.taken")) {
		t.Errorf("a third person: %q", got.Text)
	}
}
