package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
)

// liveConsentCards are the messages of u's chat whose reminder question
// still has its buttons.
func liveConsentCards(w *world, u *telegramtest.User) int {
	n := 0
	for _, m := range u.Messages() {
		if hasButton(m, w.vi("followup.consent_yes")) || hasButton(m, w.en("followup.consent_yes")) {
			n++
		}
	}
	return n
}

// Review 29 (F), item 2: a resident typed "có" (or "đồng ý", "ok",
// "không cần"…) under the reminder question, and was told dvcbot works
// through its buttons, the whole card again. A plain yes or no typed
// there is the button: the same consent, recorded with the version of the
// question read (as the button records it: a neighbour pressed it), the
// question's buttons gone, the card as the button leaves it below.
func TestReview29ConsentTypedIsTheButton(t *testing.T) {
	for _, tc := range []struct {
		typed string
		yes   bool
	}{
		{"có", true}, {"Đồng ý ạ", true}, {"ok", true}, {"Dạ vâng", true}, {"co", true},
		{"không", false}, {"không cần đâu cháu", false}, {"Không, cảm ơn", false},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			pressed, _, neighbour := w.openedFollowup("Vân", "000.00.12.H26-251127-2931")
			button := w.vi("followup.consent_no")
			if tc.yes {
				button = w.vi("followup.consent_yes")
			}
			w.press(neighbour, button)
			caseID, _, res := w.openedFollowup("Vy", "000.00.12.H26-251127-2932")
			ms := w.send(res, tc.typed)
			key := "followup.typed_consent_no"
			if tc.yes {
				key = "followup.typed_consent_yes"
			}
			if got := last(t, ms); !strings.HasPrefix(got.Text, w.vi(key)) || hasButton(got, w.vi("followup.consent_yes")) {
				t.Errorf("%q under the reminder question is answered %q", tc.typed, texts(ms))
			}
			want, _ := w.followupRow(pressed)
			f, _ := w.followupRow(caseID)
			if !f.Consent.Valid || f.Consent.Bool != tc.yes || f.Version != want.Version || !strings.HasPrefix(f.Version.String, "vi-") {
				t.Errorf("%q recorded %v version %q, the button %v version %q", tc.typed, f.Consent, f.Version.String, want.Consent, want.Version.String)
			}
			if n := liveConsentCards(w, res); n != 0 {
				t.Errorf("%d reminder questions keep their buttons", n)
			}
		})
	}
}

// A "không" in a longer sentence ("không nhận được") is no answer: nothing
// recorded, read as before. Nor is a plain "có" typed under another
// question of the same dossier (the hand-over's), or while two dossiers'
// reminder questions are open (which one, the buttons say).
func TestReview29ConsentTypedOnlyWhenPlainlyAnswered(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-2933")
	for _, typed := range []string{"không nhận được", "có kết quả chưa", "không biết"} {
		w.send(res, typed)
		if f, _ := w.followupRow(caseID); f.Consent.Valid {
			t.Fatalf("%q recorded consent %v", typed, f.Consent)
		}
	}
	w.send(res, "/start")
	w.press(res, w.vi("followup.pass_button"))
	ms := w.send(res, "có")
	if f, _ := w.followupRow(caseID); f.Consent.Valid || f.Chat.Int64 != res.ID {
		t.Errorf("\"có\" under the hand-over's question: %+v, answered %q", f, texts(ms))
	}

	const mother, father = "000.00.12.H26-251127-2934", "000.00.12.H26-251127-2935"
	daughter, motherCase, fatherCase, _ := w.daughterOfTwo(mother, father)
	w.send(daughter, "có")
	for _, id := range []int64{motherCase, fatherCase} {
		if f, _ := w.followupRow(id); f.Consent.Valid {
			t.Errorf("\"có\" with two questions open recorded case %d: %+v", id, f)
		}
	}
}

// Odd paths: "có" typed twice (the second is said taken, nothing more
// recorded, one card live); a restart between the card and "có"; /lang en,
// then "yes": the version of the English question, which /lang drew below;
// "không" then "có": not taken (most likely it acknowledges the "no"): the
// card below has the button that asks for the reminders after all.
func TestReview29ConsentTypedOddPaths(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-2936")
	w.restart()
	w.send(res, "có")
	first, _ := w.followupRow(caseID)
	ms := w.send(res, "có")
	if got := only(t, ms); !strings.Contains(got.Text, w.vi("followup.noted_already")) || len(got.Buttons()) != 0 {
		t.Errorf("\"có\" again is answered %q", texts(ms))
	}
	if f, _ := w.followupRow(caseID); !f.Consent.Bool || f.Version != first.Version {
		t.Errorf("after \"có\" twice: %+v, first %+v", f, first)
	}

	caseID, _, res = w.openedFollowup("Vy", "000.00.12.H26-251127-2937")
	w.send(res, "/lang en")
	ms = w.send(res, "yes")
	if got := last(t, ms); !strings.HasPrefix(got.Text, w.en("followup.typed_consent_yes")) {
		t.Errorf("\"yes\" after /lang en is answered %q", texts(ms))
	}
	if f, _ := w.followupRow(caseID); !f.Consent.Bool || !strings.HasPrefix(f.Version.String, "en-") {
		t.Errorf("\"yes\" after /lang en recorded %v version %q", f.Consent, f.Version.String)
	}
	if n := liveConsentCards(w, res); n != 0 {
		t.Errorf("%d reminder questions keep their buttons after /lang en and \"yes\"", n)
	}

	caseID, _, res = w.openedFollowup("Vũ", "000.00.12.H26-251127-2938")
	w.send(res, "không")
	ms = w.send(res, "có")
	if f, _ := w.followupRow(caseID); !f.Consent.Valid || f.Consent.Bool {
		t.Errorf("\"không\" then \"có\": %+v", f)
	}
	if !hasButton(last(t, ms), w.vi("followup.consent_later")) {
		t.Errorf("\"không\" then \"có\" is answered %q", texts(ms))
	}
}
