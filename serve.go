package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/riverqueue/river"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/web"
)

// allowedUpdates are the update kinds the bot handles; Telegram keeps the
// rest to itself. An edited message is answered (it is not read: the
// volunteer is told to send it again). my_chat_member says, in a private
// chat, that the user blocked the bot or unblocked it (recorded: no digest
// or reminder goes meanwhile); in a group, that the bot was added or
// removed (nothing is kept).
var allowedUpdates = []string{models.AllowedUpdateMessage, models.AllowedUpdateEditedMessage, models.AllowedUpdateCallbackQuery,
	models.AllowedUpdateMyChatMember}

// app is the bot assembled from its parts, shared by serve and demo.
type app struct {
	store    *storage.Storage
	inbox    *bot.Store
	api      *tg.Bot
	runtime  *bot.Runtime
	sender   *bot.Sender
	handlers *handlers.Handlers
	me       *models.User
	texts    *locales.Catalog
	guides   *guides.Catalog
}

// assemble connects to Telegram (or a fake) and wires the runtime.
func assemble(ctx context.Context, cfg config, store *storage.Storage, log *slog.Logger, senderOpts []bot.SenderOption, runtimeOpts []bot.Option) (*app, error) {
	texts, err := locales.Load(cfg.DefaultLanguage, log)
	if err != nil {
		return nil, err
	}
	catalog, err := loadGuides(cfg.GuidesDir)
	if err != nil {
		return nil, &configError{"guides", "are not valid:\n" + err.Error()}
	}
	due, refused := catalog.Review(time.Now())
	for _, e := range append(due, refused...) {
		log.Warn("guide to review (dvcbot guides check)", "problem", e.Error())
	}
	api, err := tg.New(cfg.Token, tg.WithServerURL(cfg.APIURL), tg.WithSkipGetMe(),
		tg.WithHTTPClient(0, bot.NewHTTPClient()),
		tg.WithErrorsHandler(func(err error) { log.Error("telegram client", "err", err) }))
	if err != nil {
		return nil, fmt.Errorf("telegram client: %w", err)
	}
	getMe, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	me, err := api.GetMe(getMe)
	if errors.Is(err, tg.ErrorUnauthorized) || errors.Is(err, tg.ErrorNotFound) {
		return nil, &configError{"TELEGRAM_BOT_TOKEN", "was refused by Telegram: check the token with @BotFather"}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot reach Telegram at %s: %w", cfg.APIURL, err)
	}
	store.SetFollowupRetention(cfg.FollowupDays)
	hopts := []handlers.Option{handlers.WithAdmins(cfg.Admins...), handlers.WithBotUsername(me.Username), handlers.WithLogger(log),
		handlers.WithPublicURL(cfg.PublicURL)}
	hopts = append(hopts, handlers.WithTapGuard(cfg.TapGuard))
	h := handlers.New(store, texts, catalog, hopts...)
	limits := []bot.SenderOption{bot.WithSenderLogger(log),
		bot.WithGlobalRate(cfg.SendRate, 4), bot.WithChatRate(cfg.SendChatRate, 3)}
	sender := bot.NewSender(api, append(limits, senderOpts...)...)
	inbox := bot.NewStore(store.DB())
	opts := []bot.Option{bot.WithLogger(log)}
	rt := bot.NewRuntime(inbox, h, sender, append(opts, runtimeOpts...)...)
	return &app{store: store, inbox: inbox, api: api, runtime: rt, sender: sender, handlers: h, me: me, texts: texts, guides: catalog}, nil
}

// start sets the default menus and replays what the last run left undone.
func (a *app) start(ctx context.Context, log *slog.Logger) error {
	for _, r := range a.handlers.DefaultMenus() {
		if err := a.sender.Send(ctx, r); err != nil {
			if ctx.Err() != nil {
				return ctx.Err() // stopped while starting
			}
			log.Warn("cannot set the default command menu", "err", err)
		}
	}
	// A database restarting while the bot starts is waited for, as at
	// openStore: the replay reads and leases what the last run left, and
	// is the same when done again.
	return untilReachable(ctx, log, "replay", func() error { return a.runtime.Replay(ctx) })
}

