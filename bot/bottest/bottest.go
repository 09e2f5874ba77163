// Package bottest runs the real runtime against the fake Telegram server
// for end-to-end tests: the go-telegram/bot client talks HTTP to
// telegramtest, updates travel through the inbox in PostgreSQL, the per-chat
// scheduling (chats.go) and the sender exactly as in production.
//
//	srv := telegramtest.NewServer()
//	b := bottest.Start(t, srv, storagetest.Open(t), handler)
//	id := srv.NewUser("An", "vi").SendText("/start")
//	b.WaitHandled(t, id)
package bottest

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Bot is a running runtime fed by long polling from the fake server.
type Bot struct {
	Server  *telegramtest.Server
	Store   *storage.Storage
	Inbox   *bot.Store // the runtime's inbox and outbox
	API     *tg.Bot
	Runtime *bot.Runtime
	Sender  *bot.Sender

	mu      sync.Mutex
	handled map[int64]int // update id → times the runtime finished it
	// finished is closed and replaced each time the runtime finishes a
	// job, so WaitHandled wakes at once rather than at its next poll.
	finished chan struct{}
	cancel   context.CancelFunc
	polled   chan struct{}
	stopped  bool
}

// Option tunes the runtime under test.
type Option func(*config)

type config struct {
	sender  []bot.SenderOption
	runtime []bot.Option
	noPoll  bool
	client  *http.Client
}

// WithSender passes options to the Sender. By default the per-chat limit
// is lifted (tests press faster than any person), the global one kept.
func WithSender(opts ...bot.SenderOption) Option {
	return func(c *config) { c.sender = append(c.sender, opts...) }
}

// WithRuntime passes options to the Runtime.
func WithRuntime(opts ...bot.Option) Option {
	return func(c *config) { c.runtime = append(c.runtime, opts...) }
}

// WithHTTPClient sends the Bot API calls other than getUpdates through
// client (by default go-telegram/bot's own).
func WithHTTPClient(client *http.Client) Option {
	return func(c *config) { c.client = client }
}

// WithoutPolling starts no poller: updates come through the webhook.
func WithoutPolling() Option { return func(c *config) { c.noPoll = true } }

// Start wires a runtime for h, replays the inbox and starts polling; the
// runtime is stopped at the end of the test.
func Start(t testing.TB, srv *telegramtest.Server, store *storage.Storage, h bot.Handler, opts ...Option) *Bot {
	t.Helper()
	var c config
	for _, o := range opts {
		o(&c)
	}
	tgOpts := []tg.Option{tg.WithServerURL(srv.URL), tg.WithSkipGetMe()}
	if c.client != nil {
		tgOpts = append(tgOpts, tg.WithHTTPClient(0, c.client))
	}
	api, err := tg.New(srv.Token, tgOpts...)
	if err != nil {
		t.Fatalf("bottest: client: %v", err)
	}
	b := &Bot{Server: srv, Store: store, API: api, handled: map[int64]int{}, finished: make(chan struct{}), polled: make(chan struct{})}
	b.Sender = bot.NewSender(api, append([]bot.SenderOption{bot.WithChatRate(1000, 1000), bot.WithRetries(8, 50*time.Millisecond)}, c.sender...)...)
	ropts := append([]bot.Option{bot.WithOnHandled(b.done)}, c.runtime...)
	b.Inbox = bot.NewStore(store.DB())
	b.Runtime = bot.NewRuntime(b.Inbox, h, b.Sender, ropts...)
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	if err := b.Runtime.Replay(ctx); err != nil {
		t.Fatalf("bottest: replay: %v", err)
	}
	go b.Runtime.SweepOutbox(ctx, 200*time.Millisecond)
	if c.noPoll {
		close(b.polled)
	} else {
		p := &bot.Poller{ServerURL: srv.URL, Token: srv.Token, Timeout: time.Second}
		go func() {
			defer close(b.polled)
			p.Run(ctx, b.Runtime.Accept)
		}()
	}
	t.Cleanup(b.Stop)
	return b
}

func (b *Bot) done(id int64) {
	b.mu.Lock()
	b.handled[id]++
	close(b.finished)
	b.finished = make(chan struct{})
	b.mu.Unlock()
}

// Accept hands raw updates to the runtime as the webhook would.
func (b *Bot) Accept(ctx context.Context, raws ...json.RawMessage) error {
	return b.Runtime.Accept(ctx, raws)
}

// Stop stops polling and shuts the runtime down (in-flight updates get a
// second to finish). It is safe to call twice.
func (b *Bot) Stop() {
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return
	}
	b.stopped = true
	b.mu.Unlock()
	b.cancel()
	<-b.polled
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = b.Runtime.Shutdown(ctx)
}

// Handled reports how many times the runtime finished update id.
func (b *Bot) Handled(id int64) int {
	n, _ := b.handledOr(id)
	return n
}

// handledOr reports how many times the runtime finished update id, and a
// channel closed when it next finishes a job.
func (b *Bot) handledOr(id int64) (int, <-chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.handled[id], b.finished
}

// WaitHandled waits until the runtime finished the job of every id (its
// replies are sent: those to other chats, which wait in those chats'
// lines, too) and the inbox holds the update as done or failed: a job
// that ended without handling its update does not count.
func (b *Bot) WaitHandled(t testing.TB, ids ...int64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	poll := time.NewTimer(0)
	defer poll.Stop()
	for _, id := range ids {
		for {
			n, finished := b.handledOr(id)
			if n > 0 && !b.Runtime.ToOthersWaiting() && !b.pending(id) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("bottest: update %d not handled within 30s", id)
			}
			// The runtime finishing a job wakes this at once; the poll
			// catches an update handled by a job queued for another one
			// (the chat's earliest pending goes first) that left it done.
			poll.Reset(2 * time.Millisecond)
			select {
			case <-finished:
			case <-poll.C:
			}
		}
	}
}

func (b *Bot) pending(id int64) bool {
	status, _, err := b.Inbox.UpdateStatus(context.Background(), id)
	return err != nil || status == "pending"
}
