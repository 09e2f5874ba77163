package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 24E: case A closed a moment ago keeping its code; case B, the
// reminder agreed, was left at its outcome question (/cancel there). A
// code typed then — at the procedure list, or at a step of a third case —
// was offered only to replace A's code ("if that one was mistyped"),
// though B, whose dossier was just submitted, is the likelier owner: B was
// not named, and a tired press on "✎ Replace" gave A's resident B's
// dossier. As when A awaits a code (review 23v), B is named above the
// offer, with the button that takes it up; the offer stays.
func TestCodeReplaceOfferNamesTheOpenCase(t *testing.T) {
	for _, where := range []string{"procedure list", "step"} {
		t.Run(where, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Thay mã")
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			w.send(v, "G22.50-251202-0001")
			a := caseNo(w, v)
			w.toOutcome(v, "khai-sinh", true)
			b := caseNo(w, v)
			w.send(v, "/cancel")
			if where == "step" {
				w.startBirthCase(v)
			} else {
				w.send(v, "/new")
			}
			m := last(t, w.send(v, "G22.50-251202-0002"))
			open := w.vi("case.code_of_open_case", locales.Data{"Case": b})
			button := w.vi("case.resume_button", locales.Data{"Case": b})
			if !strings.Contains(m.Text, open) || !hasButton(m, button) {
				t.Fatalf("a code typed at the %s while case #%d waits at its outcome: %q %v; want %q and %q", where, b, m.Text, m.Buttons(), open, button)
			}
			if !hasButton(m, w.vi("case.replace_button", locales.Data{"Case": a})) {
				t.Errorf("the offer to replace case #%d's code is gone: %q %v", a, m.Text, m.Buttons())
			}
			if m = last(t, w.press(v, button)); !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
				t.Fatalf("%q: %q; want case #%d's outcome question", button, m.Text, b)
			}
			w.press(v, w.vi("outcome.submitted"))
			w.send(v, "G22.50-251202-0002")
			for id, want := range map[int64]string{a: "G22.50-251202-0001", b: "G22.50-251202-0002"} {
				if code, _, err := followup(w, id); err != nil || code != want {
					t.Errorf("case #%d keeps %q (err %v), want %q", id, code, err, want)
				}
			}
		})
	}
}
