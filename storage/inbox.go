package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"
)

// InboxUpdate is a Telegram update as the inbox keeps it until it is handled.
type InboxUpdate struct {
	ID      int64  `db:"update_id"`
	ChatID  int64  `db:"chat_id"`
	Payload []byte `db:"payload"`
}

// ErrAlreadyHandled is returned by HandleUpdate when the update was handled
// or parked before: a re-delivery, or a replay racing a live delivery.
var ErrAlreadyHandled = errors.New("update already handled")

// SaveUpdates stores updates that are not in the inbox yet. It returns the
// ones still to handle: those it stored, and re-deliveries of updates still
// pending (their first storing may have committed while its caller saw an
// error, so nobody queued them), with the chat recorded in the inbox. A
// re-delivery of a handled update is ignored. It never waits for a handler
// working on one of the updates. Only after it returns may Telegram be told
// the updates arrived.
func (s *Storage) SaveUpdates(ctx context.Context, ups []InboxUpdate) ([]InboxUpdate, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	// One statement may not touch a row twice: keep the first copy of an id.
	byID := make(map[int64]InboxUpdate, len(ups))
	var ids, chats []int64
	var payloads pq.ByteaArray
	for _, u := range ups {
		if _, dup := byID[u.ID]; !dup {
			byID[u.ID] = u
			ids, chats, payloads = append(ids, u.ID), append(chats, u.ChatID), append(payloads, u.Payload)
		}
	}
	// The second SELECT reads the rows that were there before this
	// statement (the CTE's inserts are not visible to it) without waiting
	// for row locks, unlike ON CONFLICT DO UPDATE.
	var rows []struct {
		ID     int64 `db:"update_id"`
		ChatID int64 `db:"chat_id"`
	}
	err := s.db.SelectContext(ctx, &rows, `
		WITH stored AS (
			INSERT INTO updates (update_id, chat_id, payload)
			SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[])
			ON CONFLICT (update_id) DO NOTHING
			RETURNING update_id, chat_id)
		SELECT update_id, chat_id FROM stored
		UNION ALL
		SELECT update_id, chat_id FROM updates
		WHERE update_id = ANY ($1) AND status = 'pending'`, pq.Array(ids), pq.Array(chats), payloads)
	if err != nil {
		return nil, fmt.Errorf("save updates: %w", err)
	}
	todo := make(map[int64]int64, len(rows))
	for _, r := range rows {
		todo[r.ID] = r.ChatID
	}
	var out []InboxUpdate
	for _, id := range ids {
		if chat, ok := todo[id]; ok {
			u := byID[id]
			u.ChatID = chat
			out = append(out, u)
		}
	}
	return out, nil
}

// PendingUpdates returns the updates stored at least age ago but not yet
// handled, in order.
func (s *Storage) PendingUpdates(ctx context.Context, age time.Duration) ([]InboxUpdate, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var ups []InboxUpdate
	err := s.db.SelectContext(ctx, &ups, `
		SELECT update_id, chat_id, payload FROM updates
		WHERE status = 'pending' AND received_at <= now() - make_interval(secs => $1)
		ORDER BY update_id`, age.Seconds())
	return ups, err
}

// ErrNothingPending is returned by NextAttempt when the chat has no pending
// update up to the given one: another job or replica handled them.
var ErrNothingPending = errors.New("nothing pending")

// UndoStart takes back the start NextAttempt counted, when the attempt
// failed only because the database went away.
func (s *Storage) UndoStart(ctx context.Context, id int64) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `UPDATE updates SET attempts = attempts - 1 WHERE update_id = $1 AND attempts > 0`, id)
	return err
}

// ErrNotNext is returned by HandleUpdate when an earlier update of the same
// chat is still pending: it must go first.
var ErrNotNext = errors.New("an earlier update of this chat is pending")

