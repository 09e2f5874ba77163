package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A token revoked at @BotFather makes Telegram answer every call 401
// Unauthorized. The sender took that for a refusal of the reply itself (a
// malformed message): each reply in flight or in the outbox — a resident's
// reminder, a coordinator's digest — was dropped for good ("REPLY DROPPED",
// dvcbot_replies_dropped_total{why="refused"}), though the same bot, given
// its new token, sends them. They wait in the outbox now, as through any
// outage of Telegram, and the log says what to do.
func TestRevokedTokenKeepsTheReplies(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder(), bottest.WithRuntime(bot.WithLogger(log)),
		bottest.WithSender(bot.WithRetries(2, 10*time.Millisecond), bot.WithSenderLogger(log)))
	an := srv.NewUser("An", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 401, Until: time.Now().Add(time.Second)})
	b.WaitHandled(t, an.SendText("first"))
	expectText(t, an, "echo: first")
	waitFor(t, "the outbox to empty", func() bool { return outboxRows(t, b) == 0 })
	mu.Lock()
	defer mu.Unlock()
	if strings.Contains(logs.String(), "REPLY DROPPED") || !strings.Contains(logs.String(), "TELEGRAM_BOT_TOKEN") {
		t.Errorf("a 401 dropped the reply, or was not said to be about the token:\n%s", logs.String())
	}
}

// Polling with a revoked token, getUpdates is answered 401 Unauthorized:
// the log said "getting updates failed, will retry … telegram: 401
// Unauthorized" every 30 s and /healthz "Telegram refuses getUpdates since
// …: telegram: 401 Unauthorized", neither naming what to do. Both say now
// that the token was refused, and which setting holds it.
func TestPollerSaysTheTokenIsRefused(t *testing.T) {
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the poller stops
	var logs bytes.Buffer
	var mu sync.Mutex
	p := &bot.Poller{ServerURL: srv.URL, Token: "123:revoked", Timeout: time.Second,
		Log: slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run(ctx, func(context.Context, []json.RawMessage) error { return nil })
	}()
	t.Cleanup(func() { cancel(); <-done })
	waitFor(t, "getUpdates to be refused", func() bool {
		return p.Stalled(time.Now().Add(time.Hour), time.Minute) != "" && len(srv.CallsTo("getUpdates")) > 0
	})
	waitFor(t, "the refusal to be logged", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.Contains(logs.String(), "401")
	})
	why := p.Stalled(time.Now().Add(time.Hour), time.Minute)
	mu.Lock()
	defer mu.Unlock()
	for what, said := range map[string]string{"/healthz": why, "the log": logs.String()} {
		if !strings.Contains(said, "TELEGRAM_BOT_TOKEN") || !strings.Contains(said, "401") {
			t.Errorf("%s does not say the token is refused: %q", what, said)
		}
	}
}

// In webhook mode the watch's getWebhookInfo is refused alike: its one
// warning said "cannot ask Telegram how the webhook fares … unauthorized".
// It says that the token is refused, and which setting holds it.
func TestWebhookWatchSaysTheTokenIsRefused(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	api, err := tg.New("123:revoked", tg.WithServerURL(srv.URL), tg.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	w := &bot.WebhookWatch{API: api, URL: "https://bot.example.org/telegram", Since: time.Now(), Log: slog.New(slog.NewTextHandler(&logs, nil))}
	w.Check(context.Background())
	if said := logs.String(); !strings.Contains(said, "TELEGRAM_BOT_TOKEN") || !strings.Contains(said, "401") {
		t.Errorf("the watch does not say the token is refused: %q", said)
	}
}
