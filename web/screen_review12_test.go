package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// On a phone 320 pixels wide, in both languages, on the page, the erase
// confirmation and the expired link's page: text contrast is at least
// 4.5:1; everything tappable is at least 44×44 CSS pixels (the language
// link was 67.8×38.3, "Mở trong Telegram" 159×20, a one-line portal link
// or "Erase my follow-up" about 25–39 high); and the keyboard's focus is
// drawn at 3:1 against what is around it (the amber outline was 2.07:1 on
// the white cards).
func TestContrastTargetsAndFocusOnASmallPhone(t *testing.T) {
	t.Parallel()
	f, h, srv, token := a11yPage(t)
	pages := map[string]string{
		"page":    "/f/" + token,
		"erase?":  "/f/" + token + "/forget",
		"expired": "/f/AAAAAAAAAAAAAAAAAAAAAAAA",
	}
	for _, lang := range []string{"vi", "en"} {
		ctx, eval := chromeTab(t, srv.URL+"/f/"+token+"?lang="+lang)
		for name, path := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path+"?lang="+lang)); err != nil {
				t.Fatal(err)
			}
			c := measure(t, eval, textContrastJS)
			tg := measure(t, eval, targetsJS)
			t.Logf("%s, %s: lowest text contrast %s:1, smallest target side %s px", lang, name, c.Low, tg.Low)
			for _, b := range c.Bad {
				t.Errorf("%s, %s: text under 4.5:1: %s", lang, name, b)
			}
			for _, b := range tg.Bad {
				t.Errorf("%s, %s: a target under 44×44: %s", lang, name, b)
			}
			// Tab through the page: each stop shows where the focus is.
			if err := chromedp.Do(ctx, jsDo(`document.activeElement.blur()`)); err != nil {
				t.Fatal(err)
			}
			stops := 0
			for range 20 {
				if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
					t.Fatal(err)
				}
				var f struct {
					What, Style  string
					Width, Ratio float64
				}
				if err := json.Unmarshal([]byte(eval(focusJS)), &f); err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(f.What, "body") {
					break
				}
				stops++
				t.Logf("%s, %s: focus on %s: outline %s %.0f px, %.2f:1", lang, name, f.What, f.Style, f.Width, f.Ratio)
				if f.Style == "none" || f.Width < 2 || f.Ratio < 3 {
					t.Errorf("%s, %s: the focus on %s is drawn %s %.0f px at %.2f:1; want at least 2 px at 3:1", lang, name, f.What, f.Style, f.Width, f.Ratio)
				}
			}
			if stops == 0 {
				t.Errorf("%s, %s: Tab reached nothing", lang, name)
			}
		}
		// The page after a refused comment, with its error, and after a
		// rating, with its notice.
		form := url.Values{"form": {h.formToken(token)}, "lang": {lang}, "rating": {"2"}, "comment": {"gọi 0912345678"}}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/f/"+token+"?lang="+lang),
			jsDo(`document.querySelector('#comment').value = `+strconv.Quote(form.Get("comment"))+`; document.querySelector('#star2').checked = true`),
			chromedp.Click(chromedp.CSS("#send-rating")), chromedp.WaitVisible(chromedp.CSS("#form-error"))); err != nil {
			t.Fatal(err)
		}
		for _, b := range measure(t, eval, textContrastJS).Bad {
			t.Errorf("%s, refused comment: text under 4.5:1: %s", lang, b)
		}
		// The thanks is drawn once a rating is kept.
		if err := f.store.RateFollowup(context.Background(), token, 2, "", now); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/f/"+token+"?done=rated&lang="+lang), chromedp.WaitVisible(chromedp.CSS(".notice"))); err != nil {
			t.Fatal(err)
		}
		for _, b := range measure(t, eval, textContrastJS).Bad {
			t.Errorf("%s, rated: text under 4.5:1: %s", lang, b)
		}
	}
}

// With the text twice as large (the browser's default font size set to
// 32 px, as a resident with large text sets it), on a phone 320 pixels
// wide: the body text stayed at 17 px (its size was in pixels) while the
// labels grew past it; the dossier code shrank from 15 to 10 px (its size
// fell as the root font grew); and the five stars, each wider, pushed the
// page to 522 px: it scrolled sideways. The text now follows the
// browser's size (17 → 34 px), the code never shrinks (15 → 30 px), the
// stars wrap, and nothing scrolls sideways.
func TestLargeTextOnASmallPhone(t *testing.T) {
	t.Parallel()
	_, _, srv, token := a11yPage(t)
	for _, lang := range []string{"vi", "en"} {
		ctx, eval := chromeTab(t, srv.URL+"/f/"+token+"?lang="+lang)
		sizes := func() (body, code float64) {
			fmt.Sscan(eval(`parseFloat(getComputedStyle(document.body).fontSize) + ' ' + parseFloat(getComputedStyle(document.querySelector('#code')).fontSize)`), &body, &code)
			return body, code
		}
		body1, code1 := sizes()
		// At the default size the five stars stay on one row, a star
		// chosen (bold) or not; with large text they may wrap.
		for _, js := range []string{``, `document.querySelector('#star5').checked = true`} {
			eval(js + `; ''`)
			if rows := eval(`String(new Set(Array.from(document.querySelectorAll('.stars label')).map(l => Math.round(l.getBoundingClientRect().top))).size)`); rows != "1" {
				t.Errorf("%s: at the default size, the stars take %s rows (%s)", lang, rows, js)
			}
		}
		for _, path := range []string{"/f/" + token, "/f/" + token + "/forget", "/f/AAAAAAAAAAAAAAAAAAAAAAAA"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path+"?lang="+lang), largeText); err != nil {
				t.Fatal(err)
			}
			if w := eval(`String(document.documentElement.scrollWidth)`); w != "320" {
				t.Errorf("%s %s, text at 200%%: the page is %s px wide on a 320 px screen", lang, path, w)
			}
			for _, b := range measure(t, eval, targetsJS).Bad {
				t.Errorf("%s %s, text at 200%%: a target under 44×44: %s", lang, path, b)
			}
			screenshotOf(t, ctx, "a11y-large-"+lang+strings.ReplaceAll(strings.TrimPrefix(path, "/f/"+token), "/", "-")+".png")
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/f/"+token+"?lang="+lang), largeText); err != nil {
			t.Fatal(err)
		}
		body2, code2 := sizes()
		t.Logf("%s: body text %.1f → %.1f px, dossier code %.1f → %.1f px", lang, body1, body2, code1, code2)
		if body2 < 2*body1-0.5 || code2 < code1 {
			t.Errorf("%s: with the default font doubled the body text went from %.1f to %.1f px and the code from %.1f to %.1f px; want the text doubled, the code not smaller", lang, body1, body2, code1, code2)
		}
	}
}
