package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Case A ended without its code (the reminder agreed); case B, the reminder
// agreed too, was left at its outcome question. A code typed at the /resume
// list (or the procedure list) was said to be A's ("type /new, then send
// the code again within 28 minutes"), though B, at its outcome, is the
// likelier (review 23v). B is named first, with a button that takes it up;
// A is still named after it.
func TestCodeHintNamesTheOpenCaseAtItsOutcome(t *testing.T) {
	for _, where := range []string{"resume list", "procedure list"} {
		t.Run(where, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Hai ca")
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			w.press(v, w.vi("case.no_dossier"))
			a := caseNo(w, v)
			w.toOutcome(v, "khai-sinh", true)
			b := caseNo(w, v)
			if where == "resume list" {
				w.startBirthCase(v) // a third case, at its first step
				w.send(v, "/resume")
			} else {
				w.send(v, "/new")
			}
			m := last(t, w.send(v, "G22.50-251202-0001"))
			open := w.vi("case.code_of_open_case", locales.Data{"Case": b})
			button := w.vi("case.resume_button", locales.Data{"Case": b})
			i, j := strings.Index(m.Text, open), strings.Index(m.Text, "#"+strconv.FormatInt(a, 10))
			if i < 0 || !hasButton(m, button) {
				t.Fatalf("a code typed at the %s while case #%d waits at its outcome: %q %v; want %q and %q", where, b, m.Text, m.Buttons(), open, button)
			}
			if j >= 0 && j < i {
				t.Errorf("case #%d named before case #%d: %q", a, b, m.Text)
			}
			m = last(t, w.press(v, button))
			if !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
				t.Fatalf("%q: %q; want case #%d's outcome question", button, m.Text, b)
			}
			w.press(v, w.vi("outcome.submitted"))
			w.send(v, "G22.50-251202-0001")
			if code, _, err := followup(w, b); err != nil || code != "G22.50-251202-0001" {
				t.Errorf("case #%d keeps %q (err %v)", b, code, err)
			}
		})
	}
}

// With no case closed awaiting a code, a code typed at the procedure list
// while a case waits at its outcome was "no case is waiting for a code":
// that case is named, with its button.
func TestCodeTypedOnItsOwnNamesTheOpenCase(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Một ca mở")
	w.toOutcome(v, "khai-sinh", true)
	b := caseNo(w, v)
	w.send(v, "/new")
	m := last(t, w.send(v, "G22.50-251202-0001"))
	button := w.vi("case.resume_button", locales.Data{"Case": b})
	if !strings.HasPrefix(m.Text, w.vi("case.code_of_open_case", locales.Data{"Case": b})) || !hasButton(m, button) {
		t.Fatalf("a code typed at the procedure list while case #%d waits at its outcome: %q %v", b, m.Text, m.Buttons())
	}
	if m = last(t, w.press(v, button)); !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Errorf("%q: %q", button, m.Text)
	}
}
