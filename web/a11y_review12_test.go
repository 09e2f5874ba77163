package web

// The follow-up page for everyone, reviewed in review 12 (2026-12-01)
// against WCAG 2.2 AA: residents are often elderly, on cheap Android
// phones, with a large system font, sometimes with TalkBack. The tests
// that name a failure failed before its fix.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// a11yPage is a follow-up awaiting its result, offered in Telegram too:
// the page with the most controls.
func a11yPage(t *testing.T) (*fixture, *Handler, *httptest.Server, string) {
	t.Helper()
	f := newFixture(t)
	token := f.add(t, "ho-chieu", "000.00.12.H26-260302-1201", time.Date(2027, 1, 12, 0, 0, 0, 0, time.UTC), false)
	h, srv := server(t, f, WithTelegramLink(func(tok string) string { return "https://t.me/dvc_test_bot?start=" + tok }))
	return f, h, srv, token
}

// chromeTab opens the page in a fresh Chromium on a 320-pixel-wide phone.
func chromeTab(t *testing.T, link string) (context.Context, func(js string) string) {
	t.Helper()
	ctx := browser(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(320, 640, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(link)); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	return ctx, func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
}

// axControl is a form control as the accessibility tree (what TalkBack
// reads) has it.
type axControl struct {
	Role, Name, Description string
	Invalid, Focused        bool
	Checked                 string
}

// axControls are the page's controls of role, in order.
func axControls(t *testing.T, ctx context.Context, role string) []axControl {
	t.Helper()
	res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (accessibility.GetFullAXTreeResult, error) {
		return cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	})
	if err != nil {
		t.Fatalf("the accessibility tree: %v", err)
	}
	str := func(v *accessibility.Value) string {
		if v == nil || len(v.Value) == 0 {
			return ""
		}
		var s any
		json.Unmarshal(v.Value, &s)
		return fmt.Sprint(s)
	}
	var out []axControl
	for _, n := range res.Nodes {
		if n.Ignored || str(n.Role) != role {
			continue
		}
		c := axControl{Role: role, Name: str(n.Name), Description: str(n.Description)}
		for _, p := range n.Properties {
			switch p.Name {
			case accessibility.PropertyNameInvalid:
				c.Invalid = str(p.Value) != "false" && str(p.Value) != ""
			case accessibility.PropertyNameFocused:
				c.Focused = str(p.Value) == "true"
			case accessibility.PropertyNameChecked:
				c.Checked = str(p.Value)
			}
		}
		out = append(out, c)
	}
	return out
}

// waitJS waits until the script says true, through a navigation.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for {
			if ok, err := chromedp.Evaluate[bool](expr)(ctx, tg); err == nil && ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

// settle gives the page up to 2 seconds to make the script true; the
// test then checks what it finds.
func settle(ctx context.Context, expr string) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	chromedp.Do(ctx, waitJS(expr))
}

// jsDo runs a script for its effect.
func jsDo(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](expr)(ctx, tg)
		return err
	})
}

func screenshotOf(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	screenshot(t, name, png)
	// Capturing beyond the viewport lays the page out again: back to the
	// phone.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
}

// contrastJS computes WCAG contrast ratios from the computed style: lum
// is a colour's relative luminance, bg the colour behind an element (its
// first ancestor with a background).
const contrastJS = `
const lum = c => { const m = c.match(/[\d.]+/g).map(Number); const f = v => { v /= 255; return v <= 0.03928 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4) }; return 0.2126*f(m[0]) + 0.7152*f(m[1]) + 0.0722*f(m[2]) };
const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; const a = c.match(/[\d.]+/g).map(Number); if (a.length < 4 || a[3] > 0) return c } return 'rgb(255, 255, 255)' };
const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05) };
const what = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className : '') + ' "' + e.textContent.trim().slice(0, 24) + '"';
`

