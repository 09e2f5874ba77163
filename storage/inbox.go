package storage

import (
	"context"
	"errors"
	"fmt"
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

// SaveUpdates stores updates that are not in the inbox yet and returns those
// it stored; an update_id seen before is ignored. Only after this returns may
// Telegram be told the updates arrived.
func (s *Storage) SaveUpdates(ctx context.Context, ups []InboxUpdate) ([]InboxUpdate, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	ids := make([]int64, len(ups))
	chats := make([]int64, len(ups))
	payloads := make(pq.ByteaArray, len(ups))
	for i, u := range ups {
		ids[i], chats[i], payloads[i] = u.ID, u.ChatID, u.Payload
	}
	var stored []int64
	err := s.db.SelectContext(ctx, &stored, `
		INSERT INTO updates (update_id, chat_id, payload)
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[])
		ON CONFLICT (update_id) DO NOTHING
		RETURNING update_id`, pq.Array(ids), pq.Array(chats), payloads)
	if err != nil {
		return nil, fmt.Errorf("save updates: %w", err)
	}
	isNew := make(map[int64]bool, len(stored))
	for _, id := range stored {
		isNew[id] = true
	}
	var out []InboxUpdate
	for _, u := range ups {
		if isNew[u.ID] {
			out = append(out, u)
			delete(isNew, u.ID) // the same id twice in one batch
		}
	}
	return out, nil
}

// PendingUpdates returns the updates stored but not yet handled, in order.
func (s *Storage) PendingUpdates(ctx context.Context) ([]InboxUpdate, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var ups []InboxUpdate
	err := s.db.SelectContext(ctx, &ups, `
		SELECT update_id, chat_id, payload FROM updates
		WHERE status = 'pending' ORDER BY update_id`)
	return ups, err
}

// StartAttempt counts one more attempt at handling an update and returns the
// count. It commits on its own, before the handler runs, so an update that
// crashes the whole process is still counted and parked in the end.
func (s *Storage) StartAttempt(ctx context.Context, id int64) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var n int
	err := s.db.GetContext(ctx, &n, `
		UPDATE updates SET attempts = attempts + 1
		WHERE update_id = $1 AND status = 'pending' RETURNING attempts`, id)
	if err := notFound(err); errors.Is(err, ErrNotFound) {
		return 0, ErrAlreadyHandled
	} else if err != nil {
		return 0, err
	}
	return n, nil
}

// HandleUpdate runs fn in a transaction that also marks the update done, so
// that an update's effects and its being handled commit together. Replicas
// take turns per chat through an advisory lock held until the end of the
// transaction.
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
// its payload and the error, for someone to look at.
func (s *Storage) ParkUpdate(ctx context.Context, id int64, cause string) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `
		UPDATE updates SET status = 'failed', last_error = $2, finished_at = now()
		WHERE update_id = $1 AND status = 'pending'`, id, cause)
	return err
}

// NoteError records why the latest attempt failed, for the logs and the
// person who looks at a parked update later.
func (s *Storage) NoteError(ctx context.Context, id int64, cause string) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `UPDATE updates SET last_error = $2 WHERE update_id = $1`, id, cause)
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
