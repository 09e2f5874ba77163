// Package handlers is what dvcbot says and does: the conversations of
// volunteers, coordinators and admins, one file each, over bot/ (replies)
// and storage/ (state). A handler runs inside the update's transaction and
// returns replies; it never calls Telegram itself.
package handlers

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// maxText is the longest text input any step accepts; nothing a volunteer
// types to the bot needs more, and a long paste is more likely a mistake
// (or a resident's personal data) than an answer.
const maxText = 500

// vietnam is the time zone dates are shown in (no daylight saving time).
var vietnam = time.FixedZone("ICT", 7*60*60)

// Handlers routes updates to the conversation they belong to.
type Handlers struct {
	store       *storage.Storage
	texts       *locales.Catalog
	guides      *guides.Catalog
	log         *slog.Logger
	admins      map[int64]bool
	botUsername string
	publicURL   string // PUBLIC_URL: the resident's page is publicURL/f/<token>
	now         func() time.Time

	inviteTTL          time.Duration
	volunteerInviteMax int
	coordInviteMax     int
	tapGuard           time.Duration // see WithTapGuard

	strict bool // a screen table that lies fails the update (tests)

	caseListMax int // the most cases a report's spreadsheet lists one by one

	albums *albums
}

// albums remembers, per chat, the last album (media group) answered: its
// photos come as one message each, and one answer is enough. In memory
// only: a restart, or another replica, answers an album once more at most.
type albums struct {
	mu   sync.Mutex
	last map[int64]albumMark
}

type albumMark struct {
	group string
	msg   int // the message that got the answer: a retry of its update answers again
}