// maxBacklog is how many updates may wait in memory before the poller
// leaves the rest with Telegram.
const maxBacklog = 5000

// startWait is how long a starting bot waits for a database it cannot
// reach yet: a stack starting together, a server restarting.
const startWait = time.Minute

// openStore connects to the database, waiting up to startWait while the
// server cannot be reached; any other error (a wrong password, no such
// database) is returned at once.
func openStore(ctx context.Context, url string, log *slog.Logger) (*storage.Storage, error) {
	var store *storage.Storage
	err := untilReachable(ctx, log, "connect", func() (err error) {
		store, err = storage.Open(ctx, url)
		return err
	})
	if errors.Is(err, storage.ErrRefusedParameter) {
		// The connection string, not the server, is at fault: a
		// setting's error, which says nothing of its words.
		return nil, &configError{"DATABASE_URL", "is refused by the server: " + err.Error()}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	return store, nil
}

// untilReachable runs step, a start-up step on the database, again while
// it fails because the database cannot be reached (a stack starting
// together, a server restarting under a starting bot), for up to
// startWait. It returns step's last error: any other, one after
// startWait, or the one it had when ctx ended during a pause.
func untilReachable(ctx context.Context, log *slog.Logger, what string, step func() error) error {
	deadline := time.Now().Add(startWait)
	pause := 500 * time.Millisecond
	for {
		err := step()
		if err == nil || !bot.IsUnavailable(err) || time.Now().Add(pause).After(deadline) {
			return err
		}
		log.Warn("the database cannot be reached yet; trying again", "step", what, "in", pause, "err", err)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}

func serve(ctx context.Context, cfg config, log *slog.Logger) (err error) {
	// A stop asked for while starting (SIGTERM from docker compose stop,
	// a deploy giving up on a replica not healthy yet) cuts whatever the
	// start waits for — Telegram, the database —, and that step fails: it
	// is a stop like any other, not a failure (exit status 0).
	started := false
	defer func() {
		if err != nil && !started && ctx.Err() != nil {
			log.Info("stopped while starting", "step", err.Error())
			err = nil
		}
	}()
	logged := newLogCounter()
	// River, while the database is down, logs the same few errors about
	// once a second: each is logged at most once a minute (counted every
	// time).
	riverLog := slog.New(logged.handler(newRepeatLimiter(log.Handler(), time.Minute)))
	// The follow-up page is public: while the database is down, every
	// request for it fails alike, as many lines as requests. The same.
	webLog := slog.New(logged.handler(newRepeatLimiter(log.Handler(), time.Minute)))
	log = slog.New(logged.handler(log.Handler()))
	for _, w := range cfg.Warnings {
		log.Warn(w)
	}
	if len(cfg.Admins) == 0 {
		log.Warn("ADMIN_TELEGRAM_IDS is empty: nobody is an administrator, so nobody can make the first invite links")
	}
	// Listen first: a port taken is said at once, before the database is
	// waited for or the last run's work replayed (and setWebhook makes
	// Telegram post at once). Nothing is served until the bot is ready.
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("cannot listen on HTTP_ADDR %s: %w", cfg.HTTPAddr, err)
	}
	defer ln.Close()
	store, err := openStore(ctx, cfg.DatabaseURL, log)
	if err != nil {
		if ctx.Err() != nil { // stopped while waiting for it: said as a stop while starting (above)
			return fmt.Errorf("wait for the database: %w", ctx.Err())
		}
		return err
	}
	defer store.Close()
	// The database watch's own connection, opened at its first ping.
	watchDB, err := storage.OpenOne(cfg.DatabaseURL)
	if err != nil {
		return fmt.Errorf("database watch: %w", err)
	}
	defer watchDB.Close()
	// The watch runs from now on, through the start (the HTTP server
	// answers /metrics before the bot is up, and a start may wait long
	// on Telegram or on the database) until serve returns; its verdict
	// is dvcbot_database_up. It begins at 1: the database just answered.
	var databaseUp atomic.Bool
	databaseUp.Store(true)
	watching, stopWatching := context.WithCancel(ctx)
	defer stopWatching() // before watchDB closes (deferred calls run last first)
	go watchDatabase(watching, watchDB, log, databaseCheckEvery, &databaseUp)
	if err := untilReachable(ctx, log, "migrate", func() error { return migrateAll(ctx, store, log) }); err != nil {
		return err
	}
	var runtimeOpts []bot.Option
	if cfg.WebhookURL == "" {
		// Telegram serves one poller: the one that holds the poller's lock
		// knows the leases it finds are a dead process's. A second one (a
		// replica by mistake, a rolling deploy) must leave them to run out.
		var release func()
		var sole bool
		err := untilReachable(ctx, log, "poller lock", func() (err error) {
			release, sole, err = holdPollerLock(ctx, store.DB().DB, log)
			return err
		})
		if err != nil {
			return err
		}
		defer release()
		if sole {
			runtimeOpts = append(runtimeOpts, bot.WithSoleInstance())
		} else {
			log.Error("another instance of the bot runs in long-polling mode on this database: run only one, or set WEBHOOK_URL and WEBHOOK_SECRET on every replica")
		}
	}
	a, err := assemble(ctx, cfg, store, log, nil, runtimeOpts)
	if err != nil {
		return err
	}
	if err := a.start(ctx, log); err != nil {
		return err
	}

	mux := http.NewServeMux()
	reg := prometheus.NewRegistry()
	if err := a.runtime.Register(reg); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	if err := reg.Register(logged.lines); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	// What the database watch sees (started above).
	if err := reg.Register(databaseUpGauge(&databaseUp)); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	// In webhook mode Telegram tells of deliveries that fail only when
	// asked: the watch asks every minute, logs what changed, and exports it.
	var watch *bot.WebhookWatch
	if cfg.WebhookURL != "" {
		watch = &bot.WebhookWatch{API: a.api, URL: cfg.WebhookURL, Every: cfg.WebhookCheckEvery, Log: log, TokenWatch: a.sender.TokenWatch()}
		if err := reg.Register(watch); err != nil {
			return fmt.Errorf("metrics: %w", err)
		}
	}
	// A collector that fails leaves its own metrics out, not the whole
	// scrape (the outbox's leaves its gauges out by itself when the
	// database is down).
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		ErrorHandling: promhttp.ContinueOnError, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}))
	// The resident's follow-up page (PUBLIC_URL/f/<token>).
	// The forms' key is the bot token's own derivation: the same on every
	// replica and across restarts, and not the token itself.
	formKey := sha256.Sum256([]byte("dvcbot follow-up form\x00" + cfg.Token))
	webOpts := []web.Option{web.WithLogger(webLog), web.WithFormKey(formKey[:]), web.WithTrustedProxies(cfg.TrustedProxies...)}
	if u, err := url.Parse(cfg.PublicURL); err == nil && u.Host != "" {
		webOpts = append(webOpts, web.WithTrustedOrigin(u.Scheme+"://"+u.Host)) // a proxy may rewrite Host
	}
	webOpts = append(webOpts, web.WithTelegramLink(a.handlers.DeepLink))
	page := web.New(store, a.guides, a.texts, webOpts...)
	if err := reg.Register(page.Collector()); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	mux.Handle("/f/", page)
	var poller *bot.Poller
	// The server runs before the bot is up (Telegram may post as soon as
	// setWebhook is answered): until then /healthz says it is starting, so
	// that nothing reads a replica that may still fail to start as ready.
	var up atomic.Bool
	mux.HandleFunc("GET /healthz", healthHandler(&up, watchDB, func(now time.Time) string {
		if poller == nil {
			return ""
		}
		return poller.Stalled(now, 3*time.Minute)
	}))
	if cfg.WebhookURL != "" {
		u, _ := url.Parse(cfg.WebhookURL) // validated by loadConfig
		// Escaped, the path is matched as written: in a ServeMux pattern
		// a brace would be a wildcard ("/tg{1}" panics, "/hook/{$}"
		// matches /hook/ only), and %7B matches "{" sent either way.
		path := u.EscapedPath()
		if path == "" {
			path = "/"
		}
		mux.Handle("POST "+path, a.runtime.WebhookHandler(cfg.WebhookSecret, bot.DefaultMaxWebhookBody, maxBacklog))
	} else {
		poller = &bot.Poller{ServerURL: cfg.APIURL, Token: cfg.Token, Allowed: allowedUpdates, Log: log, Errors: a.runtime.PollErrors(), Conflicts: a.runtime.PollConflicts(),
			TokenWatch: a.sender.TokenWatch(),
			Throttle:   func(ctx context.Context) error { return a.runtime.WaitForRoom(ctx, maxBacklog) }}
	}
	// net/http's own lines (a handler's panic, an accept error) go through
	// the same JSON log, counted, and repeated at most once a minute.
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		ErrorLog: slog.NewLogLogger(webLog.Handler(), slog.LevelError)}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	// work ends on a signal or when the HTTP server fails: polling and the
	// periodic work stop, and the runtime drains.
	work, stopWork := context.WithCancel(ctx)
	defer stopWork()
	polled := make(chan struct{})
	if poller == nil {
		watch.Since = time.Now()
		if _, err := a.api.SetWebhook(ctx, &tg.SetWebhookParams{
			URL: cfg.WebhookURL, SecretToken: cfg.WebhookSecret, AllowedUpdates: allowedUpdates, MaxConnections: 40,
		}); err != nil {
			srv.Close()
			return fmt.Errorf("setWebhook: %w", err)
		}
		go func() {
			defer close(polled)
			watch.Run(work)
		}()
		log.Info("webhook mode", "url", cfg.WebhookURL, "bot", a.me.Username)
	} else {
		if _, err := a.api.DeleteWebhook(ctx, &tg.DeleteWebhookParams{}); err != nil {
			srv.Close()
			return fmt.Errorf("deleteWebhook: %w", err)
		}
		go func() {
			defer close(polled)
			poller.Run(work, a.runtime.Accept)
		}()
		log.Info("long polling", "bot", a.me.Username)
	}
	queue, err := a.jobs(log, riverLog)
	if err != nil {
		srv.Close()
		return err
	}
	// Stop below lets running jobs finish. Start first pings the database,
	// and may be called again after it failed.
	err = untilReachable(ctx, log, "start the job queue", func() error { return queue.Start(context.WithoutCancel(work)) })
	if err != nil {
		srv.Close()
		return fmt.Errorf("job queue: %w", err)
	}
	// The due dates told as estimates, counted again with this build's
	// calendar (a year's days off announced since): a failure is logged,
	// the old dates stay until the next start.
	if n, err := a.handlers.RedateEstimates(ctx); err != nil && ctx.Err() == nil {
		log.Warn("estimated due dates not counted again", "err", err)
	} else if n > 0 {
		log.Info("estimated due dates counted again", "followups", n)
	}
	// A stop asked for while starting (SIGTERM, a test done) may cancel
	// this: it is a stop like any other, below.
	err = untilReachable(ctx, log, "schedule the weekly digest", func() error { return a.handlers.EnsureDigest(ctx, queue) })
	if err != nil && ctx.Err() == nil {
		srv.Close()
		return fmt.Errorf("schedule the weekly digest: %w", err)
	}
	go a.runtime.Sweep(work, time.Minute, time.Minute)
	go a.runtime.SweepOutbox(work, 2*time.Second)
	up.Store(true)
	started = true
	log.Info("started: /healthz answers from now on", "http_addr", cfg.HTTPAddr)

	var serveErr error
	select {
	case err := <-served:
		serveErr = fmt.Errorf("http server on %s: %w", cfg.HTTPAddr, err)
		log.Error("stopping: the HTTP server failed", "err", err)
	case <-ctx.Done():
	}
	stopWork()
	log.Info("stopping: finishing updates in flight", "a_second_signal", "stops at once")
	shutdown, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		log.Warn("http shutdown", "err", err)
	}
	<-polled
	if err := queue.Stop(shutdown); err != nil {
		log.Warn("jobs still running were left for the next start", "err", err)
	}
	if err := a.runtime.Shutdown(shutdown); err != nil {
		log.Warn("updates still in flight were left for the next start", "err", err)
	}
	log.Info("stopped")
	return serveErr
}

