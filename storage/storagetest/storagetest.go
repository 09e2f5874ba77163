// Package storagetest gives each test a PostgreSQL database of its own,
// migrated and seeded, and drops it when the test ends.
//
//	func TestMain(m *testing.M) { storagetest.Main(m) }
//
//	func TestSomething(t *testing.T) {
//		st := storagetest.Open(t) // *storage.Storage on a fresh database
//		…
//	}
//
// The server is found once per test process, in this order:
//
//  1. TEST_DATABASE_URL, used as is (a role that may CREATE DATABASE);
//  2. a private server started from the machine's PostgreSQL binaries
//     (package pgserver: fsync off, its data in /dev/shm when there is room),
//     stopped by Main when the tests are done;
//  3. a server on the local default: the socket /var/run/postgresql as user
//     postgres, then 127.0.0.1:5432 as postgres, then as the current OS user.
//
// The private server comes before the local one because it is faster for
// this use: every test drops its database at the end, and on a server that
// keeps its data a DROP DATABASE forces a checkpoint flushing whatever the
// other tests wrote meanwhile (README, "Try it": measured times).
//
// If none can be had, the test fails with a message that says how to provide
// one; it never skips. DVCBOT_TEST_PRIVATE_PG=1 requires the private server
// (ignoring TEST_DATABASE_URL and the local default; an error if it cannot
// start), DVCBOT_TEST_PRIVATE_PG=0 never starts one (to test on the local
// server). PostgreSQL 13 or newer is required.
//
// Migrating and seeding take about a second, too slow for every test, so the
// package builds one template database per set of migrations and unit lists
// (dvcbot_tmpl_<first 12 hex digits of storage.SchemaHash()>), once per
// server (on a shared server, once across all the test processes that use
// it: go test runs packages in parallel), and each test gets a CREATE
// DATABASE … TEMPLATE copy of it: dvcbot_test_<random>, dropped at the test's
// cleanup.
//
// Reused (reuse.go) is Open for tests that only read and write rows: the
// copy and its pool's connections, emptied at the test's end, serve the next
// such test of the process — a new database and new connections to it were
// most of the server's work for a short test.
package storagetest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"os/user"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/pgserver"
)

const (
	// envURL names an existing server to use.
	envURL = "TEST_DATABASE_URL"
	// envPrivate forces a private server.
	envPrivate = "DVCBOT_TEST_PRIVATE_PG"

	templatePrefix = "dvcbot_tmpl_"
	testPrefix     = "dvcbot_test_"

	// templateLockKey is the advisory lock that serializes template builds
	// across processes ("dvcbot-template" folded into an int64).
	templateLockKey int64 = 0x64766362_746d706c
)

// env is what the test process found, once.
type env struct {
	once     sync.Once
	err      error
	admin    *sql.DB // to the server's admin database: creates and drops databases
	adminURL string
	source   string // where the server came from, for messages
	template string
	version  int // the server's server_version_num
	private  *pgserver.Server
	// privateErr is why no private server could be started, when the
	// tests fell back to another.
	privateErr error
	spares     spares // Reused's databases (reuse.go)
}

// The one value per test process: tests share the server and the template.
var shared env

// Open returns a migrated, seeded *storage.Storage on a fresh database of its
// own, dropped at t.Cleanup.
func Open(t testing.TB) *storage.Storage {
	t.Helper()
	u := URL(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := storage.Open(ctx, u)
	if err != nil {
		t.Fatalf("storagetest: %v", err)
	}
	t.Cleanup(func() { st.Close() }) // runs before the drop registered by URL
	return st
}

// URL returns a connection URL for a fresh database of its own, already
// migrated and seeded (for tests that run the whole binary or open several
// Storage handles, e.g. a restart test); the database is dropped at cleanup,
// disconnecting whoever is still connected.
func URL(t testing.TB) string {
	t.Helper()
	return fresh(t, "test", func(e *env, ctx context.Context, name string) error { return e.createFromTemplate(ctx, name) })
}

// EmptyURL returns a connection URL for a fresh, empty database of its own
// (no migrations), for tests of the migrations themselves; it is dropped at
// cleanup.
func EmptyURL(t testing.TB) string {
	t.Helper()
	return fresh(t, "empty", func(e *env, ctx context.Context, name string) error {
		_, err := e.admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)+` TEMPLATE template0`)
		return err
	})
}

// fresh makes a database of its own with create, dropped at cleanup.
func fresh(t testing.TB, what string, create func(e *env, ctx context.Context, name string) error) string {
	t.Helper()
	e := ready(t)
	name := testPrefix + randomHex(8)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := create(e, ctx, name); err != nil {
		t.Fatalf("storagetest: create %s database on %s: %v", what, e.source, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := e.drop(ctx, name); err != nil {
			t.Errorf("storagetest: drop %s: %v", name, err)
		}
	})
	return withDatabase(e.adminURL, name)
}

