package handlers_test

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 25B, item 2: /lang draws the screen the chat is on again below,
// in the language chosen — /help does so only for a live case, /lang also
// for a case that ended: the offer to attach a dossier code typed after
// the case closed. That offer stands while such a code is taken; hours
// later /lang drew it again ("Case #N ended without a dossier code. Attach
// …?"), a question about a case settled long ago, to which a code typed
// on its own then is no longer offered. After /lang the volunteer sees the
// offer in the new language while it stands, and once it is over only the
// plain answer: the offer above loses its buttons and the flow ends.
func TestReview25BLangAfterALateCodesOfferDrawsNoStaleQuestion(t *testing.T) {
	const code = "000.00.12.H29-261202-0007"
	for _, late := range []bool{false, true} {
		name := "within the window"
		if late {
			name = "hours later"
		}
		t.Run(name, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Mã muộn")
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			w.press(v, w.vi("case.no_dossier"))
			id := caseNo(w, v)
			offer := last(t, fresh(w.send(v, code)))
			if !hasButton(offer, w.vi("case.attach_button", locales.Data{"Case": id})) {
				t.Fatalf("a code typed after case #%d closed: %q %v", id, offer.Text, buttonTexts(offer))
			}
			if late {
				clk.advance(3 * time.Hour)
			} else {
				clk.advance(5 * time.Minute)
			}
			ms := fresh(w.send(v, "/lang en"))
			if len(ms) == 0 || ms[0].Text != w.en("lang.changed") {
				t.Fatalf("/lang en at the offer: %q", texts(ms))
			}
			if !late {
				if len(ms) != 2 || !hasButton(ms[1], w.en("case.attach_button", locales.Data{"Case": id})) {
					t.Fatalf("/lang en at the offer within its window: %q, want the offer below in English", texts(ms))
				}
				return
			}
			if len(ms) != 1 {
				t.Errorf("/lang en at an offer hours old: %q, want only %q", texts(ms), w.en("lang.changed"))
			}
			noButtons(t, v, offer.ID, "/lang at an offer hours old")
			if step, _, err := w.flowStep(v, "c"); err == nil {
				t.Errorf("/lang at an offer hours old left the case flow at %q", step)
			}
		})
	}
}
