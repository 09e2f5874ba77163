package bot_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// unreachable is twoReplies that wants to hear of unreachable chats
// (bot.UnreachableHandler); it records what it heard, in the transaction
// it is given, and fails when told to.
type unreachable struct {
	twoReplies
	mu    sync.Mutex
	heard []heard
	fail  bool
}

var _ bot.UnreachableHandler = (*unreachable)(nil)

type heard struct {
	chat    int64
	deleted bool
}

func (h *unreachable) Unreachable(ctx context.Context, tx *sqlx.Tx, chat int64, deleted bool) error {
	var one int
	if err := tx.GetContext(ctx, &one, `SELECT 1`); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.heard = append(h.heard, heard{chat, deleted})
	if h.fail {
		return errors.New("failing on purpose")
	}
	return nil
}

func (h *unreachable) got() []heard {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]heard(nil), h.heard...)
}

// A reply refused because the user blocked the bot or deleted their
// account tells the handler which, once per delivery, whatever it answers;
// the reply is still dropped and counted "forbidden", and the chat's next
// reply goes. Other refusals, and a group's, tell nothing.
func TestUnreachableChatsAreTold(t *testing.T) {
	for _, c := range []struct {
		name, desc string
		code       int
		group      bool
		all, fail  bool // every reply refused; the handler fails
		want       []heard
	}{
		{name: "blocked", desc: "Forbidden: bot was blocked by the user", code: 403, want: []heard{{0, false}}},
		{name: "deactivated", desc: "Forbidden: user is deactivated", code: 403, want: []heard{{0, true}}},
		{name: "deactivated, every reply", desc: "Forbidden: user is deactivated", code: 403, all: true, want: []heard{{0, true}}},
		{name: "handler fails", desc: "Forbidden: bot was blocked by the user", code: 403, fail: true, want: []heard{{0, false}}},
		{name: "chat not found", desc: "Bad Request: chat not found", code: 400},
		{name: "group", desc: "Forbidden: bot was kicked from the group chat", code: 403, group: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			h := &unreachable{fail: c.fail}
			b := bottest.Start(t, srv, storagetest.Open(t), h)
			reg := prometheus.NewRegistry()
			if err := b.Runtime.Register(reg); err != nil {
				t.Fatal(err)
			}
			an := srv.NewUser("An", "vi")
			chat := an.ID
			count := 1
			if c.all {
				count = 0
			}
			var id int64
			if c.group {
				g := srv.NewGroup("Đoàn phường", false)
				chat = g.ID
				srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: c.code, Description: c.desc, Count: count, ChatID: chat})
				id = g.SendText(an, "/hi")
			} else {
				srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: c.code, Description: c.desc, Count: count, ChatID: chat})
				id = an.SendText("hi")
			}
			b.WaitHandled(t, id)
			if !c.all && !c.group {
				if m, err := an.Next(5 * time.Second); err != nil || m.Text != "after" {
					t.Fatalf("the reply after a refused one: %v %v", m, err)
				}
			}
			var want []heard
			for _, w := range c.want {
				want = append(want, heard{chat, w.deleted})
			}
			got := h.got()
			if len(got) != len(want) || (len(want) > 0 && got[0] != want[0]) {
				t.Errorf("the handler heard %+v, want %+v", got, want)
			}
			dropped := counters(t, reg)["dvcbot_replies_dropped_total{forbidden}"]
			wantDropped := map[bool]float64{true: 2, false: 1}[c.all]
			if c.code != 403 {
				wantDropped = 0
			}
			if dropped != wantDropped {
				t.Errorf("%v replies dropped as forbidden, want %v", dropped, wantDropped)
			}
		})
	}
}
