package storage

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/lib/pq"
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
	TallySubmitted   = "submitted"     // a dossier submitted
	TallyPaid        = "paid"          // a dossier submitted and paid online
	TallyOnTheSpot   = "on_the_spot"   // a dossier with its result on the spot
	TallySameDossier = "same_dossier"  // the same dossier as another case: a resident helped, no dossier filed
	TallyAccountDone = "account_done"  // an account task done
	TallyPaymentDone = "payment_done"  // a payment made
	TallyNotNeeded   = ReasonNotNeeded // no procedure needed: the resident was advised, nothing filed
	TallyNotDone     = "not_done"      // anything else not done, by reason
)

// ReasonNotNeeded is the reason of a case not done that ended "no
// procedure needed" (migration 00031): the volunteer found the resident
// needs none and advised them so. Stored beside the kind's not-done
// outcome, so a version before it reads it as not done; a tally counts it
// apart (TallyNotNeeded).
const ReasonNotNeeded = "not_needed"

// TallyOutcomes lists the outcome keys in the order reports show them.
// A case counts under TallySameDossier when it ended as the same dossier
// as another case, which keeps the code (cases.same_dossier, migration
// 00029): submitted or paid, its dossier is counted with that case (a fee
// it paid online is counted apart: ProcedureCount.SameDossierPaid).
// A case counts under TallyNotNeeded when it ended "no procedure needed"
// (its reason ReasonNotNeeded): neither done nor among the cases not done.
var TallyOutcomes = []string{TallySubmitted, TallyPaid, TallyOnTheSpot, TallySameDossier, TallyAccountDone, TallyPaymentDone, TallyNotNeeded, TallyNotDone}

