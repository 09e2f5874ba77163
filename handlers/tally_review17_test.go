package handlers_test

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator of Thành phố Hồ Chí Minh typing another province's
// name ("binh dinh", now part of Gia Lai) is told that province is not
// theirs. It listed communes of their own city whose old names held the
// two words apart ("Xã Định An, Huyện Dầu Tiếng, Tỉnh Bình Dương") under
// "Communes you may see matching “binh dinh”", as if they were what was
// asked for. On the period screen, on the unit screen and after /tally.
func TestTallyOtherProvinceNotLooseCommunes(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	hcmc := "Thành phố Hồ Chí Minh"
	cases := []struct {
		typed, old, province string
	}{
		{"binh dinh", "Bình Định", "Gia Lai"},
		{"Bình Định", "Bình Định", "Gia Lai"},
		{"dong nai", "", "Đồng Nai"},
		{"tinh binh phuoc", "Bình Phước", "Đồng Nai"},
	}
	for _, c := range cases {
		want := w.vi("tally.province_not_allowed", locales.Data{"Province": c.province, "Own": hcmc})
		check := func(how string, m string, buttons []string) {
			t.Helper()
			if !strings.Contains(m, want) {
				t.Errorf("%q %s: %q, want it to say %q", c.typed, how, m, want)
			}
			if c.old != "" && !strings.Contains(m, w.vi("tally.province_merged", locales.Data{"Old": c.old, "Province": c.province})) {
				t.Errorf("%q %s: %q does not say where %s is now", c.typed, how, m, c.old)
			}
			if strings.Contains(m, w.vi("tally.unit_results", locales.Data{"Query": c.typed})) {
				t.Errorf("%q %s: loose matches offered as what was asked for:\n%s", c.typed, how, m)
			}
			for _, b := range buttons {
				if strings.HasSuffix(b, ", "+hcmc) {
					t.Errorf("%q %s: a commune found loosely offered: %q", c.typed, how, b)
				}
			}
		}
		only(t, fresh(w.send(prov, "/tally")))
		m := only(t, fresh(w.send(prov, c.typed)))
		check("on the period screen", m.Text, buttonTexts(m))

		only(t, fresh(w.send(prov, "/tally")))
		only(t, w.press(prov, w.vi("tally.change_unit")))
		m = only(t, fresh(w.send(prov, c.typed)))
		check("on the unit screen", m.Text, buttonTexts(m))

		m = only(t, fresh(w.send(prov, "/tally "+c.typed)))
		check("after /tally", m.Text, buttonTexts(m))
	}

	// A commune's coordinator typing their own province's name is not told
	// it is another province: they may see their commune, not all of it.
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, typed := range []string{"tp hcm", "Thành phố Hồ Chí Minh", "binh duong"} {
		only(t, fresh(w.send(coord, "/tally")))
		m := only(t, fresh(w.send(coord, typed)))
		if strings.Contains(m.Text, "tỉnh/thành phố khác") {
			t.Errorf("%q: a commune's coordinator is told their own province is another:\n%s", typed, m.Text)
		}
		want := w.vi("tally.whole_province_not_allowed", locales.Data{"Province": hcmc, "Own": "Phường An Hội Tây, Thành phố Hồ Chí Minh"})
		if !strings.Contains(m.Text, want) {
			t.Errorf("%q: %q, want it to say %q", typed, m.Text, want)
		}
	}
	only(t, fresh(w.send(coord, "/tally")))
	if m := only(t, fresh(w.send(coord, "binh dinh"))); !strings.Contains(m.Text, w.vi("tally.province_not_allowed", locales.Data{"Province": "Gia Lai", "Own": "Phường An Hội Tây, Thành phố Hồ Chí Minh"})) {
		t.Errorf("another province, to a commune's coordinator: %q", m.Text)
	}

	// Their own province by an old name of a part of it is still theirs.
	only(t, fresh(w.send(prov, "/tally")))
	m := only(t, fresh(w.send(prov, "binh duong")))
	if !hasButton(m, w.vi("tally.whole_province", locales.Data{"Province": hcmc})) {
		t.Errorf("their own province by an old name: %q %q", m.Text, buttonTexts(m))
	}
}

func buttonTexts(m *telegramtest.Message) []string {
	var out []string
	for _, b := range m.Buttons() {
		out = append(out, b.Text)
	}
	return out
}

