package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/pgserver"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The durability promise, on the real binary: kill -9 it again and again
// while volunteers press through whole cases and others ask for /help;
// start it once more, and every update was handled exactly once, every
// /help answered, and every volunteer's last bot message shows the screen
// their case is on now (no reply lost, none out of order).
func TestKilledBotLosesNoReply(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it 20 times")
	}
	underLoad(t, storagetest.URL(t), func(start func() *exec.Cmd) *exec.Cmd {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 20 {
			cmd := start()
			time.Sleep(time.Duration(500+rng.IntN(1500)) * time.Millisecond)
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
		}
		return start()
	})
}

// The same load while the database restarts three times under the bot:
// the same result.
func TestDatabaseRestartLosesNoReply(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a private PostgreSQL server and restarts it")
	}
	ctx := context.Background()
	pg, err := pgserver.Start(ctx, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Stop()
	store, err := storage.Open(ctx, pg.URL())
	if err != nil {
		t.Fatal(err)
	}
	err = migrateAll(ctx, store, slog.New(slog.DiscardHandler))
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	underLoad(t, pg.URL(), func(start func() *exec.Cmd) *exec.Cmd {
		cmd := start()
		for range 3 {
			time.Sleep(2 * time.Second)
			if err := pg.Restart(ctx, 2*time.Second); err != nil {
				t.Fatal(err)
			}
		}
		return cmd
	})
}

