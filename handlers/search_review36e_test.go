package handlers_test

import (
	"strings"
	"testing"
)

// Review 36e: at /new, what residents ask at a one-stop counter, typed as
// a volunteer types it. Selling a vehicle, a vehicle lost, a house sold
// and the driving test are told plainly that no guide covers them – not
// the driving licence's exchange, the household health insurance or the
// papers' integration into VNeID, which answered them – and the marital
// status certificate asked "để kết hôn" is offered, not the residence
// confirmation alone.
func TestReview36eSearchAtNewSaysNoGuideOrTheRightOne(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query, want string // want: the guide first offered, or "" for none
	}{
		{"vi", "bán xe máy cần làm gì", ""},
		{"vi", "ban xe may", ""},
		{"en", "bán xe máy", ""},
		{"vi", "xe máy bị mất", ""},
		{"vi", "mua nhà", ""},
		{"vi", "đăng ký thi bằng lái", ""},
		{"vi", "thi bang lai xe may", ""},
		{"vi", "xin giấy xác nhận tình trạng hôn nhân để kết hôn", "xac-nhan-hon-nhan"},
		{"vi", "bằng lái xe bị mất", "doi-gplx"},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V36e " + tt.lang + " " + tt.query)
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
		if !strings.HasPrefix(m.Text, tr.T("case.no_guide")) {
			t.Errorf("%s %q: %q, want it to begin %q", tt.lang, tt.query, m.Text, tr.T("case.no_guide"))
		}
		for _, id := range []string{"doi-gplx", "dang-ky-xe", "tich-hop-giay-to", "bhyt-ho-gia-dinh", "trich-luc-ho-tich", "xac-nhan-cu-tru"} {
			if title := guide(t, id).Title.In(tt.lang); hasButton(m, title) {
				t.Errorf("%s %q: %q offered", tt.lang, tt.query, title)
			}
		}
		if !hasButton(m, tr.T("case.all_guides")) {
			t.Errorf("%s %q: %v, want %q", tt.lang, tt.query, m.Buttons(), tr.T("case.all_guides"))
		}
	}
}