// first reports whether m should be answered: it is in no album, or the
// first of its album the chat sent.
func (a *albums) first(chat int64, m *models.Message) bool {
	if m.MediaGroupID == "" {
		return true
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if mark, ok := a.last[chat]; ok && mark.group == m.MediaGroupID {
		return mark.msg == m.ID
	}
	if len(a.last) >= 10_000 {
		clear(a.last) // forgetting old albums costs at most one answer more
	}
	a.last[chat] = albumMark{group: m.MediaGroupID, msg: m.ID}
	return true
}

// Option configures Handlers.
type Option func(*Handlers)

// WithAdmins names the Telegram ids that are administrators (ADMIN_TELEGRAM_IDS).
func WithAdmins(ids ...int64) Option {
	return func(h *Handlers) {
		for _, id := range ids {
			h.admins[id] = true
		}
	}
}

// WithBotUsername sets the bot's @username, used in invite links.
func WithBotUsername(name string) Option { return func(h *Handlers) { h.botUsername = name } }

// WithClock replaces time.Now (tests of expiry).
func WithClock(now func() time.Time) Option { return func(h *Handlers) { h.now = now } }

// DefaultTapGuard is how long after a screen was drawn a press of its
// button that makes or records something is taken for the second tap of
// a double tap (WithTapGuard): a double tap's taps come well within it,
// one who reads the screen before pressing comes after it.
const DefaultTapGuard = 1500 * time.Millisecond

// WithTapGuard sets how soon after a screen was drawn a press of a button
// on it that makes or records something is asked to be made again rather
// than taken (DefaultTapGuard; 0: never; TAP_GUARD): on /invite a link's
// role or "Cả tỉnh"; in the case wizard every button of a screen but a
// checklist's tick (action.once: a step's ✓ and Skip, an outcome, the
// consent, ←, and since review 33A those that only move, ⚠ 📖 ⚑ ⏸ ℹ…),
// and ▶ and End on a pause message; on /tally a period. The second tap of a double tap on
// the screen before, come after this one replaced it, lands there at once.
// So does one on a resident's card after its consent changed (secondTap).
// Tests that press as fast as they can set 0, as the demo.
func WithTapGuard(d time.Duration) Option { return func(h *Handlers) { h.tapGuard = d } }

// justDrawn says whether a screen drawn at drawn (the bot's clock; zero:
// not known) was drawn less than the tap guard ago. A clock behind the one
// that drew it says no.
func (h *Handlers) justDrawn(drawn time.Time) bool {
	if h.tapGuard <= 0 || drawn.IsZero() {
		return false
	}
	since := h.now().Sub(drawn)
	return since >= 0 && since < h.tapGuard
}

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option { return func(h *Handlers) { h.log = l } }

// WithCaseListLimit sets the most cases a report's spreadsheet lists one
// by one (maxListedCases by default): for tests.
func WithCaseListLimit(n int) Option { return func(h *Handlers) { h.caseListMax = n } }

// WithStrictScreens makes an action that leads to a screen its table does
// not name fail the update instead of being logged: tests use it, so the
// graph of screens in the docs cannot drift from the code.
func WithStrictScreens() Option { return func(h *Handlers) { h.strict = true } }

// New returns the handlers.
func New(store *storage.Storage, texts *locales.Catalog, catalog *guides.Catalog, opts ...Option) *Handlers {
	h := &Handlers{
		store:              store,
		texts:              texts,
		guides:             catalog,
		log:                slog.Default(),
		admins:             map[int64]bool{},
		now:                time.Now,
		inviteTTL:          7 * 24 * time.Hour,
		volunteerInviteMax: 50,
		coordInviteMax:     1, // a coordinator's link is for one person
		tapGuard:           DefaultTapGuard,
		caseListMax:        maxListedCases,
		albums:             &albums{last: map[int64]albumMark{}},
	}
	for _, o := range opts {
		o(h)
	}
	store.WhenForgotten(forgottenElsewhere)
	store.WhenProblem(h.problemFromPage)
	return h
}

// request is one update being handled: who sent it, in what language, and
// the replies gathered so far.
type request struct {
	ctx     context.Context
	tx      *storage.Tx
	user    storage.User
	role    string // effective role: admins come from the configuration
	t       *locales.Localizer
	chat    int64
	tgLang  string // the language of the user's Telegram app (language_code), never stored
	text    string // the message text, NFC-normalized
	typedID int    // the id of the message typed (0 for a press)
	cb      *models.CallbackQuery
	replies []bot.Reply
	// answered is set once the press has its answerCallbackQuery.
	answered bool
	// landed is the screen the update left the chat on, checked against
	// the screen table.
	landed string
	// about is what the replies are about (bot.About), when they show a
	// follow-up's dossier code: forgetting it withdraws them from the outbox.
	about string
	// below: the pressed message is a record to keep (a case's summary):
	// the screen shown now goes in a new message under it.
	below bool
	// above is the message the chat's case screen (or invite, team or
	// tally screen: aboveFlow) was last drawn on when the update came (0: none,
	// or sent as a new message whose id the bot does not know): a screen
	// drawn now as a new message takes its buttons off (unbuttonAbove).
	above     int
	aboveFlow string
	// atComment says the chat was at a resident's comment question when
	// the update came: a command answered there draws it again below
	// (commentBelow). commentOn is the message it was on (0: none known);
	// once the update leaves it elsewhere, or closes it, that copy loses
	// its buttons (unbuttonLeftComment).
	atComment bool
	commentOn int
	// closedAtCode is the case leaveCase closed at its dossier code, for
	// the screen drawn next to say so.
	closedAtCode int64
	// track is the conversation's version a case screen is drawn at as a
	// new message: the runtime tells its id (Sent), which the conversation
	// keeps as the message the screen is on.
	track int
	// trackAs begins the Track of the message track is sent with:
	// commentTrack for a copy of the comment question (commentSent).
	trackAs string
	// screen is the resident's dossier the update left on screen, if it
	// drew a follow-up's card or a list of several (cardShown, listShown).
	screen screenMark
	// consentCard is the case whose card drawn by the update asks the
	// reminder question (followupNext), or answers it: kept with the
	// dossier on screen when it is that case's (keepOnScreen).
	consentCard int64
}

// say sends a new message.
func (r *request) say(text string, kb bot.Keyboard) {
	m := bot.Message{ChatID: r.chat, Text: text, Keyboard: kb}
	if r.track != 0 {
		m.Track, r.track, r.trackAs = r.trackAs+strconv.Itoa(r.track), 0, ""
	}
	r.replies = append(r.replies, m)
}

// sayAbove sends text as a new message before the other replies but a
// press's answer: above the screen this update draws.
func (r *request) sayAbove(text string) {
	i := 0
	if len(r.replies) > 0 {
		if _, ok := r.replies[0].(bot.Answer); ok { // answer first
			i = 1
		}
	}
	r.replies = slices.Insert(r.replies, i, bot.Reply(bot.Message{ChatID: r.chat, Text: text}))
}

// show puts a flow's screen in front of the user: in place of the pressed
// message when the user pressed a button, else as a new message. A pressed
// message that already shows exactly this (a double tap, a stale press) is
// left alone: the edit would change nothing and still spend the chat's
// allowance.
//
// A message sent long ago (a case taken up days later) comes without its
// content: it is edited all the same, as Telegram lets a bot edit its own
// messages in a private chat at any age (one the user deleted comes as a
// new message instead: bot.Edit).
func (r *request) show(text string, kb bot.Keyboard) {
	if id := r.liveMessage(); id != 0 {
		if m := r.cb.Message.Message; m != nil && m.Text == text && sameKeyboard(m.ReplyMarkup, kb) {
			return
		}
		r.replies = append(r.replies, bot.Edit{ChatID: r.chat, MessageID: id, Text: text, Keyboard: kb})
		return
	}
	r.say(text, kb)
}

// unbuttonAbove takes the buttons off the message the case's screen was
// on (request.above), once, when the screen is drawn again as a new
// message below it: two copies with live buttons would leave the upper
// one answering "already finished" once the case moved on from the lower.
// Nothing is lost: the copy below (or the pause message) carries the case.
// The conversation forgets that message (storage.Tx.ScreenMoved), so it is
// not taken off twice (Telegram would answer "message is not modified").
func (r *request) unbuttonAbove() error {
	above := r.above
	if above == 0 || r.liveMessage() != 0 {
		return nil
	}
	r.above = 0
	if !r.edits(above) { // an edit of it in this update (a forged press there) set its buttons
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: above})
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil || conv.MessageID != above {
		return ignoreGone(err) // saved since: a new screen, or the flow ended
	}
	return r.tx.ScreenMoved(r.ctx, r.chat, above)
}

// unbuttonOwnAbove is unbuttonAbove for a flow's screen (invite, team,
// tally) drawn or left below: only when the screen above is that flow's,
// for a case's screen keeps its buttons (they take the case up again).
func (r *request) unbuttonOwnAbove(flow string) error {
	if r.aboveFlow != flow {
		return nil
	}
	return r.unbuttonAbove()
}

