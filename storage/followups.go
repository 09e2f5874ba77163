package storage

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	"github.com/lib/pq"
)

// A follow-up is the resident's side of a case whose resident agreed to be
// followed up: the dossier code, the date the result is due, and a link
// (the token) the volunteer hands over on a slip. Whoever opens the link
// first in Telegram becomes the resident of the follow-up: their chat id
// and language are all that is kept of them, with their own consent to
// reminders. Everything personal lives in the followups row and goes with
// it (/forget, ApplyRetention); the case keeps the anonymous rating and
// result (migrations/00006_followups.sql).

// Follow-up statuses.
const (
	FollowupWaiting  = "waiting"  // the result is awaited; reminders may go
	FollowupReceived = "received" // the resident said the result came
	FollowupProblem  = "problem"  // the resident reported a problem; the volunteer was told
	FollowupEnded    = "ended"    // no answer after the last reminder
)

// Follow-up results kept on the case (cases.followup_result) for reports.
const (
	ResultReceived     = "received"
	ResultReceivedLate = "received_late" // the resident had said "not yet" after the due date
	ResultProblem      = "problem"
)

// MaxAskAgain is how many times "not yet" asks again: after the first
// reminder (the working day after the due date), at most this many more.
const MaxAskAgain = 3

// MaxComment is the longest rating comment kept, in characters (the
// database checks it too).
const MaxComment = 200

// tokenBytes random bytes make a token: 24 base64url characters — longer
// than an invite code (12), so /start tells them apart.
const tokenBytes = 18

// TokenLen is how long a token NewToken makes is: tokenBytes in base64url,
// without padding.
const TokenLen = tokenBytes / 3 * 4

// oldTokenLen is how long the tokens are that migration 00006 gave the
// follow-ups kept before links existed: two UUIDs' 32 bytes in base64url.
const oldTokenLen = 43

// TokenLength reports whether a token of n characters may be a follow-up's
// (a link typed loosely keeps its length: byToken). Any other length is a
// link that lost or gained characters: mistyped or cut, not expired.
func TokenLength(n int) bool { return n == TokenLen || n == oldTokenLen }

// ErrBadRating is returned for a rating outside 1–5.
var ErrBadRating = errors.New("a rating is 1 to 5")

// NewToken returns a fresh follow-up token: random, base64url without
// padding, in Telegram's deep-link alphabet, and of its letters and digits
// only: a link read off the printed slip and typed by hand loses a "-" or
// "_" (one may be taken for the other, a space or a line break), so a
// token with either is drawn again — about half are. What is left is 24
// characters of 62, some 142 random bits.
func NewToken() string {
	b := make([]byte, tokenBytes)
	for {
		_, _ = rand.Read(b) // never fails (crypto/rand panics rather)
		if t := base64.RawURLEncoding.EncodeToString(b); !strings.ContainsAny(t, "-_") {
			return t
		}
	}
}

// Followup is a follow-up as the bot works with it: the row and what it
// needs of its case.
type Followup struct {
	CaseID      int64        `db:"case_id"`
	Token       string       `db:"token"`
	DossierCode string       `db:"dossier_code"`
	DueOn       sql.NullTime `db:"due_on"` // a date; NULL: the guide gives no working-day count
	DueKnown    bool         `db:"due_known"`
	// DueDays: the working days DueOn was counted with (SaveCountedFollowup;
	// NULL before migration 00025 and for a guide with no count).
	DueDays        sql.NullInt16  `db:"due_days"`
	ResidentChat   sql.NullInt64  `db:"resident_chat"`
	ResidentLang   sql.NullString `db:"resident_lang"`
	Consent        sql.NullBool   `db:"consent"` // NULL: not asked yet
	ConsentVersion sql.NullString `db:"consent_version"`
	// ConsentAt: when the consent was last given or taken back
	// (SetResidentConsent): a press that flips it back at once is the
	// second tap of a double tap (handlers' tap guard).
	ConsentAt sql.NullTime `db:"consent_at"`
	// RedrawnAt: when an answer to the comment question last drew the
	// card on the question's message (SetRedrawn, migration 00036): a
	// press on that message at once after is the second tap of a double
	// tap (handlers' tap guard).
	RedrawnAt      sql.NullTime   `db:"redrawn_at"`
	Status         string         `db:"status"`
	RemindersSent  int            `db:"reminders_sent"`
	NextReminderOn sql.NullTime   `db:"next_reminder_on"`
	Comment        sql.NullString `db:"comment"`
	EndedAt        sql.NullTime   `db:"ended_at"`
	CreatedAt      time.Time      `db:"created_at"`
	// Blocked: the resident's chat has blocked the bot (ChatBlocked):
	// nothing is sent to it meanwhile.
	Blocked bool `db:"blocked"`
	// CodeUntoldFrom: the dossier code the resident was shown before the
	// volunteer corrected it while their chat had blocked the bot, or in a
	// message Telegram refused because it just had (CodeUntold), until
	// they are told (CodeTold).
	CodeUntoldFrom sql.NullString `db:"code_untold_from"`
	// CodeCorrected: the dossier code was replaced by another once kept
	// (SaveFollowup with a new code): the slip may carry the old one.
	CodeCorrected bool `db:"code_corrected"`
	// OnScreen: the follow-up's card is the last follow-up message its
	// resident's chat received (SetOnScreen, migration 00033): its message
	// id, 0 or less while that id is still to come.
	OnScreen sql.NullInt32 `db:"on_screen"`
	// OnScreenConsent: that card asks the reminder question (consent not
	// given yet), or shows the answer just given to it (migration 00034).
	OnScreenConsent bool `db:"on_screen_consent"`
	// OffScreen: the copy of the card whose buttons a press on another
	// copy last took off (SetOffScreen, migration 00035).
	OffScreen sql.NullInt32 `db:"off_screen"`
	// From the case.
	GuideID     string         `db:"guide_id"`
	VolunteerID int64          `db:"volunteer_id"`
	CommuneCode sql.NullString `db:"commune_code"`
	Rating      sql.NullInt16  `db:"rating"`
	Result      sql.NullString `db:"followup_result"`
}

