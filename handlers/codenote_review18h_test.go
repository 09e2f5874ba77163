package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// The portal's code, pasted at "What went wrong?" or at the ✎ note of the
// next resident's case, was kept as the step's problem "other" with the
// code as its note (a dossier code kept without its resident's consent,
// and counted as a problem); a code of the long shape was refused as "an
// ID or phone number". Neither is a note: each gets what a code typed at
// the step gets — here, the way to attach it to the case that just ended
// without one — and nothing is recorded.
func TestCodeTypedAtANoteIsNoNote(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Dán mã")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	clk.advance(5 * time.Minute)

	g := guide(t, "khai-tu")
	w.send(u, "/new")
	w.send(u, "khai tu")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	w.press(u, w.vi("case.begin"))
	w.toSubmitStep(u, "khai-tu") // before it, the code cannot be this case's (review 19)
	_, before := w.lastCase(u)
	// This case keeps no code (no reminder), and the case before may take it.
	hint := w.vi("case.code_not_kept_here", locales.Data{"Case": caseNo(w, u)}) + "\n" +
		w.vi("case.code_of_case_before", locales.Data{"Case": first, "Minutes": 25})

	m := last(t, w.press(u, w.vi("case.problem")))
	if !strings.Contains(m.Text, w.vi("case.problem_pick")) {
		t.Fatalf("⚠ on khai-tu's submit step: %q; want its list of problems", m.Text)
	}
	for _, code := range []string{"K25.123456", "000.00.12.H26-251127-0001"} {
		m = last(t, w.send(u, code))
		if !strings.HasPrefix(m.Text, hint) || !strings.Contains(m.Text, w.vi("case.problem_pick")) {
			t.Errorf("%s typed at the list of problems: %q; want %q above the list", code, m.Text, hint)
		}
	}
	m = last(t, w.press(u, w.vi("case.problem_other")))
	if !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
		t.Fatalf("✎ on the list: %q; want the note's question", m.Text)
	}
	for _, code := range []string{"K25.123456", "000.00.12.H26-251127-0001"} {
		m = last(t, w.send(u, code))
		if !strings.HasPrefix(m.Text, hint) || !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
			t.Errorf("%s typed at the ✎ note: %q; want %q above the note's question", code, m.Text, hint)
		}
	}
	if _, es := w.lastCase(u); kinds(es) != kinds(before) {
		t.Errorf("events after codes typed at the notes: %s; want none new after %s", kinds(es), kinds(before))
	}
	var notes int
	if err := w.store.DB().Get(&notes, `SELECT count(*) FROM case_events WHERE note LIKE '%25%'`); err != nil {
		t.Fatal(err)
	}
	if notes != 0 {
		t.Errorf("%d case events keep a code as their note", notes)
	}

	// As the hint says: /new, the code again, and it is offered to the case
	// that ended without one.
	w.send(u, "/new")
	m = last(t, w.send(u, "K25.123456"))
	if want := w.vi("case.code_after_close", locales.Data{"Case": first, "Code": "K25.123456"}); m.Text != want {
		t.Errorf("the code after /new: %q; want %q", m.Text, want)
	}
}
