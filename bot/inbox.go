package bot

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/lib/pq"
)

// InboxUpdate is a Telegram update as the inbox keeps it until it is handled.
type InboxUpdate struct {
	ID      int64  `db:"update_id"`
	ChatID  int64  `db:"chat_id"`
	Payload []byte `db:"payload"`
	// Fresh: stored just now by this process, never started. Its first
	// attempt goes straight to HandleUpdate: an attempt is counted (to park
	// an update that kills the process every time) only from the second.
	Fresh bool `db:"-"`
	// decoded is the update as Accept read it, so its job need not decode
	// it again (nil for updates read back from the inbox).
	decoded *models.Update
	// alone: a batch gave it back (chats): its next job is its own.
	alone bool
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
func (s *Store) SaveUpdates(ctx context.Context, ups []InboxUpdate) ([]InboxUpdate, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	// One statement may not touch a row twice: keep the first copy of an id.
	byID := make(map[int64]InboxUpdate, len(ups))
	var ids, chats []int64
	var payloads [][]byte
	for _, u := range ups {
		if _, dup := byID[u.ID]; !dup {
			byID[u.ID] = u
			ids, chats, payloads = append(ids, u.ID), append(chats, u.ChatID), append(payloads, u.Payload)
		}
	}
	p := pack(payloads)
	// The second SELECT reads the rows that were there before this
	// statement (the CTE's inserts are not visible to it) without waiting
	// for row locks, unlike ON CONFLICT DO UPDATE; it looks each id up in
	// the primary key (a WHERE update_id = ANY was planned as a walk of
	// updates_pending_chat, dead entries and all: 300 buffers a batch).
	var rows []struct {
		ID     int64 `db:"update_id"`
		ChatID int64 `db:"chat_id"`
		Fresh  bool  `db:"fresh"`
	}
	err := s.db.SelectContext(ctx, &rows, `
		WITH stored AS (
			INSERT INTO updates (update_id, chat_id, payload)
			SELECT u.id, u.chat, `+substringOf("$3", "u")+`
			FROM unnest($1::bigint[], $2::bigint[], $4::int[], $5::int[]) AS u (id, chat, start, len)
			ON CONFLICT (update_id) DO NOTHING
			RETURNING update_id, chat_id)
		SELECT update_id, chat_id, true AS fresh FROM stored
		UNION ALL
		SELECT u.update_id, u.chat_id, false FROM unnest($1::bigint[]) AS a (id)
			JOIN updates u ON u.update_id = a.id
		WHERE u.status = 'pending'`, pq.Array(ids), pq.Array(chats), p.all, pq.Array(p.starts), pq.Array(p.lens))
	if err != nil {
		return nil, fmt.Errorf("save updates: %w", err)
	}
	todo := make(map[int64]int, len(rows))
	for i, r := range rows {
		todo[r.ID] = i
	}
	var out []InboxUpdate
	for _, id := range ids {
		if i, ok := todo[id]; ok {
			u := byID[id]
			u.ChatID, u.Fresh = rows[i].ChatID, rows[i].Fresh
			out = append(out, u)
		}
	}
	return out, nil
}

// PendingUpdates returns the updates stored at least age ago but not yet
// handled, in order.
func (s *Store) PendingUpdates(ctx context.Context, age time.Duration) ([]InboxUpdate, error) {
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
func (s *Store) UndoStart(ctx context.Context, id int64) error {
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
func (s *Store) NextAttempt(ctx context.Context, chatID, upTo int64) (InboxUpdate, int, error) {
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

// HandleUpdate runs fn in a transaction that also marks the update done and
// writes fn's replies to the outbox, so that an update's effects, its being
// handled and what the bot says about it commit together. Replicas take
// turns per chat through an advisory lock held until the end of the
// transaction. It returns the outbox rows in order, each with the chat whose
// line it waits in (lineOf: a reply to another chat is that chat's), and
// whether this process may send the update's own chat's now: not when an
// earlier reply of the chat is still to be sent, here or elsewhere (then a
// drain sends them in order: see ClaimReplies); delivered are the chat's
// replies this process sent and has not deleted yet, which do not count. It returns ErrAlreadyHandled when the update is no longer
// pending, and ErrNotNext when an earlier one of the chat is.
func (s *Store) HandleUpdate(ctx context.Context, u InboxUpdate, delivered []int64, fn func(tx *sqlx.Tx) ([]Reply, error)) (out []OutboxRow, mine bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		// One statement, evaluated left to right: the chat's lock first,
		// then the update's row lock and whether an earlier one is pending
		// — as of the statement's start: one committed elsewhere while
		// this waited for the lock still counts, and the job looks again
		// (ErrNotNext), at the price of one counted start.
		var head struct {
			Lock    string         `db:"lock"`
			Status  sql.NullString `db:"status"`
			Earlier bool           `db:"earlier"`
		}
		err := tx.GetContext(ctx, &head, `
			SELECT pg_advisory_xact_lock($1)::text AS lock,
				(SELECT status FROM updates WHERE update_id = $2 FOR UPDATE) AS status,
				EXISTS (SELECT 1 FROM updates WHERE chat_id = $1 AND status = 'pending' AND update_id < $2) AS earlier`,
			u.ChatID, u.ID)
		switch {
		case err != nil:
			return fmt.Errorf("inbox: lock the chat and the update: %w", err)
		case !head.Status.Valid:
			return fmt.Errorf("inbox: update %d: %w", u.ID, sql.ErrNoRows)
		case head.Status.String != "pending":
			return ErrAlreadyHandled
		case head.Earlier:
			return ErrNotNext
		}
		replies, err := fn(tx)
		if err != nil {
			return err
		}
		out, mine, err = s.finish(ctx, tx, u, "done", "", replies, delivered)
		return err
	})
	return out, mine, err
}

// finish marks the update done (or failed, with its cause) and writes its
// replies to the outbox, in one statement; delivered are the chat's replies
// this process sent and has not deleted yet.
func (s *Store) finish(ctx context.Context, tx *sqlx.Tx, u InboxUpdate, status, cause string, replies []Reply, delivered []int64) ([]OutboxRow, bool, error) {
	const mark = `UPDATE updates SET status = $2, last_error = nullif($3, ''), finished_at = now(),
		payload = CASE WHEN $2 = 'done' THEN NULL ELSE payload END
		WHERE update_id = $1`
	if len(replies) == 0 {
		_, err := tx.ExecContext(ctx, mark, u.ID, status, cleanError(cause))
		return nil, false, wrapErr("inbox: mark "+status, err)
	}
	e, err := encodeReplies(replies)
	if err != nil {
		return nil, false, err
	}
	var rows []writtenRow
	// RETURNING does not promise an order; ids follow r.n. A reply to
	// another chat goes in that chat's line (lineOf), unleased: that
	// chat's drain sends it.
	err = tx.SelectContext(ctx, &rows, `
		WITH done AS (`+mark+`)
		INSERT INTO outbox (chat_id, update_id, kind, body, topic, owner, lease_until)
		SELECT r.chat, $1, r.kind, `+substringOf("$6", "r")+`, nullif(r.topic, ''),
			CASE WHEN r.chat = $4 AND NOT b.blocked THEN $7 END,
			CASE WHEN r.chat = $4 AND NOT b.blocked THEN clock_timestamp() + make_interval(secs => $8) END
		FROM unnest($5::text[], $10::int[], $11::int[], $12::text[], $13::bigint[]) WITH ORDINALITY AS r (kind, start, len, topic, chat, n),
			-- Replies wait behind any earlier one of the chat still to be
			-- sent, here or elsewhere (not the ones this process delivered
			-- and has yet to delete): order holds across replicas.
			(SELECT `+blockedSQL("$4", "$9")+` AS blocked OFFSET 0) b
		ORDER BY r.n
		RETURNING id, update_id, chat_id, owner IS NOT NULL AS mine`,
		u.ID, status, cleanError(cause), u.ChatID, pq.Array(e.kinds), e.all, s.owner, leaseTime.Seconds(),
		pq.Array(delivered), pq.Array(e.starts), pq.Array(e.lens), pq.Array(e.topics), pq.Array(linesOf(replies, u.ChatID)))
	if err != nil {
		return nil, false, fmt.Errorf("outbox: write replies: %w", err)
	}
	if len(rows) != len(replies) {
		return nil, false, fmt.Errorf("outbox: wrote %d of %d replies", len(rows), len(replies))
	}
	slices.SortFunc(rows, byID)
	out := make([]OutboxRow, len(rows))
	mine := false
	for i, r := range rows {
		out[i] = OutboxRow{ID: r.ID, ChatID: r.Chat, Reply: replies[i]}
		mine = mine || r.Mine
	}
	return out, mine, nil
}

// lineOf is the chat whose line a reply written by an update of chat
// writer waits in: the chat it goes to. A reply to another chat (a
// resident's problem told to their volunteer) is ordered with that chat's
// own replies, and while Telegram fails that chat it holds up no other;
// one to no chat (a default command menu) stays in the writer's.
func lineOf(r Reply, writer int64) int64 {
	if c := r.Chat(); c != 0 {
		return c
	}
	return writer
}

func linesOf(replies []Reply, writer int64) []int64 {
	chats := make([]int64, len(replies))
	for i, r := range replies {
		chats[i] = lineOf(r, writer)
	}
	return chats
}

// ClearParked drops, within tx, the payloads of chat's parked updates,
// kept for someone to look at (ParkedDays): once the user asked to be
// forgotten, what they sent is not kept either. Their ids, errors and times
// stay until the rows go (ApplyRetention).
func ClearParked(ctx context.Context, tx Execer, chat int64) error {
	_, err := tx.ExecContext(ctx, `
		UPDATE updates SET payload = NULL WHERE status = 'failed' AND payload IS NOT NULL AND chat_id = $1`, chat)
	return wrapErr("inbox: clear parked payloads", err)
}

// ParkUpdate gives up on an update: it stays in the inbox as failed, with
// its payload and the error, for someone to look at, and replies (telling
// the user) go to the outbox in the same transaction. It reports false when
// the update was no longer pending (another replica handled it meanwhile).
func (s *Store) ParkUpdate(ctx context.Context, u InboxUpdate, cause string, replies []Reply, delivered []int64) (out []OutboxRow, mine, parked bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		var status string
		err := tx.GetContext(ctx, &status, `SELECT status FROM updates WHERE update_id = $1 FOR UPDATE`, u.ID)
		if err != nil || status != "pending" {
			return wrapErr("inbox: read status", err)
		}
		parked = true
		out, mine, err = s.finish(ctx, tx, u, "failed", cause, replies, delivered)
		return err
	})
	return out, mine, parked, err
}

