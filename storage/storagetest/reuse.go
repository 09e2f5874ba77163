package storagetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/storage"
)

// Reused is Open for the many tests that only read and write rows (the
// handlers' worlds): the database may have served an earlier test of this
// process, and its pool's connections with it. It holds what a fresh copy
// of the template holds: its rows were emptied at that test's end (TRUNCATE
// … RESTART IDENTITY of every table the template has empty), and it is
// handed on only if nothing else changed — the schema, the seeded tables
// (the units and the migrations' versions), a client session left working
// or in a transaction, a closed pool; otherwise it is dropped, as Open's are.
//
// What a test saves is the server's work of a new database and of new
// connections to it (each starts with empty caches): about a tenth of a
// second of the machine's CPU per test, two thirds of a short one's
// (docs/benchmarks.md, "The tests' own time").
//
// A connection's session outlives the test, so a test that changes a
// session setting (SET without LOCAL), takes a session-level advisory lock
// or creates a temporary table that outlives its transaction uses Open.
func Reused(t testing.TB) *storage.Storage {
	t.Helper()
	e := ready(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := e.spares.take(ctx, e)
	if err != nil {
		t.Fatalf("storagetest: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := e.spares.giveBack(ctx, e, d); err != nil {
			t.Errorf("storagetest: %v", err)
		}
	})
	return d.st
}

// spares are the databases Reused handed out and got back clean.
type spares struct {
	mu   sync.Mutex
	free []*spare
	// As a fresh copy of the template is, taken from the first one.
	truncate    string // TRUNCATE … RESTART IDENTITY of the tables empty in the template
	fingerprint string // the query that sums up what is to stay as it was
	want        string // its answer on the fresh copy
}

// spare is a database of Reused's with its pool.
type spare struct {
	name string
	st   *storage.Storage
}

// take returns a clean spare, or a new copy of the template.
func (s *spares) take(ctx context.Context, e *env) (*spare, error) {
	s.mu.Lock()
	if n := len(s.free); n > 0 {
		d := s.free[n-1]
		s.free = s.free[:n-1]
		s.mu.Unlock()
		d.st = d.st.Reuse()
		return d, nil
	}
	s.mu.Unlock()
	name := testPrefix + randomHex(8)
	if err := e.createFromTemplate(ctx, name); err != nil {
		return nil, fmt.Errorf("create test database on %s: %w", e.source, err)
	}
	st, err := storage.Open(ctx, withDatabase(e.adminURL, name))
	if err == nil {
		err = s.learn(ctx, st)
		if err != nil {
			st.Close()
		}
	}
	if err != nil {
		return nil, errors.Join(err, e.drop(ctx, name))
	}
	return &spare{name: name, st: st}, nil
}

// learn reads, the first time, which tables a fresh copy of the template
// has empty and what the rest of it looks like.
func (s *spares) learn(ctx context.Context, st *storage.Storage) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fingerprint != "" {
		return nil
	}
	var tables []string
	if err := st.DB().SelectContext(ctx, &tables, `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
		ORDER BY 1`); err != nil {
		return fmt.Errorf("list the template's tables: %w", err)
	}
	var empty []string
	// What a change of schema touches: a new or dropped table, column,
	// index, function, trigger or constraint.
	parts := []string{
		`(SELECT count(*) || '/' || max(oid::int8) FROM pg_class)`,
		`(SELECT count(*) FROM pg_attribute)`,
		`(SELECT count(*) || '/' || max(oid::int8) FROM pg_proc)`,
		`(SELECT count(*) || '/' || coalesce(max(oid::int8), 0) FROM pg_trigger)`,
		`(SELECT count(*) || '/' || max(oid::int8) FROM pg_constraint)`,
		// A client still at work in the database (autovacuum may be).
		`(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
			AND backend_type = 'client backend' AND state <> 'idle')`,
	}
	for _, t := range tables {
		var rows bool
		if err := st.DB().GetContext(ctx, &rows, `SELECT EXISTS (SELECT FROM `+t+`)`); err != nil {
			return fmt.Errorf("look into %s: %w", t, err)
		}
		if !rows {
			empty = append(empty, t)
			continue
		}
		// A seeded table: a row added or changed has a newer xmin, a row
		// deleted changes the count.
		parts = append(parts, `(SELECT count(*) || '/' || max(xmin::text::int8) FROM `+t+`)`)
	}
	if len(empty) == 0 {
		return errors.New("the template has no empty table: nothing for Reused to clean")
	}
	fingerprint := `SELECT concat_ws(' ', ` + strings.Join(parts, ", ") + `)`
	if err := st.DB().GetContext(ctx, &s.want, fingerprint); err != nil {
		return fmt.Errorf("sum up the template: %w", err)
	}
	s.fingerprint = fingerprint
	s.truncate = `TRUNCATE ` + strings.Join(empty, ", ") + ` RESTART IDENTITY`
	return nil
}

// giveBack cleans d for the next test, or drops it when it cannot be.
func (s *spares) giveBack(ctx context.Context, e *env, d *spare) error {
	if err := s.clean(ctx, d.st); err != nil {
		d.st.Close()
		return e.drop(ctx, d.name)
	}
	s.mu.Lock()
	s.free = append(s.free, d)
	s.mu.Unlock()
	return nil
}

// errChanged is clean's answer for a database that is not as the template.
var errChanged = errors.New("the database is no longer as its template was")

// clean empties the tables of st's database, if it is otherwise as a fresh
// copy of the template was.
func (s *spares) clean(ctx context.Context, st *storage.Storage) error {
	tx, err := st.DB().BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit, a no-op
	// A test that left a transaction open holds its locks: not worth
	// waiting for.
	if _, err := tx.ExecContext(ctx, `SET LOCAL lock_timeout = '2s'`); err != nil {
		return err
	}
	var got string
	if err := tx.GetContext(ctx, &got, s.fingerprint); err != nil {
		return err
	}
	if got != s.want {
		return errChanged
	}
	if _, err := tx.ExecContext(ctx, s.truncate); err != nil {
		return err
	}
	return tx.Commit()
}

// dropAll drops the spares, at the end of the test process.
func (s *spares) dropAll(ctx context.Context, e *env) error {
	s.mu.Lock()
	free := s.free
	s.free = nil
	s.mu.Unlock()
	var errs []error
	for _, d := range free {
		d.st.Close()
		if err := e.drop(ctx, d.name); err != nil {
			errs = append(errs, fmt.Errorf("drop %s: %w", pq.QuoteIdentifier(d.name), err))
		}
	}
	return errors.Join(errs...)
}
