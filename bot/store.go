package bot

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// queryTimeout bounds every statement of the runtime's own.
const queryTimeout = 10 * time.Second

// leaseTime is how long a process may take to deliver the replies it
// claimed before another may send them. It is longer than a reply's whole
// send time (maxSendTime), so a live sender never loses its lease.
const leaseTime = 30 * time.Second

// Store is the runtime's own part of the database: the update inbox and
// the reply outbox (bot/migrations). It shares the pool with the rest of the
// application but none of its tables.
type Store struct {
	db    *sqlx.DB
	owner string // this process, in outbox leases
}

// NewStore returns the runtime's store on db.
func NewStore(db *sqlx.DB) *Store {
	host, _ := os.Hostname()
	return &Store{db: db, owner: fmt.Sprintf("%s/%d/%s", host, os.Getpid(), rand.Text()[:8])}
}

// DB is the pool the store works on.
func (s *Store) DB() *sqlx.DB { return s.db }

// Migrations returns the runtime's migration files (goose's format).
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory is there by construction
	}
	return sub
}

// Migrate applies the runtime's migrations, recorded in a version table of
// their own (bot_db_version) beside the application's.
func Migrate(ctx context.Context, db *sql.DB, log *slog.Logger) error {
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(4_242_001))
	if err != nil {
		return err
	}
	store, err := database.NewStore(database.DialectPostgres, "bot_db_version")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider("", db, Migrations(),
		goose.WithStore(store), goose.WithSessionLocker(locker), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("runtime migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("migrate runtime tables: %w", err)
	}
	for _, r := range results {
		log.Info("migration applied", "version", r.Source.Version, "file", "bot/"+r.Source.Path, "took", r.Duration)
	}
	return nil
}

func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func wrapErr(doing string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// cleanError makes an error text storable: no NUL, valid UTF-8.
func cleanError(s string) string {
	return strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "?")
}

// IsUnavailable tells errors that mean the database could not be reached
// or went away (a restart, a failover, a dropped connection), as opposed to
// errors of the statement itself: the first kind is worth waiting out
// without counting it against the update.
func IsUnavailable(err error) bool {
	if err == nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		// Our own deadline (a slow handler) is not the database's absence,
		// though context errors pass for network timeouts.
		return false
	}
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return true
	}
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		// Class 08: connection exception; 57P01–57P03: the server is
		// shutting down, crashed, or cannot take connections yet.
		code := string(pqErr.Code)
		return strings.HasPrefix(code, "08") || code == "57P01" || code == "57P02" || code == "57P03"
	}
	return false
}
