package bot_test

// A picture drawn from a few fields (a follow-up slip: a QR code and four
// lines) is kept in the outbox as those fields, and drawn when it is sent:
// the slip's 43 kB PNG, in base64 inside JSON, was written into the outbox
// in the handler's transaction, toasted, logged and deleted again, and
// drawn while the chats of the batch waited on its lock (2026-12-02).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func init() {
	// A drawing the tests own: "n" bars of 1 kB, so the picture is far
	// bigger than its spec.
	bot.RegisterDrawing("review25L-bars", func(spec []byte) ([]byte, error) {
		var s struct{ N int }
		if err := json.Unmarshal(spec, &s); err != nil {
			return nil, err
		}
		if s.N <= 0 {
			return nil, errors.New("no bars to draw")
		}
		return bytes.Repeat([]byte("bar "), 256*s.N), nil
	})
}

// reviewDrawer answers "bars N" with a drawn photo of N bars, "drawing X"
// with a photo of an unregistered drawing, anything else with an echo.
type reviewDrawer struct{}

func (reviewDrawer) Handle(ctx context.Context, tx *sqlx.Tx, u *models.Update) ([]bot.Reply, error) {
	chat := bot.ChatOf(u)
	var n int
	var name string
	switch {
	case len(u.Message.Text) > 5 && u.Message.Text[:5] == "bars ":
		n, _ = strconv.Atoi(u.Message.Text[5:])
		name = "review25L-bars"
	case len(u.Message.Text) > 8 && u.Message.Text[:8] == "drawing ":
		n, name = 1, u.Message.Text[8:]
	default:
		return []bot.Reply{bot.Message{ChatID: chat, Text: "echo: " + u.Message.Text}}, nil
	}
	return []bot.Reply{bot.Photo{ChatID: chat, Name: "bars.png", Drawing: name,
		Spec: json.RawMessage(`{"N":` + strconv.Itoa(n) + `}`), Caption: "bars"}}, nil
}

func (reviewDrawer) Failed(ctx context.Context, u *models.Update) []bot.Reply { return nil }

func TestReview25LDrawnPhotoIsKeptAsItsSpecAndSentDrawn(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), reviewDrawer{},
		bottest.WithSender(bot.WithRetries(1, 10*time.Millisecond)))
	an := srv.NewUser("An", "vi")
	// The first try fails: the reply waits in the outbox, as its spec.
	srv.Inject(telegramtest.Fault{Method: "sendPhoto", Code: http.StatusInternalServerError, Count: 1})
	b.WaitHandled(t, an.SendText("bars 40"))
	var body []byte
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.CallsTo("sendPhoto")) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := b.Inbox.DB().Get(&body, `SELECT body FROM outbox WHERE kind = 'sendPhoto'`); err != nil {
		t.Fatalf("the photo that failed once is not waiting in the outbox: %v", err)
	}
	if len(body) > 500 || bytes.Contains(body, []byte("bar bar")) {
		t.Errorf("the outbox keeps %d bytes for a drawn photo (its picture, not its spec): %.120q", len(body), body)
	}
	m, err := an.Next(8 * time.Second)
	if err != nil {
		t.Fatalf("the drawn photo never came after its failed try: %v", err)
	}
	if len(m.Photo) != 40*1024 || !bytes.HasPrefix(m.Photo, []byte("bar bar ")) {
		t.Fatalf("the photo sent is not the drawing: %+v", m)
	}
	if m.Caption != "bars" {
		t.Errorf("caption %q", m.Caption)
	}
}

// A drawing that cannot be drawn (unknown, or its drawer fails) is a bug no
// retry fixes: the reply is dropped at once and the chat's later replies go
// out behind it.
func TestReview25LUndrawablePhotoIsDroppedAtOnce(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	b := bottest.Start(t, srv, storagetest.Open(t), reviewDrawer{})
	an := srv.NewUser("An", "vi")
	b.WaitHandled(t, an.SendText("drawing nobody-registered"), an.SendText("bars 0"), an.SendText("after"))
	m, err := an.Next(8 * time.Second)
	if err != nil {
		t.Fatalf("the reply after two photos that cannot be drawn never came: %v", err)
	}
	if m.Text != "echo: after" {
		t.Fatalf("bot said %+v", m)
	}
	if n := len(srv.CallsTo("sendPhoto")); n != 0 {
		t.Errorf("a photo that could not be drawn was sent %d times", n)
	}
	var kept int
	if err := b.Inbox.DB().Get(&kept, `SELECT count(*) FROM outbox WHERE kind = 'sendPhoto' AND status = 'pending'`); err != nil {
		t.Fatal(err)
	}
	if kept != 0 {
		t.Errorf("%d photos that cannot be drawn still wait to be sent", kept)
	}
}
