package bot

import (
	"context"
	"slices"
	"sync"
)

// chats schedules the work of each chat in this process: the updates it
// knows of and a drain of the outbox. The order itself is the inbox's
// (Store.HandleUpdate takes an update only when no earlier one of its chat
// is pending; NextAttempt takes the earliest): chats only makes sure one
// job at a time works on a chat, earliest known update first, a drain
// before updates, so that the inbox rarely has to refuse one. A fixed set
// of workers takes the chats with work in turn, one job each: a goroutine
// per job would start on a small stack and grow it through every update
// (the handlers, JSON and the driver go deep), which cost the bot 3.5% of
// its CPU under the bench.
type chats struct {
	job      func(chat int64, drain bool, u InboxUpdate)
	batch    func(ups []InboxUpdate) (alone []InboxUpdate) // several chats' fresh updates, one each (nil: never); returns those still to do, each alone
	batchMax int

	mu     sync.Mutex
	wake   *sync.Cond          // a chat became ready, or chats closed
	m      map[int64]*chatWork // chats with work, ready or in hand
	ready  []int64             // chats with work that no worker has: ready[head:], in turn
	head   int
	known  int // updates known in memory, waiting or in hand
	closed bool
	wg     sync.WaitGroup
}

// chatWork is one chat's work known here.
type chatWork struct {
	updates map[int64]InboxUpdate // by id; one leaves when its job is done
	ids     []int64               // the same ids, in order
	drain   bool
	queued  bool // in ready or in a worker's hands
}

func newChats(workers int, job func(chat int64, drain bool, u InboxUpdate), batch func([]InboxUpdate) []InboxUpdate, batchMax int) *chats {
	c := &chats{job: job, batch: batch, batchMax: batchMax, m: map[int64]*chatWork{}}
	c.wake = sync.NewCond(&c.mu)
	for range max(workers, 1) {
		c.wg.Go(c.work)
	}
	return c
}

// add makes an update known; it reports false when it was known already
// or the chats are closed (the inbox keeps it for the next start).
func (c *chats) add(u InboxUpdate) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	w := c.chat(u.ChatID)
	if _, dup := w.updates[u.ID]; dup {
		return false
	}
	w.updates[u.ID] = u
	i, _ := slices.BinarySearch(w.ids, u.ID)
	w.ids = slices.Insert(w.ids, i, u.ID)
	c.known++
	c.queue(u.ChatID, w)
	return true
}

// drain asks for a drain of the chat's outbox; asking twice before it runs
// makes one. It reports false when the chats are closed (the sweep of the
// next start sends what waits).
func (c *chats) drain(chat int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	w := c.chat(chat)
	w.drain = true
	c.queue(chat, w)
	return true
}

func (c *chats) chat(chat int64) *chatWork {
	w := c.m[chat]
	if w == nil {
		w = &chatWork{updates: map[int64]InboxUpdate{}}
		c.m[chat] = w
	}
	return w
}

// queue puts the chat in turn unless it is already; called with c.mu held.
func (c *chats) queue(chat int64, w *chatWork) {
	if !w.queued {
		w.queued = true
		c.ready = append(c.ready, chat)
		c.wake.Signal()
	}
}

// work is a worker: it takes the next chat in turn, does one job of it and
// puts it back in turn if it has more, until the chats close. When the
// chat's job is a fresh update (stored just now, never tried) and the chats
// next in turn have one too, it takes up to batchMax of them at once for
// one batch job (Runtime.processBatch): their updates share a transaction.
// The updates a batch gives back (it failed, or they left it) go back in
// turn, each to be done alone by whichever worker takes its chat: one that
// is slow then holds up no other.
func (c *chats) work() {
	c.mu.Lock()
	defer c.mu.Unlock()
	var taken []InboxUpdate
	for {
		for !c.closed && c.head == len(c.ready) {
			c.wake.Wait()
		}
		if c.closed {
			return
		}
		chat := c.pop()
		w := c.m[chat]
		drain := w.drain
		w.drain = false
		var next InboxUpdate
		if !drain {
			next = w.updates[w.ids[0]]
		}
		taken = taken[:0]
		if c.batch != nil && batchable(next) {
			taken = append(taken, next)
			for len(taken) < c.batchMax && c.head < len(c.ready) {
				w2 := c.m[c.ready[c.head]]
				if w2.drain || !batchable(w2.updates[w2.ids[0]]) {
					break
				}
				taken = append(taken, w2.updates[w2.ids[0]])
				c.pop()
			}
		}
		c.mu.Unlock()

		if len(taken) < 2 {
			c.job(chat, drain, next)
			c.mu.Lock()
			c.finished(chat, w, drain, next)
			continue
		}
		alone := c.batch(slices.Clone(taken))
		c.mu.Lock()
		queued := len(c.ready)
		for _, u := range taken {
			w := c.m[u.ChatID]
			if slices.ContainsFunc(alone, func(a InboxUpdate) bool { return a.ID == u.ID }) {
				// Not done: its chat's job again, alone, in turn.
				u.alone = true
				w.updates[u.ID] = u
				c.ready = append(c.ready, u.ChatID)
				continue
			}
			c.finished(u.ChatID, w, false, u)
		}
		for range len(c.ready) - queued - 1 { // this worker takes one
			c.wake.Signal()
		}
	}
}

// batchable says whether an update may join a batch: fresh, as Accept
// stored and decoded it, and not given back by a batch.
func batchable(u InboxUpdate) bool {
	return u.Fresh && u.Payload != nil && u.decoded != nil && !u.alone
}

// pop takes the next chat in turn; called with c.mu held and one there.
func (c *chats) pop() int64 {
	chat := c.ready[c.head]
	c.head++
	if c.head == len(c.ready) {
		c.ready, c.head = c.ready[:0], 0
	} else if c.head >= 1024 && 2*c.head >= len(c.ready) {
		c.ready, c.head = c.ready[:copy(c.ready, c.ready[c.head:])], 0
	}
	return chat
}

// finished ends a chat's job: the update it was for leaves, and the chat
// goes back in turn if it has more; called with c.mu held.
func (c *chats) finished(chat int64, w *chatWork, drain bool, next InboxUpdate) {
	if !drain {
		delete(w.updates, next.ID)
		if i, ok := slices.BinarySearch(w.ids, next.ID); ok { // an earlier one may have come meanwhile
			w.ids = slices.Delete(w.ids, i, i+1)
		}
		c.known--
	}
	if w.drain || len(w.updates) > 0 {
		c.ready = append(c.ready, chat)
	} else {
		delete(c.m, chat)
	}
}

// backlog is how many updates are known here, waiting or in hand.
func (c *chats) backlog() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.known
}

// close stops taking work and waits, until ctx ends, for the jobs running
// to finish. Work that had not started is dropped: the inbox and the outbox
// still hold it, and the next start takes it up.
func (c *chats) close(ctx context.Context) error {
	c.mu.Lock()
	c.closed = true
	c.wake.Broadcast()
	c.mu.Unlock()
	done := make(chan struct{})
	go func() { c.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
