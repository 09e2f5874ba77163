package main

// The operator's seat (review 5): the real binary, deployed wrong or
// troubled, against the fake Telegram and a real PostgreSQL. Each test
// failed before its fix.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// opBinary builds dvcbot once for the tests of this file.
func opBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dvcbot-op")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "dvcbot")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// opProcess is the binary running with env, its logs in a file.
type opProcess struct {
	cmd  *exec.Cmd
	logs string
	addr string // HTTP_ADDR
}

func startOp(t *testing.T, env []string) *opProcess {
	t.Helper()
	p := &opProcess{addr: "127.0.0.1:" + freePort(t), logs: filepath.Join(t.TempDir(), "bot.log")}
	f, err := os.Create(p.logs)
	if err != nil {
		t.Fatal(err)
	}
	p.cmd = exec.Command(opBinary(t))
	p.cmd.Env = append(env, "HTTP_ADDR="+p.addr, "LOG_FORMAT=text")
	p.cmd.Stdout, p.cmd.Stderr = f, f
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			p.cmd.Wait()
		}
		f.Close()
	})
	return p
}

// lines are the log lines that contain every one of words.
func (p *opProcess) lines(words ...string) []string {
	f, err := os.Open(p.logs)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(sc.Text(), w)
		}
		if ok {
			out = append(out, sc.Text())
		}
	}
	return out
}

func (p *opProcess) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + p.addr + path)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// metric reads one sample of /metrics ("" when it is not there).
func (p *opProcess) metric(t *testing.T, name string) string {
	t.Helper()
	_, body := p.get(t, "/metrics")
	for _, l := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(l, name+" "); ok {
			return v
		}
	}
	return ""
}

func (p *opProcess) waitHealthy(t *testing.T) {
	t.Helper()
	waitUntil(t, "the bot to answer /healthz", func() bool {
		code, _ := p.get(t, "/healthz")
		return code == http.StatusOK
	})
}

func opEnv(srv *telegramtest.Server, db string) []string {
	return append(os.Environ(), "TELEGRAM_BOT_TOKEN="+srv.Token, "TELEGRAM_API_URL="+srv.URL, "DATABASE_URL="+db,
		"ADMIN_TELEGRAM_IDS=1", "SEND_RATE=0", "SEND_CHAT_RATE=0")
}

