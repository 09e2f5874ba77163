package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 21r: /cancel at the dossier-code question ("Gõ mã hồ sơ…")
// closed the case as "no code" and showed its summary, without the hint
// /new gives at the same point: that the code may still be sent within 30
// minutes. It gives it now, and the code sent then is attached.
func TestCancelAtTheCodeSaysTheCodeMayStillCome(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Vân")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	ms := w.send(u, "/cancel")
	c, _ := w.lastCase(u)
	if c.Status != "closed" {
		t.Fatalf("/cancel at the code: the case is %s", c.Status)
	}
	want := w.vi("case.left_at_code", locales.Data{"Case": c.ID, "Minutes": 30})
	if got := strings.Join(texts(ms), "\n"); !strings.Contains(got, want) {
		t.Fatalf("/cancel at the code question: %q, want %q", got, want)
	}
	const code = "000.00.12.H26-261201-0043"
	w.send(u, code)
	w.press(u, w.vi("case.attach_button", locales.Data{"Case": c.ID}))
	var kept string
	if err := w.store.DB().Get(&kept, `SELECT coalesce(max(dossier_code), '') FROM followups WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	if kept != code {
		t.Errorf("the code sent after /cancel: kept %q, want %q", kept, code)
	}
}
