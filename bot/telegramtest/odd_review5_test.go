package telegramtest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/go-telegram/bot/models"
)

// Blocking the bot refuses every call to the chat and sends the bot the
// my_chat_member update Telegram sends ("member" → "kicked"); unblocking
// sends the way back and lets calls through again.
func TestBlockSendsMyChatMember(t *testing.T) {
	s := NewServer()
	defer s.Close()
	u := s.NewUser("Lan", "vi")
	send := func() int {
		code, _ := postJSON(t, s.methodURL("sendMessage"), map[string]any{"chat_id": u.ID, "text": "hi"})
		return code
	}
	status := func(id int64) (was, is models.ChatMemberType) {
		t.Helper()
		code, r := postJSON(t, s.methodURL("getUpdates"), map[string]any{"offset": id, "timeout": 0})
		if code != http.StatusOK {
			t.Fatalf("getUpdates: %d", code)
		}
		var ups []models.Update
		if err := json.Unmarshal(r.Result, &ups); err != nil || len(ups) == 0 || ups[0].ID != id {
			t.Fatalf("update %d not delivered: %s (%v)", id, r.Result, err)
		}
		m := ups[0].MyChatMember
		if m == nil || m.Chat.ID != u.ID || m.Chat.Type != models.ChatTypePrivate || m.From.ID != u.ID || m.NewChatMember.Type == "" {
			t.Fatalf("update %d: %s", id, r.Result)
		}
		return m.OldChatMember.Type, m.NewChatMember.Type
	}
	id := u.Block()
	if was, is := status(id); was != models.ChatMemberTypeMember || is != models.ChatMemberTypeBanned {
		t.Errorf("block: %s → %s, want member → kicked", was, is)
	}
	if code := send(); code != http.StatusForbidden {
		t.Errorf("a message to a user who blocked the bot: %d", code)
	}
	id = u.Unblock()
	if was, is := status(id); was != models.ChatMemberTypeBanned || is != models.ChatMemberTypeMember {
		t.Errorf("unblock: %s → %s, want kicked → member", was, is)
	}
	if code := send(); code != http.StatusOK {
		t.Errorf("a message after unblocking: %d", code)
	}
}