// Reminds says whether reminders may be sent to the resident: someone
// opened the link, agreed, and the result is still awaited.
func (f Followup) Reminds() bool {
	return f.Status == FollowupWaiting && f.ResidentChat.Valid && f.Consent.Valid && f.Consent.Bool
}

const followupColumns = `f.case_id, f.token, f.dossier_code, f.due_on, f.due_known, f.due_days, f.resident_chat, f.resident_lang,
	f.consent, f.consent_version, f.consent_at, f.redrawn_at, f.status, f.reminders_sent, f.next_reminder_on, f.comment, f.ended_at, f.created_at, f.blocked_at IS NOT NULL AS blocked,
	f.code_untold_from, f.code_corrected, f.on_screen, f.on_screen_consent, f.off_screen, c.guide_id, c.volunteer_id, c.commune_code, c.rating, c.followup_result`

// dateOf is the calendar day of t in its own zone, as a DATE parameter.
func dateOf(t time.Time) string { return t.Format(time.DateOnly) }

// ErrForgotten: the case's resident asked to be forgotten (/forget); no
// dossier code is kept for it again.
var ErrForgotten = errors.New("storage: the resident asked to be forgotten")

// SaveFollowup keeps the dossier code of a case whose resident consented to
// follow-up, with the date the result is due (zero: unknown) and whether
// that date is sure (known) or an estimate. The first save makes the link's
// token; saving again (a corrected code) keeps it, and a code that differs
// marks the follow-up corrected (CodeCorrected). The first reminder is
// planned for the day after the due date — the result may come any time on
// the due date itself —; the sweep, which asks on working days only, asks
// it on the first working day from then. ErrForgotten when the resident had the case's
// follow-up deleted.
func (tx *Tx) SaveFollowup(ctx context.Context, caseID int64, code string, due time.Time, known bool) (Followup, error) {
	return tx.SaveCountedFollowup(ctx, caseID, code, due, known, 0)
}

// SaveCountedFollowup is SaveFollowup for a due date counted as days
// working days (the guide's count, 0: none): the promise told to the
// resident, which RedateEstimates counts again over a changed calendar,
// whatever the guide says by then.
func (tx *Tx) SaveCountedFollowup(ctx context.Context, caseID int64, code string, due time.Time, known bool, days int) (Followup, error) {
	var d sql.NullString
	if !due.IsZero() {
		d = sql.NullString{String: dateOf(due), Valid: true}
	}
	// Neither the resident's chat nor its marks change, only the case
	// (followups_kept): its volunteer's row read ahead alone is dropped.
	tx.wroteCase(ctx, caseID)
	res, err := tx.keeping(ctx).ExecContext(ctx, `
		INSERT INTO followups (case_id, dossier_code, due_on, due_known, due_days, next_reminder_on, token)
		SELECT $1, $2, $3::date, $4, nullif($6::int, 0), $3::date + 1, $5 FROM cases WHERE id = $1 AND NOT followup_forgotten
		ON CONFLICT (case_id) DO UPDATE SET dossier_code = $2, code_corrected = followups.code_corrected OR followups.dossier_code <> $2, due_on = $3::date, due_known = $4, due_days = nullif($6::int, 0),
			next_reminder_on = CASE WHEN followups.reminders_sent = 0 THEN $3::date + 1 ELSE followups.next_reminder_on END`,
		caseID, code, d, known && d.Valid, NewToken(), days)
	if ok, err := changed("save follow-up", res, err); err != nil || !ok {
		return Followup{}, cmp.Or(err, ErrForgotten)
	}
	return tx.FollowupOfCase(ctx, caseID)
}

// AskWithoutDate plans the first question of a follow-up that has no due
// date (its guide gives no working-day count) for day: the resident who
// agrees is asked then whether the result came. It changes nothing once a
// question was asked, or for a follow-up with a due date.
func (tx *Tx) AskWithoutDate(ctx context.Context, caseID int64, day time.Time) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET next_reminder_on = $2::date
		WHERE case_id = $1 AND due_on IS NULL AND reminders_sent = 0 AND status = 'waiting'`, caseID, dateOf(day))
	return wrap("plan the first question of a follow-up without a date", err)
}

// Estimate is a follow-up whose due date was counted over days off not
// announced yet (due_known false), not asked about yet: its date may be
// counted again once the calendar knows more (RedateEstimate).
type Estimate struct {
	CaseID   int64     `db:"case_id"`
	GuideID  string    `db:"guide_id"`
	Received time.Time `db:"finished_at"` // the case's end, which the due date was counted from
	DueOn    time.Time `db:"due_on"`
	// Days: the working days the date was counted with (SaveCountedFollowup);
	// NULL for a follow-up kept before they were (migration 00025).
	Days sql.NullInt16 `db:"due_days"`
}

// Estimates lists the waiting follow-ups whose due date is an estimate and
// whose first question is not asked yet.
func (tx *Tx) Estimates(ctx context.Context) ([]Estimate, error) {
	var es []Estimate
	err := tx.db(ctx).SelectContext(ctx, &es, `
		SELECT f.case_id, c.guide_id, c.finished_at, f.due_on, f.due_days
		FROM followups f JOIN cases c ON c.id = f.case_id
		WHERE f.status = 'waiting' AND f.due_on IS NOT NULL AND NOT f.due_known AND f.reminders_sent = 0
			AND c.finished_at IS NOT NULL
		ORDER BY f.case_id`)
	return es, wrap("list estimated due dates", err)
}

// RedateEstimate replaces an estimated due date (was) by the one counted
// again (due, and whether it is sure now), with the first question planned
// the day after, as SaveFollowup plans it; it changes nothing once the
// question was asked or the date was changed meanwhile.
func (tx *Tx) RedateEstimate(ctx context.Context, caseID int64, was, due time.Time, known bool) (bool, error) {
	res, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET due_on = $3::date, due_known = $4, next_reminder_on = $3::date + 1
		WHERE case_id = $1 AND due_on = $2::date AND NOT due_known AND reminders_sent = 0 AND status = 'waiting'`,
		caseID, dateOf(was), dateOf(due), known)
	return changed("count an estimated due date again", res, err)
}

