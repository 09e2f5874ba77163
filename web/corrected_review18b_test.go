package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dvcbot/dvcbot/storage"
)

// The volunteer corrected a mistyped dossier code after the slip was
// given. A resident who had opened the link in Telegram was told; the page
// just showed the new code, and a resident holding the slip (or a note)
// with the old one could not tell which was right. The page now says the
// code was corrected and that this one is the one to use — in vi and en —;
// a code saved again unchanged (sent twice) says nothing of the kind.
func TestPageSaysTheCodeWasCorrected(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	_, l := catalogs(t)
	ip := "192.0.2.19:1"
	due := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	fixed := f.add(t, "khai-sinh", "000.00.12.H26-260302-1901", due, true)
	same := f.add(t, "khai-sinh", "000.00.12.H26-260302-1902", due, true)
	recode := func(token, code string) {
		t.Helper()
		p := f.read(t, token)
		if err := f.store.InTx(context.Background(), func(tx *storage.Tx) error {
			_, err := tx.SaveFollowup(context.Background(), p.CaseID, code, due, true)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"vi", "en"} {
		if page := text(do(h, "GET", "/f/"+fixed+"?lang="+lang, ip, nil)); strings.Contains(page, l.For(lang).T("web.code_corrected")) {
			t.Errorf("%s: a code never corrected is said corrected:\n%s", lang, page)
		}
	}
	recode(fixed, "000.00.12.H26-260302-1911")
	recode(same, "000.00.12.H26-260302-1902")
	for _, lang := range []string{"vi", "en"} {
		note := l.For(lang).T("web.code_corrected")
		page := text(do(h, "GET", "/f/"+fixed+"?lang="+lang, ip, nil))
		if !strings.Contains(page, "000.00.12.H26-260302-1911") || !strings.Contains(page, note) {
			t.Errorf("%s: the page of a corrected code lacks %q:\n%s", lang, note, page)
		}
		if strings.Contains(page, "000.00.12.H26-260302-1901") {
			t.Errorf("%s: the page shows the mistyped code", lang)
		}
		// So do the pages that show the code again: the question before
		// "received", and the erase's, which asks to note the code first.
		for _, path := range []string{"/received", "/forget"} {
			if page := text(do(h, "GET", "/f/"+fixed+path+"?lang="+lang, ip, nil)); !strings.Contains(page, note) {
				t.Errorf("%s: %s of a corrected code lacks %q:\n%s", lang, path, note, page)
			}
		}
		if page := text(do(h, "GET", "/f/"+same+"?lang="+lang, ip, nil)); strings.Contains(page, note) {
			t.Errorf("%s: a code saved again unchanged is said corrected", lang)
		}
	}
}

// The note of a corrected code, on a small phone: drawn under the code,
// nothing scrolling sideways (DVCBOT_WEB_SCREENSHOTS keeps the picture).
func TestBrowserCorrectedCode(t *testing.T) {
	f := newFixture(t)
	due := time.Date(2027, 1, 12, 0, 0, 0, 0, time.UTC)
	token := f.add(t, "ho-chieu", "000.00.12.H26-260302-1903", due, false)
	p := f.read(t, token)
	if err := f.store.InTx(context.Background(), func(tx *storage.Tx) error {
		_, err := tx.SaveFollowup(context.Background(), p.CaseID, "000.00.12.H26-260302-1913", due, false)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	g, l := catalogs(t)
	srv := httptest.NewServer(New(f.store, g, l, WithClock(func() time.Time { return now })))
	t.Cleanup(srv.Close)
	ctx := browser(t)
	for _, lang := range []string{"vi", "en"} {
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(320, 640, chromedp.EmulateScale(2), chromedp.EmulateMobile),
			chromedp.Navigate(srv.URL+"/f/"+token+"?lang="+lang)); err != nil {
			t.Fatalf("open the page: %v", err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		screenshot(t, "corrected-"+lang+".png", png)
		below, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
			const c = document.querySelector('#code').getBoundingClientRect(), n = document.querySelector('#code-corrected');
			return n !== null && n.getBoundingClientRect().top >= c.bottom && document.documentElement.scrollWidth === 320 })()`))
		if err != nil {
			t.Fatal(err)
		}
		if !below {
			t.Errorf("%s: the note is not under the code, or the page scrolls sideways", lang)
		}
	}
}
