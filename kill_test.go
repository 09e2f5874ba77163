package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The durability promise, on the real binary: kill -9 it while updates are
// stored but not yet handled, start it again, and every update is handled
// exactly once. Each update here is a search typed into an admin's invite
// flow; each handling bumps the chat's conversation version by one, so the
// final versions count the committed handlings.
func TestKilledBotHandlesEveryUpdateExactlyOnceAfterRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it twice")
	}
	bin := filepath.Join(t.TempDir(), "dvcbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	dbURL := storagetest.URL(t)
	db, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	const users, perUser = 10, 12
	var ids []string
	var admins []*telegramtest.User
	for i := range users {
		u := srv.NewUser(fmt.Sprint("Admin", i), "vi")
		admins = append(admins, u)
		ids = append(ids, strconv.FormatInt(u.ID, 10))
	}
	env := append(os.Environ(),
		"TELEGRAM_BOT_TOKEN="+srv.Token,
		"TELEGRAM_API_URL="+srv.URL,
		"DATABASE_URL="+dbURL,
		"ADMIN_TELEGRAM_IDS="+strings.Join(ids, ","),
		"HTTP_ADDR=127.0.0.1:"+freePort(t),
		"LOG_FORMAT=text",
	)
	start := func(name string) *exec.Cmd {
		cmd := exec.Command(bin)
		cmd.Env = env
		logFile, err := os.Create(filepath.Join(t.TempDir(), name+".log"))
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if cmd.ProcessState == nil {
				cmd.Process.Kill()
				cmd.Wait()
			}
			logFile.Close()
		})
		return cmd
	}
	count := func(status string) int {
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM updates WHERE status = $1`, status); err != nil {
			return -1 // the first run may not have migrated yet
		}
		return n
	}

	// Every admin opens the invite flow and types searches in a row; the
	// sender's one-message-a-second pace per chat keeps most of them waiting
	// in the inbox.
	for _, u := range admins {
		u.SendText("/invite")
		for range perUser - 1 {
			u.SendText("an hoi tay")
		}
	}
	first := start("first")
	waitUntil(t, "some updates handled", func() bool { return count("done") >= 15 })
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	done, pending := count("done"), count("pending")
	t.Logf("killed with %d updates done and %d stored but not handled", done, pending)
	if pending == 0 {
		t.Fatal("nothing was left pending at the kill: the test proved nothing")
	}

	second := start("second")
	// The container health check: the binary asks the running bot's /healthz.
	waitUntil(t, "the health check to pass", func() bool {
		return run([]string{"healthcheck"}, func(k string) string { return envValue(env, k) }, nil, io.Discard, io.Discard) == 0
	})
	waitUntil(t, "every update handled", func() bool { return count("done") == users*perUser })
	if n := count("failed"); n != 0 {
		t.Fatalf("%d updates failed", n)
	}
	// A graceful stop: SIGTERM ends the process cleanly.
	if err := second.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- second.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("after SIGTERM the bot exited with %v, want status 0", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the bot did not stop within 30s of SIGTERM")
	}
	for _, u := range admins {
		var version int
		if err := db.Get(&version, `SELECT version FROM conversations WHERE chat_id = $1`, u.ID); err != nil {
			t.Fatal(err)
		}
		if version != perUser {
			t.Errorf("chat %d: %d committed handlings, want exactly %d", u.ID, version, perUser)
		}
	}
}

func envValue(env []string, key string) string {
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
