package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
)

// Walk (review 30, item 2): a resident comes back months later to the
// card of a dossier whose follow-up retention deleted meanwhile (90 days
// after it ended; nothing takes the buttons off old cards), and presses
// "⚠ Có vướng mắc" — the result never came. The card's text was replaced
// by "Thông tin theo dõi này không còn (đã xoá hoặc không phải của tài
// khoản này)": the dossier code they still needed to look the dossier up
// on the portal went from the chat with it, and nothing said where to
// turn. The card now stays as it was, without its buttons, and a message
// below says the follow-up is over, that the code above still finds the
// dossier on the portal, and where to get help.
func TestReview30BPurgedCardKeepsTheCode(t *testing.T) {
	const code = "000.00.12.H26-251127-3005"
	for _, label := range []string{"⚠ Có vướng mắc", "3★", "📬 Đã nhận kết quả"} {
		t.Run(label, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			caseID, _, res := w.openedFollowup("Vân", code)
			w.press(res, w.vi("followup.consent_yes"))
			w.press(res, "5★")
			card := last(t, w.press(res, w.vi("followup.comment_skip")))
			if !strings.Contains(card.Text, code) || !hasButton(card, label) {
				t.Fatalf("the card: %q %v", card.Text, card.Buttons())
			}
			if _, err := w.store.ApplyRetention(context.Background(), time.Now().AddDate(1, 0, 0)); err != nil {
				t.Fatal(err)
			}
			if _, ok := w.followupRow(caseID); ok {
				t.Fatal("retention a year later kept the follow-up")
			}
			id, err := res.PressOn(card.ID, label)
			if err != nil {
				t.Fatal(err)
			}
			w.bot.WaitHandled(t, id)
			got := drain(res)
			kept := msgByID(t, res, card.ID)
			if kept.Text != card.Text {
				t.Errorf("the old card after a press on %q reads %q, want it as it was (with the code)", label, kept.Text)
			}
			noButtons(t, res, card.ID, "the card of a follow-up retention deleted")
			below := last(t, got)
			if below.ID == card.ID || !strings.Contains(below.Text, w.vi("followup.gone_card")) {
				t.Errorf("below the old card: %q, want what the follow-up's end means", below.Text)
			}
			if a := lastAnswer(t, res); a != w.vi("followup.gone") {
				t.Errorf("the press was answered %q", a)
			}
			if _, ok := w.followupRow(caseID); ok {
				t.Errorf("a press on the old card brought the follow-up back")
			}
		})
	}
}

// The same after /forget: a card left above with its buttons (the chat
// followed two dossiers, the other card drawn last) keeps its text when
// pressed, and is unbuttoned.
func TestReview30BForgottenCardKeepsItsText(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	_, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-3006")
	card := last(t, w.press(res, w.vi("followup.consent_yes")))
	if got := last(t, w.forgetConfirmed(res)); got.Text != w.vi("followup.forgotten") {
		t.Fatalf("/forget: %q", got.Text)
	}
	// A tap that left the phone before /forget's edit took the buttons off.
	w.forgeAnswer(res, card.ID, dataOf(t, card, "4★"))
	if kept := msgByID(t, res, card.ID); kept.Text != card.Text {
		t.Errorf("the forgotten card after a press reads %q, want it as it was", kept.Text)
	}
	noButtons(t, res, card.ID, "the card of a forgotten follow-up")
}