// NoteError records why the latest attempt failed, for the logs and the
// person who looks at a parked update later.
func (s *Store) NoteError(ctx context.Context, id int64, cause string) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `UPDATE updates SET last_error = $2 WHERE update_id = $1`, id, cleanError(cause))
	return err
}

// UpdateStatus returns an update's status and attempts (tests and tools).
func (s *Store) UpdateStatus(ctx context.Context, id int64) (status string, attempts int, err error) {
	row := s.db.QueryRowxContext(ctx, `SELECT status, attempts FROM updates WHERE update_id = $1`, id)
	err = row.Scan(&status, &attempts)
	return status, attempts, err
}

// How long the runtime keeps what it keeps only for a while (docs/privacy.md).
const (
	// HandledUpdatesKept: Telegram re-delivers an update for 24 hours at
	// most; the id is kept twice as long to recognise a re-delivery.
	HandledUpdatesKept = 48 * time.Hour
	// ParkedDays: a parked (failed) update, and a dropped reply, are kept
	// for someone to look at, then deleted: with their chat's id, which may
	// be a resident's, whose follow-up is long gone by then.
	ParkedDays = 14
)

// Retained counts what one ApplyRetention removed.
type Retained struct {
	HandledUpdates, ParkedUpdates, DroppedReplies int64
}

