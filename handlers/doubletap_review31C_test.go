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

// spotOf is the row and column of the button labelled label on m.
func spotOf(t *testing.T, m *telegramtest.Message, label string) (int, int) {
	t.Helper()
	for i, r := range m.Keyboard {
		for j, b := range r {
			if b.Text == label {
				return i, j
			}
		}
	}
	t.Fatalf("no %q on %q: %v", label, m.Text, m.Buttons())
	return 0, 0
}

// tapper presses as a volunteer who reads each screen before the next
// press: the bot's clock moves on by two seconds first, past the guard.
type tapper struct {
	w   *world
	clk *clock
	u   *telegramtest.User
}

func (p tapper) press(label string) *telegramtest.Message {
	p.w.t.Helper()
	p.clk.advance(2 * time.Second)
	return last(p.w.t, p.w.press(p.u, label))
}

func (p tapper) send(text string) *telegramtest.Message {
	p.w.t.Helper()
	p.clk.advance(2 * time.Second)
	return last(p.w.t, p.w.send(p.u, text))
}

// twice taps label on m twice, the second tap landing at the same spot of
// the message once the first redrew it (tapSpot: from its top, or from its
// bottom), at once: the bot's clock stands still between the two. It says
// where the second tap landed.
func (p tapper) twice(m *telegramtest.Message, label string, fromBottom bool) string {
	p.w.t.Helper()
	row, col := spotOf(p.w.t, m, label)
	p.clk.advance(2 * time.Second) // the first tap: m was read
	return p.w.tapSpot(p.u, m, row, col, fromBottom)
}

// birthCase takes a new volunteer to step 1 of the birth registration
// (its checklist read), with the reminder agreed or not.
func (p tapper) birthCase(reminder bool) *telegramtest.Message {
	p.w.t.Helper()
	g := guide(p.w.t, "khai-sinh")
	p.send("/new")
	p.press(g.Title.Vi)
	if reminder {
		p.press(p.w.vi("consent.yes"))
	} else {
		p.press(p.w.vi("consent.no"))
	}
	return p.press(p.w.vi("case.begin"))
}

