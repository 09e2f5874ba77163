package main

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// PQGO_DEBUG=1 makes lib/pq (v1.12.3: conn.go, connector.go) print to
// stderr every message to and from PostgreSQL: the connection settings,
// the password among them, and the rows of the cases. It reads the
// variable as the process starts, before main, so dvcbot cannot unset it:
// it refuses to start, with one line naming it, and never connects.
func TestPQGODebugStopsStartUp(t *testing.T) {
	u, err := url.Parse(storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	const password = "s3cret-review14" // trust auth: the server ignores it
	u.User = url.UserPassword(u.User.Username(), password)
	cmd := exec.Command(opBinary(t), "migrate")
	cmd.Env = append(os.Environ(), "PQGO_DEBUG=1", "DATABASE_URL="+u.String(), "LOG_FORMAT=text")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if code := cmd.ProcessState.ExitCode(); code != 2 || strings.Contains(out.String(), password) ||
		len(lines) != 1 || !strings.Contains(lines[0], "PQGO_DEBUG") {
		t.Errorf("PQGO_DEBUG=1 dvcbot migrate: exit %d (%v), want 2 with one line naming PQGO_DEBUG, and no password:\n%s",
			code, err, out.String())
	}

	// Every command that opens a database refuses alike, in process too.
	for _, args := range [][]string{nil, {"demo"}, {"seed"}, {"bench"}} {
		var stdout, stderr bytes.Buffer
		code := run(args, env(map[string]string{"PQGO_DEBUG": "1", "TELEGRAM_BOT_TOKEN": "123:abc",
			"DATABASE_URL": "postgres://x:" + password + "@127.0.0.1:1/db"}), strings.NewReader(""), &stdout, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "PQGO_DEBUG") {
			t.Errorf("dvcbot %v with PQGO_DEBUG=1: exit %d, stderr %q", args, code, stderr.String())
		}
	}
}
