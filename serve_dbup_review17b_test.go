package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// /metrics answers while the bot starts (the server listens before
// Telegram is told where to deliver, the job queue started, the estimates
// counted again, the digest planned), and dvcbot_database_up began at 1
// there, "the bot has just migrated": the database watch began only once
// the start was over. A database that went away during a long start (a
// slow Telegram, a statement waiting on a silent database) was said up for
// as long as the start lasted, and never said down in the logs. The watch
// now runs from the moment its connection is opened.
func TestDatabaseUpIsTheWatchsWhileTheBotStarts(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	tg := telegramtest.NewServer()
	defer tg.Close()
	// The start held at deleteWebhook (long polling) for 14 s, its server
	// listening.
	tg.Inject(telegramtest.Fault{Method: "deleteWebhook", Count: 1, Delay: 14 * time.Second})
	url := storagetest.URL(t)
	addr := "127.0.0.1:" + freePort(t)
	cfg, err := loadConfig(nil, func(k string) string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": tg.Token, "TELEGRAM_API_URL": tg.URL, "DATABASE_URL": url,
			"HTTP_ADDR": addr}[k]
	}, needs{token: true, database: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	bot, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	err = bot.QueryRow(`SELECT current_database()`).Scan(&name)
	bot.Close()
	if err != nil {
		t.Fatal(err)
	}
	// A database may not refuse its own connection's: another's.
	admin, err := sqlx.Open("postgres", storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	allow := func(yes bool) {
		t.Helper()
		if _, err := admin.Exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS ` + map[bool]string{true: "true", false: "false"}[yes]); err != nil {
			t.Fatal(err)
		}
	}
	serveInProcess(t, cfg, &out)
	up := func() string {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "dvcbot_database_up "); ok {
				return v
			}
		}
		return ""
	}
	waitUntil(t, "/metrics while the bot starts", func() bool { return up() != "" })
	// The database refuses new connections (a restart, a failover under
	// way): the watch's connection cannot be opened — nor kept: a restart
	// ends the connections open (the watch's first ping may have opened
	// its own before this, on a machine slow to start the bot).
	allow(false)
	if _, err := admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS true`) }) //nolint:errcheck
	said := false
	for deadline := time.Now().Add(11 * time.Second); !said && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		said = up() == "0"
	}
	allow(true)
	if !said {
		t.Errorf("dvcbot_database_up stayed %q while the starting bot's database refused connections for 11 s", up())
	}
	if !strings.Contains(out.String(), "the database cannot be reached") {
		t.Errorf("the outage during the start was not logged:\n%s", out.String())
	}
	waitUntil(t, "the bot to start", func() bool { return strings.Contains(out.String(), "started: /healthz answers") })
}
