package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// Conversation is where a chat stands in a multi-step flow. Data is the
// flow's own small JSON; Version grows with every change, and buttons carry
// it, so a press on an outdated message can be told apart.
type Conversation struct {
	ChatID    int64           `db:"chat_id"`
	Flow      string          `db:"flow"`
	Step      string          `db:"step"`
	Data      json.RawMessage `db:"data"`
	MessageID int             `db:"message_id"`
	Version   int             `db:"version"`
}

// Decode reads the conversation's data into v.
func (c Conversation) Decode(v any) error {
	if len(c.Data) == 0 {
		return nil
	}
	if err := json.Unmarshal(c.Data, v); err != nil {
		return fmt.Errorf("conversation %d data: %w", c.ChatID, err)
	}
	return nil
}

// Conversation returns the chat's conversation, locked for this transaction,
// or ErrNotFound when the chat is in no flow.
func (tx *Tx) Conversation(ctx context.Context, chatID int64) (Conversation, error) {
	if c, ok := tx.convs[chatID]; ok {
		if c == nil {
			return Conversation{}, ErrNotFound
		}
		return *c, nil
	}
	var c Conversation
	err := tx.db(ctx).GetContext(ctx, &c, `
		SELECT chat_id, flow, step, data, message_id, version
		FROM conversations WHERE chat_id = $1 FOR UPDATE`, chatID)
	switch err = notFound(err); {
	case err == nil:
		tx.keepConversation(chatID, &c)
	case errors.Is(err, ErrNotFound):
		tx.keepConversation(chatID, nil)
	}
	return c, wrap("read conversation", err)
}

// keepConversation remembers the chat's row (nil: none) for this transaction.
func (tx *Tx) keepConversation(chatID int64, c *Conversation) {
	if tx.convs == nil {
		tx.convs = map[int64]*Conversation{}
	}
	tx.convs[chatID] = c
}

// SaveConversation writes the chat's flow, step and data and returns the new
// version. The version keeps growing across flows, so a button from a flow
// that ended is never taken for one of the next.
func (tx *Tx) SaveConversation(ctx context.Context, chatID int64, flow, step string, data any, messageID int) (int, error) {
	aheadIn(ctx).wrote(chatID)
	raw, err := json.Marshal(data)
	if err != nil {
		return 0, err
	}
	var version int
	query, args, failed := tx.withPending(`
		INSERT INTO conversations (chat_id, flow, step, data, message_id)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (chat_id) DO UPDATE SET flow = $2, step = $3, data = $4, message_id = $5,
			version = conversations.version + 1, updated_at = now()
		RETURNING version`, []any{chatID, flow, step, string(raw), messageID}, "save conversation") // JSON as text (openDB)
	err = tx.tx.GetContext(ctx, &version, query, args...)
	if err != nil {
		delete(tx.convs, chatID)
		return 0, failed(err)
	}
	tx.keepConversation(chatID, &Conversation{ChatID: chatID, Flow: flow, Step: step, Data: raw, MessageID: messageID, Version: version})
	return version, nil
}

// drawnBelowKey is where MarkDrawnBelow keeps its mark in a conversation's
// data, beside the flow's own keys (which json.Unmarshal of the flow's
// state ignores).
const drawnBelowKey = "_below"

// DrawnBelow is the message below which the flow's screen was last drawn
// again as a new message (MarkDrawnBelow), or 0.
func (c Conversation) DrawnBelow() int {
	var d map[string]json.RawMessage
	if json.Unmarshal(c.Data, &d) != nil {
		return 0
	}
	var id int
	if json.Unmarshal(d[drawnBelowKey], &id) != nil {
		return 0
	}
	return id
}

// MarkDrawnBelow notes that the chat's flow drew its screen again, as a new
// message, below message messageID (an answer given mid-case by a press:
// the language chosen, "Ở lại"), so that a second press on that message
// which left the phone with the first can tell it was done. The version and
// the flow's state stay as they are: the screen's buttons keep working; the
// flow's next saved state drops the mark.
func (tx *Tx) MarkDrawnBelow(ctx context.Context, chatID int64, messageID int) error {
	aheadIn(ctx).wrote(chatID)
	var raw string // JSON as text (openDB)
	query, args, failed := tx.withPending(`
		UPDATE conversations SET data = data || jsonb_build_object('`+drawnBelowKey+`', $2::int), updated_at = now()
		WHERE chat_id = $1 RETURNING data::text`, []any{chatID, messageID}, "mark a screen drawn below")
	err := tx.tx.GetContext(ctx, &raw, query, args...)
	if err != nil {
		delete(tx.convs, chatID)
		return failed(notFound(err))
	}
	if c, ok := tx.convs[chatID]; ok && c != nil {
		c.Data = json.RawMessage(raw)
	}
	return nil
}

