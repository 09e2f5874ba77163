package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident whose result came early (before the first reminder) found no
// "✓ Đã nhận" on their follow-up's screen — not under the reminder
// question, not under the stars — while the web page offers "Đã nhận kết
// quả" whenever the result is not noted; only typing "đã nhận" worked. The
// button is now on every screen of a dossier whose result is awaited, and
// asks first, as under a reminder. In Vietnamese and English. (With no
// reminder question above it, it reads "📬 Đã nhận kết quả" since review
// 19g: TestResultButtonNamesTheResultWithoutTheQuestion.)
func TestReceivedButtonBeforeTheFirstReminder(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		for _, consent := range []string{"", "followup.consent_yes", "followup.consent_no"} {
			t.Run(lang+"/"+consent, func(t *testing.T) {
				clk := newClock()
				w := newWorld(t, handlers.WithClock(clk.now))
				tr := w.vi
				if lang == "en" {
					tr = w.en
				}
				v := w.volunteer("Vân")
				ms := w.finishWithCode(v, "000.00.12.H26-251127-1901")
				c, _ := w.lastCase(v)
				res := w.srv.NewUser("Cư dân", lang)
				if lang == "en" {
					w.send(res, "/lang en")
				}
				screen := last(t, w.send(res, "/start "+qrToken(t, ms[0].Photo)))
				if consent != "" {
					screen = last(t, w.press(res, tr(consent)))
				}
				if !hasButton(screen, tr("followup.result_got")) {
					t.Fatalf("no %q on the follow-up's screen before any reminder: %q %v",
						tr("followup.result_got"), screen.Text, screen.Buttons())
				}
				// /start shows it too.
				again := last(t, w.send(res, "/start"))
				if !hasButton(again, tr("followup.result_got")) {
					t.Errorf("no %q on /start's screen: %q %v", tr("followup.result_got"), again.Text, again.Buttons())
				}
				ask := last(t, w.press(res, tr("followup.result_got")))
				if !hasButton(ask, tr("followup.received_yes")) || !hasButton(ask, tr("followup.received_back")) {
					t.Fatalf("the button did not ask first: %q %v", ask.Text, ask.Buttons())
				}
				if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupWaiting {
					t.Fatalf("asking recorded %q", f.Status)
				}
				back := last(t, w.press(res, tr("followup.received_back")))
				if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupWaiting {
					t.Fatalf("going back recorded %q", f.Status)
				}
				if !hasButton(back, tr("followup.result_got")) {
					t.Errorf("back from the question, no %q: %q %v", tr("followup.result_got"), back.Text, back.Buttons())
				}
				w.press(res, tr("followup.result_got"))
				got := last(t, w.press(res, tr("followup.received_yes")))
				if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived || f.Result.String != storage.ResultReceived {
					t.Fatalf("after confirming: %+v", f)
				}
				if hasButton(got, tr("followup.result_got")) || hasButton(got, tr("followup.reminder_got")) || !hasButton(got, "5★") {
					t.Errorf("after confirming: %q %v", got.Text, got.Buttons())
				}
			})
		}
	}
}

// "✓ Đã nhận" asked "…dvcbot sẽ ngừng nhắc…" (and then said "dvcbot sẽ không
// nhắc hồ sơ này nữa") to a resident who had declined the reminders, or
// whose reminders had ended: there was nothing to stop. The question and
// the thanks now say so only to whom reminders go.
func TestReceivedWordingFitsTheReminders(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			open := func(code, consent string) (int64, string) {
				ms := w.finishWithCode(v, code)
				c, _ := w.lastCase(v)
				res := w.srv.NewUser("Cư dân", lang)
				if lang == "en" {
					w.send(res, "/lang en")
				}
				w.send(res, "/start "+qrToken(t, ms[0].Photo))
				w.press(res, tr(consent))
				ask := last(t, w.send(res, map[string]string{"vi": "đã nhận rồi", "en": "received"}[lang]))
				done := last(t, w.press(res, tr("followup.received_yes")))
				if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived {
					t.Fatalf("%s: not received: %+v", consent, f)
				}
				return c.ID, ask.Text + "\n" + done.Text
			}
			_, agreed := open("000.00.12.H26-251127-1911", "followup.consent_yes")
			_, declined := open("000.00.12.H26-251127-1912", "followup.consent_no")

			// The words that say the reminders stop: the ones the agreed
			// resident reads and the declined one does not share.
			stop := map[string][]string{"vi": {"ngừng nhắc", "không nhắc"}, "en": {"stops the reminders", "not remind"}}[lang]
			for _, s := range stop {
				if !strings.Contains(agreed, s) {
					t.Errorf("the resident who agreed is not told the reminders stop (%q): %q", s, agreed)
				}
				if strings.Contains(declined, s) {
					t.Errorf("the resident who declined reminders is told %q: %q", s, declined)
				}
			}
		})
	}
}

// "đã nhận" typed while the reminder question ("Ông/bà có đồng ý để dvcbot
// nhắn hỏi…?") was still open: once the result was confirmed, that question
// kept its live buttons, and its "✓ Đồng ý nhận nhắc" recorded a consent
// to reminders for a dossier whose result had come — a resident told the
// bot would remind them of a result they had. A press there now records
// nothing, says the result is noted, and the question is replaced by
// where the dossier stands.
func TestConsentQuestionAfterTypedReceived(t *testing.T) {
	for _, answer := range []string{"followup.consent_yes", "followup.consent_no"} {
		t.Run(answer, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Vân")
			ms := w.finishWithCode(v, "000.00.12.H26-251127-1921")
			c, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", "vi")
			consentQ := last(t, w.send(res, "/start "+qrToken(t, ms[0].Photo)))
			if !hasButton(consentQ, w.vi(answer)) {
				t.Fatalf("no consent question: %q %v", consentQ.Text, consentQ.Buttons())
			}
			ask := last(t, w.send(res, "đã nhận rồi"))
			if !hasButton(ask, w.vi("followup.received_yes")) {
				t.Fatalf("\"đã nhận rồi\" did not ask: %q %v", ask.Text, ask.Buttons())
			}
			w.press(res, w.vi("followup.received_yes"))

			id, err := res.PressOn(consentQ.ID, w.vi(answer))
			if err != nil {
				t.Fatal(err)
			}
			w.bot.WaitHandled(t, id)
			w.settle(res)
			if f, _ := w.followupRow(c.ID); f.Consent.Valid || f.Status != storage.FollowupReceived {
				t.Errorf("pressed on the question above after the result was confirmed: %+v", f)
			}
			if a := lastAnswer(t, res); a == "" {
				t.Errorf("the press is answered with nothing said")
			}
			now := msgByID(t, res, consentQ.ID)
			if hasButton(now, w.vi("followup.consent_yes")) || hasButton(now, w.vi("followup.consent_no")) {
				t.Errorf("the consent question is still live: %q %v", now.Text, now.Buttons())
			}
			if !strings.Contains(now.Text, "000.00.12.H26-251127-1921") || !hasButton(now, "5★") {
				t.Errorf("the question is not replaced by where the dossier stands: %q %v", now.Text, now.Buttons())
			}
		})
	}
}
