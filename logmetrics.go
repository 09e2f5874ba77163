package main

import (
	"context"
	"log/slog"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// maxLogMessages bounds the label values of dvcbot_log_messages_total: the
// bot's messages are constant strings, but a library's may not be.
const maxLogMessages = 200

// logCounter counts the warnings and errors logged, by level and message,
// so that every line an operator would grep the logs for has a counter in
// /metrics (a webhook refused for its secret, a job that failed), the ones no counter of the runtime's covers too.
type logCounter struct {
	lines *prometheus.CounterVec
	mu    sync.Mutex
	seen  map[string]bool
}

func newLogCounter() *logCounter {
	return &logCounter{seen: map[string]bool{}, lines: prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "dvcbot", Name: "log_messages_total",
		Help: "Warnings and errors logged, by level and message (msg=\"other\" past the first 200 messages).",
	}, []string{"level", "msg"})}
}

func (c *logCounter) count(level slog.Level, msg string) {
	c.mu.Lock()
	if !c.seen[msg] {
		if len(c.seen) >= maxLogMessages {
			msg = "other"
		} else {
			c.seen[msg] = true
		}
	}
	c.mu.Unlock()
	c.lines.WithLabelValues(level.String(), msg).Inc()
}

// handler wraps h: every record at WARN or above is counted, then logged.
func (c *logCounter) handler(h slog.Handler) slog.Handler { return &countingHandler{h, c} }

type countingHandler struct {
	slog.Handler
	c *logCounter
}

func (h *countingHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		h.c.count(r.Level, r.Message)
	}
	return h.Handler.Handle(ctx, r)
}

func (h *countingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &countingHandler{h.Handler.WithAttrs(as), h.c}
}

func (h *countingHandler) WithGroup(name string) slog.Handler {
	return &countingHandler{h.Handler.WithGroup(name), h.c}
}
