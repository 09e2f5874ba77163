package main

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/pgserver"
)

// A database that restarts while the bot starts (a stack brought up
// together, a server restarted during a deploy) is waited for at every
// start-up step, as the first connection is. The replay of the last run's
// work found the server going down and the bot exited with status 1
// ("dvcbot: replay: outbox: take over: pq: the database system is shutting
// down"): seen when the database-restart kill test ran on a loaded machine
// and its first restart came before the bot had started. The job queue's
// start (River pings the database first) did the same.
func TestADatabaseRestartWhileStartingIsWaitedFor(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	if testing.Short() {
		t.Skip("starts a private PostgreSQL server and restarts it")
	}
	for _, c := range []struct {
		slow, step string // the Telegram call answered late, while the server restarts; the step that meets it
	}{
		{"setMyCommands", "replay"},              // the command menus, set right before the replay
		{"deleteWebhook", "start the job queue"}, // right before polling and the job queue
	} {
		t.Run(c.step, func(t *testing.T) {
			ctx := context.Background()
			pg, err := pgserver.Start(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer pg.Stop()
			srv := telegramtest.NewServer()
			defer srv.Close()
			srv.Inject(telegramtest.Fault{Method: c.slow, Count: 1, Delay: time.Second})
			p := startOp(t, opEnv(srv, pg.URL()))
			waitUntil(t, c.slow+" asked", func() bool { return len(srv.CallsTo(c.slow)) > 0 })
			if err := pg.Restart(ctx, 3*time.Second); err != nil {
				t.Fatal(err)
			}

			u := srv.NewUser("Khách", "vi")
			u.SendText("/help")
			if _, err := u.Next(30 * time.Second); err != nil {
				logs, _ := os.ReadFile(p.logs)
				t.Fatalf("/help after the restart: %v; the bot's logs:\n%s", err, logs)
			}
			if len(p.lines("level=WARN", "cannot be reached yet", c.step)) == 0 {
				logs, _ := os.ReadFile(p.logs)
				t.Errorf("the restart did not come during the step %q (nothing said of a wait there): the test proves nothing; the bot's logs:\n%s", c.step, logs)
			}
			for _, l := range p.lines("dvcbot:") {
				t.Errorf("the bot said: %s", l)
			}
		})
	}
}