// unbuttonLeft takes the buttons off the screen of an invite, team or
// tally flow above once a command turned the chat away from it (another
// flow's screen, or none): pressed, they would only be answered as out of
// date. The same flow drawn again took them off already (redrawing); a
// command that leaves the chat on that screen (/help, /me) keeps them.
func (r *request) unbuttonLeft() error {
	if r.above == 0 || !redrawnFlows[r.aboveFlow] {
		return nil
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if conv.Flow == r.aboveFlow && conv.MessageID == r.above {
		return nil
	}
	return r.unbuttonAbove()
}

// redrawnFlows are the flows whose screens are readied by redrawing.
var redrawnFlows = map[string]bool{flowInvite: true, flowTeam: true, flowTally: true}

// redrawing readies a flow's screen, saved at version ver, to be drawn:
// drawn as a new message, it takes the buttons off the same flow's copy
// above (unbuttonOwnAbove), and its id comes back (Sent) for the next copy
// to do the same. Two copies with live buttons would have the older one act
// on a screen the user moved on from.
func (r *request) redrawing(flow string, ver int) error {
	if err := r.unbuttonOwnAbove(flow); err != nil {
		return err
	}
	if r.liveMessage() == 0 {
		r.track = ver
	}
	return nil
}

// edits reports whether the replies so far edit message id.
func (r *request) edits(id int) bool {
	for _, reply := range r.replies {
		if e, ok := reply.(bot.Edit); ok && e.MessageID == id {
			return true
		}
	}
	return false
}

// touches reports whether the replies so far edit message id, or take
// its buttons off.
func (r *request) touches(id int) bool {
	for _, reply := range r.replies {
		if a, ok := reply.(bot.About); ok {
			reply = a.Reply
		}
		switch e := reply.(type) {
		case bot.Edit:
			if e.MessageID == id {
				return true
			}
		case bot.EditButtons:
			if e.MessageID == id {
				return true
			}
		}
	}
	return false
}

// liveMessage is the message a screen shown now lands on: the pressed one
// (edited in place, even when Telegram no longer gives its content), or 0
// for a new message whose id is not known yet.
func (r *request) liveMessage() int {
	if r.cb == nil || r.below {
		return 0
	}
	switch m := r.cb.Message; {
	case m.Message != nil:
		return m.Message.ID
	case m.InaccessibleMessage != nil:
		return m.InaccessibleMessage.MessageID
	}
	return 0
}

// showsCurrent reports whether the pressed message is the one the flow's
// current screen was last drawn on: a stale press there (the second tap of
// a double tap) needs no redraw, the first tap already made it current.
func (r *request) showsCurrent(conv storage.Conversation) bool {
	return conv.MessageID != 0 && conv.MessageID == r.liveMessage()
}

// sameKeyboard reports whether a message's keyboard is kb.
func sameKeyboard(m *models.InlineKeyboardMarkup, kb bot.Keyboard) bool {
	if m == nil {
		return len(kb) == 0
	}
	if len(m.InlineKeyboard) != len(kb) {
		return false
	}
	for i, row := range m.InlineKeyboard {
		if len(row) != len(kb[i]) {
			return false
		}
		for j, b := range row {
			if b.Text != kb[i][j].Text || b.CallbackData != kb[i][j].Data || b.URL != kb[i][j].URL {
				return false
			}
		}
	}
	return true
}

// answer answers the press, with a short toast when text is not empty.
func (r *request) answer(text string) {
	if r.cb == nil || r.answered {
		return
	}
	r.answered = true
	// The answer goes first: the user's spinner stops before the edit lands.
	r.replies = append([]bot.Reply{bot.Answer{ChatID: r.chat, CallbackQueryID: r.cb.ID, Text: text}}, r.replies...)
}

// member reports whether the user belongs to a team (or is an admin).
func (r *request) member() bool { return r.role != storage.RoleGuest }

// pressedChatType is the type of the chat of the pressed message, also when
// Telegram no longer gives its content (older than 48 hours: a reminder's
// buttons pressed days later); "" for an inline message.
func pressedChatType(cb *models.CallbackQuery) models.ChatType {
	switch {
	case cb.Message.Message != nil:
		return cb.Message.Message.Chat.Type
	case cb.Message.InaccessibleMessage != nil:
		return cb.Message.InaccessibleMessage.Chat.Type
	}
	return ""
}

// ReadAhead implements bot.BatchReader: the users of a batch's private
// chats, with their conversations and cases, in one statement
// (storage.ReadAhead).
func (h *Handlers) ReadAhead(ctx context.Context, sqlTx *sqlx.Tx, chats []int64) (context.Context, error) {
	private := make([]int64, 0, len(chats))
	for _, c := range chats {
		if c > 0 { // a private chat's id is its user's; a group's is below zero
			private = append(private, c)
		}
	}
	return storage.ReadAhead(ctx, sqlTx, private)
}

// Handle implements bot.Handler.
func (h *Handlers) Handle(ctx context.Context, sqlTx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	tx := storage.WrapTx(sqlTx)
	if m := u.MyChatMember; m != nil {
		return h.botStatus(ctx, tx, m)
	}
	from := sender(u)
	if from == nil {
		return nil, nil
	}
	if m := u.Message; m != nil && m.Chat.Type != models.ChatTypePrivate {
		if from.IsBot && m.SenderChat == nil {
			return nil, nil // another bot of the group
		}
		// A group's anonymous admin writes as a bot on behalf of the group
		// (SenderChat): answered as any member.
		return h.inGroup(m), nil
	}
	if from.IsBot {
		return nil, nil
	}
	if m := u.EditedMessage; m != nil && (m.Chat.Type != models.ChatTypePrivate || m.Text == "") {
		// An edit in a group, or of no text (a live location moving, a
		// caption): nothing to say.
		return nil, nil
	}
	if cb := u.CallbackQuery; cb != nil && pressedChatType(cb) != models.ChatTypePrivate {
		// A press on a message outside a private chat (the bot posts no
		// buttons there: forged, or an inline message): answered, nobody kept.
		return []bot.Reply{bot.Answer{ChatID: bot.ChatOf(u), CallbackQueryID: cb.ID}}, nil
	}
	user, err := tx.SeeUser(ctx, from.ID, vntext.NFC(from.FirstName))
	if err != nil {
		return nil, err
	}
	r := &request{ctx: ctx, tx: tx, user: user, role: h.roleOf(user), t: h.texts.For(user.Language), chat: bot.ChatOf(u),
		tgLang: from.LanguageCode}
	conv, err := tx.Conversation(ctx, r.chat)
	if err == nil && (conv.Flow == flowCase || redrawnFlows[conv.Flow]) {
		// Read with the user (SeeUser): no round trip. The consent screen
		// too loses its buttons once drawn again below (/lang): until
		// review 26B it kept them, for the text read aloud to be the one
		// pressed (consentRead), and two consent questions were live, one
		// in each language. The copy below in English carries the
		// Vietnamese words read aloud, and its version is the text pressed.
		r.above, r.aboveFlow = conv.MessageID, conv.Flow
	} else if err == nil {
		r.atComment = atComment(conv)
		if r.atComment {
			r.commentOn = conv.MessageID
		}
	} else if !errors.Is(err, storage.ErrNotFound) {
		return nil, err
	}
	// The messages the open "received?" questions are on: those the update
	// closes lose their buttons (unbuttonClosedQuestions).
	asked, err := receivedMessages(conv)
	if err != nil {
		return nil, err
	}
	switch {
	case u.CallbackQuery != nil:
		r.cb = u.CallbackQuery
		err = h.press(r)
		r.answer("") // every press needs an answer, even one that changed nothing
	case u.Message != nil:
		err = h.message(r, u.Message)
	case u.EditedMessage != nil:
		// An answer is read once, when it is sent: an edit changes nothing
		// the bot kept (a dossier code corrected in place would leave the
		// wrong one on the case without a word). The volunteer is told to
		// send it again, and the screen the chat is on comes back.
		var note string
		if note, err = h.editedNote(r); err == nil {
			err = h.again(r, r.t.T(note))
		}
	}
	if err == nil && len(asked) > 0 {
		err = r.unbuttonClosedQuestions(asked)
	}
	if err == nil && r.commentOn != 0 {
		err = r.unbuttonLeftComment()
	}
	if err == nil {
		err = r.keepOnScreen()
	}
	if err == nil && r.closedAtCode != 0 {
		// Left at its dossier code by another flow (/tally, /team, a
		// follow-up's button): closed as with "no code", which that flow's
		// screen does not say (caseGo's does).
		r.sayAbove(r.t.T("case.left_at_code_elsewhere", locales.Data{"Case": r.closedAtCode, "Minutes": int(codeWindow.Minutes())}))
	}
	if err == nil && user.Back {
		// Back after a block, by whatever update (a press on an old
		// reminder, a word typed; the unblock's update may never come):
		// the dossier codes corrected meanwhile, once — unless what they
		// sent said them already (/start).
		var told []bot.Reply
		if told, err = h.untoldCodes(ctx, tx, r.chat); err == nil {
			r.replies = append(r.replies, told...)
		}
	}
	if ferr := tx.Flush(ctx); ferr != nil {
		return nil, ferr // the root cause: what failed after it only says the transaction was aborted
	}
	if err != nil {
		return nil, err
	}
	if r.about != "" {
		// Only the chat's own replies show the follow-up; a notice to
		// someone else (a resident's problem, told to their volunteer by
		// case number) is theirs to get even if the follow-up is forgotten.
		for i, reply := range r.replies {
			if _, tagged := reply.(bot.About); !tagged && reply.Chat() == r.chat {
				r.replies[i] = bot.About{Topic: r.about, Reply: reply}
			}
		}
	}
	return r.replies, nil
}

// botStatus takes Telegram's word that the bot's status in a chat changed:
// in a private chat, the user blocked the bot ("kicked") or unblocked it
// ("member"), which is recorded, and nothing is said (the chat cannot
// read it, or has not written yet) — but to a resident coming back, the
// dossier codes corrected meanwhile (untoldCodes) and the question of a
// reminder that awaits their answer (askedWhileBlocked). In a group (added, removed, made an
// admin) nothing is kept or said: the bot's answer when it is added
// comes with the service message.
func (h *Handlers) botStatus(ctx context.Context, tx *storage.Tx, m *models.ChatMemberUpdated) ([]bot.Reply, error) {
	if m.Chat.Type != models.ChatTypePrivate || m.From.IsBot {
		return nil, nil
	}
	switch m.NewChatMember.Type {
	case models.ChatMemberTypeBanned:
		return nil, tx.ChatBlocked(ctx, m.Chat.ID, h.now())
	case models.ChatMemberTypeMember:
		told, err := h.untoldCodes(ctx, tx, m.Chat.ID)
		if err != nil {
			return nil, err
		}
		asked, cases, err := h.askedWhileBlocked(ctx, tx, m.Chat.ID)
		if err != nil {
			return nil, err
		}
		asked = append(told, asked...)
		if _, err := tx.ChatBack(ctx, m.Chat.ID); err != nil || len(cases) == 0 {
			return asked, err
		}
		// Telegram's "Restart" sends a /start right behind: it is not to
		// ask again (greet).
		return asked, tx.MarkAskedBack(ctx, m.Chat.ID, cases, h.now())
	}
	return nil, nil
}

// askedWhileBlocked is the question of each reminder whose answer the
// chat's follow-ups await while the chat is held blocked: recorded asked
// and not sent (or sent before the block and not answered). A resident who
// unblocks the bot from Telegram's settings sends no /start, which would
// show it: without it they would never be asked again. It goes at once,
// whatever the hour: they have just unblocked the bot. cases are the
// follow-ups it asks about.
func (h *Handlers) askedWhileBlocked(ctx context.Context, tx *storage.Tx, chat int64) (out []bot.Reply, cases []int64, err error) {
	fs, err := tx.FollowupsOfChat(ctx, chat)
	if err != nil {
		return nil, nil, err
	}
	chosen := ""
	for _, f := range fs {
		if !f.Blocked || !f.Reminds() || f.RemindersSent == 0 || f.NextReminderOn.Valid {
			continue
		}
		if out == nil { // the chat's /lang, read once
			if chosen, err = chatLanguage(ctx, tx, chat); err != nil {
				return nil, nil, err
			}
		}
		m := h.ReminderMessage(storage.Reminder{
			CaseID: f.CaseID, Chat: chat, Language: cmp.Or(chosen, f.ResidentLang.String), N: f.RemindersSent, GuideID: f.GuideID,
			DossierCode: f.DossierCode, DueOn: f.DueOn, DueKnown: f.DueKnown})
		m.Track = screenTrack + strconv.FormatInt(f.CaseID, 10)
		out = append(out, bot.About{Topic: followupTopic(f.CaseID), Reply: m})
		cases = append(cases, f.CaseID)
	}
	// One question asked is its dossier's card on screen (sendReminder);
	// several, none.
	switch len(cases) {
	case 0:
	case 1:
		err = tx.SetOnScreen(ctx, chat, cases[0], 0, false)
	default:
		err = tx.SetOnScreen(ctx, chat, 0, 0, false)
	}
	return out, cases, err
}

var _ bot.UnreachableHandler = (*Handlers)(nil)

var _ bot.SentHandler = (*Handlers)(nil)

// Sent implements bot.SentHandler: a case screen drawn as a new message
// (request.track) was sent; the conversation keeps its id as the message
// the screen is on, unless the chat moved on since (its version) or
// already knows it, so that the screen drawn below it next takes its
// buttons off (unbuttonAbove). So is a resident's "received?" question
// (questionTrack), among the messages /cancel takes the buttons off; one
// closed before its id came loses them then (questionSent).
func (h *Handlers) Sent(ctx context.Context, sqlTx *sqlx.Tx, chat int64, track string, messageID int) error {
	if c, ok := strings.CutPrefix(track, questionTrack); ok {
		// A "received?" question, sent as a new message: /cancel takes its
		// buttons off while it is open.
		caseID, err := strconv.ParseInt(c, 10, 64)
		if err != nil {
			return nil
		}
		return questionSent(ctx, storage.WrapTx(sqlTx), chat, caseID, messageID)
	}
	if c, ok := strings.CutPrefix(track, forgetTrack); ok {
		// /forget's question, sent as a new message: /cancel takes its
		// buttons off while it is open; about one dossier, its card.
		caseID, err := strconv.ParseInt(c, 10, 64)
		if err != nil && c != "" {
			return nil
		}
		return forgetSent(ctx, storage.WrapTx(sqlTx), chat, caseID, messageID)
	}
	if c, ok := strings.CutPrefix(track, screenTrack); ok {
		// A resident's dossier's card, sent as a new message while it was
		// the dossier on screen.
		caseID, err := strconv.ParseInt(c, 10, 64)
		if err != nil {
			return nil
		}
		return onScreenSent(ctx, storage.WrapTx(sqlTx), chat, caseID, messageID)
	}
	if v, ok := strings.CutPrefix(track, commentTrack); ok {
		// A copy of the resident's comment question: one drawn again or
		// closed before this copy was sent loses its buttons now.
		version, err := strconv.Atoi(v)
		if err != nil {
			return nil
		}
		return commentSent(ctx, storage.WrapTx(sqlTx), chat, version, messageID)
	}
	version, err := strconv.Atoi(track)
	if err != nil {
		return nil // not one of ours
	}
	return storage.WrapTx(sqlTx).ScreenSent(ctx, chat, version, messageID)
}

// Unreachable implements bot.UnreachableHandler: Telegram refused to
// deliver to a private chat. The user blocked the bot: that is recorded
// as by their "kicked" status (botStatus), nothing is erased, and a dossier
// code correction the chat did not get is kept to be said when they come
// back (codesRefused). The user
// deleted their Telegram account (it never comes back): besides, the chat
// is forgotten from their follow-ups as /forget forgets it — its queued
// and dropped replies about them withdrawn, what it sent in parked updates
// cleared —, except that a follow-up whose web page is served (PUBLIC_URL)
// stays for whoever holds its link, with no chat behind it
// (storage.Tx.UnlinkResident); without a web page nobody can reach it any
// more, and it goes (storage.Tx.ForgetResident).
func (h *Handlers) Unreachable(ctx context.Context, sqlTx *sqlx.Tx, chat int64, deleted bool) error {
	tx := storage.WrapTx(sqlTx)
	if err := tx.ChatBlocked(ctx, chat, h.now()); err != nil {
		return err
	}
	if !deleted {
		// A dossier code corrected in a message refused now is said when
		// they come back.
		return h.codesRefused(ctx, tx, chat)
	}
	forget := tx.ForgetResident
	if h.publicURL != "" {
		forget = tx.UnlinkResident
	}
	cases, err := forget(ctx, chat)
	if err != nil {
		return err
	}
	return withdrawFollowups(ctx, tx, cases, chat)
}

// inGroup answers a message in a group (a commune's group a coordinator
// added the bot to): the bot does not talk there, nor keep anyone of it —
// a tally or a case list would show one member's work to the whole group.
// It says so, with a button that opens its private chat, when it is added
// and when a command names it (/tally@bot); everything else, a command
// not addressed to it included (for another bot of the group, maybe),
// gets nothing.
func (h *Handlers) inGroup(m *models.Message) []bot.Reply {
	added := false
	for _, nm := range m.NewChatMembers {
		added = added || (nm.IsBot && h.botUsername != "" && strings.EqualFold(nm.Username, h.botUsername))
	}
	if _, _, to := h.command(m.Text); !added && (to != toUs || !strings.Contains(m.Text, "@")) {
		return nil
	}
	t := h.texts.For(h.texts.Default())
	var kb bot.Keyboard
	if h.botUsername != "" {
		kb = bot.Keyboard{{{Text: t.T("button.private_chat"), URL: "https://t.me/" + h.botUsername}}}
	}
	text := t.T("error.private_only")
	if added {
		text = t.T("start.group") + "\n\n" + text
	}
	reply := bot.Message{ChatID: m.Chat.ID, Text: text, Keyboard: kb}
	if m.IsTopicMessage {
		reply.ThreadID = m.MessageThreadID // in the topic it was asked in, not the General one
	}
	return []bot.Reply{reply}
}

// Failed implements bot.Handler: a short apology in the user's language.
func (h *Handlers) Failed(ctx context.Context, u *models.Update) []bot.Reply {
	from := sender(u)
	if from == nil {
		return nil
	}
	t := h.texts.For(h.store.UserLanguage(ctx, from.ID))
	chat := bot.ChatOf(u)
	var out []bot.Reply
	if u.CallbackQuery != nil {
		out = append(out, bot.Answer{ChatID: chat, CallbackQueryID: u.CallbackQuery.ID})
	}
	return append(out, bot.Message{ChatID: chat, Text: t.T("error.generic")})
}

func (h *Handlers) roleOf(u storage.User) string {
	if h.admins[u.TelegramID] {
		return storage.RoleAdmin
	}
	return u.Role
}

func sender(u *models.Update) *models.User {
	switch {
	case u.Message != nil:
		return u.Message.From
	case u.CallbackQuery != nil:
		return &u.CallbackQuery.From
	case u.EditedMessage != nil:
		return u.EditedMessage.From
	}
	return nil
}

// message routes a text message in a private chat: a command, or an answer
// to the flow the chat is in.
func (h *Handlers) message(r *request, m *models.Message) error {
	if m.Text == "" {
		note := unreadNote(m)
		if note == "" || !h.albums.first(r.chat, m) {
			// A service message (an auto-delete timer set, a pin): nothing
			// was said. An album's second photo: its first was answered.
			return nil
		}
		if !r.member() {
			var err error
			if note, err = h.guestNote(r, note); err != nil {
				return err
			}
		}
		// Not read, nor kept; the screen the chat is on comes back below it.
		text := r.t.T(note)
		if r.member() && (note == "error.media" || note == "error.contact") {
			// A team member's photo or contact is most likely a resident's.
			text += "\n" + r.t.T("error.no_personal_data")
		}
		return h.again(r, text)
	}
	// A NUL is never meant, and PostgreSQL stores none (in text or jsonb):
	// a typed answer kept with one would fail its update every time.
	r.text = strings.TrimSpace(vntext.NFC(strings.ReplaceAll(m.Text, "\x00", "")))
	r.typedID = m.ID
	if utf8.RuneCountInString(r.text) > maxText {
		// Not read at all; the screen the chat is on comes back below. At
		// a resident's comment question, with the comment's own limit: one
		// limit for one box, not this one and then the comment's; so at a
		// case's note. At a case's screen that reads no typed text (a
		// step), no limit: a shorter text would not be read either.
		note := r.t.T("error.too_long", locales.Data{"Max": maxText})
		if conv, err := r.tx.Conversation(r.ctx, r.chat); err == nil {
			switch s, ok := caseScreens[conv.Step]; {
			case conv.Flow == flowFollowup && conv.Step == screenComment:
				note = r.t.T("followup.comment_long", locales.Data{"Max": storage.MaxComment})
			case conv.Flow == flowCase && noteScreens[conv.Step]:
				note = r.t.T("case.note_long", locales.Data{"Max": maxNote})
			case conv.Flow == flowCase && ok && s.typed == nil:
				note = r.t.T("case.press_a_button")
			}
		}
		return h.again(r, note)
	}
	cmd, args, to := h.command(r.text)
	if to == toOther {
		r.say(r.t.T("error.other_bot"), nil)
		return nil
	}
	if to == toUs {
		// "/tally tuần trước" asks for another period of the report on
		// screen, as "tuần trước" alone does: read before it is forgotten.
		var onScreen tallyAfter
		if cmd == "tally" {
			var err error
			if onScreen, err = h.reportAskedAgain(r, args); err != nil {
				return err
			}
		}
		// A command turns to something else: the report on screen is
		// forgotten (a period typed next counts their own unit). Not
		// /lang: the coordinator reads the same report in another language
		// — until review 29 "last month" after it counted their whole
		// province where a commune's report was on screen.
		if cmd != "lang" && cmd != "language" {
			if err := h.forgetReport(r); err != nil {
				return err
			}
		}
		if err := h.commandTyped(r, cmd, args, onScreen); err != nil {
			return err
		}
		if r.atComment && !drawsBelow[cmd] {
			// A command answered something else (a resident's /new: "join
			// a team") at the comment question, which stays open: it comes
			// back below (commentBelow), as after /help. Read again only
			// in a chat that was at it: no round trip for other commands.
			if err := h.commentBelow(r); err != nil {
				return err
			}
		}
		return r.unbuttonLeft()
	}
	return h.textTyped(r)
}

// drawsBelow are the commands that draw the screen the chat is on below
// their answer themselves (caseBelow, or the language's button), or
// close it: the comment question too.
var drawsBelow = map[string]bool{"start": true, "help": true, "me": true, "lang": true, "language": true, "cancel": true, "forget": true}

// commandTyped does the command cmd typed with args; onScreen is the
// report on screen before it (reportAskedAgain).
func (h *Handlers) commandTyped(r *request, cmd, args string, onScreen tallyAfter) error {
	switch cmd {
	case "start":
		if err := h.start(r, args); err != nil || args != "" {
			return err
		}
		// Typed by a volunteer lost mid-case: the greeting, and the
		// case's screen again below it, as after /help.
		return h.caseBelow(r, true)
	case "help":
		if err := h.help(r); err != nil {
			return err
		}
		return h.caseBelow(r, true)
	case "lang", "language":
		return h.lang(r, args)
	case "invite":
		return h.inviteStart(r, args)
	case "new":
		return h.newCaseTyped(r, args)
	case "resume":
		return h.resume(r)
	case "cancel":
		return h.cancel(r)
	case "guides":
		return h.guidesList(r)
	case "flags":
		return h.flagsList(r)
	case "team":
		return h.teamStart(r, args)
	case "digest":
		return h.digest(r, args)
	case "forget":
		return h.forget(r)
	case "leave":
		return h.leave(r)
	case "tally":
		return h.tallyStartAt(r, args, tallyState{Unit: onScreen.Report})
	case "me":
		if err := h.me(r); err != nil {
			return err
		}
		return h.caseBelow(r, true)
	}
	r.say(r.t.T("error.unknown_command", locales.Data{"Command": "/" + cmd}), nil)
	return nil
}

// textTyped answers text typed that is no command.
func (h *Handlers) textTyped(r *request) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && err != storage.ErrNotFound {
		return err
	}
	token := linkToken(r.text)
	if token != "" && (conv.Flow == "" || conv.Flow == flowFollowup || readsNoText(conv)) {
		// A follow-up link pasted instead of tapped — at the comment
		// question too: it is another follow-up to open (a brother sent the
		// father's), never a comment to keep beside a rating.
		return h.openFollowup(r, token)
	}
	flow := conv.Flow
	if readsNoText(conv) {
		flow = "" // a "received?" question is answered by its buttons
	}
	switch flow {
	case flowInvite:
		return h.inviteText(r, conv)
	case flowCase:
		return h.caseText(r, conv)
	case flowTeam:
		return h.teamText(r, conv)
	case flowFollowup:
		return h.followupText(r, conv)
	case flowTally:
		return h.tallyText(r, conv)
	}
	if answered, err := h.typedConsent(r, conv); answered || err != nil {
		return err // "có", "ok", "không cần": the reminder question on screen, as its button
	}
	if done, err := h.answerSmallTalk(r); done || err != nil {
		return err // "xin chào", "cảm ơn ạ"
	}
	if done, err := h.besideReceived(r, conv, h.typedPeriod); done || err != nil {
		return err // a coordinator's period: its report
	}
	if done, err := h.besideReceived(r, conv, h.typedUnit); done || err != nil {
		return err // a commune's name after a report: its report offered
	}
	if done, err := h.periodMistyped(r); done || err != nil {
		return err // a period mistyped after a report: asked again, not searched
	}
	if r.member() {
		return h.searchGuides(r) // a few words typed anywhere look for a guide
	}
	if kept, err := h.commentSentAgain(r); kept || err != nil {
		return err
	}
	if asked, err := h.typedCallBack(r); asked || err != nil {
		return err // "gọi lại cho tôi": dvcbot calls nobody; what helps instead
	}
	if asked, err := h.typedReceived(r); asked || err != nil {
		return err // "đã nhận rồi": the question "✓ Đã nhận" asks
	}
	if stopped, err := h.typedStopReminders(r); stopped || err != nil {
		return err // "không cần nhắc nữa": the consent taken back, as its button
	}
	if asked, err := h.typedRemindMe(r); asked || err != nil {
		return err // "nhắc tôi", "ok nhắc đi": the reminders asked for, as "🔔 Đổi ý"
	}
	if asked, err := h.typedProblem(r); asked || err != nil {
		return err // "hồ sơ bị trả về": the question "⚠ Có vướng mắc" asks
	}
	if rated, err := h.typedRating(r); rated || err != nil {
		return err // "5 sao": the rating, as its star button
	}
	if asked, err := h.commentTypedAgain(r); asked || err != nil {
		return err // a second comment: the one kept shown, to keep or replace
	}
	if kept, err := h.typedThanks(r); kept || err != nil {
		return err // "cảm ơn cháu, rất nhiệt tình": the comment once rated
	}
	if shown, err := h.typedAgain(r); shown || err != nil {
		return err
	}
	// Someone out of their team with cases unfinished is a volunteer
	// removed (or gone) mid-case, typing what the case's screen asked (a
	// note): told what /new and /resume say, and that the cases are kept —
	// until review 33A, the resident's answer ("… không theo dõi hồ sơ
	// nào. Nếu ông/bà đã được hỗ trợ…"). The words are kept nowhere.
	open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
	if err != nil {
		return err
	}
	if open > 0 {
		r.say(r.t.T("case.not_member")+unfinishedNote(r.t, open), nil)
		return nil
	}
	r.say(r.t.T("error.text_no_flow"), nil)
	return nil
}

