package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/web"
)

// qrToken is the follow-up token a slip's QR code holds, whichever link it
// is: the web page's (…/f/<token>) or the bot's (…?start=<token>).
func qrToken(t *testing.T, photo []byte) string {
	t.Helper()
	link := decodeQR(t, photo)
	m := regexp.MustCompile(`(?:/f/|\?start=)([A-Za-z0-9_-]{16,64})$`).FindStringSubmatch(link)
	if m == nil {
		t.Fatalf("the slip's QR code reads %q: no follow-up link", link)
	}
	return m[1]
}

// Many residents do not use Telegram (docs: domain). With PUBLIC_URL, the
// slip's QR code is the follow-up page, which any phone's camera opens in a
// browser and which offers the reminders in Telegram; the link printed
// under it is the same. Found in review (2026-11-30): the QR code was the
// bot's deep link even with a web page, so a resident without Telegram who
// scanned it reached Telegram's "download the app" page, and the page that
// needs no Telegram was only the 49 characters printed below, to be typed
// by hand. Without PUBLIC_URL, the QR code is the deep link, as before.
func TestSlipQROpensThePageWithoutTelegram(t *testing.T) {
	t.Run("with a web page", func(t *testing.T) {
		w := newWorld(t, handlers.WithPublicURL("https://dvc.example.vn/"))
		v := w.volunteer("Vân")
		const code = "000.00.12.H26-251127-0601"
		ms := w.finishWithCode(v, code)
		if len(ms) != 2 || ms[0].Photo == nil {
			t.Fatalf("want the slip photo, then the summary: %+v", ms)
		}
		c, _ := w.lastCase(v)
		var token string
		if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		page := "https://dvc.example.vn/f/" + token
		if got := decodeQR(t, ms[0].Photo); got != page {
			t.Fatalf("the slip's QR code reads %q, want the follow-up page %q", got, page)
		}
		// The page it opens, in a browser, shows the dossier and offers
		// the reminders in Telegram (the bot's deep link).
		serve := web.New(w.store, catalog, w.texts, web.WithTelegramLink(w.h.DeepLink))
		rec := httptest.NewRecorder()
		serve.ServeHTTP(rec, httptest.NewRequest("GET", strings.TrimPrefix(page, "https://dvc.example.vn"), nil))
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, code) || !strings.Contains(body, w.h.DeepLink(token)) {
			t.Errorf("the page the QR code opens: %d, code shown %v, Telegram offered %v",
				rec.Code, strings.Contains(body, code), strings.Contains(body, w.h.DeepLink(token)))
		}
		// The summary still gives both links to send.
		if s := ms[1].Text; !strings.Contains(s, w.h.DeepLink(token)) || !strings.Contains(s, page) {
			t.Errorf("the summary's links: %q", s)
		}
	})
	t.Run("Telegram only", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Vân")
		ms := w.finishWithCode(v, "000.00.12.H26-251127-0602")
		if len(ms) != 2 || ms[0].Photo == nil {
			t.Fatalf("want the slip photo, then the summary: %+v", ms)
		}
		if got, want := decodeQR(t, ms[0].Photo), w.h.DeepLink(qrToken(t, ms[0].Photo)); got != want {
			t.Errorf("the slip's QR code reads %q, want the bot's deep link %q", got, want)
		}
	})
}
