package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A dossier whose guide gives no working-day count: the resident is asked
// 5 working days after the case, as the slip says ("kể từ ngày nộp hồ
// sơ"). The question they agree to in Telegram said "sau 5 ngày làm việc"
// — from now, as it reads to a daughter opening the link three days
// later, when the question comes two days after. It now counts from the
// day the dossier was submitted, as the slip does, in both languages.
func TestConsentWithoutADateSaysFromWhenItCounts(t *testing.T) {
	var undated *guides.Guide
	for _, g := range catalog.All() {
		if g.OffersFollowup() && g.ProcessingDays == 0 {
			undated = g
			break
		}
	}
	if undated == nil {
		t.Fatal("no guide offers a follow-up without a working-day count")
	}
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u, _ := w.openGuide(undated, "vi")
	w.toStepOf(u, undated, "vi", len(undated.Steps))
	w.press(u, w.vi("case.done"))
	w.press(u, w.vi("outcome.submitted"))
	ms := w.send(u, "000.00.12.H26-251127-1101")
	token := qrToken(t, ms[0].Photo)

	res := w.srv.NewUser("Con gái", "vi")
	clk.advance(3 * 24 * time.Hour) // opened on the Monday after
	got := last(t, w.send(res, "/start "+token))
	if !hasButton(got, w.vi("followup.consent_yes")) {
		t.Fatalf("no consent question: %q", got.Text)
	}
	if from := "kể từ ngày nộp hồ sơ"; !strings.Contains(got.Text, from) {
		t.Errorf("the question %q does not say the days count from the submission (%q)", got.Text, from)
	}
	// The English question, as a resident whose language is English reads it.
	en := w.en("followup.consent_ask_later", locales.Data{"Days": 5})
	if !strings.Contains(en, "after the dossier was submitted") {
		t.Errorf("en: %q", en)
	}
}
