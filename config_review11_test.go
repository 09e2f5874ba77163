package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// A DATABASE_URL of key=value pairs whose password holds a space, not
// quoted (password=correct horse battery), stopped `dvcbot migrate` and the
// bot with lib/pq's own words: `DATABASE_URL: open database: missing "="
// after "horse" in connection info string` — a piece of the password, in
// the logs, with exit status 1 as if the database had failed. It stops
// start-up now as every setting does: exit 2, one line naming the variable
// and what to do (quote the value), repeating nothing of it. A value lib/pq
// refuses (sslmode=bogus) is a configuration error too, and still named.
func TestDatabaseURLPairsDoNotShowThePassword(t *testing.T) {
	for _, dsn := range []string{
		"host=127.0.0.1 user=dvcbot password=correct horse battery dbname=dvcbot",
		"host=127.0.0.1 user=dvcbot password='correct horse battery",
	} {
		var out, errOut bytes.Buffer
		code := run([]string{"migrate"}, env(map[string]string{"DATABASE_URL": dsn}), strings.NewReader(""), &out, &errOut)
		got := strings.TrimSpace(errOut.String())
		if code != 2 || strings.Count(got, "\n") != 0 || !strings.Contains(got, "DATABASE_URL") || !strings.Contains(got, "quote") {
			t.Errorf("DATABASE_URL=%s: exit %d, stderr %q; want 2 and one line naming DATABASE_URL and how to quote", dsn, code, got)
		}
		for _, secret := range []string{"correct", "horse", "battery"} {
			if strings.Contains(got, secret) {
				t.Errorf("DATABASE_URL=%s: the error shows the password (%q): %q", dsn, secret, got)
			}
		}
	}
	for _, dsn := range []string{"postgres://dvcbot:s3cret@db/dvcbot?sslmode=bogus", "host=db password=s3cret sslmode=bogus"} {
		_, err := loadConfig(nil, env(map[string]string{"DATABASE_URL": dsn}), needs{database: true}, &bytes.Buffer{})
		var ce *configError
		if !errors.As(err, &ce) || ce.name != "DATABASE_URL" || !strings.Contains(err.Error(), "sslmode") || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("DATABASE_URL=%s: %v; want DATABASE_URL named with sslmode, and not the password", dsn, err)
		}
	}
	for _, dsn := range []string{"host=db user=dvcbot password='correct horse battery' dbname=dvcbot", `host=db password=a\ b`} {
		if _, err := loadConfig(nil, env(map[string]string{"DATABASE_URL": dsn}), needs{database: true}, &bytes.Buffer{}); err != nil {
			t.Errorf("DATABASE_URL=%s (quoted) refused: %v", dsn, err)
		}
	}
}
