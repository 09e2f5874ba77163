package bot

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// The outbox (docs/architecture.md): a handler's replies are written in the
// transaction that handles its update; after the commit the process that
// wrote them sends them in order and deletes each once Telegram took it.
// What is not sent then — the process died, Telegram kept failing, or an
// earlier reply of the chat was still waiting elsewhere — is sent by
// whoever claims it next: the sweep of any replica, or the next start.
//
// Per chat, a reply is never sent before the previous one was delivered or
// given up. Edits repeat harmlessly; a sendMessage is repeated only when a
// process died between Telegram's answer and the delete (the duplicate
// window: one mark interval plus one statement).

// OutboxRow is one reply waiting in the outbox.
type OutboxRow struct {
	ID     int64
	ChatID int64
	Reply  Reply
	// TooOld: a callback answer older than Telegram accepts (by the
	// database's clock, which stamped it).
	TooOld bool
}

// answerMaxAge is how old a callback answer may be and still be sent:
// Telegram refuses answers to queries older than about 15 seconds.
const answerMaxAge = 15 * time.Second

// maxReplyAttempts is how often a reply is taken up again after sending it
// failed for a reason other than Telegram refusing it, before it is dropped.
const maxReplyAttempts = 10

const (
	kindMessage  = "sendMessage"
	kindEdit     = "editMessageText"
	kindButtons  = "editMessageReplyMarkup"
	kindAnswer   = "answerCallbackQuery"
	kindPhoto    = "sendPhoto"
	kindDocument = "sendDocument"
	kindCommands = "setMyCommands"
)

func kindOf(r Reply) string {
	r, _ = unwrap(r)
	switch r.(type) {
	case Message:
		return kindMessage
	case Edit:
		return kindEdit
	case EditButtons:
		return kindButtons
	case Answer:
		return kindAnswer
	case Photo:
		return kindPhoto
	case Document:
		return kindDocument
	case Commands:
		return kindCommands
	}
	return ""
}

// encoded is replies as the outbox stores them.
type encoded struct {
	kinds, topics []string
	packed
}

func encodeReplies(replies []Reply) (encoded, error) {
	var e encoded
	bodies := make([][]byte, 0, len(replies))
	for _, r := range replies {
		inner, topic := unwrap(r)
		k := kindOf(inner)
		if k == "" {
			return encoded{}, fmt.Errorf("outbox: unknown reply %T", inner)
		}
		b, err := json.Marshal(inner)
		if err != nil {
			return encoded{}, fmt.Errorf("outbox: encode %s: %w", k, err)
		}
		e.kinds, e.topics, bodies = append(e.kinds, k), append(e.topics, topic), append(bodies, b)
	}
	e.packed = pack(bodies)
	return e, nil
}

func decodeReply(kind string, body []byte) (Reply, error) {
	switch kind {
	case kindMessage:
		return decodeAs[Message](body)
	case kindEdit:
		return decodeAs[Edit](body)
	case kindButtons:
		return decodeAs[EditButtons](body)
	case kindAnswer:
		return decodeAs[Answer](body)
	case kindPhoto:
		return decodeAs[Photo](body)
	case kindDocument:
		return decodeAs[Document](body)
	case kindCommands:
		return decodeAs[Commands](body)
	}
	return nil, fmt.Errorf("outbox: unknown kind %q", kind)
}

func decodeAs[T Reply](body []byte) (Reply, error) {
	var r T
	err := json.Unmarshal(body, &r)
	return r, err
}

// ChatsWithReplies lists the chats whose earliest waiting reply nobody is
// sending: their sender died, gave them back, or never had them.
func (s *Store) ChatsWithReplies(ctx context.Context) ([]int64, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var chats []int64
	err := s.db.SelectContext(ctx, &chats, `
		SELECT DISTINCT chat_id FROM outbox
		WHERE status = 'pending' AND (owner IS NULL OR lease_until < now())`)
	return chats, wrapErr("outbox: look for waiting replies", err)
}

// TakeOver frees every lease: for a process that knows it is the only one
// (long polling allows one), the owners of the leases it finds are dead.
func (s *Store) TakeOver(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `
		UPDATE outbox SET owner = NULL, lease_until = NULL WHERE status = 'pending' AND owner IS NOT NULL`)
	return wrapErr("outbox: take over", err)
}