// Followup returns a case's dossier code and due date; ErrNotFound when
// none was kept.
func (tx *Tx) Followup(ctx context.Context, caseID int64) (code string, due sql.NullTime, err error) {
	row := tx.keeping(ctx).QueryRowxContext(ctx, `SELECT dossier_code, due_on FROM followups WHERE case_id = $1`, caseID)
	err = notFound(row.Scan(&code, &due))
	return code, due, wrap("read follow-up", err)
}

// FollowupOfCase returns a case's follow-up, locked for this transaction;
// ErrNotFound when there is none (never kept, forgotten or purged).
func (tx *Tx) FollowupOfCase(ctx context.Context, caseID int64) (Followup, error) {
	var f Followup
	err := tx.keeping(ctx).GetContext(ctx, &f, `SELECT `+followupColumns+`
		FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.case_id = $1 FOR UPDATE OF f`, caseID)
	return f, wrap("read follow-up", notFound(err))
}

// byToken finds the follow-up of a link's token: the exact token, else one
// it differs from only as a link typed off the printed slip does — a
// letter's case, l or I for 1, O for 0 (migrations/00020: the loose form
// keeps some 121 of the token's 142 random bits; a token made before
// NewToken left out "-" and "_" had 144, and keeps 123).
const byToken = `f.token = $1 OR translate(lower(f.token), 'ilo', '110') = translate(lower($1), 'ilo', '110')
	ORDER BY f.token = $1 DESC LIMIT 1`

// FollowupByTokenTx returns the follow-up a link names (byToken), locked
// for this transaction; ErrNotFound when the token is unknown or purged.
func (tx *Tx) FollowupByTokenTx(ctx context.Context, token string) (Followup, error) {
	var f Followup
	err := tx.db(ctx).GetContext(ctx, &f, `SELECT `+followupColumns+`
		FROM followups f JOIN cases c ON c.id = f.case_id WHERE `+byToken+` FOR UPDATE OF f`, token)
	return f, wrap("read follow-up by link", notFound(err))
}

// CodeUntold records that the follow-up's resident, whose chat has blocked
// the bot, was not told that its dossier code, shown to them as old, was
// corrected (no message went, or Telegram refused it for the block): the first code they were shown is kept until CodeTold, and
// none if the code is corrected back to it.
func (tx *Tx) CodeUntold(ctx context.Context, caseID int64, old string) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET code_untold_from = nullif(coalesce(code_untold_from, $2), dossier_code)
		WHERE case_id = $1`, caseID, old)
	return wrap("keep an untold code correction", err)
}

// CodeTold clears what CodeUntold kept: the resident was told.
func (tx *Tx) CodeTold(ctx context.Context, caseID int64) error {
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE followups SET code_untold_from = NULL WHERE case_id = $1`, caseID)
	return wrap("clear an untold code correction", err)
}

// ClaimFollowup makes chat the follow-up's resident if nobody opened its
// link before (the first chat keeps it), and keeps the resident's language
// current. It reports whether chat is the resident now.
func (tx *Tx) ClaimFollowup(ctx context.Context, caseID, chat int64, lang string, at time.Time) (bool, error) {
	res, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET resident_chat = $2, resident_lang = $3, opened_at = coalesce(opened_at, $4)
		WHERE case_id = $1 AND (resident_chat IS NULL OR resident_chat = $2)`, caseID, chat, lang, at)
	if err != nil {
		return false, wrap("claim follow-up", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// SetResidentConsent records the resident's own answer to the reminder
// question, with the version of the text they read. Only the resident's
// chat can answer.
func (tx *Tx) SetResidentConsent(ctx context.Context, caseID, chat int64, consent bool, version string, at time.Time) error {
	res, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET consent = $3, consent_version = $4, consent_at = $5
		WHERE case_id = $1 AND resident_chat = $2`, caseID, chat, consent, version, at)
	return rowChanged("record the resident's consent", res, err)
}

// SetRedrawn notes that the resident's answer to the comment question
// drew the card of caseID again at at (Followup.RedrawnAt).
func (tx *Tx) SetRedrawn(ctx context.Context, caseID int64, at time.Time) error {
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE followups SET redrawn_at = $2 WHERE case_id = $1`, caseID, at)
	return wrap("note the card drawn again", err)
}

// SetOffScreen notes that message, a copy of caseID's card, lost its
// buttons to a press on another copy (Followup.OffScreen).
func (tx *Tx) SetOffScreen(ctx context.Context, caseID int64, message int) error {
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE followups SET off_screen = $2 WHERE case_id = $1`, caseID, message)
	return wrap("note the copy of the card taken off", err)
}

// RateCase stores the resident's rating (1–5) on the case, where it stays
// for reports after the follow-up is gone. Rating again replaces it.
func (tx *Tx) RateCase(ctx context.Context, caseID int64, rating int, at time.Time) error {
	if rating < 1 || rating > 5 {
		return ErrBadRating
	}
	_, err := tx.db(ctx).ExecContext(ctx, `
		WITH f AS (UPDATE followups SET rated_at = $3 WHERE case_id = $1)
		UPDATE cases SET rating = $2 WHERE id = $1`, caseID, rating, at)
	return wrap("rate case", err)
}

// SetFollowupComment keeps the resident's short comment (checked by the
// caller for personal data: privacy.NoteProblem); "" clears it.
func (tx *Tx) SetFollowupComment(ctx context.Context, caseID int64, comment string) error {
	_, err := tx.db(ctx).ExecContext(ctx, `UPDATE followups SET comment = nullif($2, '') WHERE case_id = $1`, caseID, comment)
	return wrap("keep follow-up comment", err)
}

