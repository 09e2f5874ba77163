package bot_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// A poller held back by a full backlog for longer than the health check's
// limit, once released, long-polls Telegram (up to 50 s). The time it was
// held back is the bot's own, not Telegram's silence: /healthz said "no
// answer from Telegram" until that first getUpdates returned.
func TestPollerReleasedFromALongThrottleIsNotStalled(t *testing.T) {
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the poller stops
	p, release := runThrottledPoller(t, srv, 2*time.Second)
	const after = 300 * time.Millisecond
	waitFor(t, "the poller to wait for room", p.Throttled)
	time.Sleep(2 * after) // held back longer than the limit
	if why := p.Stalled(time.Now(), after); why != "" {
		t.Fatalf("a throttled poller is said stalled: %q", why)
	}
	close(release)
	waitFor(t, "the poller to ask Telegram", func() bool { return !p.Throttled() })
	time.Sleep(after / 3) // getUpdates is waiting for updates (none come for 2 s)
	if !p.LastSuccess().IsZero() {
		t.Fatal("getUpdates answered at once; the test needs it to be waiting")
	}
	if why := p.Stalled(time.Now(), after); why != "" {
		t.Errorf("a poller just released from a long throttle, waiting on getUpdates, is said stalled: %q", why)
	}
	// The silence that follows is Telegram's again.
	if why := p.Stalled(time.Now().Add(2*after), after); why == "" {
		t.Error("a poller with no answer for longer than the limit after its release is not said stalled")
	}
}

// runThrottledPoller runs a poller of srv whose Throttle holds it back
// until release is closed; it stops when the test ends.
func runThrottledPoller(t *testing.T, srv *telegramtest.Server, timeout time.Duration) (*bot.Poller, chan struct{}) {
	release := make(chan struct{})
	p := &bot.Poller{ServerURL: srv.URL, Token: srv.Token, Timeout: timeout,
		Throttle: func(ctx context.Context) error {
			select {
			case <-release:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Run(ctx, func(context.Context, []json.RawMessage) error { return nil })
	}()
	t.Cleanup(func() { cancel(); <-done })
	return p, release
}
