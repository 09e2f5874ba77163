package bot_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// teller echoes each text; "tell N" also writes to chat N, first — as a
// resident's "⚠ Có vướng mắc" tells their volunteer.
type teller struct{}

func (teller) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	chat, text := bot.ChatOf(u), u.Message.Text
	var out []bot.Reply
	if to, ok := rowOf(text, "tell"); ok {
		out = append(out, bot.Message{ChatID: int64(to), Text: fmt.Sprintf("from %d", chat)})
	}
	return append(out, bot.Message{ChatID: chat, Text: "echo: " + text}), nil
}

func (teller) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

// A reply to another chat goes in that chat's line, not the writer's:
// while Telegram fails that other chat alone, the writer's own replies,
// written after it, are not held behind it; once Telegram takes the other
// chat's messages again, the reply reaches it, in order with that chat's
// own.
func TestReplyToAnotherChatWaitsInThatChatsLine(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), teller{})
	an, binh := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", ChatID: binh.ID, Code: 502, Description: "Bad Gateway"})

	b.WaitHandled(t, an.SendText(fmt.Sprintf("tell %d", binh.ID)))
	// Each try at Bình's message lasts ≈ 6 s here (8 attempts, 50 ms
	// doubling): behind it, An's echo would wait that long at least.
	expectWithin(t, an, fmt.Sprintf("echo: tell %d", binh.ID), 3*time.Second)
	b.WaitHandled(t, an.SendText("hi"))
	expectWithin(t, an, "echo: hi", 3*time.Second)
	if got := messagesOf(binh); len(got) != 0 {
		t.Fatalf("Bình got %q while Telegram failed their chat", got)
	}

	srv.ClearFaults()
	b.WaitHandled(t, binh.SendText("mine"))
	waitMessages(t, binh, 2)
	if got, want := messagesOf(binh), []string{fmt.Sprintf("from %d", an.ID), "echo: mine"}; !slices.Equal(got, want) {
		t.Fatalf("Bình got %q, want %q", got, want)
	}
}

// The same in a batch of several chats' updates (one transaction).
func TestBatchReplyToAnotherChatWaitsInThatChatsLine(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	b, h := startBatcher(t, srv)
	an, chi, binh := srv.NewUser("An", "vi"), srv.NewUser("Chi", "vi"), srv.NewUser("Bình", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", ChatID: binh.ID, Code: 502, Description: "Bad Gateway"})
	tell := fmt.Sprintf("tell %d", binh.ID)
	var ids []int64
	holdWhile(t, b, h, 2, func() {
		ids = append(ids, an.SendText(tell), chi.SendText("x"))
	})
	b.WaitHandled(t, ids...)
	if h.batchesSeen() == 0 {
		t.Fatal("the two updates were not handled in one batch")
	}
	expectWithin(t, an, "echo: "+tell, 3*time.Second)
	expectWithin(t, chi, "echo: x", 3*time.Second)

	srv.ClearFaults()
	waitMessages(t, binh, 1)
	if got, want := messagesOf(binh), []string{fmt.Sprintf("from %d", an.ID)}; !slices.Equal(got, want) {
		t.Fatalf("Bình got %q, want %q", got, want)
	}
}

func expectWithin(t *testing.T, u *telegramtest.User, want string, d time.Duration) {
	t.Helper()
	m, err := u.Next(d)
	if err != nil {
		t.Fatalf("%s: waiting %v for %q: %v", u.FirstName, d, want, err)
	}
	if m.Text != want {
		t.Fatalf("%s: bot said %q, want %q", u.FirstName, m.Text, want)
	}
}
