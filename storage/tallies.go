package storage

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// What a tally counts (docs/reports.md): the cases CLOSED in the period —
// not open, paused or discarded ones — by the time they closed
// (finished_at), within a scope. Every number comes from the same rows, so
// the text, the chart and every sheet of the spreadsheet add up.

// Scope is what someone may count: the whole country (all empty), a
// province, a commune, or one volunteer's own cases.
type Scope struct {
	Province  string // a province's code: every commune of it
	Commune   string // a commune's code
	Volunteer int64  // a volunteer's Telegram id: their own cases only (/me)
}

// Country reports whether the scope is the whole country.
func (s Scope) Country() bool { return s == Scope{} }

// ScopeOf is what a user may count: an admin everything, a province
// coordinator their province, a coordinator their commune, a volunteer
// their own cases (for /me); a guest, or a member without a unit, nothing.
func ScopeOf(u User, admin bool) (Scope, bool) {
	switch {
	case admin || u.Role == RoleAdmin:
		return Scope{}, true
	case u.Role == RoleProvinceCoordinator && u.ProvinceCode.Valid && u.ProvinceCode.String != "":
		return Scope{Province: u.ProvinceCode.String}, true
	case u.Role == RoleCoordinator && u.CommuneCode.Valid && u.CommuneCode.String != "":
		return Scope{Commune: u.CommuneCode.String}, true
	case u.Role == RoleVolunteer && u.TelegramID != 0:
		return Scope{Volunteer: u.TelegramID}, true
	}
	return Scope{}, false
}

// ScopeCovers reports whether someone who may count outer may count
// inner: the same scope, or a unit under it (a commune of the province,
// anything of the country). A volunteer's scope covers only itself. The
// commune's province is read from the database, never taken from the
// caller: this is the check every pressed or typed unit goes through.
func (tx *Tx) ScopeCovers(ctx context.Context, outer, inner Scope) (bool, error) {
	switch {
	case inner == outer:
		return true, nil
	case outer.Volunteer != 0 || outer.Commune != "":
		return false, nil
	case inner.Volunteer != 0:
		return outer.Country(), nil
	case outer.Country():
		return true, nil
	case inner.Commune == "": // a province (or the country) under a province
		return false, nil
	}
	c, err := tx.Commune(ctx, inner.Commune)
	if err == ErrNotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return c.ProvinceCode == outer.Province && (inner.Province == "" || inner.Province == outer.Province), nil
}

// Period is a span of time, From included, To excluded. A zero From means
// "from the beginning".
type Period struct {
	From, To time.Time
}

// Outcome keys of a tally: a case's kind and outcome in one word.
const (
	TallySubmitted   = "submitted"    // a dossier submitted
	TallyPaid        = "paid"         // a dossier submitted and paid online
	TallyOnTheSpot   = "on_the_spot"  // a dossier with its result on the spot
	TallyAccountDone = "account_done" // an account task done
	TallyPaymentDone = "payment_done" // a payment made
	TallyNotDone     = "not_done"     // anything not done, by reason
)

// TallyOutcomes lists the outcome keys in the order reports show them.
var TallyOutcomes = []string{TallySubmitted, TallyPaid, TallyOnTheSpot, TallyAccountDone, TallyPaymentDone, TallyNotDone}

// tallyOutcome names a case's outcome as a tally counts it.
func tallyOutcome(kind, outcome string) string {
	switch {
	case outcome == "done" && kind == "account":
		return TallyAccountDone
	case outcome == "done":
		return TallyPaymentDone
	case outcome == TallySubmitted || outcome == TallyPaid || outcome == TallyOnTheSpot:
		return outcome
	}
	return TallyNotDone
}

// Tally is what was done in a scope over a period.
type Tally struct {
	Scope  Scope
	Period Period
	// AsOf is the latest change among the cases counted: the case list
	// (EachTallyCase) stops there, so it lists exactly these cases even if
	// another closes meanwhile.
	AsOf time.Time

	Cases  int // closed cases
	Helped int // of them, those done: submitted, paid, on the spot, a task or payment done
	// Outcomes counts cases by outcome key (TallyOutcomes).
	Outcomes map[string]int
	// Reasons counts the cases not done by reason, most first.
	Reasons []Count
	// Modes counts dossiers by mode (toan-trinh, mot-phan).
	Modes map[string]int
	// Procedures: per guide, most cases first.
	Procedures []ProcedureCount
	// Communes: per commune, most cases first ("" for cases logged by
	// someone of no commune, e.g. an admin).
	Communes []CommuneCount
	// Volunteers: per volunteer, most cases first.
	Volunteers []VolunteerCount
	// MedianMinutes is the median active time of a case (docs/reports.md).
	MedianMinutes float64
	// StepsDone, StepsSkipped and Problems add up the cases' steps.
	StepsDone, StepsSkipped, Problems int
	// ProblemCounts: problem events by guide, step and error, most first.
	ProblemCounts []ProblemCount
	// Followups is how many counted cases keep a dossier code for follow-up.
	Followups int
}

