package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Right after a report, a date not on the calendar ("32/12", "0/2026",
// "31/02/2026") was searched as a procedure and answered "no procedure
// matches": the coordinator's slip of the finger lost the report's unit.
// It is answered as /tally's screen answers it, on that screen for the
// report's unit, so the period typed next makes its report. What may be a
// decree's number ("13/2026", review 18c) is still searched, a birth date
// still refused as one, and the same slip with no report on screen is
// still searched.
func TestImpossibleNumericPeriodAfterReport(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const unit = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	search := w.vi("case.no_match")

	m := last(t, w.send(coord, "32/12"))
	if !strings.HasPrefix(m.Text, search) {
		t.Fatalf("32/12 with no report on screen: %q", m.Text)
	}
	for typed, want := range map[string]string{"32/12": "tally.no_such_date", "0/2026": "tally.no_such_month", "31/02/2026": "tally.no_such_date"} {
		typedTally(t, w, coord, "Từ đầu", true)
		m := last(t, w.send(coord, typed))
		if !strings.HasPrefix(m.Text, w.vi(want)) || !strings.Contains(m.Text, "📊") || !strings.Contains(m.Text, unit) {
			t.Fatalf("%q after a report: %q", typed, m.Text)
		}
		ms := fresh(w.send(coord, "tháng 11"))
		if len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 "+unit+" – ") {
			t.Fatalf("a period typed after %q's answer: %d messages", typed, len(ms))
		}
	}
	typedTally(t, w, coord, "Từ đầu", true)
	if m := last(t, w.send(coord, "13/2026")); !strings.HasPrefix(m.Text, search) {
		t.Fatalf("a decree's number after a report: %q", m.Text)
	}
	typedTally(t, w, coord, "Từ đầu", true)
	if m := last(t, w.send(coord, "15/10/1985")); strings.Contains(m.Text, "📊") || strings.HasPrefix(m.Text, search) {
		t.Fatalf("a birth date after a report: %q", m.Text)
	}
}

// "Q5" after a report, or on /tally's screen, from a commune's coordinator
// (no Quận 5 of theirs) was answered "the communes matching Q5 are not
// yours to see": a quarter not on the calendar is said to be one. A
// province's coordinator with communes of old Quận 5 still gets them.
func TestQuarterFiveIsNoDistrictOutsideTheScope(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	typedTally(t, w, coord, "Từ đầu", true)
	m := last(t, w.send(coord, "Q5"))
	if !strings.HasPrefix(m.Text, w.vi("tally.no_such_quarter")) || !hasButton(m, "Tháng này") {
		t.Fatalf("Q5 after a report: %q", m.Text)
	}
	if ms := fresh(w.send(coord, "quý 3")); len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 Phường An Hội Tây") {
		t.Fatalf("quý 3 after Q5's answer: %d messages", len(ms))
	}
	only(t, fresh(w.send(coord, "/tally")))
	if m := only(t, fresh(w.send(coord, "q5"))); !strings.HasPrefix(m.Text, w.vi("tally.no_such_quarter")) {
		t.Fatalf("q5 on /tally's screen: %q", m.Text)
	}

	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "Q5"))); strings.HasPrefix(m.Text, w.vi("tally.no_such_date")) || !strings.Contains(m.Text, "Quận 5") {
		t.Fatalf("Q5 from the coordinator of a province with a Quận 5: %q", m.Text)
	}
}
