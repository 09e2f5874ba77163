package storage

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/dvcbot/dvcbot/vntext"
	"github.com/lib/pq"
)

// A team is the people of a unit: of a commune (its coordinators and
// volunteers), or of a province (its province coordinators and the teams of
// all its communes). The functions here take the unit as a province and a
// commune code: a commune when commune is set, else the whole province.

// Member is one person of a team as /team lists them.
type Member struct {
	TelegramID   int64          `db:"telegram_id"`
	FirstName    string         `db:"first_name"`
	Role         string         `db:"role"`
	CommuneCode  sql.NullString `db:"commune_code"`
	ProvinceCode sql.NullString `db:"province_code"`
	CommuneName  sql.NullString `db:"commune_name"` // empty for a province coordinator
	JoinedAt     sql.NullTime   `db:"joined_at"`
	// CasesInPeriod counts the cases they started in the period asked
	// for, a discarded pick not counted.
	CasesInPeriod int `db:"cases_in_period"`
	// LastActive is the latest change to any of their cases, or to their
	// own row (joining, a new name or language), whichever is later: the
	// bot does not write on every message, so reading one is not seen.
	LastActive time.Time `db:"last_active"`
	// Namesake: another member of their commune (of the province's own,
	// for a province coordinator) bears their first name; NamesakeSameDay:
	// one who joined the same day, Vietnam time. /team tells them apart
	// by the time they joined, as the tally does.
	Namesake        bool `db:"namesake"`
	NamesakeSameDay bool `db:"namesake_same_day"`
}

// namesakeOf selects the other members of p's commune (or, for p a
// province coordinator, of p's province's own) with p's first name.
const namesakeOf = `SELECT 1 FROM users o WHERE o.telegram_id <> p.telegram_id AND o.first_name = p.first_name
	AND o.role IN ('volunteer', 'coordinator', 'province_coordinator')
	AND CASE WHEN p.commune_code IS NOT NULL THEN o.commune_code = p.commune_code
		ELSE o.commune_code IS NULL AND o.province_code = p.province_code END`

// teamWhere selects the users of a unit ($1 commune, $2 province).
const teamWhere = `u.role IN ('volunteer', 'coordinator', 'province_coordinator') AND CASE WHEN $1 <> ''
		THEN u.commune_code = $1
		ELSE u.province_code = $2 OR u.commune_code IN (SELECT code FROM communes WHERE province_code = $2) END`

