// Package storage keeps dvcbot's state in PostgreSQL through sqlx and lib/pq.
//
// One Storage type opens the database and runs transactions; each entity has
// its own file (units.go, users.go, invites.go, team.go, conversations.go,
// cases.go, followups.go, tallies.go, flags.go, digest.go; the inbox and
// outbox are package bot's). Plain SQL, context first, no ORM. Handlers work
// inside a Tx (WrapTx of the update's transaction) so that the effects of an
// update and the mark that it was handled commit together.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq" // the PostgreSQL driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// queryTimeout bounds every statement that is not given a tighter deadline.
const queryTimeout = 10 * time.Second

// Storage is the database handle shared by the whole process.
type Storage struct {
	db           *sqlx.DB
	followupDays int                                                                             // FOLLOWUP_RETENTION_DAYS (SetFollowupRetention); 0: the default
	forgotten    func(ctx context.Context, tx *Tx, cases []int64, chat int64, asked []int) error // WhenForgotten
	problem      func(ctx context.Context, tx *Tx, f Followup) error                             // WhenProblem
}

// Dialer, when not nil, is how the pools Open makes from then on reach the
// server (lib/pq's own dialer when nil). dvcbot bench sets it to count round
// trips; a pool keeps the dialer it was opened with.
var Dialer pq.Dialer

// MaxConns is the size of the connection pool.
const MaxConns = 20

// Open connects to the database at url and checks that it answers.
func Open(ctx context.Context, url string) (*Storage, error) {
	db, err := openDB(url)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	setPool(db)
	s := &Storage{db: db}
	if err := s.Ping(ctx); err != nil {
		db.Close()
		return nil, refusedParameter(err, url)
	}
	return s, nil
}

// setPool gives the pool Open's settings.
func setPool(db *sqlx.DB) {
	db.SetMaxOpenConns(MaxConns)
	// As many idle as open: under load a connection closed for being
	// idle one too many is opened again a moment later, and each opening
	// is a new server process (measured: that churn, not the queries, was
	// the bot's bottleneck at 50 chats).
	db.SetMaxIdleConns(MaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	// After a failover the pool may hold connections to the old server;
	// renewing them now and then bounds how long that lasts.
	db.SetConnMaxLifetime(30 * time.Minute)
}

// Reuse returns a new Storage on s's pool, the pool's settings put back as
// Open made them, without what was set on s (WhenForgotten, WhenProblem,
// SetFollowupRetention): storagetest hands a database and its warm
// connections from test to test. s is not to be used after; closing either
// closes the pool.
func (s *Storage) Reuse() *Storage {
	setPool(s.db)
	return &Storage{db: s.db}
}

// OpenOne returns a pool of a single connection to the database at url,
// made as Open's are (Dialer) but opened only when first used: what
// serve's database watch pings with, so that its ping never waits behind
// the work that fills the main pool, and a ping that waits is the database.
func OpenOne(url string) (*sql.DB, error) {
	db, err := openDB(url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(30 * time.Minute) // as Open's: a failover's old server is left
	return db.DB, nil
}

// ErrRefusedParameter is Open's error when the server refused a run-time
// parameter the connection string gave it.
var ErrRefusedParameter = errors.New("the server refused a run-time parameter of the connection string " +
	"(a key=value pair that is no connection setting; a password that holds a space or = must be quoted: password='…')")

// refusedParameter hides the server's words when it refused a run-time
// parameter of url (lib/pq sends the server every key=value pair that is no
// connection setting of its own): in key=value pairs, the rest of a
// password with a space left unquoted (password=correct horse=battery) is
// one, and a server that let the connection in without the password (trust,
// peer, cert, a pooler) answers `unrecognized configuration parameter
// "horse"` or `invalid value for parameter "work_mem": "battery"` — a piece
// of the password, for the logs. The error keeps only the server's code.
//
// The refusal is told by its code, in any language the server speaks:
// undefined_object, invalid_parameter_value, invalid_text_representation,
// cant_change_runtime_param, or insufficient_privilege or a pooler's
// protocol_violation naming one of url's parameters. Not by a value quoted:
// a missing database or user named like a parameter's value
// (search_path=dvcbot) is said as the server says it.
func refusedParameter(err error, url string) error {
	var pe *pq.Error
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "42704", "22023", "22P02", "55P02":
	case "42501", "08P01":
		// Also "permission denied for database", or a pooler's protocol
		// error ("unsupported startup parameter: horse"): the parameter
		// must be named.
		if !namesParameter(pe.Message+"\n"+pe.Detail+"\n"+pe.Hint, url) {
			return err
		}
	default:
		return err
	}
	return fmt.Errorf("ping database: %w (%s)", ErrRefusedParameter, pe.Code)
}

// namesParameter says whether said names a run-time parameter of url.
func namesParameter(said, url string) bool {
	cfg, err := pq.NewConfig(url)
	if err != nil {
		return false
	}
	for k := range cfg.Runtime {
		if strings.Contains(said, k) {
			return true
		}
	}
	return false
}

// openDB makes the pool. Statements with parameters go in one round trip
// (binary_parameters: lib/pq otherwise asks the server to describe each one
// first, a second round trip), each prepared once per connection
// (stmtcache.go); the price is that a []byte parameter is sent as binary,
// so it may only go to a bytea column: JSON is passed as a string.
func openDB(url string) (*sqlx.DB, error) {
	cfg, err := pq.NewConfig(url)
	if err != nil {
		return nil, err
	}
	cfg.BinaryParameters = true
	c, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, err
	}
	if Dialer != nil {
		c.Dialer(Dialer)
	}
	return sqlx.NewDb(sql.OpenDB(cachingConnector{c}), "postgres"), nil
}

