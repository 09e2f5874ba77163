// Package bot is dvcbot's Telegram runtime: updates in, replies out. It
// knows nothing about volunteers; a Handler decides what each update means.
//
// The way an update travels (docs/architecture.md):
//
//	long polling | webhook → inbox (PostgreSQL) → confirm to Telegram
//	→ chats (one job at a time per chat) → Handler in one transaction that
//	also marks the update done and writes its replies to the outbox (several
//	chats' fresh updates share one: processBatch)
//	→ after commit, Sender (limits, retries) → delete from the outbox
package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Handler decides what an update does.
type Handler interface {
	// Handle runs inside the transaction that marks the update done and
	// returns the replies, which the same transaction writes to the outbox;
	// they are sent once it has committed.
	Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]Reply, error)
	// Failed returns what to tell the user when their update could not be
	// handled (a panic, or errors on every attempt).
	Failed(ctx context.Context, u *models.Update) []Reply
}

// UnreachableHandler is a Handler that wants to know when Telegram refuses
// a reply to a private chat because of its user: they blocked the bot
// ("Forbidden: bot was blocked by the user"; they may come back), or
// deleted their account (deleted: "Forbidden: user is deactivated"; it
// never comes back). The runtime calls Unreachable in the transaction
// that drops the refused reply (after the drop): until it commits, the
// reply is still pending for anyone who waits on the outbox. If it fails,
// it is logged, the reply is dropped alone, and the chat's next refused
// reply tells again.
type UnreachableHandler interface {
	Unreachable(ctx context.Context, tx *sqlx.Tx, chat int64, deleted bool) error
}

// SentHandler is a Handler that wants to know the id Telegram gave a
// Message it sent with Track set (a screen it may edit later). The runtime
// calls Sent once Telegram took the message, in the transaction that
// deletes it from the outbox (so that whoever waits for the outbox to
// empty finds the id recorded), before the chat's next reply; a failure is
// logged and lost (the handler then does not know that message's id, as
// before it asked; the message leaves the outbox with the next batch of
// marks). A process that dies between the two sends the message again
// after the restart, as any reply not yet marked delivered, and then
// calls it.
type SentHandler interface {
	Sent(ctx context.Context, tx *sqlx.Tx, chat int64, track string, messageID int) error
}

// BatchReader is a Handler that reads ahead for a batch. The runtime calls
// ReadAhead in a batch's transaction, once the batch's chats are locked
// and before the first of its updates is handled, with the chats of the
// updates it will handle (two or more, in the order their locks were
// taken), and hands the context it returns to each of them. The updates
// are handled in turn, and each may change what the next one reads: what
// ReadAhead read must be used only while it is still what a read would
// give. An error rolls the batch back, as a handler's does.
type BatchReader interface {
	ReadAhead(ctx context.Context, tx *sqlx.Tx, chats []int64) (context.Context, error)
}

// Runtime takes updates into the inbox, hands them to the Handler in
// per-chat order and sends the replies.
type Runtime struct {
	store    *Store
	handler  Handler
	sender   *Sender
	chats    *chats
	workers  int
	batchMax int // fresh updates of as many chats handled in one transaction
	log      *slog.Logger

	maxAttempts   int
	retryDelay    time.Duration
	handleTimeout time.Duration
	onHandled     func(updateID int64)
	sole          bool // the only process: leases found at start are a dead one's
	metrics       *metrics
	marks         *marks
	marksEvery    time.Duration // how often delivered replies are deleted
	marksDone     chan struct{}
	stopMarks     context.CancelFunc

	// toOthers counts, per chat, the drains asked for by replies other
	// chats' updates wrote to it, until one has run (ToOthersWaiting).
	toOthersMu sync.Mutex
	toOthers   map[int64]int

	// work outlives the signal to stop so that in-flight updates finish;
	// Shutdown cancels it when its grace period runs out.
	work       context.Context
	cancelWork context.CancelFunc
}

// Option configures a Runtime.
type Option func(*Runtime)

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option { return func(r *Runtime) { r.log = l } }

// WithWorkers caps how many jobs run at once (default 8): as many
// transactions at most, each of up to WithBatch chats. On a database of a
// couple of CPUs, fewer transactions at once cost it less CPU per update
// than more (docs/benchmarks.md, the thirty-third pass); Telegram's own
// limits, not the workers, bound what a bot can send.
func WithWorkers(n int) Option { return func(r *Runtime) { r.workers = n } }

