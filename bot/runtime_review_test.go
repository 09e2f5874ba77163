package bot_test

// Odd paths of the runtime found in review (2026-11-30): each test failed
// before its fix.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// reviewUploader answers "big" with a photo over Telegram's 10 MB upload
// limit, "file" with a small document, anything else with an echo.
type reviewUploader struct{}

func (reviewUploader) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	chat := bot.ChatOf(u)
	switch u.Message.Text {
	case "big":
		return []bot.Reply{bot.Photo{ChatID: chat, Name: "chart.png", Data: make([]byte, 10<<20+1)}}, nil
	case "file":
		return []bot.Reply{bot.Document{ChatID: chat, Name: "tally.xlsx", Data: []byte("PK\x03\x04 sheet")}}, nil
	}
	return []bot.Reply{bot.Message{ChatID: chat, Text: "echo: " + u.Message.Text}}, nil
}

func (reviewUploader) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

// Telegram answers 413 Request Entity Too Large to an upload over its limit
// (the fake does too). No retry can fix it: the photo is dropped at once and
// the chat's later replies go out (the sender used to retry it forever,
// every later reply of the chat waiting behind it).
func TestTooLargeUploadBlocksTheChat(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), reviewUploader{})
	an := srv.NewUser("An", "vi")
	b.WaitHandled(t, an.SendText("big"), an.SendText("after"))
	m, err := an.Next(8 * time.Second)
	if err != nil {
		t.Fatalf("the reply after a refused (413) upload never came: %v; sendPhoto called %d times",
			err, len(srv.CallsTo("sendPhoto")))
	}
	if m.Text != "echo: after" {
		t.Fatalf("bot said %q", m.Text)
	}
	if n := len(srv.CallsTo("sendPhoto")); n != 1 {
		t.Errorf("a 413 upload was sent %d times; no retry can fix it", n)
	}
}

// docs/architecture.md: "after 10 such tries it is dropped". A reply
// Telegram keeps failing (5xx, network) is dropped after 10 tries and the
// chat's later replies go out (deliver used to read its context's error
// after cancelling it: no try was ever counted, and the chat heard nothing
// more, ever).
func TestFailingReplyIsDroppedAfterTenTries(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), reviewUploader{},
		bottest.WithSender(bot.WithRetries(1, 10*time.Millisecond))) // give back at once: 10 tries in ~2 s of sweeps
	an := srv.NewUser("An", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendDocument", Code: http.StatusInternalServerError})
	b.WaitHandled(t, an.SendText("file"), an.SendText("after"))
	m, err := an.Next(10 * time.Second)
	var attempts int
	_ = b.Inbox.DB().Get(&attempts, `SELECT attempts FROM outbox WHERE kind = 'sendDocument'`)
	if err != nil {
		t.Fatalf("the chat is stuck behind a failing reply: %v; sendDocument called %d times, its tries counted: %d",
			err, len(srv.CallsTo("sendDocument")), attempts)
	}
	if m.Text != "echo: after" {
		t.Fatalf("bot said %q", m.Text)
	}
}

// /metrics keeps answering while the database is away: that is when
// dvcbot_database_unavailable_total, the backlog and the getUpdates errors
// matter (the outbox collector's failed query used to fail the whole
// scrape).
func TestMetricsAnswerWhileTheDatabaseIsDown(t *testing.T) {
	db, err := sqlx.Open("postgres", "host=127.0.0.1 port=1 user=nobody dbname=none sslmode=disable connect_timeout=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	api, err := tg.New("1:review", tg.WithServerURL("http://127.0.0.1:1"), tg.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	rt := bot.NewRuntime(bot.NewStore(db), newRecorder(), bot.NewSender(api))
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = rt.Shutdown(ctx)
	}()
	reg := prometheus.NewRegistry()
	if err := rt.Register(reg); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "dvcbot_database_unavailable_total") {
		t.Fatalf("/metrics with the database down: %d\n%.300s", rec.Code, rec.Body.String())
	}
}
