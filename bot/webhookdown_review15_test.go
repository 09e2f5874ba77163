package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/pgserver"
)

// In webhook mode, while the database restarts, every update Telegram
// posts is answered 503 (Telegram keeps it and tries again): each such
// call logged its own ERROR "cannot store webhook update", as many lines
// as calls, and no counter told them apart. It is logged once a minute
// now, with the calls since, and each is counted
// (dvcbot_webhook_calls_refused_total{why="not_stored"}).
func TestWebhookUpdatesNotStoredAreCountedNotFlooded(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	if testing.Short() {
		t.Skip("starts a private PostgreSQL server and restarts it")
	}
	ctx := context.Background()
	pg, err := pgserver.Start(ctx, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Stop()
	store, err := storage.Open(ctx, pg.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := bot.Migrate(ctx, store.DB().DB, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	b := bottest.Start(t, srv, store, newRecorder(), bottest.WithoutPolling(), bottest.WithRuntime(bot.WithLogger(log)))
	reg := prometheus.NewRegistry()
	if err := b.Runtime.Register(reg); err != nil {
		t.Fatal(err)
	}
	const secret = "s3cret_token-1"
	hook := httptest.NewServer(b.Runtime.WebhookHandler(secret, 4096, 0))
	defer hook.Close()
	an := srv.NewUser("An", "vi")

	restarted := make(chan error, 1)
	go func() { restarted <- pg.Restart(ctx, 4*time.Second) }()
	refused := 0
	for id := int64(500); refused < 20; id++ {
		status, err := srv.Deliver(ctx, hook.URL, secret, webhookUpdate(id, an.ID, "during"))
		if err != nil {
			t.Fatal(err)
		}
		if status == http.StatusServiceUnavailable {
			refused++
		} else if refused > 0 {
			break // back already
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	if refused < 2 {
		t.Fatalf("only %d calls met the database down: the test proves nothing", refused)
	}
	if got := counters(t, reg)["dvcbot_webhook_calls_refused_total{not_stored}"]; got != float64(refused) {
		t.Errorf("%d calls answered 503 for the database, counted %v", refused, got)
	}
	mu.Lock()
	defer mu.Unlock()
	if n := strings.Count(logs.String(), "cannot store webhook update"); n != 1 {
		t.Errorf("%d calls not stored were logged %d times within a minute, want once:\n%s", refused, n, logs.String())
	}
}
