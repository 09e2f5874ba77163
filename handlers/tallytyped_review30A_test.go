package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Found walking the demo: right after a report a province's coordinator
// typed "binh thanh tháng này" (several communes: a list, the month kept),
// then, on that list, "ben thanh tuần này" — and was told no procedure
// matches: /tally opened by words typed outside a flow hands words that
// are "no period and no unit" to the procedure search, and a commune's
// name with a period was taken for such words. It is that commune's report,
// as typed on /tally's own screen.
func TestReview30ACommuneAndPeriodOnAListOpenedByTypedWords(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	if ms := fresh(w.send(prov, "/tally tháng này")); !hasReport(ms) {
		t.Fatalf("/tally tháng này: %q", texts(ms))
	}
	if ms := fresh(w.send(prov, "binh thanh tháng này")); hasReport(ms) || !strings.Contains(firstText(ms), "Bình Thạnh") {
		t.Fatalf("binh thanh tháng này after a report: %q, want the list", texts(ms))
	}
	ms := fresh(w.send(prov, "ben thanh tuần này"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường Bến Thành, Thành phố Hồ Chí Minh – tuần 23/11 – 29/11/2026") {
		t.Errorf("ben thanh tuần này on that list: %q, want Bến Thành's week", texts(ms))
	}

	// A commune's coordinator, on the list "go vap tháng này" opened.
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	fresh(w.send(coord, "/tally tháng này"))
	if ms := fresh(w.send(coord, "go vap tháng này")); hasReport(ms) {
		t.Fatalf("go vap tháng này after a report: %q, want the list", texts(ms))
	}
	ms = fresh(w.send(coord, "an hoi tay tuần này"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây, Thành phố Hồ Chí Minh – tuần 23/11 – 29/11/2026") {
		t.Errorf("an hoi tay tuần này on that list: %q, want An Hội Tây's week", texts(ms))
	}
	// Words that are neither are still searched as a procedure.
	fresh(w.send(coord, "/tally tháng này"))
	fresh(w.send(coord, "go vap tháng này"))
	if m := last(t, fresh(w.send(coord, "khai sinh"))); !hasButton(m, guide(t, "khai-sinh").Title.Vi) {
		t.Errorf("khai sinh on that list: %q %v, want the procedure search", m.Text, buttonTexts(m))
	}
}
