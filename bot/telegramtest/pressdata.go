package telegramtest

import (
	"fmt"
	"strconv"

	"github.com/go-telegram/bot/models"
)

// PressData presses a button on message messageID whose callback data is
// data, whatever buttons the message really shows: the press of a keyboard
// the bot drew long ago, or of a client that forges its callback queries.
// Telegram carries at most 64 bytes of data, so more is refused here; the
// press is answerable like any other (User.Answers).
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
