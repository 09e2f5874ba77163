package main

import (
	"database/sql"
	"io"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The running bot asks Telegram for my_chat_member (allowed_updates): a
// user who blocks the bot in its private chat is held as blocked, and as
// back once they unblock it (Telegram drops the updates a bot did not ask
// for, and the bot used to know of a block only when a reply was refused).
func TestServeHearsABlock(t *testing.T) {
	tg := telegramtest.NewServer()
	defer tg.Close()
	url := storagetest.URL(t)
	cfg, err := loadConfig(nil, func(k string) string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": tg.Token, "TELEGRAM_API_URL": tg.URL, "DATABASE_URL": url,
			"HTTP_ADDR": "127.0.0.1:" + freePort(t)}[k]
	}, needs{token: true, database: true}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	serveInProcess(t, cfg, nil)
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u := tg.NewUser("Lan", "vi")
	u.SendText("/lang en") // a guest row: someone the bot keeps
	if _, err := u.Next(20 * time.Second); err != nil {
		t.Fatal(err)
	}
	blocked := func(want bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			var at sql.NullTime
			if err := db.Get(&at, `SELECT blocked_at FROM users WHERE telegram_id = $1`, u.ID); err != nil {
				t.Fatal(err)
			}
			if at.Valid == want {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("blocked_at set: %v, want %v", at.Valid, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	u.Block()
	blocked(true)
	u.Unblock()
	blocked(false)
}
