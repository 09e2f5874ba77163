package bot_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/pgserver"
)

// The database restarts while users keep writing: nothing is lost, nothing
// is handled twice, and the order per chat holds. Updates that arrive while
// it is down are not confirmed to Telegram, so they come again.
func TestDatabaseRestartLosesNothing(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	if testing.Short() {
		t.Skip("starts a private PostgreSQL server")
	}
	ctx := context.Background()
	pg, err := pgserver.Start(ctx, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Stop()
	store, err := storage.Open(ctx, pg.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Migrate(ctx, slog.Default()); err != nil {
		t.Fatal(err)
	}
	if err := bot.Migrate(ctx, store.DB().DB, slog.Default()); err != nil {
		t.Fatal(err)
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	b := bottest.Start(t, srv, store, rec)
	an, binh := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi")

	b.WaitHandled(t, an.SendText("before"))
	expectText(t, an, "echo: before")

	// Bình's handler is in the middle of its transaction when the
	// database goes away: the lost connection must not count against the
	// update (nor park it); it is tried again once the database is back.
	release := make(chan struct{})
	rec.mu.Lock()
	rec.block[binh.ID] = release
	rec.mu.Unlock()
	midway := binh.SendText("midway")
	waitFor(t, "Bình's handler to start", func() bool { return rec.begun(binh.ID) == 1 })

	restarted := make(chan error, 1)
	go func() { restarted <- pg.Restart(ctx, 2*time.Second) }()
	time.Sleep(300 * time.Millisecond) // the server is down now
	close(release)
	ids := []int64{midway, an.SendText("during 1"), binh.SendText("during"), an.SendText("during 2")}
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	ids = append(ids, an.SendText("after"))
	b.WaitHandled(t, ids...)
	for _, want := range []string{"echo: during 1", "echo: during 2", "echo: after"} {
		expectText(t, an, want)
	}
	expectText(t, binh, "echo: midway")
	expectText(t, binh, "echo: during")
	// The outage is not counted against the update: its first try was
	// fresh (uncounted); only the try that succeeded counts.
	if status, attempts, err := bot.NewStore(store.DB()).UpdateStatus(ctx, midway); err != nil || status != "done" || attempts != 1 {
		t.Fatalf("the update cut off mid-transaction is %q after %d counted starts (%v), want done after 1", status, attempts, err)
	}
	if n := handledTimes(t, store, binh.ID); n != 2 {
		t.Fatalf("Bình's updates were committed %d times, want 2", n)
	}
	if n := handledTimes(t, store, an.ID); n != 4 {
		t.Fatalf("An's updates were committed %d times, want 4", n)
	}
}