// Two replicas started by mistake in long-polling mode: Telegram answers
// the older getUpdates 409 ("terminated by other getUpdates request")
// each time the other asks, so every replica got one every two seconds
// and logged each one ("getting updates failed, will retry"), forever:
// 43,000 lines a day per replica, none of them saying what to do. The
// conflict is now said once, as an error naming the cause and the cure,
// and counted (dvcbot_getupdates_conflicts_total); every message is still
// answered once.
func TestTwoPollersSayTheConflictOnce(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	if testing.Short() {
		t.Skip("runs two bots for 15 s")
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	env := opEnv(srv, storagetest.URL(t))
	a := startOp(t, env)
	a.waitHealthy(t)
	b := startOp(t, env)
	b.waitHealthy(t)

	u := srv.NewUser("Lan", "vi")
	const asked = 20
	for range asked {
		u.SendText("/help")
		time.Sleep(700 * time.Millisecond)
	}
	waitUntil(t, "every /help answered", func() bool { return len(u.Messages()) >= asked })
	time.Sleep(time.Second)
	if got := len(u.Messages()); got != asked {
		t.Errorf("%d /help answered %d times", asked, got)
	}

	conflicts := 0
	for _, p := range []*opProcess{a, b} {
		all := p.lines("409 Conflict") // not "409" alone: a port or an id in another line may hold it
		conflicts += len(all)
		if len(all) > 1 {
			t.Errorf("one replica logged the conflict %d times in 15 s:\n%s", len(all), strings.Join(all[:min(3, len(all))], "\n"))
		}
		for _, l := range all {
			if !strings.Contains(l, "level=ERROR") || !strings.Contains(l, "only one") {
				t.Errorf("the conflict is not an error that says what to do: %s", l)
			}
		}
		for _, l := range p.lines("getting updates failed") {
			if strings.Contains(l, "409") {
				t.Errorf("a conflict logged as an ordinary failure: %s", l)
			}
		}
	}
	if conflicts == 0 {
		t.Fatal("neither replica logged the conflict: the test proves nothing")
	}
	if a.metric(t, "dvcbot_getupdates_conflicts_total") == "" && b.metric(t, "dvcbot_getupdates_conflicts_total") == "" {
		t.Error("no dvcbot_getupdates_conflicts_total in /metrics")
	}
	for _, p := range []*opProcess{a, b} {
		if code, body := p.get(t, "/healthz"); code != http.StatusOK {
			t.Errorf("a replica that still gets updates is unhealthy: %d %s", code, body)
		}
	}
}

// A second poller started on the same database — a replica by mistake,
// or a rolling deploy that starts the new version before stopping the old
// — used to free every outbox lease at its start (WithSoleInstance: "the
// owners of the leases it finds are dead"), and so sent at once the
// replies the first, alive, was sending: the chat got them twice. Only the
// process that holds the poller's lock (the first) takes over now; the
// second leaves a live lease to run out.
func TestSecondPollerLeavesTheFirstsLeases(t *testing.T) {
	t.Parallel() // mostly waits: beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	dbURL := storagetest.URL(t)
	env := opEnv(srv, dbURL)
	a := startOp(t, env)
	a.waitHealthy(t)

	// A reply the first process is sending: leased to it for a minute.
	u := srv.NewUser("Lan", "vi")
	ctx := context.Background()
	store, err := storage.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	tx, err := store.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bot.Enqueue(ctx, tx, bot.Message{ChatID: u.ID, Text: "sending"}); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE outbox SET owner = 'replica-a/1/alive', lease_until = now() + interval '1 minute' WHERE chat_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	b := startOp(t, env)
	b.waitHealthy(t)
	time.Sleep(3 * time.Second) // a sweep of each
	if got := u.Messages(); len(got) != 0 {
		t.Fatalf("a reply leased to a live process was sent by the second poller at its start: %q", got[0].Text)
	}
	if len(b.lines("level=ERROR", "another")) == 0 {
		t.Errorf("the second poller did not say another one runs on its database:\n%s", strings.Join(b.lines(""), "\n"))
	}
}

// Every warning and error an operator would grep the logs for has a
// counter in /metrics. A webhook whose secret no longer matches (rotated
// on one side only) refuses every update Telegram posts: the bot logged
// "webhook call with a wrong or missing secret" each time, /healthz said
// ok, and /metrics showed nothing moving but the updates that did not
// arrive.
func TestWarningsAndErrorsAreCounted(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	env := append(opEnv(srv, storagetest.URL(t)), "WEBHOOK_URL=https://bot.example.org/telegram", "WEBHOOK_SECRET=right_secret")
	p := startOp(t, env)
	p.waitHealthy(t)
	for range 3 {
		req, err := http.NewRequest(http.MethodPost, "http://"+p.addr+"/telegram", strings.NewReader(`{"update_id":1}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "old_secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a wrong secret answered %s", resp.Status)
		}
	}
	// Logged once a minute (forged calls come in floods), counted each.
	if len(p.lines("wrong or missing secret")) != 1 {
		t.Fatalf("the refusals are not in the logs once: the test proves nothing")
	}
	want := `dvcbot_log_messages_total{level="WARN",msg="webhook call with a wrong or missing secret"}`
	if got := p.metric(t, want); got != "1" {
		t.Errorf("%s = %q, want 1", want, got)
	}
	want = `dvcbot_webhook_calls_refused_total{why="secret"}`
	if got := p.metric(t, want); got != "3" {
		t.Errorf("%s = %q, want 3", want, got)
	}
}

// HTTP_ADDR taken (the old container still up, another service on 8080)
// is said at once. The bot listened only once it had the database,
// migrations, Telegram and the last run's replay behind it: with the
// database not up yet it waited a minute and then spoke of the database,
// never of the port; with it, it replayed the last run's updates and
// replies and then quit in the middle of them.
func TestHTTPAddrTakenFailsAtOnce(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dbAddr := free.Addr().String()
	free.Close() // the database is not up yet

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
	defer cancel()
	cfg := config{DatabaseURL: "postgres://dvcbot:secret@" + dbAddr + "/dvcbot?sslmode=disable", Admins: []int64{1},
		HTTPAddr: taken.Addr().String()}
	began := time.Now()
	err = serve(ctx, cfg, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "HTTP_ADDR") || !strings.Contains(err.Error(), "address already in use") {
		t.Fatalf("serve with HTTP_ADDR taken returned %v after %v, want the port named", err, time.Since(began).Round(time.Second))
	}
	if d := time.Since(began); d > 2*time.Second {
		t.Errorf("HTTP_ADDR taken was said after %v", d)
	}
}
