package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Forged webhook calls (or a secret rotated on one side only, which
// Telegram retries) come in floods: each is counted by why it was refused,
// and the wrong secret is logged once a minute, not once a call (a
// scanner's thousand calls wrote a thousand warnings).
func TestRefusedWebhookCallsAreCountedNotFlooded(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder(), bottest.WithoutPolling(), bottest.WithRuntime(bot.WithLogger(log)))
	reg := prometheus.NewRegistry()
	if err := b.Runtime.Register(reg); err != nil {
		t.Fatal(err)
	}
	const secret = "s3cret_token-1"
	hook := httptest.NewServer(b.Runtime.WebhookHandler(secret, 4096, 0))
	defer hook.Close()
	an := srv.NewUser("An", "vi")
	for i := range 50 {
		status, err := srv.Deliver(context.Background(), hook.URL, "forged", webhookUpdate(int64(900+i), an.ID, "forged"))
		if err != nil || status != http.StatusUnauthorized {
			t.Fatalf("a forged call: %d (%v), want 401", status, err)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, hook.URL, strings.NewReader(`{"hello":1}`))
	req.Header.Set(bot.SecretHeader, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	got := counters(t, reg)
	if got["dvcbot_webhook_calls_refused_total{secret}"] != 50 || got["dvcbot_webhook_calls_refused_total{malformed}"] != 1 {
		t.Errorf("refusals counted: secret %v, malformed %v; want 50 and 1",
			got["dvcbot_webhook_calls_refused_total{secret}"], got["dvcbot_webhook_calls_refused_total{malformed}"])
	}
	mu.Lock()
	defer mu.Unlock()
	if n := strings.Count(logs.String(), "wrong or missing secret"); n != 1 {
		t.Errorf("the wrong secret was logged %d times in 50 calls within a minute, want once:\n%s", n, logs.String())
	}
	if n := countUpdates(t, b.Store); n != 0 {
		t.Errorf("%d updates stored from refused calls, want 0", n)
	}
}
