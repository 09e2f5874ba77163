package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lib/pq"
)

// Roles, from least to most trusted.
const (
	RoleGuest       = "guest"
	RoleVolunteer   = "volunteer"
	RoleCoordinator = "coordinator"
	// RoleProvinceCoordinator coordinates a whole province (Tỉnh đoàn): their
	// unit is the province, and they see every commune of it.
	RoleProvinceCoordinator = "province_coordinator"
	RoleAdmin               = "admin"
)

// RoleRank orders roles so that an invite never lowers someone's role.
func RoleRank(role string) int {
	switch role {
	case RoleVolunteer:
		return 1
	case RoleCoordinator:
		return 2
	case RoleProvinceCoordinator:
		return 3
	case RoleAdmin:
		return 4
	}
	return 0
}

// User is someone who writes to the bot. Only people of a team are
// stored with their first name (volunteers are not residents: coordinators
// see who helped); a guest is stored only when they choose a language, with
// no name, and forgotten after 30 days of silence (ApplyRetention).
type User struct {
	TelegramID  int64          `db:"telegram_id"`
	FirstName   string         `db:"first_name"`
	Language    string         `db:"language"` // "" until the user picks one
	Role        string         `db:"role"`
	CommuneCode sql.NullString `db:"commune_code"`
	// ProvinceCode is a province coordinator's unit (CommuneCode is then
	// empty); for everyone else it is empty.
	ProvinceCode sql.NullString `db:"province_code"`
	Digest       bool           `db:"digest"` // a coordinator gets the weekly digest
	// BlockedAt: since when the user has blocked the bot (ChatBlocked);
	// NULL when they have not, or came back.
	BlockedAt sql.NullTime `db:"blocked_at"`
	JoinedAt  sql.NullTime `db:"joined_at"`
	UpdatedAt time.Time    `db:"updated_at"`
	Stored    bool         `db:"-"` // false for a guest the database does not know
	// AskedBack: the follow-ups whose reminder question the chat was
	// asked when it came back (MarkAskedBack), with when, if this is the
	// chat's first update since (SeeUser reads and clears the mark).
	AskedBack map[int64]time.Time `db:"-"`
	// Back: the chat was marked blocked or asked back (SeeUser cleared
	// it): this is its first update since it came back.
	Back bool `db:"-"`
}

const userColumns = `telegram_id, first_name, language, role, commune_code, province_code, digest, blocked_at, joined_at, updated_at`

// SeeUser returns who wrote an update: the stored user (a member's first
// name kept current; a guest's row marked as seen, at most once a day), or,
// for someone the bot does not keep, a guest with the name Telegram gave,
// stored nowhere. Whoever writes is back if they had blocked the bot
// (ChatBack). The common case is one round trip and no write.
func (tx *Tx) SeeUser(ctx context.Context, id int64, firstName string) (User, error) {
	u, err := tx.userAndChat(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound):
		return User{TelegramID: id, FirstName: firstName, Role: RoleGuest, AskedBack: u.AskedBack, Back: u.Back}, nil
	case err != nil:
		return u, err
	case u.Role == RoleGuest:
		if time.Since(u.UpdatedAt) > 24*time.Hour { // silence is counted in days
			_, err = tx.db(ctx).ExecContext(ctx, `UPDATE users SET updated_at = now() WHERE telegram_id = $1`, id)
		}
		u.FirstName = firstName // shown, never stored
		return u, wrap("mark a guest as seen", err)
	case u.FirstName != firstName:
		u.FirstName = firstName
		_, err = tx.db(ctx).ExecContext(ctx, `UPDATE users SET first_name = $2, updated_at = now() WHERE telegram_id = $1`, id, firstName)
	}
	return u, wrap("keep a member's name current", err)
}