// ready returns the process's server and template, found or built the
// first time; the test fails if there are none.
func ready(t testing.TB) *env {
	t.Helper()
	e := &shared
	e.once.Do(e.setup)
	if e.err != nil {
		t.Fatalf("storagetest: %v", e.err)
	}
	return e
}

// Main wraps testing.M for TestMain: it runs the tests, then stops the
// private server this process started, if any.
//
//	func TestMain(m *testing.M) { storagetest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	if err := shared.close(); err != nil {
		fmt.Fprintln(os.Stderr, "storagetest:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

func (e *env) close() error {
	var errs []error
	if e.admin != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		errs = append(errs, e.spares.dropAll(ctx, e), e.admin.Close())
	}
	if e.private != nil {
		errs = append(errs, e.private.Stop())
	}
	return errors.Join(errs...)
}

// setup finds a server and makes sure the template exists.
func (e *env) setup() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if e.err = e.findServer(ctx); e.err != nil {
		return
	}
	e.template = templatePrefix + schemaHash()[:12]
	if e.err = e.ensureTemplate(ctx); e.err != nil {
		e.err = fmt.Errorf("build template database %s on %s: %w", e.template, e.source, e.err)
	}
}

func (e *env) findServer(ctx context.Context) error {
	switch os.Getenv(envPrivate) {
	case "1":
		srv, err := e.startPrivate(ctx)
		if err != nil {
			return fmt.Errorf("%s=1 is set, but no private PostgreSQL server could be started: %w", envPrivate, err)
		}
		e.private = srv
		return nil
	case "0":
	default:
		if os.Getenv(envURL) == "" {
			// The usual case: a server of the test process's own, with
			// fsync off and its data in memory. Each test's database is
			// dropped at its end, and on a server that keeps its data
			// (fsync on) every DROP DATABASE forces a checkpoint that
			// flushes everything the other tests wrote.
			srv, err := e.startPrivate(ctx)
			if err == nil {
				e.private = srv
				return nil
			}
			e.privateErr = err
		}
	}
	if u := os.Getenv(envURL); u != "" {
		// Asked for explicitly: a failure here is an error, not a reason
		// to quietly test against something else.
		if err := e.connect(ctx, u, 10*time.Second); err != nil {
			return fmt.Errorf("%s is set but unusable: %w", envURL, err)
		}
		e.source = envURL
		return nil
	}
	var tried []string
	for _, u := range localDefaults() {
		err := e.connect(ctx, u, 2*time.Second)
		if err == nil {
			e.source = "the local server " + redact(u)
			return nil
		}
		tried = append(tried, fmt.Sprintf("%s: %v", redact(u), err))
	}
	private := "not tried (" + envPrivate + "=0)"
	if e.privateErr != nil {
		private = e.privateErr.Error()
	}
	return fmt.Errorf("no PostgreSQL for tests: %s is not set; no private server could be started (%s); and no usable local server (%s).\n"+
		"Provide one: install the PostgreSQL server package (e.g. apt-get install postgresql) so tests can start their own, "+
		"start PostgreSQL locally, or set %s=postgres://user@host:port/db?sslmode=disable (a role allowed to CREATE DATABASE)",
		envURL, private, strings.Join(tried, "; "), envURL)
}

func (e *env) startPrivate(ctx context.Context) (*pgserver.Server, error) {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := pgserver.Start(ctx, log)
	if err != nil {
		return nil, fmt.Errorf("%w; or set %s to a server the tests may create databases on", err, envURL)
	}
	if err := e.connect(ctx, srv.URL(), 10*time.Second); err != nil {
		srv.Stop()
		return nil, fmt.Errorf("connect to the private server: %w", err)
	}
	e.source = "a private server (" + srv.URL() + ")"
	return srv, nil
}

// localDefaults are the usual places of a development server.
func localDefaults() []string {
	urls := []string{
		"postgres://postgres@/postgres?host=/var/run/postgresql&sslmode=disable",
		"postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
	}
	if u, err := user.Current(); err == nil && u.Username != "postgres" && u.Username != "" {
		name := url.PathEscape(u.Username)
		urls = append(urls,
			"postgres://"+name+"@127.0.0.1:5432/postgres?sslmode=disable",
			"postgres://"+name+"@/postgres?host=/var/run/postgresql&sslmode=disable",
		)
	}
	return urls
}