// Count is a number under a key.
type Count struct {
	Key string
	N   int
}

// ProcedureCount is one guide's cases.
type ProcedureCount struct {
	Guide    string
	Kind     string
	Cases    int
	Helped   int
	Outcomes map[string]int // by outcome key
}

// CommuneCount is one commune's cases.
type CommuneCount struct {
	Code, Name, ProvinceCode, ProvinceName string
	Cases, Helped                          int
}

// VolunteerCount is one volunteer's cases.
type VolunteerCount struct {
	ID            int64
	FirstName     string
	Cases, Helped int
}

// ProblemCount is how often residents hit one error at one step.
type ProblemCount struct {
	Guide, StepID, Problem string
	Step                   int // 1-based
	N                      int
}

// StuckStep is a step where residents got stuck.
type StuckStep struct {
	Guide, StepID string
	Step          int
	Problems      int
	Error         string // the most common error id ("other" included)
	ErrorCount    int
}

// Stuck returns the n steps with most problems, each with its most common
// error.
func (t Tally) Stuck(n int) []StuckStep {
	type key struct{ guide, step string }
	idx := map[key]int{}
	var out []StuckStep
	for _, p := range t.ProblemCounts { // most first: the first error seen of a step is its most common
		k := key{p.Guide, p.StepID}
		i, ok := idx[k]
		if !ok {
			idx[k] = len(out)
			out = append(out, StuckStep{Guide: p.Guide, StepID: p.StepID, Step: p.Step, Error: p.Problem, ErrorCount: p.N})
			i = len(out) - 1
		}
		out[i].Problems += p.N
	}
	slices.SortStableFunc(out, func(a, b StuckStep) int {
		return cmp.Or(cmp.Compare(b.Problems, a.Problems), cmp.Compare(a.Guide, b.Guide), cmp.Compare(a.Step, b.Step))
	})
	return out[:min(n, len(out))]
}

// KPIs counts the scheme's indicators: a case done of guide g counts toward
// each KPI g declares (countsOf returns g's `counts`; nil for a guide no
// longer in the catalog). Account tasks and payments never count as
// dossiers (dossier_online), and a dossier counts toward payment_online
// only when it was also paid online.
func (t Tally) KPIs(countsOf func(guide string) []string) map[string]int {
	out := map[string]int{}
	for _, p := range t.Procedures {
		for _, kpi := range countsOf(p.Guide) {
			n := p.Helped
			switch {
			case kpi == "dossier_online" && p.Kind != "dossier":
				n = 0
			case kpi == "payment_online" && p.Kind == "dossier":
				n = p.Outcomes[TallyPaid]
			}
			out[kpi] += n
		}
	}
	return out
}

// scopeWhere is the condition on cases "c" for a scope, with its one
// parameter numbered $3 (none for the country). Each scope has its own
// statement text, so each is planned for its own index.
func scopeWhere(s Scope) (string, []any) {
	switch {
	case s.Volunteer != 0:
		return ` AND c.volunteer_id = $3`, []any{s.Volunteer}
	case s.Commune != "":
		return ` AND c.commune_code = $3`, []any{s.Commune}
	case s.Province != "":
		return ` AND c.commune_code IN (SELECT code FROM communes WHERE province_code = $3)`, []any{s.Province}
	}
	return "", nil
}

