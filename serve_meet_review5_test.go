package main

// Where today's changes meet (review 5): the poller's advisory lock against
// a database restart and a rolling deploy.

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// pollerLockHolder is the backend pid that holds the poller's lock, 0 when
// nobody does.
func pollerLockHolder(t *testing.T, db *sqlx.DB) int {
	t.Helper()
	var pid int
	err := db.Get(&pid, `SELECT coalesce(max(pid), 0) FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
			AND (classid::bigint << 32 | objid::bigint) = $1`, int64(pollerLockKey))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// waitFor waits up to 20 s for ok; it says whether ok came.
func waitFor(ok func() bool) bool {
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return true
		}
	}
	return false
}

// leaseReply writes a reply to u leased to a live process (owner) for a
// minute, as one it is sending.
func leaseReply(t *testing.T, db *sqlx.DB, u *telegramtest.User, owner string) {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := bot.Enqueue(ctx, tx, bot.Message{ChatID: u.ID, Text: "sending"}); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE outbox SET owner = $2, lease_until = now() + interval '1 minute' WHERE chat_id = $1`, u.ID, owner); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// The poller's lock lives as long as its connection. A database restart
// (or a proxy, or idle_session_timeout) ends that session and the lock
// with it, and the first poller, alive, went on without it: a second one
// started after (a rolling deploy, a replica by mistake) found it free,
// took itself for the only one, and took over at its start the replies the
// first was sending — the chat got them twice. The holder now takes its
// lock again when its connection is gone.
func TestPollerLockOutlivesItsConnection(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	dbURL := storagetest.URL(t)
	db, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	env := opEnv(srv, dbURL)
	a := startOp(t, env)
	a.waitHealthy(t)
	first := pollerLockHolder(t, db)
	if first == 0 {
		t.Fatal("the first poller holds no lock: the test proves nothing")
	}
	if _, err := db.Exec(`SELECT pg_terminate_backend($1)`, first); err != nil {
		t.Fatal(err)
	}
	if !waitFor(func() bool { h := pollerLockHolder(t, db); return h != 0 && h != first }) {
		t.Fatal("the first poller did not take its lock again after its connection died")
	}

	u := srv.NewUser("Lan", "vi")
	leaseReply(t, db, u, "replica-a/1/alive")
	b := startOp(t, env)
	b.waitHealthy(t)
	time.Sleep(3 * time.Second) // a sweep of each
	if got := u.Messages(); len(got) != 0 {
		t.Fatalf("after the first poller's lock connection died, a second poller took over its live lease at start: %q", got[0].Text)
	}
	if len(b.lines("level=ERROR", "another instance")) == 0 {
		t.Errorf("the second poller did not say another one runs on its database")
	}
}

// A rolling deploy starts the new poller (B) before it stops the old (A):
// B, refused the lock, never took it, so once A was gone nobody held it,
// and the next deploy's new poller (C) took itself for the only one and
// took over B's live leases at its start. The one left now takes the lock.
func TestPollerLockPassesOnInARollingDeploy(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	dbURL := storagetest.URL(t)
	db, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	env := opEnv(srv, dbURL)
	a := startOp(t, env)
	a.waitHealthy(t)
	old := pollerLockHolder(t, db)
	if old == 0 {
		t.Fatal("the old poller holds no lock: the test proves nothing")
	}
	b := startOp(t, env)
	b.waitHealthy(t)
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := a.cmd.Wait(); err != nil {
		t.Fatalf("the old poller's stop: %v", err)
	}
	// The old poller's backend may still be listed as the holder for a
	// moment after it exits: wait for another holder, the one left (B).
	if !waitFor(func() bool { h := pollerLockHolder(t, db); return h != 0 && h != old }) {
		t.Fatal("the poller left from the last deploy did not take the lock once the old one was gone")
	}

	u := srv.NewUser("Lan", "vi")
	leaseReply(t, db, u, "replica-b/1/alive")
	c := startOp(t, env)
	c.waitHealthy(t)
	time.Sleep(3 * time.Second) // a sweep of each
	if got := u.Messages(); len(got) != 0 {
		t.Fatalf("the next deploy's poller took over the live lease of the one left from the last deploy: %q", got[0].Text)
	}
	if len(c.lines("level=ERROR", "another instance")) == 0 {
		t.Errorf("the third poller did not say another one runs on its database")
	}
}