// TeamMembers lists one page of a unit's members, the most trusted first,
// then by commune and name, and how many there are in all. Cases are
// counted from since (included) to until (excluded). With search set, only
// the members it finds (MatchesMember) are listed and counted; a search
// that is an old name of the unit's communes (OldNamesNamed) finds their
// members too.
func (tx *Tx) TeamMembers(ctx context.Context, province, commune, search string, since, until time.Time, offset, limit int) ([]Member, int, error) {
	var (
		total int
		only  pq.Int64Array // nil: everyone of the unit
	)
	if search == "" {
		if err := tx.db(ctx).GetContext(ctx, &total, `SELECT count(*) FROM users u WHERE `+teamWhere, commune, province); err != nil {
			return nil, 0, wrap("count team members", err)
		}
	} else {
		// Names are kept as typed: they are folded here, the unit's in
		// the list's order, and the page is cut from those found.
		// A commune's name before the 2025 merger finds the members of
		// the communes it is part of now too.
		meant, err := tx.communesMeant(ctx, search)
		if err != nil {
			return nil, 0, err
		}
		named := map[string]bool{}
		if len(meant) == 0 {
			olds, err := tx.OldNamesNamed(ctx, province, commune, search)
			if err != nil {
				return nil, 0, err
			}
			for _, o := range olds {
				named[o.CommuneCode] = true
			}
		}
		var all []struct {
			ID      int64          `db:"telegram_id"`
			Name    string         `db:"first_name"`
			Code    sql.NullString `db:"commune_code"`
			Commune sql.NullString `db:"commune_name"`
		}
		if err := tx.db(ctx).SelectContext(ctx, &all, `
			SELECT u.telegram_id, u.first_name, u.commune_code, c.name AS commune_name
			FROM users u LEFT JOIN communes c ON c.code = u.commune_code
			WHERE `+teamWhere+`
			ORDER BY `+memberOrder, commune, province); err != nil {
			return nil, 0, wrap("search team members", err)
		}
		only = pq.Int64Array{}
		for _, m := range all {
			if meant.finds(search, m.Name, m.Code.String, m.Commune.String) || named[m.Code.String] {
				if total >= offset && len(only) < limit {
					only = append(only, m.ID)
				}
				total++
			}
		}
		if len(only) == 0 {
			return []Member{}, total, nil
		}
	}
	ms := []Member{}
	err := tx.db(ctx).SelectContext(ctx, &ms, `
		SELECT p.telegram_id, p.first_name, p.role, p.commune_code, p.province_code, p.commune_name, p.joined_at,
			(SELECT count(*) FROM cases k WHERE k.volunteer_id = p.telegram_id AND k.status <> 'discarded'
				AND k.started_at >= $3 AND k.started_at < $4) AS cases_in_period,
			GREATEST(p.updated_at, (SELECT max(k.updated_at) FROM cases k WHERE k.volunteer_id = p.telegram_id)) AS last_active,
			EXISTS (`+namesakeOf+`) AS namesake,
			EXISTS (`+namesakeOf+` AND (o.joined_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
				= (p.joined_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS namesake_same_day
		FROM (SELECT u.telegram_id, u.first_name, u.role, u.commune_code, u.province_code, c.name AS commune_name,
				u.joined_at, u.updated_at, c.sort_name
			FROM users u LEFT JOIN communes c ON c.code = u.commune_code
			WHERE `+teamWhere+` AND ($7::bigint[] IS NULL OR u.telegram_id = ANY($7))
			ORDER BY `+memberOrder+`
			LIMIT $5 OFFSET $6) p
		ORDER BY `+memberOrder, commune, province, since, until, limit, offsetOf(only, offset), only)
	return ms, total, wrap("list team members", err)
}

// offsetOf is where a page starts among the rows a query selects: at
// offset, or at the first when they are only the page's (only).
func offsetOf(only pq.Int64Array, offset int) int {
	if only != nil {
		return 0
	}
	return offset
}

// MatchesMember reports whether a search typed in /team finds a member:
// each of its words, folded, begins a word of the member's first name or
// of their commune's name ("tuan" finds "Tuấn", "quy nhon bac" the members
// of Phường Quy Nhơn Bắc, "tuan bac" Tuấn of Quy Nhơn Bắc). The commune's
// kind is found only typed whole: "phu" of "nhon phu" (an old name) does
// not find Phường Quy Nhơn by "Phường".
//
// A search of nothing but kinds ("phường", "xã") finds a member only by
// their name (Phương): every member of a ward is no search (OnlyKinds).
// Marks typed must be the name's (vntext.MarksFit): "Lân" is not Lan
// Hương, though it may be a Lan whose name was written without marks.
func MatchesMember(search, name, commune string) bool {
	if !vntext.MarksFit(search, name, commune) {
		return false
	}
	cw := vntext.Words(commune)
	own := withoutKind(cw)
	kind := cw[:len(cw)-len(own)]
	words := append(vntext.Words(name), own...)
	begun := false
	for _, q := range vntext.Words(search) {
		if slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, q) }) {
			begun = true
		} else if !slices.Contains(kind, q) {
			return false
		}
	}
	return begun
}

// meantCommunes are the communes a search names whole by their current
// name that have members (communesMeant), by code.
type meantCommunes map[string]bool

