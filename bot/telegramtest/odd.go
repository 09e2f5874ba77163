package telegramtest

import (
	"net/http"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// What Telegram also sends and answers, beyond text and presses: media, a
// contact, an edit; a user who blocked the bot or deleted their account;
// groups the bot is added to, and a group upgraded to a supergroup.

// SendMessage sends any message from the user to the bot — a photo, a
// sticker, a contact, a location, a poll, a forward... — and returns its
// update_id. The server fills in the message's id, sender, chat and date.
func (u *User) SendMessage(m models.Message) int64 {
	s := u.s
	s.mu.Lock()
	c := s.chats[u.ID]
	m.ID = c.nextMsgID
	c.nextMsgID++
	c.userMsgs[m.ID] = true
	c.lastSent = m.ID
	s.mu.Unlock()
	from := u.model()
	m.From, m.Chat = &from, u.chatModel()
	if m.Date == 0 {
		m.Date = int(time.Now().Unix())
	}
	return s.Enqueue(models.Update{Message: &m})
}

// EditLast edits the newest message the user sent to text, as a user
// correcting a typo does: an edited_message update, whose id it returns.
func (u *User) EditLast(text string) int64 {
	s := u.s
	s.mu.Lock()
	id := s.chats[u.ID].lastSent
	s.mu.Unlock()
	from := u.model()
	now := int(time.Now().Unix())
	return s.Enqueue(models.Update{EditedMessage: &models.Message{
		ID: id, From: &from, Chat: u.chatModel(), Date: now - 60, EditDate: now, Text: text,
	}})
}

// Block makes every call to the user's chat answer 403 "Forbidden: bot was
// blocked by the user", as after the user blocked the bot, and sends the
// bot what Telegram does then: a my_chat_member update of the private chat,
// the bot's status "member" → "kicked". It returns that update's id.
func (u *User) Block() int64 {
	u.refuse(&apiError{code: http.StatusForbidden, desc: "Forbidden: bot was blocked by the user"})
	return u.botStatus(models.ChatMemberTypeMember, models.ChatMemberTypeBanned)
}

// Deactivate makes every call to the user's chat answer 403 "Forbidden:
// user is deactivated", as after the user deleted their account. Telegram
// sends no update for that.
func (u *User) Deactivate() {
	u.refuse(&apiError{code: http.StatusForbidden, desc: "Forbidden: user is deactivated"})
}

// Unblock undoes Block, with the update Telegram sends when the user
// unblocks the bot (or presses "Restart"): the bot's status "kicked" →
// "member". It returns that update's id.
func (u *User) Unblock() int64 {
	u.refuse(nil)
	return u.botStatus(models.ChatMemberTypeBanned, models.ChatMemberTypeMember)
}

// botStatus enqueues the my_chat_member update of the user's private chat
// in which the bot's status went from one to another.
func (u *User) botStatus(from, to models.ChatMemberType) int64 {
	b := u.s.Bot()
	member := func(t models.ChatMemberType) models.ChatMember {
		if t == models.ChatMemberTypeBanned {
			return models.ChatMember{Type: t, Banned: &models.ChatMemberBanned{User: &b}}
		}
		return models.ChatMember{Type: t, Member: &models.ChatMemberMember{User: &b}}
	}
	return u.s.Enqueue(models.Update{MyChatMember: &models.ChatMemberUpdated{
		Chat: u.chatModel(), From: u.model(), Date: int(time.Now().Unix()),
		OldChatMember: member(from), NewChatMember: member(to),
	}})
}

func (u *User) refuse(e *apiError) {
	u.s.mu.Lock()
	defer u.s.mu.Unlock()
	u.s.chats[u.ID].refusal = e
}

// Group is a group or supergroup the bot is in. The bot's messages there are
// read with Messages.
type Group struct {
	ID    int64
	Title string
	Super bool

	s *Server
}

func (g *Group) model() models.Chat {
	t := models.ChatTypeGroup
	if g.Super {
		t = models.ChatTypeSupergroup
	}
	return models.Chat{ID: g.ID, Type: t, Title: g.Title}
}

// NewGroup creates a group (super: a supergroup) the bot is a member of.
// Its id is negative, as Telegram's are: -N for a group, -100N for a
// supergroup.
func (s *Server) NewGroup(title string, super bool) *Group {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newGroupLocked(title, super)
}

func (s *Server) newGroupLocked(title string, super bool) *Group {
	n := s.nextGroup
	s.nextGroup++
	id := -(4_000_000_000 + n)
	if super {
		id = -(1_000_000_000_000 + 2_000_000_000 + n)
	}
	g := &Group{ID: id, Title: title, Super: super, s: s}
	s.chats[id] = &chat{id: id, group: g, nextMsgID: s.firstMsgID, msgs: map[int]*msgState{}, userMsgs: map[int]bool{}}
	return g
}

// SendText sends a message from a user to the group, as the bot sees it
// (with privacy mode on: commands, and replies to it), and returns its
// update_id.
func (g *Group) SendText(from *User, text string) int64 {
	s := g.s
	s.mu.Lock()
	c := s.chats[g.ID]
	id := c.nextMsgID
	c.nextMsgID++
	c.userMsgs[id] = true
	s.mu.Unlock()
	f := from.model()
	m := &models.Message{ID: id, From: &f, Date: int(time.Now().Unix()), Chat: g.model(), Text: text}
	if strings.HasPrefix(text, "/") {
		word := text
		if k := strings.IndexAny(word, " \n\t"); k >= 0 {
			word = word[:k]
		}
		m.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: utf16Len(word)}}
	}
	return s.Enqueue(models.Update{Message: m})
}

