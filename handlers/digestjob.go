package handlers

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage"
)

// The weekly digest: every Monday at 07:30, Vietnam time, each coordinator
// who has not turned it off (/digest off) gets last week's tally of their
// unit (the one they coordinate, even for an administrator), with its
// chart and spreadsheet. Three River jobs make it:
//
//   - DigestArgs{Week} waits, scheduled, for its Monday 07:30. It is unique
//     by its week, so however many replicas or restarts insert it, one
//     exists; when it runs it inserts one DigestToArgs per coordinator and
//     the next week's DigestArgs, in the transaction that completes it.
//   - DigestToArgs{Week, User}, unique too, builds that coordinator's tally
//     and writes it into the outbox in the transaction that completes the
//     job: the digest is sent once, or not at all if the job is retried.
//   - At start, EnsureDigest inserts the next Monday's DigestArgs: the chain
//     begins, or (unique) nothing happens.
const (
	digestWeekday = time.Monday
	digestHour    = 7
	digestMinute  = 30
	// digestStale: a digest more than this late (the bot was down for
	// days) is not sent; the next week's comes on time.
	digestStale = 3 * 24 * time.Hour
)

// DigestArgs is the digest of the week that ended before Week (a Monday,
// "2006-01-02", Vietnam time).
type DigestArgs struct {
	Week string `json:"week"`
}

// Kind implements river.JobArgs.
func (DigestArgs) Kind() string { return "digest" }

// InsertOpts: one digest per week, whoever inserts it.
func (DigestArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// DigestToArgs is one coordinator's digest of a week.
type DigestToArgs struct {
	Week string `json:"week"`
	User int64  `json:"user"`
}

// Kind implements river.JobArgs.
func (DigestToArgs) Kind() string { return "digest_to" }

// InsertOpts: one per coordinator per week.
func (DigestToArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// nextDigest is the first digest time after now: a Monday 07:30 in Vietnam.
func nextDigest(now time.Time) time.Time {
	d := now.In(vietnam)
	at := time.Date(d.Year(), d.Month(), d.Day(), digestHour, digestMinute, 0, 0, vietnam)
	for at.Weekday() != digestWeekday || !at.After(now) {
		at = at.AddDate(0, 0, 1)
	}
	return at
}

// digestWeek parses a digest's Monday and returns when it is due and the
// week it reports: the seven days before that Monday.
func digestWeek(week string) (due time.Time, period storage.Period, err error) {
	monday, err := time.ParseInLocation(time.DateOnly, week, vietnam)
	if err != nil || monday.Weekday() != digestWeekday {
		return time.Time{}, storage.Period{}, fmt.Errorf("digest: %q is not a Monday", week)
	}
	due = monday.Add(digestHour*time.Hour + digestMinute*time.Minute)
	return due, storage.Period{From: monday.AddDate(0, 0, -7), To: monday}, nil
}

func digestArgs(at time.Time) (DigestArgs, *river.InsertOpts) {
	monday := at.In(vietnam)
	return DigestArgs{Week: monday.Format(time.DateOnly)}, &river.InsertOpts{ScheduledAt: at}
}

// EnsureDigest inserts the next weekly digest if it is not waiting yet.
func (h *Handlers) EnsureDigest(ctx context.Context, client *river.Client[*sql.Tx]) error {
	args, opts := digestArgs(nextDigest(h.now()))
	_, err := client.Insert(ctx, args, opts)
	return err
}

// AddWorkers registers the handlers' jobs with the queue.
func (h *Handlers) AddWorkers(w *river.Workers) {
	river.AddWorker(w, &digestWorker{h: h})
	river.AddWorker(w, &digestToWorker{h: h})
	river.AddWorker(w, &reminderSweepWorker{h: h})
}

// PeriodicJobs are the handlers' jobs that run on a schedule.
func (h *Handlers) PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{ReminderSweep()}
}

type digestWorker struct {
	river.WorkerDefaults[DigestArgs]
	h *Handlers
}

// Work fans the week's digest out to its coordinators and schedules the
// next week's, all in the transaction that completes the job.
func (w *digestWorker) Work(ctx context.Context, job *river.Job[DigestArgs]) error {
	due, _, err := digestWeek(job.Args.Week)
	if err != nil {
		return river.JobCancel(err)
	}
	client := river.ClientFromContext[*sql.Tx](ctx)
	return w.h.store.InTx(ctx, func(tx *storage.Tx) error {
		sqlTx := tx.SQL()
		now := w.h.now()
		if now.Sub(due) <= digestStale {
			ids, err := tx.DigestRecipients(ctx)
			if err != nil {
				return err
			}
			if len(ids) > 0 {
				params := make([]river.InsertManyParams, len(ids))
				for i, id := range ids {
					params[i] = river.InsertManyParams{Args: DigestToArgs{Week: job.Args.Week, User: id}}
				}
				if _, err := client.InsertManyTx(ctx, sqlTx, params); err != nil {
					return err
				}
			}
		} else {
			w.h.log.Warn("digest: too late to send, skipped", "week", job.Args.Week, "due", due)
		}
		from := now
		if due.After(now) {
			from = due // a job run early by hand schedules the week after it
		}
		next, opts := digestArgs(nextDigest(from))
		if _, err := client.InsertTx(ctx, sqlTx, next, opts); err != nil {
			return err
		}
		_, err := river.JobCompleteTx[*riverdatabasesql.Driver](ctx, sqlTx, job)
		return err
	})
}

type digestToWorker struct {
	river.WorkerDefaults[DigestToArgs]
	h *Handlers
}

// Work writes one coordinator's digest into the outbox and completes the
// job in one transaction. Someone who turned the digest off, is no longer
// a coordinator, or blocked the bot since the week's job fanned out gets
// nothing: nothing is drawn for them.
func (w *digestToWorker) Work(ctx context.Context, job *river.Job[DigestToArgs]) error {
	_, period, err := digestWeek(job.Args.Week)
	if err != nil {
		return river.JobCancel(err)
	}
	return w.h.store.InTx(ctx, func(tx *storage.Tx) error {
		u, err := tx.User(ctx, job.Args.User)
		if err != nil && err != storage.ErrNotFound {
			return err
		}
		// The unit they coordinate, by their stored role: an administrator
		// (ADMIN_TELEGRAM_IDS) who also coordinates a commune gets that
		// commune's week, as its other coordinators do; the country's is
		// on /tally whenever they ask.
		if scope, ok := storage.ScopeOf(u, false); ok && u.Digest && !u.BlockedAt.Valid && digestFor(u.Role) {
			replies, err := w.h.TallyReplies(ctx, tx, u.TelegramID, u.Language, scope, period)
			if err != nil {
				return err
			}
			// The digest is the report on screen now: a period typed next
			// counts its unit (tallyAfter), not one picked on an older one.
			after := tallyAfter{Made: true, At: w.h.now()}
			if own, _ := storage.ScopeOf(u, w.h.admins[u.TelegramID]); own != scope {
				after.Report = unitCode(scope)
			}
			if err := tx.KeepAfterFlow(ctx, u.TelegramID, after); err != nil {
				return err
			}
			if err := bot.Enqueue(ctx, tx.SQL(), replies...); err != nil {
				return err
			}
		}
		_, err = river.JobCompleteTx[*riverdatabasesql.Driver](ctx, tx.SQL(), job)
		return err
	})
}
