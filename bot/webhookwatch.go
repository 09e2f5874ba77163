package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/prometheus/client_golang/prometheus"
)

// WebhookWatch asks Telegram how its deliveries to the webhook go. In
// webhook mode the bot only hears from Telegram when a delivery succeeds:
// one that fails (a secret rotated on one side only, a certificate
// expired, the proxy down) or goes to another URL (another deployment set
// its own webhook, or a long poller deleted it) is said only by
// getWebhookInfo. The watch asks it every Every, says in the logs what
// changed — a new delivery error once, as a warning with Telegram's
// words; a webhook that is no longer ours once, as an error — and exports
// what it read as metrics (it is a prometheus.Collector).
//
// It changes nothing at Telegram: setting our webhook again would take it
// from the deployment that set its own, which would take it back.
type WebhookWatch struct {
	API interface {
		GetWebhookInfo(context.Context) (*models.WebhookInfo, error)
	}
	URL   string        // our webhook, as given to setWebhook
	Since time.Time     // when it was set: delivery errors before are not ours
	Every time.Duration // default: a minute
	Log   *slog.Logger
	// TokenWatch, when set (the sender's), is where a refused token (401)
	// is said, once for the watch and the replies.
	TokenWatch *TokenWatch

	mu       sync.Mutex
	checked  bool               // an answer was had
	info     models.WebhookInfo // the last answer
	failures prometheus.Counter // getWebhookInfo calls that failed
	once     sync.Once
	seen     struct { // the last delivery error seen
		date int
		msg  string
	}
	failing    string // the delivery error said, "" while deliveries work
	foreign    string // the other URL said; "" while the webhook is ours
	isForeign  bool
	unanswered bool // getWebhookInfo is failing (said once)
}

func (w *WebhookWatch) init() {
	w.once.Do(func() {
		w.failures = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "dvcbot", Name: "getwebhookinfo_errors_total",
			Help: "getWebhookInfo calls that failed (the webhook's gauges keep their last values)."})
		if w.Log == nil {
			w.Log = slog.Default()
		}
		if w.Every <= 0 {
			w.Every = time.Minute
		}
	})
}

// Run checks at once, then every Every until ctx ends.
func (w *WebhookWatch) Run(ctx context.Context) {
	w.init()
	t := time.NewTicker(w.Every)
	defer t.Stop()
	for {
		w.Check(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Check asks getWebhookInfo once and says what changed since the last
// answer.
func (w *WebhookWatch) Check(ctx context.Context) {
	w.init()
	call, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	info, err := w.API.GetWebhookInfo(call)
	// The token watch is told outside the lock: it counts the replies
	// waiting in the outbox before it logs (up to 2 s), and a /metrics
	// scrape reads the gauges under the lock.
	if err != nil && ctx.Err() == nil && unauthorized(err) && w.TokenWatch != nil {
		w.failures.Inc()
		w.TokenWatch.Refused(ctx, "getWebhookInfo", err)
		w.mu.Lock()
		w.unanswered = true
		w.mu.Unlock()
		return
	}
	if err == nil && w.TokenWatch != nil {
		w.TokenWatch.Accepted()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		w.failures.Inc()
		switch {
		case w.unanswered:
		case unauthorized(err):
			w.Log.Error(tokenRefused, "every", w.Every, "err", err)
		default:
			w.Log.Warn("cannot ask Telegram how the webhook fares (getWebhookInfo); trying again", "every", w.Every, "err", err)
		}
		w.unanswered = true
		return
	}
	w.unanswered = false
	w.checked, w.info = true, *info

	if info.URL != w.URL {
		if !w.isForeign || w.foreign != info.URL {
			if info.URL == "" {
				w.Log.Error("the webhook was deleted at Telegram: updates are no longer posted to this bot (an instance started in long-polling mode deletes it); stop that one, then restart this one to set the webhook again",
					"ours", w.URL, "pending", info.PendingUpdateCount)
			} else {
				w.Log.Error("the webhook at Telegram is no longer this bot's: someone set another URL (another deployment with this token?), and updates are posted there; stop that one, then restart this one to set the webhook again",
					"theirs", info.URL, "ours", w.URL, "pending", info.PendingUpdateCount)
			}
		}
		w.isForeign, w.foreign = true, info.URL
		return // its delivery errors are not ours
	}
	if w.isForeign {
		w.Log.Info("the webhook at Telegram is this bot's again", "url", w.URL)
		w.isForeign, w.foreign = false, ""
		// An error Telegram still reports is the other URL's.
		w.seen.date, w.seen.msg, w.failing = info.LastErrorDate, info.LastErrorMessage, ""
		return
	}

	// A delivery error newer than the last one seen, and since ours was
	// set (Telegram's dates are whole seconds).
	fresh := info.LastErrorDate != 0 && int64(info.LastErrorDate) >= w.Since.Unix() &&
		(info.LastErrorDate != w.seen.date || info.LastErrorMessage != w.seen.msg)
	if fresh {
		w.seen.date, w.seen.msg = info.LastErrorDate, info.LastErrorMessage
		if w.failing != info.LastErrorMessage {
			w.Log.Warn("Telegram cannot deliver updates to the webhook; it keeps them and tries again",
				"telegram_says", info.LastErrorMessage, "at", time.Unix(int64(info.LastErrorDate), 0).UTC().Format(time.RFC3339),
				"pending", info.PendingUpdateCount, "url", w.URL)
			w.failing = info.LastErrorMessage
		}
		return
	}
	if w.failing != "" && info.PendingUpdateCount == 0 {
		w.Log.Info("Telegram delivers updates to the webhook again", "last_error", w.failing)
		w.failing = ""
	}
}

var (
	webhookPendingDesc = prometheus.NewDesc("dvcbot_webhook_pending_updates",
		"Updates Telegram holds for the webhook, not yet delivered (getWebhookInfo's pending_update_count).", nil, nil)
	webhookErrorDesc = prometheus.NewDesc("dvcbot_webhook_last_error_timestamp_seconds",
		"When Telegram last failed to deliver to the webhook, Unix time (getWebhookInfo's last_error_date); 0: never.", nil, nil)
	webhookOursDesc = prometheus.NewDesc("dvcbot_webhook_ours",
		"1 while the webhook set at Telegram is this bot's WEBHOOK_URL; 0 when another was set, or it was deleted.", nil, nil)
)

// Describe is prometheus.Collector's.
func (w *WebhookWatch) Describe(ch chan<- *prometheus.Desc) {
	w.init()
	ch <- webhookPendingDesc
	ch <- webhookErrorDesc
	ch <- webhookOursDesc
	w.failures.Describe(ch)
}

// Collect is prometheus.Collector's: the gauges appear with the first
// answer.
func (w *WebhookWatch) Collect(ch chan<- prometheus.Metric) {
	w.init()
	w.failures.Collect(ch)
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.checked {
		return
	}
	ours := 0.0
	if w.info.URL == w.URL {
		ours = 1
	}
	ch <- prometheus.MustNewConstMetric(webhookPendingDesc, prometheus.GaugeValue, float64(w.info.PendingUpdateCount))
	ch <- prometheus.MustNewConstMetric(webhookErrorDesc, prometheus.GaugeValue, float64(w.info.LastErrorDate))
	ch <- prometheus.MustNewConstMetric(webhookOursDesc, prometheus.GaugeValue, ours)
}
