package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 22n: a product walk after review 22g found searches with "tên"
// or "name" finding nothing, an English search echoing a name ("No
// procedure matches “my mother Lan lost her bhyt card”"), a found screen
// quoting a dangling "cho" ("khai sinh cho"), and "mình tên Lan" searched
// as "mình".
func TestSearchesWithTenFindTheirGuide(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Tên")
	for _, tt := range []struct{ query, guide string }{
		{"sai tên trên giấy khai sinh", "cai-chinh-ho-tich"},
		{"sai ten tren giay khai sinh", "cai-chinh-ho-tich"},
		{"tên đăng nhập vneid", "dang-nhap-vneid"},
		{"quên tên đăng nhập vneid", "vneid-mat-khau"},
	} {
		w.send(u, "/new")
		m := last(t, fresh(w.send(u, tt.query)))
		if strings.Contains(m.Text, w.vi("case.query_name_dropped")) || m.Text == w.vi("case.query_name") {
			t.Errorf("%q was taken for a name: %q", tt.query, m.Text)
		}
		if !hasButton(m, guide(t, tt.guide).Title.Vi) {
			t.Errorf("%q: %q %+v, want %s", tt.query, m.Text, m.Buttons(), tt.guide)
		}
	}
	en := w.texts.For("en")
	e := w.volunteer("Name")
	w.send(e, "/lang en")
	w.send(e, "/new")
	if m := last(t, fresh(w.send(e, "name wrong on birth certificate"))); !hasButton(m, guide(t, "cai-chinh-ho-tich").Title.En) {
		t.Errorf("name wrong on birth certificate: %q %+v", m.Text, m.Buttons())
	}
	// A name after a kin word or a title is neither searched nor quoted.
	for _, q := range []string{"my mother Lan lost her bhyt card", "Mrs Hoa needs a passport", "uncle Ba wants temporary residence"} {
		w.send(e, "/new")
		ms := fresh(w.send(e, q))
		for _, m := range ms {
			for _, name := range []string{"Lan", "Hoa", "Ba"} {
				if strings.Contains(m.Text, " "+name+" ") {
					t.Errorf("%q is quoted back: %q", q, m.Text)
				}
			}
		}
		if m := last(t, ms); !strings.HasPrefix(m.Text, en.T("case.query_name_dropped")) && m.Text != en.T("case.query_name") {
			t.Errorf("%q: %q, want the name left out", q, m.Text)
		}
	}
}

func TestFoundAndNoMatchScreensQuoteNoDanglingWordOrName(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Quote")
	w.send(u, "/new")
	m := last(t, fresh(w.send(u, "khai sinh cho bé Mai")))
	if !strings.Contains(m.Text, "“khai sinh”") {
		t.Errorf("khai sinh cho bé Mai: %q, want “khai sinh” quoted", m.Text)
	}
	// A name with pronouns alone is a name alone.
	for _, q := range []string{"mình tên Lan", "người dân tên Lan", "tôi là bà Tư"} {
		w.send(u, "/new")
		if m := last(t, fresh(w.send(u, q))); m.Text != w.vi("case.query_name") {
			t.Errorf("%q: %q, want %q", q, m.Text, w.vi("case.query_name"))
		}
	}
	// What finds nothing is not quoted: a name no rule knows may be in it,
	// and the volunteer's message is right above.
	for _, tt := range []struct{ lang, query string }{
		{"vi", "bán mì cho jenny"},
		{"en", "my neighbour jenny sells bread"},
	} {
		v := w.volunteer("Q " + tt.lang)
		if tt.lang != "vi" {
			w.send(v, "/lang "+tt.lang)
		}
		w.send(v, "/new")
		m := last(t, fresh(w.send(v, tt.query)))
		if strings.Contains(strings.ToLower(m.Text), "jenny") {
			t.Errorf("%s %q is quoted back: %q", tt.lang, tt.query, m.Text)
		}
		if !strings.HasPrefix(m.Text, w.texts.For(tt.lang).T("case.no_match", locales.Data{})) {
			t.Errorf("%s %q: %q, want no match", tt.lang, tt.query, m.Text)
		}
	}
}
