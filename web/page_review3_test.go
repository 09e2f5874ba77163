package web

// The page walked as a resident over weeks (third review): each test
// failed before its fix.

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// A link copied out of a message often takes the punctuation after it
// ("…/f/<token>." at the end of a sentence, "(…/f/<token>)"): the page
// answered "link expired", and counted a wrong link against the address.
// The token is the path's characters before the first that a token never
// holds: the page sends the browser there.
func TestLinkWithPunctuationAfterIt(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-261130-0301", time.Time{}, false)
	h, _ := server(t, f, WithWrongTokenLimit(2, time.Hour, 100))
	for _, tail := range []string{".", ")", "%29", ",", "%E3%80%82" /* 。 */, ").", "%20"} {
		w := do(h, "GET", "/f/"+token+tail+"?lang=vi", "192.0.2.7:1", nil)
		if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), token+"?") {
			t.Errorf("/f/<token>%s: %d %q, want 303 to the page", tail, w.Code, w.Header().Get("Location"))
		}
	}
	// Not one wrong link was counted: the page itself still opens.
	if w := do(h, "GET", "/f/"+token, "192.0.2.7:1", nil); w.Code != http.StatusOK {
		t.Errorf("the page after the links with punctuation: %d", w.Code)
	}
	// A token cut short, or with a letter too many, is still a wrong link.
	for _, bad := range []string{token[:20], token + "x"} {
		if w := do(h, "GET", "/f/"+bad, "192.0.2.8:1", nil); w.Code != http.StatusNotFound {
			t.Errorf("/f/%s: %d, want 404", bad, w.Code)
		}
	}
}

// The daughter got only the page's link (by Zalo) for her mother: the page
// never said reminders can be had in Telegram, which the slip's QR code
// offers. It does now, while nobody opened the link in Telegram and the
// result is awaited — then no more (the reminders go to that account).
func TestPageOffersTheTelegramReminder(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-261130-0302", now.AddDate(0, 0, 3), true)
	deep := func(tok string) string { return "https://t.me/dvc_test_bot?start=" + tok }
	h, _ := server(t, f, WithTelegramLink(deep))
	page := func(h http.Handler) string {
		t.Helper()
		w := do(h, "GET", "/f/"+token+"?lang=vi", "192.0.2.9:1", nil)
		if w.Code != http.StatusOK {
			t.Fatalf("the page: %d", w.Code)
		}
		return w.Body.String()
	}
	if body := page(h); !strings.Contains(body, `href="`+deep(token)+`"`) || !strings.Contains(body, "Nhận nhắc qua Telegram") {
		t.Errorf("the page of a link nobody opened in Telegram offers no reminder there:\n%s", body)
	}
	plain, _ := server(t, f)
	if body := page(plain); strings.Contains(body, "t.me/") {
		t.Error("a page without the bot's link shows one")
	}
	ctx := context.Background()
	if err := f.store.InTx(ctx, func(tx *storage.Tx) error {
		_, err := tx.ClaimFollowup(ctx, f.read(t, token).CaseID, 4242, "vi", now)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if body := page(h); strings.Contains(body, "t.me/") {
		t.Error("the page still offers Telegram once the link was opened there")
	}
}