// WithBatch caps how many chats' fresh updates one transaction may handle
// together (default 16; 1 handles each alone).
func WithBatch(n int) Option { return func(r *Runtime) { r.batchMax = n } }

// WithAttempts sets how often a failing update is tried before it is
// parked as failed, and the first pause between tries (default 3, 500ms).
func WithAttempts(n int, delay time.Duration) Option {
	return func(r *Runtime) { r.maxAttempts, r.retryDelay = n, delay }
}

// WithHandleTimeout bounds one attempt at handling an update (default 30s).
func WithHandleTimeout(d time.Duration) Option { return func(r *Runtime) { r.handleTimeout = d } }

// WithSoleInstance tells the runtime that no other process works on this
// database (long polling: Telegram serves one poller), so replies another
// process was sending when it died are taken over at start instead of after
// their lease.
func WithSoleInstance() Option { return func(r *Runtime) { r.sole = true } }

// WithOnHandled is called after an update was handled (or parked) and its
// replies were sent: the demo and tests wait on it instead of sleeping.
func WithOnHandled(f func(updateID int64)) Option { return func(r *Runtime) { r.onHandled = f } }

// NewRuntime returns a runtime; call Replay, then feed it with a Poller or
// the WebhookHandler.
func NewRuntime(store *Store, h Handler, sender *Sender, opts ...Option) *Runtime {
	r := &Runtime{
		store:         store,
		handler:       h,
		sender:        sender,
		log:           slog.Default(),
		maxAttempts:   3,
		retryDelay:    500 * time.Millisecond,
		handleTimeout: 30 * time.Second,
		workers:       8,
		batchMax:      16,
		marksEvery:    20 * time.Millisecond,
	}
	for _, o := range opts {
		o(r)
	}
	var batch func([]InboxUpdate) []InboxUpdate
	if r.batchMax > 1 {
		batch = r.processBatch
	}
	r.toOthers = map[int64]int{}
	r.chats = newChats(r.workers, func(chat int64, drain bool, u InboxUpdate) {
		if drain {
			r.toOthersMu.Lock()
			asked := r.toOthers[chat] // what this drain claims was committed before they were counted
			r.toOthersMu.Unlock()
			r.drain(chat)
			r.toOthersMu.Lock()
			if r.toOthers[chat] -= asked; r.toOthers[chat] == 0 {
				delete(r.toOthers, chat)
			}
			r.toOthersMu.Unlock()
		} else {
			r.process(u)
		}
	}, batch, r.batchMax)
	r.metrics = newMetrics()
	r.sender.tooMany = r.metrics.tooMany
	r.sender.token.waiting = store.pendingReplies
	r.work, r.cancelWork = context.WithCancel(context.Background())
	r.marks = newMarks(store, r.log, r.marksEvery)
	var marksCtx context.Context
	marksCtx, r.stopMarks = context.WithCancel(context.Background())
	r.marksDone = make(chan struct{})
	go func() {
		defer close(r.marksDone)
		r.marks.run(marksCtx)
	}()
	return r
}

// Accept stores raw updates in the inbox and queues the ones still to
// handle to their chats. When it returns nil, Telegram may be told
// they arrived; a re-delivered update_id that was handled is ignored.
func (r *Runtime) Accept(ctx context.Context, raws []json.RawMessage) error {
	ups := make([]InboxUpdate, 0, len(raws))
	for _, raw := range raws {
		in, ok := inboxUpdate(raw)
		if !ok {
			r.log.Error("ignoring something that is not an update", "bytes", len(raw))
			continue
		}
		ups = append(ups, in)
	}
	stored, err := r.store.SaveUpdates(ctx, ups)
	if err != nil {
		return err
	}
	for _, u := range stored {
		if u.Fresh {
			r.metrics.received.Inc()
		}
	}
	r.dispatch(stored)
	return nil
}

// inboxUpdate reads what the inbox needs of a raw update: its id and chat.
// An update this client library cannot decode (a newer Bot API) is kept by
// its id alone (its job parks it, for someone to look at) rather than lost;
// false means it is no update at all.
func inboxUpdate(raw json.RawMessage) (InboxUpdate, bool) {
	var u models.Update
	decoded := &u
	if err := json.Unmarshal(raw, &u); err != nil {
		var head struct {
			ID int64 `json:"update_id"`
		}
		_ = json.Unmarshal(raw, &head)
		u, decoded = models.Update{ID: head.ID}, nil
	}
	if u.ID == 0 {
		return InboxUpdate{}, false
	}
	return InboxUpdate{ID: u.ID, ChatID: ChatOf(&u), Payload: raw, decoded: decoded}, true
}

