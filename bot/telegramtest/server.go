package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
)

// Option configures a Server.
type Option func(*Server)

// WithToken sets the token the server accepts; any other token is answered 401, which
// lets tests check that the bot really uses its configured token.
func WithToken(token string) Option { return func(s *Server) { s.Token = token } }

// WithBotUsername sets the bot's @username, which matters for "/cmd@botname" commands.
func WithBotUsername(name string) Option { return func(s *Server) { s.bot.Username = name } }

// WithFirstUpdateID sets the first update_id the server assigns (default 1).
// Telegram's ids keep growing for years; a program that keeps its inbox in
// a database across runs of the fake (the demo) starts past the last run's
// ids, or its new updates look like re-deliveries.
func WithFirstUpdateID(id int64) Option {
	return func(s *Server) {
		if id > 0 {
			s.nextUpdate = id
		}
	}
}

// WithFirstMessageID numbers every chat's messages from id on (default 1):
// a program that keeps message ids in a database across runs of the fake
// (the demo: the message a chat's screen is on) starts past the last run's,
// or it takes a new message for an old one.
func WithFirstMessageID(id int) Option {
	return func(s *Server) {
		if id > 0 {
			s.firstMsgID = id
		}
	}
}

// WithCallLog keeps only the last n calls for Calls and CallsTo (default: all),
// lets go of events a User has read with Next, and keeps no uploaded file's
// bytes past the event that shows it: a long run (the demo, dvcbot bench)
// then holds what it still needs, not its whole history.
func WithCallLog(n int) Option {
	return func(s *Server) { s.keepCalls = n }
}

// WithLogger makes the server log every call at debug level; useful when a test hangs.
func WithLogger(l *slog.Logger) Option {
	return func(s *Server) {
		if l != nil {
			s.log = l
		}
	}
}

// Server is a fake Bot API server listening on a loopback port.
type Server struct {
	URL   string // base URL for bot.WithServerURL, e.g. http://127.0.0.1:41234
	Token string

	bot     models.User
	log     *slog.Logger
	httpSrv *http.Server
	ln      net.Listener
	client  *http.Client // for webhook deliveries

	ctx    context.Context // cancelled by Close
	cancel context.CancelFunc
	wg     sync.WaitGroup // in-flight handlers and webhook loops

	mu          sync.Mutex
	closed      bool
	changed     chan struct{} // closed and replaced on every state change (broadcast)
	updates     []queuedUpdate
	nextUpdate  int64
	pollGen     int64
	nextUser    int64
	nextGroup   int64
	firstMsgID  int // each chat's first message id
	users       map[int64]*User
	chats       map[int64]*chat
	calls       []*Call
	keepCalls   int // 0: all
	faults      []*faultState
	commands    map[string][]models.BotCommand
	callbacks   map[string]*callbackState
	nextCBQ     int64
	nextFile    int64
	files       map[string]File
	webhook     webhookState
	webhookStop context.CancelFunc
}

type queuedUpdate struct {
	id   int64
	kind string // "message", "callback_query", ...: for allowed_updates
	raw  json.RawMessage
}

type callbackState struct {
	userID   int64
	answered bool
}

// NewServer starts a server on 127.0.0.1 with a random port, like httptest.NewServer.
func NewServer(opts ...Option) *Server {
	s := &Server{
		Token:      "123456:TEST-TOKEN",
		bot:        models.User{IsBot: true, FirstName: "dvcbot test", Username: "dvcbot_test_bot"},
		log:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		changed:    make(chan struct{}),
		nextUpdate: 1,
		nextUser:   1001,
		firstMsgID: 1,
		nextGroup:  1,
		users:      map[int64]*User{},
		chats:      map[int64]*chat{},
		commands:   map[string][]models.BotCommand{},
		callbacks:  map[string]*callbackState{},
		files:      map[string]File{},
	}
	for _, o := range opts {
		o(s)
	}
	if id, err := strconv.ParseInt(strings.SplitN(s.Token, ":", 2)[0], 10, 64); err == nil {
		s.bot.ID = id
	} else {
		s.bot.ID = 123456
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.client = &http.Client{Timeout: 10 * time.Second}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		if ln, err = net.Listen("tcp6", "[::1]:0"); err != nil {
			panic(fmt.Sprintf("telegramtest: failed to listen on a port: %v", err))
		}
	}
	s.ln = ln
	s.URL = "http://" + ln.Addr().String()
	s.httpSrv = &http.Server{Handler: http.HandlerFunc(s.serveHTTP), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.httpSrv.Serve(ln) }()
	return s
}

