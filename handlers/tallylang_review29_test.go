package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 29 (walk, item 2): a province coordinator looking at a commune's
// report changed the language (/lang en) and typed "last month": the
// report was the whole province's, said in a header a hurried reader takes
// for the commune's. /lang is no turn to something else: the report on
// screen stays the one a period typed next is for; /help still forgets it.
func TestReview29LangKeepsTheReportOnScreen(t *testing.T) {
	w, _, _ := tallyWorld(t)                                         // 27/11/2026
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator) // of Thành phố Hồ Chí Minh
	fresh(w.send(prov, "/tally tháng này"))
	fresh(w.send(prov, "Bến Thành")) // its period screen (review 33C)
	if ms := fresh(w.send(prov, "tháng này")); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường Bến Thành") {
		t.Fatalf("\"Bến Thành\", \"tháng này\" after the province's report: %q", firstText(ms))
	}
	fresh(w.send(prov, "/lang en"))
	if ms := fresh(w.send(prov, "last month")); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường Bến Thành") {
		t.Fatalf("\"last month\" after /lang en on Bến Thành's report: %q, want Bến Thành's", firstReport(ms))
	}
	fresh(w.send(prov, "/lang vi"))
	if ms := fresh(w.send(prov, "tháng 9")); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường Bến Thành") {
		t.Fatalf("\"tháng 9\" after /lang vi: %q, want Bến Thành's", firstReport(ms))
	}
	// Another command turns to something else, as before.
	fresh(w.send(prov, "/help"))
	if ms := fresh(w.send(prov, "tháng 9")); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh") {
		t.Fatalf("\"tháng 9\" after /help: %q, want the province's", firstReport(ms))
	}
}