// communesMeant are the communes a search names whole by their current
// name (CommunesNamed, PreferCurrent), anywhere in the country, that have
// members: "phường tây hồ" is Phường Tây Hồ of Hà Nội. Such a search finds
// those communes' members, and members by their own name, not whoever its
// words begin loosely (finds). Empty when it names no such commune.
func (tx *Tx) communesMeant(ctx context.Context, search string) (meantCommunes, error) {
	named, err := tx.CommunesNamed(ctx, "", "", search)
	if err != nil || len(named) == 0 || !named[0].Current {
		return nil, err
	}
	var codes []string
	for _, n := range PreferCurrent(named) {
		codes = append(codes, n.Code)
	}
	var with []string
	if err := tx.db(ctx).SelectContext(ctx, &with, `
		SELECT DISTINCT commune_code FROM users
		WHERE role IN ('volunteer', 'coordinator', 'province_coordinator') AND commune_code = ANY($1)`,
		pq.Array(codes)); err != nil {
		return nil, wrap("communes named with members", err)
	}
	meant := meantCommunes{}
	for _, c := range with {
		meant[c] = true
	}
	return meant, nil
}

// finds reports whether a search finds a member (first name, commune's
// code and name): when it names communes with members whole (m not
// empty), a member of those, or one its words find by their own name
// ("Lan" is still every Lan) — Hoa of Phường An Hội Tây is no member of
// Phường Tây Hồ, though "tây" begins a word of her commune and "hồ" her
// name; else as MatchesMember.
func (m meantCommunes) finds(search, name, code, commune string) bool {
	if len(m) > 0 {
		return m[code] || MatchesMember(search, name, "")
	}
	return MatchesMember(search, name, commune)
}

// OnlyKinds reports whether a search is nothing but the kinds of communes
// ("phường", "xã xã", "thị trấn"): it names no commune nor member, and
// would find every member of a ward.
func OnlyKinds(search string) bool {
	words := vntext.Words(search)
	for _, q := range words {
		if !slices.ContainsFunc(unitKinds, func(k []string) bool { return slices.Contains(k, q) }) {
			return false
		}
	}
	return len(words) > 0
}

// OldName is a commune's name before the July 2025 merger that a /team
// search named, and the commune it is part of now.
type OldName struct {
	Label       string `db:"label"` // "Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh"
	CommuneCode string `db:"commune_code"`
	CommuneName string `db:"commune_name"`
}

// OldNamesNamed lists the old names of the unit's communes ($1 commune, $2
// province, as teamWhere) that search names (MatchesOldName): those of
// communes where the team has members first ("phường 12" names ten in Thành
// phố Hồ Chí Minh), then by the commune they are part of now.
//
// A search that names one of the unit's communes by its current name
// names no old one (CommunesNamed).
func (tx *Tx) OldNamesNamed(ctx context.Context, province, commune, search string) ([]OldName, error) {
	if current, err := tx.namesCurrent(ctx, province, commune, search); err != nil || current {
		return []OldName{}, err
	}
	var all []OldName
	if err := tx.db(ctx).SelectContext(ctx, &all, `
		SELECT n.label, n.commune_code, c.name AS commune_name
		FROM commune_names n JOIN communes c ON c.code = n.commune_code
		WHERE NOT n.is_current AND CASE WHEN $1 <> '' THEN c.code = $1 ELSE c.province_code = $2 END
		ORDER BY NOT EXISTS (SELECT 1 FROM users u WHERE u.commune_code = c.code
				AND u.role IN ('volunteer', 'coordinator', 'province_coordinator')),
			c.sort_name, n.label, n.commune_code`, commune, province); err != nil {
		return nil, wrap("old commune names", err)
	}
	found := []OldName{}
	for _, o := range all {
		if MatchesOldName(search, o.Label) && !slices.Contains(found, o) {
			found = append(found, o)
		}
	}
	return found, nil
}