// unreadNote names the answer to a message with no text: what it was and
// that it was not read, nor kept; "" for a service message (a timer set, a
// pin, a background chosen), which asks for none.
func unreadNote(m *models.Message) string {
	switch {
	case m.Contact != nil:
		return "error.contact" // a resident's phone number, often
	case m.Voice != nil:
		return "error.voice"
	case len(m.Photo) > 0, m.Document != nil, m.Video != nil, m.VideoNote != nil, m.Animation != nil,
		m.Audio != nil, m.PaidMedia != nil, m.Story != nil:
		return "error.media"
	case m.MessageAutoDeleteTimerChanged != nil, m.PinnedMessage != nil, m.WriteAccessAllowed != nil,
		m.ChatBackgroundSet != nil, m.SuccessfulPayment != nil, m.RefundedPayment != nil, m.UsersShared != nil,
		m.ChatShared != nil, m.Gift != nil, m.UniqueGift != nil, m.ConnectedWebsite != "",
		m.ProximityAlertTriggered != nil, m.PaidMessagePriceChanged != nil, m.DirectMessagePriceChanged != nil,
		len(m.NewChatMembers) > 0, m.LeftChatMember != nil, m.MigrateToChatID != 0, m.MigrateFromChatID != 0:
		return ""
	}
	return "error.not_text" // a sticker, a location, a poll, a dice, what a newer Telegram sends
}

