package handlers_test

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 32A: ⏸ Tạm dừng is drawn again as the pause message, whose
// "▶ Làm tiếp" is its top row and its ⏹ End the row below. A double tap on
// ⏸, counted from the message's bottom (where the chat keeps its last
// message), landed on ▶ and took the case up again at once: the
// volunteer who paused to serve the next resident found the step on
// screen and the case open, not paused. ▶ pressed as the pause was just
// made is asked again now, as ⏹ there is (pausedJustNow); pressed once the
// pause message was read, it takes the case up.
func TestReview32APauseDoubleTapStaysPaused(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	g := guide(t, "khai-sinh")
	for _, fromBottom := range []bool{false, true} {
		p := tapper{w: w, clk: clk, u: w.volunteer("Dừng " + map[bool]string{false: "Trên", true: "Dưới"}[fromBottom])}
		m := p.birthCase(false)
		p.press(w.vi("case.done"))
		m = msgByID(t, p.u, m.ID)
		second := p.twice(m, w.vi("case.pause"), fromBottom)
		c, es := w.lastCase(p.u)
		if c.Status != storage.CasePaused || kinds(es) != "start checklist done1 pause2" {
			t.Fatalf("from the bottom %v: a double tap on ⏸ (second on %q) left the case %s: %s", fromBottom, second, c.Status, kinds(es))
		}
		where := w.vi("resume.phase_steps", locales.Data{"Step": 2, "Steps": len(g.Steps)})
		if now := msgByID(t, p.u, m.ID); now.Text != w.vi("case.paused", locales.Data{"Case": c.ID, "Where": where}) {
			t.Errorf("from the bottom %v: after a double tap on ⏸ (second on %q) the message shows %q, want the pause message", fromBottom, second, now.Text)
		}
		if got, want := lastAnswer(t, p.u), w.vi("case.too_soon", locales.Data{"Button": second}); got != want {
			t.Errorf("from the bottom %v: the second tap on %q was answered %q, want %q", fromBottom, second, got, want)
		}
		// ▶ pressed once the pause message was read takes the case up.
		if m := p.press(w.vi("case.resume_button", locales.Data{"Case": c.ID})); m.Text == "" {
			t.Fatal("▶ drew nothing")
		}
		if c, es := w.lastCase(p.u); c.Status != storage.CaseOpen || kinds(es) != "start checklist done1 pause2 resume2" {
			t.Fatalf("from the bottom %v: a deliberate ▶ left the case %s: %s", fromBottom, c.Status, kinds(es))
		}
	}
}
