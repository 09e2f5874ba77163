package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestMain(m *testing.M) { storagetest.Main(m) }

// recorder is a handler that echoes texts, answers presses and records the
// order it saw updates in. Its one database effect, a conversation saved
// per update, makes the number of committed handlings countable.
type recorder struct {
	mu    sync.Mutex
	seen  map[int64][]int64       // chat → update ids, in handling order
	block map[int64]chan struct{} // chat → the handler waits for it to close
	began map[int64]int           // chat → handler calls begun
	fails map[string]int          // text → attempts still to fail
}

func newRecorder() *recorder {
	return &recorder{seen: map[int64][]int64{}, block: map[int64]chan struct{}{}, began: map[int64]int{}, fails: map[string]int{}}
}

func (r *recorder) Handle(ctx context.Context, sqlTx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	tx := storage.WrapTx(sqlTx)
	chat := bot.ChatOf(u)
	r.mu.Lock()
	wait := r.block[chat]
	r.began[chat]++
	r.mu.Unlock()
	if wait != nil {
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if u.Message != nil {
		switch text := u.Message.Text; {
		case text == "boom":
			panic("boom")
		case r.fail(text):
			// The replies of a failed attempt must never be sent.
			return []bot.Reply{bot.Message{ChatID: chat, Text: "premature"}}, errors.New("failing on purpose")
		}
	}
	if _, err := tx.SaveConversation(ctx, chat, "test", "step", map[string]int64{"last": u.ID}, 0); err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.seen[chat] = append(r.seen[chat], u.ID)
	r.mu.Unlock()
	if u.CallbackQuery != nil {
		return []bot.Reply{bot.Answer{ChatID: chat, CallbackQueryID: u.CallbackQuery.ID}}, nil
	}
	return []bot.Reply{bot.Message{ChatID: chat, Text: "echo: " + u.Message.Text}}, nil
}

func (r *recorder) fail(text string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fails[text] > 0 {
		r.fails[text]--
		return true
	}
	return false
}

func (r *recorder) Failed(ctx context.Context, u *models.Update) []bot.Reply {
	return []bot.Reply{bot.Message{ChatID: bot.ChatOf(u), Text: "sorry"}}
}

// begun counts the handler calls begun for a chat.
func (r *recorder) begun(chat int64) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.began[chat]
}

func (r *recorder) order(chat int64) []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.seen[chat])
}

// handledTimes counts the committed handlings of a chat's updates.
func handledTimes(t *testing.T, store *storage.Storage, chat int64) int {
	t.Helper()
	var v int
	err := store.DB().Get(&v, `SELECT version FROM conversations WHERE chat_id = $1`, chat)
	if err != nil {
		return 0
	}
	return v
}

func expectText(t *testing.T, u *telegramtest.User, want string) {
	t.Helper()
	m, err := u.Next(10 * time.Second)
	if err != nil {
		t.Fatalf("waiting for %q: %v", want, err)
	}
	if m.Text != want {
		t.Fatalf("bot said %q, want %q", m.Text, want)
	}
}

func TestEchoThroughTheWholePipeline(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder())
	an := srv.NewUser("An", "vi")
	b.WaitHandled(t, an.SendText("xin chào"))
	expectText(t, an, "echo: xin chào")
	status, attempts, err := b.Inbox.UpdateStatus(context.Background(), 1)
	if err != nil || status != "done" || attempts != 0 {
		t.Fatalf("inbox row: %s after %d counted starts (%v), want done after 0 (a fresh update's first try is not counted)", status, attempts, err)
	}
}

