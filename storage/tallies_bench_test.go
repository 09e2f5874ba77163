package storage_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// benchCases is how many closed cases BenchmarkTally seeds:
// DVCBOT_TALLY_CASES, else 200,000 (a year of a busy scheme; the issue's
// 1,000,000 takes about a minute to seed here).
func benchCases(b *testing.B) int {
	if s := os.Getenv("DVCBOT_TALLY_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("DVCBOT_TALLY_CASES=%q: want a positive number", s)
		}
		return n
	}
	return 200_000
}

// seedBench writes n closed cases over the 12 months before December 2026:
// volunteers in communes skewed toward a few (as real teams are), every
// kind of guide, outcomes and reasons, a problem in one case of four.
// Cases are inserted closed with their numbers, as a seed may (the
// cases_closed trigger keeps what an insert brings).
func seedBench(ctx context.Context, b *testing.B, st *storage.Storage, n int) {
	volunteers := max(n/40, 10)
	stmts := []string{
		`INSERT INTO users (telegram_id, first_name, role, commune_code, joined_at)
		SELECT 100000 + i, 'V' || i, 'volunteer', cs.a[1 + floor(power(random() + i * 0, 3) * array_length(cs.a, 1))::int], now()
		FROM generate_series(1, ` + strconv.Itoa(volunteers) + `) i, (SELECT array_agg(code ORDER BY code) a FROM communes) cs`,
		`INSERT INTO cases (volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, outcome, reason, started_at, updated_at, finished_at,
			steps_done, steps_skipped, problems, active_seconds)
		SELECT u.telegram_id, u.commune_code, g.id, DATE '2026-01-01', g.kind, g.mode, 6, 'closed', 'done', false, 'v1',
			CASE WHEN r.fail THEN (CASE WHEN g.kind = 'dossier' THEN 'not_submitted' ELSE 'not_done' END)
				WHEN g.kind = 'dossier' THEN (ARRAY['submitted', 'submitted', 'paid', 'on_the_spot'])[1 + r.i % 4]
				ELSE 'done' END,
			CASE WHEN r.fail THEN (ARRAY['missing_doc', 'changed_mind', 'other_reason'])[1 + r.i % 3] END,
			r.t - make_interval(secs => r.secs), r.t, r.t, 5, r.i % 2, CASE WHEN r.i % 4 = 0 THEN 1 + r.i % 3 ELSE 0 END, r.secs
		FROM (SELECT i, TIMESTAMPTZ '2026-12-01 00:00+07' - random() * interval '365 days' AS t,
				100001 + floor(power(random(), 2) * ` + strconv.Itoa(volunteers) + `)::int AS vol,
				random() < 0.15 AS fail, 120 + floor(random() * 1800)::int AS secs
			FROM generate_series(1, ` + strconv.Itoa(n) + `) i) r
		JOIN users u ON u.telegram_id = r.vol
		JOIN (VALUES (0, 'khai-sinh', 'dossier', 'toan-trinh'), (1, 'tam-tru', 'dossier', 'mot-phan'),
			(2, 'vneid-muc-2', 'account', NULL), (3, 'thanh-toan', 'payment', NULL), (4, 'ly-lich-tu-phap', 'dossier', 'toan-trinh'),
			(5, 'khai-sinh', 'dossier', 'toan-trinh'), (6, 'chu-ky-so', 'account', NULL)) g(k, id, kind, mode) ON g.k = r.i % 7`,
		`INSERT INTO case_events (case_id, at, kind, step, step_id, problem)
		SELECT c.id, c.finished_at, 'problem', 1 + c.id % 5, 'step-' || (1 + c.id % 5), 'err-' || (s % 3)
		FROM cases c, generate_series(1, c.problems) s WHERE c.problems > 0`,
		`VACUUM ANALYZE cases`, `VACUUM ANALYZE case_events`, `VACUUM ANALYZE users`,
	}
	// Copied in bulk with the rollups' upkeep off, then counted once (as
	// dvcbot seed does): the problem events come after their cases.
	tx, err := st.DB().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if _, err := tx.ExecContext(ctx, `SET LOCAL dvcbot.tally_rollups = 'off'`); err != nil {
		b.Fatal(err)
	}
	for _, s := range stmts[:3] {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			b.Fatalf("seed: %v", err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if err := storage.RebuildTallyRollups(ctx, st.DB().DB); err != nil {
		b.Fatal(err)
	}
	for _, s := range append(stmts[3:], `VACUUM ANALYZE tally_months`, `VACUUM ANALYZE tally_counts`) {
		if _, err := st.DB().ExecContext(ctx, s); err != nil {
			b.Fatalf("seed: %v", err)
		}
	}
}

// BenchmarkTally: a month of one province, of one commune and of the whole
// country, and a year of the whole country (issue acceptance: < 100 ms,
// < 300 ms, < 1 s at 1,000,000 cases); cases/… the same from the cases
// alone (TallyFromCases), without the rollups.
func BenchmarkTally(b *testing.B) {
	st := storagetest.Open(b)
	ctx := context.Background()
	n := benchCases(b)
	start := time.Now()
	seedBench(ctx, b, st, n)
	b.Logf("seeded %d cases in %v", n, time.Since(start).Round(time.Millisecond))
	month := november
	year := storage.Period{From: time.Date(2026, 1, 1, 0, 0, 0, 0, ict), To: time.Date(2027, 1, 1, 0, 0, 0, 0, ict)}
	var busiest string // the commune with most cases
	if err := st.DB().GetContext(ctx, &busiest, `SELECT commune_code FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`); err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name   string
		scope  storage.Scope
		period storage.Period
	}{
		{"month/province", storage.Scope{Province: "01"}, month},
		{"month/commune", storage.Scope{Commune: busiest}, month},
		{"month/country", storage.Scope{}, month},
		{"year/country", storage.Scope{}, year},
	} {
		for _, path := range []struct {
			name  string
			tally func(*storage.Tx, storage.Scope, storage.Period) (storage.Tally, error)
		}{
			{"", func(tx *storage.Tx, s storage.Scope, p storage.Period) (storage.Tally, error) {
				return tx.Tally(ctx, s, p)
			}},
			{"cases/", func(tx *storage.Tx, s storage.Scope, p storage.Period) (storage.Tally, error) {
				return tx.TallyFromCases(ctx, s, p)
			}},
		} {
			b.Run(path.name+bm.name, func(b *testing.B) {
				var cases int
				for b.Loop() {
					err := st.InTx(ctx, func(tx *storage.Tx) error {
						t, err := path.tally(tx, bm.scope, bm.period)
						cases = t.Cases
						return err
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				if cases == 0 {
					b.Fatalf("%s counted no case", bm.name)
				}
				b.ReportMetric(float64(cases), "cases")
			})
		}
	}
	b.Run("list/month/province", func(b *testing.B) {
		for b.Loop() {
			err := st.InTx(ctx, func(tx *storage.Tx) error {
				t, err := tx.Tally(ctx, storage.Scope{Province: "01"}, month)
				if err != nil {
					return err
				}
				rows := 0
				err = tx.EachTallyCase(ctx, t, func(storage.TallyCase) error { rows++; return nil })
				if err == nil && rows != t.Cases {
					b.Fatalf("listed %d cases of %d", rows, t.Cases)
				}
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
