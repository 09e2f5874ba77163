package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// tapTogether presses label on m twice before either press is handled:
// two taps that both left the phone while m still showed its buttons, so
// both carry m as it was (a weak connection, a finger that bounced).
func (w *world) tapTogether(u *telegramtest.User, m *telegramtest.Message, label string) {
	w.t.Helper()
	data := dataOf(w.t, m, label)
	first, err := u.PressData(m.ID, data)
	if err != nil {
		w.t.Fatal(err)
	}
	second, err := u.PressData(m.ID, data)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, first, second)
	drain(u)
}

// stepsBelow counts the case's step messages (with their button done)
// below message id.
func stepsBelow(u *telegramtest.User, id int, done string) int {
	n := 0
	for _, m := range u.Messages() {
		if m.ID > id && hasButton(m, done) {
			n++
		}
	}
	return n
}

// Two taps on "Ở lại" (/leave typed mid-case) that left the phone together
// both carry the question with its buttons: the second, taken for a first
// tap, drew the case's step a second time below.
func TestLeaveStayTappedTogetherDrawsTheStepOnce(t *testing.T) {
	w := newWorld(t)
	vol := w.volunteer("Minh")
	w.startBirthCase(vol)
	ask := only(t, w.send(vol, "/leave"))
	w.tapTogether(vol, ask, w.vi("leave.no"))
	if n := stepsBelow(vol, ask.ID, w.vi("case.done")); n != 1 {
		t.Errorf("after two taps together on Ở lại the step is drawn %d times below the question, want once", n)
	}
}

// The same for the language chosen with /lang mid-case: the step came
// twice below, in the new language.
func TestLangTappedTogetherDrawsTheStepOnce(t *testing.T) {
	w := newWorld(t)
	vol := w.volunteer("Minh")
	w.startBirthCase(vol)
	ask := only(t, w.send(vol, "/lang"))
	w.tapTogether(vol, ask, w.en("lang.name"))
	if n := stepsBelow(vol, ask.ID, w.en("case.done")); n != 1 {
		t.Errorf("after two taps together on the language the step is drawn %d times below the question, want once", n)
	}
}