// tallyOutcome names a case's outcome as a tally counts it. mark is what
// the statements and the rollups read beside the outcome, in the column
// of a case not done's reason: TallySameDossier for a case that was the
// same dossier as another (tallyMarkColumn; its outcome stays submitted
// or paid there), or a case not done's reason: ReasonNotNeeded counts
// apart, as TallyNotNeeded.
func tallyOutcome(kind, outcome, mark string) string {
	switch {
	case mark == TallySameDossier:
		return TallySameDossier
	case mark == ReasonNotNeeded:
		return TallyNotNeeded
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
	// SameDossierPaid: of Outcomes[TallySameDossier], the cases whose fee
	// was paid online at that visit (ended "paid"): no dossier of their
	// own, but a payment made (KPIs' payment_online).
	SameDossierPaid int
	// Reasons counts the cases not done by reason, most first.
	Reasons []Count
	// Modes counts the dossiers filed (submitted, or their result had on
	// the spot) by mode (toan-trinh, mot-phan); a case that was the same
	// dossier as another (TallySameDossier) filed none.
	Modes map[string]int
	// Procedures: per guide, most cases first.
	Procedures []ProcedureCount
	// Communes: per commune, most cases first ("" for cases logged by
	// someone of no commune, e.g. an admin).
	Communes []CommuneCount
	// Volunteers: per volunteer and commune of their cases, most cases
	// first.
	Volunteers []VolunteerCount
	// MedianMinutes is the median active time of a case (docs/reports.md), to the
	// whole minute.
	MedianMinutes float64
	// StepsDone, StepsSkipped and Problems add up the cases' steps.
	StepsDone, StepsSkipped, Problems int
	// ProblemCounts: problem events by guide, step and error, most first.
	ProblemCounts []ProblemCount
	// Followups: what the residents' follow-up says about these cases.
	Followups Followups
	// Unfinished is not a count of Tally's: the rollups know only closed
	// cases. A report that says what it leaves out fills it from
	// UnfinishedCases.
	Unfinished int
	// Namesakes is not Tally's either: the members of the scope who bear a
	// volunteer line's first name and have no line of their own, what a
	// report tells its lines apart from (a team's two Linhs, one of them
	// with no case). A report fills it from Namesakes.
	Namesakes []VolunteerCount
	// Months is not Tally's either: the cases by the month they closed
	// in (Vietnam time), oldest first, for a report asked by month. A
	// report fills it from CasesByMonth.
	Months []MonthCount
}

// MonthCount is the closed cases of a month, as Tally counts them.
type MonthCount struct {
	Month  time.Time `db:"month"` // its first day, Vietnam time
	Cases  int       `db:"cases"`
	Helped int       `db:"helped"`
}

// CasesByMonth counts the scope's cases closed in period by the month
// (Vietnam time) they closed in, oldest first; months with none are left
// out. They are the cases Tally counts: a province's or the country's
// whole months from the rollups, as Tally reads them, the rest from the
// cases themselves (a commune's, a volunteer's, and the part of a month a
// period begins or ends in).
func (tx *Tx) CasesByMonth(ctx context.Context, scope Scope, period Period) ([]MonthCount, error) {
	from, to := time.Time{}, monthStart(period.To)
	if !period.From.IsZero() {
		if from = monthStart(period.From); from.Before(period.From) {
			from = from.AddDate(0, 1, 0)
		}
	}
	if scope.Volunteer != 0 || scope.Commune != "" || !from.Before(to) {
		return tx.casesByMonth(ctx, scope, period)
	}
	args := []any{"0001-01-01", to.Format(time.DateOnly)}
	if !from.IsZero() {
		args[0] = from.Format(time.DateOnly)
	}
	where := ""
	if scope.Province != "" {
		where, args = ` AND province = $3`, append(args, scope.Province)
	}
	var ms []MonthCount
	if err := tx.db(ctx).SelectContext(ctx, &ms, `
		SELECT month::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS month, sum(cases) AS cases, sum(helped) AS helped
		FROM tally_months WHERE month >= $1::date AND month < $2::date`+where+`
		GROUP BY month HAVING sum(cases) <> 0 ORDER BY month`, args...); err != nil {
		return nil, wrap("tally by month", err)
	}
	var edges []Period
	if !from.IsZero() && period.From.Before(from) {
		edges = append(edges, Period{From: period.From, To: from})
	}
	if to.Before(period.To) {
		edges = append(edges, Period{From: to, To: period.To})
	}
	for _, edge := range edges {
		more, err := tx.casesByMonth(ctx, scope, edge)
		if err != nil {
			return nil, err
		}
		ms = append(ms, more...)
	}
	slices.SortFunc(ms, func(a, b MonthCount) int { return a.Month.Compare(b.Month) })
	return ms, nil
}

// casesByMonth is CasesByMonth from the cases alone.
func (tx *Tx) casesByMonth(ctx context.Context, scope Scope, period Period) ([]MonthCount, error) {
	where, args := scopeWhere(scope)
	args = append(periodArgs(period), args...)
	var ms []MonthCount
	err := tx.db(ctx).SelectContext(ctx, &ms, `
		SELECT date_trunc('month', c.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS month,
			count(*) AS cases, count(*) FILTER (WHERE c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done')) AS helped
		FROM `+fmt.Sprintf(tallyCases, where)+`
		GROUP BY 1 ORDER BY 1`, args...)
	return ms, wrap("tally by month", err)
}

// Followups counts what the follow-up of the counted cases found (zero
// until residents answer).
type Followups struct {
	// Followed: the dossiers followed up, whose code was kept for a
	// follow-up (Case.FollowupKept) — also those whose follow-up the
	// resident withdrew or retention deleted since; not the residents who
	// agreed at the case's start (no code, no follow-up). The others count
	// among these.
	Followed   int
	Resolved   int     // the resident said the result came (on time or late)
	Late       int     // of Resolved, after the due date
	Unresolved int     // the resident reported a problem
	Rated      int     // cases the resident rated
	AvgRating  float64 // their mean rating, 1–5; 0 when none
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
	// SameDossierPaid: of Outcomes[TallySameDossier], those paid online.
	SameDossierPaid int
}

// CommuneCount is one commune's cases.
type CommuneCount struct {
	Code, Name, ProvinceCode, ProvinceName string
	Cases, Helped                          int
}

// VolunteerCount is one volunteer's cases in one commune (the one the
// cases were logged in, whichever the volunteer belongs to now: a
// volunteer who moved has a line for each), with what tells them apart
// from another of the same first name: that commune and the day they
// joined (zero when not known: a member removed from their team).
type VolunteerCount struct {
	ID            int64
	FirstName     string
	CommuneCode   string // "" for cases of no commune (an admin's)
	Commune       string
	Joined        time.Time
	Cases, Helped int
	// Role and Former are not the tally's: a report fills them
	// (MarkVolunteers) — the member's role now, and, for a member removed
	// from their team (no name left), their own number (users.former_no).
	Role   string
	Former int
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
// error (of two as common, a named one before "other").
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
		} else if p.N == out[i].ErrorCount && out[i].Error == "other" {
			// A tie: the error the guide names says more than "another
			// error" (until walk W2 of review 26, "other" could win it).
			out[i].Error = p.Problem
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
// only when it was also paid online. A case that was the same dossier as
// another (TallySameDossier) counts toward no dossier: its dossier is
// counted with the case that keeps its code; but a fee it paid online is a
// payment made, counted toward payment_online (twice for one dossier only
// if that case was paid online too: two payments).
func (t Tally) KPIs(countsOf func(guide string) []string) map[string]int {
	out := map[string]int{}
	for _, p := range t.Procedures {
		for _, kpi := range countsOf(p.Guide) {
			n := p.Helped - p.Outcomes[TallySameDossier]
			switch {
			case kpi == "dossier_online" && p.Kind != "dossier":
				n = 0
			case kpi == "payment_online" && p.Kind == "dossier":
				n = p.Outcomes[TallyPaid] + p.SameDossierPaid
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
	Dim          string       `db:"dim"`
	A            string       `db:"a"`
	B            string       `db:"b"`
	C            string       `db:"c"`
	D            string       `db:"d"`
	E            string       `db:"e"` // a volunteer's line: the code of their cases' commune
	N            int          `db:"n"`
	OK           int          `db:"ok"`
	StepsDone    int          `db:"steps_done"`
	StepsSkipped int          `db:"steps_skipped"`
	Problems     int          `db:"problems"`
	T            sql.NullTime `db:"t"`
	Followed     int          `db:"followed"`
	Resolved     int          `db:"resolved"`
	Late         int          `db:"late"`
	Unresolved   int          `db:"unresolved"`
	Rated        int          `db:"rated"`
	RatingSum    int          `db:"rating_sum"`
}

// tallyCases is the cases a tally counts, as "c" (%[1]s: the scope's
// condition on cases "c").
const tallyCases = `cases c WHERE c.status = 'closed' AND c.finished_at >= $1 AND c.finished_at < $2%[1]s`

// tallyStatement counts the cases of a period every way a report shows
// them. A case that was the same dossier as another is read with its
// outcome and marked (tallyMarkColumn, in the reason's column: the
// rollups' layout), and its mode's line does not count it as a dossier
// filed (ok: filed). The cases are read once, grouped by grouping sets in one pass
// (hashed: PostgreSQL keeps one hash table per set); the active minutes
// are grouped by the minute, and the median found from those counts, since
// an ordered-set aggregate would make every set sort. Problem events are
// read for the same cases by their own index.
const tallyStatement = `
	WITH g AS (
		SELECT CASE WHEN GROUPING(c.guide_id) = 0 THEN 'guide' WHEN GROUPING(c.mode) = 0 THEN 'mode'
				WHEN GROUPING(c.volunteer_id) = 0 THEN 'volunteer' WHEN GROUPING(c.commune_code) = 0 THEN 'commune'
				WHEN GROUPING(c.minute) = 0 THEN 'minute' ELSE 'total' END AS dim,
			c.guide_id, c.kind, c.outcome, c.reason, c.mode, c.commune_code, c.volunteer_id, c.minute,
			count(*) AS n, count(*) FILTER (WHERE c.ok) AS ok, count(*) FILTER (WHERE c.ok AND NOT c.same_dossier) AS filed,
			coalesce(sum(c.steps_done), 0) AS steps_done,
			coalesce(sum(c.steps_skipped), 0) AS steps_skipped, coalesce(sum(c.problems), 0) AS problems, max(c.updated_at) AS t,
			count(*) FILTER (WHERE c.followup_kept) AS followed,
			count(*) FILTER (WHERE c.followup_result IN ('received', 'received_late')) AS resolved,
			count(*) FILTER (WHERE c.followup_result = 'received_late') AS late,
			count(*) FILTER (WHERE c.followup_result = 'problem') AS unresolved,
			count(c.rating) AS rated, coalesce(sum(c.rating), 0) AS rating_sum
		FROM (SELECT c.guide_id, c.kind, coalesce(c.outcome, '') AS outcome, ` + tallyMarkColumn + ` AS reason,
				coalesce(c.mode, '') AS mode, coalesce(c.commune_code, '') AS commune_code, c.volunteer_id,
				coalesce(c.active_seconds, 0) / 60 AS minute, coalesce(c.steps_done, 0) AS steps_done,
				coalesce(c.steps_skipped, 0) AS steps_skipped, coalesce(c.problems, 0) AS problems, c.updated_at,
				c.followup_kept, c.followup_result, c.rating, c.same_dossier,
				coalesce(c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) AS ok
			FROM ` + tallyCases + `) c
		GROUP BY GROUPING SETS ((c.guide_id, c.kind, c.outcome, c.reason), (c.kind, c.mode), (c.commune_code),
			(c.volunteer_id, c.commune_code), (c.minute), ())
	)
	SELECT g.dim,
		CASE g.dim WHEN 'guide' THEN g.guide_id WHEN 'mode' THEN g.mode WHEN 'commune' THEN g.commune_code
			WHEN 'volunteer' THEN g.volunteer_id::text WHEN 'minute' THEN g.minute::text ELSE '' END AS a,
		CASE g.dim WHEN 'guide' THEN g.kind WHEN 'mode' THEN g.kind WHEN 'commune' THEN coalesce(cm.name, '')
			WHEN 'volunteer' THEN coalesce(u.first_name, '') ELSE '' END AS b,
		CASE g.dim WHEN 'guide' THEN g.outcome WHEN 'commune' THEN coalesce(cm.province_code, '')
			WHEN 'volunteer' THEN coalesce(vc.name, '') ELSE '' END AS c,
		CASE g.dim WHEN 'guide' THEN g.reason WHEN 'commune' THEN coalesce(p.name, '')
			WHEN 'volunteer' THEN ` + joinedDay + ` ELSE '' END AS d,
		CASE g.dim WHEN 'volunteer' THEN g.commune_code ELSE '' END AS e,
		g.n, CASE g.dim WHEN 'mode' THEN g.filed ELSE g.ok END AS ok, g.steps_done, g.steps_skipped, g.problems, g.t, g.followed, g.resolved, g.late, g.unresolved, g.rated, g.rating_sum
	FROM g
	LEFT JOIN communes cm ON g.dim = 'commune' AND cm.code = g.commune_code
	LEFT JOIN provinces p ON p.code = cm.province_code
	LEFT JOIN users u ON g.dim = 'volunteer' AND u.telegram_id = g.volunteer_id
	LEFT JOIN communes vc ON g.dim = 'volunteer' AND vc.code = g.commune_code
	UNION ALL
	SELECT 'problem', c.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0)::text, '', count(*), 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0
	FROM (SELECT c.id, c.guide_id FROM ` + tallyCases + ` AND c.problems > 0) c
	JOIN case_events e ON e.case_id = c.id AND e.kind = 'problem'
	GROUP BY c.guide_id, e.step_id, e.problem, e.step
`

// tallyMarkColumn is the reason of a case "c" not done as a tally reads
// it, or TallySameDossier for one that was the same dossier as another
// (whose outcome, submitted or paid, is read as it is): as the rollups'
// outcome lines hold them (d; migration 00029).
const tallyMarkColumn = `CASE WHEN c.same_dossier THEN '` + TallySameDossier + `' ELSE coalesce(c.reason, '') END`

// Tally counts the closed cases of a scope over a period. The whole
// country or a province over whole calendar months (Vietnam time) is read
// from the rollups (migration 00008) for those months, and from the cases
// only for the days before the first whole month and after the last — or
// from the rollups too, when the rest of that month has no case (today's
// month, for "from the beginning"); a commune, a volunteer or a span
// within a month from the cases alone. Both say the same
// (docs/reports.md): TallyFromCases is what the rollups are checked
// against.
func (tx *Tx) Tally(ctx context.Context, scope Scope, period Period) (Tally, error) {
	if scope.Volunteer != 0 || scope.Commune != "" || !period.From.Before(period.To) {
		return tx.TallyFromCases(ctx, scope, period)
	}
	// The months [from, to) are whole; from is zero from the beginning.
	to := monthStart(period.To)
	var from time.Time
	if !period.From.IsZero() {
		if from = monthStart(period.From); from.Before(period.From) {
			from = from.AddDate(0, 1, 0)
		}
	}
	var edges []Period
	if to.Before(from) { // within the month [to, from)
		none, err := tx.noCases(ctx, scope, Period{From: to, To: period.From}, Period{From: period.To, To: from})
		if err != nil || !none {
			return tx.caseTally(ctx, scope, period, err)
		}
		from, to = to, from
	} else {
		if !from.IsZero() && period.From.Before(from) {
			month := from.AddDate(0, -1, 0)
			none, err := tx.noCases(ctx, scope, Period{From: month, To: period.From})
			if err != nil {
				return Tally{}, err
			}
			if none {
				from = month
			} else {
				edges = append(edges, Period{From: period.From, To: from})
			}
		}
		if to.Before(period.To) {
			end := to.AddDate(0, 1, 0)
			none, err := tx.noCases(ctx, scope, Period{From: period.To, To: end})
			if err != nil {
				return Tally{}, err
			}
			if none {
				to = end
			} else {
				edges = append(edges, Period{From: to, To: period.To})
			}
		}
		if !from.IsZero() && !from.Before(to) { // no whole month after all
			return tx.TallyFromCases(ctx, scope, period)
		}
	}
	rows, err := tx.rollupRows(ctx, scope, from, to)
	if err != nil {
		return Tally{}, err
	}
	for _, e := range edges {
		more, err := tx.caseRows(ctx, scope, e)
		if err != nil {
			return Tally{}, err
		}
		rows = append(rows, more...)
	}
	return makeTally(scope, period, mergeTallyRows(rows)), nil
}

// FirstClosed is when the first case of a scope closed (zero if none has).
func (tx *Tx) FirstClosed(ctx context.Context, scope Scope) (time.Time, error) {
	where, args := scopeWhere(scope)
	var first sql.NullTime
	err := tx.db(ctx).GetContext(ctx, &first, fmt.Sprintf(`SELECT min(c.finished_at) FROM `+tallyCases, where),
		append(periodArgs(Period{To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}), args...)...)
	return first.Time, wrap("first closed case", err)
}

// LastClosed is when the last case of a scope closed (zero if none has):
// an empty report says it, with a period that holds it.
func (tx *Tx) LastClosed(ctx context.Context, scope Scope) (time.Time, error) {
	where, args := scopeWhere(scope)
	var last sql.NullTime
	err := tx.db(ctx).GetContext(ctx, &last, fmt.Sprintf(`SELECT max(c.finished_at) FROM `+tallyCases, where),
		append(periodArgs(Period{To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}), args...)...)
	return last.Time, wrap("last closed case", err)
}

// UnfinishedCases counts the cases of a scope started in a period and still
// open or paused: a tally counts them only once they close.
func (tx *Tx) UnfinishedCases(ctx context.Context, scope Scope, period Period) (int, error) {
	where, args := scopeWhere(scope)
	args = append(periodArgs(period), args...)
	var n int
	err := tx.db(ctx).GetContext(ctx, &n, `SELECT count(*) FROM cases c
		WHERE c.status IN ('open', 'paused') AND c.started_at >= $1 AND c.started_at < $2`+where, args...)
	return n, wrap("unfinished cases", err)
}

// caseTally is TallyFromCases, unless err.
func (tx *Tx) caseTally(ctx context.Context, scope Scope, period Period, err error) (Tally, error) {
	if err != nil {
		return Tally{}, err
	}
	return tx.TallyFromCases(ctx, scope, period)
}

// noCases reports whether no case of the scope closed in any of the spans.
// A span that holds the present says no: a case closing there between this
// statement and the rollups' would be counted outside the period.
func (tx *Tx) noCases(ctx context.Context, scope Scope, spans ...Period) (bool, error) {
	now := time.Now()
	for _, p := range spans {
		if !p.From.Before(p.To) {
			continue
		}
		if !now.Before(p.From) && now.Before(p.To) {
			return false, nil
		}
		where, args := scopeWhere(scope)
		var found bool
		err := tx.db(ctx).GetContext(ctx, &found, fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM `+tallyCases+`)`, where),
			append(periodArgs(p), args...)...)
		if err != nil || found {
			return false, wrap("tally edges", err)
		}
	}
	return true, nil
}

// monthStart is the first instant of t's calendar month, Vietnam time.
func monthStart(t time.Time) time.Time {
	v := t.In(vietnam)
	return time.Date(v.Year(), v.Month(), 1, 0, 0, 0, 0, vietnam)
}

// TallyFromCases counts the closed cases of a scope over a period from the
// cases alone, in one statement (docs/reports.md has its plans).
func (tx *Tx) TallyFromCases(ctx context.Context, scope Scope, period Period) (Tally, error) {
	rows, err := tx.caseRows(ctx, scope, period)
	if err != nil {
		return Tally{}, err
	}
	return makeTally(scope, period, mergeTallyRows(rows)), nil
}

// caseRows runs the tally statement over the cases.
func (tx *Tx) caseRows(ctx context.Context, scope Scope, period Period) ([]tallyRow, error) {
	where, args := scopeWhere(scope)
	args = append(periodArgs(period), args...)
	var rows []tallyRow
	err := tx.db(ctx).SelectContext(ctx, &rows, fmt.Sprintf(tallyStatement, where), args...)
	return rows, wrap("tally", err)
}

// rollupStatement reads the rollups of months [$1, $2) (%[1]s: the
// province's condition on "t") in the tally statement's lines, names
// joined as it joins them.
const rollupStatement = `
	SELECT 'total' AS dim, '' AS a, '' AS b, '' AS c, '' AS d, '' AS e, coalesce(sum(t.cases), 0) AS n,
		coalesce(sum(t.helped), 0) AS ok, coalesce(sum(t.steps_done), 0) AS steps_done,
		coalesce(sum(t.steps_skipped), 0) AS steps_skipped, coalesce(sum(t.problems), 0) AS problems, max(t.as_of) AS t,
		coalesce(sum(t.followed), 0) AS followed, coalesce(sum(t.resolved), 0) AS resolved,
		coalesce(sum(t.late), 0) AS late, coalesce(sum(t.unresolved), 0) AS unresolved, coalesce(sum(t.rated), 0) AS rated,
		coalesce(sum(t.rating_sum), 0) AS rating_sum
	FROM tally_months t WHERE t.month >= $1::date AND t.month < $2::date%[1]s
	UNION ALL
	SELECT g.dim, g.a,
		CASE g.dim WHEN 'commune' THEN coalesce(cm.name, '') WHEN 'volunteer' THEN coalesce(u.first_name, '') ELSE g.b END,
		CASE g.dim WHEN 'commune' THEN coalesce(cm.province_code, '') WHEN 'volunteer' THEN coalesce(vc.name, '') ELSE g.c END,
		CASE g.dim WHEN 'commune' THEN coalesce(p.name, '') WHEN 'volunteer' THEN ` + joinedDay + ` ELSE g.d END,
		CASE g.dim WHEN 'volunteer' THEN g.b ELSE '' END,
		g.n, g.ok, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0
	FROM (SELECT t.dim, t.a, t.b, t.c, t.d, sum(t.n) AS n, sum(t.ok) AS ok
		FROM tally_counts t WHERE t.month >= $1::date AND t.month < $2::date%[1]s
		GROUP BY t.dim, t.a, t.b, t.c, t.d HAVING sum(t.n) <> 0) g
	LEFT JOIN communes cm ON g.dim = 'commune' AND cm.code = g.a
	LEFT JOIN provinces p ON p.code = cm.province_code
	LEFT JOIN users u ON u.telegram_id = CASE WHEN g.dim = 'volunteer' THEN g.a::bigint END
	LEFT JOIN communes vc ON vc.code = CASE WHEN g.dim = 'volunteer' THEN g.b END
`

// joinedDay is, in a tally's volunteer line, the day and minute (Vietnam
// time) the volunteer joined their team: with their commune, what tells
// apart two volunteers of the same first name (/team shows both; the
// minute only matters to two who joined the same day).
const joinedDay = `coalesce(to_char(u.joined_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI'), '')`

// joinedLayout is joinedDay's layout in Go.
const joinedLayout = "2006-01-02 15:04"

// Namesakes are the members of a scope — of its commune; of its
// province's communes and the province's coordinators; of the whole
// country — whose first name is one of names, with their commune and when
// they joined (Tally.Namesakes: the report leaves out those with a line).
// Nothing else is read about them, and a member removed from the team,
// whose name was erased, is nobody's namesake.
func (tx *Tx) Namesakes(ctx context.Context, scope Scope, names []string) ([]VolunteerCount, error) {
	if len(names) == 0 || scope.Volunteer != 0 {
		return nil, nil
	}
	where, args := "", []any{pq.Array(names)}
	switch {
	case scope.Commune != "":
		where, args = ` AND u.commune_code = $2`, append(args, scope.Commune)
	case scope.Province != "":
		where, args = ` AND (cm.province_code = $2 OR u.province_code = $2)`, append(args, scope.Province)
	}
	var rows []struct {
		ID          int64  `db:"telegram_id"`
		FirstName   string `db:"first_name"`
		CommuneCode string `db:"commune_code"`
		Commune     string `db:"commune"`
		Joined      string `db:"joined"`
	}
	err := tx.db(ctx).SelectContext(ctx, &rows, `
		SELECT u.telegram_id, u.first_name, coalesce(u.commune_code, '') AS commune_code, coalesce(cm.name, '') AS commune,
			`+joinedDay+` AS joined
		FROM users u LEFT JOIN communes cm ON cm.code = u.commune_code
		WHERE u.role <> 'guest' AND u.first_name <> '' AND u.first_name = ANY($1)`+where+`
		ORDER BY u.joined_at, u.telegram_id`, args...)
	if err != nil {
		return nil, wrap("namesakes", err)
	}
	out := make([]VolunteerCount, len(rows))
	for i, r := range rows {
		joined, _ := time.ParseInLocation(joinedLayout, r.Joined, vietnam)
		out[i] = VolunteerCount{ID: r.ID, FirstName: r.FirstName, CommuneCode: r.CommuneCode, Commune: r.Commune, Joined: joined}
	}
	return out, nil
}

// MarkVolunteers fills in the Role of each of lines' volunteers — their
// role now: a coordinator who helped residents is not told as a volunteer
// in a report passed upward — and, for one removed from their team, whose
// name was erased (FirstName ""), Former: their own number, given when
// they were taken out (RemoveMember; migration 00039), the same in every
// report whatever its unit, its period or when it is made (a number in
// each report's order made the same person "số 1" in one and "số 2" in
// another; a rank among all such members, read at each report, changed
// whenever one who had closed a case earlier was removed anywhere).
// Nothing else is read about them.
func (tx *Tx) MarkVolunteers(ctx context.Context, lines []VolunteerCount) error {
	if len(lines) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(lines))
	for _, v := range lines {
		ids = append(ids, v.ID)
	}
	var rows []struct {
		ID     int64  `db:"telegram_id"`
		Role   string `db:"role"`
		Former int    `db:"former"`
	}
	err := tx.db(ctx).SelectContext(ctx, &rows, `
		SELECT telegram_id, role, coalesce(former_no, 0) AS former FROM users WHERE telegram_id = ANY($1)`, pq.Array(ids))
	if err != nil {
		return wrap("mark volunteers", err)
	}
	type mark struct {
		role   string
		former int
	}
	marks := make(map[int64]mark, len(rows))
	for _, r := range rows {
		marks[r.ID] = mark{r.Role, r.Former}
	}
	for i := range lines {
		m := marks[lines[i].ID]
		lines[i].Role = m.role
		if lines[i].FirstName == "" {
			lines[i].Former = m.former
		}
	}
	return nil
}

// rollupRows reads the rollups of the months [from, to) (from zero: from
// the beginning) of the country or a province.
func (tx *Tx) rollupRows(ctx context.Context, scope Scope, from, to time.Time) ([]tallyRow, error) {
	where, args := "", []any{"0001-01-01", to.Format(time.DateOnly)}
	if !from.IsZero() {
		args[0] = from.Format(time.DateOnly)
	}
	if scope.Province != "" {
		where = ` AND t.province = $3`
		args = append(args, scope.Province)
	}
	var rows []tallyRow
	err := tx.db(ctx).SelectContext(ctx, &rows, fmt.Sprintf(rollupStatement, where), args...)
	return rows, wrap("tally rollups", err)
}

// mergeTallyRows adds up the lines with the same dimension and keys (the
// rollups' and the edges' of one tally; lines whose keys only a NULL told
// apart), in a stable order.
func mergeTallyRows(rows []tallyRow) []tallyRow {
	type key struct{ dim, a, b, c, d, e string }
	idx := map[key]int{}
	var out []tallyRow
	for _, r := range rows {
		k := key{r.Dim, r.A, r.B, r.C, r.D, r.E}
		if r.Dim == "volunteer" {
			// One volunteer in one commune, one line, even if their name
			// changed between the statements that read the rollups and the
			// edges.
			k = key{dim: r.Dim, a: r.A, e: r.E}
		}
		i, ok := idx[k]
		if !ok {
			idx[k] = len(out)
			out = append(out, r)
			continue
		}
		m := &out[i]
		m.N += r.N
		m.OK += r.OK
		m.StepsDone += r.StepsDone
		m.StepsSkipped += r.StepsSkipped
		m.Problems += r.Problems
		m.Followed += r.Followed
		m.Resolved += r.Resolved
		m.Late += r.Late
		m.Unresolved += r.Unresolved
		m.Rated += r.Rated
		m.RatingSum += r.RatingSum
		if r.T.Valid && (!m.T.Valid || r.T.Time.After(m.T.Time)) {
			m.T = r.T
		}
	}
	slices.SortFunc(out, func(x, y tallyRow) int {
		return cmp.Or(cmp.Compare(x.Dim, y.Dim), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B), cmp.Compare(x.C, y.C), cmp.Compare(x.D, y.D),
			cmp.Compare(x.E, y.E))
	})
	return out
}

// RebuildTallyRollups counts the tally rollups again from the closed
// cases, for a bulk load that switched their upkeep off (SET LOCAL
// dvcbot.tally_rollups = 'off'), e.g. dvcbot seed.
func RebuildTallyRollups(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `SELECT tally_rollups_rebuild()`); err != nil {
		return fmt.Errorf("rebuild tally rollups: %w", err)
	}
	_, err := db.ExecContext(ctx, `ANALYZE tally_months; ANALYZE tally_counts`)
	return wrap("analyze tally rollups", err)
}

// makeTally files the statement's lines into a Tally.
func makeTally(scope Scope, period Period, rows []tallyRow) Tally {
	t := Tally{Scope: scope, Period: period, Outcomes: map[string]int{}, Modes: map[string]int{}}
	procs := map[string]*ProcedureCount{}
	reasons := map[string]int{}
	var minutes []Count
	for _, r := range rows {
		switch r.Dim {
		case "total":
			t.Cases, t.Helped, t.AsOf = r.N, r.OK, r.T.Time
			t.StepsDone, t.StepsSkipped, t.Problems = r.StepsDone, r.StepsSkipped, r.Problems
			t.Followups = Followups{Followed: r.Followed, Resolved: r.Resolved, Late: r.Late, Unresolved: r.Unresolved, Rated: r.Rated}
			if r.Rated > 0 {
				t.Followups.AvgRating = float64(r.RatingSum) / float64(r.Rated)
			}
		case "minute":
			minutes = append(minutes, Count{Key: r.A, N: r.N})
		case "guide":
			p := procs[r.A]
			if p == nil {
				p = &ProcedureCount{Guide: r.A, Kind: r.B, Outcomes: map[string]int{}}
				procs[r.A] = p
			}
			o := tallyOutcome(r.B, r.C, r.D)
			p.Cases += r.N
			p.Helped += r.OK
			p.Outcomes[o] += r.N
			t.Outcomes[o] += r.N
			if o == TallySameDossier && r.C == TallyPaid {
				p.SameDossierPaid += r.N
				t.SameDossierPaid += r.N
			}
			if o == TallyNotDone {
				reasons[cmp.Or(r.D, "other_reason")] += r.N
			}
		case "mode":
			if r.B == "dossier" {
				t.Modes[r.A] += r.OK // filed: submitted, or its result on the spot
			}
		case "commune":
			t.Communes = append(t.Communes, CommuneCount{Code: r.A, Name: r.B, ProvinceCode: r.C, ProvinceName: r.D, Cases: r.N, Helped: r.OK})
		case "volunteer":
			id, _ := strconv.ParseInt(r.A, 10, 64)
			joined, _ := time.ParseInLocation(joinedLayout, r.D, vietnam)
			t.Volunteers = append(t.Volunteers, VolunteerCount{ID: id, FirstName: r.B, CommuneCode: r.E, Commune: r.C, Joined: joined, Cases: r.N, Helped: r.OK})
		case "problem":
			step, _ := strconv.Atoi(r.D)
			t.ProblemCounts = append(t.ProblemCounts, ProblemCount{Guide: r.A, StepID: r.B, Problem: r.C, Step: step, N: r.N})
		}
	}
	t.MedianMinutes = median(minutes, t.Cases)
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
		return cmp.Or(cmp.Compare(b.Cases, a.Cases), cmp.Compare(a.FirstName, b.FirstName), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Commune, b.Commune),
			cmp.Compare(a.CommuneCode, b.CommuneCode))
	})
	slices.SortFunc(t.ProblemCounts, func(a, b ProblemCount) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Guide, b.Guide), cmp.Compare(a.Step, b.Step), cmp.Compare(a.Problem, b.Problem),
			cmp.Compare(a.StepID, b.StepID))
	})
	return t
}