// Review 31C: every button of a case's screen carries the conversation's
// version, so a second tap carrying the old message's data is out of date.
// But a second tap that left the phone once the first had redrawn the
// message lands on the new screen's button at the same spot, at its new
// version, and was taken: a double tap on ✓ Xong marked the next step done
// unread, on Bỏ qua skipped it, on the last step's ✓ chose the outcome
// (and the case closed), on an outcome chose a reason or "no code", on
// the first procedure of /new agreed to the reminders unread, on ✓ Không
// cần làm thủ tục confirmed it, on ⏸ ended the case, on ⚠ Gặp lỗi
// recorded the first error. A press that records a choice, come within
// the guard of its screen, is asked again now; pressed again once read, it
// is taken.
func TestReview31CSecondTapRecordsNothing(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	g := guide(t, "khai-sinh")
	n := 0
	newTapper := func() tapper {
		n++
		return tapper{w: w, clk: clk, u: w.volunteer("Đúp " + strings.Repeat("I", n))}
	}
	// asked says the second tap, on label, was asked again.
	asked := func(t *testing.T, p tapper, label string) {
		t.Helper()
		if got, want := lastAnswer(t, p.u), w.vi("case.too_soon", locales.Data{"Button": label}); got != want {
			t.Errorf("second tap on %q answered %q, want %q", label, got, want)
		}
	}

	t.Run("done twice", func(t *testing.T) {
		for _, fromBottom := range []bool{false, true} {
			p := newTapper()
			m := p.birthCase(false)
			p.press(w.vi("case.done")) // step 2: no guide under it, a row less
			m = msgByID(t, p.u, m.ID)
			second := p.twice(m, w.vi("case.done"), fromBottom)
			if second != w.vi("case.done") {
				t.Fatalf("from the bottom %v: the second tap landed on %q", fromBottom, second)
			}
			c, es := w.lastCase(p.u)
			if c.Step != 2 || kinds(es) != "start checklist done1 done2" {
				t.Fatalf("from the bottom %v: a double tap on ✓ at step 2 left the case at step %d: %s", fromBottom, c.Step+1, kinds(es))
			}
			asked(t, p, second)
			// Pressed again once step 3 was read: done.
			p.press(w.vi("case.done"))
			if c, es := w.lastCase(p.u); c.Step != 3 || kinds(es) != "start checklist done1 done2 done3" {
				t.Errorf("✓ pressed on purpose: step %d, %s", c.Step+1, kinds(es))
			}
		}
	})

	t.Run("skip twice", func(t *testing.T) {
		p := newTapper()
		m := p.birthCase(false)
		p.press(w.vi("case.done"))
		m = msgByID(t, p.u, m.ID)
		if second := p.twice(m, w.vi("case.skip"), false); second != w.vi("case.skip") {
			t.Fatalf("the second tap landed on %q", second)
		}
		if c, es := w.lastCase(p.u); c.Step != 2 || kinds(es) != "start checklist done1 skip2" {
			t.Fatalf("a double tap on Bỏ qua left the case at step %d: %s", c.Step+1, kinds(es))
		}
	})

	// The last step's ✓ draws the outcome question: its first answer sits
	// where ✓ was.
	t.Run("last step's done twice", func(t *testing.T) {
		for _, fromBottom := range []bool{false, true} {
			p := newTapper()
			m := p.birthCase(false)
			for range len(g.Steps) - 1 {
				p.press(w.vi("case.done"))
			}
			m = msgByID(t, p.u, m.ID)
			second := p.twice(m, w.vi("case.done"), fromBottom)
			c, _ := w.lastCase(p.u)
			if c.Status != storage.CaseOpen || c.Phase != storage.PhaseOutcome || c.Outcome.Valid {
				t.Fatalf("from the bottom %v: a double tap on the last ✓ (second on %q): %s %s %v", fromBottom, second, c.Status, c.Phase, c.Outcome)
			}
			if second != "" && second != w.vi("case.back_to_steps") {
				asked(t, p, second)
			}
		}
	})

	// "Không nộp được" draws the reasons: one sits where it was.
	t.Run("outcome twice", func(t *testing.T) {
		p := newTapper()
		p.birthCase(false)
		var m *telegramtest.Message
		for range g.Steps {
			m = p.press(w.vi("case.done"))
		}
		failed := w.vi("outcome.not_submitted")
		second := p.twice(m, failed, false)
		if c, _ := w.lastCase(p.u); c.Status != storage.CaseOpen || c.Reason.Valid {
			t.Fatalf("a double tap on %q (second on %q) closed the case: %s, reason %v", failed, second, c.Status, c.Reason)
		}
		asked(t, p, second)
	})

	// "Đã nộp hồ sơ", the reminder agreed, draws the code question: "no
	// code" sits where it was.
	t.Run("submitted twice", func(t *testing.T) {
		p := newTapper()
		p.birthCase(true)
		var m *telegramtest.Message
		for range g.Steps {
			m = p.press(w.vi("case.done"))
		}
		row, _ := spotOf(t, m, w.vi("outcome.submitted"))
		if row != 0 {
			t.Fatalf("submitted on row %d: %v", row, m.Buttons())
		}
		second := p.twice(m, w.vi("outcome.submitted"), false)
		if c, _ := w.lastCase(p.u); c.Status != storage.CaseOpen || c.Phase != storage.PhaseDossier {
			t.Fatalf("a double tap on submitted (second on %q): %s %s", second, c.Status, c.Phase)
		}
		asked(t, p, second)
	})

	// The first procedure of /new draws its consent: "yes, remind" sits
	// where it was, and agreed for a resident who heard nothing.
	t.Run("procedure twice", func(t *testing.T) {
		p := newTapper()
		m := p.send("/new")
		first := m.Keyboard[0][0].Text
		second := p.twice(m, first, false)
		var cases int
		if err := w.store.DB().Get(&cases, `SELECT count(*) FROM cases WHERE volunteer_id = $1`, p.u.ID); err != nil {
			t.Fatal(err)
		}
		if cases != 0 {
			t.Fatalf("a double tap on %q (second on %q) started a case", first, second)
		}
		asked(t, p, second)
	})

	// ✕ Không đủ điều kiện asks once; its "✓ End the case" sits, from
	// the message's bottom, where it was.
	t.Run("not eligible twice", func(t *testing.T) {
		p := newTapper()
		p.send("/new")
		p.press(g.Title.Vi)
		m := p.press(w.vi("consent.no"))
		second := p.twice(m, w.vi("case.not_eligible"), true)
		if c, _ := w.lastCase(p.u); c.Status != storage.CaseOpen {
			t.Fatalf("a double tap on %q (second on %q) ended the case: %s %v", w.vi("case.not_eligible"), second, c.Status, c.Reason)
		}
		asked(t, p, second)
	})

	// ⏸ draws the pause message: ⏹ End sits where ⏸'s row was.
	t.Run("pause twice", func(t *testing.T) {
		p := newTapper()
		m := p.birthCase(false)
		second := p.twice(m, w.vi("case.pause"), false)
		c, _ := w.lastCase(p.u)
		if c.Status != storage.CasePaused || c.Phase != storage.PhaseSteps || c.EndedFrom.Valid {
			t.Fatalf("a double tap on ⏸ (second on %q): %s %s ended from %v", second, c.Status, c.Phase, c.EndedFrom)
		}
		asked(t, p, second)
		// End pressed on purpose: why it could not be done.
		p.press(second)
		if c, _ := w.lastCase(p.u); !c.EndedFrom.Valid {
			t.Errorf("End pressed on purpose: %s %s", c.Status, c.Phase)
		}
	})

	// ⚠ Gặp lỗi draws the step's errors: the first sits where it was.
	t.Run("problem twice", func(t *testing.T) {
		p := newTapper()
		m := p.birthCase(false)
		second := p.twice(m, w.vi("case.problem"), false)
		if _, es := w.lastCase(p.u); kinds(es) != "start checklist" {
			t.Fatalf("a double tap on ⚠ (second on %q): %s", second, kinds(es))
		}
		asked(t, p, second)
	})

	// An error chosen draws its fix: "✓ Đã xử lý – xong bước" sits where
	// it was, and marked the step done.
	t.Run("error twice", func(t *testing.T) {
		p := newTapper()
		p.birthCase(false)
		m := p.press(w.vi("case.problem"))
		first := m.Keyboard[0][0].Text
		second := p.twice(m, first, false)
		if _, es := w.lastCase(p.u); kinds(es) != "start checklist problem1(muc-1)" {
			t.Fatalf("a double tap on %q (second on %q): %s", first, second, kinds(es))
		}
		asked(t, p, second)
	})
}

