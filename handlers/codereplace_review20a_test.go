package handlers_test

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A case closed keeping a dossier code; 31 minutes later, outside any case,
// the volunteer types a different code (the resident's SMS showed the one
// typed was mistyped). The bot answered "no case is waiting for a code",
// while the same code typed on a case screen says which case keeps which
// code and why it can no longer be replaced
// (TestCodeTypedAtTheNextStepTooLateToReplace). Outside a case it says the
// same, and the kept code stays. In Vietnamese and English.
func TestCodeTypedOutsideACaseTooLateToReplace(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Quá giờ ngoài ca")
			const wrong, right = "000.00.12.H26-251127-0070", "000.00.12.H26-251127-0007"
			w.finishWithCode(v, wrong)
			first, _ := w.lastCase(v)
			tr := w.vi
			if lang == "en" {
				w.send(v, "/lang")
				w.press(v, w.en("lang.name"))
				tr = w.en
			}
			clk.advance(31 * time.Minute)
			m := last(t, w.send(v, right))
			want := tr("case.code_replace_too_late", locales.Data{"Case": first.ID, "Old": wrong, "Minutes": 30})
			if m.Text != want {
				t.Errorf("another code typed outside a case, 31 minutes on: %q; want %q", m.Text, want)
			}
			if code, _, _ := followup(w, first.ID); code != wrong {
				t.Errorf("case #%d keeps %q, want %q", first.ID, code, wrong)
			}
			// Past codeTooLate, nothing is named: no case waits.
			clk.advance(24 * time.Hour)
			if m := last(t, w.send(v, right)); m.Text != tr("case.code_no_case") {
				t.Errorf("another code typed a day on: %q; want %q", m.Text, tr("case.code_no_case"))
			}
		})
	}
}
