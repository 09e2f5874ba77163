package bot

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/go-telegram/bot/models"
)

// FuzzDecodeUpdate: whatever Telegram (or a forged webhook call) sends, the
// inbox either refuses it as no update or keeps it whole under a non-zero
// id, never panics, and what it keeps decodes the way the runtime decodes
// it later (or is parked then, not lost now).
func FuzzDecodeUpdate(f *testing.F) {
	for _, seed := range []string{
		`{"update_id":1,"message":{"message_id":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"first_name":"An"},"text":"/start"}}`,
		`{"update_id":2,"callback_query":{"id":"q","from":{"id":5,"first_name":"An"},"data":"c:done::3","message":{"message_id":9,"chat":{"id":5,"type":"private"},"date":0}}}`,
		`{"update_id":3,"callback_query":{"id":"q","from":{"id":7},"message":{"message_id":9,"chat":{"id":-100,"type":"supergroup"},"date":0}}}`,
		`{"update_id":4,"my_chat_member":{"chat":{"id":5,"type":"private"}}}`,
		`{"update_id":5,"message":"not an object"}`,
		`{"update_id":6,"brand_new_kind":{"x":1}}`,
		`{"update_id":0}`, `{"update_id":00}`, `{"update_id":-3}`, `{"update_id":99999999999999999999}`, `{"update_id":12}`, `[]`, `null`, `{"update_id":"7"}`, `{"update_id":7e2}`, "{\"update_id\":8,\"message\":{\"text\":\"a\\u0000b\"}}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		// The poller's glance at an update's id (valid JSON, its id once)
		// reads what decoding reads.
		if json.Valid(raw) && bytes.Count(raw, []byte("update_id")) == 1 {
			var head struct {
				ID int64 `json:"update_id"`
			}
			decoded := json.Unmarshal(raw, &head) == nil
			if id, ok := updateID(raw); ok != decoded || id != head.ID {
				t.Fatalf("poller read update_id %d (%v) of %q, decoding %d (%v)", id, ok, raw, head.ID, decoded)
			}
		}
		in, ok := inboxUpdate(raw)
		if !ok {
			return
		}
		if in.ID == 0 || string(in.Payload) != string(raw) {
			t.Fatalf("kept %+v of %q", in, raw)
		}
		var u models.Update
		if json.Unmarshal(in.Payload, &u) == nil && u.ID != in.ID {
			t.Fatalf("the inbox keeps update %d, the runtime would read %d", in.ID, u.ID)
		}
	})
}
