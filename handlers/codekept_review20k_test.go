package handlers_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// At case B's code question the volunteer types a code case A (closed
// earlier the same day) keeps. It was refused with "type the code exactly
// as on the screen" — typed so again, refused again —, nothing saying case
// A's code may be the one mistyped, and no way to say that B is the same
// dossier as A. A screen says case A keeps it and what each way means:
// "← type another code" asks again, and the code typed right is kept.
func TestCodeKeptElsewhereAtTheCodeQuestionOffersAWayOut(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Mã ca trước")
			const code = "000.00.12.H26-251127-0043"
			w.finishWithCode(v, code)
			a := caseNo(w, v)
			clk.advance(2 * time.Hour)
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			b := caseNo(w, v)
			tr := w.vi
			if lang == "en" {
				w.send(v, "/lang")
				w.press(v, w.en("lang.name"))
				tr = w.en
			}
			m := last(t, fresh(w.send(v, code)))
			choice := tr("case.dossier_kept_choice", locales.Data{"Case": b, "Kept": a})
			if !strings.Contains(m.Text, tr("case.dossier_kept", locales.Data{"Case": a, "Code": code})) || !strings.Contains(m.Text, choice) ||
				!hasButton(m, tr("case.same_dossier_button", locales.Data{"Case": a})) || !hasButton(m, tr("case.kept_retype")) || !hasButton(m, tr("case.no_dossier")) {
				t.Fatalf("case #%d's code typed at case #%d's code question: %q %v; want what case #%d keeps, %q, and its buttons", a, b, m.Text, m.Buttons(), a, choice)
			}
			m = last(t, w.press(v, tr("case.kept_retype")))
			if !strings.Contains(m.Text, tr("case.dossier_ask")) {
				t.Errorf("← type another code: %q; want the code question", m.Text)
			}
			w.send(v, "000.00.12.H26-251127-0047")
			if got, _, _ := followup(w, b); got != "000.00.12.H26-251127-0047" {
				t.Errorf("case #%d keeps %q", b, got)
			}
			if got, _, _ := followup(w, a); got != code {
				t.Errorf("case #%d keeps %q, want %q", a, got, code)
			}
		})
	}
}

// The same resident helped twice in a day on one dossier (a supplement, a
// fee paid after a failure): at the second case's code question the code
// case A keeps is typed. There was no way to say so: B ended "no code" and
// was named for the rest of the day as a case awaiting its code. "Same
// dossier as case A" ends B as submitted, with no code and no second
// follow-up, and B is never named afterwards as awaiting a code.
func TestSameDossierAsTheCaseBeforeEndsWithoutASecondFollowup(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Cùng hồ sơ")
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	b := caseNo(w, v)
	w.send(v, code)
	m := last(t, w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a})))
	if want := w.vi("case.same_dossier_done", locales.Data{"Case": b, "Kept": a}); !strings.Contains(m.Text, want) ||
		!strings.Contains(m.Text, w.vi("summary.head", locales.Data{"Case": b})) {
		t.Errorf("same dossier as case #%d: %q; want %q above case #%d's summary", a, m.Text, want, b)
	}
	if strings.Contains(m.Text, w.vi("summary.no_code")) { // review 29: case #a reminds the resident
		t.Errorf("same dossier as case #%d: the summary says nobody is reminded: %q", a, m.Text)
	}
	c, _ := w.lastCase(v)
	if c.Status != storage.CaseClosed || c.Outcome.String != "submitted" {
		t.Errorf("case #%d is %s, %q; want closed, submitted", b, c.Status, c.Outcome.String)
	}
	if _, _, err := followup(w, b); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("case #%d keeps a code (err %v), want none", b, err)
	}
	if got, _, _ := followup(w, a); got != code {
		t.Errorf("case #%d keeps %q, want %q", a, got, code)
	}
	// Another code a minute on is offered to B, as to a case that ended
	// with no code ("same dossier" pressed by mistake: review 20k2); an
	// hour on B is not named as a case that ended without its code.
	clk.advance(time.Minute)
	other := "000.00.12.H26-251127-0051"
	if m := last(t, w.send(v, other)); !hasButton(m, w.vi("case.attach_button", locales.Data{"Case": b})) {
		t.Errorf("a code typed a minute after case #%d ended as case #%d's dossier: %q %v; want it offered to #%d", b, a, m.Text, m.Buttons(), b)
	}
	w.press(v, w.vi("case.attach_no"))
	clk.advance(time.Hour)
	if m := last(t, w.send(v, other)); strings.Contains(m.Text, "#"+strconv.FormatInt(b, 10)+" ") || strings.Contains(m.Text, "#"+strconv.FormatInt(b, 10)+",") {
		t.Errorf("a code typed an hour after case #%d ended as case #%d's dossier: %q names case #%d", b, a, m.Text, b)
	}
}
