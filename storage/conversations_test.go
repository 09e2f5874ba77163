package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

type registerData struct {
	Name     string   `json:"name"`
	Commune  string   `json:"commune"`
	Page     int      `json:"page"`
	Services []string `json:"services"`
	Nested   struct {
		OK bool `json:"ok"`
	} `json:"nested"`
}

func TestConversationVersions(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const chat, other = int64(1001), int64(-1002) // group chats have negative ids
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.Conversation(ctx, chat); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("Conversation on a new chat: %v, want ErrNotFound", err)
		}
		// Ending a conversation that never began is harmless.
		if err := tx.EndConversation(ctx, chat); err != nil {
			t.Errorf("EndConversation on a new chat: %v", err)
		}
		if _, err := tx.Conversation(ctx, chat); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("Conversation after ending none: %v, want ErrNotFound", err)
		}
		return nil
	})
	steps := []struct {
		chat        int64
		end         bool // EndConversation instead of Save
		flow, step  string
		data        any
		msg         int
		wantVersion int
	}{
		{chat: chat, flow: "register", step: "province", data: map[string]int{"page": 0}, msg: 10, wantVersion: 1},
		{chat: chat, flow: "register", step: "province", data: map[string]int{"page": 1}, msg: 10, wantVersion: 2},
		{chat: other, flow: "search", step: "query", data: nil, msg: 5, wantVersion: 1},
		{chat: chat, flow: "register", step: "commune", data: map[string]string{"province": "79"}, msg: 11, wantVersion: 3},
		{chat: chat, end: true, wantVersion: 4},
		{chat: chat, flow: "invite", step: "role", data: struct{}{}, msg: 12, wantVersion: 5},
		{chat: chat, end: true, wantVersion: 6},
		{chat: chat, end: true, wantVersion: 7},
		{chat: chat, flow: "register", step: "province", data: map[string]int{"page": 0}, msg: 13, wantVersion: 8},
		{chat: other, end: true, wantVersion: 2},
	}
	for i, s := range steps {
		inTx(t, st, func(tx *storage.Tx) error {
			if s.end {
				if err := tx.EndConversation(ctx, s.chat); err != nil {
					return err
				}
			} else {
				v, err := tx.SaveConversation(ctx, s.chat, s.flow, s.step, s.data, s.msg)
				if err != nil {
					return err
				}
				if v != s.wantVersion {
					t.Errorf("step %d: SaveConversation returned version %d, want %d", i, v, s.wantVersion)
				}
			}
			c, err := tx.Conversation(ctx, s.chat)
			if err != nil {
				t.Errorf("step %d: Conversation: %v (an ended conversation keeps its row)", i, err)
				return nil
			}
			if c.ChatID != s.chat || c.Version != s.wantVersion || c.Flow != s.flow || c.Step != s.step {
				t.Errorf("step %d: Conversation = chat %d flow %q step %q version %d; want chat %d flow %q step %q version %d",
					i, c.ChatID, c.Flow, c.Step, c.Version, s.chat, s.flow, s.step, s.wantVersion)
			}
			if !s.end && c.MessageID != s.msg {
				t.Errorf("step %d: MessageID %d, want %d", i, c.MessageID, s.msg)
			}
			if s.end {
				var m map[string]any
				if err := c.Decode(&m); err != nil || len(m) != 0 {
					t.Errorf("step %d: an ended conversation still holds data %s (%v)", i, c.Data, err)
				}
			}
			return nil
		})
	}
}

func TestConversationRolledBack(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		_, err := tx.SaveConversation(ctx, 1, "register", "a", nil, 0)
		return err
	})
	boom := errors.New("boom")
	err := st.InTx(ctx, func(tx *storage.Tx) error {
		if _, err := tx.SaveConversation(ctx, 1, "register", "b", nil, 0); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("InTx returned %v, want fn's error", err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		c, err := tx.Conversation(ctx, 1)
		if err != nil || c.Step != "a" || c.Version != 1 {
			t.Errorf("after a rolled back save: %+v, %v; want step a, version 1", c, err)
		}
		v, err := tx.SaveConversation(ctx, 1, "register", "c", nil, 0)
		if err != nil || v != 2 {
			t.Errorf("next save: version %d, %v; want 2", v, err)
		}
		return nil
	})
}