// KeepUser stores someone of the team who is not a member of a commune (an
// administrator, from the configuration) with their first name, so that
// their cases and invites have someone to refer to.
func (tx *Tx) KeepUser(ctx context.Context, id int64, firstName string) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		INSERT INTO users (telegram_id, first_name) VALUES ($1, $2)
		ON CONFLICT (telegram_id) DO UPDATE SET first_name = EXCLUDED.first_name, updated_at = now()
		WHERE users.first_name <> EXCLUDED.first_name`, id, firstName)
	return wrap("keep a team member", err)
}

// User returns one stored user.
func (tx *Tx) User(ctx context.Context, id int64) (User, error) {
	var u User
	err := tx.db(ctx).GetContext(ctx, &u, `SELECT `+userColumns+` FROM users WHERE telegram_id = $1`, id)
	u.Stored = err == nil
	return u, wrap("read user", notFound(err))
}

// ConversationCaseKey is the key under which a conversation's data names
// the case the chat is on (the handlers' case flow writes it): userAndChat
// reads and locks that case along with the conversation.
const ConversationCaseKey = "c"

// userAndChat reads a user and, in the same round trip, whether their chat
// is marked blocked or asked back (then cleared: they wrote, so they are
// back, and this is their first update since; a rare second statement),
// locks their private
// chat's conversation (the chat id of a private chat is the user's id) and
// the case it is on, which the handler reads next: Conversation and Case
// then serve them. In a batch, ReadAhead may have read the row already.
func (tx *Tx) userAndChat(ctx context.Context, id int64) (User, error) {
	row, ok := aheadIn(ctx).take(id)
	if !ok {
		if err := tx.keeping(ctx).GetContext(ctx, &row, userChatOne, id, ConversationCaseKey); err != nil {
			return User{}, wrap("read user", err)
		}
	}
	var asked map[int64]time.Time
	if row.Blocked {
		var err error
		if asked, err = tx.ChatBack(ctx, id); err != nil {
			return User{}, err
		}
	}
	if row.ConvChat.Valid {
		tx.keepConversation(id, &Conversation{ChatID: id, Flow: row.Flow.String, Step: row.Step.String, Data: row.Data,
			MessageID: int(row.MessageID.Int64), Version: int(row.Version.Int64)})
	} else {
		tx.keepConversation(id, nil)
	}
	if c, ok := row.nullCase.get(); ok {
		tx.keepCase(c)
	}
	if !row.ID.Valid {
		return User{AskedBack: asked, Back: row.Blocked}, ErrNotFound
	}
	return User{TelegramID: row.ID.Int64, FirstName: row.FirstName.String, Language: row.Language.String, Role: row.Role.String,
		CommuneCode: row.Commune, ProvinceCode: row.Province, Digest: row.Digest.Bool, JoinedAt: row.JoinedAt, UpdatedAt: row.UpdatedAt.Time, Stored: true,
		AskedBack: asked, Back: row.Blocked}, nil
}

// userChatRow is what userAndChat reads of a chat: its user (all NULL for
// someone not stored), whether it is marked blocked or asked back, its
// conversation and the case that names.
type userChatRow struct {
	N         int64          `db:"n"` // the chat's place in ReadAhead's list
	ID        sql.NullInt64  `db:"telegram_id"`
	FirstName sql.NullString `db:"first_name"`
	Language  sql.NullString `db:"language"`
	Role      sql.NullString `db:"role"`
	Commune   sql.NullString `db:"commune_code"`
	Province  sql.NullString `db:"province_code"`
	Digest    sql.NullBool   `db:"digest"`
	JoinedAt  sql.NullTime   `db:"joined_at"`
	UpdatedAt sql.NullTime   `db:"updated_at"`
	Blocked   bool           `db:"blocked"`
	ConvChat  sql.NullInt64  `db:"conv_chat"`
	Flow      sql.NullString `db:"flow"`
	Step      sql.NullString `db:"step"`
	Data      []byte         `db:"data"`
	MessageID sql.NullInt64  `db:"message_id"`
	Version   sql.NullInt64  `db:"version"`
	nullCase
}

// userChatOne reads userAndChat's row for the chat $1; userChatBatch,
// ReadAhead's, one for each chat of the array $1, in its order. $2 is
// ConversationCaseKey.
var (
	userChatOne   = userChatQuery(`(SELECT $1::bigint, 1::bigint) a (id, n)`)
	userChatBatch = userChatQuery(`unnest($1::bigint[]) WITH ORDINALITY AS a (id, n)`)
)

// userChatQuery reads a userChatRow for each row of from, a FROM item
// "a (id, n)" giving the chats' ids and places. From a function scan, the
// rows come in its order, each chat's locks taken before the next chat's.
func userChatQuery(from string) string {
	return `
		SELECT a.n, u.telegram_id, u.first_name, u.language, u.role, u.commune_code, u.province_code, u.digest, u.joined_at, u.updated_at,
			u.blocked_at IS NOT NULL OR EXISTS (SELECT 1 FROM followups f
				WHERE f.resident_chat = a.id AND (f.blocked_at IS NOT NULL OR f.asked_back_at IS NOT NULL)) AS blocked,
			c.chat_id AS conv_chat, c.flow, c.step, c.data, c.message_id, c.version, ` + nullCaseColumns + `
		FROM ` + from + `
		LEFT JOIN LATERAL (SELECT ` + userColumns + ` FROM users WHERE telegram_id = a.id) u ON true
		LEFT JOIN LATERAL (SELECT chat_id, flow, step, data, message_id, version
			FROM conversations WHERE chat_id = a.id FOR UPDATE) c ON true
		LEFT JOIN LATERAL (SELECT ` + caseColumns + ` FROM cases
			WHERE jsonb_typeof(c.data -> $2::text) = 'number' AND id = (c.data ->> $2::text)::bigint AND volunteer_id = a.id
			FOR UPDATE) k ON true`
}

// UserLanguage returns the language a user chose, "" if none or unknown.
// It runs outside any transaction: it serves error replies, when the
// handler's own transaction has already failed.
func (s *Storage) UserLanguage(ctx context.Context, id int64) string {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var lang string
	if err := s.db.GetContext(ctx, &lang, `SELECT language FROM users WHERE telegram_id = $1`, id); err != nil {
		return ""
	}
	return lang
}

// SetLanguage stores the user's language; someone the bot did not keep is
// stored as a guest with their language and no name.
func (tx *Tx) SetLanguage(ctx context.Context, id int64, lang string) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		INSERT INTO users (telegram_id, language) VALUES ($1, $2)
		ON CONFLICT (telegram_id) DO UPDATE SET language = $2, updated_at = now()`, id, lang)
	return wrap("set language", err)
}

