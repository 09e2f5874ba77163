package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func updateIDs(t *testing.T, r apiResp) []int64 {
	t.Helper()
	var ups []models.Update
	if err := json.Unmarshal(r.Result, &ups); err != nil {
		t.Fatalf("result %s: %v", r.Result, err)
	}
	ids := make([]int64, len(ups))
	for i, u := range ups {
		ids[i] = u.ID
	}
	return ids
}

func TestGetUpdatesOffsetAndLimit(t *testing.T) {
	srv := newServer(t)
	u := srv.NewUser("An", "vi")
	for i := 0; i < 5; i++ {
		u.SendText("m" + strconv.Itoa(i))
	}
	_, r := postJSON(t, srv.methodURL("getUpdates"), map[string]any{"limit": 2})
	if ids := updateIDs(t, r); len(ids) != 2 || ids[0] != 1 || ids[1] != 2 {
		t.Fatalf("limit 2: %v", ids)
	}
	// Unconfirmed updates come again.
	_, r = postForm(t, srv.methodURL("getUpdates"), url.Values{"limit": {"1"}})
	if ids := updateIDs(t, r); len(ids) != 1 || ids[0] != 1 {
		t.Fatalf("again: %v", ids)
	}
	// offset confirms for good: a later call without offset does not bring them back.
	_, r = postForm(t, srv.methodURL("getUpdates"), url.Values{"offset": {"3"}})
	if ids := updateIDs(t, r); len(ids) != 3 || ids[0] != 3 {
		t.Fatalf("offset 3: %v", ids)
	}
	_, r = postJSON(t, srv.methodURL("getUpdates"), map[string]any{})
	if ids := updateIDs(t, r); len(ids) != 3 || ids[0] != 3 {
		t.Fatalf("after confirm: %v", ids)
	}
	// Query parameters work too, and GET.
	resp, err := http.Get(srv.methodURL("getUpdates") + "?offset=-1")
	if err != nil {
		t.Fatal(err)
	}
	var gr apiResp
	_ = json.NewDecoder(resp.Body).Decode(&gr)
	resp.Body.Close()
	if ids := updateIDs(t, gr); len(ids) != 1 || ids[0] != 5 {
		t.Fatalf("offset -1: %v", ids)
	}
	if srv.PendingUpdates() != 1 {
		t.Fatalf("pending %d", srv.PendingUpdates())
	}
	_, r = postJSON(t, srv.methodURL("getUpdates"), map[string]any{"offset": 6})
	if ids := updateIDs(t, r); len(ids) != 0 {
		t.Fatalf("all confirmed: %v", ids)
	}

	// The message looks like Telegram's: bot_command entity in UTF-16 units, chat, from.
	u.SendText("/start@" + srv.Bot().Username + " x")
	_, r = postJSON(t, srv.methodURL("getUpdates"), map[string]any{"offset": 6})
	var ups []models.Update
	_ = json.Unmarshal(r.Result, &ups)
	m := ups[0].Message
	if m == nil || len(m.Entities) != 1 || m.Entities[0].Type != models.MessageEntityTypeBotCommand ||
		m.Entities[0].Length != len("/start@dvcbot_test_bot") || m.Chat.Type != models.ChatTypePrivate ||
		m.Chat.ID != u.ID || m.From.LanguageCode != "vi" || m.From.IsBot || m.Date == 0 || m.ID != 6 {
		t.Fatalf("message %+v", m)
	}
}

