package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 32A: "← Bước trước" double-tapped went back two steps. The first
// tap redraws the message as the step before, whose ← sits at the same
// spot, at the new version: the second tap, come after the redraw, was
// taken as a press of that ← (only buttons that record a choice were
// guarded). A volunteer expects one tap to be one step back: the second
// tap is asked again now, as the others are (case.too_soon), and a second
// ← pressed once the step before was read still goes back one more.
func TestReview32ABackDoubleTapGoesBackOnce(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	back := w.vi("case.back")
	g := guide(t, "khai-sinh")
	for _, fromBottom := range []bool{false, true} {
		p := tapper{w: w, clk: clk, u: w.volunteer("Lùi " + map[bool]string{false: "Trên", true: "Dưới"}[fromBottom])}
		m := p.birthCase(false)
		p.press(w.vi("case.done"))
		p.press(w.vi("case.done")) // step 3
		if c, _ := w.lastCase(p.u); c.Step != 2 {
			t.Fatalf("set-up: at step %d, want 3", c.Step+1)
		}
		m = msgByID(t, p.u, m.ID)
		second := p.twice(m, back, fromBottom)
		c, es := w.lastCase(p.u)
		if c.Step != 1 || c.Phase != storage.PhaseSteps {
			t.Fatalf("from the bottom %v: a double tap on %q (second on %q) left the case at step %d (%s): %s", fromBottom, back, second, c.Step+1, c.Phase, kinds(es))
		}
		if second != "" {
			if got, want := lastAnswer(t, p.u), w.vi("case.too_soon", locales.Data{"Button": second}); got != want {
				t.Errorf("from the bottom %v: the second tap on %q was answered %q, want %q", fromBottom, second, got, want)
			}
		}
		now := msgByID(t, p.u, m.ID)
		if !strings.Contains(now.Text, g.Steps[1].Text.In("vi")) {
			t.Errorf("from the bottom %v: the screen shows %q, want step 2", fromBottom, now.Text)
		}
		// A second ← pressed once step 2 was read goes back to step 1.
		p.press(back)
		if c, es := w.lastCase(p.u); c.Step != 0 || c.Phase != storage.PhaseSteps {
			t.Fatalf("from the bottom %v: a deliberate second %q left the case at step %d (%s): %s", fromBottom, back, c.Step+1, c.Phase, kinds(es))
		}
	}
}

// The reasons' ← sits at the bottom, as the outcome question's "← Về bước
// cuối" does: a double tap on the first, in a chat that keeps the
// message's bottom where it was, went back past the outcome question to
// the last step. One tap is one screen back now.
func TestReview32AReasonBackDoubleTap(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	g := guide(t, "khai-sinh")
	p := tapper{w: w, clk: clk, u: w.volunteer("Lùi Lý Do")}
	p.birthCase(false)
	for range g.Steps {
		p.press(w.vi("case.done"))
	}
	m := p.press(w.vi("outcome.not_submitted"))
	if c, _ := w.lastCase(p.u); c.Phase != storage.PhaseReason {
		t.Fatalf("set-up: phase %s, want the reasons", c.Phase)
	}
	second := p.twice(m, w.vi("button.back"), true)
	if c, es := w.lastCase(p.u); c.Phase != storage.PhaseOutcome {
		t.Fatalf("a double tap on ← at the reasons (second on %q) left the case at %s, step %d: %s", second, c.Phase, c.Step+1, kinds(es))
	}
	if second != "" {
		if got, want := lastAnswer(t, p.u), w.vi("case.too_soon", locales.Data{"Button": second}); got != want {
			t.Errorf("the second tap on %q was answered %q, want %q", second, got, want)
		}
	}
	// Pressed once the question was read, "← Về bước cuối" goes back.
	p.press(w.vi("case.back_to_steps"))
	if c, _ := w.lastCase(p.u); c.Phase != storage.PhaseSteps || c.Step != len(g.Steps)-1 {
		t.Fatalf("a deliberate ← from the outcome question left the case at %s, step %d", c.Phase, c.Step+1)
	}
}

// Step 1's ← goes back to the checklist, which has a row more: a double
// tap on it, in a chat that keeps the message's bottom where it was,
// landed on "✓ Không cần làm thủ tục" and drew the question that ends
// the case, which nobody asked for. The checklist's two ends are asked
// again now when pressed as it was just drawn, as its "Bắt đầu các bước
// →" was (where the second tap lands counted from the top).
func TestReview32AFirstStepBackDoubleTapStaysOnTheChecklist(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	for _, fromBottom := range []bool{false, true} {
		p := tapper{w: w, clk: clk, u: w.volunteer("Lùi Đầu " + map[bool]string{false: "Trên", true: "Dưới"}[fromBottom])}
		m := p.birthCase(false)
		second := p.twice(m, w.vi("case.back"), fromBottom)
		c, es := w.lastCase(p.u)
		if c.Status != storage.CaseOpen || c.Phase != storage.PhaseChecklist || kinds(es) != "start checklist back1" {
			t.Fatalf("from the bottom %v: a double tap on ← at step 1 (second on %q): %s %s %s", fromBottom, second, c.Status, c.Phase, kinds(es))
		}
		now := msgByID(t, p.u, m.ID)
		if !strings.Contains(now.Text, w.vi("case.checklist")) || strings.Contains(now.Text, w.vi("case.end_ask")) {
			t.Errorf("from the bottom %v: after a double tap on ← at step 1 (second on %q) the screen shows %q, want the checklist", fromBottom, second, now.Text)
		}
		if second != "" {
			if got, want := lastAnswer(t, p.u), w.vi("case.too_soon", locales.Data{"Button": second}); got != want {
				t.Errorf("from the bottom %v: the second tap on %q was answered %q, want %q", fromBottom, second, got, want)
			}
		}
		// Pressed once the checklist was read, the end is asked.
		if m := p.press(w.vi("case.not_needed")); !strings.Contains(m.Text, w.vi("case.end_ask")) {
			t.Errorf("from the bottom %v: a deliberate %q drew %q", fromBottom, w.vi("case.not_needed"), m.Text)
		}
	}
}

// The sub-guide's "← Về bước N" sits in its second row, as the step's
// "← Bước trước" does: a double tap on the first went back past the step
// it named (to the checklist, from step 1).
func TestReview32ASubguideBackDoubleTapStaysOnTheStep(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	g := guide(t, "khai-sinh")
	sub := guide(t, g.Steps[0].Subguide)
	p := tapper{w: w, clk: clk, u: w.volunteer("Lùi Hướng Dẫn")}
	p.birthCase(false)
	m := p.press("📖 " + sub.Title.Vi)
	toStep := w.vi("case.to_step", locales.Data{"Step": 1})
	second := p.twice(m, toStep, false)
	c, es := w.lastCase(p.u)
	if c.Phase != storage.PhaseSteps || c.Step != 0 || kinds(es) != "start checklist" {
		t.Fatalf("a double tap on %q (second on %q) left the case at %s, step %d: %s", toStep, second, c.Phase, c.Step+1, kinds(es))
	}
	if now := msgByID(t, p.u, m.ID); !strings.Contains(now.Text, w.stepHead(g, 0)) {
		t.Errorf("after a double tap on %q (second on %q) the screen shows %q, want step 1", toStep, second, now.Text)
	}
}
