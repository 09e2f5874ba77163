package bot_test

// An edit of a message's buttons only (review 15): the older copy of a
// screen drawn again below loses its buttons, through the outbox like any
// reply; Telegram's "not modified" and "message to edit not found" leave
// it harmless, and the chat's next reply goes out.

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
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

// unbuttoner answers "keys" with a message with a button, and "strip N"
// by taking the buttons off message N; each then says "after".
type unbuttoner struct{}

func (unbuttoner) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	if u.Message == nil {
		return nil, nil
	}
	chat := bot.ChatOf(u)
	var first bot.Reply = bot.Message{ChatID: chat, Text: "keys", Keyboard: bot.Keyboard{{{Text: "b", Data: "x"}}}}
	if n, ok := strings.CutPrefix(u.Message.Text, "strip "); ok {
		id, _ := strconv.Atoi(n)
		first = bot.EditButtons{ChatID: chat, MessageID: id}
	}
	return []bot.Reply{first, bot.Message{ChatID: chat, Text: "after"}}, nil
}

func (unbuttoner) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

func TestEditButtonsTakesTheButtonsOffHarmlessly(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), unbuttoner{})
	an := srv.NewUser("An", "vi")
	next := func(want string) *telegramtest.Message {
		t.Helper()
		m, err := an.Next(5 * time.Second)
		if err != nil || m.Text != want {
			t.Fatalf("got %v %v, want %q", m, err, want)
		}
		return m
	}
	b.WaitHandled(t, an.SendText("keys"))
	keys := next("keys")
	next("after")

	// Failing once (a 5xx), the edit is taken up again from the outbox,
	// as after a restart.
	srv.Inject(telegramtest.Fault{Method: "editMessageReplyMarkup", Code: 500, Count: 1})
	for _, strip := range []string{strconv.Itoa(keys.ID), strconv.Itoa(keys.ID), "999999"} { // again: not modified; then none
		b.WaitHandled(t, an.SendText("strip "+strip))
		for {
			m, err := an.Next(10 * time.Second)
			if err != nil {
				t.Fatalf("strip %s: no \"after\": %v", strip, err)
			}
			if m.Text == "after" {
				break
			}
		}
	}
	for _, m := range an.Messages() {
		if m.ID == keys.ID && (m.Text != "keys" || len(m.Buttons()) != 0) {
			t.Errorf("message after its buttons were taken off: %q %+v", m.Text, m.Buttons())
		}
	}
	if n := len(srv.CallsTo("editMessageReplyMarkup")); n != 4 {
		t.Errorf("editMessageReplyMarkup called %d times; want 4 (a 5xx, its retry, not modified, not found)", n)
	}
	var dropped int
	if err := b.Inbox.DB().QueryRow(`SELECT count(*) FROM outbox WHERE status = 'dropped'`).Scan(&dropped); err != nil || dropped != 0 {
		t.Errorf("%d replies dropped (%v); an edit of buttons that changes nothing is harmless", dropped, err)
	}
}

// sentRecorder sends "tracked" with Track set, and keeps what Sent is told.
type sentRecorder struct {
	mu   sync.Mutex
	sent []string
}

func (s *sentRecorder) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	if u.Message == nil {
		return nil, nil
	}
	chat := bot.ChatOf(u)
	return []bot.Reply{bot.Message{ChatID: chat, Text: "plain"},
		bot.About{Topic: "t", Reply: bot.Message{ChatID: chat, Text: "tracked", Track: "v7"}}}, nil
}

func (s *sentRecorder) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

func (s *sentRecorder) Sent(ctx context.Context, tx *sqlx.Tx, chat int64, track string, messageID int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, fmt.Sprint(chat, " ", track, " ", messageID))
	return nil
}

// A message sent with Track tells the handler its id (SentHandler), once
// Telegram took it; one without, nothing.
func TestSentTellsTheTrackedMessagesID(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	h := &sentRecorder{}
	b := bottest.Start(t, srv, storagetest.Open(t), h)
	an := srv.NewUser("An", "vi")
	b.WaitHandled(t, an.SendText("hi"))
	var tracked *telegramtest.Message
	for range 2 {
		m, err := an.Next(5 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if m.Text == "tracked" {
			tracked = m
		}
	}
	if tracked == nil {
		t.Fatal("no tracked message")
	}
	want := fmt.Sprint(an.ID, " v7 ", tracked.ID)
	waitFor(t, "Sent", func() bool {
		h.mu.Lock()
		defer h.mu.Unlock()
		return slices.Equal(h.sent, []string{want})
	})
}
