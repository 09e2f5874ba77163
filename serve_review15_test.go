package main

// The operator's seat (review 15): the real binary against the fake
// Telegram and a real PostgreSQL. Each test failed before its fix.

import (
	"context"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/pgserver"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// refusedCalls counts the calls to method Telegram answered 401.
func refusedCalls(srv *telegramtest.Server, method string) int {
	n := 0
	for _, c := range srv.CallsTo(method) {
		if c.Status == http.StatusUnauthorized {
			n++
		}
	}
	return n
}

// A token revoked at @BotFather while the bot runs: the poller logged it
// at each retry of getUpdates and the sender at each pause of its
// replies, each about every 30 s once their pauses had grown — two lines
// saying the same thing every 30 s, and seven in the first few seconds.
// It is said once, from one place (with how many replies wait, whoever
// met the refusal first), then at a slow interval; the token accepted
// again is said once too. The counters count every refusal, and a gauge
// says while it lasts.
func TestRevokedTokenIsSaidOnce(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	if testing.Short() {
		t.Skip("waits for a dozen refusals, about 10 s")
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	dbURL := storagetest.URL(t)
	p := startOp(t, opEnv(srv, dbURL))
	p.waitHealthy(t)
	u := srv.NewUser("Lan", "vi")

	// The token revoked: every call refused, getUpdates too.
	srv.Inject(telegramtest.Fault{Code: http.StatusUnauthorized, Description: "Unauthorized"})
	srv.Inject(telegramtest.Fault{Method: "getUpdates", Code: http.StatusUnauthorized, Description: "Unauthorized"})
	// A reply waiting in the outbox (a reminder a job wrote): the sender
	// meets the refusal too.
	ctx := context.Background()
	store, err := storage.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	tx, err := store.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bot.Enqueue(ctx, tx, bot.Message{ChatID: u.ID, Text: "waiting for the token"}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// A message ends the long poll under way, and its answer waits too.
	u.SendText("/help")
	waitUntil(t, "getUpdates and the replies refused again and again", func() bool {
		return refusedCalls(srv, "getUpdates") >= 4 && refusedCalls(srv, "sendMessage") >= 3
	})
	said := p.lines("TELEGRAM_BOT_TOKEN")
	if len(said) != 1 {
		t.Errorf("%d getUpdates and %d replies refused were said %d times, not once:\n%s",
			refusedCalls(srv, "getUpdates"), refusedCalls(srv, "sendMessage"), len(said), strings.Join(said, "\n"))
	}
	for _, l := range said {
		if !strings.Contains(l, "level=ERROR") || !strings.Contains(l, "@BotFather") || !regexp.MustCompile(`replies_waiting=[1-9]`).MatchString(l) {
			t.Errorf("the refusal is not an error that says what to do and how many replies wait: %s", l)
		}
	}
	if got := p.metric(t, "dvcbot_token_refused"); got != "1" {
		t.Errorf("dvcbot_token_refused is %q while the token is refused", got)
	}

	// A bot given its token again (here: Telegram takes it again).
	srv.ClearFaults()
	waitUntil(t, "the waiting replies sent", func() bool { return len(u.Messages()) == 2 })
	waitUntil(t, "the token said accepted again", func() bool { return len(p.lines("accepts the bot's token again")) > 0 })
	if back := p.lines("accepts the bot's token again"); len(back) != 1 || strings.Contains(back[0], "level=ERROR") {
		t.Errorf("the token accepted again is not said once, as news: %q", back)
	}
	if got := p.metric(t, "dvcbot_token_refused"); got != "0" {
		t.Errorf("dvcbot_token_refused is %q once the token is accepted", got)
	}
	refused := refusedCalls(srv, "getUpdates")
	waitUntil(t, "every refused getUpdates counted", func() bool {
		return p.metric(t, "dvcbot_getupdates_errors_total") == strconv.Itoa(refused)
	})
	if n := len(p.lines("TELEGRAM_BOT_TOKEN")); n != 1 {
		t.Errorf("the refusal was said %d times in all", n)
	}
}

// The database restarts while the bot runs (a private server, stopped for
// 8 s). The operator read the poller's "getting updates failed" at each
// retry (1 s, 2 s, 4 s…: four lines, each saying "save updates: dial tcp
// …", though getUpdates had worked), River's errors, and then nothing:
// no line said the database was back. The outage is now said once, as an
// error, from one place, and so is its end; the poller says its run of
// failures once, that it could not store what Telegram sent, and when
// it works again. A message sent meanwhile is answered.
func TestDatabaseRestartIsSaidOnceAndItsEnd(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	if testing.Short() {
		t.Skip("starts a private PostgreSQL server and restarts it")
	}
	ctx := context.Background()
	pg, err := pgserver.Start(ctx, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Stop()
	srv := telegramtest.NewServer()
	defer srv.Close()
	p := startOp(t, opEnv(srv, pg.URL()))
	p.waitHealthy(t)
	u := srv.NewUser("Lan", "vi")
	u.SendText("/help")
	waitUntil(t, "the answer", func() bool { return len(u.Messages()) == 1 })
	before := len(p.lines(""))

	restarted := make(chan error, 1)
	go func() { restarted <- pg.Restart(ctx, 8*time.Second) }()
	waitUntil(t, "the bot to see the database down", func() bool {
		code, _ := p.get(t, "/healthz")
		return code == http.StatusServiceUnavailable
	})
	u.SendText("/help")
	if err := <-restarted; err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the message sent meanwhile answered", func() bool { return len(u.Messages()) == 2 })
	p.waitHealthy(t)
	waitUntil(t, "the database said back", func() bool { return len(p.lines("the database answers again")) > 0 })
	waitUntil(t, "the poller said working again", func() bool { return len(p.lines("getting updates works again")) > 0 })

	lines := p.lines("")[before:]
	count := func(words ...string) (n int) {
		for _, l := range lines {
			all := true
			for _, w := range words {
				all = all && strings.Contains(l, w)
			}
			if all {
				n++
			}
		}
		return n
	}
	if count("level=ERROR", "the database cannot be reached") != 1 || count("level=INFO", "the database answers again", "down_since=") != 1 {
		t.Errorf("the outage and its end are not said once each:\n%s", strings.Join(lines, "\n"))
	}
	if n := count("getting updates failed") + count("cannot store the updates"); n != 1 || count("cannot store the updates", "level=WARN") != 1 {
		t.Errorf("the poller's failures were said %d times, or not as updates not stored:\n%s", n, strings.Join(lines, "\n"))
	}
	if count("getting updates works again", "failures=") != 1 {
		t.Errorf("the poller's recovery is not said once:\n%s", strings.Join(lines, "\n"))
	}
}
