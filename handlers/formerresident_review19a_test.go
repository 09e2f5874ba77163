package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// A former resident — their follow-up erased with /forget, or left to a
// relative with "↪ Để người nhà theo dõi hồ sơ này" — who typed a question
// ("bao giờ có kết quả?"), "đã nhận rồi" or "cảm ơn", or asked /help, got
// the volunteers' wording: "dvcbot làm việc qua lệnh và nút bấm", "Rất vui
// được giúp bạn", and a help about guiding residents through procedures
// and logging cases that needs an invite link. Nothing of the follow-up is
// kept to know them by (that is what erasing means), so whoever follows
// nothing is now answered as a resident may be: addressed as Ông/bà and
// told where their dossier is looked up (the slip's link, the portal with
// the dossier code). In Vietnamese and English.
func TestFormerResidentTypesText(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		for _, how := range []string{"forget", "pass"} {
			t.Run(lang+"/"+how, func(t *testing.T) {
				clk := newClock()
				w := newWorld(t, handlers.WithClock(clk.now))
				tr := w.vi
				if lang == "en" {
					tr = w.en
				}
				v := w.volunteer("Vân")
				ms := w.finishWithCode(v, "000.00.12.H26-251127-1931")
				res := w.srv.NewUser("Cư dân", lang)
				if lang == "en" {
					w.send(res, "/lang en")
				}
				w.send(res, "/start "+qrToken(t, ms[0].Photo))
				w.press(res, tr("followup.consent_yes"))
				switch how {
				case "forget":
					w.forgetConfirmed(res)
					if lang == "en" {
						// Erasing forgets the language chosen too (the
						// chat's guest row goes): chosen again.
						w.send(res, "/lang en")
					}
				case "pass":
					w.press(res, tr("followup.pass_button"))
					w.press(res, tr("followup.pass_confirm"))
				}
				if m := last(t, w.send(res, "/start")); hasButton(m, "5★") {
					t.Fatalf("still a resident after %s: %q", how, m.Text)
				}

				typed := map[string][]string{
					"vi": {"bao giờ có kết quả?", "đã nhận rồi", "cảm ơn cháu", "/help"},
					"en": {"when is it ready?", "received", "thank you", "/help"},
				}[lang]
				for _, text := range typed {
					m := last(t, w.send(res, text))
					var resident bool
					switch lang {
					case "vi":
						resident = strings.Contains(strings.ToLower(m.Text), "ông/bà") &&
							(strings.Contains(m.Text, "phiếu theo dõi") || strings.Contains(m.Text, "mã hồ sơ"))
					case "en":
						resident = strings.Contains(m.Text, "slip") || strings.Contains(m.Text, "dossier code")
					}
					if !resident || strings.HasPrefix(m.Text, "Mình") {
						t.Errorf("%q typed by a former resident is answered in the volunteers' wording: %q", text, m.Text)
					}
				}
			})
		}
	}
}
