package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A volunteer who showed the resident the way, the resident choosing to
// submit at home, had no true answer to "why could it not be submitted":
// "changed their mind" or "other reason" (with a note) told the coordinator
// something else. "Shown how; the resident will finish later" is a reason
// of every kind's "could not be done", stored as self_later, and counted by
// name in the coordinator's tally.
func TestReasonResidentFinishesLater(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Lan")
	w.toOutcome(u, "khai-sinh", false)
	m := last(t, w.press(u, w.vi("outcome.not_submitted")))
	if !hasButton(m, w.vi("reason.self_later")) {
		t.Fatalf("the reason question lacks %q: %+v", w.vi("reason.self_later"), m.Buttons())
	}
	m = last(t, w.press(u, w.vi("reason.self_later")))
	c, _ := w.lastCase(u)
	if c.Status != storage.CaseClosed || c.Outcome.String != "not_submitted" || c.Reason.String != "self_later" {
		t.Fatalf("case row: %+v", c)
	}
	if !strings.Contains(m.Text, w.vi("summary.reason", locales.Data{"Reason": w.vi("reason.self_later")})) {
		t.Errorf("the summary does not say the reason: %q", m.Text)
	}

	// An account task (VNeID level 2) offers it too.
	minh := w.volunteer("Minh")
	w.toOutcome(minh, "vneid-muc-2", false)
	if m := last(t, w.press(minh, w.vi("outcome.account.not_done"))); !hasButton(m, w.vi("reason.self_later")) {
		t.Errorf("an account task's reasons lack it: %q %+v", m.Text, m.Buttons())
	}

	coord := w.tallyMember("Cường", "", storage.RoleCoordinator)
	w.send(coord, "/tally")
	ms := w.press(coord, "Hôm nay")
	if len(ms) == 0 || !strings.Contains(ms[0].Text, "– "+w.vi("reason.self_later")+": 1") {
		t.Errorf("the tally does not count the reason by name:\n%v", ms)
	}
}