// "Quí 4" (quý in the old spelling many still write) is the quarter, on
// /tally's screen and typed outside any flow; it was searched as a
// commune and answered as not understood.
func TestTallyQuiIsAQuarter(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	only(t, fresh(w.send(coord, "/tally")))
	for _, typed := range []string{"quí 4", "/tally quí IV", "Kì báo cáo: quí 4/2026"} {
		ms := fresh(w.send(coord, typed))
		if len(ms) != 3 || !strings.Contains(ms[0].Text, "quý 4/2026") || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 5, "Helped": 4})) { // An's October case too
			t.Errorf("%q: %d messages, %q", typed, len(ms), ms[0].Text)
		}
	}
}

// A province coordinator who picked a commune and was then made the
// coordinator of another (the role changed while the screen was open)
// pressed "Tháng này" under "Thống kê – Phường Bến Thành" and got their
// new commune's figures, with nothing said but the first line's name: a
// report of another unit than asked, easily forwarded upward as Bến
// Thành's. They are told the unit is no longer theirs and asked again for
// their own; a press then makes its report. The same for a typed period.
func TestTallyUnitTakenAwayWhileOpen(t *testing.T) {
	w, _, _ := tallyWorld(t)
	benThanh := "Phường Bến Thành, Thành phố Hồ Chí Minh"
	anHoiTay := "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	for _, how := range []string{"pressed", "typed"} {
		prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
		only(t, fresh(w.send(prov, "/tally")))
		only(t, w.press(prov, w.vi("tally.change_unit")))
		m := only(t, fresh(w.send(prov, "ben thanh"))) // found alone: picked (review 33C)
		if !strings.Contains(m.Text, w.vi("tally.choose_period", locales.Data{"Unit": benThanh})) {
			t.Fatalf("Bến Thành picked: %q", m.Text)
		}
		if _, err := w.store.DB().Exec(`UPDATE users SET role = 'coordinator', province_code = NULL, commune_code = $2 WHERE telegram_id = $1`, prov.ID, anHoiTayCode); err != nil {
			t.Fatal(err)
		}
		var ms []*telegramtest.Message
		if how == "pressed" {
			ms = w.press(prov, w.vi("tally.period_month"))
		} else {
			ms = fresh(w.send(prov, "tháng 11/2026"))
		}
		if len(ms) != 1 {
			t.Fatalf("%s: the period for a unit no longer theirs made %d messages, want the question again: %q", how, len(ms), ms[0].Text)
		}
		want := w.vi("tally.unit_gone", locales.Data{"Unit": benThanh})
		if !strings.Contains(ms[0].Text, want) || !strings.Contains(ms[0].Text, w.vi("tally.choose_period", locales.Data{"Unit": anHoiTay})) {
			t.Errorf("%s: %q, want %q and their own unit's period screen", how, ms[0].Text, want)
		}
		ms = w.press(prov, w.vi("tally.period_month"))
		if len(ms) != 3 || !strings.Contains(ms[0].Text, anHoiTay) {
			t.Errorf("%s: their own unit's report: %d messages %q", how, len(ms), ms[0].Text)
		}
	}
}

// A period with no case closed: its spreadsheet (a zero to pass upward)
// gave the median time per case as 0 minutes, a number no case had; the
// text gives none. The cell is empty, as the mean rating's when nobody
// rated; with cases it holds their median.
func TestTallyEmptyPeriodSheetHasNoMedian(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026: nothing closed today
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	medianCell := func(f *excelize.File) (string, bool) {
		rows, err := f.GetRows("Tổng hợp", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if len(r) > 0 && r[0] == w.vi("tally.row_median") {
				if len(r) < 3 {
					return "", true
				}
				return r[2], true
			}
		}
		return "", false
	}
	text, f := typedTally(t, w, coord, w.vi("tally.period_today"), true)
	if f != nil { // nothing counted: no spreadsheet since review 23
		t.Fatalf("a spreadsheet for an empty day: %q", text)
	}
	if strings.Contains(text, w.vi("tally.median", locales.Data{"Time": w.vi("time.minutes", locales.Data{"Minutes": "0"})})) {
		t.Errorf("the text gives a median of 0:\n%s", text)
	}
	_, f = typedTally(t, w, coord, "tháng 11/2026", false)
	if v, _ := medianCell(f); v == "" || v == "0" {
		t.Errorf("November's median: %q", v)
	}
}
