package bot_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot"
)

// A Bot API call leaves in one piece, with its length, and the client
// keeps its connections to Telegram between calls, however many workers
// send at once.
func TestHTTPClientSendsWholeBodiesOnKeptConnections(t *testing.T) {
	type seen struct {
		length  int64
		chunked bool
		body    []byte
	}
	var (
		mu    sync.Mutex
		calls []seen
		dials atomic.Int64
	)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("read body: %v", err)
		}
		mu.Lock()
		calls = append(calls, seen{r.ContentLength, len(r.TransferEncoding) > 0, body})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"}}}`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			dials.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	api, err := tg.New("123:abc", tg.WithServerURL(srv.URL), tg.WithSkipGetMe(), tg.WithHTTPClient(0, bot.NewHTTPClient()))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const workers, rounds = 8, 5
	for range rounds {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				if _, err := api.SendMessage(ctx, &tg.SendMessageParams{ChatID: 1, Text: "hello"}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	// A document over the whole-body limit still arrives whole (chunked).
	big := bytes.Repeat([]byte("a;b;c\n"), 100_000)
	if _, err := api.SendDocument(ctx, &tg.SendDocumentParams{ChatID: 1,
		Document: &models.InputFileUpload{Filename: "t.csv", Data: bytes.NewReader(big)}}); err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(calls) != workers*rounds+1 {
		t.Fatalf("%d calls arrived, want %d", len(calls), workers*rounds+1)
	}
	for i, c := range calls[:workers*rounds] {
		if c.chunked || c.length != int64(len(c.body)) || !bytes.Contains(c.body, []byte("hello")) {
			t.Fatalf("call %d: chunked %v, Content-Length %d for %d bytes: %q", i, c.chunked, c.length, len(c.body), c.body)
		}
	}
	if last := calls[len(calls)-1]; !last.chunked || !bytes.Contains(last.body, big) {
		t.Errorf("the big document: chunked %v, %d bytes, content whole: %v", last.chunked, len(last.body), bytes.Contains(last.body, big))
	}
	// Go's default transport keeps 2 idle connections: with 8 workers it
	// dialled about 6 more every round (about 32 in all). Kept ones need
	// only the first round's 8 — and a few more on a loaded machine, where
	// a round may begin before the last one's connections are back in the
	// pool (11 seen, with two test packages running beside it).
	if n := dials.Load(); n > 2*workers {
		t.Errorf("%d connections dialled for %d rounds of %d workers, want at most %d", n, rounds, workers, 2*workers)
	}
}
