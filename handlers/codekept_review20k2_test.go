package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Case A (birth registration) keeps a code; case B is another procedure
// (temporary residence) and A's code is pasted again at B's code
// question. "🔗 Same dossier as case #A" was offered, though one dossier
// is never two procedures: it is offered only when B's procedure is A's.
func TestSameDossierOnlyForTheSameProcedure(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Khác thủ tục")
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	w.toOutcome(v, "tam-tru", true)
	w.press(v, w.vi("outcome.submitted"))
	b := caseNo(w, v)
	m := last(t, fresh(w.send(v, code)))
	if hasButton(m, w.vi("case.same_dossier_button", locales.Data{"Case": a})) || strings.Contains(m.Text, w.vi("case.dossier_kept_choice", locales.Data{"Case": b, "Kept": a})) {
		t.Errorf("case #%d's code typed at case #%d's code question, another procedure: %q %v; want no \"same dossier\"", a, b, m.Text, m.Buttons())
	}
	if !hasButton(m, w.vi("case.kept_retype")) || !hasButton(m, w.vi("case.no_dossier")) ||
		!strings.Contains(m.Text, w.vi("case.dossier_kept_other", locales.Data{"Case": b, "Kept": a})) {
		t.Errorf("case #%d's code typed at case #%d's code question, another procedure: %q %v; want why and the other ways", a, b, m.Text, m.Buttons())
	}
}

// "Same dossier as case #A" pressed by mistake: B's real code typed a
// minute later was "too late" and B never got its follow-up, while after
// "No dossier code" the same code is offered to B. A case that ended as
// the same dossier takes its code within the same minutes.
func TestSameDossierByMistakeStillTakesItsCode(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Bấm nhầm cùng hồ sơ")
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	b := caseNo(w, v)
	w.send(v, code)
	w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a}))
	clk.advance(time.Minute)
	const real = "000.00.12.H26-251127-0051"
	m := last(t, w.send(v, real))
	if !hasButton(m, w.vi("case.attach_button", locales.Data{"Case": b})) {
		t.Fatalf("case #%d's real code a minute after \"same dossier\" was pressed by mistake: %q %v; want it offered to #%d", b, m.Text, m.Buttons(), b)
	}
	w.press(v, w.vi("case.attach_button", locales.Data{"Case": b}))
	if got, _, _ := followup(w, b); got != real {
		t.Errorf("case #%d keeps %q, want %q", b, got, real)
	}
	if got, _, _ := followup(w, a); got != code {
		t.Errorf("case #%d keeps %q, want %q", a, got, code)
	}
}

// Between the "kept" screen and the press of "Same dossier as case #A",
// the resident deleted case A's follow-up (/forget): B ended as the same
// dossier, its summary saying the resident is followed through case A,
// though nothing follows the dossier any more. The press checks again:
// the code, kept by no case now, is B's.
func TestSameDossierRecheckedAtThePress(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Đã xoá theo dõi")
	res := w.srv.NewUser("Cư dân", "vi")
	const code = "000.00.12.H26-251127-0043"
	ms := w.finishWithCode(v, code)
	a := caseNo(w, v)
	w.send(res, "/start "+qrToken(t, ms[0].Photo))
	w.press(res, w.vi("followup.consent_yes"))
	clk.advance(time.Hour)
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	b := caseNo(w, v)
	w.send(v, code)
	if got := last(t, w.forgetConfirmed(res)); got.Text != w.vi("followup.forgotten") {
		t.Fatalf("/forget: %q", got.Text)
	}
	m := last(t, w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a})))
	if strings.Contains(m.Text, w.vi("case.same_dossier_done", locales.Data{"Case": b, "Kept": a})) {
		t.Errorf("\"same dossier as case #%d\" pressed after its follow-up was deleted: %q", a, m.Text)
	}
	if got, _, _ := followup(w, b); got != code {
		t.Errorf("case #%d keeps %q, want %q", b, got, code)
	}
}
