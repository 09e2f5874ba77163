package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

// Review 34B, as the volunteer sees it: vaccination, a tax and social
// insurance asked alone are told no guide covers them (they listed the
// household business, the temporary residence and the health insurance);
// several papers lost in one message list a guide for each; "ttru" and a
// newborn's "số định danh" find their guide.
func TestReview34BSearchAsTyped(t *testing.T) {
	w := newWorld(t)
	for _, q := range []string{"tiêm chủng", "thuế", "bảo hiểm xã hội"} {
		u := w.volunteer("V34B " + q)
		w.send(u, "/new")
		if m := last(t, w.send(u, q)); !strings.HasPrefix(m.Text, w.vi("case.no_guide")) {
			t.Errorf("%q: %q %q, want %q", q, m.Text, titles(m.Buttons()), w.vi("case.no_guide"))
		}
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"mất căn cước, bằng lái và thẻ bảo hiểm", []string{"the-can-cuoc", "doi-gplx", "cap-lai-the-bhyt"}},
		{"căn cước", []string{"the-can-cuoc"}},
		{"ttru", []string{"tam-tru", "xac-nhan-cu-tru"}},
		{"số định danh cho trẻ sơ sinh", []string{"khai-sinh"}},
	} {
		u := w.volunteer("V34B " + tt.query)
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		var want []string
		for _, id := range tt.want {
			want = append(want, guide(t, id).Title.Vi)
		}
		if got := titles(m.Buttons()); len(got) != len(want)+1 || !slices.Equal(got[:len(want)], want) {
			t.Errorf("%q: %q %q, want %q", tt.query, m.Text, got, want)
		}
	}
}

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
