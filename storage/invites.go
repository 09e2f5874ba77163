package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"time"
)

// Invite lets people join a team with a role through a deep link: a
// commune's team as a volunteer or coordinator, or a province's as its
// province coordinator.
type Invite struct {
	Code string `db:"code"`
	// CommuneCode is the commune joined; empty for a province invite.
	CommuneCode sql.NullString `db:"commune_code"`
	// ProvinceCode is the province a province coordinator's invite is for;
	// empty for a commune invite.
	ProvinceCode sql.NullString `db:"province_code"`
	Role         string         `db:"role"`
	CreatedBy    int64          `db:"created_by"`
	CreatedAt    time.Time      `db:"created_at"`
	ExpiresAt    time.Time      `db:"expires_at"`
	MaxUses      int            `db:"max_uses"`
	Uses         int            `db:"uses"`
	RevokedAt    sql.NullTime   `db:"revoked_at"`
}

const inviteColumns = `code, commune_code, province_code, role, created_by, created_at, expires_at, max_uses, uses, revoked_at`

// Reasons an invite cannot be used.
var (
	ErrInviteExpired = errors.New("invite expired")
	ErrInviteUsedUp  = errors.New("invite used up")
	ErrInviteRevoked = errors.New("invite revoked")
)

// inviteAlphabet keeps codes within Telegram's deep-link payload alphabet
// and free of look-alike characters for anyone who reads one aloud.
const inviteAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// newInviteCode draws 12 characters uniformly from inviteAlphabet (about 70
// bits): random bytes past the largest multiple of the alphabet's size are
// thrown away, so no character is likelier than another.
func newInviteCode() string {
	const size = 12
	limit := byte(256 / len(inviteAlphabet) * len(inviteAlphabet))
	code := make([]byte, 0, size)
	buf := make([]byte, 2*size)
	for len(code) < size {
		rand.Read(buf) // never fails (crypto/rand panics rather than return an error)
		for _, b := range buf {
			if b < limit && len(code) < size {
				code = append(code, inviteAlphabet[int(b)%len(inviteAlphabet)])
			}
		}
	}
	return string(code)
}

// CreateInvite stores a new invite to a commune's team with a random code.
func (tx *Tx) CreateInvite(ctx context.Context, commune, role string, by int64, expires time.Time, maxUses int) (Invite, error) {
	var inv Invite
	err := tx.db(ctx).GetContext(ctx, &inv, `
		INSERT INTO invites (code, commune_code, role, created_by, expires_at, max_uses)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING `+inviteColumns,
		newInviteCode(), commune, role, by, expires, maxUses)
	return inv, wrap("create invite", err)
}

// CreateProvinceInvite stores a new invite to be a province's coordinator.
func (tx *Tx) CreateProvinceInvite(ctx context.Context, province string, by int64, expires time.Time, maxUses int) (Invite, error) {
	var inv Invite
	err := tx.db(ctx).GetContext(ctx, &inv, `
		INSERT INTO invites (code, province_code, role, created_by, expires_at, max_uses)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING `+inviteColumns,
		newInviteCode(), province, RoleProvinceCoordinator, by, expires, maxUses)
	return inv, wrap("create province invite", err)
}

// Invite returns an invite, locked until the transaction ends so that two
// people claiming its last use cannot both get it.
func (tx *Tx) Invite(ctx context.Context, code string) (Invite, error) {
	var inv Invite
	err := tx.db(ctx).GetContext(ctx, &inv, `
		SELECT `+inviteColumns+` FROM invites WHERE code = $1 FOR UPDATE`, code)
	return inv, wrap("read invite", notFound(err))
}

// Usable says why an invite cannot be used now (nil when it can). A
// revoked invite says so, whether or not it has also expired.
func (inv Invite) Usable(now time.Time) error {
	switch {
	case inv.RevokedAt.Valid:
		return ErrInviteRevoked
	case !now.Before(inv.ExpiresAt):
		return ErrInviteExpired
	case inv.Uses >= inv.MaxUses:
		return ErrInviteUsedUp
	}
	return nil
}

// UsableBy says why an invite cannot be used now by the user id (nil when
// it can): as Usable, but a link they joined by before (InviteUsedBy) is
// never used up for them, and usedBefore says that using it again spends
// no use of it.
func (tx *Tx) UsableBy(ctx context.Context, inv Invite, id int64, now time.Time) (usedBefore bool, err error) {
	if err := tx.db(ctx).GetContext(ctx, &usedBefore, `
		SELECT EXISTS (SELECT 1 FROM invite_uses WHERE code = $1 AND telegram_id = $2)`, inv.Code, id); err != nil {
		return false, wrap("read invite uses", err)
	}
	err = inv.Usable(now)
	if usedBefore && errors.Is(err, ErrInviteUsedUp) {
		err = nil
	}
	return usedBefore, err
}

