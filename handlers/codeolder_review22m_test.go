package handlers_test

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Case B ended "🔗 Same dossier as case #A"; cases C and D then closed,
// each keeping its own code. A new code typed was offered to B ("ended
// without a dossier code"), and 📎 made B a dossier of its own. A code is
// offered only to the volunteer's last case that closed: never past newer
// cases that took their codes, and B stays the same dossier as A.
func TestCodeNotOfferedPastNewerCasesWithCodes(t *testing.T) {
	for _, how := range []string{"same dossier", "no code"} {
		t.Run(how, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Mã lạc")
			const code = "000.00.12.H26-251202-0001"
			w.finishWithCode(v, code)
			a := caseNo(w, v)
			clk.advance(time.Hour)
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			b := caseNo(w, v)
			if how == "same dossier" {
				w.send(v, code)
				w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a}))
			} else {
				w.press(v, w.vi("case.no_dossier"))
			}
			clk.advance(2 * time.Minute)
			w.finishWithCode(v, "000.00.12.H26-251202-0002")
			clk.advance(2 * time.Minute)
			w.finishWithCode(v, "000.00.12.H26-251202-0003")
			clk.advance(2 * time.Minute)
			m := last(t, w.send(v, "000.00.12.H26-251202-0005"))
			if attach := w.vi("case.attach_button", locales.Data{"Case": b}); hasButton(m, attach) {
				t.Fatalf("a new code typed after two newer cases kept theirs: %q %v; want no offer to case #%d", m.Text, m.Buttons(), b)
			}
			var got struct {
				Same bool `db:"same_dossier"`
			}
			if err := w.store.DB().Get(&got, `SELECT same_dossier FROM cases WHERE id = $1`, b); err != nil || got.Same != (how == "same dossier") {
				t.Errorf("case #%d: same_dossier %v (err %v)", b, got.Same, err)
			}
			if c, _ := w.lastCase(v); c.Status != storage.CaseClosed {
				t.Errorf("last case: %s", c.Status)
			}
		})
	}
}
