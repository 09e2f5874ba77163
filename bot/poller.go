package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Poller fetches updates with getUpdates and confirms them only after they
// are stored. go-telegram/bot's own poller confirms an update as soon as it
// is queued in memory, so a crash would lose it; this one cannot.
type Poller struct {
	ServerURL string // e.g. https://api.telegram.org
	Token     string
	Client    *http.Client  // default: a client with a timeout above the long poll
	Timeout   time.Duration // long-poll timeout (default 50s)
	Limit     int           // updates per call, 1–100 (default 100)
	Allowed   []string      // allowed_updates; nil keeps Telegram's choice
	Log       *slog.Logger
	// Throttle, when set, is called before each getUpdates and may block:
	// while the bot is busy, updates are better left with Telegram.
	Throttle func(context.Context) error
	// Errors, when set, counts failed getUpdates calls.
	Errors interface{ Inc() }
	// Conflicts, when set, counts getUpdates calls Telegram refused with
	// 409: another process polls with the same token, or a webhook is set.
	Conflicts interface{ Inc() }
	// TokenWatch, when set (the sender's), is where a refused token (401)
	// is said, once for the poller and the replies; else the poller has
	// its own.
	TokenWatch *TokenWatch

	started   atomic.Int64 // unix nanoseconds when Run began
	lastOK    atomic.Int64 // unix nanoseconds of the last successful getUpdates
	throttled atomic.Bool  // Throttle is holding the next getUpdates back
	// held is how long Throttle held getUpdates back since the last answer
	// (nanoseconds): the bot's own wait, not Telegram's silence.
	held atomic.Int64
	// refused is set while Telegram answers getUpdates with an error (409
	// Conflict, 401...) rather than not at all; nil after an answer or a
	// call that got none.
	refused atomic.Pointer[pollRefusal]

	// A conflict goes on as long as the other poller runs: it is logged
	// once, then again at most every conflictLogEvery with its count.
	conflictLogged time.Time
	conflictsSince int
}

// pollRefusal is Telegram refusing getUpdates, since the first refusal of
// a run of them.
type pollRefusal struct {
	since time.Time
	err   *apiError
}

// conflictLogEvery is how often a conflict that goes on is logged again.
const conflictLogEvery = 10 * time.Minute

// Throttled tells whether the poller is waiting for the bot to catch up
// (Throttle) rather than for Telegram.
func (p *Poller) Throttled() bool { return p.throttled.Load() }

// LastSuccess is when getUpdates last answered; zero before the first
// answer. The health check uses it to notice a bot cut off from Telegram.
func (p *Poller) LastSuccess() time.Time {
	if n := p.lastOK.Load(); n != 0 {
		return time.Unix(0, n)
	}
	return time.Time{}
}

// Stalled says why the poller has had no answer from Telegram for longer
// than after, as the health check reports it; "" while it gets answers,
// while it is held back by a full backlog (it asks again once the bot has
// caught up), and during its first after. The time it was held back does
// not count: a getUpdates long poll just after a long wait is not silence.
func (p *Poller) Stalled(now time.Time, after time.Duration) string {
	started := p.started.Load()
	if started == 0 || p.Throttled() {
		return ""
	}
	last := p.LastSuccess()
	since := last
	if since.IsZero() {
		since = time.Unix(0, started)
	}
	if now.Sub(since)-time.Duration(p.held.Load()) <= after {
		return ""
	}
	if r := p.refused.Load(); r != nil {
		// Telegram answers, and says no: the network is not at fault.
		since := r.since.Format(time.RFC3339)
		switch {
		case r.err.Code == http.StatusConflict && strings.Contains(r.err.Description, "webhook"):
			return "Telegram refuses getUpdates (409 Conflict) since " + since + ": a webhook is set for this bot, by an instance in webhook mode (WEBHOOK_URL) or another deployment; stop it, or run this one in webhook mode too"
		case r.err.Code == http.StatusConflict:
			return "Telegram refuses getUpdates (409 Conflict) since " + since + ": another process polls with this bot's token; run only one instance in long-polling mode"
		case r.err.Code == http.StatusUnauthorized:
			return "Telegram refuses the bot's token (401 Unauthorized) since " + since + ": it was revoked or replaced at @BotFather; set TELEGRAM_BOT_TOKEN to the bot's current token"
		}
		return "Telegram refuses getUpdates since " + since + ": " + r.err.Error()
	}
	if last.IsZero() {
		return "no answer from Telegram since the start, " + time.Unix(0, p.started.Load()).Format(time.RFC3339)
	}
	return "no answer from Telegram since " + last.Format(time.RFC3339)
}

