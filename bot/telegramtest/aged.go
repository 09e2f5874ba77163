package telegramtest

import (
	"fmt"
	"strconv"

	"github.com/go-telegram/bot/models"
)

// PressAged presses a button on a message the bot sent long ago (a case
// paused on Friday, taken up on Monday), as Telegram reports it then: the
// callback query's message is an InaccessibleMessage — its chat and id,
// date 0, none of its text or buttons. The bot may still edit it: a bot's
// own message in a private chat has no age limit for edits (Bot API,
// editMessageText: only business messages not sent by the bot do).
func (u *User) PressAged(messageID int, label string) (int64, error) {
	s := u.s
	s.mu.Lock()
	var b *models.InlineKeyboardButton
	if m := s.chats[u.ID].msgs[messageID]; m != nil && !m.deleted {
		b = findButton(m, label)
	}
	s.mu.Unlock()
	if b == nil || b.CallbackData == "" {
		return 0, fmt.Errorf("telegramtest: message %d in chat %d has no button %q", messageID, u.ID, label)
	}
	return u.PressAgedData(messageID, b.CallbackData)
}

// PressAgedData is PressAged with any callback data: the second tap of a
// double tap, whose keyboard the first tap's edit has since replaced.
func (u *User) PressAgedData(messageID int, data string) (int64, error) {
	if len(data) > maxCallbackData {
		return 0, fmt.Errorf("telegramtest: callback data of %d bytes (Telegram carries at most %d)", len(data), maxCallbackData)
	}
	s := u.s
	s.mu.Lock()
	c := s.chats[u.ID]
	if m := c.msgs[messageID]; m == nil || m.deleted {
		s.mu.Unlock()
		return 0, fmt.Errorf("telegramtest: no bot message %d in chat %d", messageID, u.ID)
	}
	s.nextCBQ++
	qid := strconv.FormatInt(u.ID, 10) + strconv.FormatInt(9000000000+s.nextCBQ, 10)
	s.callbacks[qid] = &callbackState{userID: u.ID}
	chat, instance := u.chatModel(), c.instance
	s.mu.Unlock()

	return s.Enqueue(models.Update{CallbackQuery: &models.CallbackQuery{
		ID:   qid,
		From: u.model(),
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeInaccessibleMessage,
			InaccessibleMessage: &models.InaccessibleMessage{Chat: chat, MessageID: messageID}},
		ChatInstance: instance,
		Data:         data,
	}}), nil
}

// Freeze makes Telegram refuse every edit of the bot's message with
// "message can't be edited", as it may for a message the bot can no longer
// change (the Bot API names no such limit for a bot's own messages in a
// private chat, but a bot must not leave the user with nothing if it does).
func (u *User) Freeze(messageID int) {
	u.s.mu.Lock()
	defer u.s.mu.Unlock()
	if m := u.s.chats[u.ID].msgs[messageID]; m != nil {
		m.frozen = true
	}
}
