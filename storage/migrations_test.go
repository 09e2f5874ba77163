package storage_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// migratedTo is an empty database with the migrations up to version
// applied, its URL, and the provider that applies the rest.
func migratedTo(t *testing.T, version int64) (*sql.DB, *goose.Provider, string) {
	t.Helper()
	url := storagetest.EmptyURL(t)
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	p, err := goose.NewProvider(goose.DialectPostgres, db, storage.Migrations(), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(t.Context(), version); err != nil {
		t.Fatal(err)
	}
	return db, p, url
}

// TestCaseKindsMigration: cases logged before guides declared their kind are
// migrated so that an account task or a payment is never counted as a
// dossier, and a case ended early keeps where it was ended from.
func TestCaseKindsMigration(t *testing.T) {
	ctx := context.Background()
	db, p, _ := migratedTo(t, 2)
	rows := []struct {
		guide, status, phase, outcome, reason string
		step, total                           int
		// after
		kind, outcomeAfter, endedFrom string
		mode                          bool
	}{
		{"khai-sinh", "closed", "done", "submitted", "", 6, 7, "dossier", "submitted", "", true},
		{"vneid-mat-khau", "closed", "done", "submitted", "", 4, 5, "account", "done", "", false},
		{"vneid-muc-2", "closed", "done", "on_the_spot", "", 4, 5, "account", "done", "", false},
		{"vneid-muc-2", "closed", "done", "not_submitted", "no_vneid", 2, 5, "account", "not_done", "", false},
		{"thanh-toan", "closed", "done", "paid", "", 4, 5, "payment", "done", "", false},
		{"nop-phat", "closed", "done", "not_submitted", "portal_error", 1, 5, "payment", "not_done", "", false},
		{"tam-tru", "paused", "reason", "not_submitted", "", 2, 7, "dossier", "not_submitted", "steps", true},
		{"tam-tru", "open", "reason", "not_submitted", "", 6, 7, "dossier", "not_submitted", "outcome", true},
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO users (telegram_id, first_name, role) VALUES (1, 'V', 'volunteer')`); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		_, err := db.ExecContext(ctx, `INSERT INTO cases (id, volunteer_id, guide_id, guide_checked, mode, steps_total, status, phase, step,
			followup_consent, consent_version, outcome, reason, started_at, updated_at)
			VALUES ($1, 1, $2, '2026-11-27', 'toan-trinh', $3, $4, $5, $6, false, 'vi-x', $7, nullif($8, ''), now(), now())`,
			i+1, r.guide, r.total, r.status, r.phase, r.step, r.outcome, r.reason)
		if err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		var kind, outcome string
		var mode, endedFrom sql.NullString
		err := db.QueryRowContext(ctx, `SELECT kind, outcome, mode, ended_from FROM cases WHERE id = $1`, i+1).Scan(&kind, &outcome, &mode, &endedFrom)
		if err != nil {
			t.Fatal(err)
		}
		if kind != r.kind || outcome != r.outcomeAfter || mode.Valid != r.mode || endedFrom.String != r.endedFrom {
			t.Errorf("%s %s: kind %s, outcome %s, mode %v, ended_from %q; want %s, %s, mode %v, %q",
				r.guide, r.outcome, kind, outcome, mode, endedFrom.String, r.kind, r.outcomeAfter, r.mode, r.endedFrom)
		}
	}
	// The constraint follows: a dossier outcome on an account task is refused.
	if _, err := db.ExecContext(ctx, `UPDATE cases SET outcome = 'submitted' WHERE id = 2`); err == nil {
		t.Error("an account task took a dossier outcome")
	}
}