// Replay queues the replies and updates that the last stop left: replies
// first, so each chat hears them before anything newer. Call it before
// taking new updates, so each chat's order holds.
func (r *Runtime) Replay(ctx context.Context) error {
	if r.sole {
		if err := r.store.TakeOver(ctx); err != nil {
			return fmt.Errorf("replay: %w", err)
		}
	}
	if err := r.drainWaiting(ctx); err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	ups, err := r.store.PendingUpdates(ctx, 0)
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	if len(ups) > 0 {
		r.log.Info("replaying updates stored before the last stop", "count", len(ups))
	}
	r.dispatch(ups)
	return nil
}

// SweepOutbox queues, every interval, the sending of replies nobody is
// sending: given back after a failure, left by a process that died, or
// written behind another process's replies to the same chat. It returns
// when ctx ends.
func (r *Runtime) SweepOutbox(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := r.drainWaiting(ctx)
		switch {
		case err != nil && !failing && ctx.Err() == nil:
			r.log.Warn("sweeping the outbox", "err", err)
			failing = true
		case err == nil:
			failing = false
		}
	}
}

// drainWaiting asks for a drain of every chat with replies nobody sends.
func (r *Runtime) drainWaiting(ctx context.Context) error {
	chats, err := r.store.ChatsWithReplies(ctx)
	if err != nil {
		return err
	}
	for _, chat := range chats {
		r.chats.drain(chat)
	}
	return nil
}

// drain claims a chat's waiting replies and sends them; not while Telegram
// has asked the whole bot to wait (the sweep comes back).
func (r *Runtime) drain(chat int64) {
	if r.sender.paused() {
		return
	}
	rows, err := r.store.ClaimReplies(r.work, chat, r.marks.has)
	if err != nil {
		if r.work.Err() == nil {
			r.log.Warn("cannot claim waiting replies; the sweep will try again", "chat", chat, "err", err)
		}
		return
	}
	r.deliver(r.work, rows)
}

// Sweep queues, every interval, the updates pending for longer than age
// that this process is not working on: those left by a replica that died
// after answering Telegram, or stored by a call whose caller saw an error.
// It returns when ctx ends.
func (r *Runtime) Sweep(ctx context.Context, interval, age time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		ups, err := r.store.PendingUpdates(ctx, age)
		if err != nil {
			if ctx.Err() == nil {
				r.log.Warn("sweeping the inbox", "err", err)
			}
			continue
		}
		if n := r.dispatch(ups); n > 0 {
			r.log.Warn("queued updates left pending", "count", n)
		}
	}
}

// Backlog is how many updates are queued or in flight in this process.
func (r *Runtime) Backlog() int { return r.chats.backlog() }

// WaitForRoom blocks while more than limit updates are queued: the poller
// calls it so that a burst Telegram holds for us does not all land in
// memory at once (the unconfirmed rest stays with Telegram).
func (r *Runtime) WaitForRoom(ctx context.Context, limit int) error {
	for r.Backlog() > limit {
		if err := sleep(ctx, 50*time.Millisecond); err != nil {
			return err
		}
	}
	return nil
}

// dispatch hands each update not already known here to its chat and
// returns how many it handed on.
func (r *Runtime) dispatch(ups []InboxUpdate) int {
	n := 0
	for _, u := range ups {
		if r.chats.add(u) {
			n++
		}
	}
	return n
}

// Shutdown stops taking updates and lets in-flight ones finish until ctx
// ends; then it cancels them (they stay pending and are replayed).
func (r *Runtime) Shutdown(ctx context.Context) error {
	err := r.chats.close(ctx)
	r.cancelWork()
	r.stopMarks() // a last delete of what was delivered, with a grace of its own
	select {
	case <-r.marksDone:
	case <-time.After(5 * time.Second):
		r.log.Warn("replies delivered just now may be sent again at the next start: their delete did not finish")
	}
	return err
}

// panicError is a handler panic turned into an error. Panics are assumed
// to repeat, so the update is parked at once instead of retried.
type panicError struct {
	value any
	stack []byte
}