// ForgetResident deletes at once every follow-up whose resident is chat —
// chat id, dossier code, comment —, marks their cases so that none is made
// again (SaveFollowup), and deletes the chat's guest row (its chosen
// language) and conversation row (the comment question's), if the chat
// has no other reason to exist: it is nobody's on a team and helped with
// no case (a member's conversation row stays, its version keeping their
// old buttons stale). The cases stay, with their rating and result. It
// returns the cases whose follow-ups went.
func (tx *Tx) ForgetResident(ctx context.Context, chat int64) ([]int64, error) {
	var cases pq.Int64Array
	err := tx.db(ctx).GetContext(ctx, &cases, forgetFollowups(`resident_chat = $1`)+`,`+forgetChat+`
		SELECT coalesce(array_agg(case_id ORDER BY case_id), '{}') FROM gone`, chat)
	delete(tx.convs, chat) // read again if needed: the row may be gone
	return cases, wrap("forget resident", err)
}

// forgetChat is the part of a statement forgetting a resident's chat $1
// whose follow-ups it deletes or unlinks: the chat's guest row and
// conversation row go unless the chat has another reason to be kept (it is
// someone's on a team, or helped with a case).
const forgetChat = `
		guest AS (DELETE FROM users u WHERE telegram_id = $1 AND role = 'guest'
			AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.volunteer_id = u.telegram_id)),
		conv AS (DELETE FROM conversations WHERE chat_id = $1
			AND NOT EXISTS (SELECT 1 FROM users u WHERE u.telegram_id = $1
				AND (u.role <> 'guest' OR EXISTS (SELECT 1 FROM cases c WHERE c.volunteer_id = u.telegram_id))))`

// UnlinkResident forgets a chat whose Telegram account was deleted (a reply
// refused "user is deactivated": it never comes back) from the follow-ups
// whose resident it is, and keeps the follow-ups for their web page: their
// chat id, the language, when the link was opened and the consent to
// reminders given there go, as if the link had never been opened in
// Telegram (whoever opens it next is asked again); the dossier code, due
// date, rating and comment stay for whoever holds the link. The chat's
// guest and conversation rows go as by ForgetResident. It returns the cases
// whose follow-ups it unlinked.
func (tx *Tx) UnlinkResident(ctx context.Context, chat int64) ([]int64, error) {
	var cases pq.Int64Array
	err := tx.db(ctx).GetContext(ctx, &cases, `
		WITH gone AS (UPDATE followups SET resident_chat = NULL, resident_lang = NULL, opened_at = NULL,
				consent = NULL, consent_version = NULL, consent_at = NULL, redrawn_at = NULL, off_screen = NULL, blocked_at = NULL, asked_back_at = NULL, code_untold_from = NULL,
				on_screen = NULL
			WHERE resident_chat = $1 RETURNING case_id),`+forgetChat+`
		SELECT coalesce(array_agg(case_id ORDER BY case_id), '{}') FROM gone`, chat)
	delete(tx.convs, chat) // read again if needed: the row may be gone
	return cases, wrap("unlink a deleted account from its follow-ups", err)
}

// PassFollowup leaves a follow-up whose resident is chat to whoever opens
// its link next (a son opened his mother's link first): the chat, its
// language, when it opened the link and its consent go, as UnlinkResident
// does for one follow-up; the dossier code, due date, rating and comment
// stay. It says whether chat was the resident.
func (tx *Tx) PassFollowup(ctx context.Context, caseID, chat int64) (bool, error) {
	res, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET resident_chat = NULL, resident_lang = NULL, opened_at = NULL,
			consent = NULL, consent_version = NULL, consent_at = NULL, redrawn_at = NULL, off_screen = NULL, blocked_at = NULL, asked_back_at = NULL, code_untold_from = NULL,
			on_screen = NULL
		WHERE case_id = $1 AND resident_chat = $2`, caseID, chat)
	if err != nil {
		return false, wrap("pass a follow-up on", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// WhenForgotten sets what else ForgetFollowup and ApplyRetention do, in
// the transaction that deletes follow-ups, with their cases and, for
// ForgetFollowup, their resident's chat (0 when the link was never opened
// in Telegram, and for retention) and the messages of that chat where a
// question about them was open (the comment question, the "received?"
// question: closed with them): the bot takes back the replies about them
// it still holds, and takes those questions' buttons off (handlers.New
// sets it).
func (s *Storage) WhenForgotten(fn func(ctx context.Context, tx *Tx, cases []int64, chat int64, asked []int) error) {
	s.forgotten = fn
}

// SetOnScreen makes the follow-up of caseID whose resident is chat the
// dossier on screen there (Followup.OnScreen), its card on message (0 or
// less: a new message whose id is still to come), and no other of the
// chat's; caseID 0 leaves none on screen (a list of several was shown).
// consent says the card asks the reminder question, or answers it
// (Followup.OnScreenConsent).
func (tx *Tx) SetOnScreen(ctx context.Context, chat, caseID int64, message int, consent bool) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET on_screen = CASE WHEN case_id = $2 THEN $3::int END, on_screen_consent = case_id = $2 AND $4
		WHERE resident_chat = $1 AND (on_screen IS NOT NULL OR case_id = $2)`, chat, caseID, message, consent)
	return wrap("note the dossier on screen", err)
}

