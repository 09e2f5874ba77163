package main

import (
	"io"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The running bot asks Telegram for edited messages (allowed_updates) and
// answers one: a volunteer who corrects an answer by editing it is told to
// send it again (Telegram used to keep edits from the bot, which said
// nothing while the first answer stood).
func TestServeAnswersAnEditedMessage(t *testing.T) {
	tg := telegramtest.NewServer()
	defer tg.Close()
	cfg, err := loadConfig(nil, func(k string) string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": tg.Token, "TELEGRAM_API_URL": tg.URL, "DATABASE_URL": storagetest.URL(t),
			"HTTP_ADDR": "127.0.0.1:" + freePort(t)}[k]
	}, needs{token: true, database: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	serveInProcess(t, cfg, nil)
	u := tg.NewUser("Lan", "vi")
	u.SendText("/help")
	if _, err := u.Next(20 * time.Second); err != nil {
		t.Fatal(err)
	}
	u.EditLast("/hlep")
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := u.Next(10 * time.Second)
	if err != nil || m.Text != texts.For("vi").T("error.edited") {
		t.Fatalf("an edited message is answered %v (%v)", m, err)
	}
}
