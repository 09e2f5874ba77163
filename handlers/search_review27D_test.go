package handlers_test

import (
	"strings"
	"testing"
)

// Review 27D: at /new, a copy of the extract of a marriage with a
// foreigner ("trích lục kết hôn với người Hàn Quốc") offers the
// extract-copy guide, not "no guide yet", and never the marriage guide of
// two Vietnamese citizens; a marriage with a foreigner ("lấy chồng Hàn")
// is told plainly that no guide covers it yet, not "type fewer words".
func TestReview27DForeignMarriageAtNew(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query, want string // want: the guide first offered, or "" for none
	}{
		{"vi", "trích lục kết hôn với người Hàn Quốc", "trich-luc-ho-tich"},
		{"vi", "xin trích lục kết hôn với người nước ngoài", "trich-luc-ho-tich"},
		{"en", "extract of marriage to a Korean", "trich-luc-ho-tich"},
		{"vi", "lấy chồng Hàn", ""},
		// Since review 27K "chồng Hàn", "vợ Trung Quốc", "korean husband"
		// alone ask which procedure, and "tạm trú cho chồng Hàn Quốc" is
		// told no guide covers a foreigner's (search_review27K_test.go).
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V27D " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if title := guide(t, "ket-hon").Title.In(tt.lang); hasButton(m, title) {
			t.Errorf("%s %q: %q offered", tt.lang, tt.query, title)
		}
		if tt.want != "" {
			title := guide(t, tt.want).Title.In(tt.lang)
			if len(m.Buttons()) == 0 || m.Buttons()[0].Text != title {
				t.Errorf("%s %q: %q %v, want %q first", tt.lang, tt.query, m.Text, m.Buttons(), title)
			}
			continue
		}
		if !strings.HasPrefix(m.Text, tr.T("case.no_guide")) {
			t.Errorf("%s %q: %q, want it to begin %q", tt.lang, tt.query, m.Text, tr.T("case.no_guide"))
		}
	}
}
