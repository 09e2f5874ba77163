// Package pgserver starts a private, throwaway PostgreSQL server from the
// machine's own server binaries (initdb, postgres), for tests and for
// `dvcbot demo` when no DATABASE_URL is given.
//
// The cluster lives in a fresh temporary directory, listens on 127.0.0.1 at
// a free port and on a unix socket inside that directory, trusts every local
// connection (user "postgres", no password) and trades durability for speed
// (fsync, synchronous_commit and full_page_writes off, wal_level minimal).
// Stop shuts it down and removes the directory. On Linux the directory is in
// /dev/shm when that has room: tests create and drop many databases, and
// CREATE DATABASE is about ten times faster in memory than on disk
// (PGSERVER_NO_SHM=1 keeps it in $TMPDIR).
//
// initdb refuses to run as root, so when the process is root the server runs
// as the system user "postgres" (else "nobody"), and the directory is owned
// by that user. On Linux the server gets SIGINT (fast shutdown) if the process
// that started it dies, so a crashed test run leaves no server behind; a later
// Start removes directories left behind by servers whose owner is gone.
//
// Binaries are looked for in `pg_config --bindir`, /usr/lib/postgresql/*/bin
// (newest version first), a few usual install places and PATH; set
// PG_BINDIR to point at a particular installation.
package pgserver

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/lib/pq" // the PostgreSQL driver, to know when the server is ready
)

// startTimeout bounds how long the server may take to accept connections.
const startTimeout = 60 * time.Second

// stopTimeout is how long a fast shutdown may take before the server is killed.
const stopTimeout = 30 * time.Second

// dirPrefix names the temporary directories, so stale ones can be found.
const dirPrefix = "dvcbot-pg-"

// ownerFile records the pid of the process that started the server.
const ownerFile = "owner.pid"

// Server is a running private PostgreSQL server.
type Server struct {
	log  *slog.Logger
	bin  string
	who  runAs
	dir  string
	port int
	cmd  *exec.Cmd
	out  *tailBuffer

	exited  chan struct{} // closed when the postgres process has exited
	waitErr error         // set before exited is closed

	stopOnce sync.Once
	stopErr  error
}

// runAs is the identity initdb and postgres run under.
type runAs struct {
	name     string
	uid, gid uint32
	switched bool // false: the current user, no credential change
}

// Start initdb's a fresh cluster in a new temp dir, starts postgres on
// 127.0.0.1 at a free port (and a unix socket inside the dir), waits until it
// accepts connections, and returns it.
func Start(ctx context.Context, log *slog.Logger) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	who, err := serverUser()
	if err != nil {
		return nil, err
	}
	parent := tempParent(who)
	sweepStale(parent, 10*time.Second, log)

	dir, err := os.MkdirTemp(parent, dirPrefix)
	if err != nil {
		return nil, fmt.Errorf("pgserver: create directory: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(dir)
		}
	}()
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return nil, fmt.Errorf("pgserver: %w", err)
	}
	if who.switched {
		if err := os.Chown(dir, int(who.uid), int(who.gid)); err != nil {
			return nil, fmt.Errorf("pgserver: give %s to user %s: %w", dir, who.name, err)
		}
	}
	data := filepath.Join(dir, "data")

	began := time.Now()
	if err := initdb(ctx, bin, who, dir, data); err != nil {
		return nil, err
	}
	log.Debug("pgserver: initdb done", "dir", dir, "took", time.Since(began))

	// A free port can be taken by someone else between our probe and the
	// server's bind; try again with another one.
	var s *Server
	for attempt := 1; ; attempt++ {
		s, err = launch(ctx, log, bin, who, dir, 0)
		if err == nil || attempt == 3 || !errors.Is(err, errPortTaken) {
			break
		}
		log.Debug("pgserver: port taken, retrying", "err", err)
	}
	if err != nil {
		return nil, err
	}
	ok = true
	log.Info("pgserver: started private PostgreSQL", "url", s.URL(), "dir", dir, "bin", bin, "user", who.name, "took", time.Since(began))
	return s, nil
}

// URL is a connection URL for the "postgres" database as the superuser
// "postgres" over TCP.
func (s *Server) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", s.port)
}

// Port is the TCP port the server listens on at 127.0.0.1.
func (s *Server) Port() int { return s.port }

// Dir is the temporary directory holding the cluster (in data/) and the unix
// socket; it is removed by Stop.
func (s *Server) Dir() string { return s.dir }