// OffScreenBut leaves the chat's dossier on screen as it is only if it is
// caseID's: a message about another dossier (a code corrected) came since.
func (tx *Tx) OffScreenBut(ctx context.Context, chat, caseID int64) error {
	_, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET on_screen = NULL WHERE resident_chat = $1 AND case_id <> $2 AND on_screen IS NOT NULL`, chat, caseID)
	return wrap("note no dossier on screen", err)
}

// OnScreenSent notes that a copy of caseID's card, sent to chat as a new
// message while it was the dossier on screen, is message: the card is on
// it, unless /lang drew a newer copy before this one's id came (replaced:
// this copy is to lose its buttons). A card no longer on screen, or whose
// message is known, is left as it is.
func (tx *Tx) OnScreenSent(ctx context.Context, chat, caseID int64, message int) (replaced bool, err error) {
	var left []int
	err = tx.db(ctx).SelectContext(ctx, &left, `
		UPDATE followups SET on_screen = CASE WHEN on_screen < 0 THEN on_screen + 1 ELSE $3 END
		WHERE case_id = $2 AND resident_chat = $1 AND on_screen <= 0 RETURNING on_screen`, chat, caseID, message)
	return len(left) == 1 && left[0] <= 0, wrap("note the message of the dossier on screen", err)
}

// FollowupsOfChat returns the follow-ups whose resident is chat, oldest
// case first, locked for this transaction (/forget asks which to erase;
// /start shows them again).
func (tx *Tx) FollowupsOfChat(ctx context.Context, chat int64) ([]Followup, error) {
	var fs []Followup
	err := tx.db(ctx).SelectContext(ctx, &fs, `SELECT `+followupColumns+`
		FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.resident_chat = $1 ORDER BY f.case_id FOR UPDATE OF f`, chat)
	return fs, wrap("read a chat's follow-ups", err)
}

// ForgottenOn notes that the follow-ups of cases, just erased at their
// resident's word (ForgetResident, ForgetChatFollowup), were erased from
// message, the /forget question pressed in the resident's chat, at at: a
// second tap on it is told from a press there after an erase elsewhere
// (ForgottenFrom). A message id on the case, nothing of the resident;
// retention clears it ForgottenPressDays after at.
func (tx *Tx) ForgottenOn(ctx context.Context, cases []int64, message int, at time.Time) error {
	if len(cases) == 0 || message == 0 {
		return nil
	}
	_, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE cases SET followup_forgotten_on = $2, followup_forgotten_at = $3
		WHERE id = ANY($1) AND followup_forgotten`, pq.Int64Array(cases), message, at)
	return wrap("note the question a follow-up was erased from", err)
}

