// Command dvcbot is a Telegram bot for Youth Union volunteers who help
// residents with Vietnam's online public services.
//
//	dvcbot              run the bot (long polling, or a webhook with WEBHOOK_URL)
//	dvcbot demo         the bot in this terminal, against an in-process fake Telegram
//	dvcbot migrate      apply database migrations and exit
//	dvcbot healthcheck  ask a running bot's /healthz (for container health checks)
//	dvcbot guides check validate the guide catalog (GUIDES_DIR, or a directory given)
//	dvcbot bench        measure the update pipeline end to end (see docs/benchmarks.md)
//	dvcbot seed         fill a database with synthetic cases (benchmarks, demos)
//
// Configuration comes from environment variables; see README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status (2 for bad
// configuration or usage, 1 for any other failure).
func run(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "run"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	need := map[string]needs{
		"run":         {token: true, database: true},
		"migrate":     {database: true},
		"demo":        {},
		"healthcheck": {},
		"bench":       {},
	}
	// lib/pq prints every message to and from PostgreSQL to stderr when
	// PQGO_DEBUG is 1 (a later version may take other values): the
	// connection settings with the password, the cases' rows. It reads
	// the variable as the process starts, before main: too late to unset.
	if v := getenv("PQGO_DEBUG"); v != "" && cmd != "guides" && cmd != "healthcheck" {
		fmt.Fprintf(stderr, "dvcbot: PQGO_DEBUG is %q: the PostgreSQL driver (lib/pq) would print every exchange with the database to stderr, the password and the cases' data included; unset it\n", v)
		return 2
	}
	if cmd == "guides" { // needs none of the bot's configuration
		return guidesCommand(args, getenv, stdout, stderr)
	}
	if cmd == "seed" { // flags of its own before the configuration's
		return seedCommand(args, getenv, stdout, stderr)
	}
	if cmd == "bench-bot" { // the bot's side of dvcbot bench (bench_bot.go)
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if err := benchBotCommand(ctx, args, getenv, stdin, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "dvcbot: %v\n", err)
			return 1
		}
		return 0
	}
	if cmd == "help" { // the flags' usage, which lists the commands too
		cmd, args = "run", []string{"-h"}
		stderr = stdout
	}
	n, ok := need[cmd]
	if !ok {
		fmt.Fprintf(stderr, "dvcbot: unknown command %q (want run, demo, migrate, guides, healthcheck, bench or seed; dvcbot help says what each does)\n", cmd)
		return 2
	}
	var (
		bf  benchFlags
		df  demoFlags
		cfg config
		err error
	)
	switch cmd {
	case "bench":
		bf, args, err = parseBenchFlags(args, stderr)
	case "demo":
		df, args, err = parseDemoFlags(args, stderr)
	}
	if err == nil {
		cfg, err = loadConfig(args, getenv, n, stderr)
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0 // the usage was printed
	}
	if err != nil {
		fmt.Fprintf(stderr, "dvcbot: %v\n", err)
		return 2
	}
	var ctx context.Context
	var stop context.CancelFunc
	if cmd == "run" {
		// The first signal lets the bot finish what it holds (up to 25 s);
		// a second one stops it at once, as the signal's default does
		// (what was left is done at the next start). The default is back
		// before the context is cancelled, so that a second signal sent
		// as soon as the bot says it is stopping is not caught. Not for
		// the demo, whose private database server must be stopped on the
		// way out.
		ctx, stop = firstSignalStops()
	} else {
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	}
	defer stop()

	switch cmd {
	case "demo":
		err = demo(ctx, cfg, df, stdin, stdout, stderr)
	case "migrate":
		err = migrate(ctx, cfg, newLogger(cfg, stderr))
	case "healthcheck":
		err = healthcheck(ctx, cfg)
	case "bench":
		err = bench(ctx, cfg, bf, stdout, stderr)
	default:
		err = serve(ctx, cfg, newLogger(cfg, stderr))
	}
	if err != nil {
		fmt.Fprintf(stderr, "dvcbot: %v\n", err)
		var ce *configError
		if errors.As(err, &ce) {
			return 2
		}
		return 1
	}
	return 0
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	if cfg.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, nil))
	}
	// A duration as the text log writes it ("500ms"), not Go's
	// nanoseconds (500000000), which nobody reads at a glance.
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Value.Kind() == slog.KindDuration {
			a.Value = slog.StringValue(a.Value.Duration().String())
		}
		return a
	}}))
}

func migrate(ctx context.Context, cfg config, log *slog.Logger) error {
	store, err := openStore(ctx, cfg.DatabaseURL, log)
	if err != nil {
		return err
	}
	defer store.Close()
	return migrateAll(ctx, store, log)
}

// migrateAll applies the application's migrations and the runtime's own.
func migrateAll(ctx context.Context, store *storage.Storage, log *slog.Logger) error {
	if err := store.Migrate(ctx, log); err != nil {
		return err
	}
	if err := bot.Migrate(ctx, store.DB().DB, log); err != nil {
		return err
	}
	return jobs.Migrate(ctx, store.DB().DB, log)
}

// healthcheck asks the bot on HTTP_ADDR whether it is healthy; distroless
// images have no curl, so the binary checks itself.
func healthcheck(ctx context.Context, cfg config) error {
	// Every interface (":8080", "0.0.0.0:8080", "[::]:8080") is asked on
	// the loopback.
	host, port, err := net.SplitHostPort(cfg.HTTPAddr) // validated by loadConfig
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip != nil && ip.To4() == nil {
			host = "::1"
		}
	}
	// /healthz answers within storage.Ping's 3 s even when the database
	// does not answer at all; the image's health check gives this 5 s.
	ctx, cancel := context.WithTimeout(ctx, 4500*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		return err
	}
	// Never through HTTP_PROXY: a proxy for the way to Telegram cannot
	// reach this machine's own address.
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Its own words (the database, Telegram…), on one line: what the
		// container's health log shows.
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		if why := strings.Join(strings.Fields(string(body)), " "); why != "" {
			return fmt.Errorf("healthz answered %s: %s", resp.Status, why)
		}
		return fmt.Errorf("healthz answered %s", resp.Status)
	}
	return nil
}

// firstSignalStops returns a context cancelled by the first SIGINT or
// SIGTERM, after which both signals have their default effect again.
func firstSignalStops() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
			signal.Reset(os.Interrupt, syscall.SIGTERM)
		case <-ctx.Done():
			signal.Stop(sig)
		}
		cancel()
	}()
	return ctx, cancel
}
