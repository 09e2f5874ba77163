package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the browser. A missing one fails the test (it is a
// prerequisite, like PostgreSQL), never skips it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed; the follow-up page's browser test needs it. " +
		"Install it with: apt-get install -y chromium (Debian's package, /usr/bin/chromium)")
	return ""
}

// browser starts a headless Chromium of its own (a fresh profile) and
// returns a tab, closed with the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.UserDataDir(t.TempDir()),
		// The machine has no network but this test's server: nothing may
		// try to reach out (QUIC, updates, sync) or wait for it.
		chromedp.Flag("headless", true),
		chromedp.NoSandbox, // as root in CI
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// A resident's phone, in Vietnamese.
		chromedp.Flag("lang", "vi-VN"),
		chromedp.Flag("accept-lang", "vi-VN,vi"),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	return ctx
}

// screenshot keeps a PNG under the test's temp dir and, when
// DVCBOT_WEB_SCREENSHOTS names a directory, there too (to look at).
func screenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	dirs := []string{t.TempDir()}
	if d := os.Getenv("DVCBOT_WEB_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
}

// TestBrowser opens the page in headless Chromium on a 360-pixel-wide
// phone screen: the dossier code shows without sideways scrolling, the
// rating form stores a rating, the erase asks first and then erases, a
// wrong link shows the expired page, and 50 wrong links from one address
// get 429.
func TestBrowser(t *testing.T) {
	f := newFixture(t)
	const code = "000.00.12.H26-260302-0001"
	token := f.add(t, "khai-sinh", code, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), true)
	// Behind a proxy that serves the bot under a path, as PUBLIC_URL may
	// (https://example.org/dvcbot): every link, form and redirect must
	// keep the prefix.
	g, l := catalogs(t)
	h := New(f.store, g, l, WithClock(func() time.Time { return now }))
	mux := http.NewServeMux()
	mux.Handle("/dvcbot/f/", http.StripPrefix("/dvcbot", h))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base := srv.URL + "/dvcbot"
	ctx := browser(t)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.TrimSpace(s)
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		screenshot(t, name, png)
	}

	run("open the page",
		chromedp.EmulateViewport(360, 800, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(base+"/f/"+token))
	shot("page.png")
	if got := text("#code"); got != code {
		t.Errorf("the code shows as %q, want %q", got, code)
	}
	// A code of the usual 25 characters fits on one line, to be read out.
	if lines := eval(`(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('#code')); return String(r.getClientRects().length) })()`); lines != "1" {
		t.Errorf("the code takes %s lines", lines)
	}
	if h1 := text("h1"); !strings.Contains(h1, "Khai sinh") {
		t.Errorf("the heading is %q", h1)
	}
	if w := eval(`String(document.documentElement.scrollWidth)`); w != "360" {
		t.Errorf("the page is %s px wide on a 360 px screen", w)
	}
	// The inline stylesheet applied: the CSP's hash matches it.
	if us := eval(`getComputedStyle(document.querySelector('#code')).userSelect`); us != "all" {
		t.Errorf("the stylesheet did not apply (user-select %q): blocked by the CSP?", us)
	}

	// Rate 4 with a comment, as a resident would: tap, type, send.
	run("rate",
		chromedp.Click(chromedp.CSS(`label:has(#star4)`)),
		chromedp.SendKeys(chromedp.CSS("#comment"), "Các bạn hướng dẫn rất tận tình"),
		chromedp.Click(chromedp.CSS("#send-rating")),
		chromedp.WaitVisible(chromedp.CSS(".notice")))
	shot("rated.png")
	if n := text(".notice"); !strings.Contains(n, "Cảm ơn") {
		t.Errorf("after sending, the notice says %q", n)
	}
	if p := f.read(t, token); p.Rating != 4 {
		t.Errorf("the stored rating is %d, want 4", p.Rating)
	}
	if u := eval(`location.pathname`); u != "/dvcbot/f/"+token {
		t.Errorf("after sending, the page is %s", u)
	}
	// The language link, from the page after the redirect.
	run("switch to English", chromedp.Click(chromedp.CSS("a.lang")), chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #rate`)))
	if h2 := text("#rate h2"); h2 != "Rate the help you got" {
		t.Errorf("in English the rating's heading is %q", h2)
	}

	// Erase, as a resident would: the link asks first; "do not erase"
	// goes back; the confirmation's button erases.
	run("ask to erase", chromedp.Click(chromedp.CSS("#forget-link")), chromedp.WaitVisible(chromedp.CSS("#forget-confirm")))
	run("look in Vietnamese", chromedp.Click(chromedp.CSS("a.lang")), chromedp.WaitVisible(chromedp.CSS(`html[lang="vi"] #forget-confirm`)))
	shot("forget.png")
	if h1 := text("h1"); h1 != "Xoá thông tin theo dõi hồ sơ?" {
		t.Errorf("the confirmation's heading is %q", h1)
	}
	if w := eval(`String(document.documentElement.scrollWidth)`); w != "360" {
		t.Errorf("the confirmation is %s px wide on a 360 px screen", w)
	}
	run("do not erase", chromedp.Click(chromedp.CSS("#forget-cancel")), chromedp.WaitVisible(chromedp.CSS("#rate")))
	if p := f.read(t, token); p.DossierCode != code {
		t.Fatalf("the follow-up after the confirmation and back: %+v", p)
	}
	run("erase", chromedp.Click(chromedp.CSS("#forget-link")), chromedp.WaitVisible(chromedp.CSS("#forget-confirm")),
		chromedp.Click(chromedp.CSS("#forget-confirm")), chromedp.WaitNotPresent(chromedp.CSS("#forget-confirm")))
	shot("forgotten.png")
	if h1, u := text("h1"), eval(`location.pathname`); h1 != "Đã xoá thông tin theo dõi" || u != "/dvcbot/f/forgotten" {
		t.Errorf("after the erase: %q at %s", h1, u)
	}
	if _, err := f.store.FollowupByToken(context.Background(), token); err == nil {
		t.Error("the follow-up is still there after the erase")
	}
	run("the link again", chromedp.Navigate(base+"/f/"+token))
	if h1 := text("h1"); h1 != "Liên kết đã hết hạn" {
		t.Errorf("the erased link's page says %q", h1)
	}

	// A wrong link: the expired page.
	run("a wrong link", chromedp.Navigate(base+"/f/AAAAAAAAAAAAAAAAAAAAAAAA"))
	shot("expired.png")
	if h1 := text("h1"); h1 != "Liên kết đã hết hạn" {
		t.Errorf("a wrong link's page says %q", h1)
	}

	// 50 more wrong links from this address: refused with 429.
	var status int64
	for i := range 50 {
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(base+"/f/wrongtoken"+strconv.Itoa(100000+i)+"xxxx"))
		if err != nil {
			t.Fatalf("wrong link %d: %v", i+1, err)
		}
		status = resp.Status
	}
	shot("too-many.png")
	if h1 := text("h1"); status != 429 || h1 != "Quá nhiều lần thử" {
		t.Errorf("after 51 wrong links: status %d, heading %q; want 429, the too-many-tries page", status, h1)
	}
}
