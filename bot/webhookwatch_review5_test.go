package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// What getWebhookInfo says is said once in the logs, when it changes: a
// new delivery error (a different one, or the same after deliveries
// worked again), the webhook set elsewhere or deleted, and back; an error
// from before our setWebhook is not ours; getWebhookInfo failing is one
// warning and a counter.
func TestWebhookWatchSaysWhatChanged(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	ctx := context.Background()
	srv := telegramtest.NewServer()
	defer srv.Close()
	api, err := tg.New(srv.Token, tg.WithServerURL(srv.URL), tg.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	var status atomic.Int32
	status.Store(http.StatusOK)
	hs := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, _ *http.Request) { rw.WriteHeader(int(status.Load())) }))
	defer hs.Close()
	srv.FailWebhookDelivery("an error of the last deployment's")
	time.Sleep(1100 * time.Millisecond) // Telegram's dates are seconds
	since := time.Now()
	if _, err := api.SetWebhook(ctx, &tg.SetWebhookParams{URL: hs.URL, SecretToken: "ours"}); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	w := &bot.WebhookWatch{API: api, URL: hs.URL, Since: since, Log: slog.New(slog.NewTextHandler(&logs, nil))}
	reg := prometheus.NewRegistry()
	reg.MustRegister(w)
	said := func(words ...string) int {
		n := 0
		for _, l := range strings.Split(logs.String(), "\n") {
			ok := l != ""
			for _, word := range words {
				ok = ok && strings.Contains(l, word)
			}
			if ok {
				n++
			}
		}
		return n
	}
	gauge := func(name string) float64 {
		t.Helper()
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			if mf.GetName() == name {
				m := mf.GetMetric()[0]
				if m.GetGauge() != nil {
					return m.GetGauge().GetValue()
				}
				return m.GetCounter().GetValue()
			}
		}
		return -1
	}
	if got := gauge("dvcbot_webhook_ours"); got != -1 {
		t.Errorf("dvcbot_webhook_ours = %v before the first answer", got)
	}

	w.Check(ctx)
	if logs.Len() != 0 || gauge("dvcbot_webhook_ours") != 1 || gauge("dvcbot_webhook_last_error_timestamp_seconds") != 0 {
		t.Fatalf("a webhook that works: ours %v, last error %v, logs:\n%s", gauge("dvcbot_webhook_ours"),
			gauge("dvcbot_webhook_last_error_timestamp_seconds"), logs.String())
	}

	// The proxy's secret was rotated: Telegram's posts are refused, it
	// keeps the update and tries again.
	lan := srv.NewUser("Lan", "vi")
	status.Store(http.StatusUnauthorized)
	lan.SendText("/help")
	const secret = "Wrong response from the webhook: 401 Unauthorized"
	checkUntil := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s:\n%s", what, logs.String())
			}
			w.Check(ctx)
		}
	}
	checkUntil("the refusal said", func() bool { return said("level=WARN", secret) > 0 })
	for range 6 { // Telegram tries again, in vain
		time.Sleep(300 * time.Millisecond)
		w.Check(ctx)
	}
	if n := said("level=WARN", secret); n != 1 {
		t.Errorf("a delivery error that goes on said %d times, want once:\n%s", n, logs.String())
	}
	if got := gauge("dvcbot_webhook_last_error_timestamp_seconds"); got < float64(since.Unix()) {
		t.Errorf("dvcbot_webhook_last_error_timestamp_seconds = %v", got)
	}
	if got := gauge("dvcbot_webhook_pending_updates"); got != 1 {
		t.Errorf("dvcbot_webhook_pending_updates = %v, want 1", got)
	}
	// Another error: said too.
	const broken = "Wrong response from the webhook: 500 Internal Server Error"
	status.Store(http.StatusInternalServerError)
	checkUntil("the other error said", func() bool { return said("level=WARN", broken) > 0 })
	// Fixed: delivered, and said.
	status.Store(http.StatusOK)
	checkUntil("deliveries working again said", func() bool { return said("level=INFO", "delivers updates to the webhook again") > 0 })
	// The same error once more, after deliveries worked: said again.
	time.Sleep(1100 * time.Millisecond) // Telegram's dates are seconds
	status.Store(http.StatusInternalServerError)
	lan.SendText("/help")
	checkUntil("the error said again", func() bool { return said("level=WARN", broken) > 1 })
	status.Store(http.StatusOK)
	checkUntil("delivered", func() bool { return said("level=INFO", "delivers updates to the webhook again") > 1 })
	if n := said("level=WARN"); n != 3 {
		t.Errorf("%d warnings, want 3:\n%s", n, logs.String())
	}

	// Another deployment's webhook, a long poller's deleteWebhook, ours again.
	srv.SetWebhookElsewhere("https://other.example.org/hook", "theirs")
	w.Check(ctx)
	w.Check(ctx)
	if n := said("level=ERROR", "other.example.org"); n != 1 || gauge("dvcbot_webhook_ours") != 0 {
		t.Errorf("another webhook said %d times (want 1), ours = %v:\n%s", n, gauge("dvcbot_webhook_ours"), logs.String())
	}
	srv.SetWebhookElsewhere("", "")
	w.Check(ctx)
	w.Check(ctx)
	if n := said("level=ERROR", "deleted"); n != 1 {
		t.Errorf("a deleted webhook said %d times, want once:\n%s", n, logs.String())
	}
	srv.SetWebhookElsewhere(hs.URL, "ours")
	w.Check(ctx)
	if n := said("level=INFO", "this bot's again"); n != 1 || gauge("dvcbot_webhook_ours") != 1 {
		t.Errorf("ours again said %d times, ours = %v:\n%s", n, gauge("dvcbot_webhook_ours"), logs.String())
	}

	// Telegram does not answer getWebhookInfo.
	srv.Inject(telegramtest.Fault{Method: "getWebhookInfo", Code: 502, Count: 3})
	for range 3 {
		w.Check(ctx)
	}
	if n := said("level=WARN", "getWebhookInfo"); n != 1 {
		t.Errorf("getWebhookInfo failing 3 times said %d times:\n%s", n, logs.String())
	}
	if got := gauge("dvcbot_getwebhookinfo_errors_total"); got != 3 {
		t.Errorf("dvcbot_getwebhookinfo_errors_total = %v, want 3", got)
	}
	if strings.Contains(logs.String(), "last deployment's") {
		t.Errorf("an error from before our setWebhook was said:\n%s", logs.String())
	}
}
