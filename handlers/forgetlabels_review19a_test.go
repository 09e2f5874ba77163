package handlers_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// /forget in a chat following two dossiers asks which, with a button per
// dossier naming its code: "🗑 Xoá theo dõi hồ sơ 000.00.12.H26-251127-1951",
// 46 characters. A phone shows about 36 and cuts the rest with "…", so
// two dossiers of one office and day — codes that differ in their last
// digits only — had buttons that read the same, and the resident could
// not tell which one they erased. A label too long for a phone now names
// the code by its end, which tells them apart; in Vietnamese and English.
func TestForgetButtonsTellTheDossiersApart(t *testing.T) {
	const width = 36 // as locales.TestButtonLabelsFit
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			res := w.srv.NewUser("Cư dân", lang)
			if lang == "en" {
				w.send(res, "/lang en")
			}
			codes := []string{"000.00.12.H26-251127-1951", "000.00.12.H26-251127-1952"}
			var cases []int64
			for _, code := range codes {
				ms := w.finishWithCode(v, code)
				c, _ := w.lastCase(v)
				cases = append(cases, c.ID)
				w.send(res, "/start "+qrToken(t, ms[0].Photo))
				w.press(res, tr("followup.consent_yes"))
			}
			ask := last(t, w.forgetConfirmed(res))
			var labels []string
			for _, b := range ask.Buttons() {
				if strings.Contains(b.CallbackData, ":forget:") && !strings.Contains(b.CallbackData, ":all.") && !strings.Contains(b.CallbackData, ":keep") {
					labels = append(labels, b.Text)
				}
			}
			if len(labels) != 2 {
				t.Fatalf("want a button per dossier: %v", ask.Buttons())
			}
			shown := make([]string, len(labels))
			for i, l := range labels {
				shown[i] = l
				if utf8.RuneCountInString(l) > width {
					shown[i] = string([]rune(l)[:width-1]) + "…"
				}
			}
			if shown[0] == shown[1] {
				t.Fatalf("the two dossiers' buttons read the same on a phone: %q and %q (from %q, %q)", shown[0], shown[1], labels[0], labels[1])
			}
			// The second one's button erases the second one.
			w.press(res, labels[1])
			if _, ok := w.followupRow(cases[1]); ok {
				t.Errorf("the second dossier's button left it")
			}
			if _, ok := w.followupRow(cases[0]); !ok {
				t.Errorf("the second dossier's button erased the first")
			}
		})
	}
}

// forgetButton is the Vietnamese /forget button of the dossier with code:
// its whole code when the label fits a phone's button, else the longest
// end of it that follows a separator and fits after "…" (review 29: not
// "…26-251127-1951", an office's "H26" cut in two).
func (w *world) forgetButton(code string) string {
	const width = 36
	label := w.vi("followup.forget_one_button", locales.Data{"Code": code})
	for i, c := range code {
		if utf8.RuneCountInString(label) <= width {
			break
		}
		if c == '.' || c == '-' {
			label = w.vi("followup.forget_one_button", locales.Data{"Code": "…" + code[i+1:]})
		}
	}
	return label
}

// Review 29: the end of a code that names it on a /forget button begins
// after a separator, not in the middle of the office's "H26".
func TestReview29ForgetButtonCutsCodeAtSeparator(t *testing.T) {
	w := newWorld(t)
	if got, want := w.forgetButton("000.00.12.H26-251127-1951"), "🗑 Xoá theo dõi hồ sơ …251127-1951"; got != want {
		t.Fatalf("the helper's label %q, want %q", got, want)
	}
	v := w.volunteer("Vân")
	res := w.srv.NewUser("Cư dân", "vi")
	for _, code := range []string{"000.00.12.H26-251127-1951", "000.00.12.H26-251127-1952"} {
		ms := w.finishWithCode(v, code)
		w.send(res, "/start "+qrToken(t, ms[0].Photo))
		w.press(res, w.vi("followup.consent_yes"))
	}
	ask := last(t, w.forgetConfirmed(res))
	for _, want := range []string{"🗑 Xoá theo dõi hồ sơ …251127-1951", "🗑 Xoá theo dõi hồ sơ …251127-1952"} {
		if !hasButton(ask, want) {
			t.Fatalf("no button %q: %v", want, ask.Buttons())
		}
	}
}