// Close stops the server. Long polls in progress answer at once and webhook delivery
// stops, so a test's deferred Close never waits for a 59-second getUpdates.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.broadcastLocked()
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.httpSrv.Shutdown(ctx); err != nil {
		_ = s.httpSrv.Close()
	}
	s.client.CloseIdleConnections()
}

// Bot returns the bot's own user, as getMe answers it.
func (s *Server) Bot() models.User { return s.bot }

// broadcastLocked wakes every waiter (long polls, User.Next, webhook loop).
func (s *Server) broadcastLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// --- calls and faults -------------------------------------------------------------

// Call is one API request as the server saw it, kept so tests can assert on the rate
// and order of what the bot sent (e.g. that it backed off after a 429).
type Call struct {
	Method string            // canonical spelling when known ("sendMessage"), else as requested
	Params map[string]string // scalars as strings, objects as JSON text
	Files  map[string]File   // uploaded file parts by field name
	At     time.Time         // when the request arrived
	ChatID int64             // chat_id when numeric, else 0
	Status int               // HTTP status answered; 0 while the call is still in flight
}

// Calls returns a copy of every call so far, in arrival order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Call, len(s.calls))
	for i, c := range s.calls {
		out[i] = *c
	}
	return out
}

// CallsTo returns the calls of one method (case-insensitive), in arrival order.
func (s *Server) CallsTo(method string) []Call {
	var out []Call
	for _, c := range s.Calls() {
		if strings.EqualFold(c.Method, method) {
			out = append(out, c)
		}
	}
	return out
}

// Fault makes the server misbehave the way Telegram does under load, so tests can
// check retries and back-off. A faulted call has no effect on the server's state.
type Fault struct {
	Method     string        // "" = any method except getUpdates (a fault on getUpdates only if named explicitly)
	Count      int           // how many calls it hits; 0 = until ClearFaults or Until passes
	Until      time.Time     // optional
	Code       int           // 429, 500, 502...; 0 = no error (useful with Delay)
	RetryAfter int           // for 429: parameters.retry_after
	Delay      time.Duration // answer slowly (before the normal or faulty answer)
	// Description replaces the error's usual text, as Telegram words each
	// refusal: "Forbidden: bot was blocked by the user", "Bad Request:
	// BUTTON_DATA_INVALID"...
	Description string
	ChatID      int64 // optional: only calls to this chat_id
}

type faultState struct {
	Fault
	hits int
}

// Inject adds a fault. Faults are checked in the order they were injected; the first
// active one that matches a call decides what happens to it.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &faultState{Fault: f})
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

func (s *Server) takeFaultLocked(method, chatID string, now time.Time) *Fault {
	for _, f := range s.faults {
		if f.ChatID != 0 && chatID != strconv.FormatInt(f.ChatID, 10) {
			continue
		}
		if f.Method == "" {
			if strings.EqualFold(method, "getUpdates") {
				continue
			}
		} else if !strings.EqualFold(f.Method, method) {
			continue
		}
		if !f.Until.IsZero() && !now.Before(f.Until) {
			continue
		}
		if f.Count > 0 && f.hits >= f.Count {
			continue
		}
		f.hits++
		ff := f.Fault
		return &ff
	}
	return nil
}

// --- HTTP layer ---------------------------------------------------------------------

