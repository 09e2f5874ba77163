package main

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A stop asked for while the bot starts (docker compose stop, a rolling
// deploy giving up on a replica that is not healthy yet) is a stop like
// any other: the bot waiting for Telegram (getMe), setting its command
// menus or deleting the webhook exited with status 1 and "dvcbot: cannot
// reach Telegram …: terminated signal received", after a warning per
// menu, as a failure would. It exits 0, with no warning and no error.
func TestAStopWhileStartingIsNoFailure(t *testing.T) {
	for _, method := range []string{"getMe", "setMyCommands", "deleteWebhook"} {
		t.Run(method, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			srv.Inject(telegramtest.Fault{Method: method, Delay: time.Minute})
			p := startOp(t, opEnv(srv, storagetest.URL(t)))
			waitUntil(t, method+" asked", func() bool {
				return len(srv.CallsTo(method)) > 0
			})
			if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- p.cmd.Wait() }()
			var err error
			select {
			case err = <-exited:
			case <-time.After(30 * time.Second):
				t.Fatal("the bot did not stop within 30 s of SIGTERM")
			}
			logs, _ := os.ReadFile(p.logs)
			if err != nil {
				t.Errorf("stopped while waiting for %s, the bot exited with %v:\n%s", method, err, logs)
			}
			for _, l := range strings.Split(string(logs), "\n") {
				if strings.Contains(l, "level=WARN") || strings.Contains(l, "level=ERROR") || strings.HasPrefix(l, "dvcbot:") {
					t.Errorf("stopped while waiting for %s, the bot logged: %s", method, l)
				}
			}
		})
	}
}
