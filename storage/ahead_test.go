package storage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// aheadChats sets up the chats of a batch: 10 a volunteer on a case, 11 a
// volunteer in a flow without a case, 12 nobody stored, 13 a guest with a
// language who had blocked the bot. It returns 10's case.
func aheadChats(t *testing.T, st *storage.Storage) storage.Case {
	t.Helper()
	ctx := context.Background()
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, commune_code, language) VALUES
		(10, 'V', 'volunteer', '26882', 'vi'), (11, 'W', 'volunteer', '26882', 'vi');
		INSERT INTO users (telegram_id, language, blocked_at) VALUES (13, 'en', now())`); err != nil {
		t.Fatal(err)
	}
	var c storage.Case
	inTx(t, st, func(tx *storage.Tx) error {
		c = newCase(ctx, t, tx, 10, "26882", "khai-sinh", time.Now())
		c.Step, c.Checked = 2, []string{"a"}
		if err := tx.SaveCase(ctx, c); err != nil {
			return err
		}
		if _, err := tx.SaveConversation(ctx, 10, "c", "step", map[string]int64{storage.ConversationCaseKey: c.ID}, 7); err != nil {
			return err
		}
		_, err := tx.SaveConversation(ctx, 11, "new", "pick", map[string]string{"q": "x"}, 8)
		return err
	})
	return c
}

// seen is what a handler's first reads give for a chat.
type seen struct {
	User storage.User
	Conv storage.Conversation
	Case storage.Case
}

// see reads as a handler does: its user, its conversation, its case.
func see(ctx context.Context, t *testing.T, tx *storage.Tx, id int64, name string) seen {
	t.Helper()
	var s seen
	var err error
	if s.User, err = tx.SeeUser(ctx, id, name); err != nil {
		t.Fatalf("SeeUser(%d): %v", id, err)
	}
	s.Conv, _ = tx.Conversation(ctx, id)
	var k struct {
		C int64 `json:"c"`
	}
	if s.Conv.Decode(&k) == nil && k.C != 0 {
		if s.Case, err = tx.Case(ctx, k.C, id); err != nil {
			t.Fatalf("Case(%d): %v", k.C, err)
		}
	}
	return s
}

// batch runs fn in a transaction (rolled back) with the chats read ahead.
func batch(t *testing.T, st *storage.Storage, chats []int64, fn func(ctx context.Context, sqlTx *sqlx.Tx)) {
	t.Helper()
	sqlTx, err := st.DB().BeginTxx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlTx.Rollback() //nolint:errcheck
	ctx, err := storage.ReadAhead(context.Background(), sqlTx, chats)
	if err != nil {
		t.Fatal(err)
	}
	fn(ctx, sqlTx)
}

// What a batch's handlers see with their rows read ahead is what each
// would read alone: members, a guest nobody stored, one coming back.
func TestReadAheadGivesWhatEachChatWouldRead(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	aheadChats(t, st)
	chats := []int64{10, 11, 12, 13}
	names := map[int64]string{10: "V", 11: "W", 12: "Guest", 13: "Back"}
	want := map[int64]seen{}
	for _, id := range chats {
		sqlTx, err := st.DB().BeginTxx(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		want[id] = see(context.Background(), t, storage.WrapTx(sqlTx), id, names[id])
		sqlTx.Rollback() //nolint:errcheck
	}
	if !want[13].User.Back || want[10].Case.ID == 0 || want[11].Conv.Flow != "new" || want[12].User.Stored {
		t.Fatalf("the chats are not set up as meant: %+v", want)
	}
	batch(t, st, chats, func(ctx context.Context, sqlTx *sqlx.Tx) {
		for _, id := range chats {
			tx := storage.WrapTx(sqlTx)
			if got := see(ctx, t, tx, id, names[id]); !reflect.DeepEqual(got, want[id]) {
				t.Errorf("chat %d in a batch:\n%+v\nalone:\n%+v", id, got, want[id])
			}
			if err := tx.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// A row read ahead is served only while nothing may have changed it: a
// handler's reads and its writes to its own chat keep the next chats'
// rows; a write to another chat's conversation drops that chat's row; any
// other write drops them all.
func TestReadAheadServesARowOnlyWhileItIsCurrent(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	c := aheadChats(t, st)
	batch(t, st, []int64{10, 11, 12, 13}, func(ctx context.Context, sqlTx *sqlx.Tx) {
		// Chat 10: reads, then its own case, conversation and follow-up
		// written.
		tx := storage.WrapTx(sqlTx)
		see(ctx, t, tx, 10, "V")
		if _, err := tx.CountOpenCases(ctx, 10); err != nil {
			t.Fatal(err)
		}
		c.Step = 3
		if err := tx.SaveCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.SaveConversation(ctx, 10, "c", "step", map[string]int64{storage.ConversationCaseKey: c.ID}, 9); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.SaveFollowup(ctx, c.ID, "H29.99-261205-0001", time.Time{}, false); err != nil {
			t.Fatal(err)
		}
		if err := tx.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		// A change no method of the package made (so none could drop the
		// row): chat 11 is served its row read ahead, from before it.
		if _, err := sqlTx.Exec(`UPDATE users SET language = 'en' WHERE telegram_id = 11`); err != nil {
			t.Fatal(err)
		}
		tx = storage.WrapTx(sqlTx)
		if u, err := tx.SeeUser(ctx, 11, "W"); err != nil || u.Language != "vi" {
			t.Fatalf("chat 11 after chat 10's reads and own writes: %+v (%v), want the row read ahead", u, err)
		}
		// Chat 11 writes chat 12's conversation: 12 reads it anew.
		if _, err := tx.SaveConversation(ctx, 12, "x", "y", map[string]int{}, 5); err != nil {
			t.Fatal(err)
		}
		if err := tx.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		tx = storage.WrapTx(sqlTx)
		if got := see(ctx, t, tx, 12, "Guest"); got.Conv.Flow != "x" {
			t.Fatalf("chat 12 after chat 11 wrote its conversation: %+v", got.Conv)
		}
		// Chat 12 changes chat 13's user: 13 reads it anew.
		if err := tx.SetLanguage(ctx, 13, "vi"); err != nil {
			t.Fatal(err)
		}
		tx = storage.WrapTx(sqlTx)
		if u := see(ctx, t, tx, 13, "Back").User; u.Language != "vi" {
			t.Fatalf("chat 13 after chat 12 set its language: %+v", u)
		}
	})
	// A case of someone else's written (one this transaction did not read):
	// every row still ahead is dropped.
	batch(t, st, []int64{10, 11}, func(ctx context.Context, sqlTx *sqlx.Tx) {
		tx := storage.WrapTx(sqlTx)
		if err := tx.SaveCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := tx.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := sqlTx.Exec(`UPDATE users SET language = 'en' WHERE telegram_id = 11`); err != nil {
			t.Fatal(err)
		}
		if u, err := storage.WrapTx(sqlTx).SeeUser(ctx, 11, "W"); err != nil || u.Language != "en" {
			t.Fatalf("chat 11 after a case not read here was written: %+v (%v), want a fresh read", u, err)
		}
	})
}

// Reading ahead takes the conversations' and cases' locks, as each
// handler's read would.
func TestReadAheadLocksTheChatsRows(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	c := aheadChats(t, st)
	batch(t, st, []int64{10, 11}, func(ctx context.Context, _ *sqlx.Tx) {
		other, err := st.DB().BeginTxx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Rollback() //nolint:errcheck
		if _, err := other.Exec(`SET LOCAL lock_timeout = '100ms'`); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{`UPDATE cases SET step = 9 WHERE id = $1`, `UPDATE conversations SET step = 'z' WHERE chat_id = 11 AND $1 > 0`} {
			if _, err := other.Exec(`SAVEPOINT s`); err != nil {
				t.Fatal(err)
			}
			if _, err := other.Exec(q, c.ID); err == nil {
				t.Errorf("%s: not locked by the read ahead", q)
			}
			if _, err := other.Exec(`ROLLBACK TO SAVEPOINT s`); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// The hazard reading ahead must not fall into: a coordinator's update,
// earlier in the batch, removes a member whose own update comes later.
// The member's handler sees the removal.
func TestReadAheadSeesAMemberRemovedEarlierInTheBatch(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	aheadChats(t, st)
	var member storage.User
	inTx(t, st, func(tx *storage.Tx) (err error) {
		member, err = tx.User(context.Background(), 11)
		return err
	})
	batch(t, st, []int64{10, 11}, func(ctx context.Context, sqlTx *sqlx.Tx) {
		tx := storage.WrapTx(sqlTx)
		see(ctx, t, tx, 10, "V")
		if removed, err := tx.RemoveMember(ctx, member); err != nil || !removed {
			t.Fatalf("RemoveMember: %v, %v", removed, err)
		}
		if err := tx.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if u := see(ctx, t, storage.WrapTx(sqlTx), 11, "W").User; u.Role != storage.RoleGuest {
			t.Fatalf("the member removed earlier in the batch is seen as %q", u.Role)
		}
	})
}
