package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 31, leftovers 1 and 2: "là gì" typed for a case listed twelve
// guides, "cách làm" two, "thủ tục" and "hướng dẫn" said "no procedure
// matches, try fewer words" — and "Láng" (the ward) listed nineteen. A
// search of fillers only, like a place alone, names no procedure: it asks
// which, offering those used most to tap.
func TestReview31DFillersOrOneWordPlaceAskWhichProcedure(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ query, key string }{
		{"là gì", "case.no_procedure_words"},
		{"thủ tục", "case.no_procedure_words"},
		{"làm sao", "case.no_procedure_words"},
		{"hướng dẫn", "case.no_procedure_words"},
		{"cách làm", "case.no_procedure_words"},
		{"thủ tục là gì", "case.no_procedure_words"},
		{"cần gì", "case.no_procedure_named"},
		{"Láng", "case.no_procedure_place"},
		{"lang", "case.no_procedure_place"},
		{"Vinh", "case.no_procedure_place"},
	} {
		u := w.volunteer("V31D " + tt.query)
		w.send(u, "/new")
		m := last(t, w.send(u, tt.query))
		if !strings.HasPrefix(m.Text, w.vi(tt.key)) {
			t.Errorf("%q: %q, want %q", tt.query, m.Text, w.vi(tt.key))
		}
		got := titles(m.Buttons())
		if len(got) < 2 || got[len(got)-1] != w.vi("case.all_guides") || slices.Contains(got, guide(t, "dang-ky-ho-kinh-doanh").Title.Vi) {
			t.Errorf("%q: buttons %q, want the procedures used most and all procedures", tt.query, got)
		}
		if m := last(t, w.send(u, "/lang en")); !strings.Contains(m.Text, w.texts.For("en").T(tt.key)) {
			t.Errorf("%q, after /lang en: %q", tt.query, m.Text)
		}
	}
	// With a procedure's name the fillers are dropped, as before.
	u := w.volunteer("V31D procedure")
	w.send(u, "/new")
	if m := last(t, w.send(u, "thủ tục khai sinh là gì")); len(m.Buttons()) == 0 || titles(m.Buttons())[0] != guide(t, "khai-sinh").Title.Vi {
		t.Errorf("thủ tục khai sinh là gì: %q %q, want the birth registration first", m.Text, titles(m.Buttons()))
	}
}

// Right after a report, fillers only are no period mistyped either: the
// search asks which procedure, as it did for a question of none.
func TestReview31DFillersAfterReportAskWhichProcedure(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	for _, typed := range []string{"thủ tục", "là gì"} {
		if ms := fresh(w.send(prov, "/tally tháng này")); !hasReport(ms) {
			t.Fatalf("/tally tháng này: %q", firstText(ms))
		}
		if m := last(t, fresh(w.send(prov, typed))); !strings.HasPrefix(m.Text, w.vi("case.no_procedure_words")) {
			t.Errorf("%q right after a report: %q, want %q", typed, m.Text, w.vi("case.no_procedure_words"))
		}
	}
}