func (p *panicError) Error() string { return fmt.Sprintf("panic: %v", p.value) }

// maxStarts bounds how often an update may be started at all, across
// restarts: one that kills the process every time is parked in the end.
const maxStarts = 10

// process runs the job queued for update trigger: it handles the chat's
// pending updates up to and including trigger, earliest first (usually just
// trigger itself; more when an earlier one was stranded or reached another
// replica). Each is tried up to maxAttempts times, parked if it keeps
// failing, and its replies are sent after its commit.
func (r *Runtime) process(trigger InboxUpdate) {
	ctx := r.work
	defer func() {
		if r.onHandled != nil {
			r.onHandled(trigger.ID)
		}
	}()
	failures := map[int64]int{}
	dbPause := time.Second
	waitForDatabase := func(log *slog.Logger, err error) bool {
		r.metrics.dbDown.Inc()
		log.Warn("database unavailable, will retry", "in", dbPause, "err", err)
		if sleep(ctx, dbPause) != nil {
			return false
		}
		dbPause = min(2*dbPause, 30*time.Second)
		return true
	}
	fresh := trigger.Fresh && trigger.Payload != nil
	for ctx.Err() == nil {
		in, starts, err := trigger, 0, error(nil)
		if !fresh {
			in, starts, err = r.store.NextAttempt(ctx, trigger.ChatID, trigger.ID)
		}
		fresh = false // an update tried once is counted from then on
		log := r.log.With("update_id", in.ID, "chat", trigger.ChatID)
		switch {
		case errors.Is(err, ErrNothingPending):
			return
		case err != nil:
			if !waitForDatabase(log, err) {
				return
			}
			continue
		}
		var u models.Update
		if in.ID == trigger.ID && trigger.decoded != nil {
			u = *trigger.decoded // decoded once, when it arrived
		} else if err := json.Unmarshal(in.Payload, &u); err != nil {
			log.Error("update parked: it cannot be decoded", "err", err)
			if err := r.park(ctx, in, err, nil, "undecodable"); err != nil && !waitForDatabase(log, err) {
				return
			}
			continue
		}
		if starts > maxStarts {
			log.Error("update parked: it was being handled each time the process died", "starts", starts-1)
			if err := r.park(ctx, in, errors.New("too many starts"), &u, "crash_loop"); err != nil && !waitForDatabase(log, err) {
				return
			}
			continue
		}
		began := time.Now()
		rows, mine, err := r.handle(ctx, in, &u)
		var p *panicError
		switch {
		case err == nil:
			r.metrics.handleTime.Observe(time.Since(began).Seconds())
			r.metrics.handled.Inc()
			dbPause = time.Second
			r.send(ctx, in.ChatID, rows, mine)
			if in.ID == trigger.ID {
				return // it was the chat's earliest pending one: none is left up to it
			}
			continue
		case errors.Is(err, ErrAlreadyHandled), errors.Is(err, ErrNotNext):
			continue // another job or replica got there first; look again
		case ctx.Err() != nil:
			return // stopping; the update stays pending
		case IsUnavailable(err):
			// Not the update's fault: once the database is back, take back
			// the start this attempt counted (a fresh one counted none).
			for {
				if !waitForDatabase(log, err) {
					return
				}
				if starts == 0 {
					break
				}
				if err = r.store.UndoStart(ctx, in.ID); err == nil || !IsUnavailable(err) {
					break
				}
			}
			continue
		case errors.As(err, &p):
			log.Error("handler panicked; update parked as failed", "panic", fmt.Sprint(p.value), "stack", string(p.stack))
			if err := r.park(ctx, in, err, &u, "panic"); err != nil && !waitForDatabase(log, err) {
				return
			}
			continue
		}
		r.metrics.failed.Inc()
		failures[in.ID]++
		n := failures[in.ID]
		if n >= r.maxAttempts {
			log.Error("update parked as failed: it failed on every attempt", "attempts", n, "err", err)
			if err := r.park(ctx, in, err, &u, "failing"); err != nil && !waitForDatabase(log, err) {
				return
			}
			continue
		}
		log.Warn("handling failed, will retry", "attempt", n, "err", err)
		if err := r.store.NoteError(ctx, in.ID, err.Error()); err != nil {
			log.Warn("cannot note the error", "err", err)
		}
		if sleep(ctx, r.retryDelay<<(n-1)) != nil {
			return
		}
	}
}