func TestGetUpdatesLongPoll(t *testing.T) {
	srv := newServer(t)
	u := srv.NewUser("Binh", "vi")

	start := time.Now()
	_, r := postJSON(t, srv.methodURL("getUpdates"), map[string]any{"timeout": 1})
	if el := time.Since(start); el < 950*time.Millisecond || el > 3*time.Second {
		t.Fatalf("empty answer after %v, want ~1s", el)
	}
	if ids := updateIDs(t, r); len(ids) != 0 {
		t.Fatalf("%v", ids)
	}

	go func() {
		time.Sleep(200 * time.Millisecond)
		u.SendText("hello")
	}()
	start = time.Now()
	_, r = postJSON(t, srv.methodURL("getUpdates"), map[string]any{"timeout": 10})
	if el := time.Since(start); el > 2*time.Second {
		t.Fatalf("update arrived but poll answered after %v", el)
	}
	if ids := updateIDs(t, r); len(ids) != 1 {
		t.Fatalf("%v", ids)
	}

	// A second poller terminates the first with 409, as Telegram does.
	first := make(chan int, 1)
	go func() {
		resp, err := http.Post(srv.methodURL("getUpdates"), "application/json", strings.NewReader(`{"offset":2,"timeout":10}`))
		if err != nil {
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	time.Sleep(100 * time.Millisecond)
	go func() {
		resp, err := http.Post(srv.methodURL("getUpdates"), "application/json", strings.NewReader(`{"offset":2,"timeout":1}`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	select {
	case code := <-first:
		if code != http.StatusConflict {
			t.Fatalf("first poller got %d", code)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("first poller not terminated")
	}
}

func TestCloseUnblocksLongPoll(t *testing.T) {
	srv := NewServer()
	done := make(chan error, 1)
	go func() {
		resp, err := http.Post(srv.methodURL("getUpdates"), "application/json", strings.NewReader(`{"timeout":50}`))
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	srv.Close()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("long poll still blocked after Close")
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Fatalf("Close took %v", el)
	}
	srv.Close() // idempotent
}

func TestErrorsLikeTelegram(t *testing.T) {
	srv := newServer(t)
	u := srv.NewUser("Cuong", "vi")

	code, r := postJSON(t, srv.URL+"/bot123:WRONG/getMe", map[string]any{})
	if code != 401 || r.OK || r.ErrorCode != 401 || r.Description != "Unauthorized" {
		t.Fatalf("wrong token: %d %+v", code, r)
	}
	code, r = postJSON(t, srv.methodURL("sendMassage"), map[string]any{})
	if code != 404 || r.ErrorCode != 404 || r.Description != "Not Found" {
		t.Fatalf("unknown method: %d %+v", code, r)
	}
	code, r = postJSON(t, srv.methodURL("SENDMESSAGE"), map[string]any{"chat_id": u.ID, "text": "hoa thường"})
	if code != 200 || !r.OK {
		t.Fatalf("case-insensitive method: %d %+v", code, r)
	}
	var sent models.Message
	if err := json.Unmarshal(r.Result, &sent); err != nil || sent.ID == 0 || sent.Date == 0 || sent.From == nil || !sent.From.IsBot || sent.Chat.ID != u.ID {
		t.Fatalf("result %s", r.Result)
	}
	code, r = postJSON(t, srv.methodURL("sendMessage"), map[string]any{"text": "x"})
	if code != 400 || !strings.HasPrefix(r.Description, "Bad Request: ") || !strings.Contains(r.Description, "chat_id") {
		t.Fatalf("missing chat_id: %d %+v", code, r)
	}
	code, r = postForm(t, srv.methodURL("sendMessage"), url.Values{"chat_id": {"1001"}, "text": {strings.Repeat("x", 4097)}})
	if code != 400 || r.Description != "Bad Request: message is too long" {
		t.Fatalf("4097: %d %+v", code, r)
	}
	code, r = postJSON(t, srv.methodURL("sendMessage"), map[string]any{"chat_id": u.ID, "text": "x",
		"reply_markup": map[string]any{"inline_keyboard": [][]map[string]string{{{"text": "b", "callback_data": strings.Repeat("d", 65)}}}}})
	if code != 400 || r.Description != "Bad Request: BUTTON_DATA_INVALID" {
		t.Fatalf("65-byte data: %d %+v", code, r)
	}
	code, r = postJSON(t, srv.methodURL("sendMessage"), map[string]any{"chat_id": u.ID, "text": "x", "disable_notification": "maybe"})
	if code != 400 {
		t.Fatalf("bad boolean: %d %+v", code, r)
	}
	// Known to the schema but not simulated: accepted after the required-parameter check.
	code, r = postJSON(t, srv.methodURL("sendChatAction"), map[string]any{"chat_id": u.ID, "action": "typing"})
	if code != 200 || string(r.Result) != "true" {
		t.Fatalf("sendChatAction: %d %+v", code, r)
	}
	code, _ = postJSON(t, srv.methodURL("sendChatAction"), map[string]any{"chat_id": u.ID})
	if code != 400 {
		t.Fatalf("sendChatAction without action: %d", code)
	}
	// getMe through the library: empty multipart body.
	b := newBot(t, srv)
	me, err := b.GetMe(context.Background())
	if err != nil || !me.IsBot || me.Username != "dvcbot_test_bot" || me.ID != 123456 {
		t.Fatalf("getMe: %v %+v", err, me)
	}
	calls := srv.Calls()
	if calls[0].Status != 401 || calls[1].Status != 404 || calls[2].Method != "sendMessage" || calls[2].ChatID != u.ID {
		t.Fatalf("calls %+v", calls[:3])
	}
	if APIVersion() != "10.2" {
		t.Fatalf("API version %q", APIVersion())
	}
}

func TestFaults(t *testing.T) {
	srv := newServer(t)
	u := srv.NewUser("Giang", "vi")
	b := newBot(t, srv)
	ctx := context.Background()

	srv.Inject(Fault{Method: "sendMessage", Code: 429, RetryAfter: 7, Count: 1})
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "x"})
	var tmr *bot.TooManyRequestsError
	if !errors.As(err, &tmr) || tmr.RetryAfter != 7 {
		t.Fatalf("want TooManyRequestsError{7}, got %v", err)
	}
	if len(u.Messages()) != 0 {
		t.Fatal("a faulted call must have no effect")
	}
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "x"}); err != nil {
		t.Fatalf("Count 1 fault hit twice: %v", err)
	}

	srv.Inject(Fault{Code: 429, RetryAfter: 2})
	code, r := postJSON(t, srv.methodURL("sendMessage"), map[string]any{"chat_id": u.ID, "text": "y"})
	if code != 429 || r.ErrorCode != 429 || r.Description != "Too Many Requests: retry after 2" || r.Parameters == nil || r.Parameters.RetryAfter != 2 {
		t.Fatalf("429 body: %d %+v", code, r)
	}
	// A fault without Method spares getUpdates.
	if code, _ := postJSON(t, srv.methodURL("getUpdates"), map[string]any{}); code != 200 {
		t.Fatalf("getUpdates hit by an anonymous fault: %d", code)
	}
	srv.ClearFaults()

	srv.Inject(Fault{Method: "getUpdates", Code: 502, Count: 2})
	for i := 0; i < 2; i++ {
		if code, r := postJSON(t, srv.methodURL("getUpdates"), map[string]any{}); code != 502 || r.OK {
			t.Fatalf("502 fault: %d %+v", code, r)
		}
	}
	if code, _ := postJSON(t, srv.methodURL("getUpdates"), map[string]any{}); code != 200 {
		t.Fatalf("after 2 hits: %d", code)
	}

	srv.Inject(Fault{Method: "sendMessage", Delay: 300 * time.Millisecond, Until: time.Now().Add(time.Hour)})
	start := time.Now()
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "slow"}); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 300*time.Millisecond {
		t.Fatalf("delay not applied: %v", el)
	}
	srv.ClearFaults()
	srv.Inject(Fault{Method: "sendMessage", Code: 500, Until: time.Now().Add(-time.Second)})
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "expired fault"}); err != nil {
		t.Fatalf("expired fault still active: %v", err)
	}

	var statuses []int
	for _, c := range srv.CallsTo("sendMessage") {
		statuses = append(statuses, c.Status)
	}
	want := []int{429, 200, 429, 200, 200}
	if len(statuses) != len(want) {
		t.Fatalf("statuses %v", statuses)
	}
	for i := range want {
		if statuses[i] != want[i] {
			t.Fatalf("statuses %v, want %v", statuses, want)
		}
	}
}

// allowed_updates names updates by their field ("message",
// "my_chat_member"): getUpdates hands out those and drops the others, as
// Telegram does (each update's kind is found once, as it is queued).
func TestGetUpdatesAllowedUpdates(t *testing.T) {
	for _, c := range []struct {
		allowed string
		want    []int64 // 1: the message, 2: the bot blocked
	}{
		{`["my_chat_member"]`, []int64{2}},
		{`["message"]`, []int64{1}},
		{`["callback_query"]`, []int64{}},
		{`["message","my_chat_member"]`, []int64{1, 2}},
	} {
		srv := newServer(t)
		u := srv.NewUser("An", "vi")
		u.SendText("hello")
		u.Block()
		_, r := postForm(t, srv.methodURL("getUpdates"), url.Values{"allowed_updates": {c.allowed}})
		if ids := updateIDs(t, r); !slices.Equal(ids, c.want) {
			t.Errorf("allowed_updates %s: got updates %v, want %v", c.allowed, ids, c.want)
		}
	}
}