// NamedCommune is a commune a /team search names whole (MatchesOldName):
// by its current name (Current, Label its name with its province's), or by
// a name it took in in the 2025 merger (Label: "Phường 12, Quận Gò Vấp,
// Thành phố Hồ Chí Minh").
type NamedCommune struct {
	Code         string `db:"code"`
	Name         string `db:"name"`
	ProvinceCode string `db:"province_code"`
	ProvinceName string `db:"province_name"`
	Label        string `db:"label"`
	Current      bool   `db:"is_current"`
}

// FullName is how a commune is shown: "Phường Bến Thành, Thành phố Hồ Chí Minh".
func (n NamedCommune) FullName() string { return n.Name + ", " + n.ProvinceName }

// CommunesNamed lists the communes of a unit (commune, or province; the
// whole country when both are empty) that a search names whole
// (MatchesOldName), with or without members: by their current name first,
// then by their names before the 2025 merger, one row for each; each by
// the commune's name. PreferCurrent keeps what is meant.
func (tx *Tx) CommunesNamed(ctx context.Context, province, commune, search string) ([]NamedCommune, error) {
	words := withoutKind(expandUnitWords(vntext.Words(search)))
	if len(words) == 0 {
		return nil, nil
	}
	// Every word typed is a word of the name's searched text (the last may
	// be begun): only those rows are read, and MatchesOldName decides.
	patterns := make([]string, len(words))
	for i, w := range words {
		w = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(w)
		patterns[i] = "% " + w + " %"
		if i == len(words)-1 {
			patterns[i] = "% " + w + "%"
		}
	}
	var rows []NamedCommune
	if err := tx.db(ctx).SelectContext(ctx, &rows, `
		SELECT c.code, c.name, c.province_code, p.name AS province_name, n.label, n.is_current
		FROM commune_names n JOIN communes c ON c.code = n.commune_code JOIN provinces p ON p.code = c.province_code
		WHERE n.search LIKE ALL ($3)
			AND CASE WHEN $1 <> '' THEN c.code = $1 WHEN $2 <> '' THEN c.province_code = $2 ELSE true END
		ORDER BY n.is_current DESC, c.sort_name, c.code, n.label`, commune, province, pq.Array(patterns)); err != nil {
		return nil, wrap("communes named", err)
	}
	named := []NamedCommune{}
	for _, n := range rows {
		if MatchesOldName(search, n.Label) && !slices.Contains(named, n) {
			named = append(named, n)
		}
	}
	return named, nil
}

// PreferCurrent is the communes a search names (CommunesNamed) as it
// means them: those it names by their current name, if any — "Phường Đại
// Mỗ" is the ward of that name, not also the old Phường Đại Mỗ of Quận Nam
// Từ Liêm, now part of Phường Tây Mỗ —, else those of the old names.
func PreferCurrent(named []NamedCommune) []NamedCommune {
	if i := slices.IndexFunc(named, func(n NamedCommune) bool { return !n.Current }); i > 0 {
		return named[:i]
	}
	return named
}

// namesCurrent reports whether a search names a commune of a unit (as
// CommunesNamed) by its current name: then no old name is read in it.
func (tx *Tx) namesCurrent(ctx context.Context, province, commune, search string) (bool, error) {
	named, err := tx.CommunesNamed(ctx, province, commune, search)
	return len(named) > 0 && named[0].Current, err
}

// KindMembers counts the members of a unit (the country when province and
// commune are empty) that a search of kinds only (OnlyKinds) finds by
// their commune's kind alone, as it did until review 27I: "phường" every
// member of a ward. It says such a search is too broad.
func (tx *Tx) KindMembers(ctx context.Context, province, commune, search string) (int, error) {
	var names []string
	if err := tx.db(ctx).SelectContext(ctx, &names, `
		SELECT c.name FROM users u JOIN communes c ON c.code = u.commune_code
		WHERE u.role IN ('volunteer', 'coordinator', 'province_coordinator')
			AND CASE WHEN $1 <> '' THEN c.code = $1 WHEN $2 <> '' THEN c.province_code = $2 ELSE true END`,
		commune, province); err != nil {
		return 0, wrap("members of a kind", err)
	}
	n := 0
	for _, name := range names {
		cw := vntext.Words(name)
		kind := cw[:len(cw)-len(withoutKind(cw))]
		if len(kind) > 0 && !slices.ContainsFunc(vntext.Words(search), func(q string) bool { return !slices.Contains(kind, q) }) {
			n++
		}
	}
	return n, nil
}

