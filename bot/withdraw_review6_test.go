package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// aboutHandler answers each message with a plain reply, then one about
// topic "t:1" (as /start answers with a note, then a follow-up's code).
type aboutHandler struct{}

func (aboutHandler) Handle(_ context.Context, _ *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	chat := bot.ChatOf(u)
	return []bot.Reply{bot.Message{ChatID: chat, Text: "note"},
		bot.About{Topic: "t:1", Reply: bot.Message{ChatID: chat, Text: "the code"}}}, nil
}

func (aboutHandler) Failed(context.Context, *models.Update) []bot.Reply { return nil }

// A chat's first reply failed once and was tried again a moment later; the
// reply behind it, about a follow-up the resident erased meanwhile, was
// then sent without a look: only replies reached a second after their
// delivery began were looked at again. A reply after one that needed
// another try is looked at before it is sent. (Found as a flaky handlers
// test: TestWebEraseWithdrawsTheFollowupShownByStart.)
func TestReplyWithdrawnWhileAnEarlierOneWasRetried(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), aboutHandler{},
		bottest.WithSender(bot.WithRetries(3, 400*time.Millisecond)))
	an := srv.NewUser("An", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502, Count: 1})
	id := an.SendText("/start")
	waitFor(t, "the first try of the note", func() bool { return len(srv.CallsTo("sendMessage")) >= 1 })
	// Erased while the note waits for its second try.
	tx, err := b.Inbox.DB().BeginTxx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bot.Withdraw(context.Background(), tx, "t:1"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.CallsTo("sendMessage")); n != 1 {
		t.Fatalf("%d sendMessage calls before the erase, want the note's failed one", n)
	}
	b.WaitHandled(t, id)
	expectText(t, an, "note")
	waitFor(t, "the outbox to empty", func() bool { return outboxRows(t, b) == 0 })
	time.Sleep(200 * time.Millisecond)
	for _, m := range an.Messages() {
		if m.Text == "the code" {
			t.Fatalf("the withdrawn reply was sent (%d sendMessage calls)", len(srv.CallsTo("sendMessage")))
		}
	}
}
