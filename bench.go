package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// benchFlags are dvcbot bench's own flags.
type benchFlags struct {
	updates, chats, samples int
}

func parseBenchFlags(args []string, stderr io.Writer) (benchFlags, []string, error) {
	f := benchFlags{}
	fs := flag.NewFlagSet("dvcbot bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&f.updates, "updates", 2000, "updates in the throughput run")
	fs.IntVar(&f.chats, "chats", 50, "chats the updates are spread over")
	fs.IntVar(&f.samples, "samples", 200, "one-at-a-time updates timed for latency")
	if err := fs.Parse(args); err != nil {
		return f, nil, &configError{"flags", err.Error()}
	}
	if f.updates < 1 || f.chats < 1 || f.samples < 1 {
		return f, nil, &configError{"flags", "-updates, -chats and -samples must be positive"}
	}
	return f, fs.Args(), nil
}

// bench measures the whole pipeline — fake Telegram, getUpdates, inbox,
// lanes, handler transaction, sender — with the real handlers and a real
// PostgreSQL. Telegram's rate limits are lifted: they would measure
// Telegram, not dvcbot. The fake server shares the machine's CPUs.
func bench(ctx context.Context, cfg config, f benchFlags, stdout, stderr io.Writer) error {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var (
		mu      sync.Mutex
		handled = map[int64]time.Time{}
		users   []*telegramtest.User
		helper  *telegramtest.User // an admin, who can run cases
	)
	onHandled := func(id int64) {
		mu.Lock()
		handled[id] = time.Now()
		mu.Unlock()
	}
	l, err := startLocal(ctx, cfg, log, stderr,
		func(srv *telegramtest.Server, cfg *config) {
			for i := range f.chats {
				users = append(users, srv.NewUser(fmt.Sprint("Bench", i), "vi"))
			}
			helper = srv.NewUser("BenchHelper", "vi")
			cfg.Admins = append(cfg.Admins, helper.ID)
		},
		[]bot.SenderOption{bot.WithGlobalRate(1e6, 1e6), bot.WithChatRate(1e6, 1e6)},
		[]bot.Option{bot.WithOnHandled(onHandled)})
	if err != nil {
		return err
	}
	defer l.stop()
	wait := func(ids []int64) error {
		deadline := time.Now().Add(5 * time.Minute)
		for {
			mu.Lock()
			n := 0
			for _, id := range ids {
				if _, ok := handled[id]; ok {
					n++
				}
			}
			mu.Unlock()
			if n == len(ids) {
				return nil
			}
			if time.Now().After(deadline) || ctx.Err() != nil {
				return fmt.Errorf("only %d of %d updates handled", n, len(ids))
			}
			time.Sleep(time.Millisecond)
		}
	}

	// Warm up: every chat meets the bot once.
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.SendText("/start"))
	}
	if err := wait(ids); err != nil {
		return err
	}

	// Latency: one update at a time, from the user's send to the last reply sent.
	lat := make([]time.Duration, 0, f.samples)
	for i := range f.samples {
		begin := time.Now()
		id := users[i%len(users)].SendText("/help")
		if err := wait([]int64{id}); err != nil {
			return err
		}
		mu.Lock()
		lat = append(lat, handled[id].Sub(begin))
		mu.Unlock()
	}
	slices.Sort(lat)

	// The wizard: the press a volunteer makes most (✓ Done, here with ← Back
	// in turns, to stay within the guide), from the tap to the step
	// message's edit arriving.
	steps, err := benchSteps(l, helper, f.samples)
	if err != nil {
		return err
	}

	// Throughput: a backlog of updates over all chats at once.
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ids = ids[:0]
	begin := time.Now()
	texts := []string{"/help", "/start", "/lang vi", "hello"}
	for i := range f.updates {
		ids = append(ids, users[i%len(users)].SendText(texts[i%len(texts)]))
	}
	if err := wait(ids); err != nil {
		return err
	}
	took := time.Since(begin)
	runtime.ReadMemStats(&after)

	fmt.Fprintf(stdout, "dvcbot bench — %s, %d CPUs, %s, Go %s\n", cpuModel(), runtime.NumCPU(), runtime.GOARCH, runtime.Version())
	fmt.Fprintf(stdout, "latency, one update at a time (%d samples): p50 %v  p95 %v  p99 %v  max %v\n",
		len(lat), pct(lat, 50), pct(lat, 95), pct(lat, 99), pct(lat, 100))
	fmt.Fprintf(stdout, "wizard step press, tap to edited message (%d samples): p50 %v  p95 %v  p99 %v  max %v\n",
		len(steps), pct(steps, 50), pct(steps, 95), pct(steps, 99), pct(steps, 100))
	fmt.Fprintf(stdout, "throughput, %d updates over %d chats: %v → %.0f updates/s\n",
		f.updates, f.chats, took.Round(time.Millisecond), float64(f.updates)/took.Seconds())
	fmt.Fprintf(stdout, "memory: %.1f KiB allocated per update (bot and fake server together); heap in use %.1f MiB; %d goroutines\n",
		float64(after.TotalAlloc-before.TotalAlloc)/float64(f.updates)/1024, float64(after.HeapInuse)/(1<<20), runtime.NumGoroutine())
	return nil
}

func pct(sorted []time.Duration, p int) time.Duration {
	return sorted[(len(sorted)-1)*p/100].Round(10 * time.Microsecond)
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// benchSteps starts a birth-registration case as u and times n presses on
// its live step message.
func benchSteps(l *local, u *telegramtest.User, n int) ([]time.Duration, error) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		return nil, err
	}
	catalog, err := guides.Shipped()
	if err != nil {
		return nil, err
	}
	g, _ := catalog.Guide("khai-sinh")
	t := texts.For("vi")
	// next waits for the bot's next message or edit.
	next := func() error {
		_, err := u.Next(30 * time.Second)
		return err
	}
	if u.SendText("/new"); next() != nil {
		return nil, fmt.Errorf("bench: no answer to /new")
	}
	for _, label := range []string{g.Title.Vi, t.T("consent.no"), t.T("case.begin")} {
		if _, err := u.Press(label); err != nil {
			return nil, err
		}
		if err := next(); err != nil {
			return nil, err
		}
	}
	out := make([]time.Duration, 0, n)
	for i := range n {
		label := t.T("case.done")
		if i%2 == 1 {
			label = t.T("case.back")
		}
		begin := time.Now()
		if _, err := u.Press(label); err != nil {
			return nil, err
		}
		if err := next(); err != nil {
			return nil, err
		}
		out = append(out, time.Since(begin))
	}
	slices.Sort(out)
	return out, nil
}
