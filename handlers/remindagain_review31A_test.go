package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 31A, item 1: a resident who stopped the reminders (🔕, which
// offers "🔔 Đổi ý") and then typed that they want them after all ("nhắc
// tôi", "ok nhắc đi") was told the bot works with its buttons only: the
// words were not read. Words that plainly ask for the reminders now ask
// for them, as 🔔 does, with the confirmation a "có" typed under the
// reminder question gets; the reminder goes on the day planned.
func TestReview31ATypedRemindMeAfterStopping(t *testing.T) {
	for _, text := range []string{"có, nhắc tôi nhé", "nhắc tôi", "Nhắc lại giúp tôi", "ok nhắc đi", "nhac toi nhe", "Dạ, cháu cứ nhắc đi ạ", "remind me please", "Please turn the reminders back on"} {
		t.Run(text, func(t *testing.T) {
			w, res, id, clock := reminded30B(t, "000.00.12.H26-261123-3111")
			w.send(res, "/start")
			w.press(res, w.vi("followup.stop_button"))
			if f, _ := w.followupRow(id); f.Consent.Bool {
				t.Fatalf("after 🔕: consent %+v", f.Consent)
			}
			got := last(t, w.send(res, text))
			f, _ := w.followupRow(id)
			if !f.Consent.Bool {
				t.Fatalf("%q typed after 🔕: consent %+v, answered %q", text, f.Consent, got.Text)
			}
			if !f.Version.Valid {
				t.Errorf("no version of the question recorded")
			}
			if !strings.Contains(got.Text, w.vi("followup.typed_consent_yes")) || !hasButton(got, w.vi("followup.stop_button")) {
				t.Errorf("the answer: %q %v, want the consent noted and the card with 🔕", got.Text, got.Buttons())
			}
			for _, m := range res.Messages() {
				if m.ID != got.ID && len(m.Buttons()) > 0 {
					t.Errorf("a message above the answer keeps its buttons: %q %v", m.Text, m.Buttons())
				}
			}
			if f.Comment.Valid {
				t.Errorf("the words were kept as a comment: %q", f.Comment.String)
			}
			q := startQueue(t, w, clock)
			clock.Set(vn(2026, 11, 25, 8, 5))
			q.sweep()
			if ms := w.settle(res); len(ms) != 1 || !hasButton(ms[0], w.vi("followup.reminder_not")) {
				t.Errorf("the reminder asked for by typing: %+v", ms)
			}
		})
	}
}

// The same after "Không, cảm ơn" at the link, and typed under the reminder
// question itself ("nhắc tôi nhé" is a yes there). Not a plain "có" after
// 🔕 (the card asked nothing), nor words that only mention reminding — a
// comment, a question, a complaint, "don't" —: nothing recorded.
func TestReview31ATypedRemindMeOnlyWhenAsked(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-3112")
	w.send(res, "nhắc tôi nhé")
	if f, _ := w.followupRow(caseID); !f.Consent.Bool || !f.Version.Valid {
		t.Fatalf("\"nhắc tôi nhé\" under the reminder question: consent %+v", f.Consent)
	}
	w.send(res, "/start")
	w.press(res, w.vi("followup.stop_button"))
	for _, text := range []string{"có", "ok", "Cảm ơn cháu đã nhắc tôi", "sao không nhắc tôi", "nhắc lại giúp tôi mã hồ sơ", "đừng nhắc tôi", "khi nào nhắc tôi?", "không cần nhắc tôi"} {
		w.send(res, text)
		if f, _ := w.followupRow(caseID); f.Consent.Bool {
			t.Fatalf("%q typed after 🔕 asked for the reminders", text)
		}
	}
	// A "no" at the link's question, then the words.
	caseID2, _, res2 := w.openedFollowup("Hà", "000.00.12.H26-251127-3113")
	w.press(res2, w.vi("followup.consent_no"))
	got := last(t, w.send(res2, "thôi cứ nhắc tôi đi"))
	if f, _ := w.followupRow(caseID2); !f.Consent.Bool {
		t.Errorf("words asking for the reminders after \"Không, cảm ơn\": consent %+v, answered %q", f.Consent, got.Text)
	}
}

// Asked for while they are on, or once the result came: said so, nothing
// changes.
func TestReview31ATypedRemindMeWhenOnOrOver(t *testing.T) {
	w, res, id, _ := reminded30B(t, "000.00.12.H26-261123-3114")
	got := w.send(res, "nhắc tôi nhé")
	if len(got) != 2 || !strings.Contains(got[0].Text, w.vi("followup.remind_already")) || !strings.Contains(got[1].Text, "25/11/2026") {
		t.Errorf("\"nhắc tôi nhé\" with the reminder on: %+v, want it said, and the day it asks", texts(got))
	}
	w.pressReceived(res)
	if got := last(t, w.send(res, "nhắc tôi")); !strings.Contains(got.Text, w.vi("followup.remind_none")) {
		t.Errorf("\"nhắc tôi\" once the result came: %q", got.Text)
	}
	if f, _ := w.followupRow(id); f.Status != "received" {
		t.Errorf("status %q", f.Status)
	}
}

// Two dossiers not reminded and none on screen (/start listed both):
// which, each with its button; nothing recorded until one is pressed.
func TestReview31ATypedRemindMeTwoDossiers(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	daughter, motherCase, fatherCase, _ := w.daughterOfTwo("000.00.12.H26-251127-3115", "000.00.12.H26-251127-3116")
	w.send(daughter, "/start")
	got := w.send(daughter, "nhắc tôi")
	if len(got) != 3 || !strings.Contains(got[0].Text, w.vi("followup.remind_which", locales.Data{"Count": 2})) ||
		!hasButton(got[1], w.vi("followup.consent_yes")) || !hasButton(got[2], w.vi("followup.consent_yes")) {
		t.Fatalf("\"nhắc tôi\" with two dossiers not reminded: %+v", got)
	}
	for _, id := range []int64{motherCase, fatherCase} {
		if f, _ := w.followupRow(id); f.Consent.Valid {
			t.Errorf("case %d: consent %+v before a dossier was picked", id, f.Consent)
		}
	}
}
