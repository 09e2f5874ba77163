// Package jobs is the bot's durable scheduled work: River
// (github.com/riverqueue/river) over database/sql with lib/pq, in poll mode.
// A job lives in PostgreSQL (river_job) from the moment it is inserted —
// in the transaction that decided it — until a worker completes it in the
// transaction of its effects, so a job is never lost across restarts or
// replicas, and never done twice.
//
// The package knows nothing about volunteers or residents: it migrates
// River's tables, runs the client with the workers and periodic jobs it is
// given, and offers a clock that tests can move.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"
)

// Client is River's client over database/sql: jobs are inserted with
// InsertTx in a *sql.Tx.
type Client = river.Client[*sql.Tx]

// Migrate creates or upgrades River's tables. Replicas starting together
// are safe: River migrates under its own lock.
func Migrate(ctx context.Context, db *sql.DB, log *slog.Logger) error {
	m, err := rivermigrate.New(riverdatabasesql.New(db), &rivermigrate.Config{Logger: quiet(log)})
	if err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("migrate job queue tables: %w", err)
	}
	for _, v := range res.Versions {
		log.Info("migration applied", "version", v.Version, "file", "river/"+v.Name, "took", v.Duration)
	}
	return nil
}

// SchemaVersion names the River schema Migrate creates, for test templates:
// a new River version with a new migration makes a new template.
func SchemaVersion() string {
	m, err := rivermigrate.New(riverdatabasesql.New(nil), nil)
	if err != nil {
		panic("jobs: river migrator: " + err.Error()) // no database is touched: a build bug
	}
	all := m.AllVersions()
	return fmt.Sprintf("river-%d", all[len(all)-1].Version)
}

// Config is what the client runs.
type Config struct {
	// Workers are the job kinds this process works (river.AddWorker).
	Workers *river.Workers
	// Periodic jobs are inserted by the elected leader on their schedule.
	Periodic []*river.PeriodicJob
	// Clock replaces the time River (and the bot's own workers) see; nil:
	// the real time.
	Clock *Clock
	// Poll is how often idle workers look for work (default 1 s).
	Poll time.Duration
	Log  *slog.Logger
}

// New makes a client; Start runs it.
func New(db *sql.DB, cfg Config) (*Client, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Poll == 0 {
		cfg.Poll = time.Second
	}
	rc := &river.Config{
		Logger:            quiet(cfg.Log),
		PollOnly:          true, // lib/pq: no LISTEN through database/sql
		FetchPollInterval: cfg.Poll,
		FetchCooldown:     min(cfg.Poll, 100*time.Millisecond),
		Queues:            map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 4}},
		Workers:           cfg.Workers,
		PeriodicJobs:      cfg.Periodic,
		// A job that fails keeps being retried with River's backoff for
		// days; completed jobs are kept a day for inspection.
		MaxAttempts:                 25,
		CompletedJobRetentionPeriod: 24 * time.Hour,
		JobTimeout:                  2 * time.Minute,
	}
	if cfg.Clock != nil {
		rc.Test.Time = cfg.Clock
		// River stamps an attempt with the stopped clock but looks for
		// stuck jobs by the real one: a job attempted "in September" would
		// be rescued while it runs.
		rc.RescueStuckJobsAfter = 100 * 365 * 24 * time.Hour
		// Nor are completed jobs cleaned by a clock moved days ahead:
		// a test counts the jobs a week's digests left.
		rc.CompletedJobRetentionPeriod = 100 * 365 * 24 * time.Hour
	}
	return river.NewClient(riverdatabasesql.New(db), rc)
}

// quiet keeps River's chatter at warnings and above.
func quiet(log *slog.Logger) *slog.Logger {
	if log == nil {
		log = slog.Default()
	}
	return slog.New(warnOnly{log.Handler()})
}

type warnOnly struct{ slog.Handler }

func (w warnOnly) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && w.Handler.Enabled(ctx, l)
}

// Clock is a time that tests can stop and move; left alone it is the real
// time. It implements River's time generator, so River schedules by it too.
type Clock struct {
	mu  sync.RWMutex
	now *time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	if c == nil {
		return time.Now()
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.now == nil {
		return time.Now()
	}
	return *c.now
}

// NowOrNil is for River: the stopped time, or nil for the real one.
func (c *Clock) NowOrNil() *time.Time {
	if c == nil {
		return nil
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.now == nil {
		return nil
	}
	t := *c.now
	return &t
}

// Set stops the clock at t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = &t
}

// Advance moves a stopped clock by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.now == nil {
		t := time.Now()
		c.now = &t
	}
	t := c.now.Add(d)
	c.now = &t
}