// guestNote is the note for someone of no team: said by dvcbot, as the
// residents' texts are, not by the volunteers' casual "Mình"; a resident who
// follows a dossier or is on a follow-up's screen is addressed as "Ông/bà".
func (h *Handlers) guestNote(r *request, note string) (string, error) {
	if note == "error.media" {
		// Most likely a resident sending the slip's photo (forwarded to
		// them) in the hope the bot reads it: the link opens it.
		return "error.media_guest", nil
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return "", err
	}
	if conv.Flow == flowFollowup || readsNoText(conv) {
		return note + "_resident", nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return "", err
	}
	if len(fs) > 0 {
		return note + "_resident", nil
	}
	return note + "_guest", nil
}

// editedNote is the answer to an edited message: send it again as a new
// one — but not to a resident outside any question (their comment kept,
// fixed in place), whose new message would not be read either: they are
// told how to change their comment (the stars again, then the new one).
func (h *Handlers) editedNote(r *request) (string, error) {
	if r.member() {
		return "error.edited", nil
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return "", err
	}
	if conv.Flow != "" && !readsNoText(conv) {
		return "error.edited", nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return "error.edited", err
	}
	return "error.edited_resident", nil
}

// Whom a text is for.
const (
	toNobody = iota // plain text
	toUs            // a command for this bot
	toOther         // a command addressed to another bot (/new@other_bot)
)

