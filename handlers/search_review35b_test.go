package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

// Review 35b, as the volunteer sees it: "thue" typed without marks alone
// is rent (the temporary residence, still offered) or a tax, which no
// guide covers — the screen says both; beside a tax's words ("dong thue",
// "ma so thue", "thue dat") it is a tax, told no guide covers it; beside
// renting's ("thue nha") the temporary residence, with no word of a tax.
func TestReview35bPlainThueSaysRentOrTax(t *testing.T) {
	w := newWorld(t)
	tamTru := guide(t, "tam-tru").Title
	for _, lang := range []string{"vi", "en"} {
		tr, title := w.vi, tamTru.Vi
		if lang == "en" {
			tr, title = w.en, tamTru.En
		}
		for _, tt := range []struct {
			query string
			tax   bool
		}{{"thue", true}, {"Thue", true}, {"thue nha", false}, {"thue tro", false}, {"thuê", false}} {
			u := w.volunteer("V35b " + lang + " " + tt.query)
			if lang == "en" {
				w.send(u, "/lang")
				w.press(u, w.en("lang.name"))
			}
			w.send(u, "/new")
			m := last(t, w.send(u, tt.query))
			if got := titles(m.Buttons()); !slices.Contains(got, title) {
				t.Errorf("%s %q: %q %q, want the temporary residence offered", lang, tt.query, m.Text, got)
			}
			if got := strings.Contains(m.Text, tr("case.found_tax_too")); got != tt.tax {
				t.Errorf("%s %q: %q says no guide covers a tax: %v, want %v", lang, tt.query, m.Text, got, tt.tax)
			}
		}
		for _, q := range []string{"dong thue", "ma so thue", "thue dat", "dang ky thue"} {
			u := w.volunteer("V35b " + lang + " " + q)
			if lang == "en" {
				w.send(u, "/lang")
				w.press(u, w.en("lang.name"))
			}
			w.send(u, "/new")
			if m := last(t, w.send(u, q)); !strings.HasPrefix(m.Text, tr("case.no_guide")) || slices.Contains(titles(m.Buttons()), title) {
				t.Errorf("%s %q: %q %q, want %q and no temporary residence", lang, q, m.Text, titles(m.Buttons()), tr("case.no_guide"))
			}
		}
	}
}
