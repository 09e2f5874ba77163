package telegramtest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestWebhookDeliveryAndRetry(t *testing.T) {
	var mu sync.Mutex
	var ids []int64
	var secrets []string
	fail := 1
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var u models.Update
		_ = json.NewDecoder(r.Body).Decode(&u)
		mu.Lock()
		defer mu.Unlock()
		ids = append(ids, u.ID)
		secrets = append(secrets, r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		if fail > 0 {
			fail--
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	defer hs.Close()
	srv := newServer(t)
	u := srv.NewUser("Hoa", "vi")
	u.SendText("một")
	u.SendText("hai")

	code, r := postJSON(t, srv.methodURL("setWebhook"), map[string]any{"url": hs.URL, "secret_token": "bad secret!"})
	if code != 400 {
		t.Fatalf("invalid secret accepted: %d %+v", code, r)
	}
	if code, r := postJSON(t, srv.methodURL("setWebhook"), map[string]any{"url": hs.URL, "secret_token": "s3cr-et_"}); code != 200 {
		t.Fatalf("setWebhook: %d %+v", code, r)
	}
	waitFor(t, "two updates delivered", func() bool { return srv.PendingUpdates() == 0 })
	mu.Lock()
	// Update 1 failed once with 500 and came again: delivered twice, still in order.
	if len(ids) != 3 || ids[0] != 1 || ids[1] != 1 || ids[2] != 2 {
		t.Fatalf("delivered %v", ids)
	}
	for _, s := range secrets {
		if s != "s3cr-et_" {
			t.Fatalf("secret header %q", s)
		}
	}
	mu.Unlock()

	if code, r := postJSON(t, srv.methodURL("getUpdates"), map[string]any{}); code != http.StatusConflict || r.ErrorCode != 409 {
		t.Fatalf("getUpdates with webhook: %d %+v", code, r)
	}
	_, r = postJSON(t, srv.methodURL("getWebhookInfo"), map[string]any{})
	var info struct {
		URL       string `json:"url"`
		Pending   int    `json:"pending_update_count"`
		LastError string `json:"last_error_message"`
	}
	_ = json.Unmarshal(r.Result, &info)
	if info.URL != hs.URL || info.Pending != 0 || info.LastError == "" {
		t.Fatalf("webhook info %+v", info)
	}

	// Back to polling; drop_pending_updates forgets what was queued meanwhile.
	if code, _ := postJSON(t, srv.methodURL("deleteWebhook"), map[string]any{}); code != 200 {
		t.Fatal("deleteWebhook")
	}
	u.SendText("ba")
	_, r = postJSON(t, srv.methodURL("getUpdates"), map[string]any{})
	if got := updateIDs(t, r); len(got) != 1 || got[0] != 3 {
		t.Fatalf("after deleteWebhook: %v", got)
	}
	postJSON(t, srv.methodURL("deleteWebhook"), map[string]any{"drop_pending_updates": true})
	_, r = postJSON(t, srv.methodURL("getUpdates"), map[string]any{})
	if got := updateIDs(t, r); len(got) != 0 {
		t.Fatalf("after drop_pending_updates: %v", got)
	}
	mu.Lock()
	n := len(ids)
	mu.Unlock()
	if n != 3 {
		t.Fatalf("delivered after deleteWebhook: %d", n)
	}
}

// The library's own webhook handler, fed by the server's delivery loop.
func TestWebhookWithRealClient(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := newServer(t)
	var mu sync.Mutex
	var rejected int
	b := newBot(t, srv, bot.WithWebhookSecretToken("topsecret"),
		bot.WithErrorsHandler(func(error) { mu.Lock(); rejected++; mu.Unlock() }),
		bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {
			if u.Message != nil {
				_, _ = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "webhook: " + u.Message.Text})
			}
		}))
	hs := httptest.NewServer(b.WebhookHandler())
	defer hs.Close()
	done := make(chan struct{})
	go func() { b.StartWebhook(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	if ok, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: hs.URL, SecretToken: "topsecret"}); err != nil || !ok {
		t.Fatalf("SetWebhook: %v", err)
	}
	u := srv.NewUser("Lan", "vi")
	u.SendText("xin chào")
	m, err := u.Next(3 * time.Second)
	if err != nil || m.Text != "webhook: xin chào" {
		t.Fatalf("%v %+v", err, m)
	}
	// Deliver posts directly, e.g. a forged update with a wrong secret: the library
	// answers 200 but must not handle it.
	status, err := srv.Deliver(ctx, hs.URL, "wrong", models.Update{ID: 99, Message: &models.Message{ID: 1, Date: 1, Chat: models.Chat{ID: u.ID, Type: "private"}, Text: "forged"}})
	if err != nil || status != 200 {
		t.Fatalf("Deliver: %d %v", status, err)
	}
	if m, err := u.Next(300 * time.Millisecond); err == nil {
		t.Fatalf("forged update handled: %+v", m)
	}
	mu.Lock()
	if rejected != 1 {
		t.Errorf("library reported %d rejected webhook calls, want 1", rejected)
	}
	mu.Unlock()
	if info, err := b.GetWebhookInfo(ctx); err != nil || info.URL != hs.URL {
		t.Fatalf("GetWebhookInfo: %v %+v", err, info)
	}
	if ok, err := b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{}); err != nil || !ok {
		t.Fatalf("DeleteWebhook: %v", err)
	}
}