// command splits "/cmd@bot args" into its lower-case name and arguments,
// and says whom the text is for.
func (h *Handlers) command(text string) (cmd, args string, to int) {
	if !strings.HasPrefix(text, "/") {
		return "", "", toNobody
	}
	word, args := text[1:], ""
	if i := strings.IndexFunc(word, unicode.IsSpace); i >= 0 {
		word, args = word[:i], word[i:]
	}
	word, target, addressed := strings.Cut(word, "@")
	if word == "" {
		return "", "", toNobody
	}
	if addressed && h.botUsername != "" && !strings.EqualFold(target, h.botUsername) {
		return "", "", toOther
	}
	return strings.ToLower(word), strings.TrimSpace(args), toUs
}

// again answers text that was not read (too long), then shows the screen
// the chat is on again, so the volunteer is never left without buttons.
func (h *Handlers) again(r *request, note string) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	switch conv.Flow {
	case flowCase:
		v, ok, err := h.convView(r, conv)
		if !ok || err != nil {
			return err
		}
		return v.again(note)
	case flowInvite:
		return h.inviteAgain(r, conv, note)
	case flowFollowup:
		if !readsNoText(conv) {
			return h.followupAgain(r, conv, note)
		}
	case flowTeam:
		v, err := h.teamView(r, conv)
		if err != nil {
			return err
		}
		if ok, err := v.allowed(); !ok || err != nil {
			r.say(note, nil)
			return err
		}
		return v.show(note)
	case flowTally:
		v, err := h.tallyView(r, conv)
		if v == nil || err != nil {
			return err
		}
		return v.show(note)
	}
	if shown, err := h.followupsAgain(r, note); shown || err != nil {
		return err
	}
	r.say(note, nil)
	return nil
}