// 50 quick presses in one chat are handled in the order sent, while another
// chat whose handler is stuck does not hold them up.
func TestPerChatOrderWhileAnotherChatIsSlow(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	b := bottest.Start(t, srv, storagetest.Open(t), rec)

	slow, quick := srv.NewUser("Slow", "vi"), srv.NewUser("Quick", "vi")
	release := make(chan struct{})
	rec.block[slow.ID] = release
	slowID := slow.SendText("take your time")

	msg, err := b.API.SendMessage(context.Background(), &tg.SendMessageParams{
		ChatID: quick.ID, Text: "press me",
		ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "go", CallbackData: "go"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for range 50 {
		id, err := quick.PressOn(msg.ID, "go")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// If the slow chat blocked the others, this would never return.
	b.WaitHandled(t, ids...)
	if got := rec.order(quick.ID); !slices.Equal(got, ids) {
		t.Fatalf("presses handled in order %v, want %v", got, ids)
	}
	if b.Handled(slowID) != 0 {
		t.Fatal("the slow chat finished before it was released")
	}
	if n := len(quick.Answers()); n != 50 {
		t.Fatalf("%d presses answered, want 50", n)
	}
	close(release)
	b.WaitHandled(t, slowID)
	expectText(t, slow, "echo: take your time")
}

// An update stored but not handled when the process stopped is handled
// exactly once by the next start, and Telegram does not send it again.
func TestUpdateStoredBeforeStopIsHandledOnceAfterRestart(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	store := storagetest.Open(t)
	an := srv.NewUser("An", "vi")

	first := newRecorder()
	first.block[an.ID] = make(chan struct{}) // never released: the process "dies" mid-update
	b1 := bottest.Start(t, srv, store, first)
	id := an.SendText("are you there?")
	waitFor(t, "the update to be stored and confirmed", func() bool {
		status, _, err := bot.NewStore(store.DB()).UpdateStatus(context.Background(), id)
		return err == nil && status == "pending" && srv.PendingUpdates() == 0
	})
	b1.Stop()
	if n := handledTimes(t, store, an.ID); n != 0 {
		t.Fatalf("handled %d times before the restart, want 0", n)
	}

	second := newRecorder()
	b2 := bottest.Start(t, srv, store, second)
	b2.WaitHandled(t, id)
	expectText(t, an, "echo: are you there?")
	// The restarted poller must not get the update again, and a late
	// re-delivery must change nothing.
	if err := b2.Accept(context.Background(), rawUpdate(webhookUpdate(id, an.ID, "are you there?"))); err != nil {
		t.Fatal(err)
	}
	later := an.SendText("still there?")
	b2.WaitHandled(t, later)
	if got := second.order(an.ID); !slices.Equal(got, []int64{id, later}) {
		t.Fatalf("after restart handled %v, want [%d %d]", got, id, later)
	}
	if n := handledTimes(t, store, an.ID); n != 2 {
		t.Fatalf("committed %d handlings, want 2", n)
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func webhookUpdate(id, chat int64, text string) models.Update {
	return models.Update{ID: id, Message: &models.Message{ID: int(id), Date: int(time.Now().Unix()),
		From: &models.User{ID: chat, FirstName: "An"}, Chat: models.Chat{ID: chat, Type: "private"}, Text: text}}
}

func rawUpdate(u models.Update) json.RawMessage {
	data, _ := json.Marshal(u)
	return data
}

func countUpdates(t *testing.T, store *storage.Storage) int {
	t.Helper()
	var n int
	if err := store.DB().Get(&n, `SELECT count(*) FROM updates`); err != nil {
		t.Fatal(err)
	}
	return n
}

// Over its backlog, the webhook answers 503 and stores nothing: Telegram
// keeps the update and calls again.
func TestWebhookBusy(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	b := bottest.Start(t, srv, storagetest.Open(t), rec, bottest.WithoutPolling())
	const secret = "busy"
	hook := httptest.NewServer(b.Runtime.WebhookHandler(secret, 4096, 1))
	defer hook.Close()
	an := srv.NewUser("An", "vi")
	release := make(chan struct{})
	rec.mu.Lock()
	rec.block[an.ID] = release
	rec.mu.Unlock()
	ctx := context.Background()
	for id, want := range map[int64]int{1: 200, 2: 200} {
		if status, err := srv.Deliver(ctx, hook.URL, secret, webhookUpdate(id, an.ID, "hi")); err != nil || status != want {
			t.Fatalf("update %d: %d (%v), want %d", id, status, err, want)
		}
	}
	status, err := srv.Deliver(ctx, hook.URL, secret, webhookUpdate(3, an.ID, "one too many"))
	if err != nil || status != http.StatusServiceUnavailable {
		t.Fatalf("over the backlog: %d (%v), want 503", status, err)
	}
	if n := countUpdates(t, b.Store); n != 2 {
		t.Fatalf("%d updates stored, want 2", n)
	}
	close(release)
	b.WaitHandled(t, 1, 2)
	if status, err := srv.Deliver(ctx, hook.URL, secret, webhookUpdate(3, an.ID, "again")); err != nil || status != http.StatusOK {
		t.Fatalf("after catching up: %d (%v), want 200", status, err)
	}
	b.WaitHandled(t, 3)
}

func TestWebhook(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	b := bottest.Start(t, srv, storagetest.Open(t), rec, bottest.WithoutPolling())
	const secret = "s3cret_token-1"
	hook := httptest.NewServer(b.Runtime.WebhookHandler(secret, 4096, 0))
	defer hook.Close()
	an := srv.NewUser("An", "vi")
	ctx := context.Background()

	t.Run("wrong or missing secret: 401, nothing stored", func(t *testing.T) {
		for _, s := range []string{"wrong", "", secret + "x", strings.ToUpper(secret)} {
			status, err := srv.Deliver(ctx, hook.URL, s, webhookUpdate(900, an.ID, "forged"))
			if err != nil || status != http.StatusUnauthorized {
				t.Fatalf("secret %q: status %d (%v), want 401", s, status, err)
			}
		}
		if n := countUpdates(t, b.Store); n != 0 {
			t.Fatalf("%d updates stored after forged calls, want 0", n)
		}
	})
	t.Run("body over the limit: 413", func(t *testing.T) {
		big := webhookUpdate(901, an.ID, strings.Repeat("a", 5000))
		body, _ := json.Marshal(big)
		req, _ := http.NewRequest(http.MethodPost, hook.URL, bytes.NewReader(body))
		req.Header.Set(bot.SecretHeader, secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("status %d, want 413", resp.StatusCode)
		}
		if n := countUpdates(t, b.Store); n != 0 {
			t.Fatalf("%d updates stored, want 0", n)
		}
	})
	t.Run("not an update: 400", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, hook.URL, strings.NewReader(`{"hello":1}`))
		req.Header.Set(bot.SecretHeader, secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", resp.StatusCode)
		}
	})
	t.Run("the same update twice has one effect", func(t *testing.T) {
		u := webhookUpdate(902, an.ID, "hello twice")
		for range 2 {
			status, err := srv.Deliver(ctx, hook.URL, secret, u)
			if err != nil || status != http.StatusOK {
				t.Fatalf("status %d (%v), want 200", status, err)
			}
		}
		b.WaitHandled(t, 902)
		expectText(t, an, "echo: hello twice")
		// a third delivery after it was handled
		if status, _ := srv.Deliver(ctx, hook.URL, secret, u); status != http.StatusOK {
			t.Fatalf("re-delivery answered %d, want 200", status)
		}
		time.Sleep(100 * time.Millisecond) // room for a wrong second handling to show
		if got := rec.order(an.ID); !slices.Equal(got, []int64{902}) {
			t.Fatalf("handled %v, want [902] once", got)
		}
		if _, err := an.Next(200 * time.Millisecond); err == nil {
			t.Fatal("the bot answered a re-delivered update again")
		}
	})
	t.Run("Telegram delivering through setWebhook", func(t *testing.T) {
		if _, err := b.API.SetWebhook(ctx, &tg.SetWebhookParams{URL: hook.URL, SecretToken: secret}); err != nil {
			t.Fatal(err)
		}
		id := an.SendText("via webhook")
		b.WaitHandled(t, id)
		expectText(t, an, "echo: via webhook")
	})
}

// With Telegram answering 429 retry_after=2 for a while, every reply still
// arrives, in order, and none is retried before its retry_after.
// Telegram answers 429 to everyone for 10 s (flood control is per bot):
// once the first 429 is in, nobody is written to until retry_after has
// passed, and then every reply arrives, in order.
func TestRepliesSurviveTooManyRequests(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	if testing.Short() {
		t.Skip("waits out a 10 s flood-control pause")
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder())
	var users []*telegramtest.User
	for i := range 10 {
		users = append(users, srv.NewUser(fmt.Sprint("U", i), "vi"))
	}
	const pause = 10 * time.Second
	srv.Inject(telegramtest.Fault{Code: 429, RetryAfter: int(pause / time.Second), Until: time.Now().Add(pause)})
	var ids []int64
	for i := range 3 {
		for _, u := range users {
			ids = append(ids, u.SendText(fmt.Sprint(i)))
		}
	}
	b.WaitHandled(t, ids...)
	for _, u := range users {
		for i := range 3 {
			expectText(t, u, fmt.Sprintf("echo: %d", i))
		}
	}
	var first time.Time
	for _, c := range srv.Calls() {
		if c.Status == http.StatusTooManyRequests {
			first = c.At
			break
		}
	}
	if first.IsZero() {
		t.Fatal("no call met the 429 fault: the test proved nothing")
	}
	// Calls already on the wire when the first 429 came back may still
	// arrive; none may be made after that until the pause is over.
	const inFlight = 200 * time.Millisecond
	for _, c := range srv.Calls() {
		if c.Method == "getUpdates" || !c.At.After(first.Add(inFlight)) {
			continue
		}
		if c.At.Before(first.Add(pause)) {
			t.Fatalf("%s to chat %d %v after the first 429, before retry_after (%v) ended", c.Method, c.ChatID, c.At.Sub(first), pause)
		}
	}
}

// A burst of 100 replies to 100 chats never puts more than 30 messages in
// any one-second window at Telegram.
func TestBurstKeepsTheGlobalRate(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	if testing.Short() {
		t.Skip("takes about 4 seconds")
	}
	srv := telegramtest.NewServer()
	defer srv.Close()
	// The production client (its idle connections for every worker), the
	// moment each message leaves it stamped: what the sender let go, not
	// when a loaded machine got round to dialing and writing it.
	client := bot.NewHTTPClient()
	stamps := &stampingTransport{next: client.Transport, method: "/sendMessage"}
	client.Transport = stamps
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder(),
		bottest.WithRuntime(bot.WithWorkers(100)), bottest.WithHTTPClient(client))
	late := watchLateness(t, srv)
	var ids []int64
	for i := range 100 {
		ids = append(ids, srv.NewUser(fmt.Sprint("u", i), "vi").SendText("hi"))
	}
	b.WaitHandled(t, ids...)
	lateness := late()
	if n := len(srv.CallsTo("sendMessage")); n != 100 {
		t.Fatalf("%d messages sent, want 100", n)
	}
	sent := stamps.times()
	if len(sent) != 100 {
		t.Fatalf("%d messages left the client, want 100", len(sent))
	}
	// The sender lets at most 28 messages go in any second (24/s, a burst
	// of 4). Messages let go over a stretch the process did not run (a
	// loaded machine: descheduled, timers fired late) leave together at
	// its end: a window then holds what was let go over one second and
	// that stretch. Telegram allows 30; so does this test, more only as
	// far as the process was seen running late.
	allowed := max(30, 4+int(24*(time.Second+lateness).Seconds()))
	most, from := 0, 0
	for i := range sent {
		n := 0
		for _, at := range sent[i:] {
			if at.Sub(sent[i]) < time.Second {
				n++
			}
		}
		if n > most {
			most, from = n, i
		}
	}
	t.Logf("at most %d messages within one second; the process ran up to %v late", most, lateness)
	if most > allowed {
		t.Fatalf("%d messages within one second from message %d, want at most %d (30, or 28 over one second and the %v the process ran late)", most, from, allowed, lateness)
	}
}

// stampingTransport notes when each call to a method leaves the client.
type stampingTransport struct {
	next   http.RoundTripper
	method string // the path's end: "/sendMessage"
	mu     sync.Mutex
	at     []time.Time
}

func (s *stampingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, s.method) {
		s.mu.Lock()
		s.at = append(s.at, time.Now())
		s.mu.Unlock()
	}
	return s.next.RoundTrip(r)
}

// times is the stamps in order.
func (s *stampingTransport) times() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.at)
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

