package main

// Start-up odd paths found in review: each test fails before its fix.

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"testing"
	"time"
)

// SIGTERM (docker compose stop, a rolling deploy giving up) while the bot
// waits for a database it cannot reach yet is a stop like any other (as a
// stop asked for while the digest is scheduled, serve.go): serve returns
// at once and without an error, so that the process exits 0 instead of
// printing "dvcbot: … connection refused" and exiting 1 as if it had
// failed. The wait (up to a minute) makes the window wide.
func TestStopWhileWaitingForTheDatabaseIsAStop(t *testing.T) {
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := free.Addr().String()
	free.Close() // nothing listens there: the database "is not up yet"

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(1200*time.Millisecond, cancel) // the signal
	var logs bytes.Buffer
	cfg := config{DatabaseURL: "postgres://dvcbot:secret@" + addr + "/dvcbot?sslmode=disable", Admins: []int64{1}, HTTPAddr: "127.0.0.1:0"}
	began := time.Now()
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg, slog.New(slog.NewTextHandler(&logs, nil))) }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve stopped by a signal while waiting for the database returned %q after %v: the process exits 1 as after a failure",
				err, time.Since(began).Round(100*time.Millisecond))
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("serve still waits for the database 10 s after it was stopped\n%s", logs.String())
	}
}