// forgetRemovalWithoutTeam is what joining a team does to the user's
// removals ($1): one kept with its team stays (RemovedSince: another team
// is no way back by that team's older links); one stored before migration
// 00026, without its team, goes, as every removal did then.
const forgetRemovalWithoutTeam = `WITH forgot AS (DELETE FROM removals
	WHERE telegram_id = $1 AND commune_code IS NULL AND province_code IS NULL) `

// SetMembership makes the user a member of a commune with a role, stored
// with their first name.
func (tx *Tx) SetMembership(ctx context.Context, id int64, firstName, commune, role string) error {
	_, err := tx.db(ctx).ExecContext(ctx, forgetRemovalWithoutTeam+`
		INSERT INTO users (telegram_id, first_name, commune_code, role, joined_at) VALUES ($1, $2, $3, $4, now())
		ON CONFLICT (telegram_id) DO UPDATE SET first_name = $2, commune_code = $3, province_code = NULL, role = $4,
			joined_at = now(), removed_at = NULL, updated_at = now()`,
		id, firstName, commune, role)
	return wrap("set membership", err)
}

// SetProvinceMembership makes the user the coordinator of a province,
// stored with their first name.
func (tx *Tx) SetProvinceMembership(ctx context.Context, id int64, firstName, province string) error {
	_, err := tx.db(ctx).ExecContext(ctx, forgetRemovalWithoutTeam+`
		INSERT INTO users (telegram_id, first_name, province_code, role, joined_at) VALUES ($1, $2, $3, $4, now())
		ON CONFLICT (telegram_id) DO UPDATE SET first_name = $2, commune_code = NULL, province_code = $3, role = $4,
			joined_at = now(), removed_at = NULL, updated_at = now()`,
		id, firstName, province, RoleProvinceCoordinator)
	return wrap("set province membership", err)
}

// ChatBlocked records that the user of a private chat blocked the bot
// (Telegram's my_chat_member "kicked", or a reply refused "bot was blocked
// by the user"), at: on their user row and on the follow-ups whose
// resident the chat is, if any. Nothing is stored for a chat the bot keeps
// no row of. A mark already set keeps its time. A dossier's card still to
// come to the chat may never come (the block drops it): no dossier is on
// screen there any more (SetOnScreen) but one whose message is known.
func (tx *Tx) ChatBlocked(ctx context.Context, chat int64, at time.Time) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		WITH f AS (UPDATE followups SET blocked_at = coalesce(blocked_at, $2), on_screen = CASE WHEN on_screen > 0 THEN on_screen END
			WHERE resident_chat = $1 AND (blocked_at IS NULL OR on_screen <= 0))
		UPDATE users SET blocked_at = $2 WHERE telegram_id = $1 AND blocked_at IS NULL`, chat, at)
	return wrap("record a blocked chat", err)
}

// ChatBack clears what ChatBlocked recorded: the user unblocked the bot
// (my_chat_member "member"). Any message or press does it too (SeeUser),
// and clears MarkAskedBack's mark: it returns the follow-ups that held
// one, with its time.
func (tx *Tx) ChatBack(ctx context.Context, chat int64) (map[int64]time.Time, error) {
	var rows []struct {
		CaseID int64     `db:"case_id"`
		At     time.Time `db:"asked_back_at"`
	}
	err := tx.db(ctx).SelectContext(ctx, &rows, `
		WITH asked AS (SELECT case_id, asked_back_at FROM followups WHERE resident_chat = $1 AND asked_back_at IS NOT NULL),
		f AS (UPDATE followups SET blocked_at = NULL, asked_back_at = NULL
			WHERE resident_chat = $1 AND (blocked_at IS NOT NULL OR asked_back_at IS NOT NULL)),
		u AS (UPDATE users SET blocked_at = NULL WHERE telegram_id = $1 AND blocked_at IS NOT NULL)
		SELECT case_id, asked_back_at FROM asked`, chat)
	if err != nil || len(rows) == 0 {
		return nil, wrap("clear a blocked chat", err)
	}
	asked := make(map[int64]time.Time, len(rows))
	for _, r := range rows {
		asked[r.CaseID] = r.At
	}
	return asked, nil
}

// MarkAskedBack records that the chat, coming back (unblocking the bot),
// was just asked the reminder question of these cases' follow-ups, at:
// its next update (SeeUser) reads and clears the mark, so that a /start
// right behind the unblock does not ask again.
func (tx *Tx) MarkAskedBack(ctx context.Context, chat int64, cases []int64, at time.Time) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET asked_back_at = $3 WHERE resident_chat = $1 AND case_id = ANY($2)`, chat, pq.Int64Array(cases), at)
	return wrap("mark a question asked on unblocking", err)
}
