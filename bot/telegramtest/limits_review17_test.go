package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Telegram counts a message's length in UTF-16 code units, as it counts entity
// offsets: an emoji outside the Basic Multilingual Plane (📌, 🙂) is two. A text
// of 2,049 such emoji is 4,098 units and Telegram refuses it, though it is only
// 2,049 characters; so must the fake, or a screen drawn with many emoji passes
// here and reaches nobody in production.
func TestLimitsCountUTF16Units(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	u := srv.NewUser("Chi", "vi")
	wantBad := func(name string, err error, substr string) {
		t.Helper()
		if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), substr) {
			t.Errorf("%s: got %v, want 400 containing %q", name, err, substr)
		}
	}
	send := func(text string) error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: text})
		return err
	}
	wantBad("2049 emoji", send(strings.Repeat("🙂", 2049)), "message is too long")
	if err := send(strings.Repeat("🙂", 2048)); err != nil {
		t.Errorf("2048 emoji (4096 units): %v", err)
	}
	wantBad("4095 letters and an emoji", send(strings.Repeat("ă", 4095)+"📌"), "message is too long")

	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: u.ID, MessageID: m.ID, Text: strings.Repeat("📌", 2049)})
	wantBad("edit to 2049 emoji", err, "message is too long")

	img := bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 1000)
	_, err = b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileUpload{Filename: "x.png", Data: bytes.NewReader(img)}, Caption: strings.Repeat("📊", 513)})
	wantBad("caption of 513 emoji", err, "message caption is too long")
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileUpload{Filename: "x.png", Data: bytes.NewReader(img)}, Caption: strings.Repeat("📊", 512)}); err != nil {
		t.Errorf("caption of 512 emoji: %v", err)
	}
}
