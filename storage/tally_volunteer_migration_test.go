package storage_test

import (
	"context"
	"database/sql"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// TestTallyVolunteerCommuneMigration: migration 00016 runs while a bot is
// still serving, and a case closes while it runs: the case's rollups end up
// with the new keys (a volunteer's line per commune of their cases), as
// counting again from the cases gives them; then down and up again.
//
// The close is timed where it went wrong: its transaction updated the case
// before the migration began and commits while the migration holds its
// locks (the migration is held back at its last write, goose's version row,
// by a third transaction). The close's rollup upkeep used to begin with the
// old tally_rollup_apply, wait on the rollup tables, and go on with the old
// keys after the migration: a line without a commune at -1… or +1.
func TestTallyVolunteerCommuneMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, p, url := migratedTo(t, 15)
	// Volunteer 1 logged cases in commune 00001, moved, and logs in 00002;
	// volunteer 2 logs in 00001. Case 9 is open: it closes during the
	// migration.
	stmts := []string{
		`INSERT INTO provinces (code, name, kind, sort_name) VALUES ('01', 'P', 'thanh-pho', 'p')`,
		`INSERT INTO communes (code, province_code, name, kind, sort_name) VALUES
			('00001', '01', 'A', 'phuong', 'a'), ('00002', '01', 'B', 'phuong', 'b')`,
		`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES
			(1, 'An', 'volunteer', '00002'), (2, 'Bình', 'volunteer', '00001')`,
		`INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, started_at, updated_at)
		SELECT i, CASE WHEN i = 8 THEN 2 ELSE 1 END, CASE WHEN i <= 4 OR i = 8 THEN '00001' ELSE '00002' END,
			'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 3, 'open', 'steps', false, 'vi-x',
			TIMESTAMPTZ '2026-10-05 09:00+07' + i * interval '1 day', TIMESTAMPTZ '2026-10-05 09:00+07' + i * interval '1 day'
		FROM generate_series(1, 9) i`,
		`UPDATE cases SET status = 'closed', phase = 'done', outcome = CASE WHEN id % 3 = 0 THEN 'not_submitted' ELSE 'submitted' END,
			reason = CASE WHEN id % 3 = 0 THEN 'missing_doc' END, finished_at = started_at + interval '5 minutes',
			updated_at = started_at + interval '5 minutes'
		WHERE id <= 8`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	conn := func() (*sql.Conn, int) {
		t.Helper()
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		var pid int
		if err := c.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
			t.Fatal(err)
		}
		return c, pid
	}
	exec := func(c *sql.Conn, q string) {
		t.Helper()
		if _, err := c.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// waiting: whether a session of this database other than those given
	// waits for a lock (only: it must be pid when pid > 0).
	waiting := func(pid int, not ...int) bool {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE NOT l.granted AND a.datname = current_database() AND ($1::int = 0 OR l.pid = $1::int) AND NOT l.pid = ANY($2::int[])`,
			pid, intArray(not)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	until := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("gave up waiting: %s", what)
			}
		}
	}

	holder, holderPid := conn() // holds the migration back at goose's version row
	exec(holder, `BEGIN`)
	exec(holder, `LOCK TABLE goose_db_version IN SHARE MODE`)
	bot, botPid := conn() // the bot still serving, closing case 9
	exec(bot, `BEGIN`)
	exec(bot, `UPDATE cases SET status = 'closed', phase = 'done', outcome = 'submitted',
		finished_at = started_at + interval '5 minutes', updated_at = started_at + interval '5 minutes' WHERE id = 9`)

	migrated := make(chan error, 1)
	go func() {
		_, err := p.ApplyVersion(ctx, 16, true)
		migrated <- err
	}()
	until("the migration waits", func() bool { return waiting(0, holderPid, botPid) })
	committed := make(chan error, 1)
	go func() {
		_, err := bot.ExecContext(ctx, `COMMIT`)
		committed <- err
	}()
	var early error
	botDone := false
	until("the close commits or waits", func() bool {
		select {
		case early = <-committed:
			botDone = true
			return true
		default:
			return waiting(botPid)
		}
	})
	exec(holder, `ROLLBACK`)
	if err := <-migrated; err != nil {
		t.Fatal(err)
	}
	if !botDone {
		early = <-committed
	}
	if early != nil {
		t.Fatal(early)
	}

	st, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lines := func() map[[2]string][2]int {
		t.Helper()
		rows, err := db.QueryContext(ctx, `SELECT a, b, sum(n), sum(ok) FROM tally_counts WHERE dim = 'volunteer'
			GROUP BY a, b HAVING sum(n) <> 0 OR sum(ok) <> 0`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[[2]string][2]int{}
		for rows.Next() {
			var a, b string
			var n, ok int
			if err := rows.Scan(&a, &b, &n, &ok); err != nil {
				t.Fatal(err)
			}
			out[[2]string{a, b}] = [2]int{n, ok}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// Cases 1–4 (3: not submitted) and 5–7, 9 (6: not submitted) for
	// volunteer 1, case 8 for volunteer 2.
	byCommune := map[[2]string][2]int{{"1", "00001"}: {4, 3}, {"1", "00002"}: {4, 3}, {"2", "00001"}: {1, 1}}
	if got := lines(); !reflect.DeepEqual(got, byCommune) {
		t.Errorf("volunteer lines after 00016: %v, want %v", got, byCommune)
	}
	checkRollupsRebuild(ctx, t, st)

	if _, err := p.ApplyVersion(ctx, 16, false); err != nil {
		t.Fatal(err)
	}
	merged := map[[2]string][2]int{{"1", ""}: {8, 6}, {"2", ""}: {1, 1}}
	if got := lines(); !reflect.DeepEqual(got, merged) {
		t.Errorf("volunteer lines after 00016's down: %v, want %v", got, merged)
	}
	checkRollupsRebuild(ctx, t, st)
	// A rating while it was down, then up again.
	if _, err := db.ExecContext(ctx, `UPDATE cases SET rating = 4 WHERE id = 5`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplyVersion(ctx, 16, true); err != nil {
		t.Fatal(err)
	}
	if got := lines(); !reflect.DeepEqual(got, byCommune) {
		t.Errorf("volunteer lines after 00016 again: %v, want %v", got, byCommune)
	}
	checkRollupsRebuild(ctx, t, st)
}

// intArray is a PostgreSQL integer array literal.
func intArray(xs []int) string {
	s := "{"
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += strconv.Itoa(x)
	}
	return s + "}"
}
