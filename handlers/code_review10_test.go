package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A dossier code pasted twice on a slow phone (the first paste seemed not
// to take, so the volunteer pasted again before sending) keeps the code
// once, not the two copies run together: that doubled code went on the
// summary and the resident's slip, and no portal finds it. Two different
// codes pasted together are neither kept: the volunteer is asked for one.
func TestDossierCodePastedTwice(t *testing.T) {
	w := newWorld(t)
	const code = "G22.50-251130-0001"
	for i, typed := range []string{code + " " + code, code + "\n" + code, "000.00.12.H26-251127-0001\n000.00.12.H26-251127-0001"} {
		u := w.volunteer(fmt.Sprint("Dán ", i))
		w.toOutcome(u, "khai-sinh", true)
		w.press(u, w.vi("outcome.submitted"))
		m := last(t, w.send(u, typed))
		c, _ := w.lastCase(u)
		if c.Status != storage.CaseClosed {
			t.Errorf("%q refused: %q", typed, m.Text)
			continue
		}
		var kept string
		if err := w.store.DB().Get(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		if want := strings.Fields(typed)[0]; kept != want {
			t.Errorf("%q kept as %q, want %q", typed, kept, want)
		}
	}

	u := w.volunteer("Hai mã")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	m := last(t, w.send(u, "G22.50-251130-0001 G22.50-251130-0002"))
	c, _ := w.lastCase(u)
	if c.Status == storage.CaseClosed || !strings.HasPrefix(m.Text, w.vi("case.dossier_two")) ||
		!strings.Contains(m.Text, w.vi("case.dossier_ask")) || !hasButton(m, w.vi("case.no_dossier")) {
		t.Errorf("two codes pasted together: case %s, answer %q", c.Status, m.Text)
	}
}

// The portal's confirmation copied whole — the sentence around the code —
// at the dossier-code question: the code is kept, alone (it was refused as
// "not a code", and selecting only the code on a phone is fiddly while the
// resident waits).
func TestDossierCodeCopiedWithItsSentence(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Sao chép")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	m := last(t, w.send(u, "Nộp hồ sơ thành công. Mã hồ sơ: G22.50-251130-0007, ngày tiếp nhận 30/11/2026."))
	c, _ := w.lastCase(u)
	var kept string
	if err := w.store.DB().Get(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil || kept != "G22.50-251130-0007" {
		t.Errorf("the code in the sentence: kept %q (%v); the bot said %q", kept, err, m.Text)
	}
}