// ClaimReplies leases to this process the chat's waiting replies that come
// before any another live process is sending, in order, skipping the ones
// this process delivered but has not deleted yet (skip). Rows leased to
// this process are its own to send again: it runs a chat's sending in the
// chat's job, one at a time, so none of them is in flight now (they
// were stranded: a commit whose answer was lost, a release that failed).
func (s *Store) ClaimReplies(ctx context.Context, chat int64, skip func(id int64) bool) ([]OutboxRow, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var out []OutboxRow
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var rows []struct {
			ID     int64  `db:"id"`
			Kind   string `db:"kind"`
			Body   []byte `db:"body"`
			Free   bool   `db:"free"`
			TooOld bool   `db:"too_old"`
		}
		err := tx.SelectContext(ctx, &rows, `
			SELECT id, kind, body,
				(owner IS NULL OR owner = $2 OR lease_until < clock_timestamp()) AS free,
				(kind = 'answerCallbackQuery' AND created_at < clock_timestamp() - make_interval(secs => $3)) AS too_old
			FROM outbox WHERE chat_id = $1 AND status = 'pending' ORDER BY id FOR UPDATE`,
			chat, s.owner, answerMaxAge.Seconds())
		if err != nil {
			return err
		}
		var ids []int64
		for _, r := range rows {
			if skip(r.ID) {
				continue
			}
			if !r.Free {
				break
			}
			rep, err := decodeReply(r.Kind, r.Body)
			if err != nil {
				// Written by a newer version, or damaged: nobody can send it.
				if _, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'dropped', last_error = $2, finished_at = now() WHERE id = $1`,
					r.ID, cleanError(err.Error())); err != nil {
					return err
				}
				continue
			}
			ids = append(ids, r.ID)
			out = append(out, OutboxRow{ID: r.ID, ChatID: chat, Reply: rep, TooOld: r.TooOld})
		}
		if len(ids) == 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, `
			UPDATE outbox SET owner = $2, lease_until = clock_timestamp() + make_interval(secs => $3) WHERE id = ANY ($1)`,
			pq.Array(ids), s.owner, leaseTime.Seconds())
		return err
	})
	return out, wrapErr("outbox: claim replies", err)
}

// RenewLease extends this process's lease on replies it is still sending.
// It reports false when one of them is no longer this process's (its lease
// ran out and another took it): the sending stops there.
func (s *Store) RenewLease(ctx context.Context, ids []int64) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	res, err := s.db.ExecContext(ctx, `
		UPDATE outbox SET lease_until = clock_timestamp() + make_interval(secs => $3)
		WHERE id = ANY ($1) AND owner = $2 AND status = 'pending'`, pq.Array(ids), s.owner, leaseTime.Seconds())
	if err != nil {
		return false, wrapErr("outbox: renew lease", err)
	}
	n, err := res.RowsAffected()
	return n == int64(len(ids)), err
}

// stillPending says whether a reply is still in the outbox to be sent: a
// reply tried again after a failure is not, once Withdraw took it back. On
// a database error it says yes (the send goes on, as before the check).
func (s *Store) stillPending(ctx context.Context, id int64) bool {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var pending bool
	err := s.db.GetContext(ctx, &pending, `SELECT EXISTS (SELECT 1 FROM outbox WHERE id = $1 AND status = 'pending')`, id)
	return pending || err != nil
}

// pendingReplies counts the replies waiting in the outbox, of every
// process.
func (s *Store) pendingReplies(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM outbox WHERE status = 'pending'`)
	return n, err
}

// DropReply gives a reply up for good, keeping it a while for someone to
// look at (docs/privacy.md).
func (s *Store) DropReply(ctx context.Context, id int64, cause string) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	return s.dropReply(ctx, s.db, id, cause)
}

// dropReply is DropReply through db: the store's pool, or a transaction
// that records what the refusal means (tellUnreachable).
func (s *Store) dropReply(ctx context.Context, db sqlx.ExecerContext, id int64, cause string) error {
	_, err := db.ExecContext(ctx, `
		UPDATE outbox SET status = 'dropped', owner = NULL, lease_until = NULL, last_error = $2, finished_at = now()
		WHERE id = $1 AND (owner = $3 OR owner IS NULL)`, id, cleanError(cause), s.owner)
	return wrapErr("outbox: drop reply", err)
}