// textContrast lists the text whose contrast is under 4.5:1 (3:1 when
// large: 24 px, or 18.66 px bold), and the lowest ratio.
const textContrastJS = `(() => {` + contrastJS + `
let low = 99; const bad = [];
for (const e of document.querySelectorAll('body *')) {
  if (!Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()) || !e.getClientRects().length) continue;
  const s = getComputedStyle(e), px = parseFloat(s.fontSize), r = ratio(s.color, bg(e));
  const need = px >= 24 || px >= 18.66 && Number(s.fontWeight) >= 700 ? 3 : 4.5;
  low = Math.min(low, r);
  if (r < need) bad.push(what(e) + ' ' + r.toFixed(2) + ' (' + s.color + ' on ' + bg(e) + ')');
}
return JSON.stringify({low: low.toFixed(2), bad});
})()`

// targetsJS lists what can be tapped and is smaller than 44×44 CSS
// pixels, and the smallest height.
const targetsJS = `(() => {` + contrastJS + `
const bad = []; let low = 999;
for (const e of document.querySelectorAll('a[href], button, textarea, .stars label')) {
  const r = e.getBoundingClientRect();
  low = Math.min(low, r.height, r.width);
  if (r.width < 44 || r.height < 44) bad.push(what(e) + ' ' + r.width.toFixed(1) + '×' + r.height.toFixed(1));
}
return JSON.stringify({low: low.toFixed(1), bad});
})()`

// focusJS describes the focused element's outline (a star's: its box's,
// the label around it): its style, width and contrast with what is around
// it (3:1 needed, WCAG 1.4.11).
const focusJS = `(() => {` + contrastJS + `
const f = document.activeElement, e = f.closest('.stars label') || f, s = getComputedStyle(e);
return JSON.stringify({what: what(e), style: s.outlineStyle, width: parseFloat(s.outlineWidth), ratio: ratio(s.outlineColor, bg(e.parentElement))});
})()`

type measured struct {
	Low string
	Bad []string
}

func measure(t *testing.T, eval func(string) string, js string) measured {
	t.Helper()
	var m measured
	if err := json.Unmarshal([]byte(eval(js)), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// largeText sets the browser's default font size to 32 px (twice 16),
// and waits for the page to be laid out again.
var largeText = chromedp.Steps(
	chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: 32, Fixed: 26}})
		return err
	}),
	chromedp.Sleep(300*time.Millisecond))

// Without JavaScript (turned off, or a browser that has none) the page
// works: the forms are plain posts. A tap on the dossier code selects all
// of it, ready to copy.
func TestWorksWithoutJavaScriptAndTheCodeCopies(t *testing.T) {
	t.Parallel()
	f, _, srv, token := a11yPage(t)
	code := f.read(t, token).DossierCode
	_, l := catalogs(t)
	tr := l.For("vi")
	ctx, eval := chromeTab(t, srv.URL+"/f/"+token+"?lang=vi")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#code"))); err != nil {
		t.Fatal(err)
	}
	if got := eval(`getSelection().toString().trim()`); got != code {
		t.Errorf("a tap on the code selects %q, want %q", got, code)
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(srv.URL+"/f/"+token+"?lang=vi"),
		chromedp.Click(chromedp.CSS(`label:has(#star5)`)),
		chromedp.Click(chromedp.CSS("#send-rating")),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
		chromedp.Click(chromedp.CSS("#received")),
		// It asks first (a plain GET form), and its answer posts.
		chromedp.WaitVisible(chromedp.CSS("#received-confirm"))); err != nil {
		t.Fatalf("say the result came, without JavaScript: %v", err)
	}
	screenshotOf(t, ctx, "received.png")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#received-confirm")),
		// The page before had a notice too: wait for this one's.
		waitJS(`document.querySelector('.notice')?.textContent.includes(`+strconv.Quote(tr.T("web.received_done"))+`) === true`)); err != nil {
		t.Fatalf("rate and say the result came, without JavaScript: %v", err)
	}
	if p := f.read(t, token); p.Rating != 5 || p.Status != FollowupReceived {
		t.Errorf("without JavaScript: rating %d, status %s; want 5, received", p.Rating, p.Status)
	}
}