// ApplyRetention removes, as of now, what the runtime keeps only for a
// while. It is idempotent and safe to run on several replicas at once.
func (s *Store) ApplyRetention(ctx context.Context, now time.Time) (Retained, error) {
	var r Retained
	steps := []struct {
		what  string
		count *int64
		query string
		arg   time.Time
	}{
		{"purge handled updates", &r.HandledUpdates,
			`DELETE FROM updates WHERE status = 'done' AND finished_at < $1`, now.Add(-HandledUpdatesKept)},
		{"purge parked updates", &r.ParkedUpdates,
			`DELETE FROM updates WHERE status = 'failed' AND finished_at < $1`, now.AddDate(0, 0, -ParkedDays)},
		{"purge dropped replies", &r.DroppedReplies,
			`DELETE FROM outbox WHERE status = 'dropped' AND finished_at < $1`, now.AddDate(0, 0, -ParkedDays)},
	}
	for _, st := range steps {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		res, err := s.db.ExecContext(ctx, st.query, st.arg)
		cancel()
		if err != nil {
			return r, wrapErr(st.what, err)
		}
		*st.count, _ = res.RowsAffected()
	}
	return r, nil
}

// LastUpdateID is the highest update_id in the inbox, 0 if it is empty. The
// demo starts its fake Telegram past it when it reuses a database.
func (s *Store) LastUpdateID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT coalesce(max(update_id), 0) FROM updates`)
	return id, err
}

// batchItem is one update of a batch (HandleUpdates): in, the chat's
// delivered replies (as HandleUpdate's delivered) and, once the batch
// committed, its outbox rows in order and whether this process may send
// them now.
type batchItem struct {
	in        InboxUpdate
	delivered []int64
	out       []OutboxRow
	mine      bool
	left      bool // failed the check (not pending, or an earlier one of its chat is): not handled here
}

// HandleUpdates is HandleUpdate for several chats' updates at once, one
// per chat, sharing the transaction: one statement takes the chats' locks
// in the order of items (sorted by chat, so that two batches cannot wait
// on each other) and checks each update as HandleUpdate does; an update
// that fails the check is marked left and not handled; fn handles each of
// the others in turn (i indexes items); one statement marks them done and
// writes all their replies. Any error rolls the whole batch back.
func (s *Store) HandleUpdates(ctx context.Context, items []batchItem, fn func(tx *sqlx.Tx, i int) ([]Reply, error)) error {
	chats, ids := make([]int64, len(items)), make([]int64, len(items))
	for i, it := range items {
		chats[i], ids[i] = it.in.ChatID, it.in.ID
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		// A function scan of the arrays, no sort: rows, and in each row its
		// columns, are evaluated in order — each chat's lock before its
		// update's row lock and check, the chats in the order given. (The
		// check is a LIMIT 1, not an EXISTS, for blockedSQL's reason.)
		var heads []struct {
			N       int            `db:"n"`
			Lock    string         `db:"lock"`
			Status  sql.NullString `db:"status"`
			Earlier bool           `db:"earlier"`
		}
		err := tx.SelectContext(ctx, &heads, `
			SELECT u.n, pg_advisory_xact_lock(u.chat)::text AS lock,
				(SELECT status FROM updates WHERE update_id = u.id FOR UPDATE) AS status,
				(SELECT true FROM updates WHERE chat_id = u.chat AND status = 'pending' AND update_id < u.id LIMIT 1) IS NOT NULL AS earlier
			FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS u (chat, id, n)`,
			pq.Array(chats), pq.Array(ids))
		if err != nil {
			return fmt.Errorf("inbox: lock the chats and the updates: %w", err)
		}
		if len(heads) != len(items) {
			return fmt.Errorf("inbox: locked %d of %d updates", len(heads), len(items))
		}
		for _, h := range heads {
			items[h.N-1].left = !h.Status.Valid || h.Status.String != "pending" || h.Earlier
		}
		replies := make([][]Reply, len(items))
		for i := range items {
			if items[i].left {
				continue
			}
			if replies[i], err = fn(tx, i); err != nil {
				return err
			}
		}
		return s.finishBatch(ctx, tx, items, replies)
	})
}

// writtenRow is a reply as the outbox's insert returns it.
type writtenRow struct {
	ID     int64 `db:"id"`
	Update int64 `db:"update_id"`
	Chat   int64 `db:"chat_id"`
	Mine   bool  `db:"mine"`
}

func byID(a, b writtenRow) int { return cmp.Compare(a.ID, b.ID) }

// finishBatch marks a batch's updates done and writes their replies to the
// outbox, in one statement: finish for several chats.
func (s *Store) finishBatch(ctx context.Context, tx *sqlx.Tx, items []batchItem, replies [][]Reply) error {
	var done, chats, writers, updates, delivered []int64
	var all []Reply
	for i, it := range items {
		if it.left {
			continue
		}
		done = append(done, it.in.ID)
		delivered = append(delivered, it.delivered...) // ids are unique across chats
		for _, r := range replies[i] {
			chats, writers = append(chats, lineOf(r, it.in.ChatID)), append(writers, it.in.ChatID)
			updates, all = append(updates, it.in.ID), append(all, r)
		}
	}
	if len(done) == 0 {
		return nil
	}
	e, err := encodeReplies(all)
	if err != nil {
		return err
	}
	var rows []writtenRow
	// As finish's: the done CTE runs even when no reply is inserted;
	// RETURNING does not promise an order, ids follow r.n; a reply to
	// another chat than its writer's goes in that chat's line, unleased.
	err = tx.SelectContext(ctx, &rows, `
		WITH done AS (
			UPDATE updates SET status = 'done', last_error = NULL, finished_at = now(), payload = NULL
			WHERE update_id = ANY ($1))
		INSERT INTO outbox (chat_id, update_id, kind, body, topic, owner, lease_until)
		SELECT r.chat, r.upd, r.kind, `+substringOf("$5", "r")+`, nullif(r.topic, ''),
			CASE WHEN r.chat = r.writer AND NOT b.blocked THEN $8 END,
			CASE WHEN r.chat = r.writer AND NOT b.blocked THEN clock_timestamp() + make_interval(secs => $9) END
		FROM unnest($2::bigint[], $3::bigint[], $4::text[], $6::int[], $7::int[], $10::text[], $12::bigint[])
				WITH ORDINALITY AS r (chat, upd, kind, start, len, topic, writer, n)
			-- As finish's: each chat's replies wait behind any earlier one of
			-- the chat still to be sent, except those delivered here.
			CROSS JOIN LATERAL (SELECT `+blockedSQL("r.chat", "$11")+` AS blocked OFFSET 0) b
		ORDER BY r.n
		RETURNING id, update_id, chat_id, owner IS NOT NULL AS mine`,
		pq.Array(done), pq.Array(chats), pq.Array(updates), pq.Array(e.kinds), e.all,
		pq.Array(e.starts), pq.Array(e.lens), s.owner, leaseTime.Seconds(), pq.Array(e.topics), pq.Array(delivered),
		pq.Array(writers))
	if err != nil {
		return fmt.Errorf("outbox: write replies: %w", err)
	}
	if len(rows) != len(all) {
		return fmt.Errorf("outbox: wrote %d of %d replies", len(rows), len(all))
	}
	slices.SortFunc(rows, byID)
	at := make(map[int64]int, len(items))
	for i, it := range items {
		at[it.in.ID] = i
	}
	for k, row := range rows {
		it := &items[at[row.Update]]
		it.mine = it.mine || row.Mine
		it.out = append(it.out, OutboxRow{ID: row.ID, ChatID: row.Chat, Reply: all[k]})
	}
	return nil
}