// ReleaseReplies gives this process's replies back for a later try (the
// sweep's): the first of them failed now with cause and, if counted, counts
// one more try; the rest wait behind it. It returns the first one's tries so
// far.
func (s *Store) ReleaseReplies(ctx context.Context, ids []int64, cause string, counted bool) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var attempts int
	err := s.db.GetContext(ctx, &attempts, `
		WITH freed AS (
			UPDATE outbox SET owner = NULL, lease_until = NULL,
				attempts = attempts + CASE WHEN id = $2 AND $5 THEN 1 ELSE 0 END,
				last_error = CASE WHEN id = $2 THEN $3 ELSE last_error END
			WHERE id = ANY ($1) AND (owner = $4 OR owner IS NULL) RETURNING id, attempts)
		SELECT coalesce(max(attempts) FILTER (WHERE id = $2), 0) FROM freed`,
		pq.Array(ids), ids[0], cleanError(cause), s.owner, counted)
	return attempts, wrapErr("outbox: release replies", err)
}

// deleteReplies removes delivered replies.
func (s *Store) deleteReplies(ctx context.Context, ids []int64) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, `DELETE FROM outbox WHERE id = ANY ($1)`, pq.Array(ids))
	return wrapErr("outbox: delete delivered replies", err)
}

// marks deletes delivered replies in batches, so that delivering costs no
// statement of its own on the way of an update. Until the delete commits,
// a delivered reply is still in the outbox: has keeps this process from
// sending it again, and a crash in that window repeats it (the duplicate
// window).
type marks struct {
	store *Store
	log   *slog.Logger
	every time.Duration

	mu      sync.Mutex
	pending map[int64]int64 // reply id → its chat
	kick    chan struct{}
}

func newMarks(store *Store, log *slog.Logger, every time.Duration) *marks {
	return &marks{store: store, log: log, every: every, pending: map[int64]int64{}, kick: make(chan struct{}, 1)}
}

func (m *marks) add(row OutboxRow) {
	m.mu.Lock()
	m.pending[row.ID] = row.ChatID
	m.mu.Unlock()
	select {
	case m.kick <- struct{}{}:
	default:
	}
}

func (m *marks) has(id int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.pending[id]
	return ok
}

// ofChat lists the chat's replies delivered but not deleted yet.
func (m *marks) ofChat(chat int64) []int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ids []int64
	for id, c := range m.pending {
		if c == chat {
			ids = append(ids, id)
		}
	}
	return ids
}

// run deletes what was delivered, at most every m.every, until ctx ends;
// then once more.
func (m *marks) run(ctx context.Context) {
	failing := false
	for {
		select {
		case <-ctx.Done():
			m.flush(context.Background(), &failing)
			return
		case <-m.kick:
		}
		if ctx.Err() != nil {
			m.flush(context.Background(), &failing)
			return
		}
		m.flush(ctx, &failing)
		_ = sleep(ctx, m.every)
	}
}

func (m *marks) flush(ctx context.Context, failing *bool) {
	m.mu.Lock()
	ids := make([]int64, 0, len(m.pending))
	for id := range m.pending {
		ids = append(ids, id)
	}
	m.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	if err := m.store.deleteReplies(ctx, ids); err != nil {
		if ctx.Err() != nil {
			// The runtime stops (Shutdown): the last delete, which follows
			// at once, does this one's work, and says so if it fails.
			return
		}
		if !*failing {
			m.log.Warn("cannot delete delivered replies yet; will retry", "count", len(ids), "err", err)
		}
		*failing = true
		select { // try again after the pause
		case m.kick <- struct{}{}:
		default:
		}
		return
	}
	*failing = false
	m.mu.Lock()
	for _, id := range ids {
		delete(m.pending, id)
	}
	m.mu.Unlock()
}

