package bottest

import "testing"

// WaitHandled wakes when the runtime finishes a job rather than at its next
// poll: each finish closes the channel handed out before it, and only that
// one.
func TestFinishingAJobWakesWhoWaits(t *testing.T) {
	b := &Bot{handled: map[int64]int{}, finished: make(chan struct{})}
	n, before := b.handledOr(7)
	if n != 0 {
		t.Fatalf("handled %d times before any job", n)
	}
	select {
	case <-before:
		t.Fatal("woken before any job finished")
	default:
	}
	b.done(8) // another update's job: it may have handled 7 too
	select {
	case <-before:
	default:
		t.Fatal("a job finished and the waiter was not woken")
	}
	n, after := b.handledOr(7)
	if n != 0 || b.Handled(8) != 1 {
		t.Errorf("handled: 7 %d times, 8 %d times; want 0 and 1", n, b.Handled(8))
	}
	select {
	case <-after:
		t.Fatal("the next wait is woken by a job finished before it")
	default:
	}
	b.done(7)
	select {
	case <-after:
	default:
		t.Fatal("update 7 finished and the waiter was not woken")
	}
	if b.Handled(7) != 1 {
		t.Errorf("handled 7 %d times, want 1", b.Handled(7))
	}
}
