package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Case statuses and phases (see migrations/00002_cases.sql, 00003).
const (
	CaseOpen      = "open"
	CasePaused    = "paused"
	CaseClosed    = "closed"
	CaseDiscarded = "discarded" // a wrong pick thrown away: never counted

	PhaseChecklist = "checklist"
	PhaseSteps     = "steps"
	PhaseOutcome   = "outcome"
	PhaseReason    = "reason"
	PhaseDossier   = "dossier"
	PhaseDone      = "done"
)

// Case is one resident helped through one procedure. It holds nothing that
// identifies the resident.
type Case struct {
	ID              int64          `db:"id"`
	VolunteerID     int64          `db:"volunteer_id"`
	CommuneCode     sql.NullString `db:"commune_code"`
	GuideID         string         `db:"guide_id"`
	GuideChecked    time.Time      `db:"guide_checked"`
	Kind            string         `db:"kind"` // dossier, account or payment: which outcomes it can have
	Mode            sql.NullString `db:"mode"` // dossiers only
	StepsTotal      int            `db:"steps_total"`
	Status          string         `db:"status"`
	Phase           string         `db:"phase"`
	Step            int            `db:"step"`
	StepID          sql.NullString `db:"step_id"` // the id of the step at Step, while the case is in its steps
	Checked         pq.StringArray `db:"checked"`
	EndedFrom       sql.NullString `db:"ended_from"` // the phase a case waiting for its reason was ended from
	Progressed      bool           `db:"progressed"` // a step was done or had a problem (a skip only reads ahead)
	FollowupConsent bool           `db:"followup_consent"`
	ConsentVersion  string         `db:"consent_version"`
	// FollowupKept: the dossier code was kept for a follow-up (what a
	// tally counts as followed up, even once the follow-up is gone). Set
	// true with the close that keeps the code (or by the database as a
	// later code is kept: migrations/00023); SaveCase never clears it.
	FollowupKept bool           `db:"followup_kept"`
	Outcome      sql.NullString `db:"outcome"`
	Reason       sql.NullString `db:"reason"`
	StartedAt    time.Time      `db:"started_at"`
	UpdatedAt    time.Time      `db:"updated_at"`
	FinishedAt   sql.NullTime   `db:"finished_at"`
	// SameDossierOf: the case that keeps the code of the dossier this case
	// ended as (with its outcome event marked SameDossier), set with that
	// close. SaveCase writes it when set and clears it as a code of the
	// case's own is kept (as the database does: migrations/00030); it is
	// never read back into a Case (a tally's case list reads it:
	// TallyCase.SameDossierOf).
	SameDossierOf int64 `db:"-"`
}

// CaseEvent is one thing that happened in a case.
type CaseEvent struct {
	ID      int64          `db:"id"`
	CaseID  int64          `db:"case_id"`
	At      time.Time      `db:"at"`
	Kind    string         `db:"kind"`
	Step    sql.NullInt32  `db:"step"`
	StepID  sql.NullString `db:"step_id"`
	Problem sql.NullString `db:"problem"`
	Note    sql.NullString `db:"note"`
}

const caseColumns = `id, volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, status, phase,
	step, step_id, checked, ended_from, progressed, followup_consent, consent_version, followup_kept, outcome, reason, started_at, updated_at, finished_at`

