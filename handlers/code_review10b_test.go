package handlers_test

import (
	"testing"
)

// A code pasted with the unaccented words beside it (an SMS, a note:
// "… sdt 0912345678") is kept alone: the phone number glued to the code
// went into the follow-up, the summary and the resident's slip.
func TestDossierCodeKeptWithoutThePhoneBesideIt(t *testing.T) {
	w := newWorld(t)
	for _, typed := range []string{"G22.50-251130-0008 sdt 0912345678", "Nguyen Van An G22.50-251130-0008"} {
		u := w.volunteer("Dán " + typed[:3])
		w.toOutcome(u, "khai-sinh", true)
		w.press(u, w.vi("outcome.submitted"))
		m := last(t, w.send(u, typed))
		c, _ := w.lastCase(u)
		var kept string
		if err := w.store.DB().Get(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil || kept != "G22.50-251130-0008" {
			t.Errorf("%q: kept %q (%v); the bot said %q", typed, kept, err, m.Text)
		}
	}
}
