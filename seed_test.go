package main

import (
	"bytes"
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

var seedUntil = time.Date(2026, 7, 1, 0, 0, 0, 0, vietnamTime)

func seedForTest(t *testing.T, st *storage.Storage, cases int) seedResult {
	t.Helper()
	catalog, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	res, err := seedDatabase(context.Background(), st.DB().DB, catalog,
		seedOptions{Cases: cases, Months: 12, Seed: 7, Until: seedUntil, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "cases/s") {
		t.Errorf("no progress printed: %q", progress.String())
	}
	return res
}

// TestSeed seeds 2,000 cases and checks them as the tallies will read them:
// every guide, each kind's outcomes and reasons, events that agree with
// the steps, times in the period and mostly in working hours.
func TestSeed(t *testing.T) {
	st := storagetest.Open(t)
	res := seedForTest(t, st, 2000)
	db := st.DB()
	ctx := context.Background()
	if res.Cases != 2000 || res.Events < 2000*5 || res.Volunteers != 50 || res.Coordinators == 0 {
		t.Errorf("result %+v", res)
	}
	count := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := db.GetContext(ctx, &n, query, args...); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	if n := count(`SELECT count(*) FROM cases`); n != 2000 {
		t.Fatalf("%d cases in the database", n)
	}

	// people: volunteers in communes, coordinators of those communes and provinces
	if n := count(`SELECT count(*) FROM users WHERE role = 'volunteer' AND commune_code IS NOT NULL AND first_name <> ''`); n != 50 {
		t.Errorf("%d volunteers", n)
	}
	if n := count(`SELECT count(DISTINCT commune_code) FROM users WHERE role = 'volunteer'
		AND commune_code NOT IN (SELECT commune_code FROM users WHERE role = 'coordinator')`); n != 0 {
		t.Errorf("%d communes with volunteers but no coordinator", n)
	}
	if n := count(`SELECT count(DISTINCT c.province_code) FROM users u JOIN communes c ON c.code = u.commune_code
		WHERE u.role = 'volunteer' AND c.province_code NOT IN (SELECT province_code FROM users WHERE role = 'province_coordinator')`); n != 0 {
		t.Errorf("%d provinces with volunteers but no province coordinator", n)
	}
	if n := count(`SELECT count(*) FROM cases c JOIN users u ON u.telegram_id = c.volunteer_id
		WHERE u.role <> 'volunteer' OR u.commune_code IS DISTINCT FROM c.commune_code`); n != 0 {
		t.Errorf("%d cases not in their volunteer's commune", n)
	}
	// the skew: the busiest tenth of the communes with cases has far more than a tenth of them
	if n := count(`WITH c AS (SELECT commune_code, count(*) n, row_number() OVER (ORDER BY count(*) DESC) r,
			count(*) OVER () communes FROM cases GROUP BY 1)
		SELECT coalesce(sum(n), 0) FROM c WHERE r <= greatest(communes / 10, 1)`); n < 2000/4 {
		t.Errorf("the busiest tenth of the communes has %d of 2000 cases: no skew", n)
	}

	// every guide, with its kind and mode and steps
	catalog, _ := guides.Shipped()
	type guideRow struct {
		ID    string         `db:"guide_id"`
		Kind  string         `db:"kind"`
		Mode  sql.NullString `db:"mode"`
		Steps int            `db:"steps_total"`
		N     int            `db:"n"`
	}
	var gs []guideRow
	if err := db.SelectContext(ctx, &gs, `SELECT guide_id, kind, mode, steps_total, count(*) n FROM cases GROUP BY 1, 2, 3, 4`); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range gs {
		g, ok := catalog.Guide(r.ID)
		if !ok {
			t.Errorf("cases of unknown guide %q", r.ID)
			continue
		}
		seen[r.ID] = true
		if r.Kind != g.Kind || r.Steps != len(g.Steps) || r.Mode.String != g.Mode || r.Mode.Valid != g.Procedure() {
			t.Errorf("%s: kind %s mode %v steps %d, want %s %q %d", r.ID, r.Kind, r.Mode, r.Steps, g.Kind, g.Mode, len(g.Steps))
		}
	}
	for _, g := range catalog.All() {
		if !seen[g.ID] {
			t.Errorf("no case of guide %s", g.ID)
		}
	}

	// outcomes and reasons by kind (the CHECK constraints allowed them; these are the handlers' sets)
	want := map[string][]string{
		"dossier": {"not_submitted", "on_the_spot", "paid", "submitted"},
		"account": {"done", "not_done"},
		"payment": {"done", "not_done"},
	}
	wantReasons := map[string][]string{
		"dossier": {"changed_mind", "missing_doc", "no_vneid", "not_eligible", "other_reason", "portal_error", "self_later"},
		"account": {"app_error", "changed_mind", "in_person", "missing_doc", "no_otp", "not_eligible", "other_reason", "self_later"},
		"payment": {"changed_mind", "no_account", "not_eligible", "other_reason", "portal_error", "self_later"},
	}
	for kind, outcomes := range want {
		var got, reasons []string
		if err := db.SelectContext(ctx, &got, `SELECT DISTINCT outcome FROM cases WHERE kind = $1 AND status = 'closed' ORDER BY 1`, kind); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, outcomes) {
			t.Errorf("%s outcomes %q, want %q", kind, got, outcomes)
		}
		if err := db.SelectContext(ctx, &reasons, `SELECT DISTINCT reason FROM cases WHERE kind = $1 AND reason IS NOT NULL ORDER BY 1`, kind); err != nil {
			t.Fatal(err)
		}
		for _, r := range reasons {
			if !slices.Contains(wantReasons[kind], r) {
				t.Errorf("%s case with reason %q", kind, r)
			}
		}
		if len(reasons) < 3 {
			t.Errorf("%s reasons %q: too few kinds", kind, reasons)
		}
	}
	// nothing is "paid online" for a procedure that carries no fee
	var free []string
	for _, g := range catalog.All() {
		if g.FeeFree {
			free = append(free, g.ID)
		}
	}
	if n := count(`SELECT count(*) FROM cases WHERE outcome = 'paid' AND guide_id = ANY($1)`, pq.Array(free)); len(free) == 0 || n != 0 {
		t.Errorf("%d cases paid online of the guides without a fee %q", n, free)
	}
	if n := count(`SELECT count(*) FROM cases WHERE (outcome IN ('not_submitted', 'not_done')) <> (reason IS NOT NULL)`); n != 0 {
		t.Errorf("%d cases whose reason does not go with their outcome", n)
	}
	if n := count(`SELECT count(*) FROM cases WHERE (status = 'closed') <> (outcome IS NOT NULL AND finished_at IS NOT NULL AND phase = 'done')`); n != 0 {
		t.Errorf("%d cases closed without an outcome or with one but not closed", n)
	}
	// the counts kept on a closed case are the ones its events give (the
	// cases_closed trigger's own function), so tallies can trust them
	if n := count(`SELECT count(*) FROM cases c CROSS JOIN LATERAL case_stats(c.id, c.started_at, c.finished_at) s WHERE c.status = 'closed' AND (
		(c.steps_done, c.steps_skipped, c.problems, c.active_seconds) IS DISTINCT FROM (s.steps_done, s.steps_skipped, s.problems, s.active_seconds))`); n != 0 {
		t.Errorf("%d closed cases whose step counts or active time differ from their events'", n)
	}
	if n := count(`SELECT count(*) FROM cases WHERE status = 'closed' AND problems > 0`); n < 200 {
		t.Errorf("%d closed cases with problems counted", n)
	}
	if n := count(`SELECT count(*) FROM cases WHERE status <> 'closed' AND active_seconds IS NOT NULL`); n != 0 {
		t.Errorf("%d cases not closed with an active time", n)
	}
	if n := count(`SELECT count(*) FROM cases WHERE status = 'closed' AND active_seconds > 2 * 3600`); n > 2000/20 {
		t.Errorf("%d cases active over two hours", n)
	}

	// shares: most closed, a few of the rest
	closed := count(`SELECT count(*) FROM cases WHERE status = 'closed'`)
	if closed < 2000*95/100 || closed == 2000 {
		t.Errorf("%d of 2000 closed", closed)
	}
	for _, s := range []string{"open", "paused", "discarded"} {
		if n := count(`SELECT count(*) FROM cases WHERE status = $1`, s); n == 0 || n > 2000/20 {
			t.Errorf("%d %s cases", n, s)
		}
	}
	if n := count(`SELECT count(*) FROM cases WHERE outcome IN ('not_submitted', 'not_done')`); n < 2000/20 || n > 2000/3 {
		t.Errorf("%d cases not done", n)
	}

	// events agree with the cases and the guides' steps
	type event struct {
		Case    int64          `db:"case_id"`
		At      time.Time      `db:"at"`
		Kind    string         `db:"kind"`
		Step    sql.NullInt32  `db:"step"`
		StepID  sql.NullString `db:"step_id"`
		Problem sql.NullString `db:"problem"`
	}
	var events []event
	if err := db.SelectContext(ctx, &events, `SELECT case_id, at, kind, step, step_id, problem FROM case_events ORDER BY case_id, id`); err != nil {
		t.Fatal(err)
	}
	if len(events) != res.Events {
		t.Errorf("%d events in the database, %d reported", len(events), res.Events)
	}
	var cs []storage.Case
	if err := db.SelectContext(ctx, &cs, `SELECT `+caseColumnsForTest+` FROM cases ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	byCase := map[int64][]event{}
	for _, e := range events {
		byCase[e.Case] = append(byCase[e.Case], e)
	}
	problems, weekday := 0, 0
	from := seedUntil.AddDate(0, -12, 0)
	for _, c := range cs {
		es := byCase[c.ID]
		g, _ := catalog.Guide(c.GuideID)
		start := c.StartedAt.In(vietnamTime)
		if start.Before(from) || !start.Before(seedUntil) {
			t.Errorf("case %d began %v, outside the period", c.ID, start)
		}
		if wd := start.Weekday(); wd != time.Saturday && wd != time.Sunday {
			weekday++
		}
		if c.Status == storage.CaseDiscarded {
			if len(es) != 0 || c.Progressed {
				t.Errorf("discarded case %d has %d events", c.ID, len(es))
			}
			continue
		}
		if len(es) == 0 || es[0].Kind != "start" || !es[0].At.Equal(c.StartedAt) {
			t.Errorf("case %d does not begin with its start event: %+v", c.ID, es)
			continue
		}
		last := map[int32]string{}
		progressed := false
		for i, e := range es {
			if i > 0 && e.At.Before(es[i-1].At) {
				t.Errorf("case %d: event %d (%s) before the one before it", c.ID, i, e.Kind)
			}
			switch e.Kind {
			case "done", "skip", "problem", "back", "pause", "resume":
				if !e.Step.Valid || e.Step.Int32 < 1 || int(e.Step.Int32) > c.StepsTotal {
					t.Errorf("case %d: %s event at step %v of %d", c.ID, e.Kind, e.Step, c.StepsTotal)
					continue
				}
				if s := g.Steps[e.Step.Int32-1]; e.StepID.String != s.ID {
					t.Errorf("case %d: step %d's id %q, want %q", c.ID, e.Step.Int32, e.StepID.String, s.ID)
				}
			}
			switch e.Kind {
			case "done", "skip":
				last[e.Step.Int32] = e.Kind
				progressed = progressed || e.Kind == "done" // a skip only reads ahead
			case "problem":
				problems++
				progressed = true
				s := g.Steps[e.Step.Int32-1]
				if _, ok := s.Problem(e.Problem.String); !ok && e.Problem.String != "other" {
					t.Errorf("case %d: problem %q is none of step %s's", c.ID, e.Problem.String, s.ID)
				}
			}
		}
		if progressed != c.Progressed {
			t.Errorf("case %d: progressed %v, events say %v", c.ID, c.Progressed, progressed)
		}
		if c.UpdatedAt.Before(es[len(es)-1].At) {
			t.Errorf("case %d updated before its last event", c.ID)
		}
		if c.Status != storage.CaseClosed {
			if c.Phase != storage.PhaseSteps || c.Step >= c.StepsTotal || len(last) > c.Step+1 {
				t.Errorf("%s case %d: phase %s step %d, %d steps passed", c.Status, c.ID, c.Phase, c.Step, len(last))
			}
			continue
		}
		if e := es[len(es)-1]; e.Kind != "outcome" || !e.At.Equal(c.FinishedAt.Time) {
			t.Errorf("closed case %d does not end with its outcome event at finished_at", c.ID)
		}
		if n := slices.IndexFunc(es, func(e event) bool { return e.Kind == "outcome" }); n != len(es)-1 {
			t.Errorf("closed case %d: outcome event not last", c.ID)
		}
		switch c.Outcome.String {
		case "not_submitted", "not_done":
			if c.Reason.String == "not_eligible" && len(last) != 0 {
				t.Errorf("case %d not eligible at the checklist, but %d steps passed", c.ID, len(last))
			}
		default: // done: every step passed, the last step the case's
			if len(last) != c.StepsTotal || c.Step != c.StepsTotal-1 {
				t.Errorf("case %d %s: %d of %d steps passed, step %d", c.ID, c.Outcome.String, len(last), c.StepsTotal, c.Step)
			}
		}
	}
	if problems < 200 {
		t.Errorf("%d problems in 2000 cases: nobody gets stuck", problems)
	}
	if weekday < 2000*85/100 {
		t.Errorf("%d of 2000 cases on weekdays", weekday)
	}
	if n := count(`SELECT count(*) FROM cases WHERE extract(hour FROM started_at AT TIME ZONE 'Asia/Ho_Chi_Minh') BETWEEN 7 AND 16`); n < 2000*85/100 {
		t.Errorf("%d of 2000 cases began in working hours", n)
	}
	if n := count(`SELECT count(DISTINCT to_char(started_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')) FROM cases`); n != 12 {
		t.Errorf("cases in %d months, want 12", n)
	}
}

// caseColumnsForTest reads what storage.Case maps.
const caseColumnsForTest = `id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
	step, checked, ended_from, progressed, followup_consent, consent_version, outcome, reason, started_at, updated_at, finished_at`

// TestSeedDeterministic: the same seed gives the same rows.
func TestSeedDeterministic(t *testing.T) {
	digest := func() string {
		st := storagetest.Open(t)
		seedForTest(t, st, 300)
		var d string
		err := st.DB().GetContext(context.Background(), &d, `SELECT md5(
			(SELECT string_agg(concat_ws('|', id, volunteer_id, commune_code, guide_id, status, phase, step, outcome, reason, started_at, finished_at), ',' ORDER BY id) FROM cases) ||
			(SELECT string_agg(concat_ws('|', case_id, at, kind, step, problem), ',' ORDER BY case_id, id) FROM case_events) ||
			(SELECT string_agg(concat_ws('|', telegram_id, first_name, role, commune_code, province_code), ',' ORDER BY telegram_id) FROM users))`)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if a, b := digest(), digest(); a != b {
		t.Errorf("two seeds with the same options differ: %s, %s", a, b)
	}
}

// TestSeedCommand: `dvcbot seed` migrates an empty database and seeds it; a
// second run adds to it; bad flags exit 2.
func TestSeedCommand(t *testing.T) {
	url := storagetest.EmptyURL(t)
	for i, want := range []string{"seeded 300 cases", "seeded 300 cases"} {
		var out, errOut bytes.Buffer
		if code := run([]string{"seed", "-cases", "300", "-months", "2", "-until", "2026-07-01"}, env(map[string]string{"DATABASE_URL": url}), nil, &out, &errOut); code != 0 {
			t.Fatalf("run %d: exit %d: %s", i, code, errOut.String())
		}
		if !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "seed: 300/300 cases") {
			t.Errorf("run %d output:\n%s", i, out.String())
		}
	}
	st, err := storage.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n, volunteers int
	if err := st.DB().Get(&n, `SELECT count(*) FROM cases WHERE started_at >= '2026-05-01' AND started_at < '2026-07-01'`); err != nil || n != 600 {
		t.Errorf("%d cases in May and June 2026 after two runs (%v)", n, err)
	}
	if err := st.DB().Get(&volunteers, `SELECT count(DISTINCT telegram_id) FROM users WHERE role = 'volunteer'`); err != nil || volunteers != 20 {
		t.Errorf("%d volunteers after two runs (%v)", volunteers, err)
	}
	for _, args := range [][]string{
		{"seed"}, {"seed", "-cases", "-5"}, {"seed", "-cases", "10", "-months", "0"}, {"seed", "-cases", "10", "-until", "1/7/2026"},
	} {
		var out, errOut bytes.Buffer
		if code := run(args, env(map[string]string{"DATABASE_URL": url}), nil, &out, &errOut); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, code, errOut.String())
		}
	}
	var errOut bytes.Buffer
	if code := run([]string{"seed", "-cases", "10"}, env(nil), nil, &bytes.Buffer{}, &errOut); code != 2 || !strings.Contains(errOut.String(), "DATABASE_URL is not set") {
		t.Errorf("no database: exit %d: %s", code, errOut.String())
	}
}

// TestDemoSeed: `dvcbot demo -as coordinator -seed N` seeds before the demo,
// many cases in the coordinator's commune, once per database.
func TestDemoSeed(t *testing.T) {
	url := storagetest.URL(t)
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "-as", "coordinator", "-seed", "1000"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader("/help\n"), &out, &errOut); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "seeded 1000 synthetic cases") || !strings.Contains(out.String(), "Các lệnh của điều phối viên") {
		t.Errorf("demo output:\n%.2000s", out.String())
	}
	st, err := storage.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mine int
	if err := st.DB().Get(&mine, `SELECT count(*) FROM cases WHERE commune_code = $1`, demoCommune); err != nil || mine < 1000/40 {
		t.Errorf("%d seeded cases in the demo's commune (%v)", mine, err)
	}
	out.Reset()
	if code := run([]string{"demo", "-as", "coordinator", "-seed", "1000"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(""), &out, &errOut); code != 0 || !strings.Contains(out.String(), "has 1000 seeded cases already") {
		t.Errorf("second demo (exit %d):\n%.1000s", code, out.String())
	}
	if code := run([]string{"demo", "-seed", "-1"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(""), &out, &errOut); code != 2 {
		t.Errorf("demo -seed -1: exit %d, want 2", code)
	}
}

// Residents' answers are seeded too, and only where they can be: a closed
// dossier submitted with the resident's consent.
func TestSeedFollowupAnswers(t *testing.T) {
	st := storagetest.Open(t)
	seedForTest(t, st, 2000)
	var answered, rated, misplaced, late int
	err := st.DB().QueryRow(`SELECT
		count(*) FILTER (WHERE followup_result IS NOT NULL),
		count(*) FILTER (WHERE rating IS NOT NULL),
		count(*) FILTER (WHERE (followup_result IS NOT NULL OR rating IS NOT NULL)
			AND NOT (status = 'closed' AND followup_consent AND outcome IN ('submitted', 'paid'))),
		count(*) FILTER (WHERE followup_result = 'received_late')
		FROM cases`).Scan(&answered, &rated, &misplaced, &late)
	if err != nil {
		t.Fatal(err)
	}
	if answered < 50 || rated < 20 || late == 0 || misplaced != 0 {
		t.Errorf("answered %d, rated %d, late %d, on cases that cannot have them %d", answered, rated, late, misplaced)
	}
}
