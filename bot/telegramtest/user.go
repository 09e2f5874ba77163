package telegramtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// User is a scripted Telegram user talking to the bot in a private chat whose chat id
// equals the user id, as in real Telegram.
type User struct {
	ID           int64
	FirstName    string
	LanguageCode string

	s       *Server
	cursor  int // index of the next chat event Next returns; guarded by s.mu
	answers []CallbackAnswer
}

// Message is a bot message as the user sees it.
type Message struct {
	ID       int
	ChatID   int64
	Text     string // as displayed: HTML/Markdown already parsed away
	Caption  string // as displayed
	Keyboard [][]Button
	Photo    []byte // uploaded photo bytes (sendPhoto)
	Document *File  // uploaded document (sendDocument)
	Edited   bool
	Date     time.Time

	RawText   string // text or caption exactly as the bot sent it, before parse_mode
	ParseMode string
	PhotoID   string // file_id the server gave the photo (sendPhoto)
}

// Buttons flattens the keyboard, which is how most assertions want it.
func (m *Message) Buttons() []Button {
	var out []Button
	for _, row := range m.Keyboard {
		out = append(out, row...)
	}
	return out
}

// Button is an inline keyboard button.
type Button struct{ Text, CallbackData, URL string }

// File is an uploaded file. ID is the file_id the server answered with, so a bot can
// send the same file again by reference.
type File struct {
	Name string
	Data []byte
	ID   string
}

// CallbackAnswer is what the bot answered to a button press (answerCallbackQuery).
type CallbackAnswer struct {
	CallbackQueryID, Text string
	ShowAlert             bool
}

// chat is one private chat; guarded by Server.mu.
type chat struct {
	id        int64
	user      *User
	instance  string
	nextMsgID int
	msgs      map[int]*msgState // bot messages, including deleted ones
	order     []int             // bot message ids in send order
	userMsgs  map[int]bool
	events    []Message // snapshots for User.Next
	lastSent  int       // the newest message the user sent (EditLast)
	group     *Group    // nil for a private chat
	refusal   *apiError // set: every call to the chat is answered with it (Block, Upgrade)
}

// model is the chat as the Bot API shows it in messages.
func (c *chat) model() models.Chat {
	if c.group != nil {
		return c.group.model()
	}
	return c.user.chatModel()
}

type msgState struct {
	id        int
	date      time.Time
	text      string // plain
	caption   string // plain
	raw       string
	parseMode string
	markup    *models.InlineKeyboardMarkup
	markupKey string // canonical JSON, to detect "message is not modified"
	photo     *File
	doc       *File
	mime      string
	edited    bool
	editDate  time.Time
	deleted   bool
	frozen    bool // edits answer "message can't be edited" (Freeze)
}

// NewUser creates a user and its private chat. Ids start at 1001.
func (s *Server) NewUser(firstName, languageCode string) *User {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := &User{ID: s.nextUser, FirstName: firstName, LanguageCode: languageCode, s: s}
	s.nextUser++
	s.users[u.ID] = u
	s.chats[u.ID] = &chat{
		id:        u.ID,
		user:      u,
		instance:  strconv.FormatInt(-u.ID*7919-1234567, 10),
		nextMsgID: s.firstMsgID,
		msgs:      map[int]*msgState{},
		userMsgs:  map[int]bool{},
	}
	return u
}

// User returns the user with this id, or nil; the demo uses it to follow a chat it did
// not create itself.
func (s *Server) User(id int64) *User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users[id]
}

func (u *User) model() models.User {
	return models.User{ID: u.ID, FirstName: u.FirstName, LanguageCode: u.LanguageCode}
}

func (u *User) chatModel() models.Chat {
	return models.Chat{ID: u.ID, Type: models.ChatTypePrivate, FirstName: u.FirstName}
}

// SendText sends a message from the user to the bot and returns its update_id. A text
// starting with "/" carries a bot_command entity, as Telegram adds one; without it the
// library's command matching would not fire.
func (u *User) SendText(text string) int64 {
	s := u.s
	s.mu.Lock()
	c := s.chats[u.ID]
	id := c.nextMsgID
	c.nextMsgID++
	c.userMsgs[id] = true
	c.lastSent = id
	s.mu.Unlock()

	from := u.model()
	m := &models.Message{ID: id, From: &from, Date: int(time.Now().Unix()), Chat: u.chatModel(), Text: text}
	if strings.HasPrefix(text, "/") {
		word := text
		if k := strings.IndexAny(word, " \n\t"); k >= 0 {
			word = word[:k]
		}
		if len(word) > 1 {
			m.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: utf16Len(word)}}
		}
	}
	return s.Enqueue(models.Update{Message: m})
}