// ForgottenFrom is the message the follow-up of caseID was erased from
// (ForgottenOn), 0 if none: not erased, or not from a /forget question.
func (tx *Tx) ForgottenFrom(ctx context.Context, caseID int64) (int, error) {
	var on sql.NullInt32
	err := tx.db(ctx).GetContext(ctx, &on, `SELECT followup_forgotten_on FROM cases WHERE id = $1 AND followup_forgotten`, caseID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return int(on.Int32), wrap("read the question a follow-up was erased from", err)
}

// ForgetChatFollowup deletes at once one follow-up whose resident is chat,
// at their word (/forget, when the chat holds several: a daughter who
// erases her father's and keeps her mother's), as ForgetFollowup does from
// the link's page: its case is marked, a comment question about it ends,
// and a chat left with no follow-up is forgotten as by ForgetResident. It
// returns how many of the chat's follow-ups remain; ErrNotFound when chat
// holds no follow-up of that case (erased already, or someone else's).
func (tx *Tx) ForgetChatFollowup(ctx context.Context, chat, caseID int64) (others int, err error) {
	var gone []int
	err = tx.db(ctx).SelectContext(ctx, &gone, forgetFollowups(`resident_chat = $1 AND case_id = $2`)+`,
		conv AS (UPDATE conversations c SET flow = '', step = '', data = '{}', version = c.version + 1, updated_at = now()
			FROM gone WHERE c.chat_id = $1 AND c.flow = $3 AND c.data->>'c' = gone.case_id::text),`+forgetAsked(`$1`)+`
		SELECT (SELECT count(*) FROM followups f WHERE f.resident_chat = $1 AND f.case_id <> $2) FROM gone`,
		chat, caseID, FollowupFlow)
	delete(tx.convs, chat) // read again if needed: the row may have changed
	switch {
	case err != nil:
		return 0, wrap("forget a chat's follow-up", err)
	case len(gone) == 0:
		return 0, ErrNotFound
	case gone[0] == 0:
		_, err = tx.ForgetResident(ctx, chat)
	}
	return gone[0], err
}

// forgetFollowups begins the statement that forgets follow-ups at their
// resident's word (ForgetResident, ForgetFollowup): it deletes the
// followups rows where selects and marks their cases followup_forgotten,
// so that SaveFollowup keeps no dossier code for them again. What it
// deleted is gone (case_id, resident_chat), for the statement's other
// parts to read.
func forgetFollowups(where string) string {
	return `
		WITH gone AS (DELETE FROM followups WHERE ` + where + ` RETURNING case_id, resident_chat),
		marked AS (UPDATE cases SET followup_forgotten = true WHERE id IN (SELECT case_id FROM gone))`
}

// FollowupFlow is the conversation flow of a follow-up's resident in
// Telegram at the comment question (handlers/followup.go): its data names
// the case ({"c": id}).
const FollowupFlow = "f"

// ReceivedFlow is the conversation flow of a chat whose "received?"
// question is open (handlers/followup.go): its data names the cases it is
// open for, with the messages it is on ({"q": {"id": [message, …]}}), and
// keeps the note the chat had in no flow (KeepAfterFlow) beside them
// ({"n": …}). A flow of its own, not a screen of FollowupFlow: the
// version before it (review 21d) reads a flow it does not know as no flow
// at all, where FollowupFlow is its comment question's.
const ReceivedFlow = "fr"

// forgetAsked is the part of a statement forgetting the follow-ups gone
// (forgetFollowups) that takes their cases out of the "received?"
// questions their resident's chat (chat: an expression) has open: the
// chat is tied to them nowhere, and the other dossiers' questions stay
// open. It names ReceivedFlow as a constant: the statements that use it
// pass their parameters at different places. (FollowupFlow too: 4853ef6,
// never released, kept the question there; a comment question has no "q".)
func forgetAsked(chat string) string {
	return `
		asked AS (UPDATE conversations c SET data = c.data #- ARRAY['q', gone.case_id::text], updated_at = now()
			FROM gone WHERE c.chat_id = ` + chat + ` AND c.flow IN ('` + ReceivedFlow + `', '` + FollowupFlow + `') AND c.data->'q' ? gone.case_id::text)`
}

// ForgetFollowup deletes at once the follow-up a link names — dossier code,
// token, comment and, if the link was opened in Telegram, the resident's
// chat id and language —, at the word of whoever holds the link (its web
// page: the page has no chat, so only this follow-up goes, where /forget
// takes every follow-up of a chat). Its case is marked as by
// ForgetResident, so that no dossier code is kept for it again, and keeps
// its anonymous rating and result. A comment question the resident's chat
// was left at about this case is ended, so that the chat is tied to the
// case nowhere. A chat left with no follow-up is forgotten as by /forget
// (ForgetResident: its guest row and conversation go); a chat's other
// follow-ups stay, and with them its rows. ErrNotFound when no follow-up
// has the token (never made, purged, or forgotten already).
func (s *Storage) ForgetFollowup(ctx context.Context, token string) error {
	return s.InTx(ctx, func(tx *Tx) error {
		var gone []struct {
			Case   int64         `db:"case_id"`
			Chat   sql.NullInt64 `db:"resident_chat"`
			Others bool          `db:"others"`
			Asked  pq.Int64Array `db:"asked"`
		}
		// asked: the messages the questions this ends were on, read as the
		// conversation was before (the statement's one snapshot) — the
		// comment question's (its flow's screen, when known), the
		// "received?" question's (its "q") —, for their buttons to come
		// off, as /forget's update takes them off.
		err := tx.db(ctx).SelectContext(ctx, &gone, forgetFollowups(`token = $1`)+`,
			conv AS (UPDATE conversations c SET flow = '', step = '', data = '{}', version = c.version + 1, updated_at = now()
				FROM gone WHERE c.chat_id = gone.resident_chat AND c.flow = $2 AND c.data->>'c' = gone.case_id::text),`+
			forgetAsked(`gone.resident_chat`)+`,
			shown AS (SELECT m FROM conversations c JOIN gone ON c.chat_id = gone.resident_chat,
				LATERAL (SELECT c.message_id AS m WHERE c.flow = $2 AND c.data->>'c' = gone.case_id::text AND c.message_id <> 0
					UNION SELECT jsonb_array_elements_text(c.data->'q'->(gone.case_id::text))::int
					WHERE c.flow IN ('`+ReceivedFlow+`', '`+FollowupFlow+`') AND jsonb_typeof(c.data->'q'->(gone.case_id::text)) = 'array') q)
			SELECT case_id, resident_chat, EXISTS (SELECT 1 FROM followups f
				WHERE f.resident_chat = gone.resident_chat AND f.token <> $1) AS others,
				ARRAY(SELECT m FROM shown ORDER BY m) AS asked
			FROM gone`, token, FollowupFlow)
		switch {
		case err != nil:
			return wrap("forget follow-up", err)
		case len(gone) == 0:
			return ErrNotFound
		case gone[0].Chat.Valid && !gone[0].Others:
			if _, err := tx.ForgetResident(ctx, gone[0].Chat.Int64); err != nil {
				return err
			}
		}
		asked := make([]int, len(gone[0].Asked))
		for i, m := range gone[0].Asked {
			asked[i] = int(m)
		}
		if s.forgotten != nil {
			return s.forgotten(ctx, tx, []int64{gone[0].Case}, gone[0].Chat.Int64, asked)
		}
		return nil
	})
}

// The reminder's transitions. Each takes the follow-up as it stands (locked
// by FollowupOfCase or read by the caller) and changes it only when the
// transition still applies, reporting whether it did: a double tap, an old
// reminder's buttons or a job run twice change nothing the second time.

// ReminderSent records that reminder number n (1 for the first) went
// to the resident: the answer is awaited, no date is planned. It changes
// nothing unless n-1 reminders were sent and one was planned — a job
// retried after a crash finds false and must not send again.
func (tx *Tx) ReminderSent(ctx context.Context, caseID int64, n int, at time.Time) (bool, error) {
	res, err := tx.db(ctx).ExecContext(ctx, `
		UPDATE followups SET reminders_sent = $2, next_reminder_on = NULL
		WHERE case_id = $1 AND status = 'waiting' AND reminders_sent = $2::smallint - 1 AND next_reminder_on IS NOT NULL`,
		caseID, n)
	return changed("record a reminder sent", res, err)
}

// Received: the resident says the result came. The follow-up ends; the case
// keeps "received", or "received_late" when the resident had said "not
// yet" after the due date (NotYet): the result had not come by its end.
// When the answer comes says nothing of when the result came (a resident
// may answer days later), so it does not count. A problem reported
// earlier is overridden: it was solved.
func (tx *Tx) Received(ctx context.Context, caseID int64, at time.Time) (bool, error) {
	res, err := tx.db(ctx).ExecContext(ctx, `
		WITH f AS (
			UPDATE followups SET status = 'received', ended_at = $2, next_reminder_on = NULL
			WHERE case_id = $1 AND status IN ('waiting', 'problem', 'ended')
			RETURNING case_id, CASE WHEN not_yet_after_due THEN 'received_late' ELSE 'received' END AS result)
		UPDATE cases c SET followup_result = f.result FROM f WHERE c.id = f.case_id`, caseID, at)
	return changed("record the result received", res, err)
}

// NotYet: the resident has not received the result yet. The next reminder
// is planned for next, unless MaxAskAgain reminders after the first were
// already sent: then the follow-up ends unanswered. again says which. Said
// after the due date (at's day in loc), it marks the result late, should
// it come (Received). It changes nothing unless a reminder's answer is
// awaited (ok false).
func (tx *Tx) NotYet(ctx context.Context, caseID int64, next, at time.Time, loc *time.Location) (ok, again bool, err error) {
	var status string
	err = tx.db(ctx).GetContext(ctx, &status, `
		UPDATE followups SET
			status = CASE WHEN reminders_sent > $4::int THEN 'ended' ELSE status END,
			ended_at = CASE WHEN reminders_sent > $4::int THEN $3::timestamptz END,
			next_reminder_on = CASE WHEN reminders_sent > $4::int THEN NULL ELSE $2::date END,
			not_yet_after_due = not_yet_after_due OR coalesce($5::date > due_on, false)
		WHERE case_id = $1 AND status = 'waiting' AND reminders_sent > 0 AND next_reminder_on IS NULL
		RETURNING status`, caseID, dateOf(next), at, MaxAskAgain, dateOf(at.In(loc)))
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, nil
	}
	if err != nil {
		return false, false, wrap("record not yet", err)
	}
	return true, status == FollowupWaiting, nil
}

