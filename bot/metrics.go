package bot

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are what an operator watches (GET /metrics): one counter for each
// thing they would otherwise grep the logs for.
type metrics struct {
	received, handled, failed, dbDown, tooMany, pollErrors prometheus.Counter
	pollConflicts                                          prometheus.Counter
	parked                                                 *prometheus.CounterVec
	sent, retried, dropped, webhookRefused, batches        *prometheus.CounterVec
	handleTime                                             prometheus.Histogram
}

// newMetrics makes the runtime's metrics; Register exposes them.
func newMetrics() *metrics {
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Namespace: "dvcbot", Name: name, Help: help})
	}
	vec := func(name, help, label string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "dvcbot", Name: name, Help: help}, []string{label})
	}
	return &metrics{
		received:   counter("updates_received_total", "Updates stored in the inbox (re-deliveries not counted)."),
		handled:    counter("updates_handled_total", "Updates handled and committed."),
		failed:     counter("update_attempts_failed_total", "Attempts at handling an update that failed (retried, or parked after the last)."),
		parked:     vec("updates_parked_total", "Updates given up and parked as failed, by why.", "why"),
		dbDown:     counter("database_unavailable_total", "Times the database could not be reached while handling (waited out)."),
		tooMany:    counter("telegram_too_many_requests_total", "429 answers from Telegram (every chat pauses)."),
		pollErrors: counter("getupdates_errors_total", "getUpdates calls that failed (retried)."),
		pollConflicts: counter("getupdates_conflicts_total",
			"getUpdates calls Telegram refused with 409: another process polls with the same token, or a webhook is set (also counted in getupdates_errors_total)."),
		sent:    vec("replies_sent_total", "Replies Telegram took, by method.", "method"),
		retried: vec("replies_retried_total", "Replies given back to the outbox to be sent again, by method.", "method"),
		dropped: vec("replies_dropped_total", "Replies given up (REPLY DROPPED in the logs), by why.", "why"),
		webhookRefused: vec("webhook_calls_refused_total",
			"Webhook calls answered without storing an update, by why: secret (wrong or missing: forged, or rotated on one side only), busy (503: the backlog over its limit; Telegram tries again), not_stored (503: the database could not store it; Telegram tries again), too_large, unreadable, malformed, method.", "why"),
		batches: vec("update_batches_total",
			"Transactions that handled several chats' updates together, by result: committed, or rolled_back (a handler's error or panic, the batch's 1 s, a deadlock: its updates were then done one at a time).", "result"),
		handleTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: "dvcbot", Name: "update_handle_seconds",
			Help:    "Time to handle one update: its transaction (a batch's, shared by its updates), from start to commit.",
			Buckets: []float64{.002, .005, .01, .02, .05, .1, .2, .5, 1, 2, 5, 10, 30},
		}),
	}
}

// Register exposes the metrics, the runtime's gauges (backlog, outbox), the
// database pool and the Go runtime on reg.
func (r *Runtime) Register(reg prometheus.Registerer) error {
	m := r.metrics
	cs := []prometheus.Collector{m.received, m.handled, m.failed, m.parked, m.dbDown, m.tooMany, m.pollErrors, m.pollConflicts,
		m.sent, m.retried, m.dropped, m.webhookRefused, m.batches, m.handleTime,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "dvcbot", Name: "inbox_backlog",
			Help: "Updates queued or in flight in this process."}, func() float64 { return float64(r.Backlog()) }),
		&outboxCollector{store: r.store}, r.sender.token,
		collectors.NewDBStatsCollector(r.store.db.DB, "dvcbot"),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}

// PollErrors is the counter the Poller adds to when getUpdates fails.
func (r *Runtime) PollErrors() prometheus.Counter { return r.metrics.pollErrors }

// PollConflicts is the counter the Poller adds to when getUpdates is
// refused with 409 Conflict.
func (r *Runtime) PollConflicts() prometheus.Counter { return r.metrics.pollConflicts }

var (
	outboxDepthDesc = prometheus.NewDesc("dvcbot_outbox_depth", "Replies waiting in the outbox (all processes).", nil, nil)
	outboxAgeDesc   = prometheus.NewDesc("dvcbot_outbox_oldest_seconds", "Age of the oldest reply waiting in the outbox.", nil, nil)
)

// outboxCollector reads the outbox at each scrape.
type outboxCollector struct{ store *Store }

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- outboxDepthDesc
	ch <- outboxAgeDesc
}

func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var row struct {
		Depth  float64 `db:"depth"`
		Oldest float64 `db:"oldest"`
	}
	err := c.store.db.GetContext(ctx, &row, `
		SELECT count(*) AS depth, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest
		FROM outbox WHERE status = 'pending'`)
	if err != nil {
		// The database is away, or busy past the limit: the outbox's
		// gauges are left out of this scrape (an invalid metric would fail
		// all of it, the counters telling of the outage included).
		// Whether the database answers is the database watch's to say
		// (dvcbot_database_up, serve.go), on a connection of its own: this
		// query waits for the bot's pool.
		return
	}
	ch <- prometheus.MustNewConstMetric(outboxDepthDesc, prometheus.GaugeValue, row.Depth)
	ch <- prometheus.MustNewConstMetric(outboxAgeDesc, prometheus.GaugeValue, row.Oldest)
}