// Press presses the button labelled label on the most recent bot message of the chat
// that shows such a button, as a user tapping the newest keyboard would.
func (u *User) Press(label string) (int64, error) {
	s := u.s
	s.mu.Lock()
	c := s.chats[u.ID]
	var found *msgState
	for i := len(c.order) - 1; i >= 0 && found == nil; i-- {
		m := c.msgs[c.order[i]]
		if !m.deleted && findButton(m, label) != nil {
			found = m
		}
	}
	s.mu.Unlock()
	if found == nil {
		return 0, fmt.Errorf("telegramtest: no bot message in chat %d has a button %q", u.ID, label)
	}
	return u.PressOn(found.id, label)
}

// PressOn presses a button on a given message, e.g. an old one whose buttons the bot
// should treat as stale.
func (u *User) PressOn(messageID int, label string) (int64, error) {
	s := u.s
	s.mu.Lock()
	var b *models.InlineKeyboardButton
	if m := s.chats[u.ID].msgs[messageID]; m != nil && !m.deleted {
		b = findButton(m, label)
	}
	s.mu.Unlock()
	if b == nil {
		return 0, fmt.Errorf("telegramtest: message %d in chat %d has no button %q", messageID, u.ID, label)
	}
	if b.CallbackData == "" {
		return 0, fmt.Errorf("telegramtest: button %q on message %d has no callback_data", label, messageID)
	}
	return u.PressData(messageID, b.CallbackData)
}

// PressData presses a button with any callback data on a given message, as
// a forged or outdated client would. Telegram carries at most 64 bytes of
// data, so more is refused here.
func (u *User) PressData(messageID int, data string) (int64, error) {
	if len(data) > maxCallbackData {
		return 0, fmt.Errorf("telegramtest: callback data of %d bytes (Telegram carries at most %d)", len(data), maxCallbackData)
	}
	s := u.s
	s.mu.Lock()
	c := s.chats[u.ID]
	m := c.msgs[messageID]
	if m == nil || m.deleted {
		s.mu.Unlock()
		return 0, fmt.Errorf("telegramtest: no bot message %d in chat %d", messageID, u.ID)
	}
	s.nextCBQ++
	qid := strconv.FormatInt(u.ID, 10) + strconv.FormatInt(9000000000+s.nextCBQ, 10)
	s.callbacks[qid] = &callbackState{userID: u.ID}
	msg := s.messageModelLocked(c, m)
	s.mu.Unlock()

	return s.Enqueue(models.Update{CallbackQuery: &models.CallbackQuery{
		ID:           qid,
		From:         u.model(),
		Message:      models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: &msg},
		ChatInstance: c.instance,
		Data:         data,
	}}), nil
}

func findButton(m *msgState, label string) *models.InlineKeyboardButton {
	if m.markup == nil {
		return nil
	}
	for _, row := range m.markup.InlineKeyboard {
		for i := range row {
			if row[i].Text == label {
				return &row[i]
			}
		}
	}
	return nil
}

// ErrTimeout is returned by User.Next when the bot stays silent.
var ErrTimeout = errors.New("telegramtest: timed out waiting for the bot")

// Next waits for the bot's next message or edit in this chat, after the last one this
// User returned. Edits come back as the message's new state with Edited set, so a test
// reads a conversation in the order the user would have seen it change.
func (u *User) Next(timeout time.Duration) (*Message, error) {
	s := u.s
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		c := s.chats[u.ID]
		if u.cursor < len(c.events) {
			m := c.events[u.cursor]
			u.cursor++
			if s.keepCalls > 0 && u.cursor == len(c.events) {
				// All read: a long run does not keep the chat's history.
				c.events, u.cursor = c.events[:0:0], 0
			}
			s.mu.Unlock()
			return &m, nil
		}
		closed := s.closed
		wait := s.changed
		s.mu.Unlock()
		if closed {
			return nil, errors.New("telegramtest: server closed")
		}
		select {
		case <-wait:
		case <-deadline.C:
			return nil, fmt.Errorf("%w (%v, chat %d)", ErrTimeout, timeout, u.ID)
		}
	}
}

// Messages returns the current state of every bot message in the chat, oldest first;
// deleted messages are gone, as on the user's screen.
func (u *User) Messages() []*Message { return u.s.messagesOf(u.ID) }

