// Package web serves the resident's follow-up page, GET /f/<token>: the
// procedure, the dossier code, the expected date, how to track the result,
// a rating form, a "result received" button (which asks first: GET
// /f/<token>/received; only its answer records), one that reports a problem
// (while the result is awaited), and a way to erase the
// follow-up (GET /f/<token>/forget asks, POST erases; the page then
// answers as a purged one). Many residents are elderly
// and do not use Telegram, so the page works in any phone browser: one
// request, no JavaScript, no third-party assets (the stylesheet is inline,
// allowed by its hash in the Content-Security-Policy), Vietnamese unless the
// browser or ?lang=en asks for English.
//
// The token in the path is the only key to a follow-up: it is never logged
// in full, a wrong one gets the same "link expired" page as a purged one
// (one of no token's length, surely mistyped, a "link not valid" page),
// and an address that tries many wrong ones is refused for a while (429).
package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/time/rate"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
	"github.com/prometheus/client_golang/prometheus"
)

// MaxComment is the longest comment a rating may carry, in characters
// (what storage keeps).
const MaxComment = storage.MaxComment

// *storage.Storage is the Store.
var _ Store = (*storage.Storage)(nil)

// The follow-up as the page reads it, and its statuses, are storage's.
type FollowupPage = storage.FollowupPage

const (
	FollowupWaiting  = storage.FollowupWaiting
	FollowupReceived = storage.FollowupReceived
	FollowupProblem  = storage.FollowupProblem
	FollowupEnded    = storage.FollowupEnded
)

// maxForm bounds a POST body: a rating and a 300-character comment need far
// less.
const maxForm = 8 << 10

// dbTimeout bounds every storage call a request makes.
const dbTimeout = 10 * time.Second

// Store is what the page needs of storage; *storage.Storage has it.
type Store interface {
	// FollowupByToken returns the follow-up the token opens;
	// storage.ErrNotFound when it is unknown or purged.
	FollowupByToken(ctx context.Context, token string) (FollowupPage, error)
	// RateFollowup keeps a rating 1–5 and a checked comment ("" clears
	// the one kept).
	RateFollowup(ctx context.Context, token string, rating int, comment string, at time.Time) error
	// RateFollowupKeepComment keeps a rating 1–5, the comment kept
	// staying as it is.
	RateFollowupKeepComment(ctx context.Context, token string, rating int, at time.Time) error
	// FollowupReceived records that the resident says the result came.
	FollowupReceived(ctx context.Context, token string, at time.Time) error
	// FollowupProblem records that the resident reports a problem with the
	// dossier, and has the volunteer and coordinators told (once); it says
	// where the follow-up stands after it.
	FollowupProblem(ctx context.Context, token string, at time.Time) (string, error)
	// ForgetFollowup deletes the follow-up at once, its case marked so
	// that none is made again; storage.ErrNotFound when it is gone
	// already.
	ForgetFollowup(ctx context.Context, token string) error
}

//go:embed templates/*.html templates/style.css
var files embed.FS

var tokenShape = regexp.MustCompile(`^[A-Za-z0-9_-]{16,64}$`)

// possibleToken says whether s may be a follow-up's token: of its shape
// and of a token's length (storage.TokenLength). A token that is not has
// lost or gained characters as it was typed or copied: no follow-up has it.
func possibleToken(s string) bool { return tokenShape.MatchString(s) && storage.TokenLength(len(s)) }

// Handler serves /f/… . Mount it on a mux under "/f/".
type Handler struct {
	store   Store
	guides  *guides.Catalog
	texts   *locales.Catalog
	log     *slog.Logger
	now     func() time.Time
	formKey []byte
	proxies []netip.Prefix
	limiter *limiter
	// overLimit is the budget of lookups of addresses over their limit.
	overLimit *rate.Limiter
	answers   *prometheus.CounterVec
	origin    *http.CrossOriginProtection
	mux       *http.ServeMux
	tmpl      *template.Template
	// telegram is the bot's deep link of a token (WithTelegramLink), or nil.
	telegram func(token string) string
	css      template.CSS
	csp      string
}

