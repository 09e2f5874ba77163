package handlers_test

import (
	"strings"
	"testing"
)

// /new, "chung thuc", the guide, /cancel ("Đã huỷ.") left the consent's
// buttons; pressed, one answered "out of date" and turned the consent
// into the list of open cases (review 23v). /cancel takes the buttons off
// the screen it ends — the consent, the procedure list — as it does an
// invite's or a team's.
func TestCancelTakesTheConsentsButtonsOff(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Huỷ")
	w.startBirthCase(v) // an open case: a stale press drew the list of them
	ct := guide(t, "chung-thuc")
	w.send(v, "/new")
	w.send(v, "chung thuc")
	consent := last(t, w.press(v, ct.Title.Vi))
	if !hasButton(consent, w.vi("consent.yes")) {
		t.Fatalf("consent: %q %v", consent.Text, consent.Buttons())
	}
	ms := w.send(v, "/cancel")
	if m := last(t, ms); m.Text != w.vi("cancel.done") {
		t.Fatalf("/cancel: %q", m.Text)
	}
	for _, m := range v.Messages() {
		if m.ID == consent.ID {
			if len(m.Buttons()) != 0 || !strings.Contains(m.Text, ct.Title.Vi) {
				t.Errorf("the consent after /cancel: %q %v; want its text without buttons", m.Text, m.Buttons())
			}
		}
	}
	list := last(t, w.send(v, "/new"))
	w.send(v, "/cancel")
	for _, m := range v.Messages() {
		if m.ID == list.ID && len(m.Buttons()) != 0 {
			t.Errorf("the procedure list after /cancel keeps its buttons: %v", m.Buttons())
		}
	}
}
