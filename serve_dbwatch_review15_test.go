package main

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
	"github.com/jmoiron/sqlx"
)

// lockedBuffer is a log's output read while the log writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// A pool whose every connection is busy (a burst of updates) would make a
// ping on it wait past its limit: the database answers all along, and
// the watch, which pings on a connection of its own (review 16), must
// not tell the operator it cannot be reached.
func TestDatabaseWatchTellsABusyPoolFromAnOutage(t *testing.T) {
	ctx := context.Background()
	db, watchDB := busyPool(t)
	var out lockedBuffer
	log := slog.New(slog.NewTextHandler(&out, nil))
	watch, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); watchDatabase(watch, watchDB, log, 100*time.Millisecond, nil) }()
	// The watch's connection opened (its first ping), then some ten more
	// pings while the pool stays full.
	for deadline := time.Now().Add(30 * time.Second); watchDB.Stats().OpenConnections == 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second)
	stop()
	<-done
	if watchDB.Stats().OpenConnections == 0 {
		t.Fatal("the watch never pinged: the test proves nothing")
	}
	if got := out.String(); strings.Contains(got, "cannot be reached") {
		t.Errorf("a busy pool was told as an outage:\n%s", got)
	}
	if n := db.Stats().WaitCount; n != 0 {
		t.Errorf("the watch waited %d times for the bot's pool", n)
	}
}

// busyPool opens the bot's pool on a database of its own with every
// connection held (a burst of work), and the database watch's own
// connection (storage.OpenOne) beside it.
func busyPool(t *testing.T) (pool *sqlx.DB, watch *sql.DB) {
	t.Helper()
	url := storagetest.URL(t)
	store, err := storage.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	pool = store.DB()
	max := pool.Stats().MaxOpenConnections
	if max == 0 {
		t.Fatal("the bot's pool has no limit: it cannot be filled")
	}
	for range max {
		conn, err := pool.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
	}
	if st := pool.Stats(); st.InUse != max {
		t.Fatalf("%d of %d connections in use: the pool is not full", st.InUse, max)
	}
	if watch, err = storage.OpenOne(url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { watch.Close() })
	return pool, watch
}
