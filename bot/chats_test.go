package bot

import (
	"context"
	"sync"
	"testing"
	"time"
)

// Each chat's updates are worked on one at a time, earliest known first,
// a drain before them; a known update is not taken twice.
func TestChatsWorkInOrderPerChat(t *testing.T) {
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		got = map[int64][]int64{}
	)
	c := newChats(4, func(chat int64, drain bool, u InboxUpdate) {
		defer wg.Done()
		mu.Lock()
		id := u.ID
		if drain {
			id = -1
		}
		got[chat] = append(got[chat], id)
		mu.Unlock()
	}, nil, 0)
	for i := range 1000 {
		u := InboxUpdate{ID: int64(i + 1), ChatID: int64(i % 7)}
		wg.Add(1)
		if !c.add(u) {
			t.Fatalf("update %d refused", u.ID)
		}
	}
	wg.Wait()
	for chat, seq := range got {
		for j := 1; j < len(seq); j++ {
			if seq[j] < seq[j-1] {
				t.Fatalf("chat %d worked on %d after %d", chat, seq[j], seq[j-1])
			}
		}
	}
	for deadline := time.Now().Add(time.Second); c.backlog() != 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("backlog %d after all work, want 0", c.backlog())
		}
	}
	if err := c.close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if c.add(InboxUpdate{ID: 5000, ChatID: 1}) {
		t.Fatal("an update was taken after close")
	}
}

// A drain asked while a chat is busy runs before its next update.
func TestChatsDrainFirst(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	var order []int64
	var mu sync.Mutex
	done := make(chan struct{}, 3)
	c := newChats(2, func(chat int64, drain bool, u InboxUpdate) {
		if u.ID == 1 {
			close(started)
			<-release
		}
		mu.Lock()
		if drain {
			order = append(order, 0)
		} else {
			order = append(order, u.ID)
		}
		mu.Unlock()
		done <- struct{}{}
	}, nil, 0)
	c.add(InboxUpdate{ID: 1, ChatID: 9})
	<-started
	if c.add(InboxUpdate{ID: 1, ChatID: 9}) {
		t.Fatal("an update in hand was taken again")
	}
	c.add(InboxUpdate{ID: 2, ChatID: 9})
	if c.add(InboxUpdate{ID: 2, ChatID: 9}) || c.backlog() != 2 {
		t.Fatalf("a known update was taken twice (backlog %d)", c.backlog())
	}
	c.drain(9)
	c.drain(9) // asked twice, runs once
	close(release)
	for range 3 {
		<-done
	}
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if len(order) != 3 || order[0] != 1 || order[1] != 0 || order[2] != 2 {
		t.Fatalf("worked in the order %v, want [1 drain(0) 2]", order)
	}
}

// close lets the running job finish and drops the rest: the inbox keeps
// their updates for the next start.
func TestChatsCloseFinishesRunningJobsOnly(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	ran := make(chan int64, 3)
	c := newChats(1, func(chat int64, drain bool, u InboxUpdate) {
		if u.ID == 1 {
			close(started)
			<-release
		}
		ran <- u.ID
	}, nil, 0)
	c.add(InboxUpdate{ID: 1, ChatID: 1})
	c.add(InboxUpdate{ID: 2, ChatID: 1})
	<-started
	c.add(InboxUpdate{ID: 3, ChatID: 2}) // another chat, waiting for the only worker slot
	closed := make(chan error)
	go func() { closed <- c.close(context.Background()) }()
	for !c.isClosed() {
		time.Sleep(time.Millisecond)
	}
	close(release)
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	close(ran)
	var jobs []int64
	for j := range ran {
		jobs = append(jobs, j)
	}
	if len(jobs) != 1 || jobs[0] != 1 {
		t.Fatalf("after close ran %v, want only the running job [1]", jobs)
	}
}

func (c *chats) isClosed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

func BenchmarkChats(b *testing.B) {
	var wg sync.WaitGroup
	c := newChats(32, func(int64, bool, InboxUpdate) { wg.Done() }, nil, 0)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		wg.Add(1)
		c.add(InboxUpdate{ID: int64(i + 1), ChatID: int64(i % 64)})
	}
	wg.Wait()
	c.close(context.Background())
}

// An earlier update that comes while a later one is in hand (a replay of
// one left pending) is worked on next, and nothing is lost or repeated.
func TestChatsTakeAnEarlierUpdateNext(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	var (
		mu    sync.Mutex
		order []int64
		wg    sync.WaitGroup
	)
	c := newChats(1, func(chat int64, drain bool, u InboxUpdate) {
		defer wg.Done()
		if u.ID == 5 {
			close(started)
			<-release
		}
		mu.Lock()
		order = append(order, u.ID)
		mu.Unlock()
	}, nil, 0)
	wg.Add(3)
	c.add(InboxUpdate{ID: 5, ChatID: 1})
	<-started
	c.add(InboxUpdate{ID: 7, ChatID: 1})
	c.add(InboxUpdate{ID: 3, ChatID: 1})
	close(release)
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(order) != 3 || order[0] != 5 || order[1] != 3 || order[2] != 7 {
		t.Fatalf("worked in the order %v, want [5 3 7]", order)
	}
}
