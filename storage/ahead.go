package storage

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// A batch's updates are handled in turn in one transaction (the runtime's
// batches), and each handler's first statement is its user's read
// (userAndChat). ReadAhead makes those reads one statement for the whole
// batch, and SeeUser takes its user's row from it while the row is
// certainly what userAndChat would read at that moment:
//   - a row is taken once;
//   - a write this package can tie to one chat (the conversation
//     methods; SaveCase and SaveCountedFollowup of a case this transaction
//     read, wroteCase) drops that chat's row, which only such a write can
//     change;
//   - a statement that changes none of the rows read here (a read,
//     locking or not; a new case) goes through Tx.keeping and drops
//     nothing;
//   - any other statement goes through Tx.db and drops them all, since it
//     may be a handler changing another chat's user, conversation, case or
//     follow-up (a coordinator removing a member, a chat's follow-ups
//     forgotten…).
//
// Tx.db is every method's way in unless it is known to be one of the
// others, so what a later method adds is on the safe side by default.
// Tx.SQL is the exception: its callers write only the runtime's and the
// job queue's tables, which the rows read here do not come from.

type aheadKey struct{}

// readAhead is what ReadAhead read for a batch, by chat.
type readAhead struct {
	rows map[int64]userChatRow
}

// ReadAhead reads, in one statement, what userAndChat would read for each
// of the chats (the private chats of a batch's updates, sorted, as the
// runtime locks them), taking the same row locks in the same order, and
// returns a context that carries the rows to the batch's handlers (see
// above).
func ReadAhead(ctx context.Context, sqlTx *sqlx.Tx, chats []int64) (context.Context, error) {
	if len(chats) < 2 {
		return ctx, nil // nothing to save
	}
	var rows []userChatRow
	err := sqlTx.SelectContext(ctx, &rows, userChatBatch, pq.Array(chats), ConversationCaseKey)
	if err != nil {
		return ctx, wrap("read a batch's users", err)
	}
	if len(rows) != len(chats) {
		return ctx, fmt.Errorf("read a batch's users: %d rows for %d chats", len(rows), len(chats))
	}
	a := &readAhead{rows: make(map[int64]userChatRow, len(rows))}
	for _, row := range rows {
		a.rows[chats[row.N-1]] = row
	}
	return context.WithValue(ctx, aheadKey{}, a), nil
}

// aheadIn is the batch's read-ahead ctx carries, or nil.
func aheadIn(ctx context.Context) *readAhead {
	a, _ := ctx.Value(aheadKey{}).(*readAhead)
	return a
}

// take returns the chat's row, if it is still there, and drops it.
func (a *readAhead) take(chat int64) (userChatRow, bool) {
	if a == nil {
		return userChatRow{}, false
	}
	row, ok := a.rows[chat]
	delete(a.rows, chat)
	return row, ok
}

// wrote drops the chat's row: a statement may have changed it.
func (a *readAhead) wrote(chat int64) {
	if a != nil {
		delete(a.rows, chat)
	}
}

// spoil drops every row: a statement may have changed any of them.
func (a *readAhead) spoil() {
	if a != nil {
		clear(a.rows)
	}
}