// watchLateness measures, until the returned function is called, how late
// the process runs what it planned: every 10 ms it plans a call to srv,
// which stamps it on arrival as it stamps the bot's (a timer that fires
// late, a goroutine waiting to run, the HTTP request). It returns the
// longest delay between a plan and that stamp.
func watchLateness(t *testing.T, srv *telegramtest.Server) func() time.Duration {
	t.Helper()
	var (
		mu      sync.Mutex
		longest time.Duration
		stop    = make(chan struct{})
		done    = make(chan struct{})
	)
	go func() {
		defer close(done)
		for {
			planned := time.Now().Add(10 * time.Millisecond)
			select {
			case <-stop:
				return
			case <-time.After(time.Until(planned)):
			}
			resp, err := http.Post(srv.URL+"/bot"+srv.Token+"/getMe", "application/json", strings.NewReader("{}"))
			if err != nil {
				continue
			}
			resp.Body.Close()
			calls := srv.CallsTo("getMe")
			if len(calls) == 0 {
				continue
			}
			mu.Lock()
			longest = max(longest, calls[len(calls)-1].At.Sub(planned))
			mu.Unlock()
		}
	}()
	return func() time.Duration {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return longest
	}
}

func TestServerErrorsAreRetried(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder())
	an := srv.NewUser("An", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502, Count: 3})
	b.WaitHandled(t, an.SendText("flaky"))
	expectText(t, an, "echo: flaky")
	if n := len(srv.CallsTo("sendMessage")); n != 4 {
		t.Fatalf("%d sendMessage calls, want 3 failures and 1 success", n)
	}
}

