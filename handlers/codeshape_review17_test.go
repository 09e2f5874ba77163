package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Search words with a dash or a slash and a few figures — a licence class
// ("GPLX-A1"), a card ("BHYT-2"), a form ("CT01/2026") — were read as a
// dossier code: "no case waits for a code", or, right after a case closed
// without one, the offer to attach "GPLX-A1" to it. A portal's code
// carries a serial of four figures or more besides a year (Circular
// 01/2018's daily serial has four): those words are searched, and real
// codes of several shapes are still offered to the case.
func TestShortSearchWordsAreNoDossierCode(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Mã ngắn")
	searchWords := []string{"GPLX-A1", "BHYT-2", "CT01/2026", "BHYT-2026", "ct01/2026"}

	// No case waits for a code: searched, not "no case waits for a code".
	w.send(u, "/new")
	noCase := w.vi("case.code_no_case")
	for _, typed := range searchWords {
		if m := last(t, w.send(u, typed)); m.Text == noCase {
			t.Errorf("%q typed after /new: %q; want a search", typed, m.Text)
		}
	}

	// A case closed a moment ago without its code: not offered to it.
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	closed := caseNo(w, u)
	attach := w.vi("case.attach_button", locales.Data{"Case": closed})
	for _, typed := range searchWords {
		if m := last(t, w.send(u, typed)); hasButton(m, attach) || m.Text == noCase {
			t.Errorf("%q typed after the case closed: %q %v; want a search", typed, m.Text, m.Buttons())
		}
	}
	for _, code := range []string{"BHXH-2026-000123", "H15.50.05.13-261008-0975", "G22.50-251130-0001", "HS-0001", "000.00.12.H26-251127-0001"} {
		if m := last(t, w.send(u, code)); !hasButton(m, attach) {
			t.Errorf("the real code %q typed after the case: %q %v; want %q", code, m.Text, m.Buttons(), attach)
		}
	}
}
