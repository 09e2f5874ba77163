package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

type count struct{ n atomic.Int64 }

func (c *count) Inc() { c.n.Add(1) }

// A poller blocked by a webhook another deployment set: Telegram answers
// every getUpdates at once, with 409 Conflict. After three minutes the
// health check said "no answer from Telegram", which sends the operator
// to the network; it now says what is true: Telegram refuses getUpdates,
// and why. And a poller that really gets no answer still says so.
func TestStalledPollerSaysWhatIsTrue(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	srv.SetWebhookElsewhere("https://other.example.org/hook", "theirs")
	conflicts := &count{}
	p := &bot.Poller{ServerURL: srv.URL, Token: srv.Token, Timeout: time.Second, Conflicts: conflicts}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run(ctx, func(context.Context, []json.RawMessage) error { return nil })
	}()
	defer func() { cancel(); <-done }()
	waitFor(t, "Telegram to refuse getUpdates", func() bool { return conflicts.n.Load() > 0 })

	if why := p.Stalled(time.Now(), 3*time.Minute); why != "" {
		t.Errorf("stalled at its start: %q", why)
	}
	why := p.Stalled(time.Now().Add(4*time.Minute), 3*time.Minute)
	if strings.Contains(why, "no answer") || !strings.Contains(why, "409") || !strings.Contains(why, "webhook is set") {
		t.Errorf("a poller refused with 409 (a webhook set elsewhere) is said as %q", why)
	}

	// Telegram gone: no answer at all.
	gone := telegramtest.NewServer()
	url := gone.URL
	gone.Close()
	q := &bot.Poller{ServerURL: url, Token: "1:x", Timeout: time.Second}
	ctx2, cancel2 := context.WithCancel(context.Background())
	done2 := make(chan struct{})
	go func() {
		defer close(done2)
		q.Run(ctx2, func(context.Context, []json.RawMessage) error { return nil })
	}()
	time.Sleep(300 * time.Millisecond)
	why = q.Stalled(time.Now().Add(4*time.Minute), 3*time.Minute)
	cancel2()
	<-done2
	if !strings.Contains(why, "no answer from Telegram") {
		t.Errorf("a poller that never reached Telegram is said as %q", why)
	}
}