// NextAttempt picks the chat's earliest pending update with an id up to
// upTo, counts one more attempt at it and returns it with the count. Always
// taking the earliest keeps a chat's order even when its updates reached
// different replicas. The count commits on its own, before the handler runs,
// so an update that crashes the whole process is still counted.
func (s *Storage) NextAttempt(ctx context.Context, chatID, upTo int64) (InboxUpdate, int, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var row struct {
		InboxUpdate
		Attempts int `db:"attempts"`
	}
	err := s.db.GetContext(ctx, &row, `
		UPDATE updates SET attempts = attempts + 1
		WHERE status = 'pending' AND update_id = (
			-- FOR UPDATE: if another replica holds the earliest row and
			-- handles it meanwhile, the lock skips it for the next one
			-- instead of returning nothing.
			SELECT update_id FROM updates
			WHERE chat_id = $1 AND status = 'pending' AND update_id <= $2
			ORDER BY update_id LIMIT 1 FOR UPDATE)
		RETURNING update_id, chat_id, payload, attempts`, chatID, upTo)
	if errors.Is(err, sql.ErrNoRows) {
		return InboxUpdate{}, 0, ErrNothingPending
	}
	return row.InboxUpdate, row.Attempts, err
}

// HandleUpdate runs fn in a transaction that also marks the update done, so
// that an update's effects and its being handled commit together. Replicas
// take turns per chat through an advisory lock held until the end of the
// transaction. It returns ErrAlreadyHandled when the update is no longer
// pending, and ErrNotNext when an earlier one of the chat is.
func (s *Storage) HandleUpdate(ctx context.Context, u InboxUpdate, fn func(tx *Tx) error) error {
	return s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, u.ChatID); err != nil {
			return err
		}
		var status string
		err := tx.tx.GetContext(ctx, &status, `SELECT status FROM updates WHERE update_id = $1 FOR UPDATE`, u.ID)
		if err != nil {
			return fmt.Errorf("inbox: %w", notFound(err))
		}
		if status != "pending" {
			return ErrAlreadyHandled
		}
		var earlier bool
		err = tx.tx.GetContext(ctx, &earlier, `
			SELECT EXISTS (SELECT 1 FROM updates WHERE chat_id = $1 AND status = 'pending' AND update_id < $2)`,
			u.ChatID, u.ID)
		if err != nil {
			return err
		}
		if earlier {
			return ErrNotNext
		}
		if err := fn(tx); err != nil {
			return err
		}
		_, err = tx.tx.ExecContext(ctx, `
			UPDATE updates SET status = 'done', payload = NULL, last_error = NULL, finished_at = now()
			WHERE update_id = $1`, u.ID)
		return err
	})
}

// ParkUpdate gives up on an update: it stays in the inbox as failed, with
// its payload and the error, for someone to look at. It reports false when
// the update was no longer pending (another replica handled it meanwhile).
func (s *Storage) ParkUpdate(ctx context.Context, id int64, cause string) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	res, err := s.db.ExecContext(ctx, `
		UPDATE updates SET status = 'failed', last_error = $2, finished_at = now()
		WHERE update_id = $1 AND status = 'pending'`, id, strings.ToValidUTF8(strings.ReplaceAll(cause, "\x00", ""), "?"))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// NoteError records why the latest attempt failed, for the logs and the
// person who looks at a parked update later.
func (s *Storage) NoteError(ctx context.Context, id int64, cause string) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `UPDATE updates SET last_error = $2 WHERE update_id = $1`,
		id, strings.ToValidUTF8(strings.ReplaceAll(cause, "\x00", ""), "?"))
	return err
}

// UpdateStatus returns an update's status and attempts (tests and tools).
func (s *Storage) UpdateStatus(ctx context.Context, id int64) (status string, attempts int, err error) {
	row := s.db.QueryRowxContext(ctx, `SELECT status, attempts FROM updates WHERE update_id = $1`, id)
	err = notFound(row.Scan(&status, &attempts))
	return status, attempts, err
}

// PurgeHandled deletes handled updates older than the cut-off; their ids are
// only needed while Telegram might still re-deliver them (24 hours).
func (s *Storage) PurgeHandled(ctx context.Context, before time.Time) (int64, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	res, err := s.db.ExecContext(ctx, `DELETE FROM updates WHERE status = 'done' AND finished_at < $1`, before)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// LastUpdateID is the highest update_id in the inbox, 0 if it is empty. The
// demo starts its fake Telegram past it when it reuses a database.
func (s *Storage) LastUpdateID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT coalesce(max(update_id), 0) FROM updates`)
	return id, err
}