// nullCase is a case read through an outer join: every column may be NULL.
type nullCase struct {
	ID              sql.NullInt64  `db:"k_id"`
	VolunteerID     sql.NullInt64  `db:"k_volunteer_id"`
	CommuneCode     sql.NullString `db:"k_commune_code"`
	GuideID         sql.NullString `db:"k_guide_id"`
	GuideChecked    sql.NullTime   `db:"k_guide_checked"`
	Kind            sql.NullString `db:"k_kind"`
	Mode            sql.NullString `db:"k_mode"`
	StepsTotal      sql.NullInt64  `db:"k_steps_total"`
	Status          sql.NullString `db:"k_status"`
	Phase           sql.NullString `db:"k_phase"`
	Step            sql.NullInt64  `db:"k_step"`
	StepID          sql.NullString `db:"k_step_id"`
	Checked         pq.StringArray `db:"k_checked"`
	EndedFrom       sql.NullString `db:"k_ended_from"`
	Progressed      sql.NullBool   `db:"k_progressed"`
	FollowupConsent sql.NullBool   `db:"k_followup_consent"`
	ConsentVersion  sql.NullString `db:"k_consent_version"`
	FollowupKept    sql.NullBool   `db:"k_followup_kept"`
	Outcome         sql.NullString `db:"k_outcome"`
	Reason          sql.NullString `db:"k_reason"`
	StartedAt       sql.NullTime   `db:"k_started_at"`
	UpdatedAt       sql.NullTime   `db:"k_updated_at"`
	FinishedAt      sql.NullTime   `db:"k_finished_at"`
}

// nullCaseColumns selects caseColumns of a join's "k" as nullCase's.
var nullCaseColumns = func() string {
	var cols []string
	for _, c := range strings.Split(caseColumns, ",") {
		c = strings.TrimSpace(c)
		cols = append(cols, "k."+c+" AS k_"+c)
	}
	return strings.Join(cols, ", ")
}()

func (n nullCase) get() (Case, bool) {
	if !n.ID.Valid {
		return Case{}, false
	}
	return Case{ID: n.ID.Int64, VolunteerID: n.VolunteerID.Int64, CommuneCode: n.CommuneCode, GuideID: n.GuideID.String,
		GuideChecked: n.GuideChecked.Time, Kind: n.Kind.String, Mode: n.Mode, StepsTotal: int(n.StepsTotal.Int64),
		Status: n.Status.String, Phase: n.Phase.String, Step: int(n.Step.Int64), StepID: n.StepID, Checked: n.Checked, EndedFrom: n.EndedFrom,
		Progressed: n.Progressed.Bool, FollowupConsent: n.FollowupConsent.Bool, ConsentVersion: n.ConsentVersion.String,
		FollowupKept: n.FollowupKept.Bool, Outcome: n.Outcome, Reason: n.Reason, StartedAt: n.StartedAt.Time, UpdatedAt: n.UpdatedAt.Time,
		FinishedAt: n.FinishedAt}, true
}

// CreateCase stores a new case (c.ID and the status are set by the
// database) and its start event, in one statement.
func (tx *Tx) CreateCase(ctx context.Context, c Case) (Case, error) {
	err := tx.keeping(ctx).GetContext(ctx, &c, `
		WITH k AS (
			INSERT INTO cases (volunteer_id, commune_code, guide_id, guide_checked, kind, mode, steps_total, phase,
				followup_consent, consent_version, started_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
			RETURNING `+caseColumns+`),
		started AS (INSERT INTO case_events (case_id, at, kind) SELECT id, started_at, 'start' FROM k)
		SELECT `+caseColumns+` FROM k`,
		c.VolunteerID, c.CommuneCode, c.GuideID, c.GuideChecked, c.Kind, c.Mode, c.StepsTotal, c.Phase,
		c.FollowupConsent, c.ConsentVersion, c.StartedAt)
	if err != nil {
		return c, fmt.Errorf("create case: %w", err)
	}
	tx.keepCase(c)
	return c, nil
}

// Case returns one of the volunteer's cases, locked for this transaction;
// ErrNotFound when it does not exist or is someone else's.
func (tx *Tx) Case(ctx context.Context, id, volunteer int64) (Case, error) {
	if c, ok := tx.cases[id]; ok {
		if c.VolunteerID != volunteer {
			return Case{}, ErrNotFound
		}
		c.Checked = slices.Clone(c.Checked)
		return c, nil
	}
	var c Case
	err := tx.keeping(ctx).GetContext(ctx, &c, `SELECT `+caseColumns+` FROM cases WHERE id = $1 AND volunteer_id = $2 FOR UPDATE`, id, volunteer)
	if err == nil {
		tx.keepCase(c)
	}
	return c, wrap("read case", notFound(err))
}