// Close closes the connection pool.
func (s *Storage) Close() error { return s.db.Close() }

// DB exposes the pool for tests and tools that inspect tables directly.
func (s *Storage) DB() *sqlx.DB { return s.db }

// Ping checks that the database answers within a short time.
func (s *Storage) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Migrate applies the embedded migrations and seeds the administrative units.
// Several replicas may start at once: goose holds a PostgreSQL advisory lock
// while it migrates, and the seed runs inside one transaction.
func (s *Storage) Migrate(ctx context.Context, log *slog.Logger) error {
	sub := Migrations()
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, s.db.DB, sub,
		goose.WithSessionLocker(locker), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, r := range results {
		log.Info("migration applied", "version", r.Source.Version, "file", r.Source.Path, "took", r.Duration)
	}
	return s.seedUnits(ctx, log)
}

// Tx is one transaction; entity methods hang off it. The rows it locks
// (a chat's conversation, a case) are read once: later reads in the same
// transaction are served from what it read or wrote, since nobody else can
// change them until it ends. A case's write waits to ride on the next
// statement (usually the conversation's): one round trip for both.
// Whoever begins the transaction calls Flush before committing.
type Tx struct {
	tx       *sqlx.Tx
	convs    map[int64]*Conversation // nil value: the chat has no conversation
	cases    map[int64]Case
	pending  *deferred // a write not sent yet
	flushErr error     // why sending it failed
}

// deferred is a write as the first part of a WITH clause ("name AS (…)")
// with its parameters, numbered from $1.
type deferred struct {
	doing string // for errors: what the write was
	cte   string
	args  []any
}

// WrapTx gives the entity methods to a transaction begun elsewhere: the
// runtime's, which also marks the update done and writes its replies. The
// caller calls Flush before the transaction goes on without the Tx.
func WrapTx(tx *sqlx.Tx) *Tx { return &Tx{tx: tx} }

// db is the transaction for the next statement: what waits goes first. A
// batch's rows read ahead are dropped (ReadAhead): the statement may change
// them.
func (tx *Tx) db(ctx context.Context) *sqlx.Tx {
	aheadIn(ctx).spoil()
	return tx.keeping(ctx)
}

// keeping is db for a statement that changes none of the rows ReadAhead
// reads (a read, locking or not; the insert of a new case): a batch's rows
// read ahead stay.
func (tx *Tx) keeping(ctx context.Context) *sqlx.Tx {
	if err := tx.send(ctx); err != nil && tx.flushErr == nil {
		tx.flushErr = err // the transaction is aborted now; Flush says why
	}
	return tx.tx
}

// Flush sends a write still waiting and reports the first that failed.
func (tx *Tx) Flush(ctx context.Context) error {
	if err := tx.send(ctx); err != nil && tx.flushErr == nil {
		tx.flushErr = err
	}
	return tx.flushErr
}

func (tx *Tx) send(ctx context.Context) error {
	d := tx.pending
	if d == nil {
		return nil
	}
	tx.pending = nil
	_, err := tx.tx.ExecContext(ctx, `WITH `+d.cte+` SELECT 1`, d.args...)
	return wrap(d.doing, err)
}

// withPending prefixes query (whose parameters are numbered from $1) with
// the waiting write, renumbering query's parameters after the write's. The
// caller passes the statement's error to failed.
func (tx *Tx) withPending(query string, args []any, doing string) (q string, a []any, failed func(error) error) {
	d := tx.pending
	if d == nil {
		return query, args, func(err error) error { return wrap(doing, err) }
	}
	tx.pending = nil
	failed = func(err error) error {
		err = wrap(d.doing+", then "+doing, err)
		if err != nil && tx.flushErr == nil {
			tx.flushErr = err // the waiting write may be what failed: Flush says so too
		}
		return err
	}
	return `WITH ` + d.cte + ` ` + shiftParams(query, len(d.args)), append(d.args, args...), failed
}

// shiftParams renumbers $1…$n in a query by n.
func shiftParams(query string, by int) string {
	var b strings.Builder
	for i := 0; i < len(query); i++ {
		if query[i] != '$' || i+1 >= len(query) || query[i+1] < '0' || query[i+1] > '9' {
			b.WriteByte(query[i])
			continue
		}
		j := i + 1
		for j < len(query) && query[j] >= '0' && query[j] <= '9' {
			j++
		}
		n, _ := strconv.Atoi(query[i+1 : j])
		b.WriteString("$" + strconv.Itoa(n+by))
		i = j - 1
	}
	return b.String()
}

// InTx runs fn in a transaction, committing when fn returns nil.
func (s *Storage) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	t := &Tx{tx: tx}
	if err := fn(t); err != nil {
		if t.flushErr != nil {
			return t.flushErr // the root cause: what failed after it only says the transaction was aborted
		}
		return err
	}
	if err := t.Flush(ctx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// wrap says what was being done when err happened, so that a logged or
// parked error names the statement that failed; ErrNotFound and nil pass
// through unchanged (errors.Is still finds them after wrapping anyway).
func wrap(doing string, err error) error {
	if err == nil || errors.Is(err, ErrNotFound) {
		return err
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// Migrations returns the embedded migration files (goose's format), for
// tests of the migrations themselves.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory is there by construction
	}
	return sub
}

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