// Option configures a Handler.
type Option func(*Handler)

// WithLogger sets where failures are logged (never a full token).
func WithLogger(log *slog.Logger) Option { return func(h *Handler) { h.log = log } }

// WithClock sets the clock that stamps ratings and receipts and runs the
// wrong-token limit.
func WithClock(now func() time.Time) Option { return func(h *Handler) { h.now = now } }

// WithFormKey sets the key of the forms' hidden tokens: a secret every
// replica shares and a restart keeps (else a page opened before cannot be
// sent after). serve passes the bot's token, which HMAC keeps secret.
// Without it the key is random per process.
func WithFormKey(key []byte) Option {
	return func(h *Handler) { h.formKey = slices.Clone(key) }
}

// WithTrustedProxies names the reverse proxies whose X-Forwarded-For is
// believed. Without it the client is the connection's address (RemoteAddr),
// and X-Forwarded-For is ignored, since anyone can send it. Behind a proxy
// every resident would then share the proxy's address, and one wrong-token
// limit: name the proxy.
func WithTrustedProxies(nets ...netip.Prefix) Option {
	return func(h *Handler) { h.proxies = append(h.proxies, nets...) }
}

// WithWrongTokenLimit sets how many wrong tokens an address may try within
// window before it gets 429 (default 20 in 10 minutes) and how many
// addresses are remembered (default 10,000; see limiter).
func WithWrongTokenLimit(n int, window time.Duration, addresses int) Option {
	return func(h *Handler) { h.limiter = newLimiter(n, window, addresses) }
}

// WithOverLimitLookups sets the budget of link lookups shared by all
// addresses over their wrong-token limit: a rate per second and a burst
// (default 50 a second, 50 at once: an indexed read each, nothing for the
// database; a scanner slower than that never keeps a resident out). Past
// it such an address gets 429 for any link; under it a right link is
// served and a wrong one gets 429.
func WithOverLimitLookups(perSecond float64, burst int) Option {
	return func(h *Handler) { h.overLimit = rate.NewLimiter(rate.Limit(perSecond), burst) }
}

// WithTelegramLink sets the bot's deep link of a token
// (https://t.me/<bot>?start=<token>): a follow-up nobody opened in
// Telegram yet offers its reminders there (the slip's QR code opens this
// page).
func WithTelegramLink(link func(token string) string) Option {
	return func(h *Handler) { h.telegram = link }
}

// WithTrustedOrigin lets forms be posted from another origin, e.g. the
// public URL when a proxy rewrites the Host header (browsers that send no
// Sec-Fetch-Site are then judged by Origin against Host).
func WithTrustedOrigin(origin string) Option {
	return func(h *Handler) {
		if err := h.origin.AddTrustedOrigin(origin); err != nil {
			h.log.Error("web: trusted origin refused", "origin", origin, "err", err)
		}
	}
}

// New returns the page's handler over a store, the guide catalog (for the
// procedure's title and how to track its result) and the texts.
func New(store Store, catalog *guides.Catalog, texts *locales.Catalog, opts ...Option) *Handler {
	h := &Handler{
		store: store, guides: catalog, texts: texts,
		log:       slog.New(slog.DiscardHandler),
		now:       time.Now,
		limiter:   newLimiter(20, 10*time.Minute, 10000),
		overLimit: rate.NewLimiter(50, 50),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dvcbot_web_answers_total",
			Help: "Answers of the residents' follow-up page, by HTTP status code.",
		}, []string{"code"}),
		origin: http.NewCrossOriginProtection(),
	}
	for _, o := range opts {
		o(h)
	}
	if len(h.formKey) == 0 {
		h.formKey = make([]byte, 32)
		rand.Read(h.formKey)
	}
	css, err := files.ReadFile("templates/style.css")
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	sum := sha256.Sum256(css)
	h.css = template.CSS(css)
	h.csp = "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
		"img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
	h.tmpl = template.Must(template.ParseFS(files, "templates/*.html"))

	h.mux = http.NewServeMux()
	h.mux.HandleFunc("GET /f/{token}", h.show)
	h.mux.HandleFunc("POST /f/{token}/rate", h.rate)
	h.mux.HandleFunc("GET /f/{token}/received", h.receivedAsk)
	h.mux.HandleFunc("POST /f/{token}/received", h.received)
	h.mux.HandleFunc("GET /f/{token}/problem", h.problemAsk)
	h.mux.HandleFunc("POST /f/{token}/problem", h.problem)
	h.mux.HandleFunc("GET /f/{token}/forget", h.forgetAsk)
	h.mux.HandleFunc("POST /f/{token}/forget", h.forget)
	h.mux.HandleFunc("GET /f/"+forgottenPage, h.forgotten)
	// The address a form answered on (after a refused comment) opened again,
	// or the page's with a trailing slash: the page itself.
	h.mux.HandleFunc("GET /f/{token}/{action}", h.toPage)
	h.mux.HandleFunc("GET /f/{token}/{$}", h.toPage)
	h.mux.HandleFunc("/f/", h.unknownPath)
	return h
}

