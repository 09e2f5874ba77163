package main

import (
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The first SIGTERM (or Ctrl-C) lets the updates in flight finish, for
// up to 25 s; a second one was caught and ignored, and an operator at a
// terminal who pressed Ctrl-C again waited it out or reached for kill -9.
// A second signal now stops the bot at once, as the signal's default
// does: nothing is lost (what was left is done at the next start).
func TestASecondSignalStopsAtOnce(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	p := startOp(t, opEnv(srv, storagetest.URL(t)))
	p.waitHealthy(t)
	// A reply Telegram takes a minute to answer: the drain waits for it.
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Delay: time.Minute})
	srv.NewUser("An", "vi").SendText("/help")
	waitUntil(t, "the reply in flight", func() bool {
		for _, c := range srv.CallsTo("sendMessage") {
			if c.Status == 0 {
				return true
			}
		}
		return false
	})
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the bot stopping", func() bool { return len(p.lines("stopping: finishing updates in flight")) > 0 })
	if code, _ := p.get(t, "/healthz"); code == http.StatusOK {
		t.Error("/healthz still answers 200 while the bot stops")
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { defer close(exited); p.cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(40 * time.Second):
		t.Fatal("the bot did not stop within 40 s of the second SIGTERM")
	}
	if ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("after a second SIGTERM the bot finished its drain and exited with %v, want stopped by the signal at once", p.cmd.ProcessState)
	}
}
