package bot

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	tg "github.com/go-telegram/bot"
	"golang.org/x/time/rate"
)

// Sender delivers replies within Telegram's limits: about 30 messages a
// second overall, about one a second per chat (short bursts tolerated) and
// 20 a minute per group. A 429 answer pauses every chat until retry_after
// has passed (Telegram's flood control is per bot); server and network
// errors are retried with backoff.
//
// Send blocks until the reply is delivered or given up, and the runtime
// calls it from the chat's job, so replies to one chat keep their order
// and a chat that must wait holds up nobody else. A reply Send gives up
// stays in the outbox (the runtime decides what happens to it).
type Sender struct {
	api *tg.Bot
	log *slog.Logger

	global      *rate.Limiter
	chatRate    rate.Limit
	chatBurst   int
	groupRate   rate.Limit
	groupBurst  int
	maxAttempts int           // for server and network errors
	maxWaits    int           // for 429 answers
	backoff     time.Duration // first wait after a server or network error

	mu          sync.Mutex
	chats       map[int64]*chatLimit
	lastPrune   time.Time
	pausedUntil time.Time // set by a 429 answer: nobody is written to before
	tooMany     interface{ Inc() }

	// A 401 (the token refused) fails every call alike: nothing is sent
	// until tokenUntil, a pause that doubles from a second up to
	// maxTokenPause while the refusals go on. token says so, for the
	// sender and the poller alike.
	tokenUntil time.Time
	tokenPause time.Duration // 0 once a call went through
	tokenErr   error         // the refusal, given back to the sends during the pause
	token      *TokenWatch
}

type chatLimit struct {
	limiter  *rate.Limiter
	group    *rate.Limiter // nil for private chats
	lastUsed time.Time
}

// SenderOption configures a Sender.
type SenderOption func(*Sender)

// WithGlobalRate sets the overall message rate; 0 lifts the limit (a local
// Bot API server, paid broadcasts, a benchmark). The default, 24/s with a
// burst of 4, puts at most 28 messages into any one-second window: under
// Telegram's 30, with a margin for network jitter.
func WithGlobalRate(perSecond float64, burst int) SenderOption {
	return func(s *Sender) { s.global = rate.NewLimiter(limit(perSecond), burst) }
}

// WithChatRate sets the per-chat message rate (default 1/s, burst 3); 0
// lifts the limit.
func WithChatRate(perSecond float64, burst int) SenderOption {
	return func(s *Sender) { s.chatRate, s.chatBurst = limit(perSecond), burst }
}

func limit(perSecond float64) rate.Limit {
	if perSecond <= 0 {
		return rate.Inf
	}
	return rate.Limit(perSecond)
}

// WithRetries sets how often a server or network error is retried and the
// first backoff, which doubles each time (default 8 attempts from 250ms).
func WithRetries(attempts int, backoff time.Duration) SenderOption {
	return func(s *Sender) { s.maxAttempts, s.backoff = attempts, backoff }
}

// WithSenderLogger sets the logger.
func WithSenderLogger(l *slog.Logger) SenderOption {
	return func(s *Sender) { s.log = l }
}

// NewSender returns a Sender that calls Telegram through api.
func NewSender(api *tg.Bot, opts ...SenderOption) *Sender {
	s := &Sender{
		api:         api,
		log:         slog.Default(),
		global:      rate.NewLimiter(24, 4),
		chatRate:    1,
		chatBurst:   3,
		groupRate:   rate.Every(3 * time.Second),
		groupBurst:  5,
		maxAttempts: 8,
		maxWaits:    20,
		backoff:     250 * time.Millisecond,
		chats:       map[int64]*chatLimit{},
	}
	for _, o := range opts {
		o(s)
	}
	s.token = NewTokenWatch(s.log)
	return s
}

// TokenWatch is where the sender says that Telegram refuses the bot's
// token; the Poller and the WebhookWatch say it there too.
func (s *Sender) TokenWatch() *TokenWatch { return s.token }

// Send delivers one reply, waiting as the limits require. It returns the
// last error when the reply was given up.
func (s *Sender) Send(ctx context.Context, r Reply) error {
	_, err := s.send(ctx, r, nil)
	return err
}

// errWithdrawn: the reply was taken back while it waited to be tried again.
var errWithdrawn = errors.New("reply withdrawn")