// messagesOf lists a chat's messages, oldest first, without the deleted ones.
func (s *Server) messagesOf(chat int64) []*Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chat]
	var out []*Message
	for _, id := range c.order {
		if m := c.msgs[id]; !m.deleted {
			out = append(out, m.public(c.id))
		}
	}
	return out
}

// Last returns the most recent bot message still shown, or nil.
func (u *User) Last() *Message {
	ms := u.Messages()
	if len(ms) == 0 {
		return nil
	}
	return ms[len(ms)-1]
}

// Answers returns the bot's answerCallbackQuery calls for this user's presses, in order.
func (u *User) Answers() []CallbackAnswer {
	u.s.mu.Lock()
	defer u.s.mu.Unlock()
	return append([]CallbackAnswer(nil), u.answers...)
}

func (m *msgState) public(chatID int64) *Message {
	p := &Message{
		ID: m.id, ChatID: chatID, Text: m.text, Caption: m.caption, Edited: m.edited, Date: m.date,
		RawText: m.raw, ParseMode: m.parseMode,
	}
	if m.markup != nil {
		for _, row := range m.markup.InlineKeyboard {
			r := make([]Button, 0, len(row))
			for _, b := range row {
				r = append(r, Button{Text: b.Text, CallbackData: b.CallbackData, URL: b.URL})
			}
			p.Keyboard = append(p.Keyboard, r)
		}
	}
	if m.photo != nil {
		p.Photo = m.photo.Data
		p.PhotoID = m.photo.ID
	}
	if m.doc != nil {
		d := *m.doc
		p.Document = &d
	}
	return p
}

// messageModelLocked renders a bot message as the Bot API returns it.
func (s *Server) messageModelLocked(c *chat, m *msgState) models.Message {
	from := s.bot
	out := models.Message{
		ID:      m.id,
		From:    &from,
		Date:    int(m.date.Unix()),
		Chat:    c.model(),
		Text:    m.text,
		Caption: m.caption,
	}
	if m.edited {
		out.EditDate = int(m.editDate.Unix())
	}
	if m.markup != nil {
		mk := *m.markup
		out.ReplyMarkup = &mk
	}
	if m.photo != nil {
		out.Photo = []models.PhotoSize{
			{FileID: m.photo.ID + "_s", FileUniqueID: m.photo.ID[:8] + "s", Width: 90, Height: 90, FileSize: len(m.photo.Data) / 10},
			{FileID: m.photo.ID, FileUniqueID: m.photo.ID[:8], Width: 800, Height: 800, FileSize: len(m.photo.Data)},
		}
	}
	if m.doc != nil {
		out.Document = &models.Document{
			FileID: m.doc.ID, FileUniqueID: m.doc.ID[:8], FileName: m.doc.Name,
			MimeType: m.mime, FileSize: int64(len(m.doc.Data)),
		}
	}
	return out
}

// Enqueue queues a raw update for getUpdates or the webhook. An update_id of 0 is
// assigned the next id; the id is returned.
func (s *Server) Enqueue(u models.Update) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.ID == 0 {
		u.ID = s.nextUpdate
	}
	if u.ID >= s.nextUpdate {
		s.nextUpdate = u.ID + 1
	}
	raw, err := json.Marshal(&u)
	if err != nil {
		panic("telegramtest: cannot encode update: " + err.Error())
	}
	q := queuedUpdate{id: u.ID, kind: updateKind(&u), raw: raw}
	i := len(s.updates)
	for i > 0 && s.updates[i-1].id > q.id {
		i--
	}
	s.updates = append(s.updates, queuedUpdate{})
	copy(s.updates[i+1:], s.updates[i:])
	s.updates[i] = q
	s.broadcastLocked()
	return u.ID
}

// PendingUpdates is how many updates the bot has not confirmed yet; tests use it to
// wait until the bot has consumed everything.
func (s *Server) PendingUpdates() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates)
}

// updateField is one of models.Update's fields and its JSON name.
type updateField struct {
	index int
	name  string
}

// updateFields are models.Update's fields but update_id: an update's kind
// is the name of the one it has.
var updateFields = func() (fs []updateField) {
	t := reflect.TypeFor[models.Update]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" && name != "update_id" {
			fs = append(fs, updateField{i, name})
		}
	}
	return fs
}()

// updateKind is the field an update carries ("message", "callback_query",
// ...), as allowed_updates names it; "" for an update with none.
func updateKind(u *models.Update) string {
	v := reflect.ValueOf(u).Elem()
	kind := ""
	for _, f := range updateFields {
		if !v.Field(f.index).IsZero() {
			kind = f.name
		}
	}
	return kind
}