// healthHandler answers /healthz: 503 while the bot starts (up false),
// when the database does not answer on db — the database watch's own
// connection, not the bot's pool, whose connections a burst of work may
// all hold for seconds while the database answers — or when stalled says
// why the long poller is stalled; "ok" otherwise.
func healthHandler(up *atomic.Bool, db *sql.DB, stalled func(time.Time) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "starting: telling Telegram where to deliver updates, starting the job queue", http.StatusServiceUnavailable)
			return
		}
		ping, cancel := context.WithTimeout(r.Context(), databasePingWait)
		defer cancel()
		if err := db.PingContext(ping); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		if why := stalled(time.Now()); why != "" {
			http.Error(w, why, http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	}
}

// databaseCheckEvery is how often watchDatabase asks the database.
const databaseCheckEvery = 5 * time.Second

// databasePingWait is how long watchDatabase and /healthz wait for the
// database's answer.
const databasePingWait = 3 * time.Second

// errNoAnswer: the watch's ping is still waiting for the database.
var errNoAnswer = fmt.Errorf("ping database: no answer within %v", databasePingWait)

// watchDatabase says when the database stops answering and when it answers
// again, once each: the outage's other lines (River's, the poller's) each
// tell of one part, and none of its end. It pings on db, a pool of its own
// (storage.OpenOne): a ping on the bot's pool waits for a connection when
// a burst of work holds them all, and so it does when the database went
// silent (its network cut, its host dead) and every connection waits for
// an answer; on its own connection, a ping that waits is the database.
// A ping the database does not answer (a silent connection can outlast
// its context) is not waited for: it is the outage, and the next one is
// sent once it ends. Each ping's verdict goes to up, when set (the
// dvcbot_database_up gauge).
func watchDatabase(ctx context.Context, db *sql.DB, log *slog.Logger, every time.Duration, up *atomic.Bool) {
	t := time.NewTicker(every)
	defer t.Stop()
	var down time.Time    // when the outage was seen; zero while the database answers
	var answer chan error // the ping under way, nil when none
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if answer == nil {
			answer = make(chan error, 1)
			go func(answer chan<- error) {
				ping, cancel := context.WithTimeout(ctx, databasePingWait)
				defer cancel()
				answer <- db.PingContext(ping)
			}(answer)
		}
		var err error
		wait := time.NewTimer(databasePingWait)
		select {
		case <-ctx.Done():
			wait.Stop()
			return
		case err = <-answer:
			answer = nil
		case <-wait.C:
			err = errNoAnswer
		}
		wait.Stop()
		if ctx.Err() != nil {
			return
		}
		if up != nil {
			up.Store(err == nil)
		}
		switch {
		case err != nil && down.IsZero():
			down = time.Now()
			log.Error("the database cannot be reached: the bot waits for it (updates stay with Telegram, replies in the outbox, /healthz answers 503)", "err", err)
		case err == nil && !down.IsZero():
			log.Info("the database answers again", "down_since", down.UTC().Format(time.RFC3339), "down_for", time.Since(down).Round(time.Second))
			down = time.Time{}
		}
	}
}

