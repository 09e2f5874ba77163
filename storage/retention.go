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
	// FollowupDays: a follow-up (the resident's chat id, the dossier code,
	// the comment) is deleted this long after it ended, or after its due
	// date passed unanswered (after it was made, when it has no date),
	// unless SetFollowupRetention says otherwise; the case keeps its rating
	// and result.
	FollowupDays = 90
	// ForgottenPressDays: the message a follow-up was erased from by a
	// press of /forget's question (cases.followup_forgotten_on) is cleared
	// this long after: a second tap of that button comes seconds after the
	// first, or, the bot down, when Telegram delivers it — a day at most.
	ForgottenPressDays = 2
)

// SetFollowupRetention sets how many days follow-ups are kept after they
// end or fall due (FOLLOWUP_RETENTION_DAYS); 0 or less keeps the default.
func (s *Storage) SetFollowupRetention(days int) { s.followupDays = days }

// FollowupRetention is how many days follow-ups are kept after they end
// or fall due: what the consent read to a resident promises.
func (s *Storage) FollowupRetention() int {
	if s.followupDays > 0 {
		return s.followupDays
	}
	return FollowupDays
}

// Retained counts what one ApplyRetention removed.
type Retained struct {
	EventNotes, FlagNotes, Guests, Followups, Conversations int64
	// Flows: the flows left untouched that were ended (members' rows).
	Flows int64
	// ForgottenPresses: the messages follow-ups were erased from, cleared
	// from their cases.
	ForgottenPresses int64
	// Removals: the teams members were removed from, forgotten once no
	// link made before the removal could still be used.
	Removals int64
	// InviteUses: who joined by which link, forgotten once the link
	// expired.
	InviteUses int64
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
		// A resident's (their language, chosen with /lang) stays while a
		// follow-up keeps their chat: pressing its buttons for weeks is not
		// "writing", and the bot must not fall back to Vietnamese on them.
		{"forget silent guests", &r.Guests,
			`DELETE FROM users u WHERE role = 'guest' AND updated_at < $1
				AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.volunteer_id = u.telegram_id)
				AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.resident_chat = u.telegram_id)`, now.AddDate(0, 0, -GuestSilenceDays)},
		// A team someone was removed from keeps them out only of its
		// links made before the removal (RemovedSince): once no link made
		// before can still be used, the removal's row is deleted.
		// users.removed_at, which /start tells them of, stays until they
		// join a team or leave it.
		{"forget removals no link predates", &r.Removals,
			`DELETE FROM removals r
				WHERE NOT EXISTS (SELECT 1 FROM invites i WHERE i.created_at < r.removed_at AND i.expires_at > $1)`, now},
		// Who joined by a link matters only while it can be opened again:
		// not once it expired, nor once it was revoked (revoking forgets
		// them at once; these are of links revoked before it did).
		{"forget who joined by expired or revoked links", &r.InviteUses,
			`DELETE FROM invite_uses u USING invites i WHERE i.code = u.code
				AND (i.expires_at <= $1 OR i.revoked_at IS NOT NULL)`, now},
		// The conversation row of a chat nobody keeps any more (a resident
		// whose follow-ups are gone, a forgotten guest): its chat id, and the
		// case a comment question named, go after the same silence as a
		// guest's. A member's row stays (its version keeps old buttons stale).
		{"forget conversations of people not kept", &r.Conversations,
			`DELETE FROM conversations c WHERE updated_at < $1
				AND NOT EXISTS (SELECT 1 FROM users u WHERE u.telegram_id = c.chat_id)
				AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.resident_chat = c.chat_id)`, now.AddDate(0, 0, -GuestSilenceDays)},
		// A flow left untouched as long ends, as EndConversation would: its
		// state may hold what was meant to last minutes (a dossier code
		// typed after its case closed, never attached nor dropped). The
		// row stays, its version moved on: the screen's buttons are stale,
		// and a paused case it showed waits in /resume. Not while the chat's
		// volunteer has a case open: turning to something else when they
		// come back closes or pauses the case the flow shows, which an
		// ended flow would leave open for good. After the step above, which
		// goes by the same updated_at.
		{"end flows left untouched", &r.Flows,
			`UPDATE conversations c SET flow = '', step = '', data = '{}', version = version + 1, updated_at = now()
				WHERE updated_at < $1 AND (flow <> '' OR step <> '' OR data <> '{}')
				AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.volunteer_id = c.chat_id AND k.status = 'open')`, now.AddDate(0, 0, -GuestSilenceDays)},
	}
	// Old follow-ups go with the replies about them the bot still holds
	// (WhenForgotten: a slip Telegram refused, kept 14 days as dropped,
	// outlives a follow-up kept fewer days after it fell due). Old: ended,
	// or still waiting past its due date (no answer came) and past the next
	// reminder planned after a "not yet" (the first question, planned for
	// the day after the due date, adds nothing), or with no date at all:
	// counted from when it was made.
	if err := s.InTx(ctx, func(tx *Tx) error {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		var cases []int64
		err := tx.db(ctx).SelectContext(ctx, &cases, `DELETE FROM followups WHERE CASE
				WHEN ended_at IS NOT NULL THEN ended_at < $1
				WHEN due_on IS NOT NULL THEN greatest(due_on, CASE WHEN reminders_sent > 0 THEN next_reminder_on END)
					< ($1 AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
				ELSE created_at < $1 END
			RETURNING case_id`, now.AddDate(0, 0, -s.FollowupRetention()))
		if err != nil {
			return wrap("delete old follow-ups", err)
		}
		r.Followups = int64(len(cases))
		if len(cases) > 0 && s.forgotten != nil {
			return s.forgotten(ctx, tx, cases, 0, nil)
		}
		return nil
	}); err != nil {
		return r, err
	}
	// The /forget question a follow-up was erased from: needed only while
	// a second tap of its button may still come. One with no time was
	// noted before migration 00038 (or by the version before it): cleared
	// now. Nothing a tally counts changes: no rollup upkeep.
	if err := s.InTx(ctx, func(tx *Tx) error {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		if _, err := tx.db(ctx).ExecContext(ctx, `SELECT set_config('dvcbot.tally_rollups', 'off', true)`); err != nil {
			return wrap("clear the questions follow-ups were erased from", err)
		}
		res, err := tx.db(ctx).ExecContext(ctx, `UPDATE cases SET followup_forgotten_on = NULL, followup_forgotten_at = NULL
			WHERE followup_forgotten_on IS NOT NULL AND (followup_forgotten_at IS NULL OR followup_forgotten_at < $1)`,
			now.AddDate(0, 0, -ForgottenPressDays))
		if err != nil {
			return wrap("clear the questions follow-ups were erased from", err)
		}
		r.ForgottenPresses, _ = res.RowsAffected()
		return nil
	}); err != nil {
		return r, err
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
