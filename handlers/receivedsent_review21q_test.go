package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 21q: "đã nhận rồi" typed by a resident asks the "received?"
// question in a new message, whose id the bot learns only once Telegram
// took it (Sent). Telegram was slow for the chat, and the question was
// closed before that — /cancel typed, or a star pressed on the dossier's
// screen above —: nothing knew the message to take its buttons off, and
// once it arrived it kept them live under a closed question (/cancel
// said nothing was in progress). Now the question loses its buttons as
// soon as its id is known, and nothing is recorded.
func TestQuestionClosedBeforeItsIDCameLosesItsButtons(t *testing.T) {
	for _, way := range []string{"/cancel", "3★"} {
		t.Run(way, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			c, token := w.slip("Vân", "000.00.12.H26-251127-2141")
			res := w.srv.NewUser("Cư dân", "vi")
			w.send(res, "/start "+token)
			screen := last(t, w.press(res, w.vi("followup.consent_yes")))
			if !hasButton(screen, "3★") {
				t.Fatalf("the dossier's screen: %q %+v", screen.Text, screen.Buttons())
			}

			// Telegram refuses the chat's new messages for a while: the
			// question waits in the outbox, its id unknown.
			w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502, ChatID: res.ID})
			w.bot.WaitHandled(t, res.SendText("đã nhận rồi"))
			switch way {
			case "/cancel":
				w.bot.WaitHandled(t, res.SendText("/cancel"))
			case "3★":
				id, err := res.PressOn(screen.ID, "3★")
				if err != nil {
					t.Fatal(err)
				}
				w.bot.WaitHandled(t, id)
			}
			w.srv.ClearFaults()

			var q *telegramtest.Message
			for _, m := range fresh(w.settle(res)) {
				if hasButton(m, w.vi("followup.received_yes")) {
					q = m
				}
			}
			if q == nil {
				t.Fatal("\"đã nhận rồi\": no question arrived once Telegram was back")
			}
			noButtons(t, res, q.ID, "the question closed ("+way+") before Telegram told its id")
			if f, _ := w.followupRow(c); f.Status != storage.FollowupWaiting {
				t.Errorf("after %s: %+v", way, f)
			}
		})
	}
}
