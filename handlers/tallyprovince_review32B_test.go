package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 32B, item 3: a province coordinator or an administrator who
// typed a province's whole name got a list of one button to press ("Cả
// Thành phố Hồ Chí Minh"). The name is that province: its period screen,
// or with a period its report. A name that fits several units (an old
// province's name that is also a commune's, "binh duong") is still a list.
func TestTallyProvinceNamedWhole(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	hcmc := "Thành phố Hồ Chí Minh"
	periodScreen := func(unit string) string { return w.vi("tally.choose_period", locales.Data{"Unit": unit}) }
	type typedCase struct {
		who        string
		typed      string
		unit       string
		withPeriod bool
	}
	cases := []typedCase{
		{"prov", "Thành phố Hồ Chí Minh", hcmc, false},
		{"prov", "hồ chí minh", hcmc, false},
		{"prov", "tp hcm", hcmc, false},
		{"prov", "hồ chí minh tháng này", hcmc, true},
		{"admin", "Thành phố Hồ Chí Minh", hcmc, false},
		{"admin", "TP. Hồ Chí Minh", hcmc, false},
		{"admin", "hà nội", "Thành phố Hà Nội", false},
		{"admin", "tháng này hà nội", "Thành phố Hà Nội", true},
	}
	for _, c := range cases {
		user := prov
		if c.who == "admin" {
			user = w.admin
		}
		for _, how := range []string{"period screen", "unit screen", "/tally NAME"} {
			var ms []*telegramtest.Message
			switch how {
			case "period screen":
				only(t, fresh(w.send(user, "/tally")))
				ms = fresh(w.send(user, c.typed))
			case "unit screen":
				only(t, fresh(w.send(user, "/tally")))
				only(t, w.press(user, w.vi("tally.change_unit")))
				ms = fresh(w.send(user, c.typed))
			default:
				ms = fresh(w.send(user, "/tally "+c.typed))
			}
			if c.withPeriod {
				if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 "+c.unit+" –") {
					t.Errorf("%s, %q on the %s: %q, want %s's report", c.who, c.typed, how, firstText(ms), c.unit)
				}
				continue
			}
			m := only(t, ms)
			if !strings.HasPrefix(m.Text, periodScreen(c.unit)) || !hasButton(m, w.vi("tally.period_month")) {
				t.Errorf("%s, %q on the %s: %q %q, want %s's period screen", c.who, c.typed, how, m.Text, buttonTexts(m), c.unit)
				continue
			}
			ms = w.press(user, w.vi("tally.period_month"))
			if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 "+c.unit+" –") {
				t.Errorf("%s, %q on the %s, then this month: %q, want %s's report", c.who, c.typed, how, firstText(ms), c.unit)
			}
		}
	}
	// A province by its name before 2025: its period screen, saying so.
	only(t, fresh(w.send(w.admin, "/tally")))
	m := only(t, fresh(w.send(w.admin, "thua thien hue")))
	renamed := w.vi("tally.province_renamed", locales.Data{"Old": "Thừa Thiên Huế", "Province": "Thành phố Huế"})
	if !strings.HasPrefix(m.Text, renamed+"\n\n"+periodScreen("Thành phố Huế")) {
		t.Errorf("thua thien hue: %q, want %q above Huế's period screen", m.Text, renamed)
	}
	// Several units fit: still a list to choose from.
	only(t, fresh(w.send(prov, "/tally")))
	m = only(t, fresh(w.send(prov, "binh duong")))
	if !hasButton(m, w.vi("tally.whole_province", locales.Data{"Province": hcmc})) || len(m.Buttons()) < 4 {
		t.Errorf("binh duong: %q %q, want the province and Phường Bình Dương to choose from", m.Text, buttonTexts(m))
	}
}