// A reply Telegram keeps failing stays in the outbox and is sent by the
// sweep once Telegram is back; later replies of the chat wait behind it.
func TestFailedReplyIsSentLater(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder(),
		bottest.WithSender(bot.WithRetries(2, 10*time.Millisecond)))
	an := srv.NewUser("An", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 500, Until: time.Now().Add(time.Second)})
	b.WaitHandled(t, an.SendText("first"), an.SendText("second"))
	expectText(t, an, "echo: first")
	expectText(t, an, "echo: second")
	waitFor(t, "the outbox to empty", func() bool { return outboxRows(t, b) == 0 })
}

// A reply Telegram refuses is dropped loudly, kept for a look, and does not
// hold up the chat.
func TestRefusedReplyIsDroppedLoudly(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder(), bottest.WithRuntime(bot.WithLogger(log)))
	an := srv.NewUser("An", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 400, Count: 1})
	b.WaitHandled(t, an.SendText("lost"), an.SendText("next"))
	expectText(t, an, "echo: next")
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(logs.String(), "REPLY DROPPED") || !strings.Contains(logs.String(), "level=ERROR") {
		t.Fatalf("giving up was not logged as an error:\n%s", logs.String())
	}
	var dropped int
	if err := b.Inbox.DB().Get(&dropped, `SELECT count(*) FROM outbox WHERE status = 'dropped'`); err != nil || dropped != 1 {
		t.Fatalf("%d dropped replies kept (%v), want 1", dropped, err)
	}
}

