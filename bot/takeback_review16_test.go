package bot_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// takesBack answers a message with three replies, the second about a
// topic ("fix:1", a corrected dossier code), and, told that the chat is
// unreachable, takes back the replies about "fix:" (bot.TakeBack), as the
// handlers do, keeping the topics to say later.
type takesBack struct {
	mu    sync.Mutex
	taken []string
}

var _ bot.UnreachableHandler = (*takesBack)(nil)

func (*takesBack) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	if u.Message == nil {
		return nil, nil
	}
	chat := bot.ChatOf(u)
	return []bot.Reply{
		bot.Message{ChatID: chat, Text: "first"},
		bot.About{Topic: "fix:1", Reply: bot.Message{ChatID: chat, Text: "correction"}},
		bot.Message{ChatID: chat, Text: "after"},
	}, nil
}

func (*takesBack) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

func (h *takesBack) Unreachable(ctx context.Context, tx *sqlx.Tx, chat int64, deleted bool) error {
	topics, err := bot.TakeBack(ctx, tx, "fix:")
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.taken = append(h.taken, topics...)
	return nil
}

func (h *takesBack) got() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.taken)
}

// A reply the handler takes back (TakeBack) when the chat's delivery meets
// a block is not sent by that same delivery afterwards: the handler keeps
// it to say when the user is back, so sent now it would be said twice
// (the user unblocked meanwhile), or it is one more call refused, counted
// as one more reply dropped for a reply that was no longer in the outbox.
func TestATakenBackReplyIsNotSentByTheDeliveryUnderWay(t *testing.T) {
	for _, c := range []struct {
		name        string
		count       int // calls refused; 0: all
		wantTexts   []string
		wantDropped float64
	}{
		{name: "unblocked meanwhile", count: 1, wantTexts: []string{"after"}, wantDropped: 1},
		{name: "still blocked", count: 0, wantTexts: nil, wantDropped: 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			h := &takesBack{}
			b := bottest.Start(t, srv, storagetest.Open(t), h)
			reg := prometheus.NewRegistry()
			if err := b.Runtime.Register(reg); err != nil {
				t.Fatal(err)
			}
			an := srv.NewUser("An", "vi")
			srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 403, Description: "Forbidden: bot was blocked by the user",
				Count: c.count, ChatID: an.ID})
			b.WaitHandled(t, an.SendText("hi"))
			if got := h.got(); !slices.Equal(got, []string{"fix:1"}) {
				t.Fatalf("taken back: %q, want fix:1", got)
			}
			var texts []string
			for _, m := range an.Messages() {
				texts = append(texts, m.Text)
			}
			if !slices.Equal(texts, c.wantTexts) {
				t.Errorf("the chat got %q, want %q", texts, c.wantTexts)
			}
			if got := counters(t, reg)["dvcbot_replies_dropped_total{forbidden}"]; got != c.wantDropped {
				t.Errorf("%v replies dropped as forbidden, want %v", got, c.wantDropped)
			}
		})
	}
}
