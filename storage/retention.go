package storage

import (
	"context"
	"time"
)

// How long what is kept only for a while is kept (docs/privacy.md; the
// runtime keeps its own inbox and outbox: bot.ApplyRetention).
const (
	// EventNoteDays: a volunteer's note on a problem, a reason or a flag is
	// cleared after this; the case, its events and the flag stay, anonymous.
	EventNoteDays = 180
	// GuestSilenceDays: a guest (who never joined a team) is forgotten after
	// this long without writing.
	GuestSilenceDays = 30
)

// Retained counts what one ApplyRetention removed.
type Retained struct {
	EventNotes, FlagNotes, Guests int64
}

// ApplyRetention removes, as of now, what is kept only for a while. It is
// idempotent and safe to run on several replicas at once.
func (s *Storage) ApplyRetention(ctx context.Context, now time.Time) (Retained, error) {
	var r Retained
	steps := []struct {
		what  string
		count *int64
		query string
		arg   time.Time
	}{
		{"clear old event notes", &r.EventNotes,
			`UPDATE case_events SET note = NULL WHERE note IS NOT NULL AND at < $1`, now.AddDate(0, 0, -EventNoteDays)},
		{"clear old flag notes", &r.FlagNotes,
			`UPDATE guide_flags SET note = NULL WHERE note IS NOT NULL AND created_at < $1`, now.AddDate(0, 0, -EventNoteDays)},
		// A guest row a case refers to is an administrator's (docs/privacy.md).
		{"forget silent guests", &r.Guests,
			`DELETE FROM users u WHERE role = 'guest' AND updated_at < $1
				AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.volunteer_id = u.telegram_id)`, now.AddDate(0, 0, -GuestSilenceDays)},
	}
	for _, st := range steps {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		res, err := s.db.ExecContext(ctx, st.query, st.arg)
		cancel()
		if err != nil {
			return r, wrap(st.what, err)
		}
		*st.count, _ = res.RowsAffected()
	}
	return r, nil
}