// press routes a button press by the flow named in its data.
func (h *Handlers) press(r *request) error {
	cb := parseCallback(r.cb.Data)
	switch cb.flow {
	case flowLang:
		return h.langPress(r, cb)
	case flowInvite:
		return h.invitePress(r, cb)
	case flowCase:
		return h.casePress(r, cb)
	case flowFlags:
		return h.flagsPress(r, cb)
	case flowTeam:
		return h.teamPress(r, cb)
	case flowDigest:
		return h.digestPress(r, cb)
	case flowJoin:
		return h.joinPress(r, cb)
	case flowLeave:
		return h.leavePress(r, cb)
	case flowFollowup:
		return h.followupPress(r, cb)
	case flowTally:
		return h.tallyPress(r, cb)
	}
	r.answer(r.t.T("button.done"))
	return nil
}

func (h *Handlers) cancel(r *request) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && err != storage.ErrNotFound {
		return err
	}
	if conv.Flow == "" {
		if done, err := h.cancelForget(r, conv); done || err != nil {
			return err
		}
		return h.cancelNothing(r)
	}
	if conv.Flow == flowCase {
		return h.cancelCase(r, conv)
	}
	if readsNoText(conv) {
		return h.cancelReceived(r, conv)
	}
	if conv.Flow == flowFollowup {
		return h.cancelComment(r, conv)
	}
	if err := r.unbuttonAbove(); err != nil { // an invite, team or tally screen: cancelled, nothing to press there
		return err
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	r.say(r.t.T("cancel.done"), nil)
	return nil
}

