package handlers_test

import (
	"strings"
	"testing"
)

// "ok", "cảm ơn", "xin chào" typed at a step (the volunteer answering the
// resident, or meaning ✓ Done) were answered with how to look up another
// procedure (/new pauses the case), as if they were a search; outside a
// case the same words are small talk, not a search (case.search_courtesy).
// Mid-case they get "press a button" alone, as an emoji does
// (TestNoWordsMidCaseGetNoSearchHint); words still get the hint. In
// Vietnamese and English.
func TestCourtesyMidCaseGetsNoSearchHint(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Cảm ơn")
	w.startBirthCase(u)
	for _, text := range []string{"ok", "cảm ơn", "xin chào", "Ok cảm ơn bạn nhé"} {
		m := last(t, w.send(u, text))
		if !w.saysPress(m, "vi") {
			t.Errorf("%q at a step: %q", text, m.Text)
		}
		if strings.Contains(m.Text, w.vi("case.other_procedure")) {
			t.Errorf("%q at a step is answered with how to look up another procedure", text)
		}
	}
	w.send(u, "/lang")
	w.press(u, w.en("lang.name"))
	if m := last(t, w.send(u, "thanks")); strings.Contains(m.Text, w.en("case.other_procedure")) || !w.saysPress(m, "en") {
		t.Errorf("%q at a step, in English: %q", "thanks", m.Text)
	}
	if m := last(t, w.send(u, "tam tru")); !strings.Contains(m.Text, w.en("case.other_procedure")) {
		t.Errorf("words at a step: %q", m.Text)
	}
}
