package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// tallyDiff says how two tallies differ, field by field; "" when every
// field is equal.
func tallyDiff(a, b storage.Tally) string {
	a.AsOf, b.AsOf = a.AsOf.UTC(), b.AsOf.UTC()
	if reflect.DeepEqual(a, b) {
		return ""
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if !reflect.DeepEqual(x, y) {
			sx, sy := fmt.Sprintf("%+v", x), fmt.Sprintf("%+v", y)
			out = append(out, fmt.Sprintf("%s: %.300s ≠ %.300s", va.Type().Field(i).Name, sx, sy))
		}
	}
	return strings.Join(out, "; ")
}

// compareTallies checks that Tally (rollups and edges) and TallyFromCases
// (the cases alone) agree on every field, for every scope and period; it
// returns how many of the tallies compared counted cases.
func compareTallies(ctx context.Context, t *testing.T, st *storage.Storage, scopes []storage.Scope, periods []storage.Period) int {
	t.Helper()
	counted := 0
	inTx(t, st, func(tx *storage.Tx) error {
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
				if d := tallyDiff(fast, raw); d != "" {
					t.Errorf("scope %+v, %s – %s: rollups and cases differ: %s", s, p.From, p.To, d)
				}
				if d, err := monthsDiff(ctx, tx, s, p); err != nil || d != "" {
					if err != nil {
						return err
					}
					t.Errorf("scope %+v, %s – %s: CasesByMonth and the cases differ: %s", s, p.From, p.To, d)
				}
				if raw.Cases > 0 {
					counted++
				}
			}
		}
		return nil
	})
	return counted
}

// monthsDiff compares CasesByMonth (the rollups' whole months and the
// edges' cases) with the cases of the scope closed in period counted by
// their month here; "" when they agree.
func monthsDiff(ctx context.Context, tx *storage.Tx, s storage.Scope, p storage.Period) (string, error) {
	got, err := tx.CasesByMonth(ctx, s, p)
	if err != nil {
		return "", err
	}
	var have []string
	for _, m := range got {
		have = append(have, fmt.Sprintf("%s:%d/%d", m.Month.In(ict).Format("2006-01-02 15:04"), m.Cases, m.Helped))
	}
	from := p.From
	if from.IsZero() {
		from = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	rows, err := tx.SQL().QueryContext(ctx, `
		SELECT to_char(date_trunc('month', finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD HH24:MI') || ':' || count(*)
			|| '/' || count(*) FILTER (WHERE outcome IN ('submitted', 'paid', 'on_the_spot', 'done'))
		FROM cases WHERE status = 'closed' AND finished_at >= $1 AND finished_at < $2
			AND ($3 = 0 OR volunteer_id = $3) AND ($4 = '' OR commune_code = $4)
			AND ($5 = '' OR commune_code IN (SELECT code FROM communes WHERE province_code = $5))
		GROUP BY date_trunc('month', finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh') ORDER BY 1`, from, p.To, s.Volunteer, s.Commune, s.Province)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var want []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return "", err
		}
		want = append(want, w)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if strings.Join(have, " ") != strings.Join(want, " ") {
		return fmt.Sprintf("%q ≠ %q", have, want), nil
	}
	return "", nil
}

