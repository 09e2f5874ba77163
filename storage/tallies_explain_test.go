package storage_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// BenchmarkTallyPlans prints the plans of the tally's statement on the
// seeded data (EXPLAIN ANALYZE), for docs/reports.md; it runs only with
// DVCBOT_TALLY_EXPLAIN=1.
func BenchmarkTallyPlans(b *testing.B) {
	if os.Getenv("DVCBOT_TALLY_EXPLAIN") == "" {
		b.Skip("set DVCBOT_TALLY_EXPLAIN=1 to print the plans")
	}
	st := storagetest.Open(b)
	ctx := context.Background()
	seedBench(ctx, b, st, benchCases(b))
	year := storage.Period{From: time.Date(2026, 1, 1, 0, 0, 0, 0, ict), To: time.Date(2027, 1, 1, 0, 0, 0, 0, ict)}
	for _, sc := range []struct {
		name  string
		scope storage.Scope
		p     storage.Period
	}{{"month/province", storage.Scope{Province: "01"}, november}, {"year/country", storage.Scope{}, year}} {
		q, args := storage.TallyStatement(sc.scope)
		rows, err := st.DB().QueryContext(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+q, append([]any{sc.p.From, sc.p.To}, args...)...)
		if err != nil {
			b.Fatal(err)
		}
		b.Log("== " + sc.name)
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				b.Fatal(err)
			}
			b.Log(s)
		}
		rows.Close()
	}
}
