package main

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// repeatLimiter passes a record at once the first time its level and
// message are seen, then holds the same again back for every: River, while
// the database is down, logs the same few errors about once a second. The
// next one passed says how many were held back (repeats_not_logged, since
// the last one logged). Records a repeatLimiter holds back are still
// counted when it sits under a logCounter's handler (serve does so).
type repeatLimiter struct {
	slog.Handler
	every time.Duration
	now   func() time.Time
	seen  *repeatSeen // shared by the handlers WithAttrs and WithGroup make
}

type repeatSeen struct {
	mu   sync.Mutex
	last map[repeatKey]*repeated
}

type repeatKey struct {
	level slog.Level
	msg   string
}

type repeated struct {
	at   time.Time // when it was last logged
	held int       // held back since
}

// maxRepeatKeys bounds what a repeatLimiter remembers; past it, it forgets
// all and starts again (a message then shows once more).
const maxRepeatKeys = 1000

func newRepeatLimiter(h slog.Handler, every time.Duration) *repeatLimiter {
	return &repeatLimiter{Handler: h, every: every, now: time.Now, seen: &repeatSeen{last: map[repeatKey]*repeated{}}}
}

func (h *repeatLimiter) Handle(ctx context.Context, r slog.Record) error {
	now := h.now()
	k := repeatKey{r.Level, r.Message}
	h.seen.mu.Lock()
	e := h.seen.last[k]
	if e != nil && now.Sub(e.at) < h.every {
		e.held++
		h.seen.mu.Unlock()
		return nil
	}
	if e == nil {
		if len(h.seen.last) >= maxRepeatKeys {
			clear(h.seen.last)
		}
		e = &repeated{}
		h.seen.last[k] = e
	}
	held, since := e.held, e.at
	e.at, e.held = now, 0
	h.seen.mu.Unlock()
	if held > 0 {
		r = r.Clone()
		r.AddAttrs(slog.Int("repeats_not_logged", held), slog.Time("since", since))
	}
	return h.Handler.Handle(ctx, r)
}

func (h *repeatLimiter) WithAttrs(as []slog.Attr) slog.Handler {
	return &repeatLimiter{h.Handler.WithAttrs(as), h.every, h.now, h.seen}
}

func (h *repeatLimiter) WithGroup(name string) slog.Handler {
	return &repeatLimiter{h.Handler.WithGroup(name), h.every, h.now, h.seen}
}