// AddBot is by adding the bot to the group: the my_chat_member update
// Telegram sends, and the service message the group shows. It returns the
// two update_ids.
func (g *Group) AddBot(by *User) (member, service int64) {
	s := g.s
	b := s.Bot()
	f := by.model()
	now := int(time.Now().Unix())
	member = s.Enqueue(models.Update{MyChatMember: &models.ChatMemberUpdated{
		Chat: g.model(), From: f, Date: now,
		OldChatMember: models.ChatMember{Type: models.ChatMemberTypeLeft, Left: &models.ChatMemberLeft{User: &b}},
		NewChatMember: models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{User: &b}},
	}})
	s.mu.Lock()
	c := s.chats[g.ID]
	id := c.nextMsgID
	c.nextMsgID++
	s.mu.Unlock()
	service = s.Enqueue(models.Update{Message: &models.Message{
		ID: id, From: &f, Date: now, Chat: g.model(), NewChatMembers: []models.User{b},
	}})
	return member, service
}

// Upgrade turns a group into a supergroup, as Telegram does when an admin
// changes certain settings: the group's id is gone — every call to it
// answers 400 with parameters.migrate_to_chat_id — and the bot gets the
// service message in both. It returns the supergroup.
func (g *Group) Upgrade(by *User) *Group {
	s := g.s
	s.mu.Lock()
	super := s.newGroupLocked(g.Title, true)
	old := s.chats[g.ID]
	old.refusal = &apiError{code: http.StatusBadRequest, desc: "Bad Request: group chat was upgraded to a supergroup chat", migrateTo: super.ID}
	id := old.nextMsgID
	old.nextMsgID++
	sc := s.chats[super.ID]
	first := sc.nextMsgID
	sc.nextMsgID++
	s.mu.Unlock()
	f := by.model()
	now := int(time.Now().Unix())
	s.Enqueue(models.Update{Message: &models.Message{ID: id, From: &f, Date: now, Chat: g.model(), MigrateToChatID: super.ID}})
	s.Enqueue(models.Update{Message: &models.Message{ID: first, From: &f, Date: now, Chat: super.model(), MigrateFromChatID: g.ID}})
	return super
}

// Messages returns the bot's messages in the group still shown, oldest
// first.
func (g *Group) Messages() []*Message { return g.s.messagesOf(g.ID) }
