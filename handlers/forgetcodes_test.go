package handlers_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// /forget in a chat following two dossiers of one procedure whose codes
// end alike showed two buttons that read the same: "🗑 Xoá theo dõi hồ sơ
// …261205-0005" twice for 000.00.12.H26-261205-0005 and
// 000.00.99.H26-261205-0005 (two offices, one day and number), and in
// English, whose button keeps the last digits only, "…0005" even for two
// days' dossiers; what the erase said named it by "…0005", as either. The
// erase cannot be undone. Each button now names its dossier by as much of
// its code's end as tells it from the other's — on a phone too, which cuts
// a long label —, and the answer names the erased one by that same end;
// in Vietnamese and English.
func TestForgetButtonsTellCodesThatEndAlikeApart(t *testing.T) {
	const width = 36 // as locales.TestButtonLabelsFit
	for _, tc := range []struct {
		name, lang string
		codes      [2]string
	}{
		{"vi offices", "vi", [2]string{"000.00.12.H26-261205-0005", "000.00.99.H26-261205-0005"}},
		{"en offices", "en", [2]string{"000.00.12.H26-261205-0005", "000.00.99.H26-261205-0005"}},
		{"en days", "en", [2]string{"000.00.12.H26-261205-0005", "000.00.12.H26-261206-0005"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			tr := w.texts.For(tc.lang)
			res := w.srv.NewUser("Cư dân", tc.lang)
			if tc.lang == "en" {
				w.send(res, "/lang en")
			}
			var cases [2]int64
			for i, code := range tc.codes {
				var token string
				cases[i], token = w.slip("Vân", code)
				w.send(res, "/start "+token)
				w.press(res, tr.T("followup.consent_yes"))
			}
			ask := last(t, w.send(res, "/forget"))
			prefix := tr.T("followup.forget_one_button", locales.Data{"Code": ""})
			var labels []string
			for _, b := range ask.Buttons() {
				if strings.HasPrefix(b.Text, prefix) && strings.Contains(b.CallbackData, ":forget:") &&
					!strings.Contains(b.CallbackData, ":all.") && !strings.Contains(b.CallbackData, ":keep") {
					labels = append(labels, b.Text)
				}
			}
			if len(labels) != 2 {
				t.Fatalf("want a button per dossier: %+v", ask.Buttons())
			}
			onPhone := func(l string) string {
				if utf8.RuneCountInString(l) > width {
					return string([]rune(l)[:width-1]) + "…"
				}
				return l
			}
			if labels[0] == labels[1] || onPhone(labels[0]) == onPhone(labels[1]) {
				t.Fatalf("the two dossiers' buttons read the same: %q and %q (on a phone %q, %q)",
					labels[0], labels[1], onPhone(labels[0]), onPhone(labels[1]))
			}
			for i, l := range labels {
				shown := strings.TrimPrefix(l, prefix)
				if !strings.HasSuffix(tc.codes[i], strings.TrimPrefix(shown, "…")) {
					t.Errorf("button %q does not name the end of %s", l, tc.codes[i])
				}
			}

			// The second one's button erases it, and the answer names it by
			// the end its button showed, which the first's code does not end with.
			got := last(t, w.press(res, labels[1]))
			tail := strings.TrimPrefix(strings.TrimPrefix(labels[1], prefix), "…")
			if strings.HasSuffix(tc.codes[0], tail) {
				t.Fatalf("the second button's end %q is the first code's end too", tail)
			}
			if want := tr.T("followup.forgotten_one", locales.Data{"Guide": guide(t, "khai-sinh").Title.In(tc.lang), "Tail": tail}); !strings.HasPrefix(got.Text, want) {
				t.Errorf("after erasing the second: %q, want it to begin %q", got.Text, want)
			}
			if strings.Contains(got.Text, tc.codes[1]) {
				t.Errorf("the answer writes the erased code again: %q", got.Text)
			}
			if _, ok := w.followupRow(cases[1]); ok {
				t.Errorf("the second dossier's button left it")
			}
			if _, ok := w.followupRow(cases[0]); !ok {
				t.Errorf("the second dossier's button erased the first")
			}
		})
	}
}
