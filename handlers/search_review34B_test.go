package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

// Review 34B: the answer to a procedure no guide covers ("xin visa", "tạm
// trú cho chồng Hàn Quốc") warned against a look-alike guide "in the
// list" ("trong danh sách") while no list was shown: the screen's only
// button is all the procedures. Its words now hold whether a list is
// shown or not, in both languages.
func TestReview34BNoGuideNamesNoListNotShown(t *testing.T) {
	w := newWorld(t)
	for _, lang := range []string{"vi", "en"} {
		for _, tt := range []struct{ query, key string }{
			{"xin visa", "case.no_guide"}, {"tạm trú cho chồng Hàn Quốc", "case.no_guide_foreigner"},
		} {
			u := w.volunteer("V34B " + lang + " " + tt.query)
			tr, list := w.vi, "trong danh sách"
			if lang == "en" {
				w.send(u, "/lang")
				w.press(u, w.en("lang.name"))
				tr, list = w.en, "in the list"
			}
			w.send(u, "/new")
			m := last(t, w.send(u, tt.query))
			if !strings.HasPrefix(m.Text, tr(tt.key)) || !slices.Equal(titles(m.Buttons()), []string{tr("case.all_guides")}) {
				t.Fatalf("%s %q: %q %q, want %q with all the procedures' button alone", lang, tt.query, m.Text, titles(m.Buttons()), tr(tt.key))
			}
			if strings.Contains(m.Text, list) {
				t.Errorf("%s %q: %q speaks of a look-alike %q, and no list is shown", lang, tt.query, m.Text, list)
			}
		}
	}
}
