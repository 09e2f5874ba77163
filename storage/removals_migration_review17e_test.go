package storage_test

import (
	"context"
	"database/sql"
	"testing"
)

// 00028 moves the team a member was removed from, kept on their users row
// (00026, 00027), into removals, one row each; a removal without its team
// (before 00026) moves without one. Its Down puts the newest back.
func TestRemovalsMigration(t *testing.T) {
	ctx := context.Background()
	db, p, _ := migratedTo(t, 27)
	if _, err := db.ExecContext(ctx, `
		INSERT INTO users (telegram_id, role, removed_at, removed_from_commune, removed_from_at)
			VALUES (1, 'guest', now(), '26882', now() - interval '1 hour');
		INSERT INTO users (telegram_id, role, removed_at, removed_from_at) VALUES (2, 'guest', now(), now());
		INSERT INTO users (telegram_id, role) VALUES (3, 'guest')`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 28); err != nil {
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
	if len(teams) != 2 || teams[1].String != "26882" || teams[2].Valid {
		t.Fatalf("removals after 00028: %v", teams)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO removals (telegram_id, commune_code, removed_at) VALUES (1, '00004', now())`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 27); err != nil {
		t.Fatal(err)
	}
	var c sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT removed_from_commune FROM users WHERE telegram_id = 1`).Scan(&c); err != nil || c.String != "00004" {
		t.Errorf("after 00028's Down: %v %v, want the newest removal's team", c, err)
	}
}
