package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A coordinator types a period the reader does not take ("sau 1/11/2026",
// a week named by its Monday, a range ending "hết tháng", a range with a
// commune after it): since review 17 the bot answered "Tin nhắn có vẻ chứa
// thông tin cá nhân (… ngày sinh …) … hãy gõ tên xã/phường", as if a
// resident's birth date had been typed, where it answered with the
// period's examples. Dates there are a period mistyped: the period's help
// again (which shows nothing back, keeps nothing); a phone number beside
// them is still refused.
func TestTallyPeriodNotUnderstoodIsNoPersonalData(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	periods := []string{"sau 1/11/2026", "tuần 16/11/2026", "từ 1/11/2026 đến hết tháng", "01/11/2026 - hết 20/11/2026",
		"1/11/2026 – 20/11/2026 An Hội Tây"}
	for _, screen := range []string{"the period screen", "the unit screen"} {
		if screen == "the unit screen" {
			only(t, w.press(prov, w.vi("tally.change_unit")))
		}
		for _, typed := range periods {
			m := only(t, fresh(w.send(prov, typed)))
			if strings.HasPrefix(m.Text, w.vi("case.unit_personal")) || !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) {
				t.Errorf("%q typed on %s: %q, want the period's examples", typed, screen, m.Text)
			}
			if strings.Contains(m.Text, typed) {
				t.Errorf("%q typed on %s is shown back: %q", typed, screen, m.Text)
			}
		}
		m := only(t, fresh(w.send(prov, "0912 345 678 1/11/2026")))
		if !strings.HasPrefix(m.Text, w.vi("case.unit_personal")) || strings.Contains(m.Text, "345") {
			t.Errorf("a phone number beside a date on %s: %q, want it refused", screen, m.Text)
		}
	}
}

// A commune's coordinator, who counts their commune only, types a phone
// number on /tally's period screen: refused, not shown back — and not
// told "hãy gõ tên xã/phường", which they cannot choose (a commune typed
// there is answered "outside what you may see"): the period's examples.
func TestTallyPersonalDataRefusedForACommuneCoordinatorPointsToThePeriod(t *testing.T) {
	w, _, _ := tallyWorld(t)
	co := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	only(t, fresh(w.send(co, "/tally")))
	for _, q := range personalTyped {
		m := only(t, fresh(w.send(co, q.typed)))
		if !strings.HasPrefix(m.Text, w.vi("tally.period_personal")) || strings.Contains(m.Text, q.trace) {
			t.Errorf("a commune coordinator typed %q on /tally: %q, want %q, nothing shown back", q.typed, m.Text, w.vi("tally.period_personal"))
		}
	}
	// A province coordinator, who may pick a commune there, is told to type its name.
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "0912 345 678"))); !strings.HasPrefix(m.Text, w.vi("case.unit_personal")) {
		t.Errorf("a province coordinator typed a phone number on /tally: %q", m.Text)
	}
}
