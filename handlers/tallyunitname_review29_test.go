package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 29: right after a report, a province coordinator typed a commune
// of theirs by its name — "binh thanh" for Phường Bình Thạnh — and got "1
// procedure matches: Đăng ký hộ kinh doanh": a name the procedure search
// also finds something for (a word a typo away, "binh" of "kinh", another
// as it is, "thanh" of "thành lập") went to the search, and so did about a
// third of the country's communes' names. A commune of theirs named whole
// is that unit; a procedure's name is still searched.
func TestReview29CommuneNamedWholeAfterReportIsTheUnit(t *testing.T) {
	w, _, _ := tallyWorld(t)                                         // 27/11/2026
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator) // of Thành phố Hồ Chí Minh
	// Since review 30 the procedure search itself finds nothing for a
	// place's name alone (guides.OnlyPlace): the report's answer must be the
	// unit still.
	for _, typed := range []string{"binh thanh", "Bình Thạnh"} {
		if ms := fresh(w.send(prov, "/tally tháng này")); !hasReport(ms) {
			t.Fatalf("/tally tháng này: %q", firstText(ms))
		}
		ms := fresh(w.send(prov, typed))
		all := strings.Join(texts(ms), "\n")
		if !strings.Contains(all, "Bình Thạnh") || strings.Contains(all, "Đăng ký hộ kinh doanh") {
			t.Fatalf("%q right after the province's report: %q, want Phường Bình Thạnh", typed, all)
		}
	}
	// A procedure's name is searched, as before.
	fresh(w.send(prov, "/tally tháng này"))
	if m := last(t, fresh(w.send(prov, "khai sinh"))); !hasButton(m, guide(t, "khai-sinh").Title.Vi) {
		t.Fatalf("\"khai sinh\" right after a report: %q %v, want the procedure search", m.Text, buttonTexts(m))
	}
}
