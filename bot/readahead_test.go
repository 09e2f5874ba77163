package bot_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
)

// readingBatcher is a batcher that reads ahead (bot.BatchReader): it
// records the chats it is given and which updates were handled with its
// context; with fail set, reading ahead fails.
type readingBatcher struct {
	*batcher
	fail bool

	mu     sync.Mutex
	reads  [][]int64
	ahead  map[int64][]int64 // update → the chats its context was read ahead for
	locked []bool            // per read: its chats' locks were held
}

type readKey struct{}

func (h *readingBatcher) ReadAhead(ctx context.Context, tx *sqlx.Tx, chats []int64) (context.Context, error) {
	// The runtime has locked the chats (pg_advisory_xact_lock) in this
	// transaction already.
	var held int
	err := tx.GetContext(ctx, &held, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
		AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = ANY ($1)`, chats)
	h.mu.Lock()
	h.reads = append(h.reads, slices.Clone(chats))
	h.locked = append(h.locked, err == nil && held == len(chats))
	h.mu.Unlock()
	if h.fail {
		return ctx, errors.New("cannot read ahead")
	}
	return context.WithValue(ctx, readKey{}, slices.Clone(chats)), nil
}

func (h *readingBatcher) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	if chats, ok := ctx.Value(readKey{}).([]int64); ok {
		h.mu.Lock()
		h.ahead[u.ID] = chats
		h.mu.Unlock()
	}
	return h.batcher.Handle(ctx, tx, u)
}

// A batch reads ahead once, in its transaction with its chats locked, for
// the chats it handles (not one that left it), and hands each of their
// updates the context read; an update handled alone is not read ahead.
// Reading ahead that fails rolls the batch back: each update is handled
// once, alone.
func TestBatchReadsAheadForTheChatsItHandles(t *testing.T) {
	t.Parallel()
	for _, fail := range []bool{false, true} {
		srv := telegramtest.NewServer(telegramtest.WithFirstUpdateID(1000))
		defer srv.Close()
		var h *readingBatcher
		b, inner := startBatcherAs(t, srv, func(in *batcher) bot.Handler {
			h = &readingBatcher{batcher: in, fail: fail, ahead: map[int64][]int64{}}
			return h
		})
		an, binh, chi := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi"), srv.NewUser("Chi", "vi")
		const stranded = 500 // Bình's next update leaves the batch
		strand(t, b, binh, stranded, "trước")
		var ids []int64
		holdWhile(t, b, inner, 3, func() {
			ids = []int64{an.SendText("một"), binh.SendText("sau"), chi.SendText("ba")}
		})
		b.WaitHandled(t, ids...)
		h.mu.Lock()
		reads, locked, ahead := slices.Clone(h.reads), slices.Clone(h.locked), h.ahead
		h.mu.Unlock()
		if want := slices.Sorted(slices.Values([]int64{an.ID, chi.ID})); len(reads) == 0 || !slices.Equal(reads[0], want) {
			t.Fatalf("fail=%v: read ahead for %v, want first %v (An and Chi's batch)", fail, reads, want)
		}
		if slices.Contains(locked, false) {
			t.Errorf("fail=%v: read ahead without the chats locked: %v", fail, locked)
		}
		for _, u := range []*telegramtest.User{an, chi} {
			if got := committed(t, b, u.ID); len(got) != 1 {
				t.Errorf("fail=%v: %s committed %q, want one update", fail, u.FirstName, got)
			}
			waitMessages(t, u, 1)
		}
		if !fail {
			if !sameTx(inner, ids[0], ids[2]) || !slices.Equal(ahead[ids[0]], reads[0]) || !slices.Equal(ahead[ids[2]], reads[0]) {
				t.Errorf("An's and Chi's updates were not handled with the batch's read: %v", ahead)
			}
		} else if len(ahead) != 0 {
			t.Errorf("a failed read ahead still reached a handler: %v", ahead)
		}
		for _, id := range []int64{stranded, ids[1]} {
			if _, ok := ahead[id]; ok {
				t.Errorf("fail=%v: Bình's update %d, handled alone, was read ahead for", fail, id)
			}
		}
		if got := committed(t, b, binh.ID); !slices.Equal(got, []string{"trước", "sau"}) {
			t.Errorf("fail=%v: Bình's updates committed as %q", fail, got)
		}
	}
}
