package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A password of key=value pairs left unquoted whose rest looks like pairs
// of their own (password=abc port=SECRET, password=abc user=SECRET) is
// taken by lib/pq as the password "abc" and settings that are pieces of the
// password. lib/pq's words about such a setting quote it (`wrong value for
// "port": strconv.ParseUint: parsing "SECRET"`), and so did the line
// `dvcbot migrate`, `seed`, `bench` and the bot printed; when the setting
// was valid but given twice (port=5432 … port=5433, user=dvcbot …
// user=SECRET), the last one won and the server's or the dialer's answer
// quoted it (`role "SECRET" does not exist`, `dial tcp 127.0.0.1:5433`). A
// URL with a '/' of its password not percent-encoded (postgres://u:12/SECRET@db/x)
// put the rest of the password in the database name. Each stops now as a
// setting at fault: exit 2, one line naming DATABASE_URL, none of it.
func TestDatabaseURLPasswordPiecesAreNotShown(t *testing.T) {
	base := keyValueDSN(t, storagetest.URL(t))
	withPort := base
	if !strings.Contains(base, "port=") {
		withPort += " port=5432" // as an operator writes it
	}
	for _, dsn := range []string{
		// lib/pq refuses the piece's value.
		"host=127.0.0.1 user=postgres dbname=postgres password=abc port=SECRET",
		"host=127.0.0.1 user=postgres dbname=postgres password=abc sslmode=SECRET",
		"host=127.0.0.1 user=postgres dbname=postgres password=abc connect_timeout=SECRET",
		"host=127.0.0.1 user=postgres dbname=postgres password=abc hostaddr=SECRET",
		// The piece is a valid setting given twice: the real server answers.
		base + " password=abc user=SECRET",
		base + " password=abc dbname=SECRET",
		withPort + " password=abc port=5439",
		// A '/' of the password not percent-encoded.
		"postgres://postgres:5439/SECRET@127.0.0.1/postgres",
	} {
		var out, errOut bytes.Buffer
		code := run([]string{"migrate"}, env(map[string]string{"DATABASE_URL": dsn}), strings.NewReader(""), &out, &errOut)
		got := strings.TrimSpace(errOut.String())
		if code != 2 || strings.Count(got, "\n") != 0 || !strings.Contains(got, "DATABASE_URL") {
			t.Errorf("DATABASE_URL=%s: exit %d, stderr %q; want 2 and one line naming DATABASE_URL", dsn, code, got)
		}
		for _, secret := range []string{"SECRET", "5439"} {
			if strings.Contains(got, secret) {
				t.Errorf("DATABASE_URL=%s: the error shows a piece of the password (%q): %q", dsn, secret, got)
			}
		}
	}
	// The same pieces quoted, or percent-encoded in a URL, are a password
	// like any other: the configuration takes them.
	for _, dsn := range []string{
		"host=db user=dvcbot password='abc port=SECRET user=SECRET' dbname=dvcbot",
		`host=db user=dvcbot password=abc\ port=SECRET dbname = dvcbot port = 5432`,
		"postgres://dvcbot:abc%20port%3DSECRET%20user%3DSECRET%2F5439@db/dvcbot",
	} {
		if _, err := loadConfig(nil, env(map[string]string{"DATABASE_URL": dsn}), needs{database: true}, &bytes.Buffer{}); err != nil {
			t.Errorf("DATABASE_URL=%s refused: %v", dsn, err)
		}
	}
}