// Review 31C: /tally's unit list gives way to the period screen, whose
// periods fill the rows where the communes were: the second tap of a
// double tap on a commune, landed on a period, made a report nobody asked
// for and ended the flow. A period pressed as the screen was just drawn is
// asked again; pressed once read, it makes its report.
func TestReview31CTallySecondTapMakesNoReport(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	for _, fromBottom := range []bool{false, true} {
		p := tapper{w: w, clk: clk, u: w.member("Phương", storage.RoleProvinceCoordinator, "")}
		p.send("/tally")
		units := p.press(w.vi("tally.change_unit"))
		var commune string
		for _, b := range units.Buttons() {
			if strings.HasPrefix(b.CallbackData, "t:u:c") {
				commune = b.Text
				break
			}
		}
		if commune == "" {
			t.Fatalf("no commune on %q: %v", units.Text, units.Buttons())
		}
		row, col := spotOf(t, units, commune)
		if fromBottom {
			// The list's last commune: from the bottom, where the
			// periods' rows are.
			for i, r := range units.Keyboard {
				if strings.HasPrefix(r[0].CallbackData, "t:u:c") {
					row, col, commune = i, 0, r[0].Text
				}
			}
		}
		clk.advance(2 * time.Second)
		second := w.tapSpot(p.u, units, row, col, fromBottom)
		if f := w.flowOf(p.u); f != "t" {
			t.Fatalf("from the bottom %v: a double tap on %q (second on %q) ended /tally (flow %q): a report made", fromBottom, commune, second, f)
		}
		if got, want := lastAnswer(t, p.u), w.vi("tally.too_soon", locales.Data{"Button": second}); got != want {
			t.Errorf("from the bottom %v: second tap on %q answered %q, want %q", fromBottom, second, got, want)
		}
		if m := p.press(second); w.flowOf(p.u) == "t" {
			t.Errorf("%q pressed on purpose: no report (%q)", second, m.Text)
		}
	}
}

// openedFollowupRead is openedFollowup for a world with a tap guard on
// the bot's clock clk: the volunteer reads each screen (two seconds) before
// pressing, so that no press of the case is taken for a second tap.
func (w *world) openedFollowupRead(clk *clock, volunteer, code string) (int64, string, *telegramtest.User) {
	w.t.Helper()
	p := tapper{w: w, clk: clk, u: w.volunteer(volunteer)}
	g := guide(w.t, "khai-sinh")
	p.send("/new")
	p.press(g.Title.Vi)
	p.press(w.vi("consent.yes"))
	p.press(w.vi("case.begin"))
	for range g.Steps {
		p.press(w.vi("case.done"))
	}
	p.press(w.vi("outcome.submitted"))
	clk.advance(2 * time.Second)
	ms := fresh(w.send(p.u, code))
	c, _ := w.lastCase(p.u)
	token := qrToken(w.t, ms[0].Photo)
	res := w.srv.NewUser("Cư dân", "vi")
	clk.advance(2 * time.Second)
	w.send(res, "/start "+token)
	return c.ID, token, res
}
