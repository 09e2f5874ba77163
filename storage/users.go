package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Roles, from least to most trusted.
const (
	RoleGuest       = "guest"
	RoleVolunteer   = "volunteer"
	RoleCoordinator = "coordinator"
	RoleAdmin       = "admin"
)

// RoleRank orders roles so that an invite never lowers someone's role.
func RoleRank(role string) int {
	switch role {
	case RoleVolunteer:
		return 1
	case RoleCoordinator:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// User is anyone who has written to the bot: a guest until an invite makes
// them a volunteer or coordinator of a commune. Volunteers are not residents:
// their Telegram first name is kept so that coordinators see who helped.
type User struct {
	TelegramID  int64          `db:"telegram_id"`
	FirstName   string         `db:"first_name"`
	Language    string         `db:"language"` // "" until the user picks one
	Role        string         `db:"role"`
	CommuneCode sql.NullString `db:"commune_code"`
	JoinedAt    sql.NullTime   `db:"joined_at"`
}

// TouchUser returns the user with this Telegram id, creating a guest on
// first contact and keeping the first name current. It runs on every
// update, so the common case is one read and no write.
func (tx *Tx) TouchUser(ctx context.Context, id int64, firstName string) (User, error) {
	u, err := tx.User(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound):
		err = tx.tx.GetContext(ctx, &u, `
			INSERT INTO users (telegram_id, first_name) VALUES ($1, $2)
			ON CONFLICT (telegram_id) DO UPDATE SET first_name = EXCLUDED.first_name
			RETURNING telegram_id, first_name, language, role, commune_code, joined_at`, id, firstName)
		return u, err
	case err != nil:
		return u, err
	case u.FirstName != firstName:
		u.FirstName = firstName
		_, err = tx.tx.ExecContext(ctx, `UPDATE users SET first_name = $2, updated_at = now() WHERE telegram_id = $1`, id, firstName)
	}
	return u, err
}

// User returns one user.
func (tx *Tx) User(ctx context.Context, id int64) (User, error) {
	var u User
	err := tx.tx.GetContext(ctx, &u, `
		SELECT telegram_id, first_name, language, role, commune_code, joined_at
		FROM users WHERE telegram_id = $1`, id)
	return u, notFound(err)
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

// SetLanguage stores the user's language.
func (tx *Tx) SetLanguage(ctx context.Context, id int64, lang string) error {
	_, err := tx.tx.ExecContext(ctx, `UPDATE users SET language = $2, updated_at = now() WHERE telegram_id = $1`, id, lang)
	return err
}

// SetMembership makes the user a member of a commune with a role.
func (tx *Tx) SetMembership(ctx context.Context, id int64, commune, role string) error {
	_, err := tx.tx.ExecContext(ctx, `
		UPDATE users SET commune_code = $2, role = $3, joined_at = now(), updated_at = now()
		WHERE telegram_id = $1`, id, commune, role)
	return err
}
