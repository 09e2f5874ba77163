package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

type apiResp struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  *struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

func (s *Server) methodURL(method string) string { return s.URL + "/bot" + s.Token + "/" + method }

func postJSON(t *testing.T, u string, body any) (int, apiResp) {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, u, "application/json", bytes.NewReader(b))
}

func postForm(t *testing.T, u string, vals url.Values) (int, apiResp) {
	t.Helper()
	return do(t, u, "application/x-www-form-urlencoded", strings.NewReader(vals.Encode()))
}

func do(t *testing.T, u, ct string, body io.Reader) (int, apiResp) {
	t.Helper()
	resp, err := http.Post(u, ct, body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r apiResp
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("bad JSON answer %q: %v", raw, err)
	}
	if r.ErrorCode != 0 && r.ErrorCode != resp.StatusCode {
		t.Fatalf("error_code %d but HTTP %d", r.ErrorCode, resp.StatusCode)
	}
	return resp.StatusCode, r
}

// newBot starts a real go-telegram/bot client against srv and stops it at cleanup.
func newBot(t *testing.T, srv *Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	opts = append([]bot.Option{bot.WithServerURL(srv.URL), bot.WithSkipGetMe()}, opts...)
	b, err := bot.New(srv.Token, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// startBot runs the bot's long-poll loop until the test ends.
func startBot(t *testing.T, b *bot.Bot) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		b.Start(ctx)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("bot did not stop")
		}
	})
}

func newServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
