package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// TokenWatch says, from one place, that Telegram refuses the bot's token
// (401 Unauthorized: revoked or replaced at @BotFather). Every call meets
// the refusal alike — getUpdates, each reply, getWebhookInfo — and each
// used to say it, each at its own pace: the operator read the same line
// twice every 30 s. The watch logs the first refusal at once, as an error
// that says what to do and how many replies wait; then, while the
// refusals go on, the same line at most every TokenLogEvery, with how
// many there were; and once, at info, when a call goes through again. It
// is a prometheus.Collector: dvcbot_token_refused is 1 while the token is
// refused.
type TokenWatch struct {
	log *slog.Logger
	// waiting, when set (the runtime's), counts the replies in the outbox.
	waiting func(context.Context) (int, error)
	now     func() time.Time
	gauge   prometheus.Gauge

	mu       sync.Mutex
	refusing bool      // no call went through since the last refusal
	since    time.Time // the first refusal of this run
	logged   time.Time // when it was last said
	held     int       // refusals since it was last said
}

// TokenLogEvery is how often a refusal of the token that goes on is said
// again: it lasts until someone sets the bot's new token, and the first
// line said what to do.
const TokenLogEvery = 10 * time.Minute

// NewTokenWatch returns a watch that logs to log.
func NewTokenWatch(log *slog.Logger) *TokenWatch {
	if log == nil {
		log = slog.Default()
	}
	return &TokenWatch{log: log, now: time.Now, gauge: prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: "dvcbot", Name: "token_refused",
		Help: "1 while Telegram refuses the bot's token (401 Unauthorized: revoked or replaced at @BotFather; set TELEGRAM_BOT_TOKEN), 0 once a call goes through.",
	})}
}

// Refused records a call Telegram answered 401; method names the call.
func (w *TokenWatch) Refused(ctx context.Context, method string, err error) {
	w.mu.Lock()
	now := w.now()
	first := !w.refusing
	if first {
		w.refusing, w.since, w.held = true, now, 0
		w.gauge.Set(1)
	}
	w.held++
	if !first && now.Sub(w.logged) < TokenLogEvery {
		w.mu.Unlock()
		return
	}
	since, refusals := w.since, w.held
	w.logged, w.held = now, 0
	w.mu.Unlock()
	args := []any{"method", method, "since", since.UTC().Format(time.RFC3339), "refusals", refusals, "next_log_in", TokenLogEvery}
	if w.waiting != nil {
		count, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		if n, err := w.waiting(count); err == nil {
			args = append(args, "replies_waiting", n)
		}
		cancel()
	}
	w.log.Error(tokenRefused, append(args, "err", err)...)
}

// Accepted records a call that went through: a refusal that was said
// ends, and is said to have ended.
func (w *TokenWatch) Accepted() {
	w.mu.Lock()
	if !w.refusing {
		w.mu.Unlock()
		return
	}
	since := w.since
	w.refusing = false
	w.gauge.Set(0)
	w.mu.Unlock()
	w.log.Info("Telegram accepts the bot's token again; the replies waiting in the outbox are sent",
		"refused_since", since.UTC().Format(time.RFC3339))
}

func (w *TokenWatch) Describe(ch chan<- *prometheus.Desc) { w.gauge.Describe(ch) }
func (w *TokenWatch) Collect(ch chan<- prometheus.Metric) { w.gauge.Collect(ch) }

// tokenRefused is what is logged when Telegram refuses the bot's token.
const tokenRefused = "Telegram refuses the bot's token (401 Unauthorized): it was revoked or replaced at @BotFather; " +
	"set TELEGRAM_BOT_TOKEN to the bot's current token and restart (replies wait in the outbox until then)"