// send is Send; before each try after the first, wanted (when not nil)
// says whether the reply is still to be sent (Withdraw may have taken it
// back meanwhile): if not, it stops with errWithdrawn. sent is the id
// Telegram gave a Message that asked for it (Track), else 0.
func (s *Sender) send(ctx context.Context, r Reply, wanted func() bool) (int, error) {
	chat := s.chat(r.Chat())
	waits := 0
	for attempt, tries := 1, 0; ; tries++ {
		if tries > 0 && wanted != nil && !wanted() {
			return 0, errWithdrawn
		}
		if err := s.wait(ctx, chat, r.isMessage()); err != nil {
			return 0, s.giveUp(ctx, r, attempt, waiting{err})
		}
		if err := s.tokenRefused(); err != nil {
			return 0, err // said when the pause began; the reply waits in the outbox
		}
		var err error
		sent := 0
		if m, ok := unwrapMessage(r); ok && m.Track != "" {
			sent, err = m.send(ctx, s.api)
		} else {
			err = r.do(ctx, s.api)
		}
		if err == nil || isNotModified(err) {
			s.tokenAccepted()
			return sent, nil
		}
		var tooMany *tg.TooManyRequestsError
		switch {
		case errors.As(err, &tooMany):
			waits++
			if waits > s.maxWaits {
				return 0, s.giveUp(ctx, r, attempt, err)
			}
			pause := time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
			s.mu.Lock()
			if until := time.Now().Add(pause); until.After(s.pausedUntil) {
				s.pausedUntil = until
			}
			s.mu.Unlock()
			if s.tooMany != nil {
				s.tooMany.Inc()
			}
			s.log.Warn("telegram asked to slow down; every chat waits", "chat", r.Chat(), "method", describe(r), "retry_after", tooMany.RetryAfter)
		case unauthorized(err):
			s.refuseToken(ctx, r, err)
			return 0, err
		case isPermanent(err):
			return 0, err // no retry fixes it; the caller says what it means
		default:
			if attempt >= s.maxAttempts || ctx.Err() != nil {
				return 0, s.giveUp(ctx, r, attempt, err)
			}
			delay := s.backoff << (attempt - 1)
			s.log.Warn("sending failed, will retry", "chat", r.Chat(), "method", describe(r), "attempt", attempt, "in", delay, "err", err)
			attempt++
			if sleep(ctx, delay) != nil {
				return 0, s.giveUp(ctx, r, attempt, err) // Telegram's error, not the cut sleep's
			}
		}
	}
}

// unwrapMessage is r as a Message, if it is one (About or not).
func unwrapMessage(r Reply) (Message, bool) {
	r, _ = unwrap(r)
	m, ok := r.(Message)
	return m, ok
}

// waiting is an error of the sender's own waiting (the rate limits, a 429
// pause) running out of time: no failure of the reply itself.
type waiting struct{ err error }

func (w waiting) Error() string { return "waiting to send: " + w.err.Error() }
func (w waiting) Unwrap() error { return w.err }

// ownWait says whether err is the sender running out of time waiting on its
// own limits, not Telegram or the network failing the reply.
func ownWait(err error) bool { return errors.As(err, new(waiting)) }

func (s *Sender) giveUp(ctx context.Context, r Reply, attempts int, err error) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return err // the caller stops (a shutdown): the reply waits in the outbox, nothing to say
	}
	s.log.Warn("gave up sending for now", "chat", r.Chat(), "method", describe(r), "attempts", attempts, "err", err)
	return err
}

// paused tells whether a 429 answer, or a refused token, has the bot
// waiting now.
func (s *Sender) paused() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	return now.Before(s.pausedUntil) || now.Before(s.tokenUntil)
}

// maxTokenPause is the longest the sender waits between two tries of a
// refused token, as the Poller between two getUpdates.
const maxTokenPause = 30 * time.Second

// refuseToken begins a pause for a refused token, unless one runs, and
// tells the token's watch, which says it once for all the replies (and
// getUpdates).
func (s *Sender) refuseToken(ctx context.Context, r Reply, err error) {
	s.mu.Lock()
	if now := time.Now(); !now.Before(s.tokenUntil) {
		s.tokenPause = min(max(2*s.tokenPause, time.Second), maxTokenPause)
		s.tokenUntil, s.tokenErr = now.Add(s.tokenPause), err
	}
	s.mu.Unlock()
	s.token.Refused(ctx, describe(r), err)
}

// tokenRefused is the refusal of the token while its pause runs, nil
// otherwise.
func (s *Sender) tokenRefused() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Now().Before(s.tokenUntil) {
		return s.tokenErr
	}
	return nil
}

// tokenAccepted ends the doubling of the token's pauses: a call went
// through.
func (s *Sender) tokenAccepted() {
	s.mu.Lock()
	s.tokenPause = 0
	s.mu.Unlock()
	s.token.Accepted()
}

