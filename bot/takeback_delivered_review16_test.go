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

// oneByOne answers each message with one reply: "fix" with one about the
// topic "fix:1" (a corrected dossier code), anything else with its text
// echoed; told that the chat is unreachable, it takes back the replies
// about "fix:" as the handlers do (takesBack).
type oneByOne struct{ takesBack }

func (*oneByOne) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	if u.Message == nil {
		return nil, nil
	}
	chat := bot.ChatOf(u)
	if u.Message.Text == "fix" {
		return []bot.Reply{bot.About{Topic: "fix:1", Reply: bot.Message{ChatID: chat, Text: "correction"}}}, nil
	}
	return []bot.Reply{bot.Message{ChatID: chat, Text: u.Message.Text}}, nil
}

// A reply Telegram took is deleted from the outbox in the next batch
// (20 ms later, longer while the delete fails). Told in that window that
// the chat blocked the bot, the handler took it back as never delivered,
// and the resident was told the corrected code again when they came back.
// The chat's delivered replies are now deleted before the handler hears
// of the block.
func TestADeliveredReplyIsNotTakenBack(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	h := &oneByOne{}
	b := bottest.Start(t, srv, storagetest.Open(t), h, bottest.WithRuntime(bot.WithMarksEvery(time.Hour)))
	an := srv.NewUser("An", "vi")
	next := func(want string) {
		t.Helper()
		if m, err := an.Next(5 * time.Second); err != nil || m.Text != want {
			t.Fatalf("got %v %v, want %q", m, err, want)
		}
	}
	// The first delivery's delete goes at once; the next waits an hour.
	b.WaitHandled(t, an.SendText("one"))
	next("one")
	b.WaitHandled(t, an.SendText("fix"))
	next("correction")
	var left int
	if err := b.Store.DB().Get(&left, `SELECT count(*) FROM outbox WHERE topic LIKE 'fix:%'`); err != nil || left != 1 {
		t.Fatalf("%d delivered corrections still in the outbox (%v): the test needs one", left, err)
	}
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 403, Description: "Forbidden: bot was blocked by the user", Count: 1, ChatID: an.ID})
	b.WaitHandled(t, an.SendText("three"))
	if got := h.got(); len(got) != 0 {
		t.Errorf("taken back as never delivered: %q; the chat got %q", got, texts(an))
	}
}

func texts(u *telegramtest.User) []string {
	var out []string
	for _, m := range u.Messages() {
		out = append(out, m.Text)
	}
	return out
}
