package storage_test

import (
	"context"
	"testing"
)

// TestBlockedMigration: 00017 adds the blocked marks to users and
// followups, and its Down takes them away again; up again, a user's row is
// as it was.
func TestBlockedMigration(t *testing.T) {
	ctx := context.Background()
	db, p, _ := migratedTo(t, 16)
	if _, err := db.ExecContext(ctx, `INSERT INTO users (telegram_id, first_name, role) VALUES (1, 'V', 'volunteer')`); err != nil {
		t.Fatal(err)
	}
	columns := func() int {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.columns
			WHERE table_name IN ('users', 'followups') AND column_name = 'blocked_at'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, step := range []struct {
		up   bool
		want int
	}{{true, 2}, {false, 0}, {true, 2}} {
		var err error
		if step.up {
			_, err = p.UpTo(ctx, 17)
		} else {
			_, err = p.DownTo(ctx, 16)
		}
		if err != nil {
			t.Fatal(err)
		}
		if n := columns(); n != step.want {
			t.Errorf("after up=%v: %d blocked_at columns, want %d", step.up, n, step.want)
		}
	}
	var blocked bool
	if err := db.QueryRowContext(ctx, `SELECT blocked_at IS NOT NULL FROM users WHERE telegram_id = 1`).Scan(&blocked); err != nil || blocked {
		t.Errorf("a user after the migration: blocked %v (%v)", blocked, err)
	}
}
