package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 20c: in English, a province typed as English writes it ("Ho Chi
// Minh City", "HCMC", "Hanoi", "Danang", "Dong Nai Province") was no
// province to /tally: "I could not read that period" on the period screen,
// "no commune matches" on the unit screen. It is the province, as "ho chi
// minh" or "dong nai" is: taken whole by an admin (its period screen;
// until review 32B offered first on a list of one), refused as another
// province to a province coordinator of another.
func TestTallyProvinceTypedInEnglish(t *testing.T) {
	w, _, _ := tallyWorld(t)
	w.send(w.admin, "/lang")
	w.press(w.admin, "English")
	cases := []struct{ typed, province string }{
		{"Ho Chi Minh City", "Thành phố Hồ Chí Minh"},
		{"HCMC", "Thành phố Hồ Chí Minh"},
		{"Hanoi", "Thành phố Hà Nội"},
		{"Danang", "Thành phố Đà Nẵng"},
		{"Da Nang City", "Thành phố Đà Nẵng"},
		{"Haiphong", "Thành phố Hải Phòng"},
		{"Dong Nai Province", "Đồng Nai"},
	}
	for _, c := range cases {
		screen := w.en("tally.choose_period", locales.Data{"Unit": c.province})
		// On the period screen, and on the unit screen.
		only(t, fresh(w.send(w.admin, "/tally")))
		m := only(t, fresh(w.send(w.admin, c.typed)))
		if !strings.HasPrefix(m.Text, screen) {
			t.Errorf("%q on the period screen: %q %q, want %s's period screen", c.typed, m.Text, buttonTexts(m), c.province)
		}
		only(t, fresh(w.send(w.admin, "/tally")))
		only(t, w.press(w.admin, w.en("tally.change_unit")))
		m = only(t, fresh(w.send(w.admin, c.typed)))
		if !strings.HasPrefix(m.Text, screen) {
			t.Errorf("%q on the unit screen: %q %q, want %s's period screen", c.typed, m.Text, buttonTexts(m), c.province)
		}
	}

	// The province taken counts it.
	only(t, fresh(w.send(w.admin, "/tally")))
	only(t, fresh(w.send(w.admin, "Ho Chi Minh City")))
	ms := w.press(w.admin, w.en("tally.period_month"))
	if len(ms) != 3 || !strings.Contains(ms[0].Text, "Thành phố Hồ Chí Minh") || !strings.Contains(ms[0].Text, w.en("tally.cases", locales.Data{"Cases": 5, "Helped": 4})) {
		t.Errorf("Ho Chi Minh City's tally: %d messages, %q", len(ms), ms[0].Text)
	}

	// Another province's coordinator is told it is not theirs.
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.setLang(prov, "en")
	only(t, fresh(w.send(prov, "/tally")))
	m := only(t, fresh(w.send(prov, "Hanoi")))
	if want := w.en("tally.province_not_allowed", locales.Data{"Province": "Thành phố Hà Nội", "Own": "Thành phố Hồ Chí Minh"}); !strings.Contains(m.Text, want) {
		t.Errorf("Hanoi to Ho Chi Minh City's coordinator: %q, want it to say %q", m.Text, want)
	}
}
