package pgserver

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/lib/pq"
)

func TestStartQueryStop(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))

	began := time.Now()
	srv, err := Start(ctx, log)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Logf("started in %v at %s", time.Since(began), srv.URL())
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			srv.Stop()
		}
	})

	if !strings.HasPrefix(srv.URL(), "postgres://postgres@127.0.0.1:") || !strings.HasSuffix(srv.URL(), "/postgres?sslmode=disable") {
		t.Errorf("URL() = %q, want postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable", srv.URL())
	}

	// Over TCP.
	db, err := sql.Open("postgres", srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var (
		sum      int
		fsync    string
		encoding string
		maxConns int
	)
	if err := db.QueryRowContext(ctx, `SELECT 40 + 2`).Scan(&sum); err != nil {
		t.Fatalf("query: %v", err)
	}
	if sum != 42 {
		t.Errorf("SELECT 40 + 2 = %d", sum)
	}
	if err := db.QueryRowContext(ctx, `SELECT current_setting('fsync'), current_setting('server_encoding'), current_setting('max_connections')::int`).
		Scan(&fsync, &encoding, &maxConns); err != nil {
		t.Fatal(err)
	}
	if fsync != "off" || encoding != "UTF8" || maxConns != 200 {
		t.Errorf("fsync=%s server_encoding=%s max_connections=%d, want off, UTF8, 200", fsync, encoding, maxConns)
	}
	// The superuser can create databases: what storagetest needs.
	if _, err := db.ExecContext(ctx, `CREATE DATABASE scratch`); err != nil {
		t.Fatalf("create database: %v", err)
	}

	// Over the unix socket inside the directory.
	sock, err := sql.Open("postgres", "host="+srv.Dir()+" port="+strconv.Itoa(srv.Port())+" user=postgres dbname=scratch sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	if err := sock.PingContext(ctx); err != nil {
		t.Errorf("connect over the unix socket in %s: %v", srv.Dir(), err)
	}
	sock.Close()

	// Stop with a client still connected: a fast shutdown must not wait for it.
	dir := srv.Dir()
	began = time.Now()
	if err := srv.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	stopped = true
	t.Logf("stopped in %v", time.Since(began))
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("directory %s still exists after Stop (stat: %v)", dir, err)
	}
	if err := srv.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	pctx, pcancel := context.WithTimeout(ctx, 3*time.Second)
	defer pcancel()
	if err := db.PingContext(pctx); err == nil {
		t.Errorf("server still answers after Stop")
	}
}

func TestNoBinaries(t *testing.T) {
	empty := t.TempDir()
	_, err := searchBinaries([]string{empty, "/nonexistent"})
	if err == nil || !strings.Contains(err.Error(), "no PostgreSQL server binaries found (looked in "+empty+", /nonexistent)") ||
		!strings.Contains(err.Error(), "apt-get install postgresql) or set PG_BINDIR") {
		t.Fatalf("searchBinaries without binaries: err = %v", err)
	}
	// Found on this machine (or the test run would have no private server).
	if dir, err := findBinaries(); err != nil {
		t.Logf("no binaries on this machine: %v", err)
	} else {
		t.Logf("binaries in %s", dir)
	}
}

func TestTwoServersAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two clusters")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	type result struct {
		srv *Server
		err error
	}
	results := make(chan result, 2)
	for range 2 {
		go func() {
			srv, err := Start(ctx, nil)
			results <- result{srv, err}
		}()
	}
	var servers []*Server
	for range 2 {
		r := <-results
		if r.err != nil {
			t.Errorf("Start: %v", r.err)
			continue
		}
		servers = append(servers, r.srv)
	}
	for _, s := range servers {
		t.Cleanup(func() { s.Stop() })
	}
	if len(servers) == 2 && (servers[0].Port() == servers[1].Port() || filepath.Clean(servers[0].Dir()) == filepath.Clean(servers[1].Dir())) {
		t.Errorf("two servers share a port or directory: %s %s", servers[0].URL(), servers[1].URL())
	}
}

// testWriter sends log lines to t.Log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func TestSortNewestFirst(t *testing.T) {
	got := []string{"/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin"}
	sortNewestFirst(got)
	want := []string{"/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/9.6/bin"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sortNewestFirst = %v, want %v", got, want)
	}
}
