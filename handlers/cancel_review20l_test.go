package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// /cancel with nothing open in a resident's chat said "dvcbot is still
// following up… send /forget if you want dvcbot to stop messaging you"
// whatever the follow-up: to a resident who pressed "Không, cảm ơn" (the
// dossier's screen below says no reminder goes) and to one whose result
// is noted. That is said only while a reminder is still to come; else a
// line that claims nothing, the dossier shown below as before.
func TestCancelSaysRemindersOnlyWhenTheyCome(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			resident := func(code string) (int64, *telegramtest.User) {
				ms := w.finishWithCode(v, code)
				c, _ := w.lastCase(v)
				res := w.srv.NewUser("Cư dân", lang)
				if lang == "en" {
					w.send(res, "/lang en")
				}
				w.send(res, "/start "+qrToken(t, ms[0].Photo))
				return c.ID, res
			}
			cancel := func(what string, res *telegramtest.User, code string, reminds bool) {
				t.Helper()
				got := strings.Join(texts(w.send(res, "/cancel")), "\n")
				if strings.Contains(got, tr("cancel.nothing_resident")) != reminds || strings.Contains(got, tr("cancel.nothing_followed")) == reminds ||
					!strings.Contains(got, code) {
					t.Errorf("/cancel %s: %q", what, got)
				}
			}

			const declined, received, awaited = "000.00.12.H26-251127-2021", "000.00.12.H26-251127-2022", "000.00.12.H26-251127-2023"
			_, res := resident(declined)
			w.press(res, tr("followup.consent_no"))
			cancel("after "+tr("followup.consent_no"), res, declined, false)

			id, res := resident(received)
			w.press(res, tr("followup.consent_yes"))
			w.press(res, tr("followup.result_got"))
			w.press(res, tr("followup.received_yes"))
			if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived {
				t.Fatalf("the result not noted: %+v", f)
			}
			cancel("once the result is noted", res, received, false)

			_, res = resident(awaited)
			w.press(res, tr("followup.consent_yes"))
			cancel("with a reminder to come", res, awaited, true)
		})
	}
}
