package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage"
)

// The load bench runs the bot in a process of its own by default, so that
// its peak RSS and CPU time are the bot's alone and not the fake
// Telegram's or the simulated volunteers'. The two processes speak over the
// child's stdin and stdout, a line at a time:
//
//	child → parent  "ready"                 the bot polls the fake Telegram
//	child → parent  "h <update id>"         an update handled (onHandled)
//	parent → child  "close-idle" / "idle"   let go of idle connections / keep them again; "ok"
//	parent → child  "counters"              "c <round trips> <bytes allocated>"
//
// Closing the child's stdin stops the bot.

// loadBot is the bot the load bench drives, wherever it runs.
type loadBot interface {
	// keepIdle says whether the bot's pool keeps idle connections: the
	// bench lets them go at quiet moments, so that the server's backends
	// flush their statistics.
	keepIdle(on bool) error
	// counters are the round trips to the database and the bytes allocated
	// so far.
	counters() (trips int64, allocated uint64, err error)
	pid() int
	close() error
}

// benchSenderOpts lift Telegram's rate limits: they would measure
// Telegram, not dvcbot.
var benchSenderOpts = []bot.SenderOption{bot.WithGlobalRate(1e6, 1e6), bot.WithChatRate(1e6, 1e6)}

// inProcessBot is the bot in the bench's own process (-in-process).
type inProcessBot struct {
	l *local
	d *tripDialer
}

func (b *inProcessBot) keepIdle(on bool) error {
	n := 0
	if on {
		n = storage.MaxConns // storage.Open's
	}
	b.l.app.store.DB().SetMaxIdleConns(n)
	return nil
}

func (b *inProcessBot) counters() (int64, uint64, error) {
	trips, allocated := b.d.usage()
	return trips, allocated, nil
}

// usage is the round trips counted so far and the bytes this process has
// allocated.
func (d *tripDialer) usage() (trips int64, allocated uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return d.trips.Load(), m.TotalAlloc
}

func (b *inProcessBot) pid() int     { return os.Getpid() }
func (b *inProcessBot) close() error { return nil } // local.stop stops it

// childBot is the bot in a child process: this binary's bench-bot.
type childBot struct {
	cmd     *exec.Cmd
	in      io.WriteCloser
	replies chan string
	mu      sync.Mutex // one question at a time
}

// startChildBot starts the bot as a child process against l's database
// and fake Telegram; every update it handles is passed to t.
func startChildBot(ctx context.Context, cfg config, cpuprofile string, t *tracker, stderr io.Writer) (*childBot, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{"bench-bot"}
	if cpuprofile != "" {
		args = append(args, "-cpuprofile", cpuprofile)
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+cfg.DatabaseURL, "TELEGRAM_BOT_TOKEN="+cfg.Token,
		"TELEGRAM_API_URL="+cfg.APIURL, "WEBHOOK_URL=", "LOG_FORMAT=text")
	cmd.Stderr = stderr
	cmd.WaitDelay = 10 * time.Second
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench: start the bot process: %w", err)
	}
	c := &childBot{cmd: cmd, in: in, replies: make(chan string, 1)}
	go func() {
		defer close(c.replies)
		lines := bufio.NewScanner(out)
		for lines.Scan() {
			line := lines.Text()
			if id, ok := strings.CutPrefix(line, "h "); ok {
				if n, err := strconv.ParseInt(id, 10, 64); err == nil {
					t.handled(n)
				}
				continue
			}
			c.replies <- line
		}
	}()
	if r, err := c.reply(2 * time.Minute); err != nil || r != "ready" {
		c.close()
		return nil, fmt.Errorf("bench: the bot process did not start (%q, %v)", r, err)
	}
	return c, nil
}

func (c *childBot) reply(timeout time.Duration) (string, error) {
	select {
	case r, ok := <-c.replies:
		if !ok {
			return "", errors.New("bench: the bot process ended")
		}
		return r, nil
	case <-time.After(timeout):
		return "", errors.New("bench: the bot process did not answer")
	}
}

func (c *childBot) ask(q string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintln(c.in, q); err != nil {
		return "", err
	}
	return c.reply(30 * time.Second)
}

func (c *childBot) keepIdle(on bool) error {
	q := "close-idle"
	if on {
		q = "idle"
	}
	r, err := c.ask(q)
	if err == nil && r != "ok" {
		err = fmt.Errorf("bench: the bot process answered %q to %q", r, q)
	}
	return err
}

func (c *childBot) counters() (int64, uint64, error) {
	r, err := c.ask("counters")
	if err != nil {
		return 0, 0, err
	}
	var trips int64
	var allocated uint64
	if _, err := fmt.Sscanf(r, "c %d %d", &trips, &allocated); err != nil {
		return 0, 0, fmt.Errorf("bench: the bot process answered %q: %w", r, err)
	}
	return trips, allocated, nil
}

func (c *childBot) pid() int { return c.cmd.Process.Pid }

// close stops the bot: it finishes what it holds, as on SIGTERM.
func (c *childBot) close() error {
	c.in.Close()
	return c.cmd.Wait()
}

// benchBotCommand is dvcbot bench-bot, the bot side of the load bench
// (never run by hand): the bot with Telegram's limits lifted, counting its
// round trips, talking to the bench over stdin and stdout.
func benchBotCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dvcbot bench-bot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the bot to this file")
	if err := fs.Parse(args); err != nil {
		return &configError{"flags", err.Error()}
	}
	cfg, err := loadConfig(fs.Args(), getenv, needs{token: true, database: true}, stderr)
	if err != nil {
		return err
	}
	// The bench's volunteers tap as soon as a reply came, each once: none
	// is a double tap's second, asked again (handlers.WithTapGuard).
	cfg.TapGuard = 0
	stopProfile, err := cpuProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	dialer := &tripDialer{}
	storage.Dialer = dialer
	store, err := storage.Open(ctx, cfg.DatabaseURL)
	storage.Dialer = nil
	if err != nil {
		return err
	}
	defer store.Close()

	var mu sync.Mutex
	out := bufio.NewWriter(stdout)
	say := func(line string) {
		mu.Lock()
		defer mu.Unlock()
		out.WriteString(line)
		out.WriteByte('\n')
		out.Flush()
	}
	handled := func(id int64) { say("h " + strconv.FormatInt(id, 10)) }
	_, stop, err := runBot(ctx, cfg, store, log, benchSenderOpts, []bot.Option{bot.WithOnHandled(handled)})
	if err != nil {
		return err
	}
	defer stop()
	say("ready")
	in := bufio.NewScanner(stdin)
	for in.Scan() {
		switch q := in.Text(); q {
		case "close-idle":
			store.DB().SetMaxIdleConns(0)
			say("ok")
		case "idle":
			store.DB().SetMaxIdleConns(storage.MaxConns)
			say("ok")
		case "counters":
			trips, allocated := dialer.usage()
			say(fmt.Sprintf("c %d %d", trips, allocated))
		default:
			say("unknown: " + q)
		}
	}
	return in.Err()
}

// lockedWriter lets the bench and its bot's process write to one stream.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
