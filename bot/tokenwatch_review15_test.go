package bot

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// A refused token is said at once, then while it lasts at most every
// TokenLogEvery with the refusals held back since, and once when a call
// goes through again; a refusal after that is a new one, said at once.
// The clock is the watch's own, moved by hand.
func TestTokenWatchSaysItOnceThenSlowly(t *testing.T) {
	var logs bytes.Buffer
	w := NewTokenWatch(slog.New(slog.NewTextHandler(&logs, nil)))
	t0 := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	now := t0
	w.now = func() time.Time { return now }
	w.waiting = func(context.Context) (int, error) { return 7, nil }
	lines := func() []string { return strings.Split(strings.TrimSpace(logs.String()), "\n") }
	refused := errors.New("unauthorized, Unauthorized")
	ctx := context.Background()

	w.Refused(ctx, "getUpdates", refused)
	if got := gaugeValue(t, w); got != 1 {
		t.Errorf("dvcbot_token_refused is %v while refused", got)
	}
	for range 4 { // the replies and getUpdates, over the next minutes
		now = now.Add(2 * time.Minute)
		w.Refused(ctx, "sendMessage", refused)
	}
	if l := lines(); len(l) != 1 || !strings.Contains(l[0], "level=ERROR") || !strings.Contains(l[0], "TELEGRAM_BOT_TOKEN") ||
		!strings.Contains(l[0], "replies_waiting=7") || !strings.Contains(l[0], "refusals=1") {
		t.Fatalf("five refusals in 8 minutes are not one error that names the setting and the replies waiting:\n%s", logs.String())
	}
	now = t0.Add(TokenLogEvery)
	w.Refused(ctx, "getUpdates", refused)
	l := lines()
	if len(l) != 2 || !strings.Contains(l[1], "refusals=5") || !strings.Contains(l[1], "since="+t0.Format(time.RFC3339)) {
		t.Fatalf("after %v the refusals that go on are not said again with their count and since when:\n%s", TokenLogEvery, logs.String())
	}

	w.Accepted()
	w.Accepted()
	l = lines()
	if len(l) != 3 || !strings.Contains(l[2], "level=INFO") || !strings.Contains(l[2], "accepts the bot's token again") {
		t.Fatalf("the token accepted again is not said once:\n%s", logs.String())
	}
	if got := gaugeValue(t, w); got != 0 {
		t.Errorf("dvcbot_token_refused is %v once accepted", got)
	}
	now = now.Add(time.Minute)
	w.Refused(ctx, "sendMessage", refused)
	if l := lines(); len(l) != 4 || !strings.Contains(l[3], "refusals=1") {
		t.Fatalf("a new refusal after the token was accepted is not said at once:\n%s", logs.String())
	}
}

func gaugeValue(t *testing.T, w *TokenWatch) float64 {
	t.Helper()
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(w)
	mfs, err := reg.Gather()
	if err != nil || len(mfs) != 1 || mfs[0].GetName() != "dvcbot_token_refused" {
		t.Fatalf("the watch's metrics: %v %v", mfs, err)
	}
	return mfs[0].GetMetric()[0].GetGauge().GetValue()
}
