package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// WEBHOOK_URL's path was put into an http.ServeMux pattern as it is, where
// braces are wildcards: https://bot.example.org/tg{1} (Telegram takes any
// path) passed the settings' check, migrated the database, then crashed the
// bot with a Go panic ("bad wildcard segment") instead of one line; and
// https://bot.example.org/hook/{$} started, but its pattern matched
// /hook/ only, so every update Telegram posted to the webhook's own path
// got 404 and stayed with Telegram. The path is now matched as written.
func TestWebhookPathIsMatchedAsWritten(t *testing.T) {
	for _, c := range []struct{ url, post string }{
		{"https://bot.example.org/tg{1}", "/tg%7B1%7D"},
		{"https://bot.example.org/hook/{$}", "/hook/%7B$%7D"},
	} {
		t.Run(c.post, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			env := append(opEnv(srv, storagetest.URL(t)), "WEBHOOK_URL="+c.url, "WEBHOOK_SECRET=right_secret")
			p := startOp(t, env)
			deadline := time.Now().Add(60 * time.Second)
			for {
				if code, _ := p.get(t, "/healthz"); code == http.StatusOK {
					break
				}
				if p.cmd.ProcessState != nil || len(p.lines("panic")) > 0 || time.Now().After(deadline) {
					t.Fatalf("WEBHOOK_URL=%s: the bot did not start:\n%s", c.url, strings.Join(p.lines(""), "\n"))
				}
				time.Sleep(100 * time.Millisecond)
			}
			u := srv.NewUser("Lan", "vi")
			body := fmt.Sprintf(`{"update_id":1,"message":{"message_id":1,"date":%d,"chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"Lan"},"text":"/help","entities":[{"type":"bot_command","offset":0,"length":5}]}}`,
				time.Now().Unix(), u.ID, u.ID)
			req, err := http.NewRequest(http.MethodPost, "http://"+p.addr+c.post, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "right_secret")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("WEBHOOK_URL=%s: an update posted to %s answered %s, want 200", c.url, c.post, resp.Status)
			}
			waitUntil(t, "/help answered", func() bool { return len(u.Messages()) > 0 })
		})
	}
}
