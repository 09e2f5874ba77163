package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Reply is one thing the bot says. Handlers return replies instead of
// calling Telegram, and the runtime sends them once the handler's
// transaction has committed: a reply never announces state that was not
// saved, and handlers can be tested without Telegram.
type Reply interface {
	// Chat is the chat the reply goes to; replies to one chat are sent in order.
	Chat() int64
	// isMessage tells whether the reply counts against message rate limits.
	isMessage() bool
	do(ctx context.Context, api *tg.Bot) error
}

// Button is an inline keyboard button: a callback button when Data is set,
// a link when URL is.
type Button struct {
	Text string
	Data string // ≤64 bytes
	URL  string
}

// Keyboard is rows of inline buttons.
type Keyboard [][]Button

func (k Keyboard) markup() models.ReplyMarkup {
	if len(k) == 0 {
		return nil
	}
	rows := make([][]models.InlineKeyboardButton, len(k))
	for i, row := range k {
		rows[i] = make([]models.InlineKeyboardButton, len(row))
		for j, b := range row {
			rows[i][j] = models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data, URL: b.URL}
		}
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: rows}
}

// Message sends a new text message.
type Message struct {
	ChatID   int64
	Text     string
	Keyboard Keyboard
	// ThreadID is the topic of a forum supergroup the message goes to (0:
	// the chat itself, or a forum's General topic).
	ThreadID int `json:",omitempty"`
	// Track, when set, has the runtime tell the handler (SentHandler) the
	// id Telegram gave the message, with Track, once it took it: a screen
	// sent as a new message becomes one the handler can edit later.
	Track string `json:",omitempty"`
}

func (m Message) Chat() int64   { return m.ChatID }
func (Message) isMessage() bool { return true }
func (m Message) do(ctx context.Context, api *tg.Bot) error {
	_, err := m.send(ctx, api)
	return err
}

// send sends the message and returns the id Telegram gave it.
func (m Message) send(ctx context.Context, api *tg.Bot) (int, error) {
	sent, err := api.SendMessage(ctx, &tg.SendMessageParams{
		ChatID:             m.ChatID,
		MessageThreadID:    m.ThreadID,
		Text:               m.Text,
		ReplyMarkup:        m.Keyboard.markup(),
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tg.True()},
	})
	if err != nil || sent == nil {
		return 0, err
	}
	return sent.ID, nil
}

// Edit replaces the text and keyboard of a message the bot sent, so that a
// flow lives in one message instead of flooding the chat.
type Edit struct {
	ChatID    int64
	MessageID int
	Text      string
	Keyboard  Keyboard
}

func (e Edit) Chat() int64   { return e.ChatID }
func (Edit) isMessage() bool { return true }
func (e Edit) do(ctx context.Context, api *tg.Bot) error {
	_, err := api.EditMessageText(ctx, &tg.EditMessageTextParams{
		ChatID:             e.ChatID,
		MessageID:          e.MessageID,
		Text:               e.Text,
		ReplyMarkup:        e.Keyboard.markup(),
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tg.True()},
	})
	if err != nil && errors.Is(err, tg.ErrorBadRequest) &&
		(strings.Contains(err.Error(), "message to edit not found") || strings.Contains(err.Error(), "message can't be edited")) {
		// The user deleted the message (or cleared the chat) between the
		// press and the edit, or Telegram no longer lets it be changed:
		// the screen comes as a new message instead of leaving them with
		// none.
		return Message{ChatID: e.ChatID, Text: e.Text, Keyboard: e.Keyboard}.do(ctx, api)
	}
	return err
}

// EditButtons replaces only the buttons of a message the bot sent (none:
// Keyboard empty), leaving its text: an older copy of a screen drawn again
// below loses the buttons the copy below carries now. An edit that changes
// nothing ("message is not modified", the sender's) or that finds no
// message (deleted by the user, or no longer editable) is harmless: there
// are no buttons left to take away.
type EditButtons struct {
	ChatID    int64
	MessageID int
	Keyboard  Keyboard
}

func (e EditButtons) Chat() int64   { return e.ChatID }
func (EditButtons) isMessage() bool { return true }
func (e EditButtons) do(ctx context.Context, api *tg.Bot) error {
	_, err := api.EditMessageReplyMarkup(ctx, &tg.EditMessageReplyMarkupParams{
		ChatID:      e.ChatID,
		MessageID:   e.MessageID,
		ReplyMarkup: e.Keyboard.markup(),
	})
	if err != nil && errors.Is(err, tg.ErrorBadRequest) &&
		(strings.Contains(err.Error(), "message to edit not found") || strings.Contains(err.Error(), "message can't be edited")) {
		return nil
	}
	return err
}

// Answer answers a button press; every press needs one, or the user's
// client keeps spinning.
type Answer struct {
	ChatID          int64 // the chat of the pressed message: keeps the answer in that chat's order
	CallbackQueryID string
	Text            string // ≤200 characters; shown as a toast
	Alert           bool
}

func (a Answer) Chat() int64   { return a.ChatID }
func (Answer) isMessage() bool { return false }
func (a Answer) do(ctx context.Context, api *tg.Bot) error {
	_, err := api.AnswerCallbackQuery(ctx, &tg.AnswerCallbackQueryParams{
		CallbackQueryID: a.CallbackQueryID,
		Text:            a.Text,
		ShowAlert:       a.Alert,
	})
	return err
}

