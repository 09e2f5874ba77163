package handlers_test

// A unit's name searched on /invite and on /tally's unit screen, and
// residents' data (review 17): docs/privacy.md promises that searches
// looking like personal data are refused, neither kept nor shown back, as
// the case wizard's commune question does. /invite and /tally answered a
// phone number "no commune matches “0912 345 678”", the number shown back.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

var personalTyped = []struct{ typed, trace string }{
	{"0912 345 678", "345"},
	{"sdt 0912345678", "0912345678"},
	{"079203001234", "079203001234"},
	{"lan.nguyen@gmail.com", "gmail"},
}

// /invite, a province coordinator's commune search and an admin's search
// of every commune: refused, not shown back; a name still searches.
func TestInviteSearchRefusesPersonalData(t *testing.T) {
	w := newWorld(t)
	pc := w.member("Hà", storage.RoleProvinceCoordinator, "")
	for _, u := range []struct {
		who  string
		send func(string) []*telegramtest.Message
	}{
		// The copy above each screen drawn anew loses its buttons (fresh).
		{"a province coordinator", func(s string) []*telegramtest.Message { return fresh(w.send(pc, s)) }},
		{"an admin", func(s string) []*telegramtest.Message { return fresh(w.send(w.admin, s)) }},
	} {
		u.send("/invite")
		for _, q := range personalTyped {
			m := only(t, u.send(q.typed))
			if !strings.HasPrefix(m.Text, w.vi("case.unit_personal")) || strings.Contains(m.Text, q.trace) {
				t.Fatalf("%s typed %q on /invite: %q, want it refused and not shown back", u.who, q.typed, m.Text)
			}
		}
		if m := only(t, u.send("quy nhon")); strings.HasPrefix(m.Text, w.vi("case.unit_personal")) || !strings.Contains(m.Text+fmtButtons(m), "Quy Nhơn") {
			t.Fatalf("%s searching a commune after the refusals: %q %+v", u.who, m.Text, m.Buttons())
		}
	}
}

// /tally's unit screen: refused, not shown back, the screen again.
func TestTallyUnitSearchRefusesPersonalData(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	for _, q := range personalTyped {
		m := only(t, fresh(w.send(prov, q.typed)))
		if !strings.HasPrefix(m.Text, w.vi("case.unit_personal")) || strings.Contains(m.Text, q.trace) {
			t.Fatalf("typed %q on the tally's unit screen: %q, want it refused and not shown back", q.typed, m.Text)
		}
		if !hasButton(m, w.vi("tally.whole_province", locales.Data{"Province": "Thành phố Hồ Chí Minh"})) {
			t.Fatalf("typed %q: the unit screen is not shown again: %+v", q.typed, m.Buttons())
		}
	}
}

// fmtButtons is a message's button labels, one string.
func fmtButtons(m *telegramtest.Message) string {
	var b strings.Builder
	for _, l := range m.Buttons() {
		b.WriteString(l.Text + "\n")
	}
	return b.String()
}
