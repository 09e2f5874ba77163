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

// A generated password with a # or a % in DATABASE_URL (not
// percent-encoded) got "is malformed: want postgres://… or key=value
// pairs", which the operator's URL looked like already. The line now says
// what to look at — a character of the password to percent-encode — and
// still shows no part of the URL (the password least of all).
func TestDatabaseURLSaysWhatToEncode(t *testing.T) {
	for _, u := range []string{"postgres://dvcbot:s3cr#t@db:5432/dvcbot", "postgres://dvcbot:123#s3cr@db/dvcbot", "postgres://dvcbot:s3cr%t@db:5432/dvcbot", "postgresql://dvcbot:a b%zz@db/dvcbot"} {
		_, err := loadConfig(nil, env(map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": u}), needs{token: true, database: true}, &bytes.Buffer{})
		var ce *configError
		if !errors.As(err, &ce) || ce.name != "DATABASE_URL" || !strings.Contains(ce.problem, "%23") {
			t.Errorf("DATABASE_URL=%s: %v; want DATABASE_URL and how to percent-encode (# as %%23)", u, err)
			continue
		}
		if strings.Contains(err.Error(), "s3cr") || strings.Contains(err.Error(), "dvcbot:") || strings.Contains(err.Error(), "%zz") {
			t.Errorf("DATABASE_URL=%s: the error shows the URL: %q", u, err)
		}
	}
	_, err := loadConfig(nil, env(map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": "mysql://x/db"}), needs{token: true, database: true}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "want postgres://") {
		t.Errorf("DATABASE_URL=mysql://x/db: %v; want it told postgres://", err)
	}
}

// The forms libpq takes stay taken: a socket (no host), a host in the query.
func TestDatabaseURLSocketForms(t *testing.T) {
	for _, u := range []string{"postgres:///dvcbot", "postgresql:///dvcbot?host=/var/run/postgresql", "postgres://dvcbot:p%23ss@db:5432/dvcbot?sslmode=disable", "host=db user=dvcbot dbname=dvcbot"} {
		if _, err := loadConfig(nil, env(map[string]string{"TELEGRAM_BOT_TOKEN": "123:abc", "DATABASE_URL": u}), needs{token: true, database: true}, &bytes.Buffer{}); err != nil {
			t.Errorf("DATABASE_URL=%s refused: %v", u, err)
		}
	}
}
