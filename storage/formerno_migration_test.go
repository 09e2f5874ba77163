package storage_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// 00039 gives the members already taken out of their team the numbers the
// reports gave them (their rank in the order each first closed a case),
// then those with open cases only; a member with no case, and a member
// still in a team, get none. The next one taken out takes the next number.
func TestFormerNumberMigration(t *testing.T) {
	ctx := context.Background()
	db, p, url := migratedTo(t, 38)
	stmts := []string{
		`INSERT INTO provinces (code, name, kind, sort_name) VALUES ('01', 'P', 'thanh-pho', 'p')`,
		`INSERT INTO communes (code, province_code, name, kind, sort_name) VALUES ('00001', '01', 'A', 'phuong', 'a')`,
		// 1 a member; 2, 3 and 4 taken out; 5 a resident who chose a language
		`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (1, 'An', 'volunteer', '00001')`,
		`INSERT INTO users (telegram_id, first_name, role) VALUES (2, '', 'guest'), (3, '', 'guest'), (4, '', 'guest'), (5, '', 'guest')`,
		// cases 1-5 closed on 1, 10, 12 and 5 October (1: An's, 2-3: 2's, 4: 3's); 5 open (4's)
		`INSERT INTO cases (id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, started_at, updated_at)
		SELECT i, v, '00001', 'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 3, 'open', 'steps', false, 'vi-x', at, at
		FROM (VALUES (1, 1, TIMESTAMPTZ '2026-10-01 09:00+07'), (2, 2, '2026-10-10 09:00+07'), (3, 2, '2026-10-12 09:00+07'),
			(4, 3, '2026-10-05 09:00+07'), (5, 4, '2026-10-03 09:00+07')) c (i, v, at)`,
		`UPDATE cases SET status = 'closed', phase = 'done', outcome = 'submitted', finished_at = started_at + interval '5 minutes',
			updated_at = started_at + interval '5 minutes' WHERE id <= 4`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if _, err := p.UpTo(ctx, 39); err != nil {
		t.Fatal(err)
	}
	numbers := func() map[int64]int64 {
		t.Helper()
		rows, err := db.QueryContext(ctx, `SELECT telegram_id, former_no FROM users ORDER BY telegram_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[int64]int64{}
		for rows.Next() {
			var id int64
			var n sql.NullInt64
			if err := rows.Scan(&id, &n); err != nil {
				t.Fatal(err)
			}
			if n.Valid {
				out[id] = n.Int64
			}
		}
		return out
	}
	got := numbers()
	if want := map[int64]int64{3: 1, 2: 2, 4: 3}; len(got) != len(want) || got[2] != 2 || got[3] != 1 || got[4] != 3 {
		t.Fatalf("numbers after 00039: %v, want %v", got, want)
	}

	st, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.InTx(ctx, func(tx *storage.Tx) error {
		ok, err := tx.RemoveMember(ctx, storage.User{TelegramID: 1, Role: storage.RoleVolunteer,
			CommuneCode: sql.NullString{String: "00001", Valid: true}})
		if err == nil && !ok {
			t.Error("An was not removed")
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := numbers(); got[1] != 4 || got[2] != 2 || got[3] != 1 {
		t.Errorf("numbers after An's removal: %v, want An's 4 and the others' kept", got)
	}

	if _, err := p.DownTo(ctx, 38); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 39); err != nil {
		t.Fatal(err)
	}
}
