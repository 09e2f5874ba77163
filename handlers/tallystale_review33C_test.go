package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 33C, item 2: "Q4" (or "10") typed on /tally late on 30
// September lists Quận 4's communes (Phường 10's) with a button "📅 Ý tôi
// là quý 4/2025 – …" (the latest fourth quarter). Pressed the next
// morning, the button read "quý 4" again on the new day: the fourth
// quarter of 2026, just begun, reported under the label of 2025's. The
// press is now out of date, as a button whose meaning changed is: no
// report, and the list drawn again, its button naming the new quarter.
func TestTallyBarePeriodButtonPressedTheNextDay(t *testing.T) {
	clock := &jobs.Clock{}
	w := newWorld(t, handlers.WithClock(clock.Now))
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	hcmc := "Thành phố Hồ Chí Minh"
	for _, c := range []struct {
		typed, label, now string
	}{
		{"Q4", w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2025}), w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2026})},
		{"10", w.vi("tally.label_month", locales.Data{"Month": w.vi("tally.month_10"), "Year": 2025}), w.vi("tally.label_month", locales.Data{"Month": w.vi("tally.month_10"), "Year": 2026})},
	} {
		clock.Set(time.Date(2026, 9, 30, 21, 0, 0, 0, ict))
		only(t, fresh(w.send(prov, "/tally")))
		meant := w.vi("tally.bare_period", locales.Data{"Period": c.label, "Unit": hcmc})
		if m := only(t, fresh(w.send(prov, c.typed))); !hasButton(m, meant) {
			t.Fatalf("%q on 30/9: %q %q, want %q", c.typed, m.Text, buttonTexts(m), meant)
		}
		clock.Set(time.Date(2026, 10, 1, 8, 0, 0, 0, ict))
		ms := w.press(prov, meant)
		if hasReport(ms) {
			t.Errorf("%q's button pressed on 1/10/2026: %q, want no report under the label %s", c.typed, firstReport(ms), c.label)
		}
		if a := lastAnswer(t, prov); a != w.vi("button.stale") {
			t.Errorf("%q's button pressed on 1/10/2026: answered %q, want %q", c.typed, a, w.vi("button.stale"))
		}
		now := w.vi("tally.bare_period", locales.Data{"Period": c.now, "Unit": hcmc})
		ms = w.press(prov, now)
		if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 "+hcmc+" – "+c.now) {
			t.Errorf("%q's button drawn again, pressed: %q, want the report of %s", c.typed, firstText(ms), c.now)
		}
		fresh(w.send(prov, "/cancel"))
	}
}
