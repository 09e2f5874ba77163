package storage_test

import (
	"context"
	"reflect"
	"testing"
)

// TestProgressedMigration: before 2026-12-02 a skipped step marked a case
// progressed, as a step done does; a skip is only reading ahead, and a case
// not progressed can still be thrown away (a guide picked by mistake).
// Migration 00032 clears the mark of the open and paused cases whose
// events hold no step done and no problem, and leaves every other case as
// it is: one with a step done, one with a problem, a closed one.
func TestProgressedMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, p, _ := migratedTo(t, 31)
	open := func(id, status string) string {
		return `INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, progressed, started_at, updated_at)
		VALUES (` + id + `, 1, '00001', 'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 5, '` + status + `', 'steps',
			false, 'vi-x', true, '2026-12-01 09:00+07', '2026-12-01 09:10+07')`
	}
	event := func(id, kind, problem string) string {
		return `INSERT INTO case_events (case_id, at, kind, step, problem) VALUES (` + id + `, '2026-12-01 09:05+07', '` + kind + `', 0, ` + problem + `)`
	}
	stmts := []string{
		`INSERT INTO provinces (code, name, kind, sort_name) VALUES ('01', 'P', 'thanh-pho', 'p')`,
		`INSERT INTO communes (code, province_code, name, kind, sort_name) VALUES ('00001', '01', 'A', 'phuong', 'a')`,
		`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (1, 'An', 'volunteer', '00001')`,
		open("1", "open"), event("1", "start", "NULL"), event("1", "skip", "NULL"), event("1", "skip", "NULL"), // skips only
		open("2", "paused"), event("2", "skip", "NULL"), event("2", "pause", "NULL"), // skipped, then paused
		open("3", "open"), event("3", "skip", "NULL"), event("3", "done", "NULL"), // a step done
		open("4", "open"), event("4", "problem", "'portal_error'"), // a problem
		open("5", "open"), event("5", "back", "NULL"), // a back only
		`INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, progressed, outcome, started_at, updated_at, finished_at)
		VALUES (6, 1, '00001', 'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 5, 'closed', 'done',
			false, 'vi-x', true, 'submitted', '2026-12-01 09:00+07', '2026-12-01 09:10+07', '2026-12-01 09:10+07')`,
		event("6", "skip", "NULL"), // closed: left alone
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if _, err := p.ApplyVersion(ctx, 32, true); err != nil {
		t.Fatal(err)
	}
	var got []int64
	rows, err := db.QueryContext(ctx, `SELECT id FROM cases WHERE progressed ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if want := []int64{3, 4, 6}; !reflect.DeepEqual(got, want) {
		t.Errorf("cases still marked progressed after 00032: %v, want %v", got, want)
	}
	if _, err := p.ApplyVersion(ctx, 32, false); err != nil {
		t.Fatalf("down: %v", err)
	}
	if _, err := p.ApplyVersion(ctx, 32, true); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
