package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Four searches a volunteer types found nothing useful (review 25C). At
// /new, in either language: changing a VNeID account's phone number offers
// the password guide, which says it is done at the commune police; a
// vehicle's transfer and a marriage with a foreigner are told plainly that
// no guide covers them yet – not "type fewer words", which finds the new
// motorbike's registration or the marriage of two Vietnamese citizens –
// and no guide is offered.
func TestReview25CSearchAtNewAnswersOrSaysNoGuide(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query, want string // want: the guide first offered, or "" for none
	}{
		{"vi", "đổi số điện thoại vneid", "vneid-mat-khau"},
		{"en", "đổi số điện thoại vneid", "vneid-mat-khau"},
		{"vi", "sang tên xe", ""},
		{"en", "sang tên xe", ""},
		{"vi", "kết hôn với người nước ngoài", ""},
		{"vi", "đăng ký kết hôn có yếu tố nước ngoài", ""},
		{"en", "đăng ký kết hôn có yếu tố nước ngoài", ""},
		{"en", "marriage with a foreigner", ""},
		{"vi", "đổi sđt vneid", "vneid-mat-khau"},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V25C " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if tt.want != "" {
			title := guide(t, tt.want).Title.In(tt.lang)
			if len(m.Buttons()) == 0 || m.Buttons()[0].Text != title {
				t.Errorf("%s %q: %q %v, want %q first", tt.lang, tt.query, m.Text, m.Buttons(), title)
			}
			continue
		}
		if !strings.HasPrefix(m.Text, tr.T("case.no_guide")) || strings.Contains(m.Text, tr.T("case.no_match")) {
			t.Errorf("%s %q: %q, want it to begin %q and not say to type fewer words", tt.lang, tt.query, m.Text, tr.T("case.no_guide"))
		}
		for _, id := range []string{"dang-ky-xe", "doi-gplx", "ket-hon", "xac-nhan-hon-nhan", "trich-luc-ho-tich"} {
			if title := guide(t, id).Title.In(tt.lang); hasButton(m, title) {
				t.Errorf("%s %q: %q offered", tt.lang, tt.query, title)
			}
		}
		if !hasButton(m, tr.T("case.all_guides")) {
			t.Errorf("%s %q: %v, want %q", tt.lang, tt.query, m.Buttons(), tr.T("case.all_guides"))
		}
	}
	// A procedure no rule knows to be missing keeps the plain answer.
	u := w.volunteer("V25C plain")
	w.send(u, "/new")
	if m := last(t, w.send(u, "đăng ký bán thuốc")); !strings.Contains(m.Text, w.texts.For("vi").T("case.no_match", locales.Data{})) {
		t.Errorf("đăng ký bán thuốc: %q, want no match", m.Text)
	}
}
