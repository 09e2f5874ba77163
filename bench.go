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
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// benchFlags are dvcbot bench's own flags.
type benchFlags struct {
	chats      []int         // chat counts, one load run each
	duration   time.Duration // measured window per chat count
	reference  time.Duration // pgbench -T (0: no reference)
	scale      int           // pgbench -i -s
	cpuprofile string        // pprof file of the whole run
	benchprof  string        // pprof file of the bench's own process (fake Telegram, volunteers)
	memprofile string        // heap profile at the end of each chat count's window, to FILE.N
	inProcess  bool          // the bot in the bench's process, not a child of its own
	pace       time.Duration // a chat's mean pause between a reply and its next tap (0: none)
	rounds     int           // the reference and the chat counts, run this many times in turn

	// The older measurements (-updates, -samples): given either, bench runs
	// those instead — one update at a time, the wizard's step press, and a
	// backlog of updates — over the first chat count.
	legacy           bool
	updates, samples int

	// -reports measures the coordinators' reports instead, -runs times
	// each, on the database as it is.
	reports bool
	runs    int
}

func parseBenchFlags(args []string, stderr io.Writer) (benchFlags, []string, error) {
	f := benchFlags{}
	fs := flag.NewFlagSet("dvcbot bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	chats := fs.String("chats", "50,200,1000", "chat counts, comma-separated: one load run of -duration each")
	fs.DurationVar(&f.duration, "duration", 15*time.Second, "measured window per chat count")
	fs.DurationVar(&f.reference, "reference", 10*time.Second, "how long pgbench -N runs for the reference (0: none)")
	fs.IntVar(&f.scale, "scale", 10, "pgbench's scale for the reference (100,000 accounts each)")
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to this file (of the bot's process alone, without -in-process)")
	fs.StringVar(&f.benchprof, "benchprofile", "", "write a CPU profile of the bench's own process (the fake Telegram and the volunteers) to this file")
	fs.StringVar(&f.memprofile, "memprofile", "", "with -in-process: write a heap profile at the end of each chat count's measured window to this file, .N appended (N chats)")
	fs.BoolVar(&f.inProcess, "in-process", false, "run the bot in the bench's process (with the fake Telegram and the volunteers) instead of a child process of its own")
	fs.DurationVar(&f.pace, "pace", 0, "a chat's mean pause between the bot's reply and its next tap, drawn at random (exponential); 0: tap at once, so that the chats load the bot as hard as they can")
	fs.IntVar(&f.rounds, "rounds", 1, "run the reference and every chat count this many times, in turn, and report each round and the medians: the machine's drift falls on both sides of the ratio")
	fs.BoolVar(&f.reports, "reports", false, "measure reports (tallies, chart, spreadsheet) on DATABASE_URL as seeded by dvcbot seed")
	fs.IntVar(&f.runs, "runs", 20, "with -reports: runs of each tally")
	fs.IntVar(&f.updates, "updates", 2000, "older measurement: updates in the backlog run")
	fs.IntVar(&f.samples, "samples", 200, "older measurement: one-at-a-time updates timed for latency")
	if err := fs.Parse(args); err != nil {
		return f, nil, flagsError(err)
	}
	fs.Visit(func(fl *flag.Flag) { f.legacy = f.legacy || fl.Name == "updates" || fl.Name == "samples" })
	for _, s := range strings.Split(*chats, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return f, nil, &configError{"-chats", fmt.Sprintf("is %q: want positive numbers separated by commas", *chats)}
		}
		f.chats = append(f.chats, n)
	}
	if f.updates < 1 || f.samples < 1 || f.scale < 1 || f.rounds < 1 {
		return f, nil, &configError{"flags", "-updates, -samples, -scale and -rounds must be positive"}
	}
	if f.memprofile != "" && !f.inProcess {
		return f, nil, &configError{"-memprofile", "needs -in-process: the heap profiled is this process's"}
	}
	if f.duration < 100*time.Millisecond || f.reference < 0 || f.pace < 0 {
		return f, nil, &configError{"flags", "-duration must be at least 100ms, -reference and -pace not negative"}
	}
	return f, fs.Args(), nil
}

// bench measures the whole pipeline — fake Telegram, getUpdates, inbox,
// lanes, handler transaction, sender — with the real handlers and a real
// PostgreSQL. Telegram's rate limits are lifted: they would measure
// Telegram, not dvcbot. The fake server shares the machine's CPUs.
func bench(ctx context.Context, cfg config, f benchFlags, stdout, stderr io.Writer) error {
	// The load bench's bot in a process of its own profiles itself.
	if f.reports || f.legacy || f.inProcess {
		stop, err := cpuProfile(f.cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if f.reports {
		return benchReports(ctx, cfg, f, stdout, stderr)
	}
	if !f.legacy {
		if !f.inProcess {
			stop, err := cpuProfile(f.benchprof)
			if err != nil {
				return err
			}
			defer stop()
		}
		return benchLoad(ctx, cfg, f, stdout, stderr)
	}
	f.chats = f.chats[:1]
	return benchLegacy(ctx, cfg, f, stdout, stderr)
}

// cpuProfile profiles this process's CPU into file (nothing if file is
// empty) until stop.
func cpuProfile(file string) (stop func(), err error) {
	if file == "" {
		return func() {}, nil
	}
	out, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		out.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		out.Close()
	}, nil
}

// benchLegacy is the older measurement: latency one update at a time, the
// wizard's step press, and throughput of a backlog of updates.
func benchLegacy(ctx context.Context, cfg config, f benchFlags, stdout, stderr io.Writer) error {
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
			for i := range f.chats[0] {
				users = append(users, srv.NewUser(fmt.Sprint("Bench", i), "vi"))
			}
			helper = srv.NewUser("BenchHelper", "vi")
			cfg.Admins = append(cfg.Admins, helper.ID)
			cfg.TapGuard = 0 // each press once, at once: none a double tap's second
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
		f.updates, f.chats[0], took.Round(time.Millisecond), float64(f.updates)/took.Seconds())
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
	g, t, err := birthRegistration()
	if err != nil {
		return nil, err
	}
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
