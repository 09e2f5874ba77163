package storage

import (
	"context"
	"database/sql"
	"time"

	"github.com/lib/pq"
)

// What a volunteer can say differs between a step of a guide and the portal.
var FlagKinds = []string{"button", "missing", "order", "error", "other"}

// Flag is one step a volunteer found different on the portal.
type Flag struct {
	GuideID      string         `db:"guide_id"`
	GuideChecked time.Time      `db:"guide_checked"`
	StepID       string         `db:"step_id"`
	Step         int            `db:"step"`
	CommuneCode  sql.NullString `db:"commune_code"`
	What         string         `db:"what"`
	Note         sql.NullString `db:"note"`
	CreatedAt    time.Time      `db:"created_at"`
}

// FlagRepeat is how long a flag without a note stands for the same one
// made again: the same step of the same guide, in the same commune, the
// same kind of difference, none of them resolved. A volunteer who flagged
// a step, went on, and flagged it again in the same case (two taps of ⚑,
// a step gone back to) counted twice in /flags; a flag names no case, so
// the time and the commune are what tell one case's flags apart. A note
// always makes a flag of its own: its words are what the admin reads.
const FlagRepeat = 30 * time.Minute

// AddFlag records a flag, unless it repeats an open one (FlagRepeat).
func (tx *Tx) AddFlag(ctx context.Context, f Flag) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		INSERT INTO guide_flags (guide_id, guide_checked, step_id, step, commune_code, what, note, created_at)
		SELECT $1, $2, $3, $4, $5, $6, $7, $8
		WHERE $7::text IS NOT NULL OR NOT EXISTS (SELECT 1 FROM guide_flags g
			WHERE g.guide_id = $1 AND g.step_id = $3 AND g.resolved_at IS NULL AND g.commune_code IS NOT DISTINCT FROM $5
				AND g.what = $6 AND g.note IS NULL AND g.created_at > $8::timestamptz - $9 * interval '1 second')`,
		f.GuideID, f.GuideChecked, f.StepID, f.Step, f.CommuneCode, f.What, f.Note, f.CreatedAt, FlagRepeat.Seconds())
	return wrap("add flag", err)
}

// FlagGroup is the open flags of one step of one guide.
type FlagGroup struct {
	GuideID  string         `db:"guide_id"`
	StepID   string         `db:"step_id"`
	Step     int            `db:"step"` // as last flagged
	Count    int            `db:"count"`
	Kinds    pq.StringArray `db:"kinds"` // one per flag, newest first
	Notes    pq.StringArray `db:"notes"` // the newest notes, at most three
	Latest   time.Time      `db:"latest"`
	Versions pq.StringArray `db:"versions"` // the guides' checked_on dates flagged, newest first
	Newest   int64          `db:"newest"`   // the id of the newest flag shown: "done" marks it and those before
}

// OpenFlags groups the flags not yet resolved by guide and step, the step
// flagged most recently first.
func (tx *Tx) OpenFlags(ctx context.Context, limit int) ([]FlagGroup, error) {
	var gs []FlagGroup
	err := tx.db(ctx).SelectContext(ctx, &gs, `
		SELECT guide_id, step_id, (array_agg(step ORDER BY created_at DESC))[1] AS step, count(*) AS count,
			array_agg(what ORDER BY created_at DESC) AS kinds,
			coalesce((array_agg(note ORDER BY created_at DESC) FILTER (WHERE note IS NOT NULL))[1:3], '{}') AS notes,
			max(created_at) AS latest,
			array_agg(DISTINCT guide_checked::text) AS versions, max(id) AS newest
		FROM guide_flags WHERE resolved_at IS NULL
		GROUP BY guide_id, step_id
		ORDER BY latest DESC LIMIT $1`, limit)
	return gs, wrap("list open flags", err)
}

// OpenFlagCounts counts the open flags of each guide.
func (tx *Tx) OpenFlagCounts(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		GuideID string `db:"guide_id"`
		Count   int    `db:"count"`
	}
	err := tx.db(ctx).SelectContext(ctx, &rows, `SELECT guide_id, count(*) AS count FROM guide_flags WHERE resolved_at IS NULL GROUP BY guide_id`)
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.GuideID] = r.Count
	}
	return out, wrap("count open flags", err)
}

// ResolveFlags marks the open flags of a step done (the guide was changed)
// up to the flag upTo — those the admin saw; a flag made since stays open
// (0: all) — and returns how many it marked.
func (tx *Tx) ResolveFlags(ctx context.Context, guide, step string, upTo int64, at time.Time) (int, error) {
	res, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE guide_flags SET resolved_at = $3
		WHERE guide_id = $1 AND step_id = $2 AND resolved_at IS NULL AND ($4 = 0 OR id <= $4)`, guide, step, at, upTo)
	if err != nil {
		return 0, wrap("resolve flags", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
