package storage_test

import (
	"context"
	"database/sql"
	"testing"
)

// 00026 moves a removal kept before it (users.removed_at, no team) into
// removals, without a team; its Down drops the table and leaves users as
// it was.
func TestRemovalsMigration(t *testing.T) {
	ctx := context.Background()
	db, p, _ := migratedTo(t, 25)
	if _, err := db.ExecContext(ctx, `
		INSERT INTO users (telegram_id, role, removed_at) VALUES (2, 'guest', now());
		INSERT INTO users (telegram_id, role) VALUES (3, 'guest')`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 26); err != nil {
		t.Fatal(err)
	}
	teams := map[int64]sql.NullString{}
	rows, err := db.QueryContext(ctx, `SELECT telegram_id, commune_code FROM removals`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var c sql.NullString
		if err := rows.Scan(&id, &c); err != nil {
			t.Fatal(err)
		}
		teams[id] = c
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := teams[2]; len(teams) != 1 || !ok || teams[2].Valid {
		t.Fatalf("removals after 00026: %v, want member 2's, without a team", teams)
	}
	if _, err := p.DownTo(ctx, 25); err != nil {
		t.Fatal(err)
	}
	var removed sql.NullTime
	if err := db.QueryRowContext(ctx, `SELECT removed_at FROM users WHERE telegram_id = 2`).Scan(&removed); err != nil || !removed.Valid {
		t.Errorf("after 00026's Down: removed_at %v (%v), want it kept", removed, err)
	}
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('removals') IS NOT NULL`).Scan(&exists); err != nil || exists {
		t.Errorf("after 00026's Down: removals still there (%v)", err)
	}
}