// Problem: the resident reports a problem with the dossier, while the
// result is awaited or after the reminders ended without it (the result
// still not come: as long as the follow-up is kept). The follow-up ends
// with the case's result "problem" (the volunteer and their coordinator
// are told by the caller: ProblemContacts); one that had ended keeps its
// end, which retention counts from: a report does not keep it longer.
func (tx *Tx) Problem(ctx context.Context, caseID int64, at time.Time) (bool, error) {
	res, err := tx.db(ctx).ExecContext(ctx, `
		WITH f AS (
			UPDATE followups SET status = 'problem', ended_at = coalesce(ended_at, $2), next_reminder_on = NULL
			WHERE case_id = $1 AND status IN ('waiting', 'ended') RETURNING case_id)
		UPDATE cases c SET followup_result = 'problem' FROM f WHERE c.id = f.case_id`, caseID, at)
	return changed("record a problem", res, err)
}

// Contact is someone the bot may write to, in their language.
type Contact struct {
	ID       int64  `db:"telegram_id"`
	Language string `db:"language"`
}

// ProblemContacts returns who is told of a problem with a case: the
// volunteer who helped (unless removed from their team since), then the
// coordinators of the case's commune and of its province. An administrator
// who helped is kept with the role of a guest, as a member who left is: not
// among them (the handlers, which know the administrators, add them).
func (tx *Tx) ProblemContacts(ctx context.Context, caseID int64) ([]Contact, error) {
	var cs []Contact
	err := tx.db(ctx).SelectContext(ctx, &cs, `
		SELECT u.telegram_id, u.language FROM cases c JOIN users u ON u.telegram_id = c.volunteer_id
		WHERE c.id = $1 AND u.role <> 'guest'
		UNION ALL
		SELECT * FROM (SELECT u.telegram_id, u.language FROM cases c
			JOIN users u ON u.telegram_id <> c.volunteer_id AND (
				(u.role = 'coordinator' AND u.commune_code = c.commune_code)
				OR (u.role = 'province_coordinator' AND u.province_code = (SELECT province_code FROM communes WHERE code = c.commune_code)))
			WHERE c.id = $1 ORDER BY u.role, u.telegram_id) co`, caseID)
	return cs, wrap("read problem contacts", err)
}

// Reminder is what a reminder job needs to write to a resident.
type Reminder struct {
	CaseID      int64        `db:"case_id"`
	Chat        int64        `db:"resident_chat"`
	Language    string       `db:"language"` // the resident's: their guest row's if they chose one since, else the one kept
	N           int          `db:"n"`        // this reminder's number: pass it to ReminderSent
	GuideID     string       `db:"guide_id"`
	DossierCode string       `db:"dossier_code"`
	DueOn       sql.NullTime `db:"due_on"`
	DueKnown    bool         `db:"due_known"`
	// Blocked: the resident has blocked the bot (ChatBlocked): the
	// reminder is recorded asked but not sent.
	Blocked bool `db:"blocked"`
}

// DueReminders returns up to limit follow-ups whose next reminder is due on
// or before day (a date in Vietnam time) and that may remind: a resident
// who opened the link and agreed, the result still awaited. Residents who
// followed no link never appear.
func (s *Storage) DueReminders(ctx context.Context, day time.Time, limit int) ([]Reminder, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var rs []Reminder
	err := s.db.SelectContext(ctx, &rs, dueReminders+` ORDER BY f.next_reminder_on, f.case_id LIMIT $2`, dateOf(day), limit)
	return rs, wrap("list due reminders", err)
}

// DueReminder returns one case's reminder if it is due on or before day,
// locking its follow-up until the transaction ends: the job that sends it
// reads, sends and records it (ReminderSent) as one change.
func (tx *Tx) DueReminder(ctx context.Context, caseID int64, day time.Time) (Reminder, error) {
	var r Reminder
	err := tx.db(ctx).GetContext(ctx, &r, dueReminders+` AND f.case_id = $2 FOR UPDATE OF f`, dateOf(day), caseID)
	return r, wrap("read a due reminder", notFound(err))
}

const dueReminders = `
		SELECT f.case_id, f.resident_chat, coalesce(nullif(u.language, ''), f.resident_lang, '') AS language,
			f.reminders_sent + 1 AS n, c.guide_id, f.dossier_code, f.due_on, f.due_known, f.blocked_at IS NOT NULL AS blocked
		FROM followups f JOIN cases c ON c.id = f.case_id LEFT JOIN users u ON u.telegram_id = f.resident_chat
		WHERE f.status = 'waiting' AND f.next_reminder_on <= $1::date AND f.resident_chat IS NOT NULL AND f.consent`