// Stop shuts the server down (fast shutdown: clients are disconnected) and
// removes its directory. It is safe to call more than once.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		s.stopErr = s.stop()
	})
	return s.stopErr
}

func (s *Server) stop() error {
	var errs []error
	select {
	case <-s.exited:
	default:
		if err := s.cmd.Process.Signal(shutdownSignal); err != nil && !errors.Is(err, os.ErrProcessDone) {
			errs = append(errs, fmt.Errorf("pgserver: signal postgres: %w", err))
		}
		select {
		case <-s.exited:
		case <-time.After(stopTimeout):
			s.log.Warn("pgserver: postgres did not stop in time; killing it", "pid", s.cmd.Process.Pid)
			s.cmd.Process.Kill() //nolint:errcheck // it may have exited meanwhile
			<-s.exited
		}
	}
	if err := os.RemoveAll(s.dir); err != nil {
		errs = append(errs, fmt.Errorf("pgserver: remove %s: %w", s.dir, err))
	}
	s.log.Debug("pgserver: stopped", "dir", s.dir)
	return errors.Join(errs...)
}

// findBinaries returns the first directory holding both initdb and postgres.
func findBinaries() (string, error) {
	var candidates []string
	if d := os.Getenv("PG_BINDIR"); d != "" {
		candidates = append(candidates, d)
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		candidates = append(candidates, strings.TrimSpace(string(out)))
	}
	for _, pattern := range []string{
		"/usr/lib/postgresql/*/bin",         // Debian, Ubuntu
		"/usr/pgsql-*/bin",                  // RHEL (PGDG)
		"/opt/homebrew/opt/postgresql*/bin", // macOS, Homebrew on Apple silicon
		"/usr/local/opt/postgresql*/bin",    // macOS, Homebrew on Intel
	} {
		matches, _ := filepath.Glob(pattern)
		sortNewestFirst(matches)
		candidates = append(candidates, matches...)
	}
	candidates = append(candidates, "/usr/local/pgsql/bin", "/usr/local/bin", "/usr/bin")
	if p, err := exec.LookPath("initdb"); err == nil {
		candidates = append(candidates, filepath.Dir(p))
	}
	return searchBinaries(candidates)
}

