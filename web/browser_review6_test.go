package web

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserSmallScreen opens the page on a phone 320 pixels wide — a
// small or older phone, or a 360-pixel one whose "display size" is set
// larger, as many older residents set it — in Vietnamese and in English.
// Found in review (2026-11-30): the dossier code of the usual 25
// characters broke there as "000.00.12.H26-260302-000" and a lone "2"
// below, which reads as two things; the stars' labels broke as "1" above
// "★". The code and each star's label stay on one line, and nothing
// scrolls sideways.
func TestBrowserSmallScreen(t *testing.T) {
	f := newFixture(t)
	const code = "000.00.12.H26-260302-0002"
	token := f.add(t, "ho-chieu", code, time.Date(2027, 1, 12, 0, 0, 0, 0, time.UTC), false)
	g, l := catalogs(t)
	srv := httptest.NewServer(New(f.store, g, l, WithClock(func() time.Time { return now }),
		WithTelegramLink(func(tok string) string { return "https://t.me/dvc_test_bot?start=" + tok })))
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
		screenshot(t, "small-"+lang+".png", png)
		eval := func(js string) string {
			t.Helper()
			s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			if err != nil {
				t.Fatalf("%s: %v", js, err)
			}
			return s
		}
		// How many lines the text of each element matching sel takes, joined.
		lines := func(sel string) string {
			return eval(`Array.from(document.querySelectorAll(` + "`" + sel + "`" + `)).map(e => {
				const r = document.createRange(); r.selectNodeContents(e);
				return new Set(Array.from(r.getClientRects()).map(c => Math.round(c.top))).size }).join(",")`)
		}
		if got := lines("#code"); got != "1" {
			t.Errorf("%s: the dossier code takes %s lines on a 320-pixel screen", lang, got)
		}
		if got := lines(".stars label span"); got != "1,1,1,1,1" {
			t.Errorf("%s: the stars' labels take %s lines", lang, got)
		}
		if w := eval(`String(document.documentElement.scrollWidth)`); w != "320" {
			t.Errorf("%s: the page is %s px wide on a 320 px screen", lang, w)
		}
	}
}
