package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// TestSeedTallyRollups: on seeded data (13 months, a second seed added on
// top, then ratings and results written case by case as the follow-up
// does), a tally read from the rollups equals the tally counted from the
// cases alone, field by field, for whole months, ragged edges, a day, a
// year, from the beginning and random spans, for the country, provinces
// and communes.
func TestSeedTallyRollups(t *testing.T) {
	st := storagetest.Open(t)
	ctx := context.Background()
	catalog, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []seedOptions{
		{Cases: 4000, Months: 13, Seed: 11, Until: seedUntil},
		{Cases: 500, Months: 13, Seed: 12, Until: seedUntil}, // a second seed on top
	} {
		if _, err := seedDatabase(ctx, st.DB().DB, catalog, o); err != nil {
			t.Fatal(err)
		}
	}
	// The residents' answers, one case at a time (the trigger's path).
	for i, q := range []string{
		`UPDATE cases SET rating = 1 + id % 5 WHERE status = 'closed' AND followup_consent AND id % 3 = 0`,
		`UPDATE cases SET followup_result = (ARRAY['received', 'received_late', 'problem'])[1 + id % 3]
			WHERE status = 'closed' AND followup_consent AND id % 4 <> 0`,
	} {
		res, err := st.DB().ExecContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n < 50 {
			t.Fatalf("update %d: %d cases", i, n)
		}
	}
	var closed, rolled int
	if err := st.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM cases WHERE status = 'closed'),
		(SELECT coalesce(sum(cases), 0) FROM tally_months)`).Scan(&closed, &rolled); err != nil {
		t.Fatal(err)
	}
	if closed < 4000 || closed != rolled {
		t.Fatalf("%d closed cases, %d in the rollups", closed, rolled)
	}

	scopes := []storage.Scope{{}}
	var provinces, communes []string
	if err := st.DB().SelectContext(ctx, &provinces, `SELECT m.province_code FROM cases c JOIN communes m ON m.code = c.commune_code
		GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 4`); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().SelectContext(ctx, &communes, `SELECT commune_code FROM cases GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`); err != nil {
		t.Fatal(err)
	}
	var empty string // a province with no case
	if err := st.DB().GetContext(ctx, &empty, `SELECT code FROM provinces WHERE code NOT IN
		(SELECT m.province_code FROM cases c JOIN communes m ON m.code = c.commune_code) ORDER BY code LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	for _, p := range append(provinces, empty) {
		scopes = append(scopes, storage.Scope{Province: p})
	}
	for _, c := range communes {
		scopes = append(scopes, storage.Scope{Commune: c})
	}

	first := seedUntil.AddDate(0, -13, 0) // 2025-06-01
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, vietnamTime) }
	periods := []storage.Period{
		{From: first, To: seedUntil},                                                     // all 13 months
		{From: day(2025, 7, 1), To: seedUntil},                                           // a year
		{From: day(2025, 8, 15), To: day(2026, 2, 10)},                                   // ragged both ends
		{From: day(2025, 6, 3), To: seedUntil},                                           // ragged start
		{From: day(2026, 1, 1), To: day(2026, 6, 17).Add(13*time.Hour + 45*time.Minute)}, // ragged end, mid-day
		{From: day(2026, 3, 10), To: day(2026, 3, 11)},                                   // a day
		{From: day(2026, 3, 2), To: day(2026, 3, 9)},                                     // a week
		{To: day(2026, 5, 20)},                                                           // from the beginning
		{To: seedUntil},                                                                  // from the beginning, whole months
		{From: day(2026, 2, 1).UTC(), To: day(2026, 4, 1).UTC()},                         // months given in UTC
		{From: day(2026, 2, 1).Add(-time.Second), To: day(2026, 3, 1).Add(time.Second)},
		{From: day(2025, 5, 20), To: day(2026, 2, 1)},  // from a May without cases
		{From: day(2026, 6, 10), To: day(2026, 7, 20)}, // a ragged June, a July without cases
		{From: day(2026, 7, 1), To: day(2026, 7, 5)},   // within a month without cases
		{To: day(2026, 7, 15)},                         // from the beginning to a day in July
		{From: day(2024, 1, 1), To: day(2027, 1, 1)},   // wider than the data
	}
	for m := first; m.Before(seedUntil); m = m.AddDate(0, 1, 0) {
		periods = append(periods, storage.Period{From: m, To: m.AddDate(0, 1, 0)})
	}
	r := rand.New(rand.NewPCG(3, 9))
	span := seedUntil.Sub(first)
	for range 25 {
		from := first.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Minute)
		to := from.Add(time.Hour + time.Duration(r.Int64N(int64(span))))
		periods = append(periods, storage.Period{From: from, To: to})
	}

	compared, counted := 0, 0
	err = st.InTx(ctx, func(tx *storage.Tx) error {
		for _, s := range scopes {
			for _, p := range periods {
				fast, err := tx.Tally(ctx, s, p)
				if err != nil {
					return err
				}
				raw, err := tx.TallyFromCases(ctx, s, p)
				if err != nil {
					return err
				}
				compared++
				if raw.Cases > 0 {
					counted++
				}
				if d := tallyFieldsDiffer(fast, raw); d != "" {
					t.Errorf("scope %+v, %s – %s: rollups and cases differ: %s", s, p.From, p.To, d)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if counted < compared/2 {
		t.Errorf("only %d of %d tallies counted cases", counted, compared)
	}
	t.Logf("%d tallies compared, %d of them counting cases", compared, counted)
}

// tallyFieldsDiffer names the fields in which two tallies differ; "" when
// every field is equal.
func tallyFieldsDiffer(a, b storage.Tally) string {
	a.AsOf, b.AsOf = a.AsOf.UTC(), b.AsOf.UTC()
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if !reflect.DeepEqual(x, y) {
			out = append(out, fmt.Sprintf("%s: %.300v ≠ %.300v", va.Type().Field(i).Name, x, y))
		}
	}
	return strings.Join(out, "; ")
}