// ServeHTTP sets the security headers every answer carries, then serves.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", h.csp)
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Cache-Control", "no-store")
	sw := &statusWriter{ResponseWriter: w}
	defer func() { // after recoverPanic: its 500 is counted too
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		h.answers.WithLabelValues(strconv.Itoa(sw.code)).Inc()
	}()
	defer h.recoverPanic(sw, r)
	h.mux.ServeHTTP(sw, r)
}

// recoverPanic answers a panic while serving (a bug) with the error page,
// logged as the page's other failures are. Left to net/http, the resident
// would get no answer at all, and the log their address ("http: panic
// serving 203.0.113.7:51234"), which no log line carries (docs/privacy.md).
func (h *Handler) recoverPanic(w *statusWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler { // an answer cut short on purpose: net/http logs nothing
		panic(v)
	}
	link, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/f/"), "/")
	h.log.Error("web: follow-up page panicked", "link", redact(link), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	if w.code != 0 {
		return // the answer has begun: it ends short
	}
	q := &request{w: w, r: r, t: h.texts.For(pageLanguage(r))}
	h.message(q, http.StatusInternalServerError, "web.error_title", "web.error_text", nil)
}

// Collector is the page's metric for /metrics: dvcbot_web_answers_total by
// status code (200 pages, 303 forms taken, 404 wrong links, 429 addresses
// over their limit, 403 forms refused, 500 the database failing).
func (h *Handler) Collector() prometheus.Collector { return h.answers }

// statusWriter notes the status code of an answer.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// request is what every route works out first.
type request struct {
	w      http.ResponseWriter
	r      *http.Request
	t      *locales.Localizer
	client string // the limiter's key for the client's address
	token  string
}

func (h *Handler) begin(w http.ResponseWriter, r *http.Request) *request {
	return &request{w: w, r: r, t: h.texts.For(pageLanguage(r)), client: h.clientKey(r), token: r.PathValue("token")}
}

// open finds the follow-up of the request's token, or answers: 404 for a
// wrong or purged token; 429 for a wrong one while the address is over its
// wrong-token limit. A right token is served from such an address too: a
// carrier's address (CGNAT) is shared by thousands of phones, and a scanner
// among them must not lock out the residents behind it (guessing 96 random
// bits is hopeless anyway). What the limit keeps from the database is the
// scanner's volume: the lookups of all addresses over their limit share one
// budget (WithOverLimitLookups), past which they are answered 429 unread.
func (h *Handler) open(q *request) (FollowupPage, bool) {
	wait := h.limiter.wait(q.client, h.now())
	if !possibleToken(q.token) || wait > 0 && !h.overLimit.Allow() {
		h.wrongToken(q, wait)
		return FollowupPage{}, false
	}
	ctx, cancel := context.WithTimeout(q.r.Context(), dbTimeout)
	defer cancel()
	p, err := h.store.FollowupByToken(ctx, q.token)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		h.wrongToken(q, wait)
		return FollowupPage{}, false
	case err != nil:
		h.failed(q, "read", err)
		return FollowupPage{}, false
	}
	q.token = p.Token // a link typed loosely (storage.FollowupByToken) acts on the token's own
	return p, true
}

