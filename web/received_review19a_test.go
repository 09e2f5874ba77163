package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// The page's "received" question said confirming "ngừng nhắc" (stops the
// reminders) to everyone, though reminders go only to a Telegram chat
// that opened the link and agreed: a resident with only the page, or one
// who declined them in Telegram, read that something would stop that
// never ran. The question now says it only where reminders go.
func TestReceivedQuestionNamesRemindersOnlyWhenSent(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	_, l := catalogs(t)
	due := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	consent := func(token string, chat int64, yes bool) {
		t.Helper()
		id := f.read(t, token).CaseID
		ctx := context.Background()
		if err := f.store.InTx(ctx, func(tx *storage.Tx) error {
			if _, err := tx.ClaimFollowup(ctx, id, chat, "vi", now); err != nil {
				return err
			}
			return tx.SetResidentConsent(ctx, id, chat, yes, "vi-test", now)
		}); err != nil {
			t.Fatal(err)
		}
	}
	pageOnly := f.add(t, "khai-sinh", "000.00.12.H26-260302-1941", due, true)
	declined := f.add(t, "khai-sinh", "000.00.12.H26-260302-1942", due, true)
	consent(declined, 501, false)
	agreed := f.add(t, "khai-sinh", "000.00.12.H26-260302-1943", due, true)
	consent(agreed, 502, true)

	for _, lang := range []string{"vi", "en"} {
		stop := map[string]string{"vi": "ngừng nhắc", "en": "reminders"}[lang]
		ask := func(token string) string {
			t.Helper()
			w := do(h, "GET", "/f/"+token+"/received?lang="+lang, "192.0.2.9:1", nil)
			if w.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", token, w.Code, text(w))
			}
			if !strings.Contains(text(w), l.For(lang).T("web.received_confirm")) {
				t.Fatalf("not the question: %s", text(w))
			}
			return text(w)
		}
		if q := ask(agreed); !strings.Contains(q, stop) {
			t.Errorf("%s: the resident whom reminders go to is not told they stop (%q):\n%s", lang, stop, q)
		}
		for what, token := range map[string]string{"page only": pageOnly, "declined": declined} {
			if q := ask(token); strings.Contains(q, stop) {
				t.Errorf("%s, %s: told about reminders (%q) that never ran:\n%s", lang, what, stop, q)
			}
		}
	}
}
