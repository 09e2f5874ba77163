package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 21q: a daughter's "received?" question about her mother's
// dossier is open on its screen; she presses 5★ on her father's dossier
// below, which closes it: the question's buttons are to go. Telegram is
// slow for the chat, and the father's dossier is erased on its web page
// before the outbox sends what the press drew. The edit that takes the
// mother's question's buttons off is not about the father's dossier: it
// goes all the same, and her question does not stay open-looking.
func TestClosedQuestionLosesItsButtonsWhenThePressedDossierIsErased(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-2142", "000.00.12.H26-251127-2143"
	a, ta := w.slip("Vân", mother)
	b, tb := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+ta)
	screenA := last(t, w.press(daughter, w.vi("followup.consent_yes")))
	w.send(daughter, "/start "+tb)
	screenB := last(t, w.press(daughter, w.vi("followup.consent_yes")))
	if screenA.ID == screenB.ID || !hasButton(screenB, "5★") {
		t.Fatalf("the two dossiers' screens: %d %d %+v", screenA.ID, screenB.ID, screenB.Buttons())
	}
	id, err := daughter.PressOn(screenA.ID, w.vi("followup.result_got"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(daughter)
	if m := msgByID(t, daughter, screenA.ID); !hasButton(m, w.vi("followup.received_yes")) {
		t.Fatalf("📬 on the mother's dossier: %q", m.Text)
	}

	// Telegram slow for the chat: what the press draws waits in the outbox.
	w.srv.Inject(telegramtest.Fault{Code: 502, ChatID: daughter.ID})
	id, err = daughter.PressOn(screenB.ID, "5★")
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)

	// The father's dossier erased on its web page meanwhile.
	serve := w.webPage()
	form := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+tb+"/forget", nil).Body.String())
	if form == nil {
		t.Fatal("no erase confirmation")
	}
	if got := serve("POST", "/f/"+tb+"/forget", url.Values{"form": {form[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the erase: %d\n%s", got.Code, got.Body.String())
	}
	if _, ok := w.followupRow(b); ok {
		t.Fatal("the father's follow-up is still there after the erase")
	}
	w.srv.ClearFaults()
	w.settle(daughter)

	noButtons(t, daughter, screenA.ID, "the mother's question closed by 5★ on the father's dossier, erased before the send")
	if f, _ := w.followupRow(a); f.Status != storage.FollowupWaiting {
		t.Errorf("the mother's follow-up: %+v", f)
	}
}
