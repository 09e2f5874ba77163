package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func kb(rows ...[]models.InlineKeyboardButton) *models.InlineKeyboardMarkup {
	return &models.InlineKeyboardMarkup{InlineKeyboard: rows}
}

// A whole conversation through the real client: command, keyboard, press, answer, edit.
func TestConversationWithRealClient(t *testing.T) {
	srv := newServer(t)
	var mu sync.Mutex
	var gotAccessible bool
	b := newBot(t, srv, bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {}))
	b.RegisterHandler(bot.HandlerTypeMessageText, "start", bot.MatchTypeCommand, func(ctx context.Context, b *bot.Bot, u *models.Update) {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{
			ChatID:    u.Message.Chat.ID,
			Text:      "<b>Xin chào</b> " + u.Message.From.FirstName + "?",
			ParseMode: models.ParseModeHTML,
			ReplyMarkup: kb([]models.InlineKeyboardButton{
				{Text: "Đồng ý", CallbackData: "yes"},
				{Text: "Không", CallbackData: "no"},
			}, []models.InlineKeyboardButton{{Text: "Web", URL: "https://example.com"}}),
		})
		if err != nil {
			t.Errorf("SendMessage: %v", err)
		}
	})
	b.RegisterHandler(bot.HandlerTypeCallbackQueryData, "", bot.MatchTypePrefix, func(ctx context.Context, b *bot.Bot, u *models.Update) {
		mu.Lock()
		gotAccessible = u.CallbackQuery.Message.Message != nil
		mu.Unlock()
		if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: u.CallbackQuery.ID, Text: "OK " + u.CallbackQuery.Data}); err != nil {
			t.Errorf("AnswerCallbackQuery: %v", err)
		}
		m := u.CallbackQuery.Message.Message
		if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: m.Chat.ID, MessageID: m.ID, Text: "Bạn chọn: " + u.CallbackQuery.Data}); err != nil {
			t.Errorf("EditMessageText: %v", err)
		}
	})
	startBot(t, b)

	alice := srv.NewUser("Alice", "vi")
	if alice.ID != 1001 {
		t.Fatalf("first user id = %d, want 1001", alice.ID)
	}
	alice.SendText("/start hello")
	m, err := alice.Next(3 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if m.Text != "Xin chào Alice?" || m.RawText != "<b>Xin chào</b> Alice?" || m.Edited || m.ChatID != alice.ID {
		t.Fatalf("got %+v", m)
	}
	if got := len(m.Buttons()); got != 3 || m.Keyboard[0][0].CallbackData != "yes" || m.Keyboard[1][0].URL != "https://example.com" {
		t.Fatalf("keyboard %+v", m.Keyboard)
	}
	if _, err := alice.Press("Web"); err == nil {
		t.Fatal("pressing a URL button must fail: it sends no callback")
	}
	if _, err := alice.Press("Đồng ý"); err != nil {
		t.Fatal(err)
	}
	e, err := alice.Next(3 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Edited || e.ID != m.ID || e.Text != "Bạn chọn: yes" || e.Keyboard != nil {
		t.Fatalf("edit = %+v", e)
	}
	if ans := alice.Answers(); len(ans) != 1 || ans[0].Text != "OK yes" {
		t.Fatalf("answers %+v", ans)
	}
	mu.Lock()
	if !gotAccessible {
		t.Error("callback message decoded as inaccessible")
	}
	mu.Unlock()
	if msgs := alice.Messages(); len(msgs) != 1 || alice.Last().Text != "Bạn chọn: yes" {
		t.Fatalf("messages %+v", msgs)
	}
	// The old keyboard is gone after the edit: no button left to press.
	if _, err := alice.PressOn(m.ID, "Không"); err == nil {
		t.Fatal("pressed a button that the edit removed")
	}
	if _, err := alice.Next(50 * time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("Next on a silent bot: %v", err)
	}
	if n := len(srv.CallsTo("sendmessage")); n != 1 {
		t.Fatalf("sendMessage calls = %d", n)
	}
}

func TestUploadsWithRealClient(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	u := srv.NewUser("Bob", "en")
	img := bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 1000)

	sent, err := b.SendPhoto(ctx, &bot.SendPhotoParams{
		ChatID:  u.ID,
		Photo:   &models.InputFileUpload{Filename: "chart.png", Data: bytes.NewReader(img)},
		Caption: "Biểu đồ",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sent.Photo) == 0 || sent.Caption != "Biểu đồ" || sent.Date == 0 {
		t.Fatalf("result %+v", sent)
	}
	m := u.Last()
	if !bytes.Equal(m.Photo, img) || m.Caption != "Biểu đồ" {
		t.Fatalf("user sees %+v", m)
	}
	// Re-sending by file_id, as bots do to avoid uploading twice.
	fileID := sent.Photo[len(sent.Photo)-1].FileID
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileString{Data: fileID}}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(u.Last().Photo, img) {
		t.Fatal("photo sent by file_id lost its bytes")
	}

	doc, err := b.SendDocument(ctx, &bot.SendDocumentParams{
		ChatID:   u.ID,
		Document: &models.InputFileUpload{Filename: "report.csv", Data: bytes.NewReader([]byte("a,b\n1,2\n"))},
	})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Document == nil || doc.Document.FileName != "report.csv" || doc.Document.FileSize != 8 {
		t.Fatalf("result %+v", doc.Document)
	}
	if d := u.Last().Document; d == nil || d.Name != "report.csv" || string(d.Data) != "a,b\n1,2\n" {
		t.Fatalf("user sees %+v", d)
	}
	calls := srv.CallsTo("sendDocument")
	if len(calls) != 1 || calls[0].Files["document"].Name != "report.csv" || calls[0].ChatID != u.ID || calls[0].Status != 200 {
		t.Fatalf("calls %+v", calls)
	}
	for i := 0; i < 3; i++ {
		if _, err := u.Next(time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileString{Data: "nonsense"}}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("unknown file_id: %v", err)
	}
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileUpload{Filename: "x.png", Data: bytes.NewReader(img)}, Caption: strings.Repeat("x", 1025)}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("long caption: %v", err)
	}
}