// periodArgs are $1 and $2 of a tally's statements.
func periodArgs(p Period) []any {
	from := p.From
	if from.IsZero() {
		from = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return []any{from, p.To}
}

// tallyRow is one line of the tally statement: a dimension and its keys.
type tallyRow struct {
	Dim string          `db:"dim"`
	A   string          `db:"a"`
	B   string          `db:"b"`
	C   string          `db:"c"`
	D   string          `db:"d"`
	N   int             `db:"n"`
	OK  int             `db:"ok"`
	X   sql.NullFloat64 `db:"x"`
	T   sql.NullTime    `db:"t"`
}

// Tally counts the closed cases of a scope over a period, in one
// statement: the cases are read once (by the index of the scope) and
// grouped every way a report shows them.
func (tx *Tx) Tally(ctx context.Context, scope Scope, period Period) (Tally, error) {
	where, args := scopeWhere(scope)
	args = append(periodArgs(period), args...)
	var rows []tallyRow
	err := tx.db(ctx).SelectContext(ctx, &rows, `
		WITH base AS MATERIALIZED (
			SELECT c.id, c.volunteer_id, coalesce(c.commune_code, '') AS commune_code, c.guide_id, c.kind,
				coalesce(c.mode, '') AS mode, coalesce(c.outcome, '') AS outcome, coalesce(c.reason, '') AS reason,
				coalesce(c.active_seconds, 0) AS active_seconds, coalesce(c.steps_done, 0) AS steps_done,
				coalesce(c.steps_skipped, 0) AS steps_skipped, coalesce(c.problems, 0) AS problems, c.updated_at,
				c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done') AS ok
			FROM cases c
			WHERE c.status = 'closed' AND c.finished_at >= $1 AND c.finished_at < $2`+where+`
		)
		SELECT 'total' AS dim, '' AS a, '' AS b, '' AS c, '' AS d, count(*) AS n, count(*) FILTER (WHERE ok) AS ok,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY active_seconds) / 60 AS x, max(updated_at) AS t
		FROM base
		UNION ALL
		SELECT 'steps', '', '', '', '', coalesce(sum(steps_done), 0), coalesce(sum(steps_skipped), 0), coalesce(sum(problems), 0), NULL
		FROM base
		UNION ALL
		SELECT 'guide', guide_id, kind, outcome, reason, count(*), count(*) FILTER (WHERE ok), NULL, NULL
		FROM base GROUP BY guide_id, kind, outcome, reason
		UNION ALL
		SELECT 'mode', mode, '', '', '', count(*), count(*) FILTER (WHERE ok), NULL, NULL
		FROM base WHERE kind = 'dossier' GROUP BY mode
		UNION ALL
		SELECT 'commune', x.code, coalesce(cm.name, ''), coalesce(cm.province_code, ''), coalesce(p.name, ''), x.n, x.ok, NULL, NULL
		FROM (SELECT commune_code AS code, count(*) AS n, count(*) FILTER (WHERE ok) AS ok FROM base GROUP BY commune_code) x
		LEFT JOIN communes cm ON cm.code = x.code LEFT JOIN provinces p ON p.code = cm.province_code
		UNION ALL
		SELECT 'volunteer', x.id::text, coalesce(u.first_name, ''), '', '', x.n, x.ok, NULL, NULL
		FROM (SELECT volunteer_id AS id, count(*) AS n, count(*) FILTER (WHERE ok) AS ok FROM base GROUP BY volunteer_id) x
		LEFT JOIN users u ON u.telegram_id = x.id
		UNION ALL
		SELECT 'problem', b.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0)::text, count(*), 0, NULL, NULL
		FROM base b JOIN case_events e ON e.case_id = b.id AND e.kind = 'problem' AND b.problems > 0
		GROUP BY b.guide_id, e.step_id, e.problem, e.step
		UNION ALL
		SELECT 'followup', '', '', '', '', count(*), 0, NULL, NULL
		FROM base b JOIN followups f ON f.case_id = b.id`, args...)
	if err != nil {
		return Tally{}, wrap("tally", err)
	}
	return makeTally(scope, period, rows), nil
}

// makeTally files the statement's lines into a Tally.
func makeTally(scope Scope, period Period, rows []tallyRow) Tally {
	t := Tally{Scope: scope, Period: period, Outcomes: map[string]int{}, Modes: map[string]int{}}
	procs := map[string]*ProcedureCount{}
	reasons := map[string]int{}
	for _, r := range rows {
		switch r.Dim {
		case "total":
			t.Cases, t.Helped, t.MedianMinutes, t.AsOf = r.N, r.OK, r.X.Float64, r.T.Time
		case "steps":
			t.StepsDone, t.StepsSkipped, t.Problems = r.N, r.OK, int(r.X.Float64)
		case "guide":
			p := procs[r.A]
			if p == nil {
				p = &ProcedureCount{Guide: r.A, Kind: r.B, Outcomes: map[string]int{}}
				procs[r.A] = p
			}
			o := tallyOutcome(r.B, r.C)
			p.Cases += r.N
			p.Helped += r.OK
			p.Outcomes[o] += r.N
			t.Outcomes[o] += r.N
			if o == TallyNotDone {
				reasons[cmp.Or(r.D, "other_reason")] += r.N
			}
		case "mode":
			t.Modes[r.A] += r.N
		case "commune":
			t.Communes = append(t.Communes, CommuneCount{Code: r.A, Name: r.B, ProvinceCode: r.C, ProvinceName: r.D, Cases: r.N, Helped: r.OK})
		case "volunteer":
			id, _ := strconv.ParseInt(r.A, 10, 64)
			t.Volunteers = append(t.Volunteers, VolunteerCount{ID: id, FirstName: r.B, Cases: r.N, Helped: r.OK})
		case "problem":
			step, _ := strconv.Atoi(r.D)
			t.ProblemCounts = append(t.ProblemCounts, ProblemCount{Guide: r.A, StepID: r.B, Problem: r.C, Step: step, N: r.N})
		case "followup":
			t.Followups = r.N
		}
	}
	for _, p := range procs {
		t.Procedures = append(t.Procedures, *p)
	}
	for k, n := range reasons {
		t.Reasons = append(t.Reasons, Count{Key: k, N: n})
	}
	slices.SortFunc(t.Procedures, func(a, b ProcedureCount) int {
		return cmp.Or(cmp.Compare(b.Cases, a.Cases), cmp.Compare(a.Guide, b.Guide))
	})
	slices.SortFunc(t.Reasons, func(a, b Count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Key, b.Key)) })
	slices.SortFunc(t.Communes, func(a, b CommuneCount) int {
		return cmp.Or(cmp.Compare(b.Cases, a.Cases), cmp.Compare(a.ProvinceName, b.ProvinceName), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Code, b.Code))
	})
	slices.SortFunc(t.Volunteers, func(a, b VolunteerCount) int {
		return cmp.Or(cmp.Compare(b.Cases, a.Cases), cmp.Compare(a.FirstName, b.FirstName), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(t.ProblemCounts, func(a, b ProblemCount) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Guide, b.Guide), cmp.Compare(a.Step, b.Step), cmp.Compare(a.Problem, b.Problem))
	})
	return t
}

