package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// pollerLockKey is the PostgreSQL advisory lock a long-polling process
// holds for as long as it runs ("dvcpoll").
const pollerLockKey = 0x64766370_6f6c6c

// pollerLockEvery is how often a long poller checks that it still holds
// the poller's lock, or tries to take it when it does not.
const pollerLockEvery = 5 * time.Second

// pollerLock is the poller's advisory lock, held on a connection of its
// own. The lock lives as long as that session: a database restart ends
// it, and with it the lock, which the holder then takes again (keep); a
// poller that started while another held it takes it once that one is
// gone. Either way the lock keeps saying that a live poller runs, so that
// the next one started (a rolling deploy, a replica by mistake) does not
// take over that one's outbox leases at its start.
type pollerLock struct {
	db   *sql.DB
	log  *slog.Logger
	mu   sync.Mutex
	conn *sql.Conn // holding the lock; nil while it is not held
	lost bool      // held once, then lost with its connection
	stop context.CancelFunc
	done chan struct{}
}

// holdPollerLock tries to take the poller's lock, and keeps it (or tries
// again to take it) until release; sole is false when another process held
// it.
func holdPollerLock(ctx context.Context, db *sql.DB, log *slog.Logger) (release func(), sole bool, err error) {
	l := &pollerLock{db: db, log: log, done: make(chan struct{})}
	if sole, err = l.take(ctx); err != nil {
		return nil, false, fmt.Errorf("poller lock: %w", err)
	}
	keep, stop := context.WithCancel(context.WithoutCancel(ctx))
	l.stop = stop
	go l.keep(keep, pollerLockEvery)
	return l.release, sole, nil
}

// take tries to take the lock on a connection of its own, which it keeps
// when it got it.
func (l *pollerLock) take(ctx context.Context) (bool, error) {
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return false, err
	}
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, int64(pollerLockKey)).Scan(&got); err != nil {
		drop(conn)
		return false, err
	}
	if !got {
		conn.Close() // back to the pool: it holds nothing
		return false, nil
	}
	l.mu.Lock()
	l.conn = conn
	l.mu.Unlock()
	return true, nil
}

// keep checks, every every, that the lock's connection is alive, and takes
// the lock again when it is not held, until ctx ends.
func (l *pollerLock) keep(ctx context.Context, every time.Duration) {
	defer close(l.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		l.check(ctx, every)
	}
}

func (l *pollerLock) check(ctx context.Context, every time.Duration) {
	call, cancel := context.WithTimeout(ctx, every)
	defer cancel()
	l.mu.Lock()
	conn := l.conn
	l.mu.Unlock()
	if conn != nil {
		if conn.PingContext(call) == nil || ctx.Err() != nil {
			return
		}
		// Its session ended (a database restart): the lock went with it.
		drop(conn)
		l.mu.Lock()
		l.conn, l.lost = nil, true
		l.mu.Unlock()
		l.log.Warn("the poller's lock was lost with its database connection; taking it again")
	}
	got, err := l.take(call)
	if err != nil || ctx.Err() != nil {
		return // the database is not back yet: next time
	}
	l.mu.Lock()
	lost := l.lost
	l.lost = false
	l.mu.Unlock()
	switch {
	case got && lost:
		l.log.Info("the poller's lock is held again")
	case got:
		l.log.Info("the other long poller is gone: this one holds the poller's lock now")
	case lost:
		l.log.Error("another instance took the poller's lock while this one's database connection was down: two instances run in long-polling mode on this database; run only one")
	}
}

// release stops keeping the lock and lets it go: its connection is closed,
// not given back to the pool (Raw's ErrBadConn), so its session ends, and
// the lock with it.
func (l *pollerLock) release() {
	l.stop()
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn != nil {
		drop(l.conn)
		l.conn = nil
	}
}

// drop closes conn for good, out of the pool.
func drop(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}
