package jobs_test

import (
	"context"
	"database/sql"
	"log/slog"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestMain(m *testing.M) { storagetest.Main(m) }

type sayArgs struct {
	Chat int64  `json:"chat"`
	Text string `json:"text"`
}

func (sayArgs) Kind() string { return "test_say" }

// sayWorker sends a message and completes its job in one transaction.
type sayWorker struct {
	river.WorkerDefaults[sayArgs]
	db *sql.DB
}

func (w *sayWorker) Work(ctx context.Context, job *river.Job[sayArgs]) error {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := bot.Enqueue(ctx, tx, bot.Message{ChatID: job.Args.Chat, Text: job.Args.Text}); err != nil {
		return err
	}
	if _, err := river.JobCompleteTx[*riverdatabasesql.Driver](ctx, tx, job); err != nil {
		return err
	}
	return tx.Commit()
}

// A job inserted in a transaction of the bot's pool, scheduled for later by
// a stopped clock, runs only once the clock gets there, and its message and
// its completion commit together.
func TestScheduledJobRunsOnTheClockAndSendsOnce(t *testing.T) {
	ctx := context.Background()
	store := storagetest.Open(t)
	db := store.DB().DB
	clock := &jobs.Clock{}
	start := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	clock.Set(start)
	workers := river.NewWorkers()
	river.AddWorker(workers, &sayWorker{db: db})
	client, err := jobs.New(db, jobs.Config{Workers: workers, Clock: clock, Poll: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.InsertTx(ctx, tx, sayArgs{Chat: 7, Text: "hello"}, &river.InsertOpts{ScheduledAt: start.Add(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	done, cancel := client.Subscribe(river.EventKindJobCompleted)
	defer cancel()
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer client.Stop(context.Background())

	outbox := func() int {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE chat_id = 7`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	time.Sleep(1500 * time.Millisecond)
	if n := outbox(); n != 0 {
		t.Fatalf("a job due tomorrow ran today: %d messages", n)
	}
	clock.Advance(24*time.Hour + time.Second)
	select {
	case ev := <-done:
		if ev.Job.Kind != "test_say" {
			t.Fatalf("completed %s", ev.Job.Kind)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the job did not run once its time came")
	}
	if n := outbox(); n != 1 {
		t.Fatalf("messages in the outbox = %d, want 1", n)
	}
}

// Retention runs as River's periodic job at start: a handled update older
// than the runtime keeps, by the clock's time, is gone; a newer one stays.
func TestRetentionRunsAsAPeriodicJob(t *testing.T) {
	ctx := context.Background()
	store := storagetest.Open(t)
	db := store.DB().DB
	clock := &jobs.Clock{}
	now := time.Now()
	clock.Set(now.Add(30 * 24 * time.Hour))
	if _, err := db.ExecContext(ctx, `INSERT INTO updates (update_id, chat_id, status, finished_at)
		VALUES (1, 5, 'done', $1), (2, 5, 'done', $2)`, now, now.Add(30*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &jobs.RetentionWorker{Store: store, Inbox: bot.NewStore(store.DB()), Clock: clock, Log: slog.New(slog.DiscardHandler)})
	client, err := jobs.New(db, jobs.Config{Workers: workers, Clock: clock, Poll: 50 * time.Millisecond,
		Periodic: []*river.PeriodicJob{jobs.Retention()}})
	if err != nil {
		t.Fatal(err)
	}
	done, cancel := client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
	defer cancel()
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer client.Stop(context.Background())
	select {
	case ev := <-done:
		if ev.Kind != river.EventKindJobCompleted || ev.Job.Kind != "retention" {
			t.Fatalf("event %s of %s: %v", ev.Kind, ev.Job.Kind, ev.Job.Errors)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("retention did not run at start")
	}
	var left []int64
	rows, err := db.QueryContext(ctx, `SELECT update_id FROM updates ORDER BY update_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		left = append(left, id)
	}
	if len(left) != 1 || left[0] != 2 {
		t.Fatalf("updates left = %v, want [2]", left)
	}
}