// UseInvite checks an invite locked by Invite (Usable) and counts one use
// of it; InviteUsedBy keeps by whom.
func (tx *Tx) UseInvite(ctx context.Context, inv Invite, now time.Time) error {
	if err := inv.Usable(now); err != nil {
		return err
	}
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE invites SET uses = uses + 1 WHERE code = $1`, inv.Code)
	return wrap("use invite", err)
}

// InviteUsedBy keeps that the user id (their users row written) joined by
// the invite: opening it again spends no use of it (UsableBy).
func (tx *Tx) InviteUsedBy(ctx context.Context, code string, id int64) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		INSERT INTO invite_uses (code, telegram_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, code, id)
	return wrap("keep who used an invite", err)
}

// GiveBackRoom is the share of its uses a link must have left to be given
// back rather than a new one made: a fifth. A link is given back to be
// sent to another group, and one at 49/50 refused nine of a group of ten
// as used up. A fifth is ten of a volunteers' link's fifty, room for a
// group; a share rather than a count keeps its meaning whatever a link's
// size.
const GiveBackRoom = 5

// UsableInviteOf is the newest invite by the user id to the same team
// (commune or province) with the same role, usable at now, if any, that
// one /invite may give back rather than make another: made after
// madeSince (a link given back again and again would live on with nobody
// deciding so), with at least 1/GiveBackRoom of its uses left. Not one
// made before someone was removed from that team: it does not take them
// back (RemovedSince), and a link made since must.
func (tx *Tx) UsableInviteOf(ctx context.Context, by int64, commune, province sql.NullString, role string, now, madeSince time.Time) (Invite, bool, error) {
	var inv Invite
	err := tx.db(ctx).GetContext(ctx, &inv, `
		SELECT `+inviteColumns+` FROM invites i
		WHERE created_by = $1 AND commune_code IS NOT DISTINCT FROM $2 AND province_code IS NOT DISTINCT FROM $3
			AND role = $4 AND revoked_at IS NULL AND uses < max_uses AND expires_at > $5
			AND created_at > $6 AND (max_uses - uses) * $7 >= max_uses
			AND NOT EXISTS (SELECT 1 FROM removals r WHERE r.removed_at > i.created_at
				AND ((r.commune_code IS NULL AND r.province_code IS NULL)
					OR (r.commune_code IS NOT DISTINCT FROM i.commune_code AND r.province_code IS NOT DISTINCT FROM i.province_code)))
		ORDER BY created_at DESC LIMIT 1 FOR UPDATE`, by, commune, province, role, now, madeSince, GiveBackRoom)
	if errors.Is(err, sql.ErrNoRows) {
		return Invite{}, false, nil
	}
	return inv, err == nil, wrap("read usable invite", err)
}

// UsableInvites counts the invites by the user id to the same team with
// the same role, usable at now (used or not).
func (tx *Tx) UsableInvites(ctx context.Context, by int64, commune, province sql.NullString, role string, now time.Time) (int, error) {
	var n int
	err := tx.db(ctx).GetContext(ctx, &n, `
		SELECT count(*) FROM invites
		WHERE created_by = $1 AND commune_code IS NOT DISTINCT FROM $2 AND province_code IS NOT DISTINCT FROM $3
			AND role = $4 AND revoked_at IS NULL AND uses < max_uses AND expires_at > $5`, by, commune, province, role, now)
	return n, wrap("count usable invites", err)
}

// UntouchedInvites counts the invites by the user id to the same team with
// the same role, usable at now and not used yet.
func (tx *Tx) UntouchedInvites(ctx context.Context, by int64, commune, province sql.NullString, role string, now time.Time) (int, error) {
	var n int
	err := tx.db(ctx).GetContext(ctx, &n, `
		SELECT count(*) FROM invites
		WHERE created_by = $1 AND commune_code IS NOT DISTINCT FROM $2 AND province_code IS NOT DISTINCT FROM $3
			AND role = $4 AND revoked_at IS NULL AND uses = 0 AND expires_at > $5`, by, commune, province, role, now)
	return n, wrap("count unused invites", err)
}

// ExtendInvite makes an invite usable until expires if it ended sooner
// (never sooner than it was).
func (tx *Tx) ExtendInvite(ctx context.Context, inv Invite, expires time.Time) (Invite, error) {
	err := tx.db(ctx).GetContext(ctx, &inv, `
		UPDATE invites SET expires_at = greatest(expires_at, $2) WHERE code = $1
		RETURNING `+inviteColumns, inv.Code, expires)
	return inv, wrap("extend invite", err)
}

// ExpireInvite ends an invite at the given time (tests of expiry; a
// coordinator revokes with RevokeInvite).
func (tx *Tx) ExpireInvite(ctx context.Context, code string, at time.Time) error {
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE invites SET expires_at = $2 WHERE code = $1`, code, at)
	return wrap("expire invite", err)
}
