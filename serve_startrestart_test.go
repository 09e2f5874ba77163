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
// and its first restart came before the bot had started.
func TestADatabaseRestartWhileStartingIsWaitedFor(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a private PostgreSQL server and restarts it")
	}
	ctx := context.Background()
	pg, err := pgserver.Start(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Stop()
	srv := telegramtest.NewServer()
	defer srv.Close()
	// The command menus are set right before the replay: the first one is
	// answered after a second, while the server stops under the bot.
	srv.Inject(telegramtest.Fault{Method: "setMyCommands", Count: 1, Delay: time.Second})
	p := startOp(t, opEnv(srv, pg.URL()))
	waitUntil(t, "the menus set", func() bool { return len(srv.CallsTo("setMyCommands")) > 0 })
	if err := pg.Restart(ctx, 3*time.Second); err != nil {
		t.Fatal(err)
	}

	u := srv.NewUser("Khách", "vi")
	u.SendText("/help")
	if _, err := u.Next(30 * time.Second); err != nil {
		logs, _ := os.ReadFile(p.logs)
		t.Fatalf("/help after the restart: %v; the bot's logs:\n%s", err, logs)
	}
	if p.cmd.ProcessState != nil {
		t.Fatalf("the bot exited: %v", p.cmd.ProcessState)
	}
	if len(p.lines("level=WARN", "cannot be reached yet", "step=replay")) == 0 {
		logs, _ := os.ReadFile(p.logs)
		t.Errorf("the restart did not come during the replay (nothing said of a wait there): the test proves nothing; the bot's logs:\n%s", logs)
	}
	for _, l := range p.lines("level=ERROR") {
		t.Errorf("the bot logged: %s", l)
	}
}