// searchBinaries returns the first of dirs that holds initdb and postgres.
func searchBinaries(candidates []string) (string, error) {
	seen := map[string]bool{}
	var looked []string
	for _, d := range candidates {
		if d == "" || seen[d] {
			continue
		}
		seen[d] = true
		looked = append(looked, d)
		if isExecutable(filepath.Join(d, "initdb")) && isExecutable(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	return "", fmt.Errorf("no PostgreSQL server binaries found (looked in %s); install them (e.g. apt-get install postgresql) or set PG_BINDIR to their directory",
		strings.Join(looked, ", "))
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// sortNewestFirst orders paths holding a version number (…/15/bin,
// …/pgsql-16/bin, …/postgresql@17/bin, …/9.6/bin) by that version, highest
// first.
func sortNewestFirst(paths []string) {
	version := func(p string) []int {
		var v []int
		for _, f := range strings.FieldsFunc(filepath.Dir(p), func(r rune) bool { return r < '0' || r > '9' }) {
			n, _ := strconv.Atoi(f)
			v = append(v, n)
		}
		return v
	}
	slices.SortStableFunc(paths, func(a, b string) int { return slices.Compare(version(b), version(a)) })
}

// initdb creates the cluster in data, with the C.UTF-8 locale where the
// system has it and no locale otherwise.
func initdb(ctx context.Context, bin string, who runAs, dir, data string) error {
	var failures []string
	for _, locale := range []string{"--locale=C.UTF-8", "--no-locale"} {
		os.RemoveAll(data) // a failed attempt may leave a partial cluster
		cmd := exec.CommandContext(ctx, filepath.Join(bin, "initdb"),
			"-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", locale, "--no-sync")
		prepare(cmd, who, dir)
		out, err := cmd.CombinedOutput()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("pgserver: initdb: %w", ctx.Err())
		}
		failures = append(failures, fmt.Sprintf("initdb %s: %v: %s", locale, err, lastLines(out, 10)))
	}
	return fmt.Errorf("pgserver: %s", strings.Join(failures, "; "))
}

var errPortTaken = errors.New("port already in use")

// launch starts postgres on a free port and waits until it accepts
// connections.
func launch(ctx context.Context, log *slog.Logger, bin string, who runAs, dir string, port int) (*Server, error) {
	if port == 0 {
		var err error
		if port, err = freePort(); err != nil {
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	out := &tailBuffer{max: 64 << 10}
	cmd := exec.Command(filepath.Join(bin, "postgres"),
		"-D", data,
		"-p", strconv.Itoa(port),
		"-k", dir,
		"-c", "listen_addresses=127.0.0.1",
		"-c", "fsync=off",
		"-c", "synchronous_commit=off",
		"-c", "full_page_writes=off",
		"-c", "wal_level=minimal",
		"-c", "max_wal_senders=0",
		"-c", "max_connections=200",
		"-c", "shared_buffers=128MB",
		"-c", "log_min_messages=warning",
		"-c", "logging_collector=off",
	)
	prepare(cmd, who, dir)
	cmd.Stdout = out
	cmd.Stderr = out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("pgserver: start postgres: %w", err)
	}
	s := &Server{log: log, bin: bin, who: who, dir: dir, port: port, cmd: cmd, out: out, exited: make(chan struct{})}
	go func() {
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	if err := s.waitReady(ctx); err != nil {
		s.stopProcess()
		if strings.Contains(out.String(), "already in use") {
			return nil, fmt.Errorf("pgserver: port %d: %w", port, errPortTaken)
		}
		return nil, fmt.Errorf("pgserver: %w; server output:\n%s", err, lastLines(out.Bytes(), 20))
	}
	return s, nil
}

// Restart stops the server (fast shutdown: every client is disconnected),
// keeps it down for the given time, and starts it again on the same port and
// data, as an operator's restart would: tests use it to show that the bot
// survives its database going away.
func (s *Server) Restart(ctx context.Context, down time.Duration) error {
	s.stopProcess()
	select {
	case <-time.After(down):
	case <-ctx.Done():
		return ctx.Err()
	}
	next, err := launch(ctx, s.log, s.bin, s.who, s.dir, s.port)
	if err != nil {
		return err
	}
	s.cmd, s.out, s.exited = next.cmd, next.out, next.exited
	return nil
}

// stopProcess stops postgres without removing the directory.
func (s *Server) stopProcess() {
	select {
	case <-s.exited:
		return
	default:
	}
	s.cmd.Process.Signal(shutdownSignal) //nolint:errcheck // it may have exited meanwhile
	select {
	case <-s.exited:
	case <-time.After(stopTimeout):
		s.cmd.Process.Kill() //nolint:errcheck
		<-s.exited
	}
}

// waitReady polls until a connection succeeds, the server exits, or time is up.
func (s *Server) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	db, err := sql.Open("postgres", s.URL()+"&connect_timeout=2")
	if err != nil {
		return err
	}
	defer db.Close()
	var last error
	for {
		pctx, pcancel := context.WithTimeout(ctx, 2*time.Second)
		last = db.PingContext(pctx)
		pcancel()
		if last == nil {
			return nil
		}
		select {
		case <-s.exited:
			return fmt.Errorf("postgres exited during start-up: %v", s.waitErr)
		case <-ctx.Done():
			return fmt.Errorf("postgres did not accept connections: %w (last error: %v)", ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// freePort asks the kernel for a port that is free at this moment.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgserver: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// prepare sets the working directory, a clean environment and the identity
// for initdb and postgres.
func prepare(cmd *exec.Cmd, who runAs, dir string) {
	cmd.Dir = dir
	env := []string{"LC_ALL=C", "TZ=UTC"}
	for _, kv := range os.Environ() {
		// PG* variables (PGDATA, PGPORT, PGHOST…) would point the tools at
		// some other cluster; locale variables are set above.
		if strings.HasPrefix(kv, "PG") || strings.HasPrefix(kv, "LC_") || strings.HasPrefix(kv, "LANG=") ||
			strings.HasPrefix(kv, "TZ=") || strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "USER=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOME="+dir, "USER="+who.name)
	cmd.Env = env
	cmd.SysProcAttr = sysProcAttr(who)
}

// tailBuffer keeps the last max bytes written to it; safe for concurrent use.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if len(b.buf) > b.max {
		b.buf = append(b.buf[:0], b.buf[len(b.buf)-b.max:]...)
	}
	return len(p), nil
}

func (b *tailBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf)
}

func (b *tailBuffer) String() string { return string(b.Bytes()) }

// lastLines returns the last n lines of out, trimmed.
func lastLines(out []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
