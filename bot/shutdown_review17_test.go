package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// syncLog is a log's output read while the log writes.
type syncLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncLog) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncLog) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// A delete of delivered replies under way when the bot stops was cut by
// the stop itself, and logged "cannot delete delivered replies yet; will
// retry ... context canceled": a warning at every shutdown for the
// operator's own stop (dvcbot bench ended on it). The last delete that
// follows the stop does the work, and says so only if it fails.
func TestShutdownDoesNotWarnOfItsOwnCancel(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	url := storagetest.URL(t)
	store, err := storage.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var logs syncLog
	log := slog.New(slog.NewTextHandler(&logs, nil))
	b := bottest.Start(t, srv, store, &oneByOne{}, bottest.WithRuntime(bot.WithLogger(log)))
	an := srv.NewUser("An", "vi")
	// The reply is sent slowly: it is claimed, and the table locked against
	// its delete, before Telegram takes it.
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Delay: 2 * time.Second, Count: 1, ChatID: an.ID})
	an.SendText("one")
	db := store.DB()
	waitFor(t, "the reply claimed", func() bool {
		var n int
		return db.Get(&n, `SELECT count(*) FROM outbox WHERE owner IS NOT NULL`) == nil && n == 1
	})
	var name string
	if err := db.Get(&name, `SELECT current_database()`); err != nil {
		t.Fatal(err)
	}
	lockDB, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer lockDB.Close()
	tx, err := lockDB.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`LOCK TABLE outbox IN SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	if _, err := an.Next(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	waiting := func() (started time.Time) {
		_ = lockDB.Get(&started, `SELECT coalesce(max(query_start), 'epoch') FROM pg_stat_activity
			WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM outbox%'`, name)
		return started
	}
	var first time.Time
	waitFor(t, "the delete of the delivered reply waiting", func() bool {
		first = waiting()
		return first.After(time.Unix(0, 0))
	})
	stopped := make(chan struct{})
	go func() { defer close(stopped); b.Stop() }()
	// The stop cancels that delete; the last one, after the stop, waits in
	// turn, and the table is let go.
	waitFor(t, "the last delete waiting", func() bool { return waiting().After(first) })
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	<-stopped
	var left int
	if err := db.Get(&left, `SELECT count(*) FROM outbox`); err != nil || left != 0 {
		t.Errorf("%d delivered replies left in the outbox (%v)", left, err)
	}
	if got := logs.String(); strings.Contains(got, "cannot delete delivered replies") || strings.Contains(got, "level=WARN") {
		t.Errorf("the stop logged a warning of its own cancel:\n%s", got)
	}
}
