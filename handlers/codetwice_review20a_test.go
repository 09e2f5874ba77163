package handlers_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A case closed keeping its dossier code; at the next resident's code
// question, a minute later, the volunteer pastes the same code again (the
// phone's clipboard still held it). It was kept for both cases: two
// residents, each with a slip and reminders for one dossier. A dossier
// has one code: the bot says which case already keeps it and asks again;
// nothing is kept, and "No dossier code" still ends the case. In
// Vietnamese and English.
func TestCodeKeptByTheCaseBeforeIsNotKeptTwice(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Mã dán lại")
			const code = "000.00.12.H26-251127-0042"
			w.finishWithCode(v, code)
			first := caseNo(w, v)
			clk.advance(time.Minute)
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			second := caseNo(w, v)
			tr := w.vi
			if lang == "en" { // the code question drawn again below, in English
				w.send(v, "/lang")
				w.press(v, w.en("lang.name"))
				tr = w.en
			}
			m := last(t, fresh(w.send(v, code)))
			want := tr("case.dossier_kept", locales.Data{"Case": first, "Code": code})
			if !strings.HasPrefix(m.Text, want) || !hasButton(m, tr("case.no_dossier")) {
				t.Errorf("case #%d's code typed at case #%d's code question: %q %v; want %q above the question", first, second, m.Text, m.Buttons(), want)
			}
			if _, _, err := followup(w, second); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("case #%d keeps a code (err %v), want none", second, err)
			}
			if c, _ := w.lastCase(v); c.Status != storage.CaseOpen {
				t.Errorf("case #%d is %s, want still open at its code question", second, c.Status)
			}
			// Its own code is kept as ever.
			w.send(v, "000.00.12.H26-251127-0043")
			if got, _, _ := followup(w, second); got != "000.00.12.H26-251127-0043" {
				t.Errorf("case #%d keeps %q", second, got)
			}
		})
	}
}
