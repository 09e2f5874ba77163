package bot_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Told 401 by getWebhookInfo, the webhook watch had the token watch say
// it while holding its own lock, and the token watch counts the replies
// waiting in the outbox first (up to 2 s): a /metrics scrape, which reads
// the watch's gauges under that lock, waited for the count. It no longer
// waits for it.
func TestWebhookWatchLetsTheScrapeThroughWhileTheTokenIsSaid(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	url := storagetest.URL(t)
	store, err := storage.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	b := bottest.Start(t, srv, store, newRecorder(), bottest.WithoutPolling())
	w := &bot.WebhookWatch{API: b.API, URL: srv.URL + "/hook", Log: slog.New(slog.DiscardHandler), TokenWatch: b.Sender.TokenWatch()}
	reg := prometheus.NewRegistry()
	reg.MustRegister(w)
	w.Check(context.Background()) // a first answer: the gauges are there
	if _, err := reg.Gather(); err != nil {
		t.Fatal(err)
	}
	// The outbox held by another transaction: the count of waiting replies
	// waits its 2 s.
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
	counting := func() bool {
		var n int
		_ = db.Get(&n, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND wait_event_type = 'Lock' AND query LIKE '%FROM outbox WHERE status = ''pending''%'`)
		return n > 0
	}
	srv.Inject(telegramtest.Fault{Method: "getWebhookInfo", Code: 401, Count: 1})
	checked := make(chan struct{})
	go func() { defer close(checked); w.Check(context.Background()) }()
	waitFor(t, "the token watch counting the waiting replies", counting)
	if _, err := reg.Gather(); err != nil {
		t.Fatal(err)
	}
	if !counting() {
		t.Error("the scrape waited for the token watch's count of the waiting replies")
	}
	tx.Rollback()
	select {
	case <-checked:
	case <-time.After(30 * time.Second):
		t.Fatal("the check never ended")
	}
}