// processBatch handles several chats' fresh updates, one each, in one
// transaction (Store.HandleUpdates), and sends each chat's replies after
// the commit. It gives back, to be done alone (process, in their chats'
// turn), the updates that failed the inbox's check (handled meanwhile, an
// earlier one of the chat pending) and, when anything failed the batch (a
// handler's error or panic, the batch's time running out, a statement's
// error, a deadlock between handlers' row locks), all of them: the batch
// rolled back, nothing of it committed and no start was counted, as if it
// had never been.
func (r *Runtime) processBatch(ups []InboxUpdate) (alone []InboxUpdate) {
	ctx := r.work
	slices.SortFunc(ups, func(a, b InboxUpdate) int { return cmp.Compare(a.ChatID, b.ChatID) })
	items := make([]batchItem, len(ups))
	for i, u := range ups {
		items[i] = batchItem{in: u, delivered: r.marks.ofChat(u.ChatID)}
	}
	began := time.Now()
	if err := r.handleBatch(ctx, items); err != nil {
		r.metrics.batches.WithLabelValues("rolled_back").Inc()
		if ctx.Err() == nil {
			r.log.Info("batch rolled back; its updates go one at a time", "updates", len(items), "err", err)
		}
		return ups
	}
	r.metrics.batches.WithLabelValues("committed").Inc()
	took := time.Since(began).Seconds()
	// Each chat's replies go out at once, beside the others': one after
	// another, the last chat of a batch would wait for seven round trips to
	// Telegram. The chats differ, and none of them is taken up again before
	// this job ends, so each chat's order holds.
	var sending sync.WaitGroup
	for _, it := range items {
		if it.left {
			alone = append(alone, it.in)
			continue
		}
		r.metrics.handleTime.Observe(took)
		r.metrics.handled.Inc()
		sending.Go(func() {
			r.send(ctx, it.in.ChatID, it.out, it.mine)
			if r.onHandled != nil {
				r.onHandled(it.in.ID)
			}
		})
	}
	sending.Wait()
	return alone
}

// batchTime bounds a batch: a handler slower than that holds up the
// batch's other chats no longer; the batch rolls back and each update is
// done alone, within handleTimeout.
const batchTime = time.Second

// handleBatch runs the handler on each update of the batch in one
// transaction; a panic fails the batch.
func (r *Runtime) handleBatch(ctx context.Context, items []batchItem) (err error) {
	ctx, cancel := context.WithTimeout(ctx, min(r.handleTimeout, batchTime))
	defer cancel()
	defer func() {
		if v := recover(); v != nil {
			err = &panicError{value: v, stack: debug.Stack()}
		}
	}()
	hctx, read := ctx, false
	return r.store.HandleUpdates(ctx, items, func(tx *sqlx.Tx, i int) ([]Reply, error) {
		if !read {
			read = true
			var err error
			if hctx, err = r.readAhead(ctx, tx, items); err != nil {
				return nil, err
			}
		}
		u := *items[i].in.decoded // process decodes its own copy if this fails
		return r.handler.Handle(hctx, tx, &u)
	})
}

// readAhead lets a BatchReader read ahead for the batch's updates that
// are to be handled, when they are two or more.
func (r *Runtime) readAhead(ctx context.Context, tx *sqlx.Tx, items []batchItem) (context.Context, error) {
	br, ok := r.handler.(BatchReader)
	if !ok {
		return ctx, nil
	}
	var chats []int64
	for _, it := range items {
		if !it.left {
			chats = append(chats, it.in.ChatID)
		}
	}
	if len(chats) < 2 {
		return ctx, nil
	}
	return br.ReadAhead(ctx, tx, chats)
}

func (r *Runtime) handle(ctx context.Context, in InboxUpdate, u *models.Update) (rows []OutboxRow, mine bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, r.handleTimeout)
	defer cancel()
	defer func() {
		if v := recover(); v != nil {
			rows, mine, err = nil, false, &panicError{value: v, stack: debug.Stack()}
		}
	}()
	return r.store.HandleUpdate(ctx, in, r.marks.ofChat(in.ChatID), func(tx *sqlx.Tx) ([]Reply, error) {
		return r.handler.Handle(ctx, tx, u)
	})
}

