package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A procedure typed with the place it is for found nothing: "Không tìm
// thấy thủ tục nào khớp “đăng ký tạm trú tại phường Bến Thành”". At /new
// and outside any flow, in either language, the place no longer sinks it.
func TestProcedureTypedWithAPlaceIsFound(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query, guide string
		new                bool
	}{
		{"vi", "đăng ký tạm trú tại phường Bến Thành", "tam-tru", true},
		{"vi", "khai sinh ở xã Tân Phú", "khai-sinh", false},
		{"vi", "tam tru o phuong 5", "tam-tru", false},
		{"en", "temporary residence in ward 5", "tam-tru", true},
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
		g := guide(t, tt.guide)
		if strings.Contains(m.Text, tr.T("case.no_match", locales.Data{"Query": tt.query})) || !hasButton(m, g.Title.In(tt.lang)) {
			t.Errorf("%s %q: %q %+v", tt.lang, tt.query, m.Text, m.Buttons())
			continue
		}
		if m = last(t, w.press(u, g.Title.In(tt.lang))); !hasButton(m, tr.T("consent.yes")) {
			t.Errorf("%s %q: the guide pressed is not its consent: %q", tt.lang, tt.query, m.Text)
		}
	}
}
