package main

// The operator's seat (review 11): the real binary against the fake
// Telegram and a real PostgreSQL. Each test failed before its fix.

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// startBehindRelay starts the binary on a database reached through a relay
// the test can cut (the database going down).
func startBehindRelay(t *testing.T, extra ...string) (*opProcess, *cuttable) {
	t.Helper()
	dbURL, err := url.Parse(storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	network, addr := "tcp", dbURL.Host
	if h := dbURL.Query().Get("host"); strings.HasPrefix(h, "/") {
		network, addr = "unix", h+"/.s.PGSQL."+cmp.Or(dbURL.Query().Get("port"), "5432")
	}
	relay := newCuttable(t, network, addr)
	q := dbURL.Query()
	q.Del("host")
	q.Del("port")
	dbURL.Host, dbURL.RawQuery = relay.ln.Addr().String(), q.Encode()
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close)
	p := startOp(t, append(opEnv(srv, dbURL.String()), extra...))
	p.waitHealthy(t)
	time.Sleep(2 * time.Second) // the job queue starts after the first healthy answer
	return p, relay
}

// While the database was down, every request for a follow-up page wrote an
// error line ("web: follow-up page"): the residents' page is public, so a
// scanner (or a crowd of residents reloading) during an outage wrote as
// many lines as requests, with nothing to bound them. Each message is now
// logged at most once a minute, as River's are, the next one saying how
// many were not; /metrics still counts every answer and every line.
func TestFollowupPageDoesNotFloodTheLogsWhileTheDatabaseIsDown(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	p, relay := startBehindRelay(t)
	relay.cut()
	const requests = 60
	for i := range requests {
		code, body := p.get(t, fmt.Sprintf("/f/abcdefghijkmnpqrstuv%04d", i))
		if code != http.StatusInternalServerError {
			t.Fatalf("a follow-up page with the database down answered %d, want 500: %s\n%s", code, body, strings.Join(p.lines(""), "\n"))
		}
	}
	if n := len(p.lines("web: follow-up page")); n == 0 || n > 1 {
		t.Errorf("%d requests with the database down wrote %d log lines, want 1", requests, n)
	}
	if got := p.metric(t, `dvcbot_web_answers_total{code="500"}`); got != strconv.Itoa(requests) {
		t.Errorf(`dvcbot_web_answers_total{code="500"} = %q, want %d`, got, requests)
	}
	if got := p.metric(t, `dvcbot_log_messages_total{level="ERROR",msg="web: follow-up page"}`); got != strconv.Itoa(requests) {
		t.Errorf(`dvcbot_log_messages_total of "web: follow-up page" = %q, want every one of %d`, got, requests)
	}
}

// /healthz answered 200 as soon as the HTTP server ran — before the bot had
// told Telegram how to deliver (deleteWebhook in long polling, setWebhook
// in webhook mode), and before the job queue ran. An orchestrator that
// reads it as "ready" (a rolling deploy stops the old replica then) was
// told so while the new one might still fail to start: Telegram slow or
// refusing, or the database gone at that moment, which stopped it with
// "job queue: error making initial connection to database". It answers
// 503 "starting" now until the bot is up.
func TestHealthzIsNotOKBeforeTheBotIsUp(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	for _, mode := range []struct{ name, method string }{{"long polling", "deleteWebhook"}, {"webhook", "setWebhook"}} {
		t.Run(mode.name, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			srv.Inject(telegramtest.Fault{Method: mode.method, Count: 1, Delay: 4 * time.Second})
			env := opEnv(srv, storagetest.URL(t))
			if mode.method == "setWebhook" {
				env = append(env, "WEBHOOK_URL=https://bot.example.org/telegram", "WEBHOOK_SECRET=right_secret")
			}
			p := startOp(t, env)
			sawStarting := false
			waitUntil(t, "the bot to answer /healthz", func() bool {
				code, body := p.get(t, "/healthz")
				sawStarting = sawStarting || code == http.StatusServiceUnavailable && strings.Contains(body, "starting")
				return code == http.StatusOK
			})
			calls := srv.CallsTo(mode.method)
			if len(calls) == 0 || calls[0].Status != http.StatusOK {
				t.Errorf("/healthz answered 200 while %s was not answered yet", mode.method)
			}
			if !sawStarting {
				t.Errorf("/healthz never said the bot was starting")
			}
		})
	}
}