// Photo sends an image (a chart, a QR code): Data, or, for a picture
// drawn from a few fields (a follow-up slip), the drawing named Drawing
// (RegisterDrawing) made from Spec when the photo is sent. The outbox then
// keeps the spec, a few hundred bytes, instead of the picture, and the
// picture is drawn after the handler's transaction, not while it holds
// its chats' locks.
type Photo struct {
	ChatID   int64
	Name     string
	Data     []byte          `json:",omitempty"`
	Drawing  string          `json:",omitempty"`
	Spec     json.RawMessage `json:",omitempty"`
	Caption  string
	Keyboard Keyboard
}

func (p Photo) Chat() int64   { return p.ChatID }
func (Photo) isMessage() bool { return true }
func (p Photo) do(ctx context.Context, api *tg.Bot) error {
	data := p.Data
	if p.Drawing != "" {
		var err error
		if data, err = draw(p.Drawing, p.Spec); err != nil {
			return err
		}
	}
	_, err := api.SendPhoto(ctx, &tg.SendPhotoParams{
		ChatID:      p.ChatID,
		Photo:       &models.InputFileUpload{Filename: p.Name, Data: bytes.NewReader(data)},
		Caption:     p.Caption,
		ReplyMarkup: p.Keyboard.markup(),
	})
	return err
}

// drawings are the pictures Photo.Drawing can name, by name.
var drawings sync.Map // string → func(spec []byte) ([]byte, error)

// RegisterDrawing makes draw the drawing a Photo names name: it turns the
// photo's Spec into the picture sent. A package registers its drawings
// when it starts (init), as image.RegisterFormat does; draw must give the
// same picture for the same spec, since a reply sent again after a crash
// is drawn again. Registering a name twice panics.
func RegisterDrawing(name string, draw func(spec []byte) ([]byte, error)) {
	if _, dup := drawings.LoadOrStore(name, draw); dup {
		panic("bot: drawing " + name + " registered twice")
	}
}

// errNotDrawn: a Photo's drawing could not be made. No retry can mend it
// (isPermanent): the reply is dropped, logged as a bug.
var errNotDrawn = errors.New("photo not drawn")

func draw(name string, spec []byte) ([]byte, error) {
	d, ok := drawings.Load(name)
	if !ok {
		return nil, fmt.Errorf("%w: no drawing %q", errNotDrawn, name)
	}
	pic, err := d.(func([]byte) ([]byte, error))(spec)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", errNotDrawn, name, err)
	}
	return pic, nil
}

// Document sends a file (a spreadsheet).
type Document struct {
	ChatID  int64
	Name    string
	Data    []byte
	Caption string
}

func (d Document) Chat() int64   { return d.ChatID }
func (Document) isMessage() bool { return true }
func (d Document) do(ctx context.Context, api *tg.Bot) error {
	_, err := api.SendDocument(ctx, &tg.SendDocumentParams{
		ChatID:   d.ChatID,
		Document: &models.InputFileUpload{Filename: d.Name, Data: bytes.NewReader(d.Data)},
		Caption:  d.Caption,
	})
	return err
}

// Command is one entry of the command menu.
type Command struct {
	Name        string // without the slash
	Description string
}

// Commands sets the command menu: for one chat when ChatID is set (a menu
// that fits the user's role and language), else the default menu for
// Language ("" for everyone without a more specific one). The menu only
// shows commands; it authorises nothing.
type Commands struct {
	ChatID   int64
	Language string
	Commands []Command
}

func (c Commands) Chat() int64   { return c.ChatID }
func (Commands) isMessage() bool { return false }
func (c Commands) do(ctx context.Context, api *tg.Bot) error {
	cmds := make([]models.BotCommand, len(c.Commands))
	for i, cmd := range c.Commands {
		cmds[i] = models.BotCommand{Command: cmd.Name, Description: cmd.Description}
	}
	var scope models.BotCommandScope = &models.BotCommandScopeDefault{}
	if c.ChatID != 0 {
		scope = &models.BotCommandScopeChat{ChatID: c.ChatID}
	}
	_, err := api.SetMyCommands(ctx, &tg.SetMyCommandsParams{Commands: cmds, Scope: scope, LanguageCode: c.Language})
	return err
}

// About marks a reply as being about Topic — a follow-up, say —, so that
// Withdraw can take it back from the outbox (unsent, or kept after it was
// dropped) when what it is about must be forgotten. Once sent, a reply
// leaves the outbox: withdrawing reaches only what the bot still holds.
// A reply about several (a list that shows several follow-ups) names them
// all, joined by TopicSep: withdrawing any of them takes it back.
type About struct {
	Topic string
	Reply
}

// TopicSep joins the topics of a reply about several (About).
const TopicSep = ","

// unwrap returns the reply itself and its topic ("" for none).
func unwrap(r Reply) (Reply, string) {
	if a, ok := r.(About); ok {
		return a.Reply, a.Topic
	}
	return r, ""
}

// describe names a reply for the logs: its method, and an edit's message.
func describe(r Reply) string {
	r, _ = unwrap(r)
	switch e := r.(type) {
	case Edit:
		return kindOf(e) + ":" + strconv.Itoa(e.MessageID)
	case EditButtons:
		return kindOf(e) + ":" + strconv.Itoa(e.MessageID)
	}
	if k := kindOf(r); k != "" {
		return k
	}
	return "reply"
}