// TallyCase is one line of a report's case list: nothing about the
// resident, nor the volunteer.
type TallyCase struct {
	ID           int64     `db:"id"`
	FinishedAt   time.Time `db:"finished_at"`
	CommuneCode  string    `db:"commune_code"`
	CommuneName  string    `db:"commune_name"`
	Guide        string    `db:"guide_id"`
	Kind         string    `db:"kind"`
	Mode         string    `db:"mode"`
	Outcome      string    `db:"outcome"` // an outcome key (TallyOutcomes)
	Reason       string    `db:"reason"`
	Minutes      float64   `db:"minutes"` // active time
	StepsDone    int       `db:"steps_done"`
	StepsSkipped int       `db:"steps_skipped"`
	Problems     int       `db:"problems"`
}

// EachTallyCase calls fn with every case t counted, in the order they
// closed, as the database sends them: the list is never held in memory.
// Cases changed after t.AsOf are left out, so the list matches t.
func (tx *Tx) EachTallyCase(ctx context.Context, t Tally, fn func(TallyCase) error) error {
	if t.Cases == 0 {
		return nil
	}
	where, args := scopeWhere(t.Scope)
	args = append(append(periodArgs(t.Period), args...), t.AsOf)
	asOf := fmt.Sprintf("$%d", len(args))
	rows, err := tx.db(ctx).QueryxContext(ctx, `
		SELECT c.id, c.finished_at, coalesce(c.commune_code, '') AS commune_code, coalesce(cm.name, '') AS commune_name,
			c.guide_id, c.kind, coalesce(c.mode, '') AS mode, coalesce(c.outcome, '') AS outcome, coalesce(c.reason, '') AS reason,
			coalesce(c.active_seconds, 0) / 60.0 AS minutes, coalesce(c.steps_done, 0) AS steps_done,
			coalesce(c.steps_skipped, 0) AS steps_skipped, coalesce(c.problems, 0) AS problems
		FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
		WHERE c.status = 'closed' AND c.finished_at >= $1 AND c.finished_at < $2`+where+` AND c.updated_at <= `+asOf+`
		ORDER BY c.finished_at, c.id`, args...)
	if err != nil {
		return wrap("list tally cases", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c TallyCase
		if err := rows.StructScan(&c); err != nil {
			return wrap("list tally cases", err)
		}
		c.Outcome = tallyOutcome(c.Kind, c.Outcome)
		if c.Outcome != TallyNotDone {
			c.Reason = ""
		} else if c.Reason == "" {
			c.Reason = "other_reason"
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return wrap("list tally cases", rows.Err())
}
