package bot

import (
	"context"
	"sync"
	"testing"
)

func TestLanesKeepOrderPerKey(t *testing.T) {
	l := NewLanes(4)
	var mu sync.Mutex
	got := map[int64][]int{}
	for i := range 1000 {
		key := int64(i % 7)
		l.Push(key, func() {
			mu.Lock()
			got[key] = append(got[key], i)
			mu.Unlock()
		})
	}
	if err := l.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	total := 0
	for key, seq := range got {
		total += len(seq)
		for j := 1; j < len(seq); j++ {
			if seq[j] < seq[j-1] {
				t.Fatalf("key %d ran %d after %d", key, seq[j], seq[j-1])
			}
		}
	}
	// Close may drop jobs that had not started; those that ran kept order.
	if total == 0 {
		t.Fatal("no job ran")
	}
	if l.Push(1, func() {}) {
		t.Fatal("Push accepted a job after Close")
	}
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