func TestCommandsWithRealClient(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	def := []models.BotCommand{{Command: "start", Description: "Start"}, {Command: "help", Description: "Help"}}
	vi := []models.BotCommand{{Command: "start", Description: "Bắt đầu"}}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: def}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: vi, Scope: &models.BotCommandScopeChat{ChatID: 1001}, LanguageCode: "vi"}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Commands("default", ""); len(got) != 2 || got[1].Command != "help" {
		t.Fatalf("default: %+v", got)
	}
	if got := srv.Commands("chat:1001", "vi"); len(got) != 1 || got[0].Description != "Bắt đầu" {
		t.Fatalf("chat:1001/vi: %+v", got)
	}
	got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{Scope: &models.BotCommandScopeChat{ChatID: 1001}, LanguageCode: "vi"})
	if err != nil || len(got) != 1 {
		t.Fatalf("GetMyCommands: %v %+v", err, got)
	}
	if _, err := b.DeleteMyCommands(ctx, &bot.DeleteMyCommandsParams{}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Commands("default", ""); len(got) != 0 {
		t.Fatalf("after delete: %+v", got)
	}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Bad-Name", Description: "x"}}}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("invalid command name: %v", err)
	}
}

func TestValidationWithRealClient(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	u := srv.NewUser("Chi", "vi")
	send := func(p *bot.SendMessageParams) error {
		p.ChatID = u.ID
		_, err := b.SendMessage(ctx, p)
		return err
	}
	wantBad := func(name string, err error, substr string) {
		t.Helper()
		if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), substr) {
			t.Errorf("%s: got %v, want 400 containing %q", name, err, substr)
		}
	}
	wantBad("4097 chars", send(&bot.SendMessageParams{Text: strings.Repeat("ă", 4097)}), "message is too long")
	if err := send(&bot.SendMessageParams{Text: strings.Repeat("ă", 4096)}); err != nil {
		t.Errorf("4096 chars: %v", err)
	}
	if err := send(&bot.SendMessageParams{Text: "<i>" + strings.Repeat("a", 4096) + "</i>", ParseMode: models.ParseModeHTML}); err != nil {
		t.Errorf("4096 chars inside HTML tags: %v", err)
	}
	wantBad("empty", send(&bot.SendMessageParams{Text: ""}), "message text is empty")
	wantBad("65 bytes", send(&bot.SendMessageParams{Text: "x", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "a", CallbackData: strings.Repeat("a", 65)}})}), "BUTTON_DATA_INVALID")
	// 32 Vietnamese letters of 2 bytes = 64 bytes: the limit is in bytes.
	if err := send(&bot.SendMessageParams{Text: "x", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "a", CallbackData: strings.Repeat("ă", 32)}})}); err != nil {
		t.Errorf("64-byte callback_data: %v", err)
	}
	wantBad("33 ă", send(&bot.SendMessageParams{Text: "x", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "a", CallbackData: strings.Repeat("ă", 33)}})}), "BUTTON_DATA_INVALID")
	wantBad("text button", send(&bot.SendMessageParams{Text: "x", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "a"}})}), "text buttons are unallowed")
	wantBad("bad html", send(&bot.SendMessageParams{Text: "a<br>b", ParseMode: models.ParseModeHTML}), "Unsupported start tag \"br\"")
	wantBad("unescaped <", send(&bot.SendMessageParams{Text: "1 < 2", ParseMode: models.ParseModeHTML}), "can't parse entities")
	wantBad("md v2 dot", send(&bot.SendMessageParams{Text: "Xong.", ParseMode: models.ParseModeMarkdown}), "Character '.' is reserved")
	if err := send(&bot.SendMessageParams{Text: "*Xong*\\.", ParseMode: models.ParseModeMarkdown}); err != nil || u.Last().Text != "Xong." {
		t.Errorf("md v2 escaped: %v %q", err, u.Last().Text)
	}
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 999, Text: "x"})
	wantBad("unknown chat", err, "chat not found")

	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "hi", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "a", CallbackData: "a"}})})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: u.ID, MessageID: m.ID, Text: "hi", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "a", CallbackData: "a"}})})
	wantBad("same edit", err, "message is not modified")
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: u.ID, MessageID: 9999, Text: "x"})
	wantBad("edit missing", err, "message to edit not found")
	if _, err := b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: u.ID, MessageID: m.ID}); err != nil {
		t.Fatal(err)
	}
	if u.Last().Keyboard != nil || !u.Last().Edited {
		t.Fatalf("keyboard not removed: %+v", u.Last())
	}
	_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: "nope"})
	wantBad("unknown query", err, "query is too old")
	if ok, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: u.ID, MessageID: m.ID}); err != nil || !ok {
		t.Fatal(err)
	}
	_, err = b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: u.ID, MessageID: m.ID})
	wantBad("delete twice", err, "message to delete not found")
	for _, msg := range u.Messages() {
		if msg.ID == m.ID {
			t.Fatal("deleted message still shown")
		}
	}
}

