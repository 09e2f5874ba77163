package main

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// partition is a dialer whose connections all go silent once cut, as when
// the network to the database fails or its host dies without a word (a
// failover, a lost VM): no error comes back, statements wait for an answer
// that never comes, and new connections never open.
type partition struct {
	d        net.Dialer
	cutOnce  sync.Once
	cut      chan struct{} // closed: the partition began
	endOnce  sync.Once
	released chan struct{} // closed at the test's end: every wait gives up
}

func newPartition() *partition {
	return &partition{cut: make(chan struct{}), released: make(chan struct{})}
}

func (p *partition) begin() { p.cutOnce.Do(func() { close(p.cut) }) }
func (p *partition) end()   { p.endOnce.Do(func() { close(p.released) }) }

func (p *partition) isCut() bool {
	select {
	case <-p.cut:
		return true
	default:
		return false
	}
}

var errPartitioned = errors.New("partitioned")

func (p *partition) Dial(network, address string) (net.Conn, error) {
	return p.DialContext(context.Background(), network, address)
}

func (p *partition) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return p.DialContext(ctx, network, address)
}

func (p *partition) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	if p.isCut() { // no SYN answered: the dial waits out its time
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-p.released:
			return nil, errPartitioned
		}
	}
	c, err := p.d.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	return &silentConn{Conn: c, p: p}, nil
}

// silentConn reads nothing once the partition began: what it writes is
// lost on the way.
type silentConn struct {
	net.Conn
	p *partition
}

func (c *silentConn) Read(b []byte) (int, error) {
	if c.p.isCut() {
		<-c.p.released
		return 0, errPartitioned
	}
	return c.Conn.Read(b)
}

func (c *silentConn) Write(b []byte) (int, error) {
	if c.p.isCut() {
		return len(b), nil
	}
	return c.Conn.Write(b)
}

// The database gone silent (its network cut, its host dead) leaves the
// pool full of statements waiting for it, and of connections being
// opened: the watch must say the outage, not take that full pool for a
// busy one and keep quiet for as long as it lasts; whether its own
// connection was open before (its ping then outlasts its context) or is
// opened after.
func TestDatabaseWatchSaysASilentOutageThatFillsThePool(t *testing.T) {
	for _, opened := range []bool{true, false} {
		t.Run(map[bool]string{true: "watch connected before", false: "watch connects after"}[opened], func(t *testing.T) {
			url := storagetest.URL(t)
			p := newPartition()
			ctx, cancel := context.WithCancel(context.Background())
			storage.Dialer = p
			store, err := storage.Open(ctx, url)
			var watchDB *sql.DB
			if err == nil {
				watchDB, err = storage.OpenOne(url)
			}
			storage.Dialer = nil
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { store.Close(); watchDB.Close() })
			t.Cleanup(p.end) // first: the waits end, then the pools close
			t.Cleanup(cancel)
			if opened {
				if err := watchDB.PingContext(ctx); err != nil {
					t.Fatal(err)
				}
			}
			db := store.DB()

			p.begin()
			for range storage.MaxConns + 5 { // the bot's work goes on: each statement waits for its answer
				go func() {
					q, stop := context.WithTimeout(ctx, time.Minute)
					defer stop()
					db.ExecContext(q, `SELECT 1`) //nolint:errcheck // it cannot succeed
				}()
			}
			for deadline := time.Now().Add(10 * time.Second); db.Stats().InUse < storage.MaxConns; {
				if time.Now().After(deadline) {
					t.Fatalf("the pool did not fill: %+v", db.Stats())
				}
				time.Sleep(10 * time.Millisecond)
			}

			var out lockedBuffer
			log := slog.New(slog.NewTextHandler(&out, nil))
			watch, stop := context.WithCancel(ctx)
			done := make(chan struct{})
			go func() { defer close(done); watchDatabase(watch, watchDB, log, 100*time.Millisecond, nil) }()
			said := false
			for deadline := time.Now().Add(20 * time.Second); !said && time.Now().Before(deadline); {
				time.Sleep(50 * time.Millisecond)
				said = strings.Contains(out.String(), "cannot be reached")
			}
			stop()
			<-done
			if !said {
				t.Errorf("the database silent for 20 s was never said to be unreachable:\n%s", out.String())
			}
		})
	}
}
