package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage"
)

// RetentionArgs is the periodic forgetting docs/privacy.md promises:
// handled updates, parked updates, dropped replies, old notes, silent
// guests and their conversations, flows left untouched, ended follow-ups.
type RetentionArgs struct{}

// Kind implements river.JobArgs.
func (RetentionArgs) Kind() string { return "retention" }

// InsertOpts: one retention job an hour, whichever replica leads.
func (RetentionArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: RetentionEvery}}
}

// RetentionWorker applies retention with the clock's time.
type RetentionWorker struct {
	river.WorkerDefaults[RetentionArgs]
	Store *storage.Storage
	Inbox *bot.Store
	Clock *Clock
	Log   *slog.Logger
}

// Work implements river.Worker. Each step deletes what is past its time and
// commits by itself: a retry repeats only what is left.
func (w *RetentionWorker) Work(ctx context.Context, _ *river.Job[RetentionArgs]) error {
	now := w.Clock.Now()
	b, err := w.Inbox.ApplyRetention(ctx, now)
	if err != nil {
		return err
	}
	if b != (bot.Retained{}) {
		w.Log.Info("retention", "handled_updates", b.HandledUpdates, "parked_updates", b.ParkedUpdates, "dropped_replies", b.DroppedReplies)
	}
	r, err := w.Store.ApplyRetention(ctx, now)
	if err != nil {
		return err
	}
	if r != (storage.Retained{}) {
		w.Log.Info("retention", "retained", r)
	}
	return nil
}

// RetentionEvery is how often retention runs: its promises are in days,
// so an hour late is never late.
const RetentionEvery = time.Hour

// Retention returns the periodic retention job; it also runs at start.
func Retention() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(RetentionEvery),
		func() (river.JobArgs, *river.InsertOpts) { return RetentionArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true, ID: "retention"})
}
