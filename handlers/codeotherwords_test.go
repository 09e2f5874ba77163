package handlers_test

import (
	"strings"
	"testing"
)

// A dossier code typed with a resident's name or ID number after it was
// kept alone — rightly — but the volunteer was not told the rest was
// dropped, and could believe the name went onto the record or the slip
// (review 36E). The summary now says in one line that only the code was
// kept, never quoting the rest; a code typed alone or after its label gets
// no such line; and nothing but the code is stored.
func TestDossierCodeWithOtherWordsSaysOnlyTheCodeIsKept(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, typed, code string
		other             []string // what must be nowhere
		told              bool
	}{
		{"vi", "G22.99-251205-0007 Nguyễn Văn An", "G22.99-251205-0007", []string{"Nguyễn", "Văn An"}, true},
		{"vi", "G22.99-251205-0008 079203001234", "G22.99-251205-0008", []string{"079203001234"}, true},
		{"en", "G22.99-251205-0009 Tran Thi Mai", "G22.99-251205-0009", []string{"Tran", "Mai"}, true},
		{"vi", "G22.99-251205-0010", "G22.99-251205-0010", nil, false},
		{"vi", "Mã hồ sơ: G22.99-251205-0011", "G22.99-251205-0011", nil, false},
	} {
		u := w.volunteer("Mã " + tt.code)
		tr := w.vi
		w.toOutcome(u, "khai-sinh", true)
		w.press(u, w.vi("outcome.submitted"))
		if tt.lang == "en" { // at the code question, which /lang draws again
			w.send(u, "/lang")
			w.press(u, w.en("lang.name"))
			tr = w.en
		}
		ms := fresh(w.send(u, tt.typed))
		summary := last(t, ms)
		if !strings.Contains(summary.Text, tt.code) {
			t.Errorf("%q typed: summary %q; want the code %q", tt.typed, summary.Text, tt.code)
		}
		notice := tr("case.dossier_other_words")
		if got := strings.Contains(summary.Text, notice); got != tt.told {
			t.Errorf("%q typed: summary %q tells %q: %v, want %v", tt.typed, summary.Text, notice, got, tt.told)
		}
		for _, m := range ms {
			for _, o := range tt.other {
				if strings.Contains(m.Text, o) {
					t.Errorf("%q typed: a reply quotes %q: %q", tt.typed, o, m.Text)
				}
			}
		}
		c, _ := w.lastCase(u)
		var kept string
		if err := w.store.DB().Get(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil || kept != tt.code {
			t.Errorf("%q typed: the follow-up keeps %q (%v), want %q", tt.typed, kept, err, tt.code)
		}
		for _, table := range []string{"cases", "case_events", "followups", "conversations", "outbox"} {
			for _, o := range tt.other {
				var n int
				if err := w.store.DB().Get(&n, `SELECT count(*) FROM `+table+` t WHERE t::text ILIKE '%' || $1 || '%'`, o); err != nil || n != 0 {
					t.Errorf("%q typed: %d rows of %s hold %q (%v)", tt.typed, n, table, o, err)
				}
			}
		}
	}
}
