package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Walk (review 30, item 5): a daughter following her mother's and her
// father's dossiers typed "bao giờ có kết quả vậy cháu" and was shown
// each dossier short — its name line, where the reminders stand, its
// buttons — without the one thing asked: the date the result is expected.
// The short form names it while the result is awaited.
func TestReview30BShortCardsSayTheExpectedDate(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	daughter := w.srv.NewUser("Con gái", "vi")
	codes := []string{"000.00.12.H26-251127-3021", "000.00.12.H26-251127-3022"}
	for i, code := range codes {
		ms := w.finishWithCode(v, code)
		w.send(daughter, "/start "+qrToken(t, ms[0].Photo))
		if i == 0 {
			w.press(daughter, w.vi("followup.consent_yes"))
		} else {
			w.press(daughter, w.vi("followup.consent_no"))
		}
	}
	got := w.send(daughter, "bao giờ có kết quả vậy cháu")
	for _, code := range codes {
		var card string
		for _, m := range got {
			if strings.Contains(m.Text, code) {
				card = m.Text
			}
		}
		var due time.Time
		if err := w.store.DB().Get(&due, `SELECT due_on FROM followups WHERE dossier_code = $1`, code); err != nil {
			t.Fatal(err)
		}
		want := w.vi("followup.due", locales.Data{"Due": w.texts.For("vi").Date(due)})
		if !strings.Contains(card, want) {
			t.Errorf("the short card of %s: %q, want %q", code, card, want)
		}
	}
}
