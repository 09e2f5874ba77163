package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A code typed after its case closed, attached with a double tap while
// another case of the volunteer is paused: the second tap turned the
// message that says the code was attached into the list of open cases.
func TestAttachTappedTwiceKeepsItsConfirmation(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Gắn mã")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	closed := caseNo(w, u)
	w.startBirthCase(u) // the next resident's case, set aside
	w.send(u, "/cancel")

	code := "000.00.12.H26-251127-0001"
	m := last(t, w.send(u, code))
	w.tapTogether(u, m, w.vi("case.attach_button", locales.Data{"Case": closed}))
	want := w.vi("case.attached", locales.Data{"Case": closed, "Code": code})
	if got := msgByID(t, u, m.ID).Text; got != want {
		t.Errorf("after two taps on attach the message reads %q, want %q", got, want)
	}
}
