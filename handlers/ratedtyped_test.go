package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A star count typed ("4 sao", "3 stars") by a daughter whose two dossiers
// are both rated already, none on screen, was answered "Tài khoản này có 2
// hồ sơ chưa chấm điểm" ("2 dossiers not rated yet"), above cards that say
// each is rated. It says the account has 2 dossiers and to press the
// stars under the one to rate again; nothing is rated again by the typed
// stars; in Vietnamese and English.
func TestStarsTypedWithEveryDossierRatedAskWhichToRateAgain(t *testing.T) {
	for _, tc := range []struct{ lang, typed string }{{"vi", "4 sao"}, {"en", "3 stars"}} {
		t.Run(tc.lang, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			tr := w.texts.For(tc.lang)
			const mother, father = "000.00.12.H26-251127-3701", "000.00.12.H26-251127-3702"
			motherCase, motherToken := w.slip("Vân", mother)
			fatherCase, fatherToken := w.slip("Vy", father)
			daughter := w.srv.NewUser("Con gái", "vi")
			// Each agreed to and rated on its own card.
			for _, rate := range []struct{ token, stars string }{{motherToken, "2★"}, {fatherToken, "5★"}} {
				w.send(daughter, "/start "+rate.token)
				w.press(daughter, w.vi("followup.consent_yes"))
				w.press(daughter, rate.stars)
				w.press(daughter, w.vi("followup.comment_skip"))
			}
			if tc.lang == "en" {
				w.send(daughter, "/lang en")
			}
			// A line not read lists both: none is on screen.
			if all := strings.Join(texts(w.send(daughter, "bao giờ có kết quả")), "\n"); !strings.Contains(all, mother) || !strings.Contains(all, father) {
				t.Fatalf("a line not read is answered %q", all)
			}

			ms := w.send(daughter, tc.typed)
			all := strings.Join(texts(ms), "\n")
			if strings.Contains(all, tr.T("followup.typed_rating_which", locales.Data{"Count": 2})) {
				t.Errorf("%q with both dossiers rated says they are not rated: %q", tc.typed, all)
			}
			if !strings.Contains(all, tr.T("followup.typed_rating_which_rated", locales.Data{"Count": 2})) ||
				!strings.Contains(all, mother) || !strings.Contains(all, father) {
				t.Errorf("%q with both dossiers rated is answered %q", tc.typed, all)
			}
			// Each shown below with its stars, as rated.
			for _, rated := range []struct {
				code   string
				rating int
			}{{mother, 2}, {father, 5}} {
				var card bool
				for _, m := range ms {
					card = card || strings.Contains(m.Text, rated.code) && hasButton(m, "3★") &&
						strings.Contains(m.Text, tr.T("followup.rate_again", locales.Data{"Rating": rated.rating}))
				}
				if !card {
					t.Errorf("%q: dossier %s is not shown as rated %d★ with its stars: %q", tc.typed, rated.code, rated.rating, all)
				}
			}
			for id, want := range map[int64]int16{motherCase: 2, fatherCase: 5} {
				if f, _ := w.followupRow(id); f.Rating.Int16 != want {
					t.Errorf("%q rated case %d again: %+v", tc.typed, id, f)
				}
			}
		})
	}
}
