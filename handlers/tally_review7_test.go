package handlers_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province typed on the unit screen is found as a province: by its name
// ("dong nai") or by the name of a province merged into it in 2025 ("binh
// duong", now Thành phố Hồ Chí Minh), which the answer says. Both found
// only communes whose names or old names held those words; the province
// was not among them. A commune of that name is still offered.
func TestTallyTypedProvinceName(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026: five cases closed in November in Thành phố Hồ Chí Minh
	hcmc := "Thành phố Hồ Chí Minh"
	wholeHCMC := w.vi("tally.whole_province", locales.Data{"Province": hcmc})
	merged := w.vi("tally.province_merged", locales.Data{"Old": "Bình Dương", "Province": hcmc})

	only(t, fresh(w.send(w.admin, "/tally")))
	only(t, w.press(w.admin, w.vi("tally.change_unit")))
	m := only(t, fresh(w.send(w.admin, "binh duong")))
	if !strings.Contains(m.Text, "Bình Dương nay thuộc Thành phố Hồ Chí Minh") || !strings.Contains(m.Text, merged) {
		t.Errorf("an old province's name does not say which province it is part of now:\n%s", m.Text)
	}
	if b := m.Buttons(); len(b) == 0 || b[0].Text != wholeHCMC {
		t.Errorf("an old province's name does not offer the province it is part of, first: %q", b)
	}
	if !hasButton(m, "Phường Bình Dương, Thành phố Hồ Chí Minh") {
		t.Errorf("the commune named Bình Dương is no longer offered: %q", m.Buttons())
	}
	m = only(t, w.press(w.admin, wholeHCMC))
	if !strings.Contains(m.Text, w.vi("tally.choose_period", locales.Data{"Unit": hcmc})) {
		t.Fatalf("the province picked: %q", m.Text)
	}
	ms := w.press(w.admin, w.vi("tally.period_month"))
	if len(ms) != 3 || !strings.Contains(ms[0].Text, hcmc) || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 5, "Helped": 4})) {
		t.Fatalf("the province's tally: %d messages, %q", len(ms), ms[0].Text)
	}

	// A province's current name: the province (its period screen, since
	// review 32B; a list of one before), nothing said of a merger.
	only(t, fresh(w.send(w.admin, "/tally")))
	only(t, w.press(w.admin, w.vi("tally.change_unit")))
	m = only(t, fresh(w.send(w.admin, "Đồng Nai")))
	if !strings.HasPrefix(m.Text, w.vi("tally.choose_period", locales.Data{"Unit": "Đồng Nai"})) {
		t.Errorf("a province's name does not take the province: %q %q", m.Text, buttonTexts(m))
	}
	if strings.Contains(m.Text, "nay thuộc") {
		t.Errorf("a current name is said to be merged:\n%s", m.Text)
	}

	// A province coordinator: their own province by an old name of its part,
	// typed on the period screen too; another province's is not theirs, and
	// the answer says where it is now.
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	m = only(t, fresh(w.send(prov, "Bà Rịa - Vũng Tàu")))
	if b := m.Buttons(); len(b) == 0 || b[0].Text != wholeHCMC || !strings.Contains(m.Text, w.vi("tally.province_merged", locales.Data{"Old": "Bà Rịa - Vũng Tàu", "Province": hcmc})) {
		t.Errorf("the province coordinator's own province by its old part's name: %q %q", m.Text, b)
	}
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	m = only(t, fresh(w.send(prov, "binh phuoc")))
	if !strings.Contains(m.Text, w.vi("tally.province_merged", locales.Data{"Old": "Bình Phước", "Province": "Đồng Nai"})) {
		t.Errorf("another province by an old name, to a province coordinator:\n%s", m.Text)
	}
	if hasButton(m, w.vi("tally.whole_province", locales.Data{"Province": "Đồng Nai"})) {
		t.Errorf("another province offered to a province coordinator: %q", m.Buttons())
	}
	for _, b := range m.Buttons() {
		if strings.Contains(b.Text, ", ") && !strings.HasSuffix(b.Text, ", "+hcmc) {
			t.Errorf("a commune of another province offered to a province coordinator: %q", b.Text)
		}
	}
	only(t, fresh(w.send(prov, "/tally")))
	m = only(t, fresh(w.send(prov, "quang nam"))) // no commune of theirs has that name
	if !strings.Contains(m.Text, w.vi("tally.province_not_allowed", locales.Data{"Province": "Thành phố Đà Nẵng", "Own": hcmc})) || !strings.Contains(m.Text, w.vi("tally.province_merged", locales.Data{"Old": "Quảng Nam", "Province": "Thành phố Đà Nẵng"})) {
		t.Errorf("another province by an old name, to a province coordinator:\n%s", m.Text)
	}

	// In English.
	fresh(w.send(w.admin, "/lang en"))
	only(t, fresh(w.send(w.admin, "/tally")))
	only(t, w.press(w.admin, w.en("tally.change_unit")))
	m = only(t, fresh(w.send(w.admin, "binh duong")))
	if !strings.Contains(m.Text, w.en("tally.province_merged", locales.Data{"Old": "Bình Dương", "Province": hcmc})) ||
		!hasButton(m, w.en("tally.whole_province", locales.Data{"Province": hcmc})) {
		t.Errorf("in English: %q %q", m.Text, m.Buttons())
	}
}

// The case list's minutes are whole minutes, as the median in the text is
// counted from: a case of 23 min 40 s was 23.7 in the sheet beside a median
// of 23 in the text. Shown and stored, each case and the total. (Both cases
// are under the 30 minutes a stretch without a tap may count.)
func TestTallyCaseListWholeMinutes(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return time.Date(2026, 11, 30, 18, 0, 0, 0, ict) }))
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(30, 9, 0), time.Date(2026, 11, 30, 9, 23, 40, 0, ict))
	w.closedCase(vol.ID, anHoiTayCode, "tam-tru", "dossier", "mot-phan", "submitted", "", nov(30, 10, 0), time.Date(2026, 11, 30, 10, 12, 50, 0, ict))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	text, f := typedTally(t, w, coord, "Hôm nay", true)
	if want := w.vi("tally.median", locales.Data{"Time": w.vi("time.minutes", locales.Data{"Minutes": "17,5"})}); !strings.Contains(text, want) { // (12 + 23) / 2
		t.Errorf("the text does not say %q:\n%s", want, text)
	}
	sheet := w.vi("tally.sheet_cases")
	shown, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	raw, total := sheetTotals(t, f, sheet)
	col := slices.Index(shown[0], w.vi("tally.col_minutes"))
	if col < 0 || len(raw) != 2 || len(shown) != 4 {
		t.Fatalf("the case list: %q", shown)
	}
	for i, want := range []string{"23", "12"} {
		if shown[i+1][col] != want || raw[i][col] != want {
			t.Errorf("case %d's minutes: shown %q, stored %q, want %q", i+1, shown[i+1][col], raw[i][col], want)
		}
	}
	if shown[3][col] != "35" || num(t, total[col]) != 35 {
		t.Errorf("the minutes' total: shown %q, stored %q, want 35", shown[3][col], total[col])
	}
}
