package telegramtest

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

// Close must leave nothing behind: long polls, a bot's poller, a webhook loop that is
// retrying against an address where nobody listens.
func TestCloseLeavesNoGoroutines(t *testing.T) {
	client := &http.Client{}
	before := runtime.NumGoroutine()

	srv := NewServer()
	u := srv.NewUser("Khoa", "vi")
	b, err := bot.New(srv.Token, bot.WithServerURL(srv.URL), bot.WithSkipGetMe(), bot.WithErrorsHandler(func(error) {}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Start(ctx); close(done) }()
	u.SendText("hi")
	waitFor(t, "bot to consume the update", func() bool { return srv.PendingUpdates() == 0 })
	cancel()
	<-done

	resp, err := client.Post(srv.methodURL("setWebhook"), "application/json", strings.NewReader(`{"url":"http://127.0.0.1:1/hook"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	u.SendText("undeliverable")
	time.Sleep(150 * time.Millisecond)
	srv.Close()
	client.CloseIdleConnections()

	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := runtime.Stack(buf, true)
			t.Fatalf("%d goroutines before, %d after Close:\n%s", before, runtime.NumGoroutine(), buf[:n])
		}
		time.Sleep(20 * time.Millisecond)
	}
}