// rollupRows reads the rollup tables (rows that count something), in
// order, as text; a column a migration added later (followed: 00023) only
// where it is there, so that a migration's test reads them at its own
// version.
func rollupRows(ctx context.Context, t *testing.T, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) []string {
	t.Helper()
	var out []string
	for _, query := range []string{
		`SELECT concat_ws('|', month, province, cases, helped, steps_done, steps_skipped, problems, consented, to_jsonb(tally_months)->>'followed', resolved,
			unresolved, rated, rating_sum, as_of) FROM tally_months WHERE cases <> 0 ORDER BY month, province`,
		`SELECT concat_ws('|', month, province, dim, a, b, c, d, n, ok) FROM tally_counts WHERE n <> 0
			ORDER BY month, province, dim, a, b, c, d`,
	} {
		rows, err := q.QueryContext(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// checkRollupsRebuild checks that the rollups kept case by case are what
// counting them again from the closed cases gives (the rebuild is rolled
// back).
func checkRollupsRebuild(ctx context.Context, t *testing.T, st *storage.Storage) {
	t.Helper()
	tx, err := st.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // only read
	kept := rollupRows(ctx, t, tx)
	if _, err := tx.ExecContext(ctx, `SELECT tally_rollups_rebuild()`); err != nil {
		t.Fatal(err)
	}
	rebuilt := rollupRows(ctx, t, tx)
	if len(rebuilt) == 0 {
		t.Fatal("the rebuilt rollups are empty")
	}
	if !reflect.DeepEqual(kept, rebuilt) {
		for i := range max(len(kept), len(rebuilt)) {
			var k, r string
			if i < len(kept) {
				k = kept[i]
			}
			if i < len(rebuilt) {
				r = rebuilt[i]
			}
			if k != r {
				t.Errorf("rollups kept and rebuilt differ first at row %d: %q, rebuilt %q (%d rows kept, %d rebuilt)", i, k, r, len(kept), len(rebuilt))
				break
			}
		}
	}
	var closed, rolled int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM cases WHERE status = 'closed' AND finished_at IS NOT NULL),
		(SELECT coalesce(sum(cases), 0) FROM tally_months)`).Scan(&closed, &rolled); err != nil {
		t.Fatal(err)
	}
	if closed != rolled {
		t.Errorf("%d closed cases, %d in the rollups", closed, rolled)
	}
}

// rollupPeriods are the spans compared over the first half of 2026:
// whole months, ragged edges, a day, a year, from the beginning.
func rollupPeriods() []storage.Period {
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, ict) }
	ps := []storage.Period{
		{From: d(1, 1), To: d(7, 1)},                                     // six whole months
		{From: d(2, 10), To: d(5, 20)},                                   // ragged both ends
		{From: d(2, 1), To: d(5, 20)},                                    // ragged end
		{From: d(2, 10), To: d(5, 1)},                                    // ragged start
		{From: d(3, 10), To: d(3, 11)},                                   // a day
		{From: d(3, 10), To: d(4, 12)},                                   // no whole month
		{From: d(1, 1), To: time.Date(2027, 1, 1, 0, 0, 0, 0, ict)},      // a year
		{To: d(4, 15)},                                                   // from the beginning, ragged
		{To: d(7, 1)},                                                    // from the beginning, whole
		{From: d(2, 1).UTC(), To: d(4, 1).UTC()},                         // months given in UTC
		{From: d(1, 31).Add(-time.Second), To: d(3, 1).Add(time.Second)}, // a second over each edge
		// Edges whose month has no other case: read from the rollups.
		{From: d(7, 1), To: d(7, 20)}, // July so far
		{From: d(7, 2), To: d(7, 3)},  // the only day of July with cases
		{To: d(7, 10)},                // from the beginning to a day in July
		{From: time.Date(2025, 12, 15, 0, 0, 0, 0, ict), To: d(3, 1)},  // from a December without cases
		{From: time.Date(2025, 12, 15, 0, 0, 0, 0, ict), To: d(3, 10)}, // … to a ragged end
	}
	for m := time.January; m <= time.July; m++ {
		ps = append(ps, storage.Period{From: d(m, 1), To: d(m, 1).AddDate(0, 1, 0)})
	}
	return ps
}

// liveGuide is a guide as the live test closes its cases.
type liveGuide struct{ id, kind, mode string }

var liveGuides = []liveGuide{{"khai-sinh", "dossier", "toan-trinh"}, {"tam-tru", "dossier", "mot-phan"},
	{"vneid-muc-2", "account", ""}, {"thanh-toan", "payment", ""}}

// liveCase draws a case closed (or left open, or discarded) in the first
// half of 2026, some at the first or last instant of a month.
func liveCase(r *rand.Rand, volunteer int64, commune string) fixtureCase {
	g := liveGuides[r.IntN(len(liveGuides))]
	m := time.Month(1 + r.IntN(6))
	finish := time.Date(2026, m, 1+r.IntN(28), 7+r.IntN(12), r.IntN(60), r.IntN(60), 0, ict)
	switch r.IntN(10) {
	case 0:
		finish = time.Date(2026, m, 1, 0, 0, 0, 0, ict)
	case 1:
		finish = time.Date(2026, m+1, 1, 0, 0, 0, 0, ict).Add(-time.Second)
	}
	start := finish.Add(-time.Duration(2+r.IntN(50)) * time.Minute)
	f := fixtureCase{volunteer: volunteer, commune: commune, guide: g.id, kind: g.kind, mode: g.mode,
		start: start, finish: finish, followup: g.kind == "dossier" && r.IntN(3) == 0}
	ok := []string{"done"}
	failed, reasons := "not_done", []string{"no_otp", "app_error", "other_reason"}
	if g.kind == "dossier" {
		ok, failed, reasons = []string{"submitted", "paid", "on_the_spot"}, "not_submitted", []string{"missing_doc", "portal_error", "changed_mind"}
	}
	f.outcome = ok[r.IntN(len(ok))]
	if r.IntN(5) == 0 {
		f.outcome, f.reason, f.followup = failed, reasons[r.IntN(len(reasons))], false
	}
	at := start
	for step := 1; step <= 1+r.IntN(4); step++ {
		at = at.Add(time.Minute)
		id := fmt.Sprintf("s%d", step)
		if r.IntN(3) == 0 {
			f.events = append(f.events, ev("problem", at, step, id, []string{"otp", "x", "other"}[r.IntN(3)]))
		}
		if r.IntN(8) == 0 {
			f.events = append(f.events, ev("pause", at, step, id, ""), ev("resume", at.Add(time.Minute), step, id, ""))
		}
		kind := "done"
		if r.IntN(6) == 0 {
			kind = "skip"
		}
		f.events = append(f.events, ev(kind, at, step, id, ""))
	}
	switch r.IntN(20) {
	case 0:
		f.status = storage.CaseOpen
	case 1:
		f.status = storage.CaseDiscarded
	}
	return f
}

// TestTallyRollupsFollowTheCases closes cases through storage as the
// handlers do, then changes them as the bot does after close (ratings,
// results, a code attached, a case saved again) and as it never does (a
// case reopened and closed in another month, a closed case deleted): the
// rollups follow, never count twice, never count a discarded or open
// case, and every tally agrees with the cases alone.
func TestTallyRollupsFollowTheCases(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(8, 2026))

	var communes []string
	if err := st.DB().SelectContext(ctx, &communes, `
		(SELECT code FROM communes WHERE province_code = $1 ORDER BY code LIMIT 3) UNION ALL
		(SELECT code FROM communes WHERE province_code = $2 ORDER BY code LIMIT 2) UNION ALL
		(SELECT code FROM communes WHERE province_code = '01' ORDER BY code LIMIT 2)`, hcmc, daNang); err != nil {
		t.Fatal(err)
	}
	type volunteer struct {
		id      int64
		commune string
	}
	var vols []volunteer
	inTx(t, st, func(tx *storage.Tx) error {
		for i, c := range communes {
			for j := range 2 {
				id := int64(100 + 10*i + j)
				if err := tx.SetMembership(ctx, id, fmt.Sprintf("V%d", id), c, storage.RoleVolunteer); err != nil {
					return err
				}
				vols = append(vols, volunteer{id, c})
			}
		}
		return nil
	})
	// An admin's cases belong to no commune: the country counts them.
	if _, err := st.DB().ExecContext(ctx, `INSERT INTO users (telegram_id, first_name, role) VALUES (99, 'Admin', 'guest')`); err != nil {
		t.Fatal(err)
	}
	vols = append(vols, volunteer{99, ""})

	type made struct {
		c storage.Case
		f fixtureCase
	}
	var cases []made
	inTx(t, st, func(tx *storage.Tx) error {
		for k := range 160 {
			v := vols[r.IntN(len(vols))]
			commune := v.commune
			if k%5 == 0 && commune != "" {
				// A case in another commune (the volunteer moved, or helped
				// out there): their lines are by the cases' commune.
				commune = communes[r.IntN(len(communes))]
			}
			f := liveCase(r, v.id, commune)
			cases = append(cases, made{addCase(ctx, t, tx, f), f})
		}
		return nil
	})
	scopes := []storage.Scope{{}, {Province: hcmc}, {Province: daNang}, {Province: "01"}, {Province: "02"},
		{Commune: communes[0]}, {Volunteer: vols[0].id}}
	periods := rollupPeriods()
	if n := compareTallies(ctx, t, st, scopes, periods); n < len(periods)*3 {
		t.Errorf("only %d tallies counted cases", n)
	}
	checkRollupsRebuild(ctx, t, st)

	// After close, as the bot does.
	now := time.Date(2026, 7, 2, 9, 0, 0, 0, ict)
	for i, m := range cases {
		if m.f.status != "" {
			continue
		}
		id := m.c.ID
		inTx(t, st, func(tx *storage.Tx) error {
			switch i % 7 {
			case 0, 1: // rated, and rated again
				if err := tx.RateCase(ctx, id, 1+r.IntN(5), now); err != nil {
					return err
				}
				return tx.RateCase(ctx, id, 1+r.IntN(5), now)
			case 2: // the result came
				if m.f.followup {
					_, err := tx.Received(ctx, id, now)
					return err
				}
			case 3: // a problem reported
				if m.f.followup {
					_, err := tx.Problem(ctx, id, now)
					return err
				}
			case 4: // a dossier code attached after close
				_, err := tx.SaveFollowup(ctx, id, "H26.99-260702-0001", time.Time{}, false)
				return err
			case 5: // the closed case saved again, a moment later
				c, err := tx.Case(ctx, id, m.c.VolunteerID)
				if err != nil {
					return err
				}
				c.UpdatedAt = c.UpdatedAt.Add(time.Minute)
				return tx.SaveCase(ctx, c)
			}
			return nil
		})
	}
	// Open cases: some closed now (in July), some discarded.
	for i, m := range cases {
		if m.f.status != storage.CaseOpen {
			continue
		}
		inTx(t, st, func(tx *storage.Tx) error {
			c, err := tx.Case(ctx, m.c.ID, m.c.VolunteerID)
			if err != nil {
				return err
			}
			if i%2 == 0 {
				return tx.DiscardCase(ctx, c.ID, now)
			}
			c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, now
			c.Outcome = sql.NullString{String: map[string]string{"dossier": "submitted"}[c.Kind], Valid: true}
			if c.Kind != "dossier" {
				c.Outcome.String = "done"
			}
			c.FinishedAt = sql.NullTime{Time: now, Valid: true}
			return tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: now, Kind: "outcome"})
		})
	}
	compareTallies(ctx, t, st, scopes, periods)
	checkRollupsRebuild(ctx, t, st)

	// What the bot never does, but the rollups must survive: the latest
	// cases (each its month's latest change) reopened and closed again in
	// another month with another outcome, and a closed case deleted.
	var latest []storage.Case
	inTx(t, st, func(tx *storage.Tx) error {
		var ids []struct {
			ID        int64 `db:"id"`
			Volunteer int64 `db:"volunteer_id"`
		}
		if err := st.DB().SelectContext(ctx, &ids, `SELECT id, volunteer_id FROM cases WHERE status = 'closed'
			AND kind = 'dossier' ORDER BY updated_at DESC, id LIMIT 3`); err != nil {
			return err
		}
		for _, x := range ids {
			c, err := tx.Case(ctx, x.ID, x.Volunteer)
			if err != nil {
				return err
			}
			latest = append(latest, c)
		}
		return nil
	})
	if len(latest) != 3 {
		t.Fatalf("%d latest cases", len(latest))
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE cases SET status = 'open', phase = 'outcome', finished_at = NULL
		WHERE id = ANY($1)`, []int64{latest[0].ID, latest[1].ID, latest[2].ID}); err != nil {
		t.Fatal(err)
	}
	compareTallies(ctx, t, st, scopes, periods)
	checkRollupsRebuild(ctx, t, st)
	for i, c := range latest {
		inTx(t, st, func(tx *storage.Tx) error {
			again := time.Date(2026, time.Month(2+i), 14, 10, 0, 0, 0, ict)
			c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, again
			c.Outcome, c.Reason = sql.NullString{String: "not_submitted", Valid: true}, sql.NullString{String: "portal_error", Valid: true}
			c.FinishedAt = sql.NullTime{Time: again, Valid: true}
			return tx.SaveCase(ctx, c)
		})
	}
	if _, err := st.DB().ExecContext(ctx, `DELETE FROM cases WHERE id = (SELECT min(id) FROM cases WHERE status = 'closed' AND problems > 0)`); err != nil {
		t.Fatal(err)
	}
	compareTallies(ctx, t, st, scopes, periods)
	checkRollupsRebuild(ctx, t, st)

	// Discarded and open cases never count.
	var stray int
	if err := st.DB().GetContext(ctx, &stray, `SELECT count(*) FROM cases WHERE status <> 'closed'`); err != nil {
		t.Fatal(err)
	}
	if stray == 0 {
		t.Error("no open or discarded case to leave out")
	}
}

// TestTallyRollupsMigration: migration 00008 counts the cases closed
// before it into the rollups, and goes down and up again.
func TestTallyRollupsMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, p, url := migratedTo(t, 7)
	// Cases closed before: the 00007 trigger counts their steps as they
	// close; one has problems, one is still open, one discarded.
	stmts := []string{
		`INSERT INTO users (telegram_id, first_name, role) VALUES (1, 'An', 'admin')`,
		`INSERT INTO cases (id, volunteer_id, guide_id, guide_checked, kind, mode, steps_total, status, phase,
			followup_consent, consent_version, started_at, updated_at)
		SELECT i, 1, 'khai-sinh', '2026-01-01', 'dossier', 'toan-trinh', 3, 'open', 'steps', i % 2 = 0, 'vi-x',
			TIMESTAMPTZ '2026-01-20 09:00+07' + i * interval '9 days', TIMESTAMPTZ '2026-01-20 09:00+07' + i * interval '9 days'
		FROM generate_series(1, 40) i`,
		`INSERT INTO case_events (case_id, at, kind, step, step_id, problem)
		SELECT id, started_at, k, 1, 'to-khai', CASE WHEN k = 'problem' THEN 'x' END
		FROM cases, unnest(ARRAY['problem', 'done']) k WHERE id % 3 = 0`,
		`UPDATE cases SET status = 'closed', phase = 'done', outcome = CASE WHEN id % 5 = 0 THEN 'not_submitted' ELSE 'submitted' END,
			reason = CASE WHEN id % 5 = 0 THEN 'missing_doc' END, finished_at = started_at + (id % 7 + 3) * interval '1 minute',
			updated_at = started_at + (id % 7 + 3) * interval '1 minute', rating = CASE WHEN id % 4 = 0 THEN 1 + id % 5 END
		WHERE id <= 37`,
		`UPDATE cases SET status = 'discarded' WHERE id = 38`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	check := func() {
		t.Helper()
		st, err := storage.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var n int
		if err := st.DB().GetContext(ctx, &n, `SELECT sum(cases) FROM tally_months`); err != nil {
			t.Fatal(err)
		}
		if n != 37 {
			t.Errorf("%d cases in the rollups, want 37", n)
		}
		checkRollupsRebuild(ctx, t, st)
	}
	if _, err := p.UpTo(ctx, 8); err != nil {
		t.Fatal(err)
	}
	check()
	if _, err := p.DownTo(ctx, 7); err != nil {
		t.Fatal(err)
	}
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE tablename LIKE 'tally_%'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Errorf("%d rollup tables left after down", tables)
	}
	// Closed while the rollups were gone, then up again.
	if _, err := db.ExecContext(ctx, `UPDATE cases SET rating = 5 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 8); err != nil {
		t.Fatal(err)
	}
	check()
	// 00009 keeps them at the commit instead: a case rated there counts
	// the same, and its Down gives back 00008's triggers.
	for _, up := range []bool{true, false, true} {
		if _, err := p.ApplyVersion(ctx, 9, up); err != nil {
			t.Fatalf("00009 (up %v): %v", up, err)
		}
		if _, err := db.ExecContext(ctx, `UPDATE cases SET rating = 1 + (rating % 5) WHERE id = 4`); err != nil {
			t.Fatal(err)
		}
		check()
	}
	// Today's tallies read the rollups as the migrations since left them
	// (the code reads what they added: 00023's followed): up to the last,
	// they agree with the cases.
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	periods := []storage.Period{{To: time.Date(2027, 1, 1, 0, 0, 0, 0, ict)},
		{From: time.Date(2026, 2, 1, 0, 0, 0, 0, ict), To: time.Date(2026, 9, 1, 0, 0, 0, 0, ict)},
		{From: time.Date(2026, 3, 5, 0, 0, 0, 0, ict), To: time.Date(2026, 8, 5, 0, 0, 0, 0, ict)}}
	if c := compareTallies(ctx, t, st, []storage.Scope{{}}, periods); c != len(periods) {
		t.Errorf("%d of %d tallies counted cases", c, len(periods))
	}
	checkRollupsRebuild(ctx, t, st)
}
