package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage/storagetest"
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

// A pool whose every connection is busy (a burst of updates) makes the
// watch's ping wait past its limit: the database answers all along, and
// the watch must not tell the operator it cannot be reached.
func TestDatabaseWatchTellsABusyPoolFromAnOutage(t *testing.T) {
	store := storagetest.Open(t)
	db := store.DB()
	max := db.Stats().MaxOpenConnections
	if max == 0 {
		t.Fatal("the test's pool has no limit: it cannot be filled")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for i := 0; i < max; i++ { // every connection held, each in a statement
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
	}
	if st := db.Stats(); st.InUse != max {
		t.Fatalf("%d of %d connections in use: the pool is not full", st.InUse, max)
	}
	var out lockedBuffer
	log := slog.New(slog.NewTextHandler(&out, nil))
	watch, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); watchDatabase(watch, store, log, 100*time.Millisecond) }()
	// The second ping waiting for a connection: the first one's wait
	// ended (its 3 s) and the watch acted on it.
	for deadline := time.Now().Add(30 * time.Second); db.Stats().WaitCount < 2 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	<-done
	if db.Stats().WaitCount < 2 {
		t.Fatal("the watch never waited for a connection: the test proves nothing")
	}
	if got := out.String(); strings.Contains(got, "cannot be reached") {
		t.Errorf("a busy pool was told as an outage:\n%s", got)
	}
}
