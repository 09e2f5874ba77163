package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

// Review 30: a place typed alone — "Bình Thạnh", the commune beside the
// counter — found "Đăng ký hộ kinh doanh", which the volunteer could tap
// and start a case of; typed with a procedure it could find another
// ("tạm trú ở Hoàn Kiếm": the unemployment benefit). A place alone now
// asks which procedure, offering the ones used most to tap, as a question
// of no procedure does; with a procedure, it finds that procedure.
func TestReview30PlaceAloneAsksWhichProcedure(t *testing.T) {
	w := newWorld(t)
	for _, query := range []string{"Bình Thạnh", "binh thanh", "phường 12 Gò Vấp", "ở đâu Bình Thạnh"} {
		u := w.volunteer("V30 " + query)
		w.send(u, "/new")
		m := last(t, w.send(u, query))
		if !strings.HasPrefix(m.Text, w.vi("case.no_procedure_place")) {
			t.Errorf("%q: %q, want %q", query, m.Text, w.vi("case.no_procedure_place"))
		}
		got := titles(m.Buttons())
		if slices.Contains(got, guide(t, "dang-ky-ho-kinh-doanh").Title.Vi) || len(got) < 2 || got[len(got)-1] != w.vi("case.all_guides") {
			t.Errorf("%q: buttons %q, want the procedures used most and all procedures", query, got)
		}
		if m := last(t, w.send(u, "/lang en")); !strings.Contains(m.Text, w.texts.For("en").T("case.no_procedure_place")) {
			t.Errorf("%q, after /lang en: %q", query, m.Text)
		}
	}
	// A fee asked with the place is a fee asked of no procedure.
	u := w.volunteer("V30 fee")
	w.send(u, "/new")
	if m := last(t, w.send(u, "Bình Thạnh bao nhiêu tiền")); !strings.HasPrefix(m.Text, w.vi("case.no_procedure_named")) {
		t.Errorf("a fee asked with a place: %q, want %q", m.Text, w.vi("case.no_procedure_named"))
	}
	u = w.volunteer("V30 with a procedure")
	w.send(u, "/new")
	for _, tt := range []struct{ query, id string }{
		{"khai sinh phường Bình Thạnh", "khai-sinh"},
		{"tạm trú ở Hoàn Kiếm", "tam-tru"},
		{"Ba Đình khai sinh", "khai-sinh"},
	} {
		m := last(t, w.send(u, tt.query))
		if got := titles(m.Buttons()); len(got) == 0 || got[0] != guide(t, tt.id).Title.Vi {
			t.Errorf("%q: %q %q, want %s first", tt.query, m.Text, got, tt.id)
		}
	}
}