// unitKinds are the words a commune's name begins with, folded.
var unitKinds = [][]string{{"xa"}, {"phuong"}, {"thi", "tran"}, {"dac", "khu"}}

// withoutKind is words without the commune kind they begin with.
func withoutKind(words []string) []string {
	for _, k := range unitKinds {
		if len(words) > len(k) && slices.Equal(words[:len(k)], k) {
			return words[len(k):]
		}
	}
	return words
}

// MatchesOldName reports whether a search typed in /team names a commune
// by its name before the 2025 merger (label: "Phường 12, Quận Gò Vấp,
// Thành phố Hồ Chí Minh"): the old commune's name whole, folded, its kind
// ("xã", "phường", "thị trấn", "p") typed or not, then maybe words of its
// old district and province, each whole but the last, which may be begun
// ("phuong 12 go vap", "p12 go v", "nhon phu"). A part of the name
// ("nhon" for Nhơn Phú) is not one: that stays a search of names.
//
// Marks typed must be the name's (vntext.MarksFit): "Quảng Yên" does not
// name Xã Quang Yên. It reads a current name the same way ("Phường Bến
// Thành, Thành phố Hồ Chí Minh": CommunesNamed).
func MatchesOldName(search, label string) bool {
	if !vntext.MarksFit(search, label) {
		return false
	}
	name, rest, _ := strings.Cut(label, ",")
	want := withoutKind(vntext.Words(name))
	got := withoutKind(expandUnitWords(vntext.Words(search)))
	if len(want) == 0 || len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		return false
	}
	more := got[len(want):]
	words := vntext.Words(rest)
	for i, q := range more {
		last := i == len(more)-1
		if !slices.ContainsFunc(words, func(w string) bool { return w == q || last && strings.HasPrefix(w, q) }) {
			return false
		}
	}
	return true
}

// memberOrder sorts a team: province coordinators, coordinators, then
// volunteers; within a rank by commune and first name.
const memberOrder = `CASE role WHEN 'province_coordinator' THEN 0 WHEN 'coordinator' THEN 1 ELSE 2 END,
	sort_name NULLS FIRST, first_name, telegram_id`

// RemoveMember takes someone out of their team: they become a guest with no
// unit and no name (only team members are kept with a name) — one who
// logged a case keeps a number of their own for the reports instead
// (users.former_no, migration 00039; MarkVolunteers) —, kept with the
// time of their removal (RemovedAt) and a row of removals with the team
// (RemovedSince: one per team they were removed from), and the invite links they made that could still be used are revoked. The row
// stays for the cases that refer to it; a guest row with no case is
// forgotten after GuestSilenceDays. It changes nothing, and reports false,
// when m is no longer what it was read as (someone else removed or moved
// them).
func (tx *Tx) RemoveMember(ctx context.Context, m User) (bool, error) {
	return tx.takeOut(ctx, m, true, true)
}

// LeaveTeam takes a member out of their team at their own request
// (/leave), as RemoveMember does, but it is no removal: /start does not
// tell them they were removed (RemovedAt), and their team's links still
// take them. A removal from another team before stays (RemovedSince):
// leaving the team they joined since is no way back into that one.
func (tx *Tx) LeaveTeam(ctx context.Context, m User) (bool, error) {
	return tx.takeOut(ctx, m, false, true)
}

