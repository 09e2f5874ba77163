package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// The follow-up's "result came" button read "✓ Đã nhận" on every screen:
// under the reminder's "Ông/bà đã nhận được kết quả chưa?" it answers the
// question, but on the reminder-consent question (next to "✓ Đồng ý nhận
// nhắc", the first screen a resident sees), the rating and the rated
// screens nothing asks about the result, and it read "got it". A resident
// tapped it meaning "OK" and was asked whether their result came. There the
// button now names the result ("📬 Đã nhận kết quả", as the web page's
// button does); under the reminder's question it stays "✓ Đã nhận". Both
// send the same press and ask first. In Vietnamese and English.
func TestResultButtonNamesTheResultWithoutTheQuestion(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if lang == "en" {
				tr = w.en
			}
			result := map[string]string{"vi": "kết quả", "en": "result"}[lang]
			// screenHasResultButton checks a screen with no reminder question
			// on it: the result button names the result, the question's
			// short answer is not there.
			screenHasResultButton := func(where string, m *telegramtest.Message) telegramtest.Button {
				t.Helper()
				if hasButton(m, tr("followup.reminder_got")) {
					t.Errorf("%s: %q with no question about the result above it: %q %v",
						where, tr("followup.reminder_got"), m.Text, m.Buttons())
				}
				for _, b := range m.Buttons() {
					if b.Text == tr("followup.result_got") {
						if !strings.Contains(strings.ToLower(b.Text), result) {
							t.Errorf("%s: the button %q does not say %q", where, b.Text, result)
						}
						return b
					}
				}
				t.Fatalf("%s: no %q: %q %v", where, tr("followup.result_got"), m.Text, m.Buttons())
				return telegramtest.Button{}
			}
			v := w.volunteer("Vân")
			ms := w.finishWithCode(v, "000.00.12.H26-251127-1971")
			c, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", lang)
			if lang == "en" {
				w.send(res, "/lang en")
			}

			// The first screen: the reminder-consent question.
			consent := last(t, w.send(res, "/start "+qrToken(t, ms[0].Photo)))
			if !hasButton(consent, tr("followup.consent_yes")) {
				t.Fatalf("not the consent question: %q %v", consent.Text, consent.Buttons())
			}
			onConsent := screenHasResultButton("the consent question", consent)
			// It asks first, as before; back brings the question again.
			ask := last(t, w.press(res, onConsent.Text))
			if !hasButton(ask, tr("followup.received_yes")) || !hasButton(ask, tr("followup.received_back")) {
				t.Fatalf("the button did not ask first: %q %v", ask.Text, ask.Buttons())
			}
			back := last(t, w.press(res, tr("followup.received_back")))
			if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupWaiting {
				t.Fatalf("asking and going back recorded %q", f.Status)
			}
			screenHasResultButton("back to the consent question", back)

			// The rating screen, before any reminder.
			rating := last(t, w.press(res, tr("followup.consent_yes")))
			if !hasButton(rating, "5★") {
				t.Fatalf("not the rating screen: %q %v", rating.Text, rating.Buttons())
			}
			onRating := screenHasResultButton("the rating screen", rating)
			if onRating.CallbackData != onConsent.CallbackData {
				t.Errorf("the rating screen's button sends %q, the consent question's %q", onRating.CallbackData, onConsent.CallbackData)
			}

			// The reminder's question keeps its short answer, with the same press.
			if n := w.remind(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); n != 1 {
				t.Fatalf("%d reminders on 3/12", n)
			}
			reminder, err := res.Next(5 * time.Second)
			if err != nil {
				t.Fatal(err)
			}
			var onReminder telegramtest.Button
			for _, b := range reminder.Buttons() {
				if b.Text == tr("followup.reminder_got") {
					onReminder = b
				}
			}
			if onReminder.CallbackData != onConsent.CallbackData || hasButton(reminder, tr("followup.result_got")) {
				t.Errorf("the reminder's buttons: %v, want %q sending %q", reminder.Buttons(), tr("followup.reminder_got"), onConsent.CallbackData)
			}
			// /start while that question awaits its answer: the question
			// again (status_asked_again), with its short answer.
			asked := last(t, w.send(res, "/start"))
			if !strings.Contains(asked.Text, tr("followup.status_asked_again")) ||
				!hasButton(asked, tr("followup.reminder_got")) || hasButton(asked, tr("followup.result_got")) {
				t.Errorf("/start with the reminder's question open: %q %v", asked.Text, asked.Buttons())
			}

			// "Chưa": the rating screen again, then the rated screen.
			w.press(res, tr("followup.reminder_not"))
			unrated := last(t, w.send(res, "/start"))
			screenHasResultButton("the rating screen after \"Chưa\"", unrated)
			w.press(res, "4★")
			w.press(res, tr("followup.comment_skip"))
			if f, _ := w.followupRow(c.ID); !f.Rating.Valid || f.Rating.Int16 != 4 {
				t.Fatalf("not rated: %+v", f)
			}
			rated := last(t, w.send(res, "/start"))
			screenHasResultButton("the rated screen", rated)

			// It records as before, after the question.
			w.press(res, tr("followup.result_got"))
			done := last(t, w.press(res, tr("followup.received_yes")))
			if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived || f.Result.String != storage.ResultReceived {
				t.Fatalf("after confirming: %+v", f)
			}
			if hasButton(done, tr("followup.result_got")) || hasButton(done, tr("followup.reminder_got")) {
				t.Errorf("received, a button still says it: %q %v", done.Text, done.Buttons())
			}
		})
	}
}