// toPage sends GET /f/<token>/<anything> to the page of the token, which
// is checked there: not a wrong link by itself.
func (h *Handler) toPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Location", pageLink(r, r.PathValue("token"))+"?"+url.Values{"lang": {pageLanguage(r)}}.Encode())
	w.WriteHeader(http.StatusSeeOther)
}

func (h *Handler) unknownPath(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	q := h.begin(w, r)
	h.wrongToken(q, h.limiter.wait(q.client, h.now()))
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	if t := linkTokenPart(q.token); t != q.token && tokenShape.MatchString(t) {
		// A link copied with the punctuation after it ("…/f/<token>." at
		// the end of a sentence, "(…/f/<token>)"): the page is the token's.
		// Nothing is read: a wrong token is still found wrong there.
		w.Header().Set("Location", pageLink(r, t)+"?"+url.Values{"lang": {pageLanguage(r)}}.Encode())
		w.WriteHeader(http.StatusSeeOther)
		return
	}
	typed := q.token
	p, ok := h.open(q)
	if !ok {
		return
	}
	if p.Token != typed {
		// Typed off the slip (storage: a letter's case, l or I for 1, O
		// for 0): the page is the token's own, whose forms name it.
		w.Header().Set("Location", pageLink(r, p.Token)+"?"+url.Values{"lang": {pageLanguage(r)}}.Encode())
		w.WriteHeader(http.StatusSeeOther)
		return
	}
	v := h.pageView(q, p)
	// The notice of the form just sent (back: ?done=…), while what it
	// says still holds: the address stays in the tab, which a phone
	// reopens days later, and may be copied; a notice that nothing
	// recorded, or that the status below now contradicts, is left out.
	switch done := r.URL.Query().Get("done"); {
	case done == "rated" && p.Rating > 0:
		v.Notice = q.t.T("web.rated_done")
	case done == "rated_symbols" && p.Rating > 0:
		// The box held only emoji or punctuation: the rating is kept, not
		// that as the comment; one sent before stays, in the box below.
		v.Notice = q.t.T("web.rated_symbols")
		if p.Comment != "" {
			v.Notice = q.t.T("web.rated_symbols_kept")
		}
	case done == "received" && p.Status == FollowupReceived:
		v.Notice = q.t.T("web.received_done")
	case done == "problem" && p.Status == FollowupProblem:
		v.Notice = q.t.T("web.problem_done")
	case done == "problem_not_sent" && p.Status == FollowupReceived: // storage.Problem refuses only that
		v.Notice, v.NotTaken = q.t.T("web.problem_not_sent"), true
	}
	h.render(q, http.StatusOK, "page", v)
}

