package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A worker who only has the page (the slip's QR code) opens it a week
// after the expected date, the result not come: the page said "Đang chờ
// kết quả" under a date long past, as on the day it was printed, and
// nothing of what to do. Past the expected date it now says the date has
// passed and where to ask; on the day itself (the result may come any
// time that day), or once the result came, it does not.
func TestPagePastTheExpectedDateSaysWhatToDo(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	vict := time.FixedZone("ICT", 7*3600)
	late := f.add(t, "khai-sinh", "000.00.12.H26-260220-0001", time.Date(2026, 2, 27, 0, 0, 0, 0, vict), true)
	today := f.add(t, "khai-sinh", "000.00.12.H26-260225-0001", time.Date(2026, 3, 2, 0, 0, 0, 0, vict), true)
	came := f.add(t, "khai-sinh", "000.00.12.H26-260220-0002", time.Date(2026, 2, 27, 0, 0, 0, 0, vict), true)
	if err := f.store.FollowupReceived(context.Background(), came, now); err != nil {
		t.Fatal(err)
	}
	h, _ := server(t, f)
	_, l := catalogs(t)
	for _, lang := range []string{"vi", "en"} {
		tr := l.For(lang)
		page := func(token string) string {
			t.Helper()
			w := do(h, "GET", "/f/"+token+"?lang="+lang, "192.0.2.1:1", nil)
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s: %d", lang, w.Code)
			}
			return text(w)
		}
		if got := page(late); !strings.Contains(got, tr.T("web.status_late")) || !strings.Contains(got, tr.T("web.late_hint")) {
			t.Errorf("%s, three days past the expected date: %q, want %q and %q", lang, got, tr.T("web.status_late"), tr.T("web.late_hint"))
		}
		if got := page(today); strings.Contains(got, tr.T("web.late_hint")) || !strings.Contains(got, tr.T("web.status_waiting")) {
			t.Errorf("%s, on the expected date: %q", lang, got)
		}
		if got := page(came); strings.Contains(got, tr.T("web.late_hint")) || !strings.Contains(got, tr.T("web.status_received")) {
			t.Errorf("%s, the result received: %q", lang, got)
		}
	}
}