// park gives up on an update: it stays in the inbox as failed and, when u
// is known, the user is told it could not be handled. An error means the
// update could not be parked; it is still pending.
func (r *Runtime) park(ctx context.Context, in InboxUpdate, cause error, u *models.Update, why string) error {
	var replies []Reply
	if u != nil {
		replies = r.handler.Failed(ctx, u)
	}
	rows, mine, parked, err := r.store.ParkUpdate(ctx, in, cause.Error(), replies, r.marks.ofChat(in.ChatID))
	if err != nil {
		r.log.Error("cannot park update", "update_id", in.ID, "err", err)
		return err
	}
	if parked {
		r.metrics.parked.WithLabelValues(why).Inc()
	}
	r.send(ctx, in.ChatID, rows, mine)
	return nil
}

// send sends, after the commit, the replies an update of chat wrote: its
// own chat's when this process holds them (mine; else they wait behind an
// earlier reply, and the sweep's drain sends them in turn). A reply to
// another chat waits in that chat's line (lineOf), whose drain is asked
// for: while Telegram fails that chat, the writer's next replies are not
// held behind it.
func (r *Runtime) send(ctx context.Context, chat int64, rows []OutboxRow, mine bool) {
	own := rows
	if slices.ContainsFunc(rows, func(row OutboxRow) bool { return row.ChatID != chat }) {
		own = nil
		for _, row := range rows {
			if row.ChatID == chat {
				own = append(own, row)
				continue
			}
			r.toOthersMu.Lock()
			if r.chats.drain(row.ChatID) {
				r.toOthers[row.ChatID]++
			}
			r.toOthersMu.Unlock()
		}
	}
	if mine {
		r.deliver(ctx, own)
	}
}

// ToOthersWaiting says whether a drain asked for by a reply to another
// chat than its update's has yet to run: until it has, that reply may
// still be unsent (tests wait for it: bottest.WaitHandled).
func (r *Runtime) ToOthersWaiting() bool {
	r.toOthersMu.Lock()
	defer r.toOthersMu.Unlock()
	return len(r.toOthers) > 0
}

// maxSendTime caps the time one reply may take, waits for limits and 429s
// included. A lease is renewed when a send starts 10 s or more after the
// last renewal, so 10 s + maxSendTime stays within the lease (leaseTime).
const maxSendTime = 15 * time.Second