// AdminLeavesTeam is LeaveTeam for an administrator who had joined a
// team: their links stay, made for any unit, not as that team's (until
// review 30D leaving revoked every link they had made, all over the
// country).
func (tx *Tx) AdminLeavesTeam(ctx context.Context, m User) (bool, error) {
	return tx.takeOut(ctx, m, false, false)
}

func (tx *Tx) takeOut(ctx context.Context, m User, removal, revoke bool) (bool, error) {
	var n int
	err := tx.db(ctx).GetContext(ctx, &n, `
		WITH removed AS (
			UPDATE users SET role = 'guest', first_name = '', commune_code = NULL, province_code = NULL,
				joined_at = NULL, digest = true,
				removed_at = CASE WHEN $5 THEN now() END,
				former_no = coalesce(former_no, CASE WHEN EXISTS (SELECT 1 FROM cases WHERE volunteer_id = $1)
					THEN nextval('users_former_no') END),
				updated_at = now()
			WHERE telegram_id = $1 AND role = $2 AND commune_code IS NOT DISTINCT FROM $3 AND province_code IS NOT DISTINCT FROM $4
			RETURNING telegram_id),
		kept AS (INSERT INTO removals (telegram_id, commune_code, province_code, removed_at)
			SELECT telegram_id, $3, $4, now() FROM removed WHERE $5),
		revoked AS (UPDATE invites SET revoked_at = now()
			WHERE $6 AND created_by IN (SELECT telegram_id FROM removed) AND revoked_at IS NULL AND uses < max_uses AND expires_at > now()
			RETURNING code),
		forgot AS (DELETE FROM invite_uses WHERE code IN (SELECT code FROM revoked))
		SELECT count(*) FROM removed`,
		m.TelegramID, m.Role, m.CommuneCode, m.ProvinceCode, removal, revoke)
	if !removal {
		return n == 1, wrap("leave team", err)
	}
	return n == 1, wrap("remove member", err)
}

// TeamInvite is an invite as /team lists it, with the name of its commune.
type TeamInvite struct {
	Invite
	CommuneName sql.NullString `db:"commune_name"`
}

// UnusedInvites lists one page of a unit's invites that can still be used
// (neither expired, revoked nor used up), newest first, and how many there
// are in all. A province's are its province coordinator invites and those
// of all its communes.
func (tx *Tx) UnusedInvites(ctx context.Context, province, commune string, now time.Time, offset, limit int) ([]TeamInvite, int, error) {
	const where = `i.revoked_at IS NULL AND i.expires_at > $3 AND i.uses < i.max_uses AND CASE WHEN $1 <> ''
		THEN i.commune_code = $1
		ELSE i.province_code = $2 OR i.commune_code IN (SELECT code FROM communes WHERE province_code = $2) END`
	var total int
	if err := tx.db(ctx).GetContext(ctx, &total, `SELECT count(*) FROM invites i WHERE `+where, commune, province, now); err != nil {
		return nil, 0, wrap("count unused invites", err)
	}
	is := []TeamInvite{}
	err := tx.db(ctx).SelectContext(ctx, &is, `
		SELECT i.code, i.commune_code, i.province_code, i.role, i.created_by, i.created_at, i.expires_at, i.max_uses,
			i.uses, i.revoked_at, c.name AS commune_name
		FROM invites i LEFT JOIN communes c ON c.code = i.commune_code
		WHERE `+where+`
		ORDER BY i.created_at DESC, i.code
		LIMIT $4 OFFSET $5`, commune, province, now, limit, offset)
	return is, total, wrap("list unused invites", err)
}