// Execer is a transaction: a *sql.Tx or a *sqlx.Tx.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Enqueue writes replies that no update caused — a reminder, a digest — into
// the outbox within tx, the transaction of the work that decided them: they
// exist if and only if it commits. Nobody holds them, so the outbox sweep
// sends them after the commit, each behind anything earlier of its chat,
// within the sender's limits.
func Enqueue(ctx context.Context, tx Execer, replies ...Reply) error {
	if len(replies) == 0 {
		return nil
	}
	e, err := encodeReplies(replies)
	if err != nil {
		return err
	}
	chats := make([]int64, len(replies))
	for i, r := range replies {
		chats[i] = r.Chat()
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO outbox (chat_id, kind, body, topic)
		SELECT r.chat, r.kind, `+substringOf("$3", "r")+`, nullif(r.topic, '')
		FROM unnest($1::bigint[], $2::text[], $4::int[], $5::int[], $6::text[]) WITH ORDINALITY AS r (chat, kind, start, len, topic, n)
		ORDER BY r.n`, pq.Array(chats), pq.Array(e.kinds), e.all, pq.Array(e.starts), pq.Array(e.lens), pq.Array(e.topics))
	return wrapErr("outbox: enqueue replies", err)
}

// Withdraw deletes, within tx, the outbox's replies about any of topics
// (About; a reply about several goes with any of them): those still to
// be sent, and those kept after they were dropped.
// A reply being sent at this moment may still arrive; one sent already is
// the chat's, no longer the bot's to take back.
func Withdraw(ctx context.Context, tx Execer, topics ...string) error {
	if len(topics) == 0 {
		return nil
	}
	// A reply about several topics (joined by TopicSep) goes with any.
	_, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE topic = ANY ($1)
		OR (topic LIKE '%'||$2||'%' AND string_to_array(topic, $2) && $1)`, pq.Array(topics), TopicSep)
	return wrapErr("outbox: withdraw replies", err)
}

// TakeBack withdraws, within tx, the outbox's replies about a topic that
// begins with any of prefixes (those still to be sent, and those kept
// after they were dropped), as Withdraw does, and returns those topics,
// oldest reply first: what they were about never reached the chat, and
// the caller may keep it to say later (a dossier code corrected in a
// message Telegram refused because the user had just blocked the bot).
func TakeBack(ctx context.Context, tx Queryer, prefixes ...string) ([]string, error) {
	if len(prefixes) == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `
		WITH gone AS (DELETE FROM outbox o WHERE o.topic IS NOT NULL AND EXISTS (
				SELECT 1 FROM unnest(string_to_array(o.topic, $2)) t, unnest($1::text[]) p WHERE starts_with(t, p))
			RETURNING o.id, o.topic)
		SELECT t FROM gone, unnest(string_to_array(gone.topic, $2)) WITH ORDINALITY AS a (t, n)
		WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE starts_with(t, p))
		ORDER BY gone.id, a.n`, pq.Array(prefixes), TopicSep)
	if err != nil {
		return nil, wrapErr("outbox: take back replies", err)
	}
	defer rows.Close()
	var topics []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, wrapErr("outbox: take back replies", err)
		}
		topics = append(topics, t)
	}
	return topics, wrapErr("outbox: take back replies", rows.Err())
}

// Queryer is what TakeBack reads with: a transaction.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// packed is several byte strings sent as one bytea parameter with their
// starts and lengths: lib/pq sends a []byte as it is, but a bytea[] as text
// (each value in hex, twice its size), which the server parses back byte by
// byte.
type packed struct {
	all          []byte
	starts, lens []int64 // 1-based, as SQL's substring counts
}

func pack(bs [][]byte) packed {
	n := 0
	for _, b := range bs {
		n += len(b)
	}
	p := packed{all: make([]byte, 0, n), starts: make([]int64, len(bs)), lens: make([]int64, len(bs))}
	for i, b := range bs {
		p.starts[i], p.lens[i] = int64(len(p.all)+1), int64(len(b))
		p.all = append(p.all, b...)
	}
	return p
}

// substringOf is the SQL that takes one string out of a packed bytea
// parameter param, where row has the string's start and len.
func substringOf(param, row string) string {
	return "substring(" + param + "::bytea FROM " + row + ".start FOR " + row + ".len)"
}

// blockedSQL is the SQL that tells whether chat has a reply still to be
// sent, here or elsewhere, other than delivered (the ids of the replies
// this process sent and has yet to delete): a new reply waits behind it.
// It is a scalar subquery with LIMIT 1, not an EXISTS: PostgreSQL may plan
// an EXISTS as a hash of every pending reply of every chat, built per
// statement — under the bench that read 1,500 buffers to write ten replies —
// where this can only be one look at the chat's own entries in
// outbox_pending. (Callers put it in a subquery with OFFSET 0, which keeps
// PostgreSQL from copying it into each place that reads its value.)
func blockedSQL(chat, delivered string) string {
	return `(SELECT true FROM outbox WHERE chat_id = ` + chat + ` AND status = 'pending'
		AND NOT id = ANY (coalesce(` + delivered + `::bigint[], '{}')) LIMIT 1) IS NOT NULL`
}
