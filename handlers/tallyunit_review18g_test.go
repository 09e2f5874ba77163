package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator reads the province's report and types a
// commune's name, "Bến Thành", to see that commune's: it went to the
// procedure search ("no procedure matches"). Right after a report, a
// commune of theirs typed whole, and found as no procedure, now opens
// /tally's list of the communes it names, the period asked next. A
// procedure's words ("khai sinh") are still searched, and so is a
// commune's name typed with no report on screen, or by a volunteer.
func TestTallyCommuneTypedAfterAReportOffersItsReport(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)

	// No report on screen: a search, as before.
	before := w.send(prov, "Bến Thành")
	for _, m := range before {
		if hasButton(m, benThanhFull) {
			t.Fatalf("\"Bến Thành\" with no report on screen: %q, want it searched", m.Text)
		}
	}

	typedTally(t, w, prov, "Tháng này", true)
	m := only(t, w.send(prov, "Bến Thành"))
	if !w.periodScreenOf(m, benThanhFull) {
		t.Fatalf("\"Bến Thành\" after the province's report: %q %q, want Bến Thành's period screen", m.Text, m.Buttons())
	}
	ms := w.press(prov, "Tháng này")
	if len(ms) == 0 || !strings.HasPrefix(firstLine(ms[0].Text), "📊 "+benThanhFull+" – ") {
		t.Errorf("Bến Thành's report: %+v", ms)
	}

	// A procedure's words after a report: searched.
	for _, m := range w.send(prov, "khai sinh") {
		if strings.HasPrefix(m.Text, "📊") || hasButton(m, benThanhFull) {
			t.Errorf("\"khai sinh\" after a report: %q", m.Text)
		}
	}

	// A volunteer's words: searched.
	vol := w.tallyMember("Vân", anHoiTayCode, storage.RoleVolunteer)
	for _, m := range w.send(vol, "Bến Thành") {
		if hasButton(m, benThanhFull) {
			t.Errorf("a volunteer's \"Bến Thành\": %q", m.Text)
		}
	}
}