func TestConversationDecode(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	full := registerData{Name: "Nguyễn Thị Lan \"Út\" <b>", Commune: anHoiTay, Page: 3, Services: []string{"khai sinh", "kết hôn"}}
	full.Nested.OK = true
	tests := []struct {
		name string
		data any
		want registerData
	}{
		{"full struct", full, full},
		{"pointer", &full, full},
		{"empty struct", registerData{}, registerData{Services: nil}},
		{"nil data", nil, registerData{}},
		{"map", map[string]any{"page": 7, "unknown": "ignored"}, registerData{Page: 7}},
	}
	for i, tt := range tests {
		chat := int64(2000 + i)
		inTx(t, st, func(tx *storage.Tx) error {
			if _, err := tx.SaveConversation(ctx, chat, "register", "s", tt.data, 0); err != nil {
				return err
			}
			c, err := tx.Conversation(ctx, chat)
			if err != nil {
				return err
			}
			var got registerData
			if err := c.Decode(&got); err != nil {
				t.Errorf("%s: Decode: %v", tt.name, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: Decode = %+v, want %+v", tt.name, got, tt.want)
			}
			// Data of the wrong shape is an error that names the chat.
			var wrong []int
			if tt.name == "full struct" {
				if err := c.Decode(&wrong); err == nil || !strings.Contains(err.Error(), "2000") {
					t.Errorf("Decode into the wrong type: %v, want an error naming the chat", err)
				}
			}
			return nil
		})
	}
	// A conversation with no data decodes to nothing, without error.
	var v registerData
	if err := (storage.Conversation{}).Decode(&v); err != nil || !reflect.DeepEqual(v, registerData{}) {
		t.Errorf("Decode of empty data: %+v, %v", v, err)
	}
	// Data that cannot be encoded is refused, and nothing is stored.
	err := st.InTx(ctx, func(tx *storage.Tx) error {
		_, err := tx.SaveConversation(ctx, 3000, "register", "s", map[string]any{"f": func() {}}, 0)
		return err
	})
	if err == nil {
		t.Error("SaveConversation with unencodable data succeeded")
	}
}

// A transaction reads a locked row once and then serves what it read or
// wrote: every later read sees the transaction's own writes.
func TestTransactionSeesItsOwnWrites(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.Conversation(ctx, 7); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("no conversation yet: %v", err)
		}
		v, err := tx.SaveConversation(ctx, 7, "c", "step", map[string]int{"case": 1}, 42)
		if err != nil {
			return err
		}
		c, err := tx.Conversation(ctx, 7)
		if err != nil || c.Flow != "c" || c.Step != "step" || c.Version != v || c.MessageID != 42 {
			t.Fatalf("after saving: %+v, %v", c, err)
		}
		var data map[string]int
		if err := c.Decode(&data); err != nil || data["case"] != 1 {
			t.Fatalf("data after saving: %v, %v", data, err)
		}
		if err := tx.EndConversation(ctx, 7); err != nil {
			return err
		}
		if c, err := tx.Conversation(ctx, 7); err != nil || c.Flow != "" || c.Version != v+1 {
			t.Fatalf("after ending: %+v, %v", c, err)
		}
		return nil
	})
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (10, 'V', 'volunteer', '26882')`); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		c := newCase(ctx, t, tx, 10, "26882", "khai-sinh", time.Now())
		read, err := tx.Case(ctx, c.ID, 10)
		if err != nil {
			return err
		}
		read.Step, read.Checked = 3, append(read.Checked, "a")
		if err := tx.SaveCase(ctx, read); err != nil {
			return err
		}
		read.Checked[0] = "changed after saving"
		again, err := tx.Case(ctx, c.ID, 10)
		if err != nil || again.Step != 3 || len(again.Checked) != 1 || again.Checked[0] != "a" {
			t.Fatalf("after saving: %+v, %v", again, err)
		}
		if _, err := tx.Case(ctx, c.ID, 11); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("someone else's case: %v", err)
		}
		if err := tx.DiscardCase(ctx, c.ID, time.Now()); err != nil {
			return err
		}
		if gone, err := tx.Case(ctx, c.ID, 10); err != nil || gone.Status != "discarded" {
			t.Fatalf("after discarding: %+v, %v", gone, err)
		}
		return nil
	})
}

// A case's write rides on the next statement: with the conversation's, both
// are stored; on its own, Flush sends it, and reports what failed in it.
func TestCaseWriteRidesOnTheNextStatement(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (10, 'V', 'volunteer', '26882')`); err != nil {
		t.Fatal(err)
	}
	var id int64
	inTx(t, st, func(tx *storage.Tx) error {
		c := newCase(ctx, t, tx, 10, "26882", "khai-sinh", time.Now())
		id = c.ID
		c.Step = 2
		if err := tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: time.Now(), Kind: "done"}); err != nil {
			return err
		}
		_, err := tx.SaveConversation(ctx, 10, "c", "step", map[string]int64{"c": c.ID}, 1)
		return err
	})
	var step, events int
	st.DB().Get(&step, `SELECT step FROM cases WHERE id = $1`, id)                                    //nolint:errcheck
	st.DB().Get(&events, `SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'done'`, id) //nolint:errcheck
	if step != 2 || events != 1 {
		t.Fatalf("after the conversation's statement: step %d, %d done events; want 2 and 1", step, events)
	}
	err := st.InTx(ctx, func(tx *storage.Tx) error {
		c, err := tx.Case(ctx, id, 10)
		if err != nil {
			return err
		}
		c.Status = "no such status"
		return tx.SaveCase(ctx, c) // waits; InTx flushes it before committing
	})
	if err == nil || !strings.Contains(err.Error(), "save case") || !strings.Contains(err.Error(), "cases_status") {
		t.Fatalf("a case write refused by the database: %v, want the constraint's error", err)
	}
}

