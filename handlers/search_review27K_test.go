package handlers_test

import (
	"regexp"
	"strings"
	"testing"
)

// Review 27K: at /new, a procedure typed for a foreign spouse ("tạm trú
// cho chồng Hàn Quốc", "khai sinh cho con, chồng Hàn Quốc", "mất hộ
// chiếu của chồng Hàn") offered the citizen's guide; it is told there is
// no guide yet for a foreigner, and why, with no guide offered. A spouse
// named by nationality alone ("chồng Hàn", "korean husband") was told "no
// guide for this procedure – it differs from the one of a similar name in
// the list", though none was named: it is asked which procedure. A paper of
// the resident's own ("hộ chiếu cho tôi, chồng Hàn Quốc") finds its guide.
func TestReview27KForeignSpouseAtNew(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query, key, want string // key: the answer's text; want: the guide first offered
	}{
		{"vi", "tạm trú cho chồng Hàn Quốc", "case.no_guide_foreigner", ""},
		{"vi", "khai sinh cho con, chồng Hàn Quốc", "case.no_guide_foreigner", ""},
		{"vi", "mất hộ chiếu của chồng Hàn", "case.no_guide_foreigner", ""},
		{"en", "temporary residence for korean husband", "case.no_guide_foreigner", ""},
		{"vi", "chồng Hàn", "case.no_procedure_foreigner", ""},
		{"vi", "vợ Trung Quốc", "case.no_procedure_foreigner", ""},
		{"vi", "con dâu Trung Quốc", "case.no_procedure_foreigner", ""},
		{"en", "korean husband", "case.no_procedure_foreigner", ""},
		{"vi", "lấy chồng Hàn", "case.no_guide", ""},
		{"vi", "hộ chiếu cho tôi, chồng Hàn Quốc", "", "ho-chieu"},
		{"vi", "xác nhận tình trạng hôn nhân, chồng Hàn Quốc", "", "xac-nhan-hon-nhan"},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V27K " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if tt.want != "" {
			if title := guide(t, tt.want).Title.In(tt.lang); len(m.Buttons()) == 0 || m.Buttons()[0].Text != title {
				t.Errorf("%s %q: %q %v, want %q first", tt.lang, tt.query, m.Text, titles(m.Buttons()), title)
			}
			continue
		}
		if !strings.HasPrefix(m.Text, tr.T(tt.key)) {
			t.Errorf("%s %q: %q, want it to begin %q", tt.lang, tt.query, m.Text, tr.T(tt.key))
		}
		if bs := m.Buttons(); len(bs) != 1 || bs[0].Text != tr.T("case.all_guides") {
			t.Errorf("%s %q: buttons %v, want only %q", tt.lang, tt.query, titles(bs), tr.T("case.all_guides"))
		}
	}
}

// /lang draws either answer again in the new language, not "the last
// search found nothing".
func TestReview27KForeignerAnswersDrawnAgain(t *testing.T) {
	w := newWorld(t)
	en := w.texts.For("en")
	for _, tt := range []struct{ query, key string }{
		{"tạm trú cho chồng Hàn Quốc", "case.no_guide_foreigner"},
		{"chồng Hàn", "case.no_procedure_foreigner"},
	} {
		u := w.volunteer("V27K again " + tt.query)
		w.send(u, "/new")
		if m := last(t, w.send(u, tt.query)); !strings.HasPrefix(m.Text, w.vi(tt.key)) {
			t.Fatalf("%q: %q", tt.query, m.Text)
		}
		if m := last(t, w.send(u, "/lang en")); !strings.Contains(m.Text, en.T(tt.key)) || strings.Contains(m.Text, en.T("case.no_match_again")) {
			t.Errorf("%q, after /lang en: %q, want %q", tt.query, m.Text, en.T(tt.key))
		}
	}
}

// The examples the answers give ("hộ chiếu cho tôi", "marital status
// certificate") are what a volunteer copies: each finds its guide.
func TestReview27KForeignerExamplesFindTheirGuide(t *testing.T) {
	w := newWorld(t)
	quoted := regexp.MustCompile(`“([^”]+)”`)
	for _, lang := range []string{"vi", "en"} {
		tr := w.texts.For(lang)
		examples := quoted.FindAllStringSubmatch(tr.T("case.no_procedure_foreigner"), -1)
		last := quoted.FindAllStringSubmatch(tr.T("case.no_guide_foreigner"), -1)
		if len(examples) < 3 || len(last) == 0 {
			t.Fatalf("%s: the answers give too few examples", lang)
		}
		for _, m := range append(examples, last[len(last)-1]) {
			if found := catalog.Search(m[1]); len(found) == 0 || catalog.ForWhomOnly(m[1]) || catalog.ForeignSpouseOnly(m[1]) {
				t.Errorf("%s: example %q finds %d guides", lang, m[1], len(found))
			}
		}
	}
}

// At the consent of the citizen's temporary residence, the resident's
// words "tạm trú cho chồng Hàn Quốc" were "press a button" and the consent
// again; they are answered as at /new: no guide for a foreigner's, and the
// consent loses its buttons. So is a foreign spouse alone.
func TestReview27KForeignerTypedAtTheConsent(t *testing.T) {
	w := newWorld(t)
	tt := guide(t, "tam-tru")
	for _, typed := range []struct{ text, key string }{
		{"tạm trú cho chồng Hàn Quốc", "case.no_guide_foreigner"},
		{"chồng Hàn Quốc", "case.no_procedure_foreigner"},
	} {
		v := w.volunteer("V27K consent " + typed.text)
		w.send(v, "/new")
		w.send(v, "tam tru")
		consent := last(t, w.press(v, tt.Title.Vi))
		if !hasButton(consent, w.vi("consent.yes")) {
			t.Fatalf("no consent: %q", consent.Text)
		}
		m := last(t, w.send(v, typed.text))
		if !strings.HasPrefix(m.Text, w.vi(typed.key)) || hasButton(m, w.vi("consent.yes")) {
			t.Errorf("%q at the consent: %q %v; want it to begin %q", typed.text, m.Text, titles(m.Buttons()), w.vi(typed.key))
		}
		for _, got := range v.Messages() {
			if got.ID == consent.ID && len(got.Buttons()) != 0 {
				t.Errorf("%q: the consent left keeps its buttons: %v", typed.text, got.Buttons())
			}
		}
	}
}