// outboxRows counts the replies still waiting.
func outboxRows(t *testing.T, b *bottest.Bot) int {
	t.Helper()
	var n int
	if err := b.Inbox.DB().Get(&n, `SELECT count(*) FROM outbox WHERE status = 'pending'`); err != nil {
		t.Fatal(err)
	}
	return n
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// A panicking handler does not kill the bot: the user is told, the update
// is parked as failed, and the next update is handled.
func TestPanicIsRecovered(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder())
	an := srv.NewUser("An", "vi")
	boom := an.SendText("boom")
	b.WaitHandled(t, boom)
	expectText(t, an, "sorry")
	status, attempts, err := b.Inbox.UpdateStatus(context.Background(), boom)
	if err != nil || status != "failed" || attempts != 0 {
		t.Fatalf("panicking update is %s after %d counted starts (%v), want failed after its first, uncounted one", status, attempts, err)
	}
	b.WaitHandled(t, an.SendText("still alive?"))
	expectText(t, an, "echo: still alive?")
}

// An update whose handler keeps failing is tried a few times, then parked;
// one that fails once succeeds on the retry.
func TestFailingUpdateIsRetriedThenParked(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	rec.fails["flaky"] = 1
	rec.fails["broken"] = 100
	b := bottest.Start(t, srv, storagetest.Open(t), rec, bottest.WithRuntime(bot.WithAttempts(3, 10*time.Millisecond)))
	an := srv.NewUser("An", "vi")

	flaky := an.SendText("flaky")
	b.WaitHandled(t, flaky)
	expectText(t, an, "echo: flaky") // and not "premature", from the failed attempt

	broken := an.SendText("broken")
	b.WaitHandled(t, broken)
	expectText(t, an, "sorry")
	status, attempts, err := b.Inbox.UpdateStatus(context.Background(), broken)
	if err != nil || status != "failed" || attempts != 2 {
		t.Fatalf("broken update is %s after %d counted starts (%v), want failed after 3 tries, the first uncounted", status, attempts, err)
	}
}