// RevokeInvite ends an invite for good: whoever opens it later is told it
// was revoked. Who joined by it (invite_uses) is forgotten with it: that
// matters only while the link can be opened again. It reports false when
// it was already revoked.
func (tx *Tx) RevokeInvite(ctx context.Context, code string, at time.Time) (bool, error) {
	var n int
	err := tx.db(ctx).GetContext(ctx, &n, `
		WITH revoked AS (UPDATE invites SET revoked_at = $2 WHERE code = $1 AND revoked_at IS NULL RETURNING code),
		forgot AS (DELETE FROM invite_uses WHERE code IN (SELECT code FROM revoked))
		SELECT count(*) FROM revoked`, code, at)
	return n == 1, wrap("revoke invite", err)
}

// SetDigest turns a coordinator's weekly digest on or off.
func (tx *Tx) SetDigest(ctx context.Context, id int64, on bool) error {
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE users SET digest = $2, updated_at = now() WHERE telegram_id = $1`, id, on)
	return wrap("set digest", err)
}

// RemovedSince reports whether the user was removed, after at, from the
// team an invite is for (commune, or province for a province coordinator's
// invite): a link made before the removal does not bring them back to it,
// neither straight away nor after they joined another team, left it or
// were removed from it too (a row of removals each).
// A removal stored without its team (before migration 00026) counts for
// every team.
func (tx *Tx) RemovedSince(ctx context.Context, id int64, at time.Time, commune, province sql.NullString) (bool, error) {
	var removed bool
	err := tx.db(ctx).GetContext(ctx, &removed, `
		SELECT EXISTS (SELECT 1 FROM removals WHERE telegram_id = $1 AND removed_at > $2
			AND ((commune_code IS NULL AND province_code IS NULL)
				OR (commune_code IS NOT DISTINCT FROM $3 AND province_code IS NOT DISTINCT FROM $4)))`,
		id, at, commune, province)
	return removed, wrap("read a removal", err)
}

// RevokeInvitesOutside revokes the invite links a user made that could
// still be used and that the unit they hold now does not cover: a
// coordinator who moved to another commune made them as the first
// commune's coordinator, and its team is no longer theirs to grow (nor
// are its joins theirs to hear of). A commune coordinator covers their
// commune; a province coordinator their province and its communes. It
// reports how many it revoked. (An administrator, in no team by the
// configuration, is not asked here: their links are for any unit.)
func (tx *Tx) RevokeInvitesOutside(ctx context.Context, id int64) (int, error) {
	var n int
	err := tx.db(ctx).GetContext(ctx, &n, `
		WITH revoked AS (UPDATE invites i SET revoked_at = now()
			FROM users u
			WHERE u.telegram_id = $1 AND i.created_by = $1
				AND i.revoked_at IS NULL AND i.uses < i.max_uses AND i.expires_at > now()
				AND NOT `+makerCovers+`
			RETURNING i.code),
		forgot AS (DELETE FROM invite_uses WHERE code IN (SELECT code FROM revoked))
		SELECT count(*) FROM revoked`, id)
	return n, wrap("revoke invites outside the unit", err)
}

// makerCovers is true when the user u (the invite i's maker) covers the
// invite's unit: a commune coordinator their commune, a province
// coordinator their province and its communes.
const makerCovers = `COALESCE(CASE u.role
	WHEN 'coordinator' THEN i.commune_code = u.commune_code
	WHEN 'province_coordinator' THEN i.province_code = u.province_code
		OR i.commune_code IN (SELECT code FROM communes WHERE province_code = u.province_code)
	ELSE false END, false)`

// InviteOutsideMaker says whether an invite's maker no longer covers its
// unit (they moved or left, or their row is gone). Links made before
// RevokeInvitesOutside ran at every move are caught here, when opened.
// An administrator's links are for any unit: the caller does not ask.
func (tx *Tx) InviteOutsideMaker(ctx context.Context, inv Invite) (bool, error) {
	var covered bool
	err := tx.db(ctx).GetContext(ctx, &covered, `
		SELECT COALESCE((SELECT `+makerCovers+` FROM users u WHERE u.telegram_id = i.created_by), false)
		FROM invites i WHERE i.code = $1`, inv.Code)
	return !covered, wrap("check an invite's maker", err)
}

// UnitCoordinators lists the coordinators of a unit, but except: a
// commune's coordinators (commune set), or a province's province
// coordinators.
func (tx *Tx) UnitCoordinators(ctx context.Context, province, commune string, except int64) ([]User, error) {
	us := []User{}
	err := tx.db(ctx).SelectContext(ctx, &us, `
		SELECT `+userColumns+` FROM users
		WHERE telegram_id <> $3 AND CASE WHEN $1 <> ''
			THEN role = 'coordinator' AND commune_code = $1
			ELSE role = 'province_coordinator' AND province_code = $2 END
		ORDER BY telegram_id`, commune, province, except)
	return us, wrap("list a unit's coordinators", err)
}

// RemovedAt is when the user was last removed from a team (RemoveMember),
// if they were and have not joined one since; NULL otherwise.
func (tx *Tx) RemovedAt(ctx context.Context, id int64) (sql.NullTime, error) {
	var at sql.NullTime
	err := tx.db(ctx).GetContext(ctx, &at, `SELECT removed_at FROM users WHERE telegram_id = $1 AND role = 'guest'`, id)
	return at, wrap("read a removal", notFound(err))
}

// ProvinceFound is a province where a search finds members, and how many.
type ProvinceFound struct {
	Code    string `db:"code"`
	Name    string `db:"name"`
	Members int    `db:"-"`
}

// MemberProvinces lists the provinces whose teams have members a search
// finds, as a province's /team finds them (TeamMembers: MatchesMember, or
// an old name of their commune): an admin's search before they chose a
// province. Most found first, then by the province's name.
func (tx *Tx) MemberProvinces(ctx context.Context, search string) ([]ProvinceFound, error) {
	var all []struct {
		Province string         `db:"province_code"`
		Name     string         `db:"province_name"`
		First    string         `db:"first_name"`
		Code     sql.NullString `db:"commune_code"`
		Commune  sql.NullString `db:"commune_name"`
		Olds     pq.StringArray `db:"olds"`
	}
	if err := tx.db(ctx).SelectContext(ctx, &all, `
		SELECT p.code AS province_code, p.name AS province_name, u.first_name, u.commune_code, c.name AS commune_name,
			ARRAY(SELECT n.label FROM commune_names n WHERE n.commune_code = u.commune_code AND NOT n.is_current) AS olds
		FROM users u LEFT JOIN communes c ON c.code = u.commune_code
			JOIN provinces p ON p.code = COALESCE(c.province_code, u.province_code)
		WHERE u.role IN ('volunteer', 'coordinator', 'province_coordinator')
		ORDER BY p.sort_name, p.code`); err != nil {
		return nil, wrap("search members of every province", err)
	}
	// The exact name of communes with members is those communes
	// (communesMeant), as a province's search reads it.
	meant, err := tx.communesMeant(ctx, search)
	if err != nil {
		return nil, err
	}
	// In a province where it names a commune by its current name, it
	// names no old one (OldNamesNamed).
	named, err := tx.CommunesNamed(ctx, "", "", search)
	if err != nil {
		return nil, err
	}
	current := map[string]bool{}
	for _, n := range named {
		if n.Current {
			current[n.ProvinceCode] = true
		}
	}
	found := []ProvinceFound{}
	for _, m := range all {
		if !meant.finds(search, m.First, m.Code.String, m.Commune.String) &&
			(len(meant) > 0 || current[m.Province] || !slices.ContainsFunc(m.Olds, func(l string) bool { return MatchesOldName(search, l) })) {
			continue
		}
		if n := len(found); n > 0 && found[n-1].Code == m.Province {
			found[n-1].Members++
			continue
		}
		found = append(found, ProvinceFound{Code: m.Province, Name: m.Name, Members: 1})
	}
	slices.SortStableFunc(found, func(a, b ProvinceFound) int { return b.Members - a.Members })
	return found, nil
}