// median is the median of n values given as counts per whole minute (Key):
// the middle value, or the mean of the two middle ones; 0 for none.
func median(perMinute []Count, n int) float64 {
	if n == 0 {
		return 0
	}
	slices.SortFunc(perMinute, func(a, b Count) int {
		x, _ := strconv.Atoi(a.Key)
		y, _ := strconv.Atoi(b.Key)
		return cmp.Compare(x, y)
	})
	// the values at 0-based ranks lo and hi
	lo, hi := (n-1)/2, n/2
	var vlo, vhi float64
	seen := 0
	for _, c := range perMinute {
		m, _ := strconv.Atoi(c.Key)
		if lo >= seen && lo < seen+c.N {
			vlo = float64(m)
		}
		if hi >= seen && hi < seen+c.N {
			vhi = float64(m)
			break
		}
		seen += c.N
	}
	return (vlo + vhi) / 2
}

// TallyCase is one line of a report's case list: nothing about the
// resident, nor the volunteer.
type TallyCase struct {
	ID          int64     `db:"id"`
	FinishedAt  time.Time `db:"finished_at"`
	CommuneCode string    `db:"commune_code"`
	CommuneName string    `db:"commune_name"`
	Guide       string    `db:"guide_id"`
	Kind        string    `db:"kind"`
	Mode        string    `db:"mode"`
	Outcome     string    `db:"outcome"` // an outcome key (TallyOutcomes)
	Reason      string    `db:"reason"`
	// Paid: the case's fee was paid online (Outcome TallyPaid, or
	// TallySameDossier paid at that visit).
	Paid         bool `db:"-"`
	Minutes      int  `db:"minutes"` // active time, whole minutes (rounded down, as the median counts them)
	StepsDone    int  `db:"steps_done"`
	StepsSkipped int  `db:"steps_skipped"`
	Problems     int  `db:"problems"`
	// SameDossierOf: of a case TallySameDossier, the case that keeps the
	// dossier's code (cases.same_dossier_of, migration 00030), in the
	// tally or not; 0 when the case log does not say (closed before 00030
	// and not found then, or by a version before it).
	SameDossierOf int64 `db:"same_dossier_of"`
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
			c.guide_id, c.kind, coalesce(c.mode, '') AS mode, coalesce(c.outcome, '') AS outcome, `+tallyMarkColumn+` AS reason,
			coalesce(c.active_seconds, 0) / 60 AS minutes, coalesce(c.steps_done, 0) AS steps_done,
			coalesce(c.steps_skipped, 0) AS steps_skipped, coalesce(c.problems, 0) AS problems,
			coalesce(CASE WHEN c.same_dossier THEN c.same_dossier_of END, 0) AS same_dossier_of
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
		c.Paid = c.Kind == "dossier" && c.Outcome == TallyPaid
		c.Outcome = tallyOutcome(c.Kind, c.Outcome, c.Reason)
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