// An update stored by a call whose caller still saw an error (or by a
// replica that died after answering Telegram) is handled when Telegram
// delivers it again, and otherwise by the sweep; a later update of the same
// chat never overtakes it.
func TestStrandedUpdatesAreHandledInOrder(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	b := bottest.Start(t, srv, storagetest.Open(t), rec, bottest.WithoutPolling())
	ctx := context.Background()
	an, binh := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi")
	strand := func(u models.Update) {
		t.Helper()
		if _, err := b.Inbox.SaveUpdates(ctx, []bot.InboxUpdate{{ID: u.ID, ChatID: u.Message.Chat.ID, Payload: rawUpdate(u)}}); err != nil {
			t.Fatal(err)
		}
	}

	// Re-delivered: handled.
	first := webhookUpdate(501, an.ID, "stranded")
	strand(first)
	if err := b.Accept(ctx, rawUpdate(first)); err != nil {
		t.Fatal(err)
	}
	b.WaitHandled(t, 501)
	expectText(t, an, "echo: stranded")

	// A later update of the same chat takes the stranded one first.
	strand(webhookUpdate(502, an.ID, "earlier"))
	if err := b.Accept(ctx, rawUpdate(webhookUpdate(503, an.ID, "later"))); err != nil {
		t.Fatal(err)
	}
	b.WaitHandled(t, 503)
	expectText(t, an, "echo: earlier")
	expectText(t, an, "echo: later")
	if got := rec.order(an.ID); !slices.Equal(got, []int64{501, 502, 503}) {
		t.Fatalf("handled %v, want [501 502 503]", got)
	}

	// Never delivered again: the sweep finds it.
	strand(webhookUpdate(504, binh.ID, "forgotten"))
	sweep, stop := context.WithCancel(ctx)
	defer stop()
	go b.Runtime.Sweep(sweep, 20*time.Millisecond, 0)
	b.WaitHandled(t, 504)
	expectText(t, binh, "echo: forgotten")
}

// An update the client library cannot decode (a Bot API newer than it) is
// kept, parked for someone to look at, instead of being lost.
func TestUndecodableUpdateIsParkedNotLost(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder(), bottest.WithoutPolling())
	ctx := context.Background()
	if err := b.Accept(ctx, json.RawMessage(`{"update_id": 77, "message": "a string where an object belongs"}`)); err != nil {
		t.Fatal(err)
	}
	b.WaitHandled(t, 77)
	status, _, err := b.Inbox.UpdateStatus(ctx, 77)
	if err != nil || status != "failed" {
		t.Fatalf("undecodable update is %q (%v), want failed", status, err)
	}
}

