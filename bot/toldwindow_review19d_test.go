package bot_test

// What the handler is told after a send (review 19): a tracked message's id
// (Sent), a chat that blocked the bot (Unreachable). The reply left the
// outbox (delivered, or marked dropped) before the handler's record of it
// committed: a test waiting until no reply is pending (handlers' quiet)
// could go on while the screen's id or the block was still unrecorded, and
// read the conversation or the user's row too early. The reply now leaves
// the outbox in the transaction that records it: until that commits, it
// is still pending for everyone else.

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// windowWatcher sends one message, tracked; Sent and Unreachable note how
// many of the chat's replies are pending seen from outside their
// transaction and from inside it.
type windowWatcher struct {
	db   *sqlx.DB
	mu   sync.Mutex
	seen []string
}

var (
	_ bot.SentHandler        = (*windowWatcher)(nil)
	_ bot.UnreachableHandler = (*windowWatcher)(nil)
)

func (h *windowWatcher) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	if u.Message == nil {
		return nil, nil
	}
	return []bot.Reply{bot.Message{ChatID: bot.ChatOf(u), Text: "screen", Track: "3"}}, nil
}

func (h *windowWatcher) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

func (h *windowWatcher) note(ctx context.Context, tx *sqlx.Tx, what string, chat int64) error {
	const pending = `SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'pending'`
	// Inside first: a reply leaving the outbox in a transaction of its own
	// (a batch of marks) is seen leaving by neither read, or only by the
	// later, outside one.
	var outside, inside int
	if err := tx.GetContext(ctx, &inside, pending, chat); err != nil {
		return err
	}
	if err := h.db.GetContext(ctx, &outside, pending, chat); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen = append(h.seen, fmt.Sprintf("%s: %d pending outside, %d inside", what, outside, inside))
	return nil
}

func (h *windowWatcher) Sent(ctx context.Context, tx *sqlx.Tx, chat int64, track string, id int) error {
	return h.note(ctx, tx, "sent", chat)
}

func (h *windowWatcher) Unreachable(ctx context.Context, tx *sqlx.Tx, chat int64, deleted bool) error {
	return h.note(ctx, tx, "unreachable", chat)
}

func (h *windowWatcher) got() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.seen...)
}

func TestToldInTheTransactionTheReplyLeavesIn(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	h := &windowWatcher{}
	b := bottest.Start(t, srv, storagetest.Open(t), h)
	h.db = b.Inbox.DB()

	an := srv.NewUser("An", "vi")
	b.WaitHandled(t, an.SendText("hi"))
	if _, err := an.Next(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 403, Description: "Forbidden: bot was blocked by the user", Count: 1, ChatID: an.ID})
	b.WaitHandled(t, an.SendText("again"))
	waitFor(t, "both told", func() bool { return len(h.got()) == 2 })

	// While the record is being written, the reply is still pending for
	// anyone who waits on the outbox; in the transaction, it has left.
	want := []string{"sent: 1 pending outside, 0 inside", "unreachable: 1 pending outside, 0 inside"}
	if got := h.got(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("what the outbox held while the handler recorded:\n got %q\nwant %q", got, want)
	}
	// And once recorded, it is gone: delivered, or kept as dropped.
	var pending, dropped int
	if err := h.db.Get(&pending, `SELECT count(*) FROM outbox WHERE status = 'pending'`); err != nil || pending != 0 {
		t.Errorf("%d replies still pending (%v)", pending, err)
	}
	if err := h.db.Get(&dropped, `SELECT count(*) FROM outbox WHERE status = 'dropped'`); err != nil || dropped != 1 {
		t.Errorf("%d replies kept as dropped (%v); want the refused one", dropped, err)
	}
}
