// Package handlers is what dvcbot says and does: the conversations of
// volunteers, coordinators and admins, one file each, over bot/ (replies)
// and storage/ (state). A handler runs inside the update's transaction and
// returns replies; it never calls Telegram itself.
package handlers

import (
	"context"
	"log/slog"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

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
	now         func() time.Time

	inviteTTL          time.Duration
	volunteerInviteMax int
	coordInviteMax     int
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

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option { return func(h *Handlers) { h.log = l } }

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
	}
	for _, o := range opts {
		o(h)
	}
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
	text    string // the message text, NFC-normalized
	cb      *models.CallbackQuery
	replies []bot.Reply
	// answered is set once the press has its answerCallbackQuery.
	answered bool
}

// say sends a new message.
func (r *request) say(text string, kb bot.Keyboard) {
	r.replies = append(r.replies, bot.Message{ChatID: r.chat, Text: text, Keyboard: kb})
}

// show puts a flow's screen in front of the user: in place of the pressed
// message when the user pressed a button, else as a new message.
func (r *request) show(text string, kb bot.Keyboard) {
	if r.cb != nil && r.cb.Message.Message != nil {
		r.replies = append(r.replies, bot.Edit{ChatID: r.chat, MessageID: r.cb.Message.Message.ID, Text: text, Keyboard: kb})
		return
	}
	r.say(text, kb)
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

// Handle implements bot.Handler.
func (h *Handlers) Handle(ctx context.Context, tx *storage.Tx, u *models.Update) ([]bot.Reply, error) {
	from := sender(u)
	if from == nil || from.IsBot {
		return nil, nil
	}
	user, err := tx.TouchUser(ctx, from.ID, vntext.NFC(from.FirstName))
	if err != nil {
		return nil, err
	}
	r := &request{ctx: ctx, tx: tx, user: user, role: h.roleOf(user), t: h.texts.For(user.Language), chat: bot.ChatOf(u)}
	switch {
	case u.CallbackQuery != nil:
		r.cb = u.CallbackQuery
		err = h.press(r)
		r.answer("") // every press needs an answer, even one that changed nothing
	case u.Message != nil:
		err = h.message(r, u.Message)
	}
	if err != nil {
		return nil, err
	}
	return r.replies, nil
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
	}
	return nil
}

// message routes a text message: a command, or an answer to the flow the
// chat is in.
func (h *Handlers) message(r *request, m *models.Message) error {
	if m.Chat.Type != models.ChatTypePrivate {
		if _, _, ok := h.command(m.Text); ok && strings.Contains(m.Text, "@") {
			r.say(r.t.T("error.private_only"), nil)
		}
		return nil // the bot does not talk in groups, except to say so when called by name
	}
	if m.Text == "" {
		r.say(r.t.T("error.media"), nil)
		return nil
	}
	r.text = strings.TrimSpace(vntext.NFC(m.Text))
	if n := utf8.RuneCountInString(r.text); n > maxText {
		r.say(r.t.T("error.too_long", locales.Data{"Length": n}), nil)
		return nil
	}
	if cmd, args, ok := h.command(r.text); ok {
		switch cmd {
		case "start":
			return h.start(r, args)
		case "help":
			return h.help(r)
		case "lang", "language":
			return h.lang(r, args)
		case "invite":
			return h.inviteStart(r)
		case "new":
			return h.newCase(r)
		case "resume":
			return h.resume(r)
		case "cancel":
			return h.cancel(r)
		}
		r.say(r.t.T("error.unknown_command", locales.Data{"Command": "/" + cmd}), nil)
		return nil
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && err != storage.ErrNotFound {
		return err
	}
	switch conv.Flow {
	case flowInvite:
		return h.inviteText(r, conv)
	case flowCase:
		return h.caseText(r, conv)
	}
	if r.member() {
		return h.searchGuides(r) // a few words typed anywhere look for a guide
	}
	r.say(r.t.T("error.text_no_flow"), nil)
	return nil
}

// command splits "/cmd@bot args" into its lower-case name and arguments;
// ok is false for plain text and for commands addressed to another bot.
func (h *Handlers) command(text string) (cmd, args string, ok bool) {
	if !strings.HasPrefix(text, "/") {
		return "", "", false
	}
	word, args := text[1:], ""
	if i := strings.IndexFunc(word, unicode.IsSpace); i >= 0 {
		word, args = word[:i], word[i:]
	}
	word, target, addressed := strings.Cut(word, "@")
	if addressed && h.botUsername != "" && !strings.EqualFold(target, h.botUsername) {
		return "", "", false
	}
	if word == "" {
		return "", "", false
	}
	return strings.ToLower(word), strings.TrimSpace(args), true
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
		r.say(r.t.T("cancel.nothing"), nil)
		return nil
	}
	if conv.Flow == flowCase {
		return h.cancelCase(r, conv)
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	r.say(r.t.T("cancel.done"), nil)
	return nil
}
