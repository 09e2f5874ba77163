package storage_test

import (
	"context"
	"strings"
	"testing"
)

// TestSelfLaterMigration: 00021 lets a case that could not be done end with
// the reason self_later ("shown how; the resident will finish later"); its
// Down keeps such a case as "other reason", and up again the reason is
// allowed again.
func TestSelfLaterMigration(t *testing.T) {
	ctx := context.Background()
	db, p, _ := migratedTo(t, 20)
	if _, err := db.ExecContext(ctx, `INSERT INTO users (telegram_id, first_name, role) VALUES (1, 'V', 'volunteer')`); err != nil {
		t.Fatal(err)
	}
	insert := func(id int) error {
		_, err := db.ExecContext(ctx, `INSERT INTO cases (id, volunteer_id, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, outcome, reason, ended_from, started_at, updated_at, finished_at)
			VALUES ($1, 1, 'khai-sinh', '2026-11-27', 'dossier', 'toan-trinh', 5, 'closed', 'done', false, 'vi-x',
			'not_submitted', 'self_later', 'outcome', now(), now(), now())`, id)
		return err
	}
	if err := insert(1); err == nil || !strings.Contains(err.Error(), "cases_reason") {
		t.Fatalf("before 00021 a case with the reason self_later: %v, want the reason's check to refuse it", err)
	}
	if _, err := p.UpTo(ctx, 21); err != nil {
		t.Fatal(err)
	}
	if err := insert(1); err != nil {
		t.Fatalf("after 00021: %v", err)
	}
	if _, err := p.DownTo(ctx, 20); err != nil {
		t.Fatal(err)
	}
	var reason string
	if err := db.QueryRowContext(ctx, `SELECT reason FROM cases WHERE id = 1`).Scan(&reason); err != nil || reason != "other_reason" {
		t.Errorf("after 00021's Down: reason %q (%v), want other_reason", reason, err)
	}
	if _, err := p.UpTo(ctx, 21); err != nil {
		t.Fatal(err)
	}
	if err := insert(2); err != nil {
		t.Errorf("up again: %v", err)
	}
}
