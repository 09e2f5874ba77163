package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/workdays"
)

// withDays is the test catalog with guide id promising days working days.
func withDays(t *testing.T, id string, days int) *guides.Catalog {
	t.Helper()
	var gs []*guides.Guide
	for _, g := range catalog.All() {
		c := *g
		if c.ID == id {
			if c.ProcessingDays == days {
				t.Fatalf("%s promises %d days already", id, days)
			}
			c.ProcessingDays = days
		}
		gs = append(gs, &c)
	}
	return guides.NewCatalog(gs...)
}

// A due date counted over days off not announced yet (Tết 2027) is told
// the resident "(có thể thay đổi)" and counted again at start
// (RedateEstimates) — with the guide's working days of that day: a guide
// updated since (its result now promised in 5 working days, not 3) moved
// the date already told on the slip, the page and in the bot, for no
// reason the resident could see. Found in review 15. What may move the
// date is what the mark says: the calendar (the days off announced); the
// working days stay those of the promise, the guide's when the code was
// kept.
func TestEstimateCountedAgainKeepsThePromisedDays(t *testing.T) {
	clock := &jobs.Clock{}
	submitted := vn(2027, 2, 3, 10, 0) // Wednesday, before Tết Đinh Mùi
	clock.Set(submitted)
	w := newWorld(t, handlers.WithClock(clock.Now))
	v := w.volunteer("Vân")
	w.finishWithCode(v, "000.00.12.H26-270203-0150")
	c, _ := w.lastCase(v)
	days := guide(t, "khai-sinh").ProcessingDays
	promised, known := workdays.Default().Due(c.FinishedAt.Time, days)
	if known {
		t.Fatalf("the calendar counts %v as sure; the test needs an estimate", promised)
	}
	due := func() string {
		var d time.Time
		if err := w.store.DB().Get(&d, `SELECT due_on FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		return d.Format(time.DateOnly)
	}
	if got := due(); got != promised.Format(time.DateOnly) {
		t.Fatalf("due %s, want %s", got, promised.Format(time.DateOnly))
	}

	// A deploy: the guide now says 5 working days; the calendar is the same.
	later := handlers.New(w.store, w.texts, withDays(t, "khai-sinh", days+2), handlers.WithClock(clock.Now))
	n, err := later.RedateEstimates(context.Background())
	if err != nil || n != 0 || due() != promised.Format(time.DateOnly) {
		t.Errorf("after a guide's update, counted again: %d, %v; due %s, want %s kept", n, err, due(), promised.Format(time.DateOnly))
	}

	// The calendar changed (simulated: the date was counted by a file that
	// did not know Tết 2027): counted again over the calendar of today,
	// with the promise's 3 days, not the guide's 5.
	if _, err := w.store.DB().Exec(`UPDATE followups SET due_on = '2027-02-08', next_reminder_on = '2027-02-09' WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := later.RedateEstimates(context.Background()); err != nil || n != 1 || due() != promised.Format(time.DateOnly) {
		t.Errorf("after the calendar changed: %d, %v; due %s, want %s", n, err, due(), promised.Format(time.DateOnly))
	}
}
