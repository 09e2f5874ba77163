package handlers_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A fee, a time or papers asked of no procedure – "phí dịch vụ" (the
// service fee), "bao nhiêu tiền", "how much is the fee", "cần giấy tờ gì"
// – listed every procedure ("phí
// dịch vụ": 21 guides, by their "dịch vụ công" names) or answered "no
// procedure matches, try fewer words", which fewer words cannot help. The
// bot now asks which procedure is meant, with examples, in either
// language, at /new and outside any flow, and offers the procedures used
// most (review 29: first none), whose consent says the fee and the time;
// "all procedures" stays. A search that finds nothing otherwise is answered as
// before, and one that names a procedure finds it.
func TestAFeeAskedOfNoProcedureIsAskedWhichProcedure(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query string
		new         bool
	}{
		{"vi", "phí dịch vụ", true},
		{"vi", "phi dich vu", false},
		{"vi", "bao nhiêu tiền", false},
		{"vi", "mất bao lâu", true},
		{"en", "how much is the fee", true},
		{"en", "service fee", false},
		{"en", "how long does it take", false},
		{"vi", "cần giấy tờ gì", false},
		{"en", "what documents", true},
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
		if !strings.Contains(m.Text, tr.T("case.no_procedure_named")) || strings.Contains(m.Text, tr.T("case.no_match", locales.Data{"Query": tt.query})) {
			t.Errorf("%s %q: %q, want which procedure asked", tt.lang, tt.query, m.Text)
		}
		if b := m.Buttons(); len(b) != 5 || b[4].Text != tr.T("case.all_guides") {
			t.Errorf("%s %q: buttons %+v, want four procedures and %q", tt.lang, tt.query, b, tr.T("case.all_guides"))
		}
	}
	tr := w.texts.For("vi")
	u := w.volunteer("V other")
	if m := last(t, w.send(u, "bán mì")); !strings.Contains(m.Text, tr.T("case.no_match", locales.Data{"Query": "bán mì"})) {
		t.Errorf("bán mì: %q, want no match as before", m.Text)
	}
	if m := last(t, w.send(u, "lệ phí hộ chiếu")); !hasButton(m, guide(t, "ho-chieu").Title.Vi) {
		t.Errorf("lệ phí hộ chiếu: %q %+v, want the passport guide", m.Text, m.Buttons())
	}
	en := w.texts.For("en")
	w.send(u, "/lang en")
	if m := last(t, w.send(u, "how much is a passport")); !hasButton(m, guide(t, "ho-chieu").Title.En) || strings.Contains(m.Text, en.T("case.no_procedure_named")) {
		t.Errorf("how much is a passport: %q %+v, want the passport guide", m.Text, m.Buttons())
	}
}

// The examples the question gives ("lệ phí hộ chiếu", "documents for
// marriage registration") are what a volunteer copies: each finds its
// guide, in its language.
func TestWhichProcedureExamplesFindTheirGuide(t *testing.T) {
	w := newWorld(t)
	quoted := regexp.MustCompile(`“([^”]+)”`)
	for _, lang := range []string{"vi", "en"} {
		text := w.texts.For(lang).T("case.no_procedure_named")
		examples := quoted.FindAllStringSubmatch(text, -1)
		if len(examples) < 2 {
			t.Fatalf("%s: %q gives no examples", lang, text)
		}
		for _, m := range examples {
			if found := catalog.Search(m[1]); len(found) == 0 || catalog.AsksOfNoProcedure(m[1]) {
				t.Errorf("%s: example %q finds %d guides", lang, m[1], len(found))
			}
		}
	}
}
