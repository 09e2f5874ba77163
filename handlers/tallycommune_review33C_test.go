package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 33C, item 1: a province coordinator or an administrator who typed
// a commune's name, not whole ("ben thanh"), that found that commune alone
// got a list of one button to press, where a province's name (review 32B)
// and the same name with a period ("ben thanh tháng này") went straight.
// The one commune the words find well is picked: its period screen, or
// with a period its report. A commune found so by its name from before
// 2025 is picked too, the screen saying which it is part of now. Words
// that find several (go vap), or one only loosely (phuong 12 go vap: each
// word whole, not in order), are still a list.
func TestTallyCommuneFoundAlone(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	benThanh := "Phường Bến Thành, Thành phố Hồ Chí Minh"
	saiGon := "Phường Sài Gòn, Thành phố Hồ Chí Minh"
	periodScreen := func(unit string) string { return w.vi("tally.choose_period", locales.Data{"Unit": unit}) }
	type typedCase struct {
		who, typed, unit, note string
		withPeriod             bool
	}
	oldNote := w.vi("tally.commune_old_name", locales.Data{"Old": "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", "Commune": saiGon})
	cases := []typedCase{
		{"prov", "ben thanh", benThanh, "", false},
		{"prov", "bến thành", benThanh, "", false},
		{"admin", "ben thanh", benThanh, "", false},
		{"prov", "ben nghe", saiGon, oldNote, false},
		{"prov", "phuong ben nghe", saiGon, oldNote, false},
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
			m := only(t, ms)
			want := periodScreen(c.unit)
			if c.note != "" {
				want = c.note + "\n\n" + want
			}
			if !strings.HasPrefix(m.Text, want) || !hasButton(m, w.vi("tally.period_month")) {
				t.Errorf("%s, %q on the %s: %q %q, want %q", c.who, c.typed, how, m.Text, buttonTexts(m), want)
				continue
			}
			ms = w.press(user, w.vi("tally.period_month"))
			if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 "+c.unit+" –") {
				t.Errorf("%s, %q on the %s, then this month: %q, want %s's report", c.who, c.typed, how, firstText(ms), c.unit)
			}
		}
	}
	// A period typed with it on the unit screen: that commune's report.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	ms := fresh(w.send(prov, "ben thanh tháng 10"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 "+benThanh+" – tháng 10/2026") {
		t.Errorf("ben thanh tháng 10 on the unit screen: %q, want its report", firstText(ms))
	}
	// Several communes found, or one found loosely: still a list.
	for _, typed := range []string{"go vap", "phuong 12 go vap"} {
		only(t, fresh(w.send(prov, "/tally")))
		m := only(t, fresh(w.send(prov, typed)))
		if !strings.HasPrefix(m.Text, w.vi("tally.unit_results", locales.Data{"Query": typed})) || hasButton(m, w.vi("tally.period_month")) {
			t.Errorf("%q: %q %q, want the list of communes it finds", typed, m.Text, buttonTexts(m))
		}
	}
}

// periodScreenOf says whether m is the period screen of unit (a commune
// found alone is picked: review 33C).
func (w *world) periodScreenOf(m *telegramtest.Message, unit string) bool {
	return m != nil && strings.HasPrefix(m.Text, w.vi("tally.choose_period", locales.Data{"Unit": unit})) && hasButton(m, w.vi("tally.period_month"))
}
