package handlers_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 29 (F), item 3: once the results came, the lines above a
// resident's dossiers still said dvcbot was following them ("dvcbot đang
// theo dõi 2 hồ sơ", "vẫn theo dõi", "is following"): it is not — no
// reminder comes —, it keeps their follow-up data. /start, /help, "5 sao"
// asking which, /forget's question, its "keep" and a dossier erased of two
// say so, in Vietnamese and in English.
func TestReview29TextsAfterTheResultsCame(t *testing.T) {
	untrue := map[string]*regexp.Regexp{
		"vi": regexp.MustCompile(`(đang|vẫn|cũng) theo dõi|hồ sơ đang theo dõi`),
		"en": regexp.MustCompile(`(?i)is (also )?following|still follows|keeps following|follows \d|being followed`),
	}
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			const mother, father = "000.00.12.H26-251127-2941", "000.00.12.H26-251127-2942"
			daughter, motherCase, fatherCase, _ := w.daughterOfTwo(mother, father)
			w.pressReceived(daughter)
			w.pressReceived(daughter)
			for _, id := range []int64{motherCase, fatherCase} {
				if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived {
					t.Fatalf("case %d: %+v", id, f)
				}
			}
			if lang == "en" {
				w.send(daughter, "/lang en")
			}
			tr := w.texts.For(lang)
			var said []string
			for _, typed := range []string{"/start", "/help", "5 sao", "/forget"} {
				said = append(said, texts(w.send(daughter, typed))...)
			}
			said = append(said, texts(w.press(daughter, tr.T("followup.forget_keep_button")))...)
			ask := last(t, w.forgetConfirmed(daughter))
			said = append(said, ask.Text)
			one := ask.Buttons()[0].Text // the first dossier's own button
			said = append(said, texts(w.press(daughter, one))...)
			all := strings.Join(said, "\n")
			if !strings.Contains(all, tr.T("followup.typed_rating_which", locales.Data{"Count": 2})) {
				t.Errorf("\"5 sao\" did not ask which: %q", said)
			}
			for _, s := range said {
				if m := untrue[lang].FindString(s); m != "" {
					t.Errorf("once both results came, %q says %q", s, m)
				}
			}
		})
	}
}
