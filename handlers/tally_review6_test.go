package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// On the unit screen ("… or type a name to search"), a name that finds no
// commune is answered as such, not as a period the bot could not read:
// the coordinator typed a name, as the screen asked.
func TestTallyUnitNameNotFound(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	m := only(t, fresh(w.send(prov, "xyzabc")))
	if strings.Contains(m.Text, w.vi("tally.bad_period")) {
		t.Errorf("a name not found on the unit screen is answered as a period not understood:\n%s", m.Text)
	}
	if want := w.vi("tally.unit_none", locales.Data{"Query": "xyzabc"}); !strings.HasPrefix(m.Text, want) {
		t.Errorf("a name not found on the unit screen: %q, want %q first", m.Text, want)
	}
	if !hasButton(m, w.vi("tally.whole_province", locales.Data{"Province": "Thành phố Hồ Chí Minh"})) {
		t.Errorf("the unit screen is not shown again: %+v", m.Buttons())
	}
	// A period typed there, the unit not chosen, asks to choose it first
	// (review 21t: it counted the province in silence); and on the period
	// screen a text that is neither is still "not understood".
	if m := only(t, fresh(w.send(prov, "tháng 11/2026"))); !strings.HasPrefix(m.Text, w.vi("tally.pick_unit_first")) {
		t.Fatalf("a period typed on the unit screen: %q", m.Text)
	}
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "xyzabc"))); !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) {
		t.Errorf("on the period screen: %q", m.Text)
	}
	// In English too.
	fresh(w.send(prov, "/lang en"))
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.en("tally.change_unit")))
	if m := only(t, fresh(w.send(prov, "xyzabc"))); !strings.HasPrefix(m.Text, w.en("tally.unit_none", locales.Data{"Query": "xyzabc"})) {
		t.Errorf("in English: %q", m.Text)
	}
}

// "tuần qua", "tháng qua" (the week, the month just past) are periods: they
// found a commune of another province (Phường Tuần Châu, Quảng Ninh: "qua"
// begins "Quảng") and were answered "outside what you may see".
func TestTallyPastWordsAreNotCommunes(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, u := range []*telegramtest.User{coord, prov} {
		only(t, fresh(w.send(u, "/tally")))
		ms := fresh(w.send(u, "tháng qua"))
		if len(ms) != 3 || !strings.Contains(ms[0].Text, "tháng 10/2026") || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 1, "Helped": 1})) {
			t.Fatalf("\"tháng qua\": %d messages, %q", len(ms), ms[0].Text)
		}
		only(t, fresh(w.send(u, "/tally")))
		ms = fresh(w.send(u, "Tuần vừa qua")) // 16–22/11: nothing closed; the text alone
		if len(ms) != 1 || !strings.Contains(ms[0].Text, "tuần 16/11 – 22/11/2026") || !strings.Contains(ms[0].Text, w.vi("tally.empty")) {
			t.Errorf("\"tuần vừa qua\": %+v %q", ms, ms[0].Text)
		}
	}
}

// A text that only loosely finds a commune outside the scope is not
// answered "outside what you may see": "cả năm" (the whole year) found Xã
// Năm Căn, Cà Mau ("cả" in Cà Mau, "năm" in Năm Căn) and "tối qua" Xã Ia
// Tơi, Quảng Ngãi; the coordinator, who typed a period, was told a unit
// was not theirs. A name found whole, in order, still is ("bến thành").
func TestTallyLooseMatchOutsideScopeIsNotAUnit(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, text := range []string{"cả năm", "tối qua", "nửa năm"} {
		only(t, fresh(w.send(coord, "/tally")))
		m := only(t, fresh(w.send(coord, text)))
		if !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) {
			t.Errorf("%q: %q, want %q first", text, m.Text, w.vi("tally.bad_period"))
		}
		fresh(w.send(coord, "/cancel"))
	}
	for text, unit := range map[string]string{
		"bến thành": benThanhFull, "phuong ben thanh": benThanhFull, "p ben thanh": benThanhFull,
		"hoan kiem": "Phường Hoàn Kiếm, Thành phố Hà Nội",
	} {
		// Named, and what they may see, since review 22k.
		want := w.vi("tally.commune_not_allowed", locales.Data{"Unit": unit, "Own": "Phường An Hội Tây, Thành phố Hồ Chí Minh"})
		only(t, fresh(w.send(coord, "/tally")))
		if m := only(t, fresh(w.send(coord, text))); !strings.HasPrefix(m.Text, want) {
			t.Errorf("%q: %q, want %q first", text, m.Text, want)
		}
		fresh(w.send(coord, "/cancel"))
	}
}

// At the month's end a coordinator who has their report types the next
// period straight away, or after the command ("/tally tháng 10"): the
// period was read as a procedure to search ("Không tìm thấy thủ tục nào
// khớp “tháng 10/2026”"), and /tally's words were dropped (the period
// screen again). A volunteer's typed words still look for a procedure.
func TestTallyPeriodTypedOutsideTheFlow(t *testing.T) {
	w, an, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	ms := w.send(coord, "/tally tháng 11/2026")
	if len(ms) != 3 || !strings.Contains(ms[0].Text, "tháng 11/2026") || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 4, "Helped": 3})) {
		t.Fatalf("/tally tháng 11/2026: %d messages, %q", len(ms), ms[0].Text)
	}
	ms = w.send(coord, "tháng 10/2026") // no flow: the report is made
	if len(ms) != 3 || !strings.Contains(ms[0].Text, "tháng 10/2026") || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 1, "Helped": 1})) {
		t.Fatalf("tháng 10/2026 typed after a report: %d messages, %q", len(ms), ms[0].Text)
	}
	// /tally with what is not a period: its answer and the period screen.
	m := only(t, w.send(coord, "/tally 31/11/2026"))
	if !strings.HasPrefix(m.Text, w.vi("tally.no_such_date")) || !hasButton(m, w.vi("tally.period_month")) {
		t.Errorf("/tally 31/11/2026: %q %+v", m.Text, m.Buttons())
	}
	w.send(coord, "/cancel")
	// Words that are no period, typed by a coordinator, still search.
	if m := only(t, w.send(coord, "khai sinh")); strings.HasPrefix(m.Text, "📊") {
		t.Errorf("\"khai sinh\" made a report: %q", m.Text)
	}
	// A volunteer's typed period searches for a procedure, as before.
	if m := only(t, w.send(an, "tháng 10/2026")); strings.HasPrefix(m.Text, "📊") || strings.Contains(m.Text, w.vi("tally.use_me")) {
		t.Errorf("a volunteer's \"tháng 10/2026\": %q", m.Text)
	}
}