// wroteCase drops the row read ahead (ReadAhead) of the case's volunteer,
// the only chat whose row holds the case, for a statement that changes
// the case and nothing else read ahead; all of them when this transaction
// did not read the case (its volunteer is not known).
func (tx *Tx) wroteCase(ctx context.Context, id int64) {
	if k, ok := tx.cases[id]; ok {
		aheadIn(ctx).wrote(k.VolunteerID)
	} else {
		aheadIn(ctx).spoil()
	}
}

// keepCase remembers a case row this transaction locked or wrote.
func (tx *Tx) keepCase(c Case) {
	if tx.cases == nil {
		tx.cases = map[int64]Case{}
	}
	c.Checked = slices.Clone(c.Checked)
	tx.cases[c.ID] = c
}

// SaveCase writes where the case stands and how it ended (and the number
// of steps, should the guide have changed since the case began), and the
// events that say why; c.FollowupKept marks the case followed up (the
// close that keeps the code: no statement more on the bot's busiest path),
// and a mark set is never cleared; c.SameDossierOf, when set, names the
// case that keeps the code of one closed as the same dossier. The write waits to ride on the
// transaction's next statement (Tx): an error in it is reported there, or
// by Flush.
func (tx *Tx) SaveCase(ctx context.Context, c Case, events ...CaseEvent) error {
	if err := tx.send(ctx); err != nil { // one write waits at a time, in order
		return wrap("save case", err)
	}
	tx.wroteCase(ctx, c.ID)
	cte := `saved_case AS (UPDATE cases SET status = $2, phase = $3, step = $4, checked = $5, outcome = $6, reason = $7,
			updated_at = $8, finished_at = $9, steps_total = $10, ended_from = $11, progressed = $12, step_id = $13,
			followup_kept = followup_kept OR $14,
			same_dossier_of = CASE WHEN followup_kept OR $14 THEN NULL ELSE coalesce($15, same_dossier_of) END
		WHERE id = $1)`
	args := []any{c.ID, c.Status, c.Phase, c.Step, c.Checked, c.Outcome, c.Reason, c.UpdatedAt, c.FinishedAt, c.StepsTotal,
		c.EndedFrom, c.Progressed, c.StepID, c.FollowupKept, sql.NullInt64{Int64: c.SameDossierOf, Valid: c.SameDossierOf != 0}}
	if len(events) > 0 {
		var values []string
		for _, e := range events {
			n := len(args)
			values = append(values, fmt.Sprintf("($%d::bigint, $%d::timestamptz, $%d, $%d::integer, $%d, $%d, $%d)", n+1, n+2, n+3, n+4, n+5, n+6, n+7))
			args = append(args, e.CaseID, e.At, e.Kind, e.Step, e.StepID, e.Problem, e.Note)
		}
		cte += `, added_events AS (
			INSERT INTO case_events (case_id, at, kind, step, step_id, problem, note) VALUES ` + strings.Join(values, ", ") + `)`
	}
	tx.pending = &deferred{doing: "save case", cte: cte, args: args}
	if _, ok := tx.cases[c.ID]; ok {
		tx.keepCase(c) // only a row read (and locked) here
	}
	return nil
}

