package bot_test

// What Telegram refuses, and what the runtime does then (review,
// 2026-11-30): each refusal is dropped at once, counted by what it means,
// and the chat's later replies go out. Each test failed before its fix.

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// twoReplies answers a text with what the text asks for, then "after";
// "edit N" edits message N; "keys" sends a message with a button; a press
// is answered, and its message edited.
type twoReplies struct{}

func (twoReplies) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	chat := bot.ChatOf(u)
	if cb := u.CallbackQuery; cb != nil {
		return []bot.Reply{bot.Answer{ChatID: chat, CallbackQueryID: cb.ID, Text: "ok"},
			bot.Edit{ChatID: chat, MessageID: cb.Message.Message.ID, Text: "pressed"}}, nil
	}
	if u.Message == nil {
		return nil, nil
	}
	text := u.Message.Text
	var first bot.Reply = bot.Message{ChatID: chat, Text: "first: " + text}
	switch {
	case strings.HasPrefix(text, "edit "):
		id, _ := strconv.Atoi(strings.TrimPrefix(text, "edit "))
		first = bot.Edit{ChatID: chat, MessageID: id, Text: "edited", Keyboard: bot.Keyboard{{{Text: "b", Data: "x"}}}}
	case text == "keys":
		first = bot.Message{ChatID: chat, Text: "keys", Keyboard: bot.Keyboard{{{Text: "b", Data: "x"}}}}
	}
	return []bot.Reply{first, bot.Message{ChatID: chat, Text: "after"}}, nil
}

func (twoReplies) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

func counters(t *testing.T, reg *prometheus.Registry) map[string]float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			if m.Counter == nil {
				continue
			}
			name := mf.GetName()
			for _, l := range m.GetLabel() {
				name += "{" + l.GetValue() + "}"
			}
			out[name] += m.Counter.GetValue()
		}
	}
	return out
}

// Each refusal Telegram gives: the reply is tried once and dropped, counted
// under what it means (a user who blocked the bot or deleted their account
// is no error of the bot's, a rejected keyboard is), and the chat's next
// reply goes out at once (they used to be all "refused", logged as REPLY
// DROPPED errors alike).
func TestRefusalsAreDroppedAtOnceAndCounted(t *testing.T) {
	for _, c := range []struct {
		name, method, desc, why string
		code                    int
		text                    string
	}{
		{"blocked", "sendMessage", "Forbidden: bot was blocked by the user", "forbidden", 403, "hi"},
		{"deactivated", "sendMessage", "Forbidden: user is deactivated", "forbidden", 403, "hi"},
		{"chat not found", "sendMessage", "Bad Request: chat not found", "chat_gone", 400, "hi"},
		{"muted in a group", "sendMessage", "Bad Request: not enough rights to send text messages to the chat", "forbidden", 400, "hi"},
		{"button data", "sendMessage", "Bad Request: BUTTON_DATA_INVALID", "refused", 400, "keys"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			b := bottest.Start(t, srv, storagetest.Open(t), twoReplies{})
			reg := prometheus.NewRegistry()
			if err := b.Runtime.Register(reg); err != nil {
				t.Fatal(err)
			}
			an := srv.NewUser("An", "vi")
			srv.Inject(telegramtest.Fault{Method: c.method, Code: c.code, Description: c.desc, Count: 1})
			began := time.Now()
			b.WaitHandled(t, an.SendText(c.text))
			m, err := an.Next(5 * time.Second)
			if err != nil || m.Text != "after" {
				t.Fatalf("the reply after a refused one: %v %v", m, err)
			}
			if d := time.Since(began); d > 3*time.Second {
				t.Errorf("the next reply waited %v", d)
			}
			if n := len(srv.CallsTo(c.method)); n != 2 {
				t.Errorf("%s called %d times; want the refused one once and the next", c.method, n)
			}
			var status, lastErr string
			if err := b.Inbox.DB().QueryRow(`SELECT status, last_error FROM outbox WHERE status <> 'pending'`).Scan(&status, &lastErr); err != nil || status != "dropped" || !strings.Contains(lastErr, c.desc[strings.Index(c.desc, ": ")+2:]) {
				t.Errorf("the refused reply's row: %q %q (%v)", status, lastErr, err)
			}
			got := counters(t, reg)
			if got["dvcbot_replies_dropped_total{"+c.why+"}"] != 1 {
				t.Errorf("dropped counters: %v; want one %q", dropped(got), c.why)
			}
		})
	}
}

func dropped(got map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for k, v := range got {
		if strings.HasPrefix(k, "dvcbot_replies_dropped_total") {
			out[k] = v
		}
	}
	return out
}

// An edit of a message the user deleted meanwhile ("message to edit not
// found") sends the screen as a new message: the user used to be left with
// no screen at all, the edit dropped as a bot error. An edit that changes
// nothing ("message is not modified") is no failure; a press answered too
// late ("query is too old") is dropped quietly, the edit after it goes.
func TestEditsAndAnswersTelegramRefuses(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), twoReplies{})
	reg := prometheus.NewRegistry()
	if err := b.Runtime.Register(reg); err != nil {
		t.Fatal(err)
	}
	an := srv.NewUser("An", "vi")
	b.WaitHandled(t, an.SendText("keys"))
	keys := an.Messages()[0]

	b.WaitHandled(t, an.SendText("edit 999"))
	ms := an.Messages()
	if len(ms) != 4 || ms[2].Text != "edited" || len(ms[2].Keyboard) != 1 || ms[3].Text != "after" {
		t.Errorf("after an edit of a deleted message the chat shows %v", msgTexts(ms))
	}

	b.WaitHandled(t, an.SendText("edit "+strconv.Itoa(keys.ID)))
	b.WaitHandled(t, an.SendText("edit "+strconv.Itoa(keys.ID))) // the same again: not modified

	srv.Inject(telegramtest.Fault{Method: "answerCallbackQuery", Code: 400, Count: 1,
		Description: "Bad Request: query is too old and response timeout expired or query ID is invalid"})
	id, err := an.PressOn(keys.ID, "b")
	if err != nil {
		t.Fatal(err)
	}
	b.WaitHandled(t, id)
	if m := an.Messages()[0]; m.Text != "pressed" {
		t.Errorf("the edit after a refused answer: %q", m.Text)
	}
	got := counters(t, reg)
	if d := dropped(got); len(d) != 1 || d["dvcbot_replies_dropped_total{answer_refused}"] != 1 {
		t.Errorf("dropped: %v; want only the late answer", d)
	}
	if n := len(srv.CallsTo("answerCallbackQuery")); n != 1 {
		t.Errorf("the late answer was tried %d times", n)
	}
}

func msgTexts(ms []*telegramtest.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}
