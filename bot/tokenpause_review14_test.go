package bot_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// While the token is refused (401), every reply in the outbox was tried
// again and again, and each try logged the same ERROR line: with a
// hundred replies waiting, the log was that line over and over. It is
// said once when the bot starts waiting for the token (at once, the first
// time), with how many replies wait, and the replies do not each say it
// again.
func TestRevokedTokenIsSaidOncePerPause(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder(), bottest.WithRuntime(bot.WithLogger(log)),
		bottest.WithSender(bot.WithRetries(8, 10*time.Millisecond), bot.WithSenderLogger(log)))
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 401, Until: time.Now().Add(2 * time.Second)})
	const residents = 12
	var users []*telegramtest.User
	for i := range residents {
		u := srv.NewUser(fmt.Sprint("An", i), "vi")
		users = append(users, u)
		b.WaitHandled(t, u.SendText(fmt.Sprint("hello ", i)))
	}
	for i, u := range users {
		expectText(t, u, fmt.Sprint("echo: hello ", i))
	}
	waitFor(t, "the outbox to empty", func() bool { return outboxRows(t, b) == 0 })
	mu.Lock()
	defer mu.Unlock()
	var refused, about401 []string
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, "TELEGRAM_BOT_TOKEN") {
			refused = append(refused, line)
		}
		if strings.Contains(line, "401") {
			about401 = append(about401, line)
		}
	}
	if len(refused) == 0 {
		t.Fatalf("the refused token was not said:\n%s", logs.String())
	}
	// Two seconds of refusals: pauses of 1 s, then 2 s.
	if len(refused) > 3 || len(about401) > 3 {
		t.Errorf("the refused token was said %d times, 401 %d times, for %d replies:\n%s",
			len(refused), len(about401), residents, logs.String())
	}
	if !strings.Contains(refused[0], "level=ERROR") || !regexp.MustCompile(`replies_waiting=[1-9]`).MatchString(refused[0]) {
		t.Errorf("the first refusal does not say, as an error, how many replies wait: %s", refused[0])
	}
}
