package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 27E, item 2: ⏹ pressed on an old pause message of a case taken
// up since (open) sets the case aside on the screen the chat shows it on
// and takes it up again at once (review 27A: a pause and a resume, so
// that ← returns there). Stamped at the tap, that pair split the stretch
// around it in two, each counted up to 30 minutes: a case idle 40
// minutes before the tap and 40 after counted 60 minutes of it in its
// active time (the summary, /me, the tallies' median, the cases sheet)
// where the same taps on a case never paused counted 30. It counts 30.
func TestReview27EEndOnAnOldPauseMessageAddsNoActiveTime(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Nút cũ, đồng hồ")
	w.startBirthCase(v)
	id := caseNo(w, v)
	clk.advance(2 * time.Minute)
	paused := last(t, w.press(v, w.vi("case.pause"))) // 2 minutes
	clk.advance(10 * time.Minute)                     // paused: not counted
	w.send(v, "/resume")
	clk.advance(3 * time.Minute)
	w.press(v, w.vi("case.done")) // 3 minutes
	clk.advance(40 * time.Minute)
	if m := last(t, w.pressOn(v, paused.ID, w.vi("case.end_button"))); !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
		t.Fatalf("⏹ on the old pause message: %q", m.Text)
	}
	clk.advance(40 * time.Minute) // 80 minutes without a step: 30 count
	m := last(t, w.press(v, w.vi("reason.portal_error")))

	minutes := 2 + 3 + 30
	if got := w.activeSeconds(id); got != minutes*60 {
		_, es := w.caseByID(v, id)
		t.Errorf("active_seconds = %d, want %d (2 min, 3 min, then 80 min idle as 30); events %s", got, minutes*60, kindsAndNotes(es))
	}
	want := w.vi("summary.time", locales.Data{"Time": w.vi("time.minutes", locales.Data{"Minutes": minutes})})
	if !strings.Contains(m.Text, want) {
		t.Errorf("summary says %q, want %q", m.Text, want)
	}
}