// SeeUser reads the case the chat's conversation is on in its own
// statement: the case it serves is the one a plain read gives.
func TestSeeUserReadsTheChatsCase(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (10, 'V', 'volunteer', '26882')`); err != nil {
		t.Fatal(err)
	}
	var want storage.Case
	inTx(t, st, func(tx *storage.Tx) error {
		c := newCase(ctx, t, tx, 10, "26882", "khai-sinh", time.Now())
		c.Step, c.Checked, c.Progressed = 3, []string{"a", "b"}, true
		c.Outcome = sql.NullString{String: "submitted", Valid: true}
		if err := tx.SaveCase(ctx, c); err != nil {
			return err
		}
		_, err := tx.SaveConversation(ctx, 10, "c", "step", map[string]int64{storage.ConversationCaseKey: c.ID}, 1)
		return err
	})
	inTx(t, st, func(tx *storage.Tx) (err error) {
		want, err = tx.Case(ctx, 1, 10) // no SeeUser: a plain read
		return err
	})
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.SeeUser(ctx, 10, "V"); err != nil {
			return err
		}
		// The case is locked already: another transaction cannot write it.
		other, err := st.DB().BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer other.Rollback()
		if _, err := other.ExecContext(ctx, `SET LOCAL lock_timeout = '100ms'`); err != nil {
			return err
		}
		if _, err := other.ExecContext(ctx, `UPDATE cases SET step = 9 WHERE id = $1`, want.ID); err == nil || !strings.Contains(err.Error(), "lock timeout") {
			t.Fatalf("the case was not locked by SeeUser: %v", err)
		}
		got, err := tx.Case(ctx, want.ID, 10)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("the case SeeUser read:\n%+v (%v)\nwant\n%+v", got, err, want)
		}
		return nil
	})
}
