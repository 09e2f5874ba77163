package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A token pasted with a space inside, or one that is only a colon, passed
// the check ("contains a colon"): the bot went on to migrate the database
// and then asked Telegram with it. Its error then carried the token in the
// clear (the client hides the token in URLs, but a space is escaped there
// as %20, so the hiding missed it). A token is digits, a colon, and
// letters, digits, _ and -: anything else stops start-up now with one line
// naming the variable and not repeating the value.
func TestTokenOfTelegramsShape(t *testing.T) {
	base := map[string]string{"DATABASE_URL": "postgres://x@127.0.0.1:1/db"}
	with := func(token string) map[string]string {
		m := map[string]string{"TELEGRAM_BOT_TOKEN": token}
		for k, v := range base {
			m[k] = v
		}
		return m
	}
	for _, token := range []string{":", "123:", ":AAbc", "123:AA bc-secret", "123:AA/bc", "abc:AAbc", "123:AA%20bc", "123:AAé"} {
		_, err := loadConfig(nil, env(with(token)), needs{token: true, database: true}, &bytes.Buffer{})
		var ce *configError
		if !errors.As(err, &ce) || ce.name != "TELEGRAM_BOT_TOKEN" || !strings.Contains(ce.problem, "malformed") {
			t.Errorf("TELEGRAM_BOT_TOKEN=%q: %v; want TELEGRAM_BOT_TOKEN is malformed", token, err)
			continue
		}
		if len(token) > 3 && strings.Contains(err.Error(), token) {
			t.Errorf("TELEGRAM_BOT_TOKEN=%q: the error repeats the token: %q", token, err)
		}
	}
	for _, token := range []string{"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "1:a", "123456:TEST-TOKEN", "42:a_b-c"} {
		if _, err := loadConfig(nil, env(with(token)), needs{token: true, database: true}, &bytes.Buffer{}); err != nil {
			t.Errorf("TELEGRAM_BOT_TOKEN=%q refused: %v", token, err)
		}
	}
}

// GUIDES_DIR set to a directory that is not there (a volume not mounted, a
// typo) let the bot wait for its database and migrate it, then stopped
// with "guides are not valid: .: no guide files (*.yaml)", naming neither
// the variable nor the directory. It stops at once now, with one line that
// names both, as every other setting does.
func TestGuidesDirMustBeADirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "khai-sinh.yaml")
	if err := os.WriteFile(file, []byte("id: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(t.TempDir(), "nowhere"), file} {
		vars := map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": "postgres://x@127.0.0.1:1/db", "GUIDES_DIR": dir}
		_, err := loadConfig(nil, env(vars), needs{token: true, database: true}, &bytes.Buffer{})
		var ce *configError
		if !errors.As(err, &ce) || ce.name != "GUIDES_DIR" || !strings.Contains(err.Error(), dir) || strings.Contains(err.Error(), "\n") {
			t.Errorf("GUIDES_DIR=%s: %v; want one line naming GUIDES_DIR and the directory", dir, err)
		}
	}
	c, err := loadConfig(nil, env(map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": "postgres://x@127.0.0.1:1/db", "GUIDES_DIR": t.TempDir()}),
		needs{token: true, database: true}, &bytes.Buffer{})
	if err != nil || c.GuidesDir == "" {
		t.Errorf("GUIDES_DIR set to a directory: %v, GuidesDir %q", err, c.GuidesDir)
	}
}
