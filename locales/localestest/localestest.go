// Package localestest loads the texts for tests so that a text the code
// asks for and the locales lack fails the test: in production it is only
// logged, and the user sees the text's id.
package localestest

import (
	"context"
	"log/slog"
	"sync"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Load returns the shipped texts (Vietnamese the default). Every "missing
// or broken text" they log fails t when it ends; register this before
// anything that may still ask for texts in a cleanup (a running bot), so
// that its check runs after them.
func Load(t testing.TB) *locales.Catalog {
	t.Helper()
	h := &failing{}
	t.Cleanup(func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.done = true
		for _, line := range h.lines {
			t.Errorf("logged: %s", line)
		}
	})
	parsed.once.Do(func() { parsed.texts, parsed.err = locales.Load("vi", nil) })
	if parsed.err != nil {
		t.Fatal(parsed.err)
	}
	return parsed.texts.WithLog(slog.New(h))
}

// parsed is the locale files parsed once per test process (about 10 ms of
// TOML each time, for every test of a package that runs hundreds); each
// test gets them WithLog a log of its own.
var parsed struct {
	once  sync.Once
	texts *locales.Catalog
	err   error
}

// failing records every log line until its test ends.
type failing struct {
	mu    sync.Mutex
	done  bool
	lines []string
}

func (h *failing) Enabled(context.Context, slog.Level) bool { return true }

func (h *failing) Handle(_ context.Context, r slog.Record) error {
	line := r.Message
	r.Attrs(func(a slog.Attr) bool { line += " " + a.String(); return true })
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.done {
		h.lines = append(h.lines, line)
	}
	return nil
}

func (h *failing) WithAttrs(as []slog.Attr) slog.Handler { return &withAttrs{h, as} }

func (h *failing) WithGroup(string) slog.Handler { return h }

// withAttrs is failing with attributes, recording into the same lines.
type withAttrs struct {
	*failing
	as []slog.Attr
}

func (w *withAttrs) Handle(ctx context.Context, r slog.Record) error {
	r = r.Clone()
	r.AddAttrs(w.as...)
	return w.failing.Handle(ctx, r)
}
