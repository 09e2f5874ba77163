package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A code offered past the 30 minutes, within the minutes a hint promised
// (codeHintFloor), is really attached when the button is pressed, even a
// minute after the offer: the button does not check the window again.
func TestCodeOfferedPastTheWindowIsAttached(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Gắn muộn")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	clk.advance(32*time.Minute + 20*time.Second)
	const code = "000.00.12.H26-251127-0002"
	attach := w.vi("case.attach_button", locales.Data{"Case": first})
	if m := last(t, w.send(u, code)); !hasButton(m, attach) {
		t.Fatalf("the code sent at minute 32: %q %v; want %q", m.Text, m.Buttons(), attach)
	}
	clk.advance(time.Minute)
	want := w.vi("case.attached", locales.Data{"Case": first, "Code": code})
	found := false
	for _, m := range w.press(u, attach) {
		if strings.HasPrefix(m.Text, want) {
			found = true
		}
	}
	if !found {
		t.Fatalf("pressing attach at minute 33 did not attach: want %q", want)
	}
}
