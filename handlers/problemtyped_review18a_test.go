package handlers_test

import (
	"strings"
	"testing"
)

// At "What went wrong? Choose it to see the fix:" a volunteer whose trouble
// was not in the list typed it, as asked "what went wrong": the bot said
// "At this step, please press one of the buttons below. Looking for another
// procedure? Type /new…", and nothing was noted. What is typed there is the
// note "✎ Something else" asks for, held to the same rules.
func TestProblemTypedAtTheListIsNoted(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Gõ luôn")
	g := guide(t, "khai-tu")
	w.send(u, "/new")
	w.send(u, "khai tu")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	w.press(u, w.vi("case.begin"))
	m := last(t, w.press(u, w.vi("case.problem")))
	if !strings.Contains(m.Text, w.vi("case.problem_pick")) {
		t.Fatalf("⚠ on khai-tu's step 1: %q; want its list of problems", m.Text)
	}

	// Personal data is refused as at the note's own question, the list
	// comes back.
	m = last(t, w.send(u, "máy cũ quét QR không được, CCCD 079123456789"))
	if !strings.HasPrefix(m.Text, w.vi("case.note_number")) || !strings.Contains(m.Text, w.vi("case.problem_pick")) {
		t.Errorf("a typed problem with an ID number is answered %q; want %q and the list again", m.Text, w.vi("case.note_number"))
	}
	m = last(t, w.send(u, "máy cũ quét QR không được"))
	if !strings.HasPrefix(m.Text, w.vi("case.note_saved")) || !strings.Contains(m.Text, w.stepHead(g, 0)) || !hasButton(m, w.vi("case.done")) {
		t.Errorf("a problem typed at the list is answered %q; want %q and the step", m.Text, w.vi("case.note_saved"))
	}
	if _, es := w.lastCase(u); !strings.HasSuffix(kinds(es), "problem1(other)") || es[len(es)-1].Note.String != "máy cũ quét QR không được" {
		t.Errorf("events after a problem typed at the list: %s", kinds(es))
	}
}