// underLoad runs the bot's binary on dbURL while volunteers press through
// whole cases and others ask for /help; disturb starts the bot (with start),
// troubles it, and returns the process left running. Then it checks that
// nothing was lost.
func underLoad(t *testing.T, dbURL string, disturb func(start func() *exec.Cmd) *exec.Cmd) {
	bin := filepath.Join(t.TempDir(), "dvcbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	store, err := storage.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	db := store.DB()

	const volunteers, askers = 24, 6
	var users []*telegramtest.User
	for i := range volunteers {
		users = append(users, srv.NewUser(fmt.Sprint("TNV", i), "vi"))
	}
	if err := joinCommunes(ctx, store, users); err != nil {
		t.Fatal(err)
	}
	var helpers []*telegramtest.User
	for i := range askers {
		helpers = append(helpers, srv.NewUser(fmt.Sprint("Khách", i), "vi"))
	}
	addr := "127.0.0.1:" + freePort(t)
	env := append(os.Environ(),
		"TELEGRAM_BOT_TOKEN="+srv.Token,
		"TELEGRAM_API_URL="+srv.URL,
		"DATABASE_URL="+dbURL,
		"HTTP_ADDR="+addr,
		"LOG_FORMAT=text",
		"SEND_RATE=0", "SEND_CHAT_RATE=0", // Telegram's pace would only slow the test
		"TAP_GUARD=0", // the volunteers press each button once, as soon as they see it
	)
	logs := filepath.Join(t.TempDir(), "bot.log")
	logFile, err := os.Create(logs)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	t.Cleanup(func() {
		if t.Failed() { // what the bot said is what tells why
			data, _ := os.ReadFile(logs)
			lines := strings.Split(strings.TrimSpace(string(data)), "\n")
			t.Logf("the bot's last log lines:\n%s", strings.Join(lines[max(0, len(lines)-60):], "\n"))
		}
	})
	start := func() *exec.Cmd {
		cmd := exec.Command(bin)
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if cmd.ProcessState == nil {
				cmd.Process.Kill()
				cmd.Wait()
			}
		})
		return cmd
	}

	// The volunteers press on whatever their screen shows, waiting up to a
	// second for the bot (it may be dead) before pressing again; the
	// others ask for /help every 200 ms.
	script, err := newCaseScript()
	if err != nil {
		t.Fatal(err)
	}
	var (
		stop  atomic.Bool
		wg    sync.WaitGroup
		mu    sync.Mutex
		sent  []int64           // every update the users sent
		asked = map[int64]int{} // /help sent per asker
	)
	record := func(id int64) {
		mu.Lock()
		sent = append(sent, id)
		mu.Unlock()
	}
	var chatters []*chatter
	for i, u := range users {
		c := &chatter{u: u, s: script, rng: rand.New(rand.NewPCG(uint64(i), 7)), cases: new(atomic.Int64), silent: new(atomic.Int64)}
		chatters = append(chatters, c)
		wg.Go(func() {
			for !stop.Load() {
				record(c.act())
				if m, err := u.Next(time.Second); err == nil {
					c.see(m)
					c.drain()
				}
			}
		})
	}
	for _, u := range helpers {
		wg.Go(func() {
			for !stop.Load() {
				record(u.SendText("/help"))
				mu.Lock()
				asked[u.ID]++
				mu.Unlock()
				time.Sleep(200 * time.Millisecond)
			}
		})
	}

	// A failing check below must not leave the users pressing: their
	// loops would spin against the closed fake Telegram, keeping every id.
	defer func() {
		stop.Store(true)
		wg.Wait()
	}()
	last := disturb(start)
	var done int
	db.Get(&done, `SELECT count(*) FROM updates WHERE status = 'done'`) //nolint:errcheck // checked below
	if done == 0 {
		t.Fatal("nothing was handled while the bot was troubled: the test proves nothing")
	}
	time.Sleep(3 * time.Second) // a last stretch with the bot alive
	stop.Store(true)
	wg.Wait()

	mu.Lock()
	ids := slices.Clone(sent)
	mu.Unlock()
	waitUntil(t, "every update handled and every reply sent", func() bool {
		var pending, outbox int
		db.Get(&pending, `SELECT count(*) FROM updates WHERE status = 'pending'`) //nolint:errcheck
		db.Get(&outbox, `SELECT count(*) FROM outbox WHERE status = 'pending'`)   //nolint:errcheck
		return srv.PendingUpdates() == 0 && pending == 0 && outbox == 0
	})

	// Exactly once: every update is in the inbox, done in the transaction
	// of its effects (a second handling finds it done and changes nothing);
	// none was parked.
	var statuses []struct {
		ID     int64  `db:"update_id"`
		Status string `db:"status"`
	}
	if err := db.Select(&statuses, `SELECT update_id, status FROM updates WHERE update_id = ANY ($1)`, pq.Array(ids)); err != nil {
		t.Fatal(err)
	}
	if len(statuses) != len(ids) {
		t.Fatalf("%d of %d updates are in the inbox", len(statuses), len(ids))
	}
	for _, s := range statuses {
		if s.Status != "done" {
			t.Errorf("update %d is %s, want done", s.ID, s.Status)
		}
	}

	// Every /help answered: one message each (a repeat is a duplicate).
	duplicates := 0
	for _, u := range helpers {
		got := len(u.Messages())
		if got < asked[u.ID] {
			t.Errorf("%s asked for /help %d times and got %d answers", u.FirstName, asked[u.ID], got)
		}
		duplicates += got - asked[u.ID]
	}

	// Every volunteer's last message shows their current screen: an
	// outdated press on it makes the bot draw the current screen there,
	// editing only what differs. So the probe may change nothing but a
	// notice above the screen or a search's echo of the words typed (not
	// kept): the buttons, which carry the screen's version, must stay.
	time.Sleep(200 * time.Millisecond) // the last deliveries' marks
	probed := 0
	for _, c := range chatters {
		u := c.u
		c.drain()
		if c.screen == nil {
			continue
		}
		i := slices.IndexFunc(u.Messages(), func(m *telegramtest.Message) bool { return m.ID == c.screen.ID })
		if i < 0 {
			continue
		}
		m := u.Messages()[i]
		data := m.Keyboard[0][0].CallbackData
		cut := strings.LastIndex(data, ":")
		version, err := strconv.Atoi(data[cut+1:])
		if err != nil || version < 2 {
			continue // not a versioned button
		}
		before := len(srv.Calls())
		answers := len(u.Answers()) // counted before the press: the bot may answer before PressData returns
		id, err := u.PressData(m.ID, data[:cut+1]+strconv.Itoa(version-1))
		if err != nil {
			t.Fatal(err)
		}
		waitUntil(t, "the probe handled and answered", func() bool {
			var status string
			db.Get(&status, `SELECT status FROM updates WHERE update_id = $1`, id) //nolint:errcheck
			return status == "done" && len(u.Answers()) > answers
		})
		time.Sleep(100 * time.Millisecond) // an edit would follow the answer at once
		for _, call := range srv.Calls()[before:] {
			if call.ChatID != u.ID || call.Method == "answerCallbackQuery" {
				continue
			}
			if call.Method != "editMessageText" || !sameButtons(m.Keyboard, call.Params["reply_markup"]) {
				t.Errorf("%s: the last message (%q, %v) was not the current screen: the probe made the bot call %s %q %s",
					u.FirstName, m.Text, m.Keyboard, call.Method, call.Params["text"], call.Params["reply_markup"])
			}
		}
		probed++
	}
	if probed < volunteers/2 {
		t.Fatalf("only %d of %d volunteers could be probed", probed, volunteers)
	}
	cases := 0
	db.Get(&cases, `SELECT count(*) FROM cases WHERE status = 'closed'`) //nolint:errcheck
	t.Logf("%d updates, %d cases closed, %d last screens checked; sendMessage repeated (the duplicate window): %d",
		len(ids), cases, probed, duplicates)

	// The operator's view: the health check passes and the counters move.
	waitUntil(t, "the health check to pass", func() bool {
		return run([]string{"healthcheck"}, func(k string) string { return envValue(env, k) }, nil, io.Discard, io.Discard) == 0
	})
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"dvcbot_updates_handled_total ", "dvcbot_replies_sent_total{method=\"editMessageText\"} ", "dvcbot_outbox_depth 0"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics has no %q", want)
		}
	}

	// A graceful stop: SIGTERM ends the process cleanly.
	if err := last.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- last.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("after SIGTERM the bot exited with %v, want status 0", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the bot did not stop within 30s of SIGTERM")
	}
	if t.Failed() {
		out, _ := os.ReadFile(logs)
		t.Logf("bot log (last 4 KB):\n%s", out[max(0, len(out)-4096):])
	}
}

// sameButtons tells whether a keyboard shown is the one in a reply_markup.
func sameButtons(shown [][]telegramtest.Button, markup string) bool {
	var m struct {
		Rows [][]struct {
			Text string `json:"text"`
			Data string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if json.Unmarshal([]byte(markup), &m) != nil || len(m.Rows) != len(shown) {
		return false
	}
	for i, row := range m.Rows {
		if len(row) != len(shown[i]) {
			return false
		}
		for j, b := range row {
			if b.Text != shown[i][j].Text || b.Data != shown[i][j].CallbackData {
				return false
			}
		}
	}
	return true
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