func TestCallbackAnswerRules(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	u := srv.NewUser("Dung", "vi")
	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "Chọn", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "A", CallbackData: "a"}})})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "Khác", ReplyMarkup: kb([]models.InlineKeyboardButton{{Text: "A", CallbackData: "a2"}})}); err != nil {
		t.Fatal(err)
	}
	upd := func() *models.Update {
		t.Helper()
		code, r := postJSON(t, srv.methodURL("getUpdates"), map[string]any{"timeout": 0})
		if code != 200 {
			t.Fatalf("getUpdates %d", code)
		}
		var ups []models.Update
		if err := jsonUnmarshal(r.Result, &ups); err != nil || len(ups) == 0 {
			t.Fatalf("updates %s: %v", r.Result, err)
		}
		last := ups[len(ups)-1]
		postJSON(t, srv.methodURL("getUpdates"), map[string]any{"offset": last.ID + 1, "timeout": 0})
		return &last
	}
	// Press picks the most recent message having the label; PressOn picks the old one.
	if _, err := u.Press("A"); err != nil {
		t.Fatal(err)
	}
	if q := upd().CallbackQuery; q.Data != "a2" || q.Message.Message == nil || q.Message.Message.Text != "Khác" || q.From.ID != u.ID || q.ChatInstance == "" {
		t.Fatalf("press newest: %+v", q)
	}
	if _, err := u.PressOn(m.ID, "A"); err != nil {
		t.Fatal(err)
	}
	q := upd().CallbackQuery
	if q.Data != "a" {
		t.Fatalf("press on old message: %+v", q)
	}
	_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: strings.Repeat("x", 201)})
	if !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("201-char answer: %v", err)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: "ok", ShowAlert: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("second answer: %v", err)
	}
	if a := u.Answers(); len(a) != 1 || a[0].CallbackQueryID != q.ID || !a[0].ShowAlert || a[0].Text != "ok" {
		t.Fatalf("answers %+v", a)
	}
	if _, err := u.PressOn(m.ID, "B"); err == nil {
		t.Fatal("pressed a missing button")
	}
}

// Many users at once through a running bot: exercised mainly for -race.
func TestConcurrentUsers(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {
		if u.Message != nil {
			_, _ = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "echo: " + u.Message.Text})
		}
	}))
	startBot(t, b)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u := srv.NewUser("U", "vi")
			for j := 0; j < 5; j++ {
				u.SendText("hi")
			}
			for j := 0; j < 5; j++ {
				m, err := u.Next(5 * time.Second)
				if err != nil || m.Text != "echo: hi" {
					t.Errorf("user %d: %v %+v", u.ID, err, m)
					return
				}
			}
		}()
	}
	wg.Wait()
}
