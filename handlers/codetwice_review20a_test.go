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
			if !strings.Contains(m.Text, want) || !hasButton(m, tr("case.no_dossier")) {
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

// The same outside a case: a case closed keeping its code; 40 minutes
// later the next resident's case closes without one, and the volunteer
// sends the first case's code again. It was offered to the second case
// ("attach to case #2?"), to be kept for both; the bot says which case
// keeps it, and offers nothing but "same dossier" (review 22j: the second
// case may be the same resident back for that dossier).
func TestCodeKeptByAnOlderCaseIsNotOfferedToTheNext(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Mã cũ")
	const code = "000.00.12.H26-251127-0044"
	w.finishWithCode(v, code)
	first := caseNo(w, v)
	clk.advance(40 * time.Minute)
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	w.press(v, w.vi("case.no_dossier"))
	second := caseNo(w, v)
	clk.advance(time.Minute)
	m := last(t, w.send(v, code))
	want := w.vi("case.code_after_close_kept", locales.Data{"Case": second, "Kept": first, "Code": code})
	if m.Text != want || hasButton(m, w.vi("case.attach_button", locales.Data{"Case": second})) ||
		!hasButton(m, w.vi("case.same_dossier_button", locales.Data{"Case": first})) {
		t.Errorf("case #%d's code sent again once case #%d closed without one: %q %v; want %q, and only \"same dossier\" offered", first, second, m.Text, m.Buttons(), want)
	}
	if _, _, err := followup(w, second); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("case #%d keeps a code (err %v), want none", second, err)
	}
}
