package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"
)

// A stop while the bot waits for its database at start (docker compose
// stop while PostgreSQL is still coming up) is a stop while starting like
// the others docs/architecture.md names: it exits 0 with one info line,
// "stopped while starting", saying what it waited for. It exited 0 with
// nothing after the waits' warnings, the operator left to guess whether
// the bot gave up or was stopped.
func TestAStopWhileWaitingForTheDatabaseIsSaid(t *testing.T) {
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := free.Addr().String()
	free.Close() // nothing listens there: the database is not up yet
	cfg, err := loadConfig(nil, func(k string) string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": "postgres://postgres@" + port + "/dvcbot?sslmode=disable",
			"HTTP_ADDR": "127.0.0.1:" + freePort(t)}[k]
	}, needs{token: true, database: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serve(ctx, cfg, slog.New(slog.NewTextHandler(&out, nil))) }()
	waitUntil(t, "the wait for the database", func() bool { return strings.Contains(out.String(), "cannot be reached yet") })
	cancel()
	select {
	case err = <-served:
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not return within 10 s of the stop")
	}
	if err != nil {
		t.Errorf("stopped while waiting for the database: %v", err)
	}
	if !strings.Contains(out.String(), "stopped while starting") {
		t.Errorf("the stop is not said:\n%s", out.String())
	}
}
