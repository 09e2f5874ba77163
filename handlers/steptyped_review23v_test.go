package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// Text typed at a step — a problem described ("khong dang nhap dc",
// "không nhận được OTP"), an "ok", a 👍 — got "press a button" and the
// whole long step drawn again, each time (review 23v). A problem is pointed
// to "⚠ Gặp lỗi"; while the step is just above (a message or two back),
// one short line answers, and the step stays where it is; further up, it
// comes again below.
func TestTextAtAStepGetsAShortLine(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	v := w.volunteer("Gõ ở bước")
	step := w.startBirthCase(v)
	for _, tt := range []struct{ typed, want string }{
		{"khong dang nhap dc", "case.typed_problem"},
		{"ok", "case.press_above"},
	} {
		m := only(t, w.send(v, tt.typed))
		if m.Text != w.vi(tt.want) || len(m.Buttons()) != 0 {
			t.Errorf("%q at the step just above: %q %v; want %q alone", tt.typed, m.Text, m.Buttons(), w.vi(tt.want))
		}
	}
	for _, m := range v.Messages() {
		if m.ID == step.ID && !hasButton(m, w.vi("case.problem")) {
			t.Errorf("the step lost its buttons: %v", m.Buttons())
		}
	}
	// Two exchanges on, the step comes again below, the problem pointed to.
	m := last(t, w.send(v, "không nhận được OTP"))
	if !strings.HasPrefix(m.Text, w.vi("case.typed_problem")+"\n\n") || !strings.Contains(m.Text, w.stepHead(g, 0)) || !hasButton(m, w.vi("case.problem")) {
		t.Errorf("a problem typed with the step further up: %q %v", m.Text, m.Buttons())
	}
	if m := only(t, w.send(v, "👍")); m.Text != w.vi("case.press_above") {
		t.Errorf("👍 under the step drawn again: %q", m.Text)
	}
}

// saysPress says whether m answers text typed at a step that wants a
// button: the short line alone (the step just above), or the step drawn
// again below "press a button" (review 23v), in lang.
func (w *world) saysPress(m *telegramtest.Message, lang string) bool {
	t := w.texts.For(lang)
	if strings.HasPrefix(m.Text, t.T("case.press_above")) && len(m.Buttons()) == 0 {
		return true
	}
	return strings.HasPrefix(m.Text, t.T("case.press_a_button")) && hasButton(m, t.T("case.done"))
}