// connect opens the admin pool on u and checks that the role may create
// databases.
func (e *env) connect(ctx context.Context, u string, timeout time.Duration) error {
	db, err := sql.Open("postgres", withParam(u, "connect_timeout", strconv.Itoa(int(timeout.Seconds()))))
	if err != nil {
		return err
	}
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var (
		canCreate bool
		version   int
	)
	err = db.QueryRowContext(pctx, `SELECT rolcreatedb OR rolsuper, current_setting('server_version_num')::int
		FROM pg_roles WHERE rolname = current_user`).Scan(&canCreate, &version)
	switch {
	case err != nil:
	case !canCreate:
		err = errors.New("the role may not create databases")
	case version < 130000:
		err = fmt.Errorf("PostgreSQL %d.%d is too old; 13 or newer is needed", version/10000, version%10000)
	}
	if err != nil {
		db.Close()
		return err
	}
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(time.Minute)
	e.admin, e.adminURL, e.version = db, u, version
	return nil
}

// ensureTemplate builds the template database unless it exists. Test
// processes running at once take turns through an advisory lock; the
// template is built under another name and renamed when complete, so a
// half-built one is never cloned.
func (e *env) ensureTemplate(ctx context.Context) error {
	conn, err := e.admin.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, templateLockKey); err != nil {
		return fmt.Errorf("wait for the template lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, templateLockKey) //nolint:errcheck // the session ends soon anyway

	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, e.template).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}

	began := time.Now()
	building := e.template + "_building"
	quoted := pq.QuoteIdentifier(building)
	// We hold the lock, so a leftover is from a build that crashed.
	if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+quoted+` WITH (FORCE)`); err != nil {
		return err
	}
	// template0 so nothing added to template1 leaks in; UTF8 whatever the
	// server's default, falling back to the C locale if the default locale
	// cannot hold UTF8.
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+quoted+` TEMPLATE template0 ENCODING 'UTF8'`); err != nil {
		if _, err2 := conn.ExecContext(ctx, `CREATE DATABASE `+quoted+` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`); err2 != nil {
			return fmt.Errorf("create %s: %w", building, errors.Join(err, err2))
		}
	}
	if err := migrate(ctx, withDatabase(e.adminURL, building)); err != nil {
		return err
	}
	// Connections just closed may linger a moment on the server side.
	if err := retryInUse(ctx, func() error {
		_, err := conn.ExecContext(ctx, `ALTER DATABASE `+quoted+` RENAME TO `+pq.QuoteIdentifier(e.template))
		return err
	}); err != nil {
		return fmt.Errorf("rename %s: %w", building, err)
	}
	// A template nobody connects to: a connection would make CREATE
	// DATABASE … TEMPLATE fail, and a change would leak into every test.
	if _, err := conn.ExecContext(ctx, `ALTER DATABASE `+pq.QuoteIdentifier(e.template)+` WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `COMMENT ON DATABASE `+pq.QuoteIdentifier(e.template)+` IS `+pq.QuoteLiteral(builtMark+strconv.FormatInt(time.Now().Unix(), 10))); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "storagetest: built template database %s on %s in %v\n", e.template, e.source, time.Since(began).Round(time.Millisecond))
	e.dropOldTemplates(ctx, conn)
	return nil
}

// builtMark starts the comment on a template database; the build time follows.
const builtMark = "dvcbot test template, built at unix time "

// dropOldTemplates removes templates of other migration sets built more than
// an hour ago, so that editing migrations does not pile up databases. A test
// process of another checkout that still wants one rebuilds it.
func (e *env) dropOldTemplates(ctx context.Context, conn *sql.Conn) {
	rows, err := conn.QueryContext(ctx, `SELECT d.datname, coalesce(shobj_description(d.oid, 'pg_database'), '')
		FROM pg_database d WHERE d.datname LIKE 'dvcbot\_tmpl\_%' AND d.datname <> $1`, e.template)
	if err != nil {
		return
	}
	var old []string
	for rows.Next() {
		var name, comment string
		if rows.Scan(&name, &comment) != nil {
			continue
		}
		built, err := strconv.ParseInt(strings.TrimPrefix(comment, builtMark), 10, 64)
		if err != nil || !strings.HasPrefix(comment, builtMark) {
			continue // not built by us, or still building: leave it
		}
		if time.Since(time.Unix(built, 0)) > time.Hour {
			old = append(old, name)
		}
	}
	rows.Close()
	for _, name := range old {
		q := pq.QuoteIdentifier(name)
		if _, err := conn.ExecContext(ctx, `ALTER DATABASE `+q+` IS_TEMPLATE false`); err != nil {
			continue
		}
		conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+q+` WITH (FORCE)`) //nolint:errcheck // best effort
	}
}

// migrate runs the real migrations and seed on the database at u.
func migrate(ctx context.Context, u string) error {
	st, err := storage.Open(ctx, u)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		return err
	}
	if err := bot.Migrate(ctx, st.DB().DB, slog.New(slog.DiscardHandler)); err != nil {
		return err
	}
	return jobs.Migrate(ctx, st.DB().DB, slog.New(slog.DiscardHandler))
}

// createFromTemplate creates name as a copy of the template, building the
// template again if it has gone (dropped by a test run of another checkout).
func (e *env) createFromTemplate(ctx context.Context, name string) error {
	create := func() error {
		return retryInUse(ctx, func() error {
			_, err := e.admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)+` TEMPLATE `+pq.QuoteIdentifier(e.template)+copyStrategy(e.private != nil, e.version))
			return err
		})
	}
	err := create()
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "3D000" { // invalid_catalog_name: no such template
		if err := e.ensureTemplate(ctx); err != nil {
			return err
		}
		err = create()
	}
	return err
}

// copyStrategy is how CREATE DATABASE copies the template. Since
// PostgreSQL 15 it writes every block of it through the WAL by default
// (WAL_LOG), which costs a test about twice the server's time and wall time of
// copying its files (FILE_COPY, measured on the 12 MB template: 24 against
// 40 ms of CPU per copy and drop). FILE_COPY checkpoints before and after
// the copy, which a private server (fsync off, its data in memory) does at
// no cost, but a server that keeps its data (TEST_DATABASE_URL, a local
// one) pays each time with the other tests' writes: there the default stays.
func copyStrategy(private bool, version int) string {
	if private && version >= 150000 {
		return ` STRATEGY FILE_COPY`
	}
	return ""
}

// retryInUse retries fn while PostgreSQL says the database "is being
// accessed by other users" (a connection that is closing, or someone else
// copying the same template on an old server).
func retryInUse(ctx context.Context, fn func() error) error {
	wait := 20 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := fn()
		var pqErr *pq.Error
		if err == nil || attempt == 10 || !errors.As(err, &pqErr) || pqErr.Code != "55006" { // object_in_use
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (after: %v)", ctx.Err(), err)
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// drop drops the test database name, disconnecting whoever is left.
func (e *env) drop(ctx context.Context, name string) error {
	// DROP … WITH (FORCE) waits for the backends it terminates in steps of
	// 100 ms; connections closed a moment ago by the test are usually gone
	// within a few, so wait for them at a finer grain first.
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); {
		var n int
		if err := e.admin.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = $1`, name).Scan(&n); err != nil || n == 0 {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	_, err := e.admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)+` WITH (FORCE)`)
	return err
}

