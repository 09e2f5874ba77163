package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 29: /cancel with a case paused answered "Không có thao tác nào
// đang làm." — true, and a dead end for the volunteer who meant to end the
// paused case. The case is named, with its pause message again below: ▶
// takes it up, ⏹ ends it.
func TestCancelNamesThePausedCase(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Minh")
	w.startBirthCase(u)
	w.press(u, w.vi("case.pause"))
	c, _ := w.lastCase(u)

	m := last(t, w.send(u, "/cancel"))
	if m.Text == w.vi("cancel.nothing") || !strings.Contains(m.Text, w.vi("cancel.nothing_paused", locales.Data{"Case": c.ID, "Guide": g.Title.Vi})) {
		t.Fatalf("/cancel with case #%d paused: %q", c.ID, m.Text)
	}
	if !hasButton(m, w.vi("case.resume_button", locales.Data{"Case": c.ID})) || !hasButton(m, w.vi("case.end_button")) {
		t.Fatalf("no ▶ or ⏹ under %q: %v", m.Text, m.Buttons())
	}
	// ⏹ there ends it, as on the pause message.
	m = last(t, w.press(u, w.vi("case.end_button")))
	w.press(u, w.vi("reason.changed_mind"))
	if c, _ = w.lastCase(u); c.Status != storage.CaseClosed {
		t.Fatalf("⏹ under /cancel's answer: %+v (%q)", c, m.Text)
	}

	// In English too; several paused cases are each named, with the way.
	w.startBirthCase(u)
	w.press(u, w.vi("case.pause"))
	w.startBirthCase(u)
	w.press(u, w.vi("case.pause"))
	w.send(u, "/lang en")
	m = last(t, w.send(u, "/cancel"))
	if !strings.HasPrefix(m.Text, strings.Split(w.en("cancel.nothing_paused_several", locales.Data{"Count": 2, "Cases": ""}), "\n")[0]) ||
		strings.Count(m.Text, "• #") != 2 {
		t.Fatalf("/cancel with two cases paused: %q", m.Text)
	}
}
