package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 24T, item 2: /help, /start, /me or /lang typed while /tally's
// screen is open answered below it and left the screen far up the chat,
// its buttons live there. A case's screen comes back below such an answer
// (caseBelow, a tracked screen): so does /tally's, where it stood (the
// period screen or the unit list), in the language now chosen; the copy
// above loses its buttons, and the one below makes the report.
func TestTallyScreenComesBackBelowHelp(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	const hcmc = "Thành phố Hồ Chí Minh"
	period := w.vi("tally.choose_period", locales.Data{"Unit": hcmc})
	for _, c := range []struct {
		cmd, first string // the command, and the start of its own answer
	}{
		{"/help", w.vi("help.province_coordinator")},
		{"/start", w.vi("start.member", locales.Data{"Name": "Phương", "Role": w.vi("role.province_coordinator"), "Unit": hcmc})},
		{"/me", ""},
	} {
		above := only(t, fresh(w.send(prov, "/tally")))
		ms := fresh(w.send(prov, c.cmd))
		if len(ms) < 2 || (c.first != "" && ms[0].Text != c.first) || ms[len(ms)-1].Text != period ||
			!hasButton(ms[len(ms)-1], w.vi("tally.period_month")) {
			var texts []string
			for _, m := range ms {
				texts = append(texts, m.Text)
			}
			t.Errorf("%s on /tally's screen: %q, want its answer, then the period screen %q below", c.cmd, texts, period)
			fresh(w.send(prov, "/cancel"))
			continue
		}
		noButtons(t, prov, above.ID, c.cmd+" on /tally's screen")
		if ms := w.press(prov, w.vi("tally.period_month")); !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 "+hcmc) {
			t.Errorf("%s, then Tháng này below: %q, want the city's report", c.cmd, firstReport(ms))
		}
	}

	// The unit list of a typed name comes back as it was.
	only(t, fresh(w.send(prov, "/tally")))
	above := only(t, fresh(w.send(prov, "binh thanh")))
	ms := fresh(w.send(prov, "/help"))
	if len(ms) != 2 || ms[1].Text != above.Text || strings.Join(buttonTexts(ms[1]), "|") != strings.Join(buttonTexts(above), "|") {
		t.Errorf("/help on the unit list: %+v, want the list %q below", ms, above.Text)
	}
	noButtons(t, prov, above.ID, "/help on the unit list")
	fresh(w.send(prov, "/cancel"))

	// /lang en: the screen below is in English.
	only(t, fresh(w.send(prov, "/tally")))
	ms = fresh(w.send(prov, "/lang en"))
	if want := w.en("tally.choose_period", locales.Data{"Unit": "Ho Chi Minh City"}); len(ms) < 2 || !strings.HasPrefix(ms[len(ms)-1].Text, "📊") ||
		!hasButton(ms[len(ms)-1], w.en("tally.period_month")) {
		t.Errorf("/lang en on /tally's screen: %+v, want %q below", ms, want)
	}
}
