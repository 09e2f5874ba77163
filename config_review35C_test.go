package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// Telegram posts to a webhook on ports 443, 80, 88 and 8443 only
// (core.telegram.org/bots/api#setwebhook, "Ports currently supported for
// webhooks"). A WEBHOOK_URL on another port — the bot's own :8080 written
// into it — passed the settings' check, migrated the database, and failed
// only when setWebhook was called, with Telegram's "Bad webhook" in a log
// line. It stops at the settings' check now: exit 2, one line naming
// WEBHOOK_URL, the port, the ports Telegram takes and the usual fix.
func TestReview35CWebhookURLPortTelegramRefuses(t *testing.T) {
	base := map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": "postgres://x@127.0.0.1:1/db", "WEBHOOK_SECRET": "s3cret"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	for _, c := range []struct{ hook, port, api string }{
		{"https://bot.example.org:8080/telegram", "8080", ""},
		{"https://bot.example.org:8081/telegram", "8081", ""},
		{"https://203.0.113.7:3000/hook", "3000", ""},
		{"https://[2001:db8::1]:8080/telegram", "8080", ""},
		{"https://bot.example.org:4443/telegram", "4443", "https://api.telegram.org/"},
	} {
		vars := with("WEBHOOK_URL", c.hook)
		if c.api != "" {
			vars["TELEGRAM_API_URL"] = c.api
		}
		_, err := loadConfig(nil, env(vars), needs{token: true, database: true}, &bytes.Buffer{})
		var ce *configError
		if !errors.As(err, &ce) || ce.name != "WEBHOOK_URL" {
			t.Errorf("WEBHOOK_URL=%s: %v; want a settings error naming WEBHOOK_URL", c.hook, err)
			continue
		}
		for _, want := range []string{c.port, "443, 80, 88 or 8443", "reverse proxy", "HTTP_ADDR"} {
			if !strings.Contains(ce.problem, want) {
				t.Errorf("WEBHOOK_URL=%s: %q does not say %q", c.hook, err, want)
			}
		}
	}
	// As the bot says it: one line, exit 2, before the database is waited
	// for.
	var out, errOut bytes.Buffer
	code := run(nil, env(with("WEBHOOK_URL", "https://bot.example.org:8080/telegram")), strings.NewReader(""), &out, &errOut)
	if lines := strings.Split(strings.TrimSpace(errOut.String()), "\n"); code != 2 || len(lines) != 1 || !strings.Contains(lines[0], "WEBHOOK_URL") {
		t.Errorf("WEBHOOK_URL on port 8080: exit %d, stderr %q; want 2 and one line naming WEBHOOK_URL", code, errOut.String())
	}

	// An https URL without a port is on 443; the four ports, written out,
	// are taken.
	for _, hook := range []string{
		"https://bot.example.org/telegram",
		"https://bot.example.org:443/telegram",
		"https://bot.example.org:80/telegram",
		"https://bot.example.org:88/telegram",
		"https://bot.example.org:8443/telegram",
		"https://[2001:db8::1]/telegram",
		"https://[2001:db8::1]:8443/telegram",
	} {
		if _, err := loadConfig(nil, env(with("WEBHOOK_URL", hook)), needs{token: true, database: true}, &bytes.Buffer{}); err != nil {
			t.Errorf("WEBHOOK_URL=%s refused: %v", hook, err)
		}
	}

	// A Bot API server of one's own (TELEGRAM_API_URL, telegram-bot-api
	// --local) posts to any port (core.telegram.org/bots/api#using-a-local-bot-api-server):
	// it is left to answer setWebhook itself.
	vars := with("WEBHOOK_URL", "https://bot.example.org:8080/telegram", "TELEGRAM_API_URL", "http://127.0.0.1:8081")
	if _, err := loadConfig(nil, env(vars), needs{token: true, database: true}, &bytes.Buffer{}); err != nil {
		t.Errorf("WEBHOOK_URL on port 8080 with a Bot API server of one's own refused: %v", err)
	}
}
