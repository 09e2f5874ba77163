package telegramtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

// A test can make Telegram report what an operator meets in webhook mode:
// a delivery that failed (a secret rotated on one side only, a
// certificate expired) and a webhook someone else set or deleted, through
// getWebhookInfo as the real one reports them.
func TestWebhookInfoReportsFailuresAndOtherURLs(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	b := newBot(t, srv)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer hs.Close()
	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: hs.URL, SecretToken: "ours", AllowedUpdates: []string{"message"}}); err != nil {
		t.Fatal(err)
	}
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.URL != hs.URL || info.LastErrorDate != 0 || !slices.Equal(info.AllowedUpdates, []string{"message"}) {
		t.Fatalf("a fresh webhook: %+v %v", info, err)
	}

	before := time.Now().Unix()
	srv.FailWebhookDelivery("Wrong response from the webhook: 401 Unauthorized")
	info, err = b.GetWebhookInfo(ctx)
	if err != nil || info.URL != hs.URL || int64(info.LastErrorDate) < before || int64(info.LastErrorDate) > time.Now().Unix() ||
		info.LastErrorMessage != "Wrong response from the webhook: 401 Unauthorized" {
		t.Fatalf("after a failed delivery: %+v %v", info, err)
	}

	// Another deployment sets its own: ours is no longer called.
	var theirs atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { theirs.Add(1) }))
	defer other.Close()
	srv.SetWebhookElsewhere(other.URL, "theirs")
	if info, err = b.GetWebhookInfo(ctx); err != nil || info.URL != other.URL {
		t.Fatalf("after another deployment's setWebhook: %+v %v", info, err)
	}
	srv.NewUser("Lan", "vi").SendText("xin chào")
	waitFor(t, "the update posted to the other webhook", func() bool { return srv.PendingUpdates() == 0 })
	if theirs.Load() != 1 {
		t.Fatalf("the other webhook got %d posts", theirs.Load())
	}
	if code, r := postJSON(t, srv.methodURL("getUpdates"), map[string]any{}); code != http.StatusConflict {
		t.Fatalf("getUpdates while another webhook is set: %d %+v", code, r)
	}

	// An instance started in long-polling mode deletes it.
	srv.SetWebhookElsewhere("", "")
	if info, err = b.GetWebhookInfo(ctx); err != nil || info.URL != "" {
		t.Fatalf("after another instance's deleteWebhook: %+v %v", info, err)
	}
}

// A delivery that fails is reported in Telegram's words for what went
// wrong: an untrusted certificate is an SSL error, not "Connection
// refused".
func TestWebhookDeliveryErrorsInTelegramsWords(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	b := newBot(t, srv)
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer tlsSrv.Close()
	closed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	closedURL := closed.URL
	closed.Close()
	srv.NewUser("Lan", "vi").SendText("xin chào")
	for _, tc := range []struct{ url, want string }{
		{tlsSrv.URL, "SSL error"},
		{closedURL, "Connection refused"},
	} {
		if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: tc.url}); err != nil {
			t.Fatal(err)
		}
		var msg string
		waitFor(t, "a delivery error", func() bool {
			info, err := b.GetWebhookInfo(ctx)
			if err != nil {
				t.Fatal(err)
			}
			msg = info.LastErrorMessage
			return msg != ""
		})
		if !strings.HasPrefix(msg, tc.want) {
			t.Errorf("a delivery to %s failed with %q, want %q…", tc.url, msg, tc.want)
		}
	}
}
