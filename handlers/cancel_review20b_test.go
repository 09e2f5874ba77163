package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// A resident who agreed to the reminders and then typed /cancel (wanting
// them stopped, or the question they had just answered undone) was told
// "Không có thao tác nào đang làm." ("Nothing to cancel.") and nothing
// more: the reminders went on, and nothing said so, nor how to stop them.
// /cancel with nothing open in a resident's chat now says the dossier is
// still followed, how to stop it (/forget), and shows it as /start does;
// the consent is unchanged.
func TestCancelWithNothingOpenTellsAResidentHowToStop(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			const code = "000.00.12.H26-251127-2001"
			ms := w.finishWithCode(v, code)
			c, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", lang)
			if lang == "en" {
				w.send(res, "/lang en")
			}
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			w.press(res, tr("followup.consent_yes"))

			got := w.send(res, "/cancel")
			all := strings.Join(texts(got), "\n")
			if len(got) == 0 || got[0].Text == tr("cancel.nothing") {
				t.Errorf("/cancel in a resident's chat: only %q", all)
			}
			if !strings.Contains(all, "/forget") || !strings.Contains(all, code) {
				t.Errorf("/cancel in a resident's chat does not say the dossier is followed and how to stop: %q", all)
			}
			if f, _ := w.followupRow(c.ID); !f.Consent.Bool || f.Chat.Int64 != res.ID {
				t.Errorf("after /cancel: %+v", f)
			}
		})
	}
}