// Two replicas on one database: update 5 of a chat reached replica A, whose
// handler is slow; update 6 reached replica B. B's job waits for 5 and then
// handles 6 at once, after it — not a minute later through the sweep.
func TestOrderAcrossReplicas(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	store := storagetest.Open(t)
	recA, recB := newRecorder(), newRecorder()
	a := bottest.Start(t, srv, store, recA, bottest.WithoutPolling())
	b := bottest.Start(t, srv, store, recB, bottest.WithoutPolling())
	an := srv.NewUser("An", "vi")
	ctx := context.Background()
	release := make(chan struct{})
	recA.block[an.ID] = release
	if err := a.Accept(ctx, rawUpdate(webhookUpdate(5, an.ID, "five"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "replica A to start on update 5", func() bool { return recA.begun(an.ID) == 1 })
	if err := b.Accept(ctx, rawUpdate(webhookUpdate(6, an.ID, "six"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // B's job is now waiting for A
	if status, _, _ := bot.NewStore(store.DB()).UpdateStatus(ctx, 6); status != "pending" {
		t.Fatalf("update 6 is %s while 5 is still being handled", status)
	}
	close(release)
	a.WaitHandled(t, 5)
	b.WaitHandled(t, 6)
	expectText(t, an, "echo: five")
	expectText(t, an, "echo: six")
	if got := recB.order(an.ID); !slices.Equal(got, []int64{6}) {
		t.Fatalf("replica B handled %v, want [6]", got)
	}
}

// Replies keep the chat's order across replicas: while replica A's reply to
// update 5 is still on its way to Telegram, replica B, which handled update
// 6, does not send its reply before it.
func TestRepliesKeepOrderAcrossReplicas(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	store := storagetest.Open(t)
	a := bottest.Start(t, srv, store, newRecorder(), bottest.WithoutPolling())
	b := bottest.Start(t, srv, store, newRecorder(), bottest.WithoutPolling())
	an := srv.NewUser("An", "vi")
	ctx := context.Background()
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Delay: time.Second, Count: 1}) // A's reply, slowly
	if err := a.Accept(ctx, rawUpdate(webhookUpdate(5, an.ID, "five"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "A's reply on its way", func() bool { return len(srv.CallsTo("sendMessage")) == 1 })
	if err := b.Accept(ctx, rawUpdate(webhookUpdate(6, an.ID, "six"))); err != nil {
		t.Fatal(err)
	}
	b.WaitHandled(t, 6)
	expectText(t, an, "echo: five")
	expectText(t, an, "echo: six")
	waitFor(t, "the outbox to empty", func() bool { return outboxRows(t, b) == 0 })
}

// A handler that runs past its deadline counts as a failed attempt (not as
// the database being away): after the attempts it is parked and the user
// told.
func TestSlowHandlerIsAFailureNotAnOutage(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	b := bottest.Start(t, srv, storagetest.Open(t), rec,
		bottest.WithRuntime(bot.WithHandleTimeout(100*time.Millisecond), bot.WithAttempts(3, 10*time.Millisecond)))
	an := srv.NewUser("An", "vi")
	rec.block[an.ID] = make(chan struct{}) // never released
	id := an.SendText("slow")
	b.WaitHandled(t, id)
	expectText(t, an, "sorry")
	status, attempts, err := b.Inbox.UpdateStatus(context.Background(), id)
	if err != nil || status != "failed" || attempts != 2 {
		t.Fatalf("slow update is %s after %d counted starts (%v), want failed after 3 tries, the first uncounted", status, attempts, err)
	}
}

// A re-delivery of an update whose handler is running does not wait for
// that handler: the poller's whole batch would wait with it.
func TestRedeliveryDoesNotWaitForTheHandler(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	rec := newRecorder()
	b := bottest.Start(t, srv, storagetest.Open(t), rec, bottest.WithoutPolling())
	an, binh := srv.NewUser("An", "vi"), srv.NewUser("Bình", "vi")
	ctx := context.Background()
	release := make(chan struct{})
	defer close(release)
	rec.block[an.ID] = release
	first := rawUpdate(webhookUpdate(10, an.ID, "slow"))
	if err := b.Accept(ctx, first); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the handler to start", func() bool { return rec.begun(an.ID) == 1 })
	other := rawUpdate(webhookUpdate(11, binh.ID, "quick"))
	accepted := make(chan error, 1)
	go func() { accepted <- b.Accept(ctx, other, first) }()
	select {
	case err := <-accepted:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Accept waited for a running handler")
	}
	b.WaitHandled(t, 11)
	expectText(t, binh, "echo: quick")
}

// The counters an operator watches move with the traffic.
func TestMetricsMove(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), newRecorder())
	reg := prometheus.NewRegistry()
	if err := b.Runtime.Register(reg); err != nil {
		t.Fatal(err)
	}
	an := srv.NewUser("An", "vi")
	srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 429, RetryAfter: 1, Count: 1})
	b.WaitHandled(t, an.SendText("one"), an.SendText("boom"))
	expectText(t, an, "echo: one")
	values := func() map[string]float64 {
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]float64{}
		for _, mf := range mfs {
			for _, m := range mf.GetMetric() {
				name := mf.GetName()
				for _, l := range m.GetLabel() {
					name += "{" + l.GetValue() + "}"
				}
				switch {
				case m.Counter != nil:
					out[name] += m.Counter.GetValue()
				case m.Gauge != nil:
					out[name] = m.Gauge.GetValue()
				case m.Histogram != nil:
					out[name] = float64(m.Histogram.GetSampleCount())
				}
			}
		}
		return out
	}
	waitFor(t, "the sorry message", func() bool { return values()["dvcbot_replies_sent_total{sendMessage}"] == 2 })
	got := values()
	for name, want := range map[string]float64{
		"dvcbot_updates_received_total":           2,
		"dvcbot_updates_handled_total":            1,
		"dvcbot_updates_parked_total{panic}":      1,
		"dvcbot_update_handle_seconds":            1,
		"dvcbot_telegram_too_many_requests_total": 1,
		"dvcbot_replies_sent_total{sendMessage}":  2,
	} {
		if got[name] != want {
			t.Errorf("%s = %v, want %v", name, got[name], want)
		}
	}
	for _, name := range []string{"dvcbot_inbox_backlog", "dvcbot_outbox_depth", "dvcbot_outbox_oldest_seconds", "go_sql_max_open_connections{dvcbot}", "go_goroutines"} {
		if _, ok := got[name]; !ok {
			t.Errorf("%s is missing", name)
		}
	}
}

