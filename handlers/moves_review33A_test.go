package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 33A: the sub-guide's "← Về bước N" double-tapped, in a chat that
// keeps the message's bottom where it was, landed on the step's "⚑ Khác
// trên cổng" and opened the question what differs on the portal: nothing
// was recorded (the answers there are guarded), but the volunteer saw a
// screen nobody asked for. A button that only moves to another screen is
// guarded as the others are now: the second tap gets the pop-up and the
// step stays.
func TestReview33ASubguideBackDoubleTapDrawsNoFlagQuestion(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	g := guide(t, "khai-sinh")
	sub := guide(t, g.Steps[0].Subguide)
	p := tapper{w: w, clk: clk, u: w.volunteer("Lùi Cờ")}
	p.birthCase(false)
	m := p.press("📖 " + sub.Title.Vi)
	toStep := w.vi("case.to_step", locales.Data{"Step": 1})
	second := p.twice(m, toStep, true)
	if second != w.vi("case.flag") {
		t.Fatalf("set-up: the second tap landed on %q, want %q", second, w.vi("case.flag"))
	}
	now := msgByID(t, p.u, m.ID)
	if strings.Contains(now.Text, w.vi("case.flag_ask")) || !strings.Contains(now.Text, g.Steps[0].Text.In("vi")) {
		t.Errorf("after a double tap on %q (second on %q) the screen shows %q, want step 1", toStep, second, now.Text)
	}
	if got, want := lastAnswer(t, p.u), w.vi("case.too_soon", locales.Data{"Button": second}); got != want {
		t.Errorf("the second tap on %q was answered %q, want %q", second, got, want)
	}
	// Pressed once step 1 was read, ⚑ asks what differs.
	if m := p.press(w.vi("case.flag")); !strings.Contains(m.Text, w.vi("case.flag_ask")) {
		t.Errorf("a deliberate %q drew %q", w.vi("case.flag"), m.Text)
	}
}

// Every button of the case flow that only moves to another screen, pressed
// as its screen was just drawn by a press, is asked again and the screen
// stays; pressed once the screen was read, it moves at once.
func TestReview33AMoveButtonsPressedTooSoonAreAskedAgain(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	g := guide(t, "khai-sinh")
	sub := guide(t, g.Steps[0].Subguide)
	errSub := guide(t, g.Steps[0].Errors[0].Subguide)
	toStep := w.vi("case.to_step", locales.Data{"Step": 1})
	n := 0
	// check reaches a screen with reach (each press read first), presses
	// label on it at once, then once read: the first is asked again, the
	// second draws a screen holding want.
	check := func(name string, reach func(p tapper) *telegramtest.Message, label, want string) {
		{
			n++
			p := tapper{w: w, clk: clk, u: w.volunteer("Dời " + strings.Repeat("I", n))}
			m := reach(p)
			before := m.Text
			w.press(p.u, label) // at once: the clock stands still
			if got, want := lastAnswer(t, p.u), w.vi("case.too_soon", locales.Data{"Button": label}); got != want {
				t.Errorf("%s: %q pressed as its screen was drawn was answered %q, want %q", name, label, got, want)
			}
			if now := msgByID(t, p.u, m.ID); now.Text != before {
				t.Errorf("%s: %q pressed as its screen was drawn drew %q, want the screen as it was: %q", name, label, now.Text, before)
			}
			if got := p.press(label); !strings.Contains(got.Text, want) {
				t.Errorf("%s: %q pressed once read drew %q, want %q in it", name, label, got.Text, want)
			}
		}
	}
	step1 := func(p tapper) *telegramtest.Message { return p.birthCase(false) }
	problems := func(p tapper) *telegramtest.Message { p.birthCase(false); return p.press(w.vi("case.problem")) }
	fix := func(p tapper) *telegramtest.Message {
		problems(p)
		return p.press(g.Steps[0].Errors[0].Label.Vi)
	}
	check("step's ⚠", step1, w.vi("case.problem"), w.vi("case.problem_pick"))
	check("step's 📖", step1, "📖 "+sub.Title.Vi, sub.Description.Vi)
	check("step's ⚑", step1, w.vi("case.flag"), w.vi("case.flag_ask"))
	check("step's ⏸", step1, w.vi("case.pause"), "⏸")
	check("problems' other", problems, w.vi("case.problem_other"), w.vi("case.note_ask", locales.Data{"Max": 200})[:40])
	check("problems' ←", problems, toStep, g.Steps[0].Text.Vi)
	check("flag's ←", func(p tapper) *telegramtest.Message { p.birthCase(false); return p.press(w.vi("case.flag")) }, toStep, g.Steps[0].Text.Vi)
	check("fix's other", fix, w.vi("case.other_problem"), w.vi("case.problem_pick"))
	check("fix's 📖", fix, "📖 "+errSub.Title.Vi, errSub.Description.Vi)
	check("sub's ←", func(p tapper) *telegramtest.Message { p.birthCase(false); return p.press("📖 " + sub.Title.Vi) }, toStep, g.Steps[0].Text.Vi)
	check("checklist's ℹ", func(p tapper) *telegramtest.Message {
		p.send("/new")
		p.press(g.Title.Vi)
		return p.press(w.vi("consent.no"))
	}, w.vi("case.info"), g.Title.Vi)
	check("consent's ℹ", func(p tapper) *telegramtest.Message {
		p.send("/new")
		return p.press(g.Title.Vi)
	}, w.vi("case.info"), g.Title.Vi)

	// A checklist's ticks keep their screen and its version: several
	// quick ticks on one message all count, guard or not.
	{
		p := tapper{w: w, clk: clk, u: w.volunteer("Dời Tích")}
		p.send("/new")
		p.press(g.Title.Vi)
		p.press(w.vi("consent.no"))
		w.press(p.u, "☐ 1")
		w.press(p.u, "☐ 2")
		c, _ := w.lastCase(p.u)
		if len(c.Checked) != 2 || c.Phase != storage.PhaseChecklist {
			t.Errorf("two quick ticks left %v checked (%s)", c.Checked, c.Phase)
		}
	}
}

// A step with no common errors has "⚠ Gặp lỗi" open the note's question,
// whose first row holds "← Về bước N" and "⏸ Tạm dừng": a double tap on
// ⚠ landed, counted from the top, on ⏸ and paused the case — the pause
// message in place of the step, the volunteer, who meant to note a
// problem, left to find ▶. The second tap is asked again now.
func TestReview33AProblemDoubleTapDoesNotPause(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	g := guide(t, "khai-sinh")
	if len(g.Steps[1].Errors) != 0 {
		t.Fatal("set-up: step 2 of the birth registration has common errors now; pick a step without")
	}
	p := tapper{w: w, clk: clk, u: w.volunteer("Lỗi Đúp")}
	m := p.birthCase(false)
	p.press(w.vi("case.done"))
	m = msgByID(t, p.u, m.ID)
	second := p.twice(m, w.vi("case.problem"), false)
	if second != w.vi("case.pause") {
		t.Fatalf("set-up: the second tap landed on %q, want %q", second, w.vi("case.pause"))
	}
	if c, es := w.lastCase(p.u); c.Status != storage.CaseOpen || kinds(es) != "start checklist done1" {
		t.Errorf("a double tap on %q (second on %q) left the case %s: %s", w.vi("case.problem"), second, c.Status, kinds(es))
	}
	if now := msgByID(t, p.u, m.ID); !strings.Contains(now.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
		t.Errorf("after a double tap on %q the screen shows %q, want the note's question", w.vi("case.problem"), now.Text)
	}
}
