package handlers_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// The dossier code of the case that just ended without one, typed while
// the next resident's case is on screen (the portal's SMS came late): the
// volunteer was told to press a button, or to type /new to look for
// another procedure, or — when the case on screen keeps a code too — to
// send it again when that case asks, which would give the first
// resident's code to the second. They are told whose code it looks like
// and how to attach it there; the case on screen stays, nothing is kept.
func TestCodeOfTheCaseBeforeTypedInTheNext(t *testing.T) {
	for _, reminder := range []bool{false, true} {
		t.Run(map[bool]string{false: "no reminder", true: "reminder"}[reminder], func(t *testing.T) { codeOfCaseBefore(t, reminder) })
	}
}

func codeOfCaseBefore(t *testing.T, reminder bool) {
	{
		clk := newClock()
		w := newWorld(t, handlers.WithClock(clk.now))
		u := w.volunteer("Hai ca")
		w.toOutcome(u, "khai-sinh", true)
		w.press(u, w.vi("outcome.submitted"))
		w.press(u, w.vi("case.no_dossier"))
		first := caseNo(w, u)
		clk.advance(10 * time.Minute)
		w.send(u, "/new")
		w.send(u, "tam tru")
		w.press(u, "Đăng ký tạm trú")
		if reminder {
			w.press(u, w.vi("consent.yes"))
		} else {
			w.press(u, w.vi("consent.no"))
		}
		step := last(t, w.press(u, w.vi("case.begin")))
		second := caseNo(w, u)

		const code = "000.00.12.H26-251127-0001"
		m := last(t, w.send(u, code))
		want := w.vi("case.code_of_case_before", locales.Data{"Case": first, "Minutes": 20})
		if !strings.Contains(m.Text, want) || !hasButton(m, w.vi("case.done")) || strings.Contains(m.Text, w.vi("case.other_procedure")) {
			t.Errorf("reminder %v: the first case's code typed at the second's step: %q %v; want it to say %q, under the step", reminder, m.Text, m.Buttons(), want)
		}
		if m.ID == step.ID {
			t.Errorf("reminder %v: the step was not drawn again below", reminder)
		}
		var rows int
		if err := w.store.DB().Get(&rows, `SELECT count(*) FROM followups`); err != nil || rows != 0 {
			t.Errorf("reminder %v: %d follow-ups kept (%v)", reminder, rows, err)
		}

		// As told: /new, the code, attach; the second case is kept.
		w.send(u, "/new")
		if m = last(t, w.send(u, code)); !hasButton(m, w.vi("case.attach_button", locales.Data{"Case": first})) {
			t.Errorf("reminder %v: the code after /new is not offered for case #%d: %q", reminder, first, m.Text)
		}
		w.press(u, w.vi("case.attach_button", locales.Data{"Case": first}))
		if c, _, _ := followup(w, first); c != code {
			t.Errorf("reminder %v: case #%d keeps %q", reminder, first, c)
		}
		if m = last(t, w.send(u, "/resume")); !strings.Contains(m.Text, "#"+strconv.FormatInt(second, 10)) || !hasButton(m, w.vi("case.done")) {
			t.Errorf("reminder %v: /resume after attaching: %q", reminder, m.Text)
		}
	}
}

// The same code typed while the next resident's consent is read (no case
// yet): "press a button" said nothing of it.
func TestCodeOfTheCaseBeforeTypedAtTheConsent(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Đồng ý")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	clk.advance(25 * time.Minute)
	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, "Đăng ký tạm trú")
	m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
	want := w.vi("case.code_of_case_before_new", locales.Data{"Case": first, "Minutes": 5})
	if !strings.HasPrefix(m.Text, want+"\n\n") || !hasButton(m, w.vi("consent.yes")) {
		t.Errorf("the first case's code typed at the consent: %q %v; want %q above the consent", m.Text, m.Buttons(), want)
	}
	// Past the window, nothing is said of it.
	clk.advance(6 * time.Minute)
	if m = last(t, w.send(u, "000.00.12.H26-251127-0001")); !strings.HasPrefix(m.Text, w.vi("case.press_consent")+"\n\n") {
		t.Errorf("the code typed 31 minutes after: %q", m.Text)
	}
}

// A code typed at the offer to attach another (the first mistyped, seen on
// the offer): "press a button", and the offer of the wrong code again. The
// new code is offered in its place; the old offer loses its buttons.
func TestCodeTypedAtTheAttachOfferReplacesIt(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Gõ lại")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	const wrong, right = "000.00.12.H26-251127-0010", "000.00.12.H26-251127-0001"
	attach := w.vi("case.attach_button", locales.Data{"Case": first})
	offer := last(t, w.send(u, wrong))
	if !hasButton(offer, attach) {
		t.Fatalf("the code typed after the case: %q", offer.Text)
	}
	m := last(t, fresh(w.send(u, right)))
	if want := w.vi("case.code_after_close", locales.Data{"Case": first, "Code": right}); m.Text != want || !hasButton(m, attach) {
		t.Fatalf("another code typed at the offer: %q %v; want %q", m.Text, m.Buttons(), want)
	}
	noButtons(t, u, offer.ID, "the offer of the mistyped code")
	w.press(u, attach)
	if code, _, _ := followup(w, first); code != right {
		t.Errorf("case #%d keeps %q, want %q", first, code, right)
	}
}
