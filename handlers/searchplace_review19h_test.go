package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// What is typed after a procedure but names no place – "bán thuốc" (thuốc
// folds like "thuộc"), "tại đại sứ quán", "at the embassy", "ở nước ngoài"
// – was cut off as if it were one, and the volunteer was offered a guide
// he did not ask for (trich-luc-ho-tich, khai-sinh for a birth abroad). At
// /new and outside any flow, in either language, the bot now says plainly
// that no procedure matches, and no guide is offered; somewhere abroad,
// since review 25C, that no guide covers it yet (case.no_guide), not to
// type fewer words, which would find the domestic procedure.
func TestWordsThatAreNoPlaceAreNotCut(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query string
		new         bool
		key         string
	}{
		{"vi", "đăng ký bán thuốc", true, "case.no_match"},
		{"vi", "đăng ký khai sinh tại đại sứ quán", false, "case.no_guide"},
		{"vi", "ket hon o nuoc ngoai", true, "case.no_guide"},
		{"en", "birth registration at the embassy", true, "case.no_guide"},
		{"en", "passport at the embassy", false, "case.no_guide"},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		if tt.new {
			w.send(u, "/new")
		}
		m := last(t, w.send(u, tt.query))
		if !strings.Contains(m.Text, tr.T(tt.key, locales.Data{"Query": tt.query})) {
			t.Errorf("%s %q: %q %+v, want no match", tt.lang, tt.query, m.Text, m.Buttons())
			continue
		}
		for _, id := range []string{"trich-luc-ho-tich", "khai-sinh", "ket-hon", "ho-chieu"} {
			if title := guide(t, id).Title.In(tt.lang); hasButton(m, title) {
				t.Errorf("%s %q: %q offered", tt.lang, tt.query, title)
			}
		}
	}
}
