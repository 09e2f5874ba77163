package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A dossier code of the Circular's shape typed with spaces in place of the
// dots of its unit is kept, on the slip and the summary, with its dots —
// as the resident finds it on the portal —, and one typed with the letter
// O where the shape has digits is kept with zeros, the volunteer told so
// above the summary, to check it against the receipt (review 22h).
func TestDossierCodeUnitSpacedOrWithLetterO(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		typed, code string
		zero        bool
	}{
		{"mã hồ sơ: 000 00 12 h26 - 251202 - 0001", "000.00.12.H26-251202-0001", false},
		{"OOO.OO.12.H26-251202-OOO5", "000.00.12.H26-251202-0005", true},
	} {
		u := w.volunteer("Mã " + tt.code)
		ms := w.finishWithCode(u, tt.typed)
		summary := last(t, ms)
		if !strings.Contains(summary.Text, tt.code) {
			t.Errorf("%q typed: summary %q; want the code %q", tt.typed, summary.Text, tt.code)
		}
		if strings.Contains(summary.Text, "0000012") || strings.Contains(summary.Text, "OOO") {
			t.Errorf("%q typed: summary %q holds the code as typed", tt.typed, summary.Text)
		}
		var all []string
		for _, m := range ms {
			all = append(all, m.Text)
		}
		notice := w.vi("case.dossier_zero", locales.Data{"Code": tt.code})
		if got := strings.Contains(strings.Join(all, "\n"), notice); got != tt.zero {
			t.Errorf("%q typed: told %q: %v, want %v (%q)", tt.typed, notice, got, tt.zero, all)
		}
		c, _ := w.lastCase(u)
		var kept string
		if err := w.store.DB().Get(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil || kept != tt.code {
			t.Errorf("%q typed: the follow-up keeps %q (%v), want %q", tt.typed, kept, err, tt.code)
		}
	}
}