// cancelNothing is /cancel with nothing open.
func (h *Handlers) cancelNothing(r *request) error {
	// A resident who types /cancel most likely means the reminders:
	// "nothing to cancel" alone read as if nothing were followed. The
	// dossiers are shown as /start shows them, with how to stop while
	// a reminder is to come; after "Không, cảm ơn" or the result
	// noted, none is, and the line says only that nothing is open.
	// The follow-ups are read once, for the line and the screens
	// (followupsAgain, which reads them itself, is for a fixed line).
	if !r.member() {
		fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
		if err != nil {
			return err
		}
		if len(fs) > 0 {
			key := "cancel.nothing_followed"
			if slices.ContainsFunc(fs, storage.Followup.Reminds) {
				key = "cancel.nothing_resident"
			}
			r.say(r.t.T(key), nil)
			return h.showFollowups(r, fs)
		}
	}
	if r.member() {
		if done, err := h.cancelPaused(r); done || err != nil {
			return err
		}
	}
	r.say(r.t.T("cancel.nothing"), nil)
	return nil
}

// cancelPaused answers /cancel with nothing open from a volunteer whose
// cases are paused: "nothing to cancel" alone was a dead end for one who
// meant to end the paused case. One paused case is named, with its pause
// message again below (▶ to take it up, ⏹ to end it, as there); several
// are named, with the way to each. It reports false when none is paused.
func (h *Handlers) cancelPaused(r *request) (bool, error) {
	cs, err := r.tx.OpenCases(r.ctx, r.user.TelegramID, 0, resumeShown)
	if err != nil {
		return false, err
	}
	cs = slices.DeleteFunc(cs, func(c storage.Case) bool { return c.Status != storage.CasePaused })
	switch len(cs) {
	case 0:
		return false, nil
	case 1:
		c, g, err := h.caseAndGuide(r, cs[0].ID)
		if err != nil {
			return false, ignoreGone(err)
		}
		v := &caseView{request: r, h: h, screen: screenPaused, c: c, g: g}
		text, kb, err := caseScreens[screenPaused].draw(v)
		if err != nil {
			return false, err
		}
		r.say(r.t.T("cancel.nothing_paused", locales.Data{"Case": c.ID, "Guide": g.Title.In(r.t.Lang())})+"\n\n"+text, kb)
		return true, nil
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = "• " + h.caseLabel(r, c)
	}
	r.say(r.t.T("cancel.nothing_paused_several", locales.Data{"Count": len(cs), "Cases": strings.Join(names, "\n")}), nil)
	return true, nil
}