// A callback answer older than Telegram accepts is dropped, not sent: a
// reply left by a process that died long ago.
func TestOldCallbackAnswerIsDropped(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	store := storagetest.Open(t)
	an := srv.NewUser("An", "vi")
	_, err := store.DB().Exec(`INSERT INTO outbox (chat_id, kind, body, created_at) VALUES
		($1, 'answerCallbackQuery', $2, now() - interval '20 seconds'),
		($1, 'sendMessage', $3, now() - interval '20 seconds')`,
		an.ID, []byte(`{"ChatID":`+fmt.Sprint(an.ID)+`,"CallbackQueryID":"q1"}`),
		[]byte(`{"ChatID":`+fmt.Sprint(an.ID)+`,"Text":"left behind"}`))
	if err != nil {
		t.Fatal(err)
	}
	b := bottest.Start(t, srv, store, newRecorder())
	expectText(t, an, "left behind") // the message still counts
	waitFor(t, "the outbox to empty", func() bool { return outboxRows(t, b) == 0 })
	if n := len(srv.CallsTo("answerCallbackQuery")); n != 0 {
		t.Fatalf("a 20 s old callback answer was sent (%d calls)", n)
	}
	var why string
	if err := b.Inbox.DB().Get(&why, `SELECT last_error FROM outbox WHERE status = 'dropped'`); err != nil || !strings.Contains(why, "too old") {
		t.Fatalf("dropped answer: %q, %v", why, err)
	}
}

// A poller held back by a full backlog says so: the health check counts it
// alive although getUpdates has not been called for a while.
func TestThrottledPollerIsAlive(t *testing.T) {
	t.Parallel() // waits mostly (retries, timers): beside the others
	srv := telegramtest.NewServer()
	t.Cleanup(srv.Close) // after the poller stops
	p, release := runThrottledPoller(t, srv, time.Second)
	waitFor(t, "the poller to wait for room", p.Throttled)
	if !p.LastSuccess().IsZero() {
		t.Fatal("getUpdates was called while throttled")
	}
	close(release)
	waitFor(t, "getUpdates to answer", func() bool { return !p.LastSuccess().IsZero() })
}