// apiError is an answer Telegram gives with ok=false.
type apiError struct {
	code       int
	desc       string
	retryAfter int
	migrateTo  int64 // parameters.migrate_to_chat_id: the group became this supergroup
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s", e.code, e.desc) }

func badRequest(format string, a ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, desc: "Bad Request: " + fmt.Sprintf(format, a...)}
}

// request is a decoded API call, whatever encoding the client used.
type request struct {
	ctx    context.Context
	method string
	params map[string]string
	files  map[string]File
}

func (r *request) has(name string) bool {
	if _, ok := r.params[name]; ok {
		return true
	}
	_, ok := r.files[name]
	return ok
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"ok": false, "error_code": 503, "description": "Service Unavailable"})
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	at := time.Now()
	token, method, ok := splitPath(r.URL.Path)
	if !ok {
		writeJSON(w, http.StatusNotFound, errorBody(&apiError{code: 404, desc: "Not Found"}))
		return
	}
	req := &request{ctx: r.Context(), method: method}
	params, files, perr := readParams(r)
	req.params, req.files = params, files
	if canon := schema.lookup(method); canon != "" {
		req.method = canon
	}
	call := &Call{Method: req.method, Params: params, Files: files, At: at}
	if v, err := strconv.ParseInt(params["chat_id"], 10, 64); err == nil {
		call.ChatID = v
	}
	s.mu.Lock()
	s.calls = append(s.calls, call)
	if s.keepCalls > 0 && len(s.calls) > 2*s.keepCalls {
		s.calls = append(s.calls[:0:0], s.calls[len(s.calls)-s.keepCalls:]...)
	}
	s.mu.Unlock()

	status, body := s.answer(req, token, perr, at)
	s.mu.Lock()
	call.Status = status
	if s.keepCalls > 0 && len(call.Files) > 0 { // a long run keeps no file's bytes (sendFile)
		kept := make(map[string]File, len(call.Files))
		for k, f := range call.Files {
			f.Data = nil
			kept[k] = f
		}
		call.Files = kept
	}
	s.mu.Unlock()
	s.log.Debug("telegramtest call", "method", req.method, "status", status)
	writeJSON(w, status, body)
}

func (s *Server) answer(req *request, token string, perr error, at time.Time) (int, any) {
	if token != s.Token {
		return 401, errorBody(&apiError{code: 401, desc: "Unauthorized"})
	}
	if schema.lookup(req.method) == "" {
		return 404, errorBody(&apiError{code: 404, desc: "Not Found"})
	}
	s.mu.Lock()
	fault := s.takeFaultLocked(req.method, req.params["chat_id"], at)
	s.mu.Unlock()
	if fault != nil {
		if fault.Delay > 0 {
			t := time.NewTimer(fault.Delay)
			select {
			case <-t.C:
			case <-req.ctx.Done():
			case <-s.ctx.Done():
			}
			t.Stop()
		}
		switch {
		case fault.Code == http.StatusTooManyRequests:
			e := &apiError{code: 429, desc: fmt.Sprintf("Too Many Requests: retry after %d", fault.RetryAfter), retryAfter: fault.RetryAfter}
			if fault.Description != "" {
				e.desc = fault.Description
			}
			return 429, errorBody(e)
		case fault.Code != 0:
			desc := http.StatusText(fault.Code)
			if fault.Description != "" {
				desc = fault.Description
			}
			return fault.Code, errorBody(&apiError{code: fault.Code, desc: desc})
		}
	}
	if perr != nil {
		return 400, errorBody(badRequest("%v", perr))
	}
	if err := checkRequired(req); err != nil {
		return err.code, errorBody(err)
	}
	result, err := s.dispatch(req)
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = &apiError{code: 500, desc: "Internal Server Error: " + err.Error()}
		}
		return ae.code, errorBody(ae)
	}
	return 200, map[string]any{"ok": true, "result": result}
}

