package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// activeSeconds is what a case's row keeps as its active time (what the
// tallies' median counts).
func (w *world) activeSeconds(id int64) int {
	w.t.Helper()
	var s int
	if err := w.store.DB().Get(&s, `SELECT active_seconds FROM cases WHERE id = $1`, id); err != nil {
		w.t.Fatal(err)
	}
	return s
}

// A case left open over a night without ⏸ counted the night: only pauses
// were taken out of its active time, so 16 hours idle showed "Thời gian:
// 960 phút" and went into the summary, /me and the tallies' median. A
// stretch without a tap now counts up to 30 minutes (storage.ActiveGap).
func TestIdleHoursAreNotActiveTime(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	g := guide(t, "khai-sinh")
	u := w.volunteer("Ngủ quên")
	w.startBirthCase(u)
	clk.advance(3 * time.Minute)
	w.press(u, w.vi("case.done"))
	clk.advance(16 * time.Hour) // left open, not paused: the night
	w.press(u, w.vi("case.done"))
	for range g.Steps[2:] {
		clk.advance(time.Minute)
		w.press(u, w.vi("case.done"))
	}
	clk.advance(time.Minute)
	m := last(t, w.press(u, w.vi("outcome.on_the_spot")))

	minutes := 3 + 30 + len(g.Steps) - 2 + 1
	if minutes >= 60 {
		t.Fatalf("the guide is longer than this test counts on: %d minutes", minutes)
	}
	c, _ := w.lastCase(u)
	if got := w.activeSeconds(c.ID); got != minutes*60 {
		t.Errorf("active_seconds = %d, want %d (3 min, the night as 30, then a minute a step)", got, minutes*60)
	}
	want := w.vi("summary.time", locales.Data{"Time": w.vi("time.minutes", locales.Data{"Minutes": minutes})})
	if !strings.Contains(m.Text, want) {
		t.Errorf("summary says %q, want %q", m.Text, want)
	}
	me := last(t, w.send(u, "/me"))
	if want := w.vi("tally.median", locales.Data{"Time": w.vi("time.minutes", locales.Data{"Minutes": minutes})}); !strings.Contains(me.Text, want) {
		t.Errorf("/me says %q, want %q", me.Text, want)
	}
}

// A case that really took hours says so in hours and minutes ("3 giờ 2
// phút"), not "182 phút", in its summary and in /me.
func TestLongActiveTimeReadsInHours(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	g := guide(t, "khai-sinh")
	u := w.volunteer("Chậm rãi")
	w.startBirthCase(u)
	for range g.Steps {
		clk.advance(25 * time.Minute) // long, but each under the bound
		w.press(u, w.vi("case.done"))
	}
	clk.advance(7 * time.Minute)
	m := last(t, w.press(u, w.vi("outcome.on_the_spot")))

	minutes := 25*len(g.Steps) + 7
	c, _ := w.lastCase(u)
	if got := w.activeSeconds(c.ID); got != minutes*60 {
		t.Errorf("active_seconds = %d, want %d", got, minutes*60)
	}
	span := w.vi("time.hours_minutes", locales.Data{"Hours": minutes / 60, "Minutes": minutes % 60})
	if minutes%60 == 0 || minutes < 60 {
		t.Fatalf("pick another step time: %d minutes", minutes)
	}
	if want := w.vi("summary.time", locales.Data{"Time": span}); !strings.Contains(m.Text, want) {
		t.Errorf("summary says %q, want %q", m.Text, want)
	}
	if me := last(t, w.send(u, "/me")); !strings.Contains(me.Text, w.vi("tally.median", locales.Data{"Time": span})) {
		t.Errorf("/me says %q, want the median as %q", me.Text, span)
	}
}
