package main

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A newcomer who gives the demo (or migrate) a DATABASE_URL that does not
// work is told which setting is at fault, and the demo says how to do
// without it.
func TestWrongDatabaseURLIsNamed(t *testing.T) {
	target, err := url.Parse(storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	target.Path = "/no_such_database_here"
	for _, tc := range []struct {
		cmd  string
		want []string
	}{
		{"demo", []string{"DATABASE_URL", "no_such_database_here", "unset DATABASE_URL"}},
		{"migrate", []string{"DATABASE_URL", "no_such_database_here"}},
	} {
		var out, errOut bytes.Buffer
		code := run([]string{tc.cmd}, env(map[string]string{"DATABASE_URL": target.String()}), strings.NewReader("/start\n"), &out, &errOut)
		if code != 1 {
			t.Errorf("%s with a wrong DATABASE_URL exited %d, want 1:\n%s", tc.cmd, code, errOut.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut.String(), w) {
				t.Errorf("%s with a wrong DATABASE_URL: stderr lacks %q:\n%s", tc.cmd, w, errOut.String())
			}
		}
		if strings.Contains(errOut.String(), target.String()) {
			t.Errorf("%s printed the whole DATABASE_URL (it may hold a password):\n%s", tc.cmd, errOut.String())
		}
	}
}
