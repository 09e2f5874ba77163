package bot_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

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