// deliver sends a chat's claimed replies in order. A reply Telegram took is
// deleted (in the next batch of marks); one it refused is dropped; at the
// first that cannot be sent now, that one and the rest are given back for
// the sweep, so the chat's order holds. The lease on the rest is renewed as
// the sending goes on; if another process took them meanwhile, this one
// stops.
func (r *Runtime) deliver(ctx context.Context, rows []OutboxRow) {
	started := time.Now()
	renewed := started
	var told []int64 // chats the handler heard are unreachable
	// recheck: a reply of this delivery needed another try, or the handler
	// heard that the chat is unreachable; Withdraw or TakeBack may have
	// taken back the ones behind it meanwhile.
	recheck := false
	for i, row := range rows {
		if time.Since(renewed) > leaseTime/3 {
			if ok, err := r.store.RenewLease(ctx, idsOf(rows[i:])); err != nil || !ok {
				r.log.Warn("stopped sending a chat's replies: their lease could not be renewed", "chat", row.ChatID, "err", err)
				return
			}
			renewed = time.Now()
		}
		if (recheck || time.Since(started) > time.Second) && !r.store.stillPending(ctx, row.ID) {
			// Waited behind a reply that failed or was slow, or behind
			// one whose refusal the handler heard of, and withdrawn
			// meanwhile (Withdraw, TakeBack): nothing left to send or mark.
			continue
		}
		if row.TooOld {
			// Telegram no longer accepts it; the press has long stopped spinning.
			r.drop(row, "too_old", "callback answer too old to send", slog.LevelInfo)
			continue
		}
		sendCtx, cancel := context.WithTimeout(ctx, maxSendTime)
		sent, err := r.sender.send(sendCtx, row.Reply, func() bool { // asked before each try after the first
			recheck = true
			return r.store.stillPending(sendCtx, row.ID)
		})
		cancel()
		switch {
		case errors.Is(err, errWithdrawn):
			continue // forgotten meanwhile (Withdraw): nothing left to send or mark
		case err == nil:
			r.metrics.sent.WithLabelValues(kindOf(row.Reply)).Inc()
			if m, ok := unwrapMessage(row.Reply); ok && m.Track != "" && sent != 0 && r.tellSent(ctx, row, m.ChatID, m.Track, sent) {
				continue // deleted from the outbox with the record of its id
			}
			r.marks.add(row)
			continue
		case isPermanent(err):
			why, level := refusal(row.Reply, err)
			r.noteDrop(row, why, err.Error(), level)
			// The chat the reply went to: the one whose line it waited
			// in (row.ChatID), but for a reply written before lines were
			// the destination's, or a default menu (no chat).
			chat := row.Reply.Chat()
			if unreachable, deleted := unreachableChat(chat, err); unreachable && !slices.Contains(told, chat) {
				told = append(told, chat)
				if !r.tellUnreachable(ctx, row, err.Error(), chat, deleted) {
					r.storeDrop(row, err.Error())
				}
				recheck = true // it may have taken back what follows (TakeBack)
				continue
			}
			r.storeDrop(row, err.Error())
			continue
		}
		// Running out of our own time waiting (a long 429 pause, the rate
		// limits, a stop) is no failure of the reply: it is given back
		// without counting a try. Everything else counts: Telegram's errors,
		// a request that timed out, the retries between them running out of
		// time (the sender gives back the last error).
		// A token Telegram refuses (401) fails every reply alike, however
		// long it lasts: no try is counted against the reply.
		counted := !ownWait(err) && !unauthorized(err)
		// A fresh context: a stopping process gives its replies back too.
		release, cancel := context.WithTimeout(context.WithoutCancel(ctx), queryTimeout)
		attempts, rerr := r.store.ReleaseReplies(release, idsOf(rows[i:]), err.Error(), counted)
		cancel()
		switch {
		case rerr != nil:
			r.log.Warn("cannot give replies back; they are sent again later", "chat", row.ChatID, "err", rerr)
		case attempts >= maxReplyAttempts:
			r.drop(row, "attempts", err.Error(), slog.LevelError)
		default:
			r.metrics.retried.WithLabelValues(kindOf(row.Reply)).Inc()
			level := slog.LevelWarn
			if unauthorized(err) {
				level = slog.LevelDebug // the sender said it, once for all the replies
			}
			r.log.Log(ctx, level, "reply not sent; will try again", "chat", row.ChatID, "method", describe(row.Reply), "attempts", attempts, "err", err)
		}
		return
	}
}

// refusal says what a reply Telegram refused for good means, for the
// metrics (dvcbot_replies_dropped_total{why}) and how loudly to log it:
// the chat's own state (a user who blocked the bot or deleted their
// account, a group the bot left or that became a supergroup) is no fault
// of the bot's; anything else (a malformed keyboard, a text Telegram
// cannot parse) is a bug someone must see.
func refusal(r Reply, err error) (why string, level slog.Level) {
	switch {
	case isAnswer(r):
		// Answered already (a repeat after a crash) or forgotten by
		// Telegram: the spinner stopped long ago.
		return "answer_refused", slog.LevelInfo
	case errors.Is(err, tg.ErrorForbidden), strings.Contains(err.Error(), "not enough rights"),
		strings.Contains(err.Error(), "have no rights to send"):
		// "bot was blocked by the user", "user is deactivated", "bot was
		// kicked from the group chat", a group where the bot may not
		// write: nothing more reaches this chat until they change it.
		return "forbidden", slog.LevelInfo
	case errors.As(err, new(*tg.MigrateError)), strings.Contains(err.Error(), "chat not found"):
		// A group upgraded to a supergroup (the bot answers commands in
		// the new one), a chat that no longer exists.
		return "chat_gone", slog.LevelInfo
	case errors.Is(err, errNotDrawn):
		return "not_drawn", slog.LevelError // never reached Telegram
	}
	return "refused", slog.LevelError
}

// unreachableChat says whether a refusal means that the user of a private
// chat blocked the bot or (deleted) deleted their account.
func unreachableChat(chat int64, err error) (unreachable, deleted bool) {
	if chat <= 0 || !errors.Is(err, tg.ErrorForbidden) { // groups and channels have negative ids
		return false, false
	}
	switch msg := err.Error(); {
	case strings.Contains(msg, "user is deactivated"):
		return true, true
	case strings.Contains(msg, "bot was blocked by the user"):
		return true, false
	}
	return false, false
}

