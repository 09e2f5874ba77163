package main

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// keyValueDSN writes a test database's URL as key=value pairs (the form
// the operator used), its password, if any, quoted.
func keyValueDSN(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "postgres" && p.Scheme != "postgresql") {
		return u // key=value already
	}
	quote := func(s string) string {
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
	}
	pairs := []string{"dbname=" + quote(strings.TrimPrefix(p.Path, "/"))}
	if h := p.Hostname(); h != "" {
		pairs = append(pairs, "host="+quote(h))
	}
	if port := p.Port(); port != "" {
		pairs = append(pairs, "port="+port)
	}
	if p.User != nil {
		pairs = append(pairs, "user="+quote(p.User.Username()))
	}
	for k, vs := range p.Query() {
		pairs = append(pairs, k+"="+quote(vs[0]))
	}
	if pw, ok := p.User.Password(); ok {
		pairs = append(pairs, "password="+quote(pw))
	}
	return strings.Join(pairs, " ")
}

// A DATABASE_URL of key=value pairs with a password that holds a space and
// "=" left unquoted (password=correct horse=battery) is taken by lib/pq as
// the password "correct" and a run-time parameter horse=battery, which it
// sends the server. A server that lets the connection in without the
// password (trust, peer or cert authentication, a pooler) then refuses the
// parameter in its own words — `unrecognized configuration parameter
// "horse"`, `invalid value for parameter "work_mem": "battery"` — and
// `dvcbot migrate` and the bot printed them: a piece of the password, in
// the logs. They stop now with one line naming DATABASE_URL and how to
// quote, exit 2 as for any setting, repeating nothing of its words.
func TestDatabaseURLRuntimeParameterDoesNotShowThePassword(t *testing.T) {
	base := keyValueDSN(t, storagetest.URL(t))
	for _, extra := range []string{"horse=battery", "work_mem=battery"} {
		dsn := base + " password=correct " + extra
		if strings.Contains(base, "password=") {
			dsn = base + " " + extra // the test server checks its password: only the pair is added
		}
		var out, errOut bytes.Buffer
		code := run([]string{"migrate"}, env(map[string]string{"DATABASE_URL": dsn}), strings.NewReader(""), &out, &errOut)
		got := strings.TrimSpace(errOut.String())
		if code != 2 || strings.Count(got, "\n") != 0 || !strings.Contains(got, "DATABASE_URL") || !strings.Contains(got, "quote") {
			t.Errorf("DATABASE_URL=…%s: exit %d, stderr %q; want 2 and one line naming DATABASE_URL and how to quote", extra, code, got)
		}
		for _, secret := range []string{"horse", "battery"} {
			if strings.Contains(got, secret) {
				t.Errorf("DATABASE_URL=…%s: the error shows a piece of the password (%q): %q", extra, secret, got)
			}
		}
	}
	// A run-time parameter the server takes (search_path) still works.
	dsn := base + " search_path=public"
	var out, errOut bytes.Buffer
	if code := run([]string{"migrate"}, env(map[string]string{"DATABASE_URL": dsn}), strings.NewReader(""), &out, &errOut); code != 0 {
		t.Errorf("DATABASE_URL with search_path=public: exit %d: %s", code, errOut.String())
	}
}