func errorBody(e *apiError) map[string]any {
	b := map[string]any{"ok": false, "error_code": e.code, "description": e.desc}
	if e.retryAfter > 0 || e.code == 429 {
		b["parameters"] = map[string]any{"retry_after": e.retryAfter}
	}
	if e.migrateTo != 0 {
		b["parameters"] = map[string]any{"migrate_to_chat_id": e.migrateTo}
	}
	return b
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// splitPath parses /bot<token>/<method> (and /bot<token>/test/<method>, the test
// environment prefix the library can add).
func splitPath(p string) (token, method string, ok bool) {
	rest, found := strings.CutPrefix(p, "/bot")
	if !found {
		return "", "", false
	}
	token, method, found = strings.Cut(rest, "/")
	if !found {
		return "", "", false
	}
	method = strings.TrimPrefix(method, "test/")
	if method == "" || strings.Contains(method, "/") {
		return token, "", true
	}
	return token, method, true
}

const maxUpload = 64 << 20

// readParams merges query parameters and the body, which Telegram accepts as
// multipart/form-data (go-telegram/bot), urlencoded or JSON (other clients, curl).
func readParams(r *http.Request) (map[string]string, map[string]File, error) {
	params := map[string]string{}
	files := map[string]File{}
	for k, v := range r.URL.Query() {
		if len(v) > 0 {
			params[k] = v[0]
		}
	}
	if r.Body == nil {
		return params, files, nil
	}
	ct, ctParams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		mr := multipart.NewReader(r.Body, ctParams["boundary"])
		for {
			part, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				// getMe from go-telegram/bot sends a body with no parts at all.
				if len(params) == 0 && len(files) == 0 && strings.Contains(err.Error(), "EOF") {
					break
				}
				return params, files, fmt.Errorf("can't parse multipart body: %v", err)
			}
			data, err := io.ReadAll(io.LimitReader(part, maxUpload+1))
			if err != nil {
				return params, files, fmt.Errorf("can't read multipart body: %v", err)
			}
			if part.FileName() != "" {
				files[part.FormName()] = File{Name: part.FileName(), Data: data}
			} else {
				params[part.FormName()] = string(data)
			}
		}
	case "application/x-www-form-urlencoded":
		body, err := io.ReadAll(io.LimitReader(r.Body, maxUpload))
		if err != nil {
			return params, files, err
		}
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			return params, files, fmt.Errorf("can't parse urlencoded body: %v", err)
		}
		for k, v := range vals {
			if len(v) > 0 {
				params[k] = v[0]
			}
		}
	default:
		body, err := io.ReadAll(io.LimitReader(r.Body, maxUpload))
		if err != nil {
			return params, files, err
		}
		if len(strings.TrimSpace(string(body))) == 0 {
			break
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return params, files, fmt.Errorf("can't parse JSON object: %v", err)
		}
		for k, v := range obj {
			var str string
			if json.Unmarshal(v, &str) == nil {
				params[k] = str
			} else if string(v) != "null" {
				params[k] = string(v)
			}
		}
	}
	return params, files, nil
}

// checkRequired rejects calls missing a parameter the Bot API schema marks required.
func checkRequired(req *request) *apiError {
	for _, p := range schema.Methods[req.method] {
		if p.Required && !req.has(p.Name) {
			switch p.Name {
			case "text":
				return badRequest("message text is empty")
			default:
				return badRequest("parameter %q is required", p.Name)
			}
		}
		if v, ok := req.params[p.Name]; ok && v != "" {
			switch p.Type {
			case "Integer":
				if _, err := strconv.ParseInt(v, 10, 64); err != nil {
					return badRequest("invalid %s specified", p.Name)
				}
			case "Boolean":
				if _, err := strconv.ParseBool(v); err != nil {
					return badRequest("invalid %s specified", p.Name)
				}
			case "Float":
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					return badRequest("invalid %s specified", p.Name)
				}
			}
		}
	}
	return nil
}