// tellUnreachable drops the refused reply and tells the handler, if it
// wants to know, that a private chat is unreachable (UnreachableHandler),
// in one transaction; it reports whether that committed (the caller drops
// the reply alone otherwise). It is the user's choice, not a fault: a
// failure to record it is a warning.
func (r *Runtime) tellUnreachable(ctx context.Context, row OutboxRow, cause string, chat int64, deleted bool) (done bool) {
	h, ok := r.handler.(UnreachableHandler)
	if !ok {
		return false
	}
	defer func() {
		if v := recover(); v != nil {
			r.log.Error("handler panicked on an unreachable chat", "chat", chat, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		}
	}()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.handleTimeout)
	defer cancel()
	// The chat's replies Telegram took, still in the outbox until the next
	// batch of marks deletes them, go first: the handler must not take
	// them back as never delivered (bot.TakeBack).
	delivered := r.marks.ofChat(chat)
	err := r.store.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := r.store.dropReply(ctx, tx, row.ID, cause); err != nil {
			return err
		}
		if len(delivered) > 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = ANY ($1)`, pq.Array(delivered)); err != nil {
				return wrapErr("outbox: delete delivered replies", err)
			}
		}
		return h.Unreachable(ctx, tx, chat, deleted)
	})
	if err != nil {
		r.log.Warn("cannot record that a chat is unreachable; its next refused reply tells again", "chat", chat, "deleted", deleted, "err", err)
	}
	return err == nil
}

// tellSent tells the handler, if it wants to know, the id Telegram gave a
// tracked message (SentHandler), in the transaction that deletes the
// delivered row from the outbox; it reports whether that committed (the
// caller leaves the row to the marks otherwise).
func (r *Runtime) tellSent(ctx context.Context, row OutboxRow, chat int64, track string, id int) (done bool) {
	h, ok := r.handler.(SentHandler)
	if !ok {
		return false
	}
	defer func() {
		if v := recover(); v != nil {
			r.log.Error("handler panicked on a sent message", "chat", chat, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		}
	}()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.handleTimeout)
	defer cancel()
	err := r.store.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = $1`, row.ID); err != nil {
			return wrapErr("outbox: delete a delivered reply", err)
		}
		return h.Sent(ctx, tx, chat, track, id)
	})
	if err != nil {
		r.log.Warn("cannot record a sent message's id", "chat", chat, "message", id, "err", err)
	}
	return err == nil
}

func isAnswer(r Reply) bool { return kindOf(r) == kindAnswer }

func idsOf(rows []OutboxRow) []int64 {
	ids := make([]int64, len(rows))
	for i, row := range rows {
		ids[i] = row.ID
	}
	return ids
}

func (r *Runtime) drop(row OutboxRow, why, cause string, level slog.Level) {
	r.noteDrop(row, why, cause, level)
	r.storeDrop(row, cause)
}

// noteDrop counts and logs a reply given up.
func (r *Runtime) noteDrop(row OutboxRow, why, cause string, level slog.Level) {
	r.metrics.dropped.WithLabelValues(why).Inc()
	if level >= slog.LevelError {
		r.log.Error("REPLY DROPPED: gave up sending", "chat", row.ChatID, "method", describe(row.Reply), "err", cause)
	} else {
		r.log.Log(context.Background(), level, "reply dropped", "chat", row.ChatID, "method", describe(row.Reply), "why", cause)
	}
}

// storeDrop marks a reply given up in the outbox.
func (r *Runtime) storeDrop(row OutboxRow, cause string) {
	ctx, cancel := context.WithTimeout(context.Background(), queryTimeout)
	defer cancel()
	if err := r.store.DropReply(ctx, row.ID, cause); err != nil {
		r.log.Warn("cannot mark a reply dropped; it may be tried again", "chat", row.ChatID, "err", err)
	}
}

// ChatOf returns the chat an update belongs to, the key of its work; for
// updates without a chat, the sender's id (their private chat with the bot).
func ChatOf(u *models.Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.EditedMessage != nil:
		return u.EditedMessage.Chat.ID
	case u.CallbackQuery != nil:
		if m := u.CallbackQuery.Message.Message; m != nil {
			return m.Chat.ID
		}
		if m := u.CallbackQuery.Message.InaccessibleMessage; m != nil {
			return m.Chat.ID
		}
		return u.CallbackQuery.From.ID
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.ID
	case u.InlineQuery != nil:
		return u.InlineQuery.From.ID
	}
	return 0
}