// rate keeps a rating. Rating again replaces the last one (RateFollowup
// keeps the last): a resident who tapped the wrong star can put it right.
// A comment that is too long or holds personal data is refused, and the
// page comes back with the stars and the text as they were typed, so only
// the comment needs changing. The box shows the comment kept: sent empty,
// it clears that; sent with only emoji or punctuation ("👍", "❤️", "…"),
// it keeps it, as Telegram does — such a text is no comment to keep, and
// no reason to erase the one kept —, and the page says so.
func (h *Handler) rate(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	if !h.checkPost(q, h.formToken) {
		return
	}
	p, ok := h.open(q)
	if !ok {
		return
	}
	rating, err := strconv.Atoi(r.PostFormValue("rating"))
	// A NUL or bytes that are not UTF-8 (no browser sends them) are
	// dropped, as the bot drops a NUL: PostgreSQL would refuse the text.
	comment := strings.ToValidUTF8(strings.ReplaceAll(r.PostFormValue("comment"), "\x00", ""), "")
	// A browser posts a line break as CR LF, and its box counts it as one
	// character (maxlength): kept as one, a comment the box let through
	// is not refused as too long.
	comment = strings.ReplaceAll(strings.ReplaceAll(comment, "\r\n", "\n"), "\r", "\n")
	comment = strings.TrimSpace(norm.NFC.String(comment))
	v := h.pageView(q, p)
	v.Form = form{Rating: rating, Comment: comment}
	if err != nil || rating < 1 || rating > 5 {
		v.Form.Rating = 0
		v.Form.Error, v.Form.Field = q.t.T("web.rating_missing"), "rating"
		h.render(q, http.StatusUnprocessableEntity, "page", v)
		return
	}
	symbols := false // only emoji or punctuation: the comment kept stays
	switch problem := commentProblem(comment); problem {
	case "":
	case "blank":
		symbols = comment != ""
	default:
		v.Form.Error, v.Form.Field = q.t.T("web.comment_"+problem, locales.Data{"Max": MaxComment}), "comment"
		h.render(q, http.StatusUnprocessableEntity, "page", v)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	done := "rated"
	if symbols {
		done, err = "rated_symbols", h.store.RateFollowupKeepComment(ctx, q.token, rating, h.now())
	} else {
		err = h.store.RateFollowup(ctx, q.token, rating, comment, h.now())
	}
	if errors.Is(err, storage.ErrNotFound) {
		h.wrongToken(q, 0) // purged between the read and the write
		return
	} else if err != nil {
		h.failed(q, "rate", err)
		return
	}
	h.back(q, done)
}

// receivedAsk is the question the page's "received" button opens (GET
// /f/<token>/received): which dossier, and that confirming stops the
// reminders and the problem report; its button posts the receipt, its
// link goes back with nothing changed. A resident who mis-taps (the
// problem button is just below) loses neither: an undo would need the
// follow-up's state before, which nothing keeps. A follow-up whose result
// is recorded already has nothing to ask: the page is shown.
func (h *Handler) receivedAsk(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	p, ok := h.open(q)
	if !ok {
		return
	}
	h.askReceived(q, p)
}

// askReceived draws the question before "received" is recorded, whose
// button alone carries the token a receipt needs (receivedToken).
func (h *Handler) askReceived(q *request, p FollowupPage) {
	v := h.pageView(q, p)
	h.ask(q, v, v.CanReceive, "received", h.receivedToken)
}

// ask draws the question name ("received", "problem": its template and its
// path under the page) when the follow-up can still answer it, else the
// page; token is the hidden token its button alone carries.
func (h *Handler) ask(q *request, v *view, can bool, name string, token func(string) string) {
	if !can {
		h.back(q, "")
		return
	}
	v.OtherURL = name + "?" + url.Values{"lang": {v.Other}}.Encode() // this question, in the other language
	v.BackURL = pageLink(q.r, q.token) + "?" + url.Values{"lang": {q.t.Lang()}}.Encode()
	v.FormToken = token(q.token)
	h.render(q, http.StatusOK, name, v)
}

// received records the resident's word that the result came, posted from
// the question (receivedAsk). Pressing it twice changes nothing more. A
// page drawn before the question existed (a tab a phone kept for days)
// posts its one-tap button with the page's own token: that post is
// answered with the question, and records nothing.
func (h *Handler) received(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	which, ok := h.checkForm(q, h.receivedToken, h.formToken)
	if !ok {
		return
	}
	p, ok := h.open(q)
	if !ok {
		return
	}
	if which == 1 {
		h.askReceived(q, p)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	if err := h.store.FollowupReceived(ctx, q.token, h.now()); errors.Is(err, storage.ErrNotFound) {
		h.wrongToken(q, 0)
		return
	} else if err != nil {
		h.failed(q, "received", err)
		return
	}
	h.back(q, "received")
}

// problemAsk is the question the page's problem button opens (GET
// /f/<token>/problem): which dossier, whom it tells, and that the
// reminders stop; its button posts the report, its link goes back with
// nothing told. As "⚠ Có vướng mắc" asks first in Telegram: a mis-tap
// beside "received" would alarm the volunteer and the coordinators and
// stop the reminders — until review 33 the page's button told them at
// once. A follow-up that can report no problem (its result received, or
// one reported) has nothing to ask: the page is shown.
func (h *Handler) problemAsk(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	p, ok := h.open(q)
	if !ok {
		return
	}
	h.askProblem(q, p)
}

// askProblem draws the question before a problem is told, whose button
// alone carries the token a report needs (problemToken).
func (h *Handler) askProblem(q *request, p FollowupPage) {
	v := h.pageView(q, p)
	h.ask(q, v, v.CanProblem, "problem", h.problemToken)
}

// problem records the resident's word that something is wrong with the
// dossier (sent back for more papers, refused, long overdue), as a
// reminder's "⚠ Có vướng mắc" does in Telegram: the volunteer who helped and
// the coordinators are told (storage.WhenProblem). Only while the result is
// awaited, or after the reminders ended without it; pressing it twice
// changes nothing more. Posted from the question (problemAsk); a page
// drawn before the question existed (a tab a phone kept) posts its
// one-tap button with the page's own token: answered with the question,
// telling nobody.
func (h *Handler) problem(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	which, ok := h.checkForm(q, h.problemToken, h.formToken)
	if !ok {
		return
	}
	p, ok := h.open(q)
	if !ok {
		return
	}
	if which == 1 && h.pageView(q, p).CanProblem {
		h.askProblem(q, p)
		return
	}
	// Else as before: a page drawn before the result was noted reports
	// nothing (problem_not_sent), one reported already says it is.
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	status, err := h.store.FollowupProblem(ctx, q.token, h.now())
	switch {
	case errors.Is(err, storage.ErrNotFound):
		h.wrongToken(q, 0)
	case err != nil:
		h.failed(q, "problem", err)
	case status != FollowupProblem:
		// A page drawn before the result was said to have come (or it was
		// said a moment ago, in Telegram): nothing was reported, and the
		// page says so, where things stand and where to get help.
		h.back(q, "problem_not_sent")
	default:
		h.back(q, "problem")
	}
}

// forgetAsk is the confirmation before erasing (GET /f/<token>/forget,
// the page's link): what goes, what stays, the code to note down first,
// and the button that posts the erase. A tap on the page's link by mistake
// erases nothing.
func (h *Handler) forgetAsk(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	p, ok := h.open(q)
	if !ok {
		return
	}
	v := h.pageView(q, p)
	v.OtherURL = "forget?" + url.Values{"lang": {v.Other}}.Encode() // this question, in the other language
	v.ForgetAction = pageLink(r, q.token) + "/forget"
	v.BackURL = pageLink(r, q.token) + "?" + url.Values{"lang": {q.t.Lang()}}.Encode()
	v.FormToken = h.forgetToken(q.token)
	h.render(q, http.StatusOK, "forget", v)
}

// forget erases the follow-up (POST /f/<token>/forget, from the
// confirmation) and sends the browser to a page that says so. The link
// then answers as a purged one. A second post (a double tap, the back
// button and a resubmit) finds it gone and says the same: its hidden token
// shows it came from the confirmation, so it is no guess and no wrong
// token is counted; nor is the address's wrong-token limit asked.
func (h *Handler) forget(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	if !h.checkPost(q, h.forgetToken) {
		return
	}
	if !tokenShape.MatchString(q.token) { // cannot pass checkPost: no page was drawn for it
		h.wrongToken(q, 0)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	if err := h.store.ForgetFollowup(ctx, q.token); err != nil && !errors.Is(err, storage.ErrNotFound) {
		h.failed(q, "forget", err)
		return
	}
	q.w.Header().Set("Location", "../"+forgottenPage+"?"+url.Values{"lang": {q.t.Lang()}}.Encode())
	q.w.WriteHeader(http.StatusSeeOther)
}

// linkTokenPart is a path's token up to the first character no token
// holds.
func linkTokenPart(s string) string {
	if i := strings.IndexFunc(s, func(c rune) bool {
		return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-')
	}); i >= 0 {
		return s[:i]
	}
	return s
}

// forgottenPage is where an erase leads, /f/forgotten: no token in it (the
// link is gone), and not a token's shape (tokenShape), so no link is read
// as it.
const forgottenPage = "forgotten"

// forgotten says the follow-up is erased and what stays: the case's
// anonymous numbers.
func (h *Handler) forgotten(w http.ResponseWriter, r *http.Request) {
	q := h.begin(w, r)
	v := h.baseView(q)
	v.Title, v.Text, v.Note = q.t.T("web.forgotten_title"), q.t.T("web.forgotten_text"), q.t.T("web.forgotten_kept")
	h.render(q, http.StatusOK, "message", v)
}

// checkPost refuses a form that did not come from the page, with 403; want
// makes the hidden token the form must carry (formToken, forgetToken).
//
// Two guards. net/http's CrossOriginProtection refuses a POST a browser
// marks as cross-site (Sec-Fetch-Site, sent by every browser since 2023; or
// an Origin that is not this host). Older browsers send neither, so each
// form also carries a hidden token, an HMAC of the follow-up token under a
// server key: a page elsewhere cannot compute it. (Forging a post needs the
// follow-up token anyway, which is secret; the hidden token makes sure a
// token that leaked without its page, e.g. read off a slip, is not enough.)
func (h *Handler) checkPost(q *request, want func(token string) string) bool {
	_, ok := h.checkForm(q, want)
	return ok
}

// checkForm is checkPost for a form that may carry one of several hidden
// tokens: it says which of wants the form's is.
func (h *Handler) checkForm(q *request, wants ...func(token string) string) (int, bool) {
	if err := h.origin.Check(q.r); err != nil {
		h.refused(q, http.StatusForbidden)
		return 0, false
	}
	q.r.Body = http.MaxBytesReader(q.w, q.r.Body, maxForm)
	if err := q.r.ParseForm(); err != nil {
		h.refused(q, http.StatusBadRequest)
		return 0, false
	}
	// The form's language wins over the browser's: it is the page's.
	if l := q.r.PostFormValue("lang"); slices.Contains(locales.Languages, l) {
		q.t = h.texts.For(l)
	}
	got := q.r.PostFormValue("form")
	for i, want := range wants {
		if hmac.Equal([]byte(got), []byte(want(q.token))) {
			return i, true
		}
	}
	if wait := h.limiter.wait(q.client, h.now()); wait > 0 {
		h.tooMany(q, wait)
		return 0, false
	}
	h.limiter.wrong(q.client, h.now())
	h.refused(q, http.StatusForbidden)
	return 0, false
}

// refused answers a form checkPost refuses: it says so, with a button
// back to the page (the token is the address's own), whose forms then
// pass — a resident who came by the slip's QR code has no link at hand
// to open it again by.
func (h *Handler) refused(q *request, status int) {
	v := h.baseView(q)
	v.Title, v.Text = q.t.T("web.forbidden_title"), q.t.T("web.forbidden_text")
	if tokenShape.MatchString(q.token) {
		v.BackURL = pageLink(q.r, q.token) + "?" + url.Values{"lang": {q.t.Lang()}}.Encode()
	}
	h.render(q, status, "message", v)
}

// formToken is the hidden token of the forms on token's page.
func (h *Handler) formToken(token string) string { return h.hidden("dvcbot web form\x00", token) }

// forgetToken is the hidden token of the erase form, which only the
// confirmation page carries: a post with the page's own token is refused,
// so nothing erases a follow-up but the confirmation.
func (h *Handler) forgetToken(token string) string { return h.hidden("dvcbot web forget\x00", token) }

// receivedToken is the hidden token of the "received" question's button
// (askReceived): the page's own token does not record a receipt, so only
// the question does.
func (h *Handler) receivedToken(token string) string {
	return h.hidden("dvcbot web received\x00", token)
}

// problemToken is the hidden token of the problem question's button
// (askProblem): the page's own token tells no problem, so only the
// question does.
func (h *Handler) problemToken(token string) string {
	return h.hidden("dvcbot web problem\x00", token)
}

func (h *Handler) hidden(purpose, token string) string {
	m := hmac.New(sha256.New, h.formKey)
	m.Write([]byte(purpose + token))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// back sends the browser to the page again (post/redirect/get), so that a
// reload does not post twice; done ("" for none) names the notice it shows.
// The Location is relative (see pageLink): http.Redirect would make it
// absolute, losing a proxy's path prefix.
func (h *Handler) back(q *request, done string) {
	v := url.Values{"lang": {q.t.Lang()}}
	if done != "" {
		v.Set("done", done)
	}
	q.w.Header().Set("Location", pageLink(q.r, q.token)+"?"+v.Encode())
	q.w.WriteHeader(http.StatusSeeOther)
}

// pageLink is the way from the request's URL to the page of token:
// "<token>" from the page itself (/f/<token>), "../<token>" from a form's
// address (/f/<token>/rate). Links, forms and redirects are all relative,
// so the page works behind a proxy that serves it under a path
// (PUBLIC_URL=https://example.org/dvcbot). The segments counted are the
// browser's: an encoded slash (/f/<token>%2F) is none.
func pageLink(r *http.Request, token string) string {
	if strings.Count(strings.TrimPrefix(r.URL.EscapedPath(), "/f/"), "/") > 0 {
		return "../" + url.PathEscape(token)
	}
	return url.PathEscape(token)
}

// wrongToken answers a wrong (or unread) link: 404, counted against the
// address; 429 instead while the address must wait (wait > 0). A token of
// no token's length (possibleToken) lost or gained characters: the page
// says the link is not valid, not that it expired. Any other wrong token
// gets a purged one's page, "expired" (the page does not say which of the
// two it is); so does a path with no token (unknownPath).
func (h *Handler) wrongToken(q *request, wait time.Duration) {
	if wait > 0 {
		h.tooMany(q, wait)
		return
	}
	h.limiter.wrong(q.client, h.now())
	if q.token != "" && !possibleToken(q.token) {
		h.message(q, http.StatusNotFound, "web.mistyped_title", "web.mistyped_text", nil)
		return
	}
	h.message(q, http.StatusNotFound, "web.expired_title", "web.expired_text", nil)
}

func (h *Handler) tooMany(q *request, wait time.Duration) {
	secs := int((wait + time.Second - 1) / time.Second)
	q.w.Header().Set("Retry-After", strconv.Itoa(secs))
	h.message(q, http.StatusTooManyRequests, "web.busy_title", "web.busy_text", locales.Data{"Minutes": (secs + 59) / 60})
}

func (h *Handler) failed(q *request, what string, err error) {
	h.log.Error("web: follow-up page", "op", what, "link", redact(q.token), "err", err)
	h.message(q, http.StatusInternalServerError, "web.error_title", "web.error_text", nil)
}

// redact keeps enough of a token to tell two apart in the logs, not
// enough to open either.
func redact(token string) string {
	if len(token) <= 4 {
		return "…"
	}
	return token[:4] + "…"
}

// pageLanguage is the page's: ?lang= when it names one, else the first of the
// browser's languages that the bot speaks, else Vietnamese.
func pageLanguage(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); slices.Contains(locales.Languages, l) {
		return l
	}
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	for _, t := range tags {
		base, _ := t.Base()
		if slices.Contains(locales.Languages, base.String()) {
			return base.String()
		}
	}
	return locales.Languages[0]
}

// commentProblem says why a comment cannot be kept ("" when it can): "long",
// "blank", or what personal data it seems to hold ("email", "number",
// "date", "secret", "plate", "penalty", "address", "name"): the checks every note the bot keeps
// goes through; "unclear" for text with no word in it (vntext.HasWord).
func commentProblem(s string) string {
	if utf8.RuneCountInString(s) > MaxComment {
		return "long"
	}
	if p := privacy.NoteProblem(s); p != "" {
		return p
	}
	if !vntext.HasWord(s) {
		return "unclear" // keyboard mash ("asdfgh;;;"): asked again, not kept
	}
	return ""
}
