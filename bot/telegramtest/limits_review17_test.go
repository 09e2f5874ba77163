package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
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

// A photo Telegram cannot show is refused: its width and height together
// at most 10,000 pixels, the one at most 20 times the other (sendPhoto).
// A chart that grew a bar per commune of a province would be one.
func TestPhotoDimensionsAreChecked(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	u := srv.NewUser("Chi", "vi")
	sendPNG := func(w, h int) error {
		var buf bytes.Buffer
		if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
			t.Fatal(err)
		}
		_, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileUpload{Filename: "chart.png", Data: &buf}})
		return err
	}
	for _, size := range [][2]int{{1280, 1776}, {1080, 6000}, {100, 2000}} {
		if err := sendPNG(size[0], size[1]); err != nil {
			t.Errorf("%d×%d: %v", size[0], size[1], err)
		}
	}
	for _, size := range [][2]int{{1280, 8721}, {100, 2001}, {2001, 100}} {
		if err := sendPNG(size[0], size[1]); !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "PHOTO_INVALID_DIMENSIONS") {
			t.Errorf("%d×%d: got %v, want PHOTO_INVALID_DIMENSIONS", size[0], size[1], err)
		}
	}
	// As a document, the same picture goes: Telegram does not look at it.
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 100, 2001))); err != nil {
		t.Fatal(err)
	}
	if _, err := b.SendDocument(ctx, &bot.SendDocumentParams{ChatID: u.ID, Document: &models.InputFileUpload{Filename: "tall.png", Data: &buf}}); err != nil {
		t.Errorf("a tall picture as a document: %v", err)
	}
}
