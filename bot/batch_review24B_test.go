package bot_test

// Several chats' fresh updates handled in one transaction (review 24,
// issue 8): the batch's own odd paths, against the real database and the
// fake Telegram.

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// batchCall is one call of the handler: rolled back or not.
type batchCall struct {
	update, chat, txid int64
	text               string
}

// batcher echoes each text and records, in a table of the test's own, the
// updates whose transaction committed. "hold" waits until release is
// closed ("hold2" too, for a second worker); "fail" fails every time,
// "boom" panics, "slow" runs out of time; "first N" locks row N of
// batch_rows and waits until two have, "then N" locks row N.
type batcher struct {
	release  chan struct{}
	holding  chan struct{} // closed when "hold" began
	holding2 chan struct{} // closed when "hold2" began
	held     sync.Once
	held2    sync.Once
	firsts   chan struct{} // closed when two "first N" have their row

	mu      sync.Mutex
	calls   []batchCall
	locking int // "first N" that have their row
}

func newBatcher() *batcher {
	return &batcher{release: make(chan struct{}), holding: make(chan struct{}), holding2: make(chan struct{}), firsts: make(chan struct{})}
}

func (h *batcher) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	chat, text := bot.ChatOf(u), u.Message.Text
	var txid int64
	if err := tx.GetContext(ctx, &txid, `SELECT txid_current()`); err != nil {
		return nil, err
	}
	h.mu.Lock()
	h.calls = append(h.calls, batchCall{update: u.ID, chat: chat, txid: txid, text: text})
	h.mu.Unlock()
	first, isFirst := rowOf(text, "first")
	then, isThen := rowOf(text, "then")
	switch {
	case text == "hold", text == "hold2":
		if text == "hold" {
			h.held.Do(func() { close(h.holding) })
		} else {
			h.held2.Do(func() { close(h.holding2) })
		}
		select {
		case <-h.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	case isFirst:
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM batch_rows WHERE id = $1 FOR UPDATE`, first); err != nil {
			return nil, err
		}
		h.mu.Lock()
		if h.locking++; h.locking == 2 {
			close(h.firsts)
		}
		h.mu.Unlock()
		select {
		case <-h.firsts:
		case <-time.After(5 * time.Second):
		}
	case isThen:
		// Found well within the batch's time (the server's default is 1 s).
		if _, err := tx.ExecContext(ctx, `SET LOCAL deadlock_timeout = '100ms'`); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM batch_rows WHERE id = $1 FOR UPDATE`, then); err != nil {
			return nil, err
		}
	case text == "fail":
		return []bot.Reply{bot.Message{ChatID: chat, Text: "premature"}}, errors.New("failing on purpose")
	case text == "boom":
		panic("boom")
	case text == "slow":
		<-ctx.Done() // the handling's time runs out
		return nil, ctx.Err()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO batch_seen (update_id, chat_id, text) VALUES ($1, $2, $3)`, u.ID, chat, text); err != nil {
		return nil, err
	}
	echo := bot.Message{ChatID: chat, Text: "echo: " + text}
	if to, ok := rowOf(text, "tell"); ok { // another chat is told first
		return []bot.Reply{bot.Message{ChatID: int64(to), Text: fmt.Sprintf("from %d", chat)}, echo}, nil
	}
	return []bot.Reply{echo}, nil
}

// rowOf reads "verb N".
func rowOf(text, verb string) (int, bool) {
	var n int
	_, err := fmt.Sscanf(text, verb+" %d", &n)
	return n, err == nil
}

func (h *batcher) Failed(ctx context.Context, u *models.Update) []bot.Reply {
	return []bot.Reply{bot.Message{ChatID: bot.ChatOf(u), Text: "failed: " + u.Message.Text}}
}

// callsOf returns the handler's calls for an update, in order.
func (h *batcher) callsOf(update int64) []batchCall {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []batchCall
	for _, c := range h.calls {
		if c.update == update {
			out = append(out, c)
		}
	}
	return out
}

// batchesSeen counts the transactions in which the handler ran for more
// than one update.
func (h *batcher) batchesSeen() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	per := map[int64]int{}
	for _, c := range h.calls {
		per[c.txid]++
	}
	n := 0
	for _, k := range per {
		if k > 1 {
			n++
		}
	}
	return n
}

// startBatcher starts a runtime of one worker, so that the chats whose
// updates arrive while "hold" is being handled are ready together when it
// ends: the worker takes them as one batch.
func startBatcher(t *testing.T, srv *telegramtest.Server, opts ...bottest.Option) (*bottest.Bot, *batcher) {
	t.Helper()
	return startBatcherAs(t, srv, func(h *batcher) bot.Handler { return h }, opts...)
}

// startBatcherAs is startBatcher with the batcher wrapped by as.
func startBatcherAs(t *testing.T, srv *telegramtest.Server, as func(*batcher) bot.Handler, opts ...bottest.Option) (*bottest.Bot, *batcher) {
	t.Helper()
	st := storagetest.Open(t)
	if _, err := st.DB().Exec(`CREATE TABLE batch_seen (seq bigserial PRIMARY KEY, update_id bigint NOT NULL, chat_id bigint NOT NULL, text text NOT NULL);
		CREATE TABLE batch_rows (id int PRIMARY KEY); INSERT INTO batch_rows VALUES (1), (2)`); err != nil {
		t.Fatal(err)
	}
	h := newBatcher()
	opts = append([]bottest.Option{bottest.WithRuntime(bot.WithWorkers(1), bot.WithAttempts(2, 10*time.Millisecond))}, opts...)
	return bottest.Start(t, srv, st, as(h), opts...), h
}

// holdWhile sends "hold" from a user of its own, waits until the handler
// holds it, runs send, waits until the runtime knows want more updates and
// lets "hold" go.
func holdWhile(t *testing.T, b *bottest.Bot, h *batcher, want int, send func()) {
	t.Helper()
	holder := b.Server.NewUser("Holder", "vi")
	hold := holder.SendText("hold")
	select {
	case <-h.holding:
	case <-time.After(10 * time.Second):
		t.Fatal("the handler never got the held update")
	}
	send()
	deadline := time.Now().Add(10 * time.Second)
	for b.Runtime.Backlog() < want+1 {
		if time.Now().After(deadline) {
			t.Fatalf("the runtime knows %d updates, want %d", b.Runtime.Backlog(), want+1)
		}
		time.Sleep(5 * time.Millisecond)
	}
	close(h.release)
	b.WaitHandled(t, hold)
}

// committed returns the texts the handler committed for a chat, in order.
func committed(t *testing.T, b *bottest.Bot, chat int64) []string {
	t.Helper()
	var texts []string
	if err := b.Store.DB().Select(&texts, `SELECT text FROM batch_seen WHERE chat_id = $1 ORDER BY seq`, chat); err != nil {
		t.Fatal(err)
	}
	return texts
}

// messagesOf returns the texts the bot sent a user.
func messagesOf(u *telegramtest.User) []string {
	var out []string
	for _, m := range u.Messages() {
		out = append(out, m.Text)
	}
	return out
}

// waitMessages waits until a user got n messages from the bot.
func waitMessages(t *testing.T, u *telegramtest.User, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(u.Messages()) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%s got %q, want %d messages", u.FirstName, messagesOf(u), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// sameTx says whether the first calls of two updates ran in one transaction.
func sameTx(h *batcher, a, b int64) bool {
	ca, cb := h.callsOf(a), h.callsOf(b)
	return len(ca) > 0 && len(cb) > 0 && ca[0].txid == cb[0].txid
}

// strand stores an update of u's, earlier than any they send, that was
// never queued here (a replica died after storing it): their next update
// is not fresh, and leaves a batch.
func strand(t *testing.T, b *bottest.Bot, u *telegramtest.User, id int64, text string) {
	t.Helper()
	raw := fmt.Appendf(nil, `{"update_id":%d,"message":{"message_id":1,"date":%d,"chat":{"id":%d,"type":"private"},"from":{"id":%d,"first_name":%q},"text":%q}}`,
		id, time.Now().Unix(), u.ID, u.ID, u.FirstName, text)
	if _, err := b.Inbox.SaveUpdates(context.Background(), []bot.InboxUpdate{{ID: id, ChatID: u.ID, Payload: raw}}); err != nil {
		t.Fatal(err)
	}
}

// One handler of a batch fails (an error, a panic, its time running out): the batch rolls
// back and each update goes down the single path. The others are handled
// exactly once (committed once, one reply each), the failing one is
// parked and its user told.
func TestBatchOneHandlerFailsOthersHandledOnce(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	for _, bad := range []string{"fail", "boom", "slow"} {
		t.Run(bad, func(t *testing.T) {
			srv := telegramtest.NewServer()
			defer srv.Close()
			b, h := startBatcher(t, srv, bottest.WithRuntime(bot.WithHandleTimeout(3*time.Second)))
			an, binh, chi := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi"), srv.NewUser("Chi", "vi")
			var ids []int64
			holdWhile(t, b, h, 3, func() {
				// Chi's chat comes last in the batch: An's and Bình's
				// handlers have run in its transaction when Chi's fails.
				ids = []int64{an.SendText("một"), binh.SendText("hai"), chi.SendText(bad)}
			})
			b.WaitHandled(t, ids...)
			if !sameTx(h, ids[0], ids[1]) || !sameTx(h, ids[0], ids[2]) {
				t.Fatalf("the three updates were not tried as one batch: %+v", h.calls)
			}
			for i, u := range []*telegramtest.User{an, binh} {
				text := []string{"một", "hai"}[i]
				waitMessages(t, u, 1)
				if got := committed(t, b, u.ID); !slices.Equal(got, []string{text}) {
					t.Errorf("%s: committed %q, want it once", u.FirstName, got)
				}
				time.Sleep(50 * time.Millisecond) // a second reply would have come by now
				if got := messagesOf(u); !slices.Equal(got, []string{"echo: " + text}) {
					t.Errorf("%s got %q", u.FirstName, got)
				}
			}
			status, _, err := b.Inbox.UpdateStatus(context.Background(), ids[2])
			if err != nil || status != "failed" {
				t.Errorf("the failing update is %q (%v), want it parked", status, err)
			}
			waitMessages(t, chi, 1)
			if got := messagesOf(chi); !slices.Equal(got, []string{"failed: " + bad}) {
				t.Errorf("the failing chat got %q", got)
			}
			for _, id := range ids {
				if n := b.Handled(id); n != 1 {
					t.Errorf("update %d finished %d times", id, n)
				}
			}
			if n := batches(t, b, "rolled_back"); n < 1 {
				t.Errorf("dvcbot_update_batches_total{rolled_back} is %v after a batch rolled back", n)
			}
		})
	}
}

// batches is the runtime's count of batches with the result given
// (dvcbot_update_batches_total).
func batches(t *testing.T, b *bottest.Bot, result string) float64 {
	t.Helper()
	reg := prometheus.NewRegistry()
	if err := b.Runtime.Register(reg); err != nil {
		t.Fatal(err)
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "dvcbot_update_batches_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "result" && l.GetValue() == result {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

// An update of a batch whose chat has an earlier update pending (stranded
// in the inbox, unknown to this process) leaves the batch: the earlier one
// is handled first, then it, each in a transaction of its own; the rest of
// the batch commits together.
func TestBatchUpdateBehindAnEarlierOneLeaves(t *testing.T) {
	srv := telegramtest.NewServer(telegramtest.WithFirstUpdateID(1000))
	defer srv.Close()
	b, h := startBatcher(t, srv)
	an, binh, chi := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi"), srv.NewUser("Chi", "vi")
	const stranded = 500
	strand(t, b, binh, stranded, "trước")
	var ids []int64
	holdWhile(t, b, h, 3, func() {
		ids = []int64{an.SendText("một"), binh.SendText("sau"), chi.SendText("ba")}
	})
	b.WaitHandled(t, ids...) // the stranded one is handled by the job of Bình's next
	if status, _, err := b.Inbox.UpdateStatus(context.Background(), stranded); err != nil || status != "done" {
		t.Fatalf("the stranded update is %q (%v)", status, err)
	}
	if !sameTx(h, ids[0], ids[2]) {
		t.Fatalf("An's and Chi's updates were not one batch: %+v", h.calls)
	}
	if got := committed(t, b, binh.ID); !slices.Equal(got, []string{"trước", "sau"}) {
		t.Errorf("Bình's updates committed as %q, want the earlier first", got)
	}
	for _, c := range append(h.callsOf(stranded), h.callsOf(ids[1])...) {
		if c.txid == h.callsOf(ids[0])[0].txid {
			t.Errorf("Bình's update %d ran in the batch it should have left", c.update)
		}
	}
	waitMessages(t, binh, 2)
	if got := messagesOf(binh); !slices.Equal(got, []string{"echo: trước", "echo: sau"}) {
		t.Errorf("Bình got %q", got)
	}
	for i, u := range []*telegramtest.User{an, chi} {
		waitMessages(t, u, 1)
		if got, want := committed(t, b, u.ID), []string{[]string{"một", "ba"}[i]}; !slices.Equal(got, want) {
			t.Errorf("%s: committed %q, want %q", u.FirstName, got, want)
		}
	}
}

// Chats sending several updates each, batched again and again: each chat's
// updates are handled and answered in the order they were sent.
func TestBatchKeepsEachChatsOrder(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	b, h := startBatcher(t, srv)
	users := make([]*telegramtest.User, 6)
	for i := range users {
		users[i] = srv.NewUser(fmt.Sprintf("U%d", i), "vi")
	}
	texts := []string{"1", "2", "3", "4", "5"}
	var ids []int64
	holdWhile(t, b, h, len(users)*len(texts), func() {
		for _, text := range texts {
			for _, u := range users {
				ids = append(ids, u.SendText(text))
			}
		}
	})
	b.WaitHandled(t, ids...)
	if n := h.batchesSeen(); n < len(texts) {
		t.Errorf("%d batches, want at least %d (one per round of the chats' updates)", n, len(texts))
	}
	var want []string
	for _, text := range texts {
		want = append(want, "echo: "+text)
	}
	for _, u := range users {
		if got := committed(t, b, u.ID); !slices.Equal(got, texts) {
			t.Errorf("%s: committed %q", u.FirstName, got)
		}
		waitMessages(t, u, len(texts))
		if got := messagesOf(u); !slices.Equal(got, want) {
			t.Errorf("%s got %q", u.FirstName, got)
		}
	}
}

// Two batches whose handlers lock the same rows in opposite orders
// deadlock: PostgreSQL fails one of them, which rolls back and goes down
// the single path; the other commits. Each update is handled once and
// answered once.
func TestBatchDeadlockRollsOneBatchBack(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b, h := startBatcher(t, srv, bottest.WithRuntime(bot.WithWorkers(2), bot.WithBatch(2)))
	users := make([]*telegramtest.User, 4)
	for i := range users {
		users[i] = srv.NewUser(fmt.Sprintf("U%d", i), "vi")
	}
	// Each worker holds an update while the four arrive; let go, one takes
	// U0 and U1 (row 1, then row 2), the other U2 and U3 (row 2, then row 1).
	hold2 := srv.NewUser("Holder2", "vi")
	var held int64
	texts := []string{"first 1", "then 2", "first 2", "then 1"}
	var ids []int64
	holdWhile(t, b, h, len(users)+1, func() {
		held = hold2.SendText("hold2")
		select {
		case <-h.holding2:
		case <-time.After(10 * time.Second):
			t.Fatal("the second worker never got its held update")
		}
		for i, u := range users {
			ids = append(ids, u.SendText(texts[i]))
		}
	})
	b.WaitHandled(t, append(ids, held)...)
	if !sameTx(h, ids[0], ids[1]) || !sameTx(h, ids[2], ids[3]) || sameTx(h, ids[0], ids[2]) {
		t.Fatalf("not the two batches the test means: %+v", h.calls)
	}
	var again []int
	for i, id := range ids {
		if n := len(h.callsOf(id)); n > 1 {
			again = append(again, i)
		}
	}
	if !slices.Equal(again, []int{0, 1}) && !slices.Equal(again, []int{2, 3}) {
		t.Errorf("updates tried again: %v, want one batch's two (%+v)", again, h.calls)
	}
	for i, u := range users {
		if got := committed(t, b, u.ID); !slices.Equal(got, texts[i:i+1]) {
			t.Errorf("%s: committed %q", u.FirstName, got)
		}
		waitMessages(t, u, 1)
	}
	time.Sleep(50 * time.Millisecond) // a second reply would have come by now
	for i, u := range users {
		if got := messagesOf(u); !slices.Equal(got, []string{"echo: " + texts[i]}) {
			t.Errorf("%s got %q", u.FirstName, got)
		}
	}
}

// A handler slower than the batch's time holds up the batch's other chats
// only that long: the batch rolls back, and the others are done (by
// another worker) while the slow one is still being tried alone.
func TestBatchSlowHandlerHoldsOthersUpOnlyForTheBatchsTime(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	b, h := startBatcher(t, srv, bottest.WithRuntime(bot.WithWorkers(2), bot.WithHandleTimeout(10*time.Second)))
	an, binh, chi := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi"), srv.NewUser("Chi", "vi")
	hold2 := srv.NewUser("Holder2", "vi")
	var held int64
	var ids []int64
	holdWhile(t, b, h, 4, func() {
		held = hold2.SendText("hold2")
		select {
		case <-h.holding2:
		case <-time.After(10 * time.Second):
			t.Fatal("the second worker never got its held update")
		}
		// An's chat comes first in the batch.
		ids = []int64{an.SendText("slow"), binh.SendText("hai"), chi.SendText("ba")}
	})
	b.WaitHandled(t, held)
	began := time.Now()
	b.WaitHandled(t, ids[1], ids[2])
	if took := time.Since(began); took > 5*time.Second {
		t.Errorf("the others waited %v behind the slow handler", took)
	}
	// Its batch's try, cut at the batch's time, and the one alone, still on
	// (it may begin just after the others are done: a loaded machine's
	// workers took them first, CI 2026-12-04).
	for deadline := time.Now().Add(5 * time.Second); len(h.callsOf(ids[0])) < 2 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := len(h.callsOf(ids[0])); n != 2 {
		t.Errorf("the slow update was tried %d times by now, want 2: %+v", n, h.calls)
	}
	if status, _, _ := b.Inbox.UpdateStatus(context.Background(), ids[0]); status != "pending" {
		t.Errorf("the slow update is %q already; the others were to be done while it is tried alone", status)
	}
	for i, u := range []*telegramtest.User{binh, chi} {
		waitMessages(t, u, 1)
		if got, want := messagesOf(u), []string{"echo: " + []string{"hai", "ba"}[i]}; !slices.Equal(got, want) {
			t.Errorf("%s got %q", u.FirstName, got)
		}
	}
}
