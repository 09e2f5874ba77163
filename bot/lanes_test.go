package bot

import (
	"context"
	"sync"
	"testing"
	"time"
)

func TestLanesKeepOrderPerKey(t *testing.T) {
	l := NewLanes(4)
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		got = map[int64][]int{}
	)
	for i := range 1000 {
		key := int64(i % 7)
		wg.Add(1)
		l.Push(key, func() {
			defer wg.Done()
			mu.Lock()
			got[key] = append(got[key], i)
			mu.Unlock()
		})
	}
	wg.Wait()
	for key, seq := range got {
		for j := 1; j < len(seq); j++ {
			if seq[j] < seq[j-1] {
				t.Fatalf("key %d ran %d after %d", key, seq[j], seq[j-1])
			}
		}
	}
	if err := l.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if l.Push(1, func() {}) {
		t.Fatal("Push accepted a job after Close")
	}
}

// Close lets the running job finish and drops the queued ones: the inbox
// keeps their updates for the next start.
func TestLanesCloseFinishesRunningJobsOnly(t *testing.T) {
	l := NewLanes(1)
	started, release := make(chan struct{}), make(chan struct{})
	ran := make(chan int, 3)
	l.Push(1, func() { close(started); <-release; ran <- 1 })
	l.Push(1, func() { ran <- 2 })
	<-started
	l.Push(2, func() { ran <- 3 }) // another chat, waiting for the only worker slot
	closed := make(chan error)
	go func() { closed <- l.Close(context.Background()) }()
	for !l.isClosed() {
		time.Sleep(time.Millisecond)
	}
	close(release)
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	close(ran)
	var jobs []int
	for j := range ran {
		jobs = append(jobs, j)
	}
	if len(jobs) != 1 || jobs[0] != 1 {
		t.Fatalf("after Close ran %v, want only the running job [1]", jobs)
	}
}

func (l *Lanes) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

func BenchmarkLanes(b *testing.B) {
	l := NewLanes(32)
	var wg sync.WaitGroup
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		wg.Add(1)
		l.Push(int64(i%64), wg.Done)
	}
	wg.Wait()
	l.Close(context.Background())
}