// databaseUpGauge exports what the database watch last saw as
// dvcbot_database_up. It used to be the outbox's scrape query on the
// bot's pool, which a long load holding every connection, or a lock on
// the outbox, kept past its limit while the database answered: 0 then
// said an outage that /healthz and the watch did not.
func databaseUpGauge(up *atomic.Bool) prometheus.Collector {
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "dvcbot", Name: "database_up",
		Help: "1 while the database answers the bot's database watch (a ping every 5 s on a connection of its own, as /healthz asks), 0 from the first ping it did not answer within 3 s."},
		func() float64 {
			if up.Load() {
				return 1
			}
			return 0
		})
}

// jobs makes the job queue's client with every worker and periodic job of
// the bot (jobs/); riverLog is River's own logger.
func (a *app) jobs(log, riverLog *slog.Logger) (*jobs.Client, error) {
	workers := river.NewWorkers()
	river.AddWorker(workers, &jobs.RetentionWorker{Store: a.store, Inbox: a.inbox, Log: log})
	a.handlers.AddWorkers(workers)
	client, err := jobs.New(a.store.DB().DB, jobs.Config{Workers: workers, Log: riverLog,
		Periodic: append([]*river.PeriodicJob{jobs.Retention()}, a.handlers.PeriodicJobs()...)})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	return client, nil
}