// DiscardCase throws away a case picked by mistake: its events are
// deleted and the row stays as 'discarded', which nothing counts.
func (tx *Tx) DiscardCase(ctx context.Context, id int64, at time.Time) error {
	if _, err := tx.db(ctx).ExecContext(ctx, `DELETE FROM case_events WHERE case_id = $1`, id); err != nil {
		return wrap("discard case events", err)
	}
	delete(tx.cases, id)
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE cases SET status = 'discarded', updated_at = $2, finished_at = $2 WHERE id = $1`, id, at)
	return wrap("discard case", err)
}

// AddCaseEvent records one event.
func (tx *Tx) AddCaseEvent(ctx context.Context, e CaseEvent) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		INSERT INTO case_events (case_id, at, kind, step, step_id, problem, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		e.CaseID, e.At, e.Kind, e.Step, e.StepID, e.Problem, e.Note)
	return wrap("add case event "+e.Kind, err)
}

// CaseEvents returns a case's events in the order they happened.
func (tx *Tx) CaseEvents(ctx context.Context, caseID int64) ([]CaseEvent, error) {
	var es []CaseEvent
	err := tx.keeping(ctx).SelectContext(ctx, &es, `
		SELECT id, case_id, at, kind, step, step_id, problem, note
		FROM case_events WHERE case_id = $1 ORDER BY id`, caseID)
	return es, wrap("read case events", err)
}

// OutcomeNote is the note of the case's "other" reason, kept on its
// outcome event ("" when none).
func (tx *Tx) OutcomeNote(ctx context.Context, caseID int64) (string, error) {
	return tx.lastEventColumn(ctx, caseID, "outcome", "note", "read the outcome's note")
}

// lastEventColumn reads column (a constant of the caller's) of the case's
// latest event of kind: "" when there is none, or it is NULL.
func (tx *Tx) lastEventColumn(ctx context.Context, caseID int64, kind, column, what string) (string, error) {
	var v sql.NullString
	err := tx.keeping(ctx).GetContext(ctx, &v, `
		SELECT `+column+` FROM case_events WHERE case_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1`, caseID, kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v.String, wrap(what, err)
}

// OpenCases returns a page of the volunteer's cases that are open or
// paused, the most recently touched first.
func (tx *Tx) OpenCases(ctx context.Context, volunteer int64, offset, limit int) ([]Case, error) {
	var cs []Case
	err := tx.keeping(ctx).SelectContext(ctx, &cs, `
		SELECT `+caseColumns+` FROM cases
		WHERE volunteer_id = $1 AND status IN ('open', 'paused')
		ORDER BY updated_at DESC, id DESC OFFSET $2 LIMIT $3`, volunteer, offset, limit)
	return cs, wrap("list open cases", err)
}

// CountOpenCases counts the volunteer's cases that are open or paused.
func (tx *Tx) CountOpenCases(ctx context.Context, volunteer int64) (int, error) {
	var n int
	err := tx.keeping(ctx).GetContext(ctx, &n, `SELECT count(*) FROM cases WHERE volunteer_id = $1 AND status IN ('open', 'paused')`, volunteer)
	return n, wrap("count open cases", err)
}

// CountCasesLeftUnfinished counts the volunteer's cases that stay open or
// paused when they leave them: all of them but one waiting only for its
// dossier code, which closes when it is left (its outcome is final).
func (tx *Tx) CountCasesLeftUnfinished(ctx context.Context, volunteer int64) (int, error) {
	var n int
	err := tx.keeping(ctx).GetContext(ctx, &n, `SELECT count(*) FROM cases WHERE volunteer_id = $1 AND status IN ('open', 'paused')
		AND NOT (status = 'open' AND phase = 'dossier')`, volunteer)
	return n, wrap("count cases left unfinished", err)
}

// CaseAwaitingCode returns the volunteer's newest case closed since since
// whose resident agreed to follow-up, whose dossier was submitted and
// which has no dossier code yet (nor had one its resident had deleted):
// where a code typed after the summary belongs. Never one a newer case
// of the volunteer closed after taking its code, or as the same dossier
// as another (a code typed then is not this older case's: case #8 was
// offered a stray code past #216 and #217, which kept theirs); and one
// that ended as the same dossier as another (SameDossier) only while it
// is the volunteer's last case closed (awaitingCode: its own code typed
// a minute later). ErrNotFound when there is none.
func (tx *Tx) CaseAwaitingCode(ctx context.Context, volunteer int64, since time.Time) (Case, error) {
	var c Case
	err := tx.db(ctx).GetContext(ctx, &c, `
		SELECT `+caseColumns+` FROM cases c `+awaitingCode+`
			AND NOT EXISTS (SELECT 1 FROM cases n WHERE n.volunteer_id = c.volunteer_id AND n.status = 'closed'
				AND (n.finished_at, n.id) > (c.finished_at, c.id)
				AND (c.same_dossier OR n.same_dossier OR EXISTS (SELECT 1 FROM followups f WHERE f.case_id = n.id)))
		ORDER BY finished_at DESC, id DESC LIMIT 1`, volunteer, since)
	return c, wrap("find a case awaiting its code", notFound(err))
}

// CasesAwaitingCode returns the ids of the volunteer's cases closed since
// since that CaseAwaitingCode would name, newest first, at most limit:
// every case a code typed too late may have been meant for — not one that
// ended as the same dossier as a case that keeps its code (SameDossier),
// which awaits none once its minutes to take one are past (cases.same_dossier).
func (tx *Tx) CasesAwaitingCode(ctx context.Context, volunteer int64, since time.Time, limit int) ([]int64, error) {
	var ids []int64
	err := tx.db(ctx).SelectContext(ctx, &ids, `
		SELECT c.id FROM cases c `+awaitingCode+`
			AND NOT c.same_dossier
		ORDER BY finished_at DESC, id DESC LIMIT $3`, volunteer, since, limit)
	return ids, wrap("list the cases awaiting their code", err)
}

// awaitingCode is the volunteer's ($1) cases closed since $2 that await a
// dossier code (CaseAwaitingCode). One that ended as the same dossier as a
// case that keeps its code (SameDossier) is among them, as one that ended
// with no code: the button may have been pressed by mistake, and its own
// code typed a minute later is still taken (CaseAwaitingCode: only while
// it is the volunteer's last case closed).
const awaitingCode = `
		WHERE volunteer_id = $1 AND status = 'closed' AND finished_at >= $2 AND followup_consent
			AND kind = 'dossier' AND outcome IN ('submitted', 'paid') AND NOT followup_forgotten
			AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.case_id = c.id)`

// SameDossier marks (as its problem) the outcome event of a case that
// ended at its code question as the same dossier as a case of the day
// that keeps the code (the same resident back for a supplement, or to pay
// the fee): submitted, with no code of its own and no second follow-up.
const SameDossier = "same_dossier"

// CaseWithOtherCode returns the volunteer's newest case closed since since
// that keeps a dossier code other than code, its follow-up still awaiting
// the result: where a code typed after the summary may correct a mistyped
// one. ErrNotFound when there is none.
func (tx *Tx) CaseWithOtherCode(ctx context.Context, volunteer int64, code string, since time.Time) (Case, error) {
	var c Case
	err := tx.db(ctx).GetContext(ctx, &c, `
		SELECT `+caseColumns+` FROM cases c
		WHERE volunteer_id = $1 AND status = 'closed' AND finished_at >= $3
			AND EXISTS (SELECT 1 FROM followups f WHERE f.case_id = c.id AND f.dossier_code <> $2 AND f.status = 'waiting')
		ORDER BY finished_at DESC, id DESC LIMIT 1`, volunteer, code, since)
	return c, wrap("find a case keeping another code", notFound(err))
}

// PausedAtStep is the id of the step the case's last pause was at ("" when
// none was recorded): where a paused case stands, whatever its guide's
// numbering has become since.
func (tx *Tx) PausedAtStep(ctx context.Context, caseID int64) (string, error) {
	return tx.lastEventColumn(ctx, caseID, "pause", "step_id", "read where the case paused")
}

// PausedOnFlag marks (as its problem) a pause event of a case left on its
// step's ⚑ question (what differs on the portal), PausedOnProblems one
// left on the step's list of problems (⚠, none picked yet), PausedOnNote
// one left on the question of a problem in words ("✎ Something else"),
// PausedOnFlagNote one left on the question of what else differs (⚑
// "other"); a pause left on a fix keeps that error's id there.
// PausedOnReasonNote marks one of a case left, past its steps, on the
// other reason's note ("Lý do khác", then its words; review 34A).
// PausedOnEnd, followed by the end's reason ("⏹not_eligible"), marks one of
// a case left at its checklist on the question whether to end it so ("✕
// Không đủ điều kiện" or "✓ Không cần làm thủ tục", asked once). None is a
// problem met: tallies read the problem of problem events only. Nothing
// typed at a question is kept by leaving it: only which question it was.
const (
	PausedOnFlag       = "⚑"
	PausedOnProblems   = "⚠"
	PausedOnNote       = "✎"
	PausedOnFlagNote   = "⚑✎"
	PausedOnReasonNote = "✕✎"
	PausedOnEnd        = "⏹"
)

// PausedOn is what the case's last pause was left on at its step, beyond
// the step itself ("" for the bare step, or none): the id of the error
// whose fix was shown, or one of PausedOnFlag, PausedOnProblems,
// PausedOnNote, PausedOnFlagNote; past its steps PausedOnReasonNote, at its
// checklist PausedOnEnd and the end's reason. /resume draws that screen
// again.
func (tx *Tx) PausedOn(ctx context.Context, caseID int64) (string, error) {
	return tx.lastEventColumn(ctx, caseID, "pause", "problem", "read what the case paused on")
}

// EndedOn is what the case was left on at its step stepID when it was
// ended from there (⏹ on the pause message, then ← back to that step): its
// last pause's PausedOn, while that pause was at stepID and nothing has
// moved the case at its steps since (its resume only: the End took it up,
// and the questions asked after End record no step); "" otherwise.
func (tx *Tx) EndedOn(ctx context.Context, caseID int64, stepID string) (string, error) {
	var last struct {
		Kind    string         `db:"kind"`
		StepID  sql.NullString `db:"step_id"`
		Problem sql.NullString `db:"problem"`
	}
	err := tx.keeping(ctx).GetContext(ctx, &last, `
		SELECT kind, step_id, problem FROM case_events
		WHERE case_id = $1 AND step_id IS NOT NULL AND kind <> 'resume' ORDER BY id DESC LIMIT 1`, caseID)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (last.Kind != "pause" || last.StepID.String != stepID)) {
		return "", nil
	}
	return last.Problem.String, wrap("read what the case was ended on", err)
}

// LastMoment is the time of the case's latest event (by order), or of its
// start when it has none: a moment recorded with it splits no stretch of
// the case's active time (case_stats counts a stretch between two moments
// up to ActiveGap).
func (tx *Tx) LastMoment(ctx context.Context, caseID int64) (time.Time, error) {
	var at time.Time
	err := tx.keeping(ctx).GetContext(ctx, &at, `
		SELECT coalesce((SELECT at FROM case_events WHERE case_id = $1 ORDER BY id DESC LIMIT 1),
			(SELECT started_at FROM cases WHERE id = $1))`, caseID)
	return at, wrap("read the case's last moment", err)
}

// CaseWithNote returns the id of the volunteer's case that kept note since
// since — a problem's note or the other reason's — if any (0): a note sent
// again (a phone that dropped as it was sent), not to be read twice. A
// case's events are written with it (SaveCase): only cases updated since
// since are looked into, not every case the volunteer ever had.
func (tx *Tx) CaseWithNote(ctx context.Context, volunteer int64, note string, since time.Time) (int64, error) {
	var id int64
	err := tx.keeping(ctx).GetContext(ctx, &id, `
		SELECT e.case_id FROM case_events e JOIN cases c ON c.id = e.case_id
		WHERE c.volunteer_id = $1 AND c.updated_at >= $3 AND e.note = $2 AND e.at >= $3 AND e.kind IN ('problem', 'outcome')
		ORDER BY e.id DESC LIMIT 1`, volunteer, note, since)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, wrap("find a case keeping a note", err)
}

// CaseWithCode returns the id of the volunteer's case closed since since
// that keeps code as its dossier code, if any (0): a code sent again.
func (tx *Tx) CaseWithCode(ctx context.Context, volunteer int64, code string, since time.Time) (int64, error) {
	var id int64
	err := tx.keeping(ctx).GetContext(ctx, &id, `
		SELECT c.id FROM followups f JOIN cases c ON c.id = f.case_id
		WHERE f.dossier_code = $2 AND c.volunteer_id = $1 AND c.finished_at >= $3
		ORDER BY c.finished_at DESC LIMIT 1`, volunteer, code, since)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, wrap("find a case keeping a code", err)
}

// FrequentGuides returns the guides of the volunteer's latest cases since
// since, most used first (then most recent), and after them those of the
// latest cases of the volunteer's commune by others: what the wizard
// offers first; and, in the same statement, how many of the volunteer's
// cases are open or paused (CountOpenCases), which the procedure list says
// under them. Each side counts at most sample cases, the latest: a busy
// commune starts thousands of cases in 90 days, and counting them all made
// every /new there read as many rows.
func (tx *Tx) FrequentGuides(ctx context.Context, volunteer int64, commune sql.NullString, since time.Time, sample, limit int) (ids []string, open int, err error) {
	var row struct {
		IDs  pq.StringArray `db:"ids"`
		Open int            `db:"open"`
	}
	err = tx.keeping(ctx).GetContext(ctx, &row, `
		SELECT ARRAY(SELECT guide_id FROM (
			SELECT guide_id,
				count(*) FILTER (WHERE mine) AS mine,
				max(started_at) FILTER (WHERE mine) AS last_mine,
				count(*) AS all_uses
			FROM (
				(SELECT guide_id, started_at, true AS mine FROM cases
				WHERE volunteer_id = $1 AND started_at >= $3 AND status <> 'discarded'
				ORDER BY started_at DESC LIMIT $4)
				UNION ALL
				(SELECT guide_id, started_at, false FROM cases
				WHERE $2::text IS NOT NULL AND commune_code = $2 AND volunteer_id <> $1
					AND started_at >= $3 AND status <> 'discarded'
				ORDER BY started_at DESC LIMIT $4)
			) used
			GROUP BY guide_id
		) g
		ORDER BY mine DESC, last_mine DESC NULLS LAST, all_uses DESC, guide_id
		LIMIT $5) AS ids,
			(SELECT count(*) FROM cases WHERE volunteer_id = $1 AND status IN ('open', 'paused')) AS open`,
		volunteer, commune, since, sample, limit)
	return row.IDs, row.Open, wrap("frequent guides", err)
}

// ActiveGap is the most a stretch of a case between two of its moments
// (its start, its events, its close) counts toward its active time: no
// step of a guide keeps a volunteer that long without a tap, so a longer
// one is time away (lunch, the night) the case was not paused for. The
// database's case_stats (migrations/00019_active_time.sql) counts the same
// 1800 seconds; a stretch after a pause counts nothing.
const ActiveGap = 30 * time.Minute

// ClosedCounts is what a closed case's row keeps of its events (the
// cases_closed trigger): what its summary says and the tallies count.
type ClosedCounts struct {
	StepsDone     int `db:"steps_done"`
	StepsSkipped  int `db:"steps_skipped"`
	Problems      int `db:"problems"`
	ActiveSeconds int `db:"active_seconds"`
}

// ClosedCounts reads the counts kept on a closed case (zero before it
// closed).
func (tx *Tx) ClosedCounts(ctx context.Context, caseID int64) (ClosedCounts, error) {
	var n ClosedCounts
	err := tx.keeping(ctx).GetContext(ctx, &n, `
		SELECT coalesce(steps_done, 0) AS steps_done, coalesce(steps_skipped, 0) AS steps_skipped,
			coalesce(problems, 0) AS problems, coalesce(active_seconds, 0) AS active_seconds
		FROM cases WHERE id = $1`, caseID)
	return n, wrap("read a closed case's counts", notFound(err))
}

// Live says whether the case can still be worked on: open or paused.
func (c Case) Live() bool { return c.Status == CaseOpen || c.Status == CasePaused }
