package handlers_test

import (
	"testing"
)

// Review 27G: at /new, a lost marriage certificate of a marriage with a
// foreigner ("mất giấy kết hôn với chồng Hàn") offers the extract-copy
// guide, as the domestic "mất giấy kết hôn" does, not "no guide yet", and
// never the marriage guide of two Vietnamese citizens.
func TestReview27GLostForeignMarriageCertificateAtNew(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ lang, query string }{
		{"vi", "mất giấy kết hôn"},
		{"vi", "mất giấy kết hôn với chồng Hàn"},
		{"vi", "xin lại giấy kết hôn với người nước ngoài"},
		{"en", "lost my marriage certificate, husband is korean"},
	} {
		u := w.volunteer("V27G " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if title := guide(t, "ket-hon").Title.In(tt.lang); hasButton(m, title) {
			t.Errorf("%s %q: %q offered", tt.lang, tt.query, title)
		}
		if title := guide(t, "trich-luc-ho-tich").Title.In(tt.lang); len(m.Buttons()) == 0 || m.Buttons()[0].Text != title {
			t.Errorf("%s %q: %q %v, want %q first", tt.lang, tt.query, m.Text, m.Buttons(), title)
		}
	}
}
