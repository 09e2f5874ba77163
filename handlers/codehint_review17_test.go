package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// The hint "/new, then the code within N minutes" for the case that ended
// without one said 1 minute with seconds left, and the code sent as told a
// minute later was "no case waits for a code". The hint never promises
// less than the time to do it, and the code typed within what it promised
// is offered; typed once attaching is over, the volunteer is told that
// case can no longer take it, not that no case waits.
func TestCodeHintAtTheEdgeOfTheWindow(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Sát giờ")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	clk.advance(29*time.Minute + 30*time.Second)
	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, "Đăng ký tạm trú")
	const code = "000.00.12.H26-251127-0001"
	m := last(t, w.send(u, code))
	want := w.vi("case.code_of_case_before_new", locales.Data{"Case": first, "Minutes": 3})
	if !strings.HasPrefix(m.Text, want+"\n\n") {
		t.Fatalf("the code typed with 30 seconds left: %q; want %q above the consent", m.Text, want)
	}

	// As told, nearly three minutes later: offered.
	clk.advance(2*time.Minute + 50*time.Second)
	w.send(u, "/new")
	attach := w.vi("case.attach_button", locales.Data{"Case": first})
	if m = last(t, w.send(u, code)); !hasButton(m, attach) {
		t.Fatalf("the code sent within the minutes promised: %q %v; want %q", m.Text, m.Buttons(), attach)
	}

	// Long after: that case can no longer take it, and is named.
	clk.advance(20 * time.Minute)
	w.send(u, "/new")
	m = last(t, w.send(u, code))
	if want := w.vi("case.code_too_late", locales.Data{"Case": first, "Minutes": 30}); m.Text != want {
		t.Errorf("the code sent 52 minutes after the case: %q; want %q", m.Text, want)
	}
}
