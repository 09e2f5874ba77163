package main

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A WEBHOOK_URL whose path is not clean — a double slash left by joining
// a base URL that ends in "/" with "/telegram", or "/./", "/../" — passed
// the settings' check, migrated the database, then crashed the bot with a
// Go panic ("non-CONNECT pattern with unclean path can never match"):
// http.ServeMux takes no such pattern. It stops at the settings' check now
// with one line naming WEBHOOK_URL, exit 2.
func TestWebhookURLUncleanPathIsASettingsError(t *testing.T) {
	for _, hook := range []string{"https://bot.example.org//telegram", "https://bot.example.org/a/./telegram", "https://bot.example.org/a/../telegram"} {
		t.Run(hook, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			p := startOp(t, append(opEnv(srv, storagetest.URL(t)), "WEBHOOK_URL="+hook, "WEBHOOK_SECRET=right_secret"))
			done := make(chan error, 1)
			go func() { done <- p.cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				t.Fatalf("WEBHOOK_URL=%s: the bot did not stop:\n%s", hook, strings.Join(p.lines(""), "\n"))
			}
			all := p.lines("")
			if len(p.lines("panic")) > 0 || p.cmd.ProcessState.ExitCode() != 2 || len(p.lines("WEBHOOK_URL")) != 1 {
				t.Errorf("WEBHOOK_URL=%s: exit %d, output:\n%s\nwant exit 2 and one line naming WEBHOOK_URL, no panic",
					hook, p.cmd.ProcessState.ExitCode(), strings.Join(all, "\n"))
			}
		})
	}
}
