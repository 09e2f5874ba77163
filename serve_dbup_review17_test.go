package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// dvcbot_database_up was the outbox's scrape query on the bot's pool,
// with 2 s to answer: a long load holding the pool's connections, or a
// lock on the outbox (a migration waiting for its table), made it 0 while
// the database answered, /healthz said ok and the database watch said
// nothing; an alert on it woke the operator for a busy bot. It now says
// what the watch sees, on its own connection.
func TestDatabaseUpSaysWhatTheWatchSees(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	tg := telegramtest.NewServer()
	defer tg.Close()
	url := storagetest.URL(t)
	addr := "127.0.0.1:" + freePort(t)
	cfg, err := loadConfig(nil, func(k string) string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": tg.Token, "TELEGRAM_API_URL": tg.URL, "DATABASE_URL": url,
			"HTTP_ADDR": addr}[k]
	}, needs{token: true, database: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	serveInProcess(t, cfg, nil)
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	up := func() string {
		_, body := get("/metrics")
		for _, l := range strings.Split(body, "\n") {
			if v, ok := strings.CutPrefix(l, "dvcbot_database_up "); ok {
				return v
			}
		}
		return ""
	}
	waitUntil(t, "the bot to answer /healthz", func() bool { code, _ := get("/healthz"); return code == http.StatusOK })
	if v := up(); v != "1" {
		t.Fatalf("dvcbot_database_up = %q at start, want 1", v)
	}
	// The outbox held by another transaction: its scrape query waits past
	// its limit; the database answers all along.
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`LOCK TABLE outbox IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	if v := up(); v != "1" {
		t.Errorf("dvcbot_database_up = %q while the database answers (its outbox locked), want 1", v)
	}
	if code, body := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz = %d %q while the database answers", code, body)
	}
	tx.Rollback()
}

// The watch sets the gauge: 0 once the database refuses it, 1 once it
// answers again.
func TestDatabaseUpFollowsTheWatch(t *testing.T) {
	url := storagetest.URL(t)
	_, watchDB := busyPool(t)
	var name string
	if err := watchDB.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	var state atomic.Bool
	state.Store(true)
	reg := prometheus.NewRegistry()
	if err := reg.Register(databaseUpGauge(&state)); err != nil {
		t.Fatal(err)
	}
	gauge := func() float64 {
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			if mf.GetName() == "dvcbot_database_up" {
				return mf.GetMetric()[0].GetGauge().GetValue()
			}
		}
		t.Fatal("no dvcbot_database_up")
		return 0
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		watchDatabase(ctx, watchDB, slog.New(slog.DiscardHandler), 100*time.Millisecond, &state)
	}()
	defer func() { cancel(); <-done }()
	// Busy pool: the watch's pings are answered, the gauge stays 1.
	waitUntil(t, "the watch's first ping", func() bool { return watchDB.Stats().OpenConnections > 0 })
	time.Sleep(500 * time.Millisecond)
	if v := gauge(); v != 1 {
		t.Errorf("dvcbot_database_up = %v with the bot's pool busy, want 1", v)
	}
	admin, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS false`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS true`) })
	if _, err := admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, name); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "dvcbot_database_up 0 with the database refusing connections", func() bool { return gauge() == 0 })
	if _, err := admin.Exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS true`); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "dvcbot_database_up 1 with the database answering again", func() bool { return gauge() == 1 })
}
