package handlers_test

import (
	"strings"
	"testing"
)

// Review 26C: a marriage with a foreigner named by nationality ("kết hôn
// với người Hàn Quốc", "marry a Korean") offered the marriage guide of two
// Vietnamese citizens, which says not to choose that procedure; at /new it
// is told plainly that no guide covers it yet, as "kết hôn với người nước
// ngoài" is. A commune whose name begins like a country's ("phường Mỹ
// Đình") still finds the marriage guide.
func TestReview26CMarriageWithANationalityAtNew(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang, query, want string // want: the guide first offered, or "" for none
	}{
		{"vi", "kết hôn với người Hàn Quốc", ""},
		{"vi", "đăng ký kết hôn với chồng Trung Quốc", ""},
		{"vi", "lấy vợ người Nhật", ""},
		{"en", "marry a Korean", ""},
		{"en", "marriage to a Japanese citizen", ""},
		{"vi", "đăng ký kết hôn ở phường Mỹ Đình", "ket-hon"},
		{"vi", "kết hôn lần hai", "ket-hon"},
	} {
		tr := w.texts.For(tt.lang)
		u := w.volunteer("V26C " + tt.lang + " " + tt.query)
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
		if title := guide(t, "ket-hon").Title.In(tt.lang); hasButton(m, title) {
			t.Errorf("%s %q: %q offered", tt.lang, tt.query, title)
		}
	}
}
