package handlers_test

import (
	"strings"
	"testing"
)

// Review 32D: a volunteer types everyday words without marks. "thang"
// (tháng) and "hieu" (hiệu) alone were told "this is the name of a place"
// (Thắng, Hiếu); "thanh toán không thành công" lost the payment guide
// (Phường Thành Công cut); "khai sinh Láng" listed the extract beside the
// birth registration; "KS" found nothing.
func TestReview32DEverydayWordsAndOneWordPlaces(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ query, key string }{
		{"thang", "case.no_procedure_words"},
		{"tháng", "case.no_procedure_words"},
		{"hieu", "case.no_procedure_words"},
		{"Láng", "case.no_procedure_place"},
		{"Thành Công", "case.no_procedure_place"},
	} {
		u := w.volunteer("V32D " + tt.query)
		w.send(u, "/new")
		if m := last(t, w.send(u, tt.query)); !strings.HasPrefix(m.Text, w.vi(tt.key)) {
			t.Errorf("%q: %q, want %q", tt.query, m.Text, w.vi(tt.key))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"thanh toán không thành công", "thanh-toan"},
		{"thanh toan khong thanh cong", "thanh-toan"},
		{"khai sinh Láng", "khai-sinh"},
		{"KS", "khai-sinh"},
		{"dang ky KT cho bo", "khai-tu"},
		{"bằng lái hết hiệu lực", "doi-gplx"},
		{"tạm trú ở thôn", "tam-tru"},
	} {
		u := w.volunteer("V32D " + tt.query)
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		got := titles(m.Buttons())
		if len(got) == 0 || got[0] != guide(t, tt.first).Title.Vi {
			t.Errorf("%q: %q %q, want %s first", tt.query, m.Text, got, tt.first)
		}
		if tt.query == "khai sinh Láng" && len(got) != 2 {
			t.Errorf("%q: buttons %q, want the birth registration alone and all procedures", tt.query, got)
		}
	}
}
