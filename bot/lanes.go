package bot

import (
	"context"
	"sync"
)

// Lanes runs jobs in order per key (a chat) and different keys in parallel:
// two quick presses in one chat are handled in the order sent, while a slow
// chat never holds up the others. A lane's goroutine exists only while its
// chat has work queued.
type Lanes struct {
	sem chan struct{} // caps how many chats run at once

	mu     sync.Mutex
	queues map[int64][]func()
	closed bool
	wg     sync.WaitGroup
}

// NewLanes returns lanes that run at most workers chats at once.
func NewLanes(workers int) *Lanes {
	return &Lanes{sem: make(chan struct{}, max(workers, 1)), queues: map[int64][]func(){}}
}

// Push queues job behind the key's earlier jobs. It reports false once the
// lanes are closed: the job will not run.
func (l *Lanes) Push(key int64, job func()) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return false
	}
	q, running := l.queues[key]
	l.queues[key] = append(q, job)
	if !running {
		l.wg.Add(1)
		go l.run(key)
	}
	return true
}

func (l *Lanes) run(key int64) {
	defer l.wg.Done()
	for {
		// Take a worker slot before the job, and look at closed after
		// waiting for it: a lane that waited through Close starts nothing.
		l.sem <- struct{}{}
		l.mu.Lock()
		q := l.queues[key]
		if len(q) == 0 || l.closed {
			delete(l.queues, key)
			l.mu.Unlock()
			<-l.sem
			return
		}
		job := q[0]
		q[0] = nil
		l.queues[key] = q[1:]
		l.mu.Unlock()

		job()
		<-l.sem
	}
}

// Close stops taking jobs and waits, until ctx ends, for running jobs to
// finish. Queued jobs that had not started are dropped: the inbox still
// holds their updates, and the next start replays them.
func (l *Lanes) Close(ctx context.Context) error {
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
	done := make(chan struct{})
	go func() { l.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
