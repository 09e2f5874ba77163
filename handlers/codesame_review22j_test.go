package handlers_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Case A keeps its code; case B, another resident's, keeps another; case
// C (A's resident back for the same dossier) ends at its code question —
// by /cancel, or "No dossier code" — and A's code is typed within the 30
// minutes. The bot offered "✎ Replace case #B's code": pressed, B's
// resident was followed with A's dossier, two follow-ups holding one
// code; C was never offered "same dossier". It is offered for C, as at
// the code question, and the tally counts two dossiers, not three.
func TestCodeKeptElsewhereAfterTheCodeQuestionOffersTheSameDossier(t *testing.T) {
	for _, how := range []string{"/cancel", "no code"} {
		t.Run(how, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Cùng hồ sơ sau khi thoát")
			coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
			const code, other = "000.00.12.H29-261202-0007", "000.00.12.H29-261202-0010"
			w.finishWithCode(v, code)
			a := caseNo(w, v)
			clk.advance(time.Hour)
			w.finishWithCode(v, other)
			b := caseNo(w, v)
			clk.advance(5 * time.Minute)
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			c := caseNo(w, v)
			if how == "/cancel" {
				w.send(v, code) // the offer of "same dossier", left by /cancel
				w.send(v, "/cancel")
			} else {
				w.press(v, w.vi("case.no_dossier"))
			}
			clk.advance(2 * time.Minute)
			m := last(t, w.send(v, code))
			same := w.vi("case.same_dossier_button", locales.Data{"Case": a})
			if hasButton(m, w.vi("case.replace_button", locales.Data{"Case": b})) || !hasButton(m, same) {
				t.Fatalf("case #%d's code typed 2 minutes after case #%d ended without one: %q %v; want %q, not a replacement of case #%d's code",
					a, c, m.Text, m.Buttons(), same, b)
			}
			m = last(t, w.press(v, same))
			if !strings.Contains(m.Text, w.vi("case.same_dossier_done", locales.Data{"Case": c, "Kept": a})) {
				t.Errorf("%q pressed: %q", same, m.Text)
			}
			if got, _, _ := followup(w, b); got != other {
				t.Errorf("case #%d keeps %q, want %q", b, got, other)
			}
			if _, _, err := followup(w, c); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("case #%d keeps a code (err %v), want none", c, err)
			}
			text, values, _ := w.sameDossierTally(coord)
			w.checkDossiers("same dossier after the code question", text, values, 3, 2, 1)
			// Its minutes are those it had when it ended.
			var secs []int
			if err := w.store.DB().Select(&secs, `SELECT active_seconds FROM cases WHERE id = $1`, c); err != nil || len(secs) != 1 || secs[0] > 60 {
				t.Errorf("case #%d's active seconds: %v (err %v), want those it ended with", c, secs, err)
			}
		})
	}
}

// Case A keeps its code; case B, another resident's, closes five minutes
// later keeping another; A's code is typed then. The bot offered to put
// it in place of B's: two follow-ups held one code, each resident sent
// the other's results. A code another case keeps never replaces a case's
// code: the bot says which case keeps it, and B keeps its own.
func TestCodeKeptByAnotherCaseNeverReplacesACode(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Không thay mã")
	const code, other = "000.00.12.H29-261202-0007", "000.00.12.H29-261202-0010"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	w.finishWithCode(v, other)
	b := caseNo(w, v)
	clk.advance(5 * time.Minute)
	m := last(t, w.send(v, code))
	if want := w.vi("case.code_already_kept", locales.Data{"Case": a, "Code": code}); hasButton(m, w.vi("case.replace_button", locales.Data{"Case": b})) || !strings.Contains(m.Text, want) {
		t.Errorf("case #%d's code typed 5 minutes after case #%d closed with another: %q %v; want %q and no offer to replace", a, b, m.Text, m.Buttons(), want)
	}
	// Nor at the next resident's checklist, nor at the offer to replace
	// B's code with a third one.
	w.send(v, "/new")
	w.send(v, "tam tru")
	w.press(v, guide(t, "tam-tru").Title.Vi)
	w.press(v, w.vi("consent.no"))
	if m := last(t, fresh(w.send(v, code))); hasButton(m, w.vi("case.replace_button", locales.Data{"Case": b})) {
		t.Errorf("case #%d's code typed at the next checklist: %q %v; want no offer to replace case #%d's code", a, m.Text, m.Buttons(), b)
	}
	w.send(v, "/cancel")
	if m := last(t, w.send(v, "000.00.12.H29-261202-0011")); !hasButton(m, w.vi("case.replace_button", locales.Data{"Case": b})) {
		t.Fatalf("a third code 5 minutes after case #%d closed: %q %v; want the offer to replace", b, m.Text, m.Buttons())
	}
	if m := last(t, w.send(v, code)); hasButton(m, w.vi("case.replace_button", locales.Data{"Case": b})) {
		t.Errorf("case #%d's code typed at the offer to replace case #%d's: %q %v; want no offer", a, b, m.Text, m.Buttons())
	}
	if got, _, _ := followup(w, b); got != other {
		t.Errorf("case #%d keeps %q, want %q", b, got, other)
	}
}