// wait blocks until the chat may be written to again: the limits, then no
// 429 pause (checked last, as one may begin while the limits are waited on).
func (s *Sender) wait(ctx context.Context, c *chatLimit, message bool) error {
	if message {
		if err := c.limiter.Wait(ctx); err != nil {
			return err
		}
		if c.group != nil {
			if err := c.group.Wait(ctx); err != nil {
				return err
			}
		}
		if err := s.global.Wait(ctx); err != nil {
			return err
		}
	}
	for {
		s.mu.Lock()
		d := time.Until(s.pausedUntil)
		s.mu.Unlock()
		if d <= 0 {
			return nil
		}
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}

// chat returns the limits of one chat, forgetting chats idle for a while so
// the map does not grow with every chat the bot ever saw.
func (s *Sender) chat(id int64) *chatLimit {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if now.Sub(s.lastPrune) > time.Minute {
		for k, c := range s.chats {
			if now.Sub(c.lastUsed) > time.Minute {
				delete(s.chats, k)
			}
		}
		s.lastPrune = now
	}
	c, ok := s.chats[id]
	if !ok {
		c = &chatLimit{limiter: rate.NewLimiter(s.chatRate, s.chatBurst)}
		if id < 0 { // groups and channels have negative ids
			c.group = rate.NewLimiter(s.groupRate, s.groupBurst)
		}
		s.chats[id] = c
	}
	c.lastUsed = now
	return c
}

// isPermanent tells errors that no retry will fix: a malformed request, a
// user who blocked the bot, a file over Telegram's limits (413, which
// go-telegram/bot reports only by its text). Not 401 Unauthorized: the
// token was revoked, which says nothing of the reply, and the same bot
// sends it once it runs with its new token (unauthorized).
func isPermanent(err error) bool {
	return errors.Is(err, tg.ErrorBadRequest) || errors.Is(err, tg.ErrorForbidden) ||
		errors.Is(err, tg.ErrorNotFound) || errors.Is(err, errNotDrawn) ||
		errors.Is(err, tg.ErrorConflict) || errors.As(err, new(*tg.MigrateError)) ||
		strings.Contains(err.Error(), "Request Entity Too Large")
}

// unauthorized tells Telegram refusing the bot's token (401): revoked at
// @BotFather, or another's. Every call fails alike until the bot runs with
// the right one; replies wait in the outbox meanwhile.
func unauthorized(err error) bool { return errors.Is(err, tg.ErrorUnauthorized) }

// isNotModified is Telegram's answer to an edit that changes nothing, e.g.
// after a double tap: the message already shows what we wanted.
func isNotModified(err error) bool {
	return errors.Is(err, tg.ErrorBadRequest) && strings.Contains(err.Error(), "message is not modified")
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// callTimeout bounds one call to the Bot API: a reply that hangs is tried
// again (or given back to the outbox) instead of holding its chat for the
// client library's default of a minute.
const callTimeout = 15 * time.Second

// NewHTTPClient is the HTTP client for Bot API calls other than
// getUpdates (the Poller has its own, with a long-poll timeout). It keeps
// an idle connection to Telegram for every worker that may be sending: Go's
// default keeps two, and closed the others after each call, to dial (and
// handshake TLS with Telegram) again for the next.
func NewHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = idleConns
	return &http.Client{Timeout: callTimeout, Transport: wholeBodies{t}}
}

// idleConns is how many idle connections to Telegram the client keeps:
// the runtime's default workers, and as many again for the outbox's sweep
// and a second replica's worth of headroom.
const idleConns = 64

// wholeBodyMax is the largest request body wholeBodies reads before it
// sends: a message, an edit, a slip; a spreadsheet goes as it comes.
const wholeBodyMax = 256 << 10

// wholeBodies sends a request's body in one piece, with its length.
// go-telegram/bot writes each call's multipart form into an io.Pipe, which
// net/http sends chunked and flushes chunk by chunk: a dozen small writes
// to the socket for one message, each a system call and a packet.
type wholeBodies struct{ next http.RoundTripper }

func (w wholeBodies) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength > 0 {
		return w.next.RoundTrip(r)
	}
	var b []byte
	err := readBody(io.LimitReader(r.Body, wholeBodyMax+1), func(p []byte) {
		b = bytes.Clone(p) // the request may still be sent after RoundTrip returns
	})
	if err != nil {
		r.Body.Close()
		return nil, err
	}
	whole := r.Clone(r.Context()) // a RoundTripper leaves the caller's request as it was
	if len(b) <= wholeBodyMax {
		r.Body.Close()
		whole.Body, whole.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
	} else {
		whole.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(b), r.Body), r.Body}
	}
	return w.next.RoundTrip(whole)
}

// bodies lends the buffers HTTP bodies are read into: io.ReadAll grows a
// new slice from 512 bytes for each, about three times the body in garbage.
var bodies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// pooledBodyMax is the largest buffer bodies keeps. Messages, edits and
// their answers fit; a slip's upload or a getUpdates of many updates grows
// one of its own, left to the garbage collector: kept, those buffers (up
// to a mebibyte each) were 4–5 MiB of the bot's peak RSS at 1,000 chats
// under the bench (88–89 MiB against 92–94, three pairs).
const pooledBodyMax = 64 << 10

// readBody reads r into a lent buffer and hands its bytes to use, which
// must not keep them.
func readBody(r io.Reader, use func([]byte)) error {
	buf := bodies.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= pooledBodyMax {
			bodies.Put(buf)
		}
	}()
	if _, err := buf.ReadFrom(r); err != nil {
		return err
	}
	use(buf.Bytes())
	return nil
}
