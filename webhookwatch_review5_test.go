package main

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// syncBuffer is a log the bot writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// lines are the lines that contain every one of words.
func (s *syncBuffer) lines(words ...string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, l := range strings.Split(s.b.String(), "\n") {
		ok := l != ""
		for _, w := range words {
			ok = ok && strings.Contains(l, w)
		}
		if ok {
			out = append(out, l)
		}
	}
	return out
}

// In webhook mode, Telegram keeps the updates it cannot deliver (a secret
// rotated on one side only, a certificate expired, the proxy down) or
// posts them elsewhere (another deployment set its own webhook), and says
// so only in getWebhookInfo: the bot logged nothing, /metrics showed
// nothing moving, and /healthz said ok. It now asks every minute: a new
// delivery error is one warning with Telegram's words, a webhook that is
// no longer ours one error, and both are in /metrics. /healthz stays 200:
// restarting the replica would cure neither.
func TestWebhookTroubleIsSaid(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	addr := "127.0.0.1:" + freePort(t)
	vars := map[string]string{"TELEGRAM_BOT_TOKEN": srv.Token, "TELEGRAM_API_URL": srv.URL, "DATABASE_URL": storagetest.URL(t),
		"HTTP_ADDR": addr, "ADMIN_TELEGRAM_IDS": "1", "SEND_RATE": "0", "SEND_CHAT_RATE": "0",
		"WEBHOOK_URL": "https://127.0.0.1:1/telegram", "WEBHOOK_SECRET": "ours"}
	cfg, err := loadConfig(nil, env(vars), needs{token: true, database: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	const every = 100 * time.Millisecond
	cfg.WebhookCheckEvery = every
	logs := &syncBuffer{}
	serveInProcess(t, cfg, logs)
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	metric := func(name string) string {
		_, body := get("/metrics")
		for _, l := range strings.Split(body, "\n") {
			if v, ok := strings.CutPrefix(l, name+" "); ok {
				return v
			}
		}
		return ""
	}
	waitUntil(t, "the bot to answer /healthz", func() bool { code, _ := get("/healthz"); return code == http.StatusOK })
	waitUntil(t, "the webhook's gauges", func() bool { return metric("dvcbot_webhook_ours") == "1" })
	if got := metric("dvcbot_webhook_last_error_timestamp_seconds"); got != "0" {
		t.Errorf("no delivery failed yet, but dvcbot_webhook_last_error_timestamp_seconds = %q", got)
	}

	// The reverse proxy is down: Telegram's posts are refused, it keeps
	// the update and tries again.
	srv.NewUser("Lan", "vi").SendText("/help")
	const refused = "Connection refused"
	waitUntil(t, "the delivery error logged", func() bool { return len(logs.lines(refused)) > 0 })
	time.Sleep(3 * time.Second) // Telegram tries again, in vain, several times
	if got := logs.lines(refused); len(got) != 1 || !strings.Contains(got[0], "level=WARN") {
		t.Errorf("a delivery error that goes on is logged as %d lines, want one warning:\n%s", len(got), strings.Join(got, "\n"))
	}
	if got := metric("dvcbot_webhook_last_error_timestamp_seconds"); got == "0" || got == "" {
		t.Errorf("dvcbot_webhook_last_error_timestamp_seconds = %q after a failed delivery", got)
	}
	if got := metric("dvcbot_webhook_pending_updates"); got != "1" {
		t.Errorf("dvcbot_webhook_pending_updates = %q, want 1", got)
	}
	// Another deployment sets its own webhook: updates go there now.
	srv.SetWebhookElsewhere("https://other.example.org/hook", "theirs")
	waitUntil(t, "the other webhook logged", func() bool { return len(logs.lines("other.example.org")) > 0 })
	time.Sleep(5 * every)
	if got := logs.lines("other.example.org"); len(got) != 1 || !strings.Contains(got[0], "level=ERROR") {
		t.Errorf("a webhook set elsewhere is logged as %d lines, want one error:\n%s", len(got), strings.Join(got, "\n"))
	}
	if got := metric("dvcbot_webhook_ours"); got != "0" {
		t.Errorf("dvcbot_webhook_ours = %q while the webhook is another's", got)
	}
	if code, body := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz = %d %s: restarting the bot cures none of this", code, body)
	}
}
