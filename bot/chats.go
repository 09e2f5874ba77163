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
// before updates, so that the inbox rarely has to refuse one. Chats run in
// parallel, at most a given number at once; a chat's goroutine exists only
// while it has work.
type chats struct {
	sem chan struct{} // caps how many chats run at once
	job func(chat int64, drain bool, u InboxUpdate)

	mu     sync.Mutex
	m      map[int64]*chatWork
	known  int // updates known in memory, waiting or in hand
	closed bool
	wg     sync.WaitGroup
}

// chatWork is one chat's work known here.
type chatWork struct {
	updates map[int64]InboxUpdate // by id; one leaves when its job is done
	ids     []int64               // the same ids, in order
	drain   bool
	running bool
}

func newChats(workers int, job func(chat int64, drain bool, u InboxUpdate)) *chats {
	return &chats{sem: make(chan struct{}, max(workers, 1)), job: job, m: map[int64]*chatWork{}}
}

// add makes an update known; it reports false when it was known already
// or the chats are closed (the inbox keeps it for the next start).
func (c *chats) add(u InboxUpdate) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	w := c.work(u.ChatID)
	if _, dup := w.updates[u.ID]; dup {
		return false
	}
	w.updates[u.ID] = u
	i, _ := slices.BinarySearch(w.ids, u.ID)
	w.ids = slices.Insert(w.ids, i, u.ID)
	c.known++
	c.start(u.ChatID, w)
	return true
}

// drain asks for a drain of the chat's outbox; asking twice before it runs
// makes one.
func (c *chats) drain(chat int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	w := c.work(chat)
	w.drain = true
	c.start(chat, w)
}

func (c *chats) work(chat int64) *chatWork {
	w := c.m[chat]
	if w == nil {
		w = &chatWork{updates: map[int64]InboxUpdate{}}
		c.m[chat] = w
	}
	return w
}

// start runs the chat's goroutine if it is not running; called with c.mu held.
func (c *chats) start(chat int64, w *chatWork) {
	if !w.running {
		w.running = true
		c.wg.Add(1)
		go c.run(chat, w)
	}
}

func (c *chats) run(chat int64, w *chatWork) {
	defer c.wg.Done()
	for {
		// Take a worker slot before the work, and look at closed after
		// waiting for it: a chat that waited through close starts nothing.
		c.sem <- struct{}{}
		c.mu.Lock()
		if c.closed || (!w.drain && len(w.updates) == 0) {
			w.running = false
			if len(w.updates) == 0 && !w.drain {
				delete(c.m, chat)
			}
			c.mu.Unlock()
			<-c.sem
			return
		}
		drain := w.drain
		w.drain = false
		var next InboxUpdate
		if !drain {
			next = w.updates[w.ids[0]]
		}
		c.mu.Unlock()

		c.job(chat, drain, next)
		if !drain {
			c.mu.Lock()
			delete(w.updates, next.ID)
			if i, ok := slices.BinarySearch(w.ids, next.ID); ok { // an earlier one may have come meanwhile
				w.ids = slices.Delete(w.ids, i, i+1)
			}
			c.known--
			c.mu.Unlock()
		}
		<-c.sem
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
