package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A code typed at a step of a case whose resident wants no reminder is most
// likely the code the portal just gave for that very case: it was answered
// "Case #1 ended more than 30 minutes ago…", naming a case an hour gone as
// if the code were its. The case on screen is named, and why it keeps no
// code. At its checklist, before anything was submitted, the case on screen
// cannot be the code's: the case that ended without one is named there.
func TestCodeMidCaseAnsweredForTheCaseOnScreen(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Ca đang làm")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	clk.advance(time.Hour)
	late := w.vi("case.code_too_late", locales.Data{"Case": first, "Minutes": 30})

	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, "Đăng ký tạm trú")
	w.press(u, w.vi("consent.no"))
	second := caseNo(w, u)
	m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
	if !strings.HasPrefix(m.Text, late+"\n\n") || !hasButton(m, w.vi("case.begin")) {
		t.Errorf("a code typed at the checklist: %q; want %q above the checklist", m.Text, late)
	}

	w.press(u, w.vi("case.begin"))
	w.toSubmitStep(u, "tam-tru") // before it, the code cannot be this case's (review 19)
	m = last(t, w.send(u, "000.00.12.H26-251127-0001"))
	here := w.vi("case.code_not_kept_here", locales.Data{"Case": second})
	if !strings.HasPrefix(m.Text, here+"\n\n") || strings.Contains(m.Text, late) || !hasButton(m, w.vi("case.done")) {
		t.Errorf("a code typed at a step of a case with no reminder: %q; want %q above the step", m.Text, here)
	}
}

// With no case for the code to have been meant for, a code typed at the
// checklist is answered as words are: press a button, or /new for another
// procedure.
func TestCodeAtTheChecklistWithNoLateCase(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Chưa nộp")
	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, "Đăng ký tạm trú")
	w.press(u, w.vi("consent.no"))
	m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
	want := w.vi("case.press_checklist") + "\n" + w.vi("case.other_procedure")
	if !strings.HasPrefix(m.Text, want+"\n\n") || !hasButton(m, w.vi("case.begin")) {
		t.Errorf("a code typed at the checklist, no case before: %q; want %q above the checklist", m.Text, want)
	}
}

// Within the window of the case before (closed a moment ago without its
// code), a code typed at a step of a case that keeps none says both: this
// case keeps no code, and the code may be the case before's (review 18,
// second reading): not only the case before, which had the volunteer
// attach a code that was most likely this resident's to the other's
// follow-up.
func TestCodeMidCaseWithinTheWindowSaysThisCaseKeepsNone(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Ca trước còn chờ")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	clk.advance(5 * time.Minute)

	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, "Đăng ký tạm trú")
	w.press(u, w.vi("consent.no"))
	second := caseNo(w, u)
	w.press(u, w.vi("case.begin"))
	w.toSubmitStep(u, "tam-tru")
	m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
	here := w.vi("case.code_not_kept_here", locales.Data{"Case": second})
	before := w.vi("case.code_of_case_before", locales.Data{"Case": first, "Minutes": 25}) // 30 less the 5 gone
	if !strings.HasPrefix(m.Text, here+"\n"+before+"\n\n") || !hasButton(m, w.vi("case.done")) {
		t.Errorf("a code typed at a step, the case before within its window: %q; want %q then %q above the step", m.Text, here, before)
	}
}