// Run polls until ctx ends, handing each batch to accept; a batch is
// confirmed (by asking for the next offset) only when accept returns nil.
func (p *Poller) Run(ctx context.Context, accept func(context.Context, []json.RawMessage) error) error {
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = 50 * time.Second
	}
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: timeout + 15*time.Second}
	}
	limit := p.Limit
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	log := p.Log
	if log == nil {
		log = slog.Default()
	}
	tokens := p.TokenWatch
	if tokens == nil {
		tokens = NewTokenWatch(log)
	}
	p.started.Store(time.Now().UnixNano())
	var offset int64
	pause := time.Second
	var failing failureRun // getUpdates failing, or what it got not stored
	for ctx.Err() == nil {
		if p.Throttle != nil {
			p.throttled.Store(true)
			waited := time.Now()
			err := p.Throttle(ctx)
			p.held.Add(int64(time.Since(waited)))
			p.throttled.Store(false)
			if err != nil {
				break
			}
		}
		ups, err := p.getUpdates(ctx, client, offset, limit, timeout)
		if e, ok := err.(*apiError); ok {
			since := time.Now()
			if r := p.refused.Load(); r != nil {
				since = r.since // the run of refusals goes on
			}
			p.refused.Store(&pollRefusal{since: since, err: e})
		} else {
			p.refused.Store(nil)
		}
		if err == nil {
			p.lastOK.Store(time.Now().UnixNano())
			p.held.Store(0)
			tokens.Accepted()
		}
		stored := false // got, and not stored
		if err == nil && len(ups) > 0 {
			err = accept(ctx, ups)
			stored = err != nil
		}
		if err == nil {
			failing.end(log)
		}
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			if p.Errors != nil {
				p.Errors.Inc()
			}
			if e, ok := err.(*apiError); ok && e.Code == http.StatusConflict {
				p.conflict(log, e)
			} else if ok && e.Code == http.StatusUnauthorized {
				tokens.Refused(ctx, "getUpdates", err)
			} else {
				failing.failed(log, stored, retryPause(pause, stored), err)
			}
			pause = retryPause(pause, stored)
			if sleep(ctx, pause) != nil {
				break
			}
			pause = nextPause(pause, stored)
			continue
		}
		pause = time.Second
		for _, raw := range ups {
			if id, ok := updateID(raw); ok && id >= offset {
				offset = id + 1
			}
		}
	}
	return nil
}

// maxStorePause is the longest pause before updates the database could not
// store are asked for again: a restart takes seconds, and the taps wait
// for the next try once it is back.
const maxStorePause = 5 * time.Second

// retryPause is the pause before the next getUpdates after one that
// failed, pause grown by the failures before; notStored: the database
// failed, whose wait is kept short even after a run of Telegram's.
func retryPause(pause time.Duration, notStored bool) time.Duration {
	if notStored {
		return min(pause, maxStorePause)
	}
	return pause
}

// nextPause is the pause after pause before the next getUpdates, after
// one that failed; notStored: it was the database that failed, not
// Telegram, which is given up to 30 s.
func nextPause(pause time.Duration, notStored bool) time.Duration {
	if notStored {
		return min(2*pause, maxStorePause)
	}
	return min(2*pause, 30*time.Second)
}

// failureRun is a run of getUpdates calls that failed — no answer from
// Telegram, an answer not understood, or updates the database could not
// store (they stay with Telegram, asked for again) — told apart from 409
// and 401, which say it their own way. Its first failure is said at once,
// then at most once a minute (lines) with how many there were; its end
// is said once.
type failureRun struct {
	since    time.Time
	failures int // in all
	lines    onceAMinute
}

func (f *failureRun) failed(log *slog.Logger, stored bool, pause time.Duration, err error) {
	if f.failures == 0 {
		f.since = time.Now()
	}
	f.failures++
	held, due := f.lines.due()
	if !due {
		return
	}
	msg := "getting updates failed, will retry"
	if stored {
		msg = "cannot store the updates Telegram sent (the database?); they stay with Telegram and are asked for again"
	}
	log.Warn(msg, "in", pause, "failures", held+1, "since", f.since.UTC().Format(time.RFC3339), "err", err)
}