// withDatabase returns the connection string u pointed at database name; u
// is a postgres:// URL or a key=value connection string.
func withDatabase(u, name string) string {
	if p, err := url.Parse(u); err == nil && (p.Scheme == "postgres" || p.Scheme == "postgresql") {
		p.Path = "/" + name
		p.RawPath = ""
		return p.String()
	}
	return u + " dbname=" + name
}

// withParam adds a connection parameter to u.
func withParam(u, key, value string) string {
	if p, err := url.Parse(u); err == nil && (p.Scheme == "postgres" || p.Scheme == "postgresql") {
		q := p.Query()
		q.Set(key, value)
		p.RawQuery = q.Encode()
		return p.String()
	}
	return u + " " + key + "=" + value
}

// redact hides a password in u, for messages.
func redact(u string) string {
	if p, err := url.Parse(u); err == nil && p.User != nil {
		return p.Redacted()
	}
	return u
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) //nolint:errcheck // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

// schemaHash names what a template holds: the application's schema and
// seed, the runtime's tables and the job queue's.
func schemaHash() string {
	h := sha256.New()
	h.Write([]byte(storage.SchemaHash()))
	h.Write([]byte(jobs.SchemaVersion()))
	err := fs.WalkDir(bot.Migrations(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(bot.Migrations(), path)
		fmt.Fprintf(h, "%d:%s%d:", len(path), path, len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		panic(err) // embedded files are there by construction
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TypedOffTheSlip is a follow-up token as a resident types it off the printed slip: each
// letter's case swapped (a phone keyboard's capitals), the letters that
// print like digits (l, I, O) and the digits 1 and 0 taken for each other.
func TypedOffTheSlip(token string) string {
	var b strings.Builder
	for _, r := range token {
		switch {
		case r == 'l' || r == 'I':
			b.WriteRune('1')
		case r == '1':
			b.WriteRune('l')
		case r == 'O' || r == 'o':
			b.WriteRune('0')
		case r == '0':
			b.WriteRune('O')
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r - 'A' + 'a')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