// FollowupPage is what the resident's web page shows (GET /f/<token>).
type FollowupPage struct {
	Token       string
	CaseID      int64
	GuideID     string
	DossierCode string
	DueOn       time.Time // a date (Vietnam time); zero when unknown
	DueKnown    bool      // false: the date is an estimate ("dự kiến")
	Status      string    // FollowupWaiting, FollowupReceived, FollowupProblem, FollowupEnded
	Rating      int       // 0 = not rated yet
	Comment     string    // the resident's comment, "" when none
	InTelegram  bool      // someone opened the link in Telegram: reminders go there
	Reminds     bool      // …and agreed, and the result is awaited (Followup.Reminds)
	// CodeCorrected: the volunteer replaced the code after the slip was
	// given: the slip may carry the old one.
	CodeCorrected bool
}

// vietnam is the zone due dates are days of.
var vietnam = time.FixedZone("ICT", 7*60*60)

// FollowupByToken returns what the page of a link shows (byToken: its
// Token is the follow-up's own, which a link typed loosely differs from);
// ErrNotFound when the token is unknown or purged.
func (s *Storage) FollowupByToken(ctx context.Context, token string) (FollowupPage, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var f Followup
	err := s.db.GetContext(ctx, &f, `SELECT `+followupColumns+`
		FROM followups f JOIN cases c ON c.id = f.case_id WHERE `+byToken, token)
	if err != nil {
		return FollowupPage{}, wrap("read follow-up page", notFound(err))
	}
	return f.Page(), nil
}

// Page is the follow-up as its web page shows it.
func (f Followup) Page() FollowupPage {
	p := FollowupPage{Token: f.Token, CaseID: f.CaseID, GuideID: f.GuideID, DossierCode: f.DossierCode,
		DueKnown: f.DueKnown, Status: f.Status, Rating: int(f.Rating.Int16), Comment: f.Comment.String,
		InTelegram: f.ResidentChat.Valid, Reminds: f.Reminds(), CodeCorrected: f.CodeCorrected}
	if f.DueOn.Valid {
		d := f.DueOn.Time
		p.DueOn = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, vietnam)
	}
	return p
}

// RateFollowup stores a rating (1–5) given on a link's page with its
// comment (the page shows the one kept, so "" clears it; checked by the
// caller: privacy.NoteProblem, at most MaxComment characters). ErrNotFound
// when the token is unknown or purged; ErrBadRating outside 1–5.
func (s *Storage) RateFollowup(ctx context.Context, token string, rating int, comment string, at time.Time) error {
	return s.rateFollowup(ctx, token, rating, &comment, at)
}

// RateFollowupKeepComment stores a rating (1–5) given on a link's page
// whose comment box held nothing to keep as a comment ("👍", "…":
// privacy.Meaningless, but not empty): the comment kept stays, as in
// Telegram, where such a text is taken as a thanks. ErrNotFound when the
// token is unknown or purged; ErrBadRating outside 1–5.
func (s *Storage) RateFollowupKeepComment(ctx context.Context, token string, rating int, at time.Time) error {
	return s.rateFollowup(ctx, token, rating, nil, at)
}

// rateFollowup is RateFollowup, the comment kept left as it is when comment
// is nil.
func (s *Storage) rateFollowup(ctx context.Context, token string, rating int, comment *string, at time.Time) error {
	if rating < 1 || rating > 5 {
		return ErrBadRating
	}
	return s.InTx(ctx, func(tx *Tx) error {
		f, err := tx.FollowupByTokenTx(ctx, token)
		if err != nil {
			return err
		}
		if err := tx.RateCase(ctx, f.CaseID, rating, at); err != nil || comment == nil {
			return err
		}
		return tx.SetFollowupComment(ctx, f.CaseID, *comment)
	})
}

// FollowupReceived records, from a link's page, that the result came (as
// Received); pressing it twice changes nothing. ErrNotFound when the token
// is unknown or purged.
func (s *Storage) FollowupReceived(ctx context.Context, token string, at time.Time) error {
	return s.InTx(ctx, func(tx *Tx) error {
		f, err := tx.FollowupByTokenTx(ctx, token)
		if err != nil {
			return err
		}
		if f.Status == FollowupReceived {
			return nil
		}
		_, err = tx.Received(ctx, f.CaseID, at)
		return err
	})
}

// WhenProblem sets what else FollowupProblem does, in its transaction,
// once a link's page reported a problem with the follow-up f: the bot
// tells the volunteer who helped and the coordinators, as for the
// reminder's button (handlers.New sets it).
func (s *Storage) WhenProblem(fn func(ctx context.Context, tx *Tx, f Followup) error) {
	s.problem = fn
}

// FollowupProblem records, from a link's page, that the resident reports a
// problem with the dossier (as Problem: while the result is awaited, or
// after the reminders ended without it), and has the people who helped
// told (WhenProblem). Posting it again, or once the result came, changes
// nothing and tells nobody. It returns the
// follow-up's status after it, read with the row locked: FollowupProblem
// when a problem is reported (now or before), else where it stands (the
// result came meanwhile, say). ErrNotFound when the token is unknown or
// purged.
func (s *Storage) FollowupProblem(ctx context.Context, token string, at time.Time) (string, error) {
	var status string
	err := s.InTx(ctx, func(tx *Tx) error {
		f, err := tx.FollowupByTokenTx(ctx, token)
		if err != nil {
			return err
		}
		status = f.Status
		ok, err := tx.Problem(ctx, f.CaseID, at)
		if err != nil || !ok {
			return err
		}
		status = FollowupProblem
		if s.problem == nil {
			return nil
		}
		return s.problem(ctx, tx, f)
	})
	return status, err
}

// changed reports whether a statement changed a row.
func changed(doing string, res sql.Result, err error) (bool, error) {
	if err != nil {
		return false, wrap(doing, err)
	}
	n, err := res.RowsAffected()
	return n > 0, wrap(doing, err)
}

// rowChanged is changed for a statement that must change one row:
// ErrNotFound when it changed none.
func rowChanged(doing string, res sql.Result, err error) error {
	ok, err := changed(doing, res, err)
	if err == nil && !ok {
		return ErrNotFound
	}
	return err
}