func (f *failureRun) end(log *slog.Logger) {
	if f.failures == 0 {
		return
	}
	log.Info("getting updates works again", "failures", f.failures, "since", f.since.UTC().Format(time.RFC3339))
	f.since, f.failures, f.lines = time.Time{}, 0, onceAMinute{}
}

// conflict counts and, once in a while, logs a 409: Telegram serves one
// poller per bot, and none while a webhook is set. Two pollers take turns,
// each refused every other call, and both still get updates: said once,
// not every two seconds.
func (p *Poller) conflict(log *slog.Logger, e *apiError) {
	if p.Conflicts != nil {
		p.Conflicts.Inc()
	}
	p.conflictsSince++
	if !p.conflictLogged.IsZero() && time.Since(p.conflictLogged) < conflictLogEvery {
		return
	}
	msg := "another process polls Telegram with this bot's token (409 Conflict): run only one instance in long-polling mode, or set WEBHOOK_URL and WEBHOOK_SECRET on every replica"
	if strings.Contains(e.Description, "webhook") {
		msg = "a webhook is set for this bot, so Telegram refuses getUpdates (409 Conflict): another instance runs in webhook mode; stop it, or set WEBHOOK_URL and WEBHOOK_SECRET here too so that only one mode runs"
	}
	log.Error(msg, "conflicts", p.conflictsSince, "next_log_in", conflictLogEvery, "err", e)
	p.conflictLogged, p.conflictsSince = time.Now(), 0
}

// updateID reads the id of an update that is valid JSON (getUpdates'
// answer was decoded whole). Telegram writes the id first, so a glance
// usually finds it; anything else is decoded.
func updateID(raw json.RawMessage) (int64, bool) {
	if rest, ok := bytes.CutPrefix(raw, []byte(`{"update_id":`)); ok {
		end := bytes.IndexAny(rest, ",}")
		digits := rest[:max(end, 0)]
		if len(digits) > 0 && digits[0] != '0' && !slices.ContainsFunc(digits, func(b byte) bool { return b < '0' || b > '9' }) {
			if id, err := strconv.ParseInt(string(digits), 10, 64); err == nil {
				return id, true
			}
		}
	}
	var u struct {
		ID int64 `json:"update_id"`
	}
	if json.Unmarshal(raw, &u) != nil {
		return 0, false
	}
	return u.ID, true
}

// apiError is a Telegram error answer.
type apiError struct {
	Code        int    `json:"error_code"`
	Description string `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

func (e *apiError) Error() string { return fmt.Sprintf("telegram: %d %s", e.Code, e.Description) }

func (p *Poller) getUpdates(ctx context.Context, client *http.Client, offset int64, limit int, timeout time.Duration) ([]json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{
		"offset":          offset,
		"limit":           limit,
		"timeout":         int(timeout / time.Second),
		"allowed_updates": p.Allowed,
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.ServerURL+"/bot"+p.Token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("getUpdates: %w", redact(err, p.Token))
	}
	defer resp.Body.Close()
	var answer struct {
		OK     bool              `json:"ok"`
		Result []json.RawMessage `json:"result"` // copies: the body's buffer is lent
		apiError
	}
	var decodeErr error
	if err := readBody(io.LimitReader(resp.Body, 64<<20), func(data []byte) {
		decodeErr = json.Unmarshal(data, &answer)
	}); err != nil {
		return nil, fmt.Errorf("getUpdates: %w", err)
	}
	if decodeErr != nil {
		return nil, fmt.Errorf("getUpdates: HTTP %d: %w", resp.StatusCode, decodeErr)
	}
	if !answer.OK {
		e := answer.apiError
		if e.Parameters.RetryAfter > 0 {
			_ = sleep(ctx, time.Duration(e.Parameters.RetryAfter)*time.Second)
		}
		return nil, &e
	}
	return answer.Result, nil
}

// redact keeps the bot token out of logged URLs.
func redact(err error, token string) error {
	return fmt.Errorf("%s", bytes.ReplaceAll([]byte(err.Error()), []byte(token), []byte("***")))
}
