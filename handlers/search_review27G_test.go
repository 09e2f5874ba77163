package handlers_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
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

// A spouse or a parent typed alone at /new ("chồng", "vợ", "cho mẹ", "my
// husband") names whom a procedure is for, not which: "chồng" offered the
// permanent residence, the ID card and the unemployment benefit by
// look-alikes, "vợ" was told to type fewer words. The volunteer is asked
// which procedure the resident needs for that person, offered what is
// most often done for them (review 29: first nothing but "all
// procedures"); typed with the procedure, the person finds it.
func TestReview27GSpouseAloneAsksWhichProcedure(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ lang, query, want string }{
		{"vi", "chồng", guides.PersonSpouse},
		{"vi", "vợ", guides.PersonSpouse},
		{"vi", "cho mẹ", guides.PersonParent},
		{"en", "my husband", guides.PersonSpouse},
		{"vi", "thường trú cho vợ", "thuong-tru"},
		{"en", "death registration for my husband", "khai-tu"},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V27G " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if catalog.ForWhom(tt.query) == "" {
			if title := guide(t, tt.want).Title.In(tt.lang); len(m.Buttons()) == 0 || m.Buttons()[0].Text != title {
				t.Errorf("%s %q: %q %v, want %q first", tt.lang, tt.query, m.Text, m.Buttons(), title)
			}
			continue
		}
		if key := "case.no_procedure_for_" + tt.want; !strings.HasPrefix(m.Text, tr.T(key)) {
			t.Errorf("%s %q: %q, want it to begin %q", tt.lang, tt.query, m.Text, tr.T(key))
		}
		if bs := m.Buttons(); len(bs) == 0 || bs[len(bs)-1].Text != tr.T("case.all_guides") {
			t.Errorf("%s %q: buttons %v, want %q last", tt.lang, tt.query, titles(bs), tr.T("case.all_guides"))
		}
	}
}

// The examples the question gives ("thường trú cho vợ", "ID card for my
// mother") are what a volunteer copies: each finds its guide.
func TestReview27GWhomForExamplesFindTheirGuide(t *testing.T) {
	w := newWorld(t)
	quoted := regexp.MustCompile(`“([^”]+)”`)
	for _, lang := range []string{"vi", "en"} {
		text := w.texts.For(lang).T("case.no_procedure_for")
		examples := quoted.FindAllStringSubmatch(text, -1)
		if len(examples) < 2 {
			t.Fatalf("%s: %q gives no examples", lang, text)
		}
		for _, m := range examples {
			if found := catalog.Search(m[1]); len(found) == 0 || catalog.ForWhomOnly(m[1]) {
				t.Errorf("%s: example %q finds %d guides", lang, m[1], len(found))
			}
		}
	}
}