// ScreenMoved notes that the chat's flow drew its screen again as a new
// message, whose id is not known yet, instead of on message messageID
// (whose buttons were taken off): that message is no longer the screen's,
// and is not taken off again. The version and the flow's state stay as
// they are: the new message's buttons are the screen's.
func (tx *Tx) ScreenMoved(ctx context.Context, chatID int64, messageID int) error {
	aheadIn(ctx).wrote(chatID)
	query, args, failed := tx.withPending(`
		UPDATE conversations SET message_id = 0, updated_at = now()
		WHERE chat_id = $1 AND message_id = $2`, []any{chatID, messageID}, "note a screen drawn anew")
	if _, err := tx.tx.ExecContext(ctx, query, args...); err != nil {
		delete(tx.convs, chatID)
		return failed(err)
	}
	if c, ok := tx.convs[chatID]; ok && c != nil && c.MessageID == messageID {
		c.MessageID = 0
	}
	return nil
}

// ScreenSent notes that the screen drawn at version went, as a new message,
// to message messageID: the conversation keeps it as the message its
// screen is on, if it is still at that version and knows none.
func (tx *Tx) ScreenSent(ctx context.Context, chatID int64, version, messageID int) error {
	aheadIn(ctx).wrote(chatID)
	query, args, failed := tx.withPending(`
		UPDATE conversations SET message_id = $3
		WHERE chat_id = $1 AND version = $2 AND message_id = 0`, []any{chatID, version, messageID}, "note a screen's message")
	_, err := tx.tx.ExecContext(ctx, query, args...)
	delete(tx.convs, chatID) // read again if needed
	return failed(err)
}

// EndConversation leaves the chat in no flow; the row stays (flow "") so
// that the version keeps growing.
func (tx *Tx) EndConversation(ctx context.Context, chatID int64) error {
	return tx.endConversation(ctx, chatID, sql.NullInt32{})
}

// KeepAfterFlow keeps data in the row of a chat in no flow (flow ""): what
// a flow that ended leaves for what the chat types next — the unit of the
// tally report on screen, for a period typed after it (its reader,
// handlers.reportOnScreen, honours it only shortly after). The next flow's
// state replaces it, and retention empties it after 30 days untouched; a
// chat in a flow is left alone — but for a chat at an open "received?"
// question (ReceivedFlow), which reads no typed text: there the note is
// kept beside the question, under NoteKey, until the question closes and
// the chat is in no flow again (its reader's business).
func (tx *Tx) KeepAfterFlow(ctx context.Context, chatID int64, data any) error {
	aheadIn(ctx).wrote(chatID)
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	query, args, failed := tx.withPending(`
		INSERT INTO conversations (chat_id, flow, step, data, message_id)
		VALUES ($1, '', '', $2::jsonb, 0)
		ON CONFLICT (chat_id) DO UPDATE SET data = CASE WHEN conversations.flow = '' THEN $2::jsonb
				ELSE jsonb_set(conversations.data, ARRAY['`+NoteKey+`'], $2::jsonb) END,
			updated_at = now()
		WHERE conversations.flow IN ('', $3)`, []any{chatID, string(raw), ReceivedFlow}, "keep a note after a flow") // JSON as text (openDB)
	_, err = tx.tx.ExecContext(ctx, query, args...)
	delete(tx.convs, chatID) // read again if needed
	return failed(err)
}

// NoteKey is where a chat at an open "received?" question (ReceivedFlow)
// keeps the note KeepAfterFlow keeps in a chat in no flow.
const NoteKey = "n"

// EndConversationOn is EndConversation for a flow that ends with a
// message of its own drawn on messageID (0: a new message): the row keeps
// it as the message its screen was last drawn on, so that a second tap
// there can be told from a press on an older message.
func (tx *Tx) EndConversationOn(ctx context.Context, chatID int64, messageID int) error {
	return tx.endConversation(ctx, chatID, sql.NullInt32{Int32: int32(messageID), Valid: true})
}

// EndConversationKeeping is EndConversationOn for a flow whose last
// message is drawn again later (a case's pause message, which /lang draws
// in the language chosen): the row keeps data beside it, as KeepAfterFlow
// keeps a note, until a flow begins or another note replaces it. The
// version is returned: a message sent new (messageID 0) tracked at it has
// its id kept once sent (ScreenSent).
func (tx *Tx) EndConversationKeeping(ctx context.Context, chatID int64, messageID int, data any) (int, error) {
	return tx.SaveConversation(ctx, chatID, "", "", data, messageID) // no flow, its data kept
}

func (tx *Tx) endConversation(ctx context.Context, chatID int64, messageID sql.NullInt32) error {
	aheadIn(ctx).wrote(chatID)
	query, args, failed := tx.withPending(`
		UPDATE conversations SET flow = '', step = '', data = '{}', version = version + 1, updated_at = now(),
			message_id = coalesce($2, message_id)
		WHERE chat_id = $1`, []any{chatID, messageID}, "end conversation")
	_, err := tx.tx.ExecContext(ctx, query, args...)
	delete(tx.convs, chatID) // read again if needed: the version moved
	return failed(err)
}

// LastScreenMessageID is the highest message id any chat's screen is kept
// on (0 with none): a fake Telegram started again over this database (the
// demo's next run) numbers its messages past it, or the bot would take a new
// message for the old screen.
func (s *Storage) LastScreenMessageID(ctx context.Context) (int, error) {
	var id int
	err := s.db.GetContext(ctx, &id, `SELECT coalesce(max(message_id), 0) FROM conversations`)
	return id, err
}
