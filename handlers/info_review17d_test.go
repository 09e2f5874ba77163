package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/dvcbot/dvcbot/guides"
)

// Telegram counts a message's 4,096 characters in UTF-16 units, an emoji
// as two. The ℹ screen filled up with sources counted characters, so a
// guide whose texts carry emoji (a 📍 before each place) made a screen
// Telegram refused: the volunteer's ℹ press brought nothing.
func TestInfoScreenFitsTelegramWithEmoji(t *testing.T) {
	w := newWorld(t)
	g := *guide(t, "khai-sinh")
	places := strings.Repeat("📍 Bộ phận một cửa xã. ", 120)
	g.OfflineHelp = guides.Text{Vi: places, En: places}
	g.Sources = nil
	for i := range 80 {
		g.Sources = append(g.Sources, guides.Source{
			URL: fmt.Sprintf("https://www.bao-%d.vn/%s-%d.htm", i, strings.Repeat("tin-tuc", 8), i), Date: "2025-08"})
	}
	w.withCatalog(guides.NewCatalog(&g))
	u := w.volunteer("Nguồn emoji")
	w.send(u, "/new")
	w.press(u, w.vi("category.civil")+" (1)")
	w.press(u, g.Title.In("vi"))
	m := last(t, w.press(u, w.vi("case.info")))
	if !strings.HasPrefix(m.Text, "ℹ") {
		t.Fatalf("the ℹ screen was not shown; last message: %q", m.Text)
	}
	if n := len(utf16.Encode([]rune(m.Text))); n > 4096 {
		t.Errorf("the ℹ screen has %d UTF-16 units", n)
	}
}
