package web

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The rating's stars were named "1 ★" … "5 ★" and nothing else: TalkBack
// reads "1, black star" and the like. Each star is now named in words in
// the page's language; the radio group is named by its legend, and the
// arrows move between stars, as a radio group's do.
func TestStarsAreNamedForScreenReaders(t *testing.T) {
	t.Parallel()
	_, _, srv, token := a11yPage(t)
	_, l := catalogs(t)
	for _, lang := range []string{"vi", "en"} {
		ctx, eval := chromeTab(t, srv.URL+"/f/"+token+"?lang="+lang)
		groups := axControls(t, ctx, "group")
		legend := l.For(lang).T("web.rate_hint")
		named := false
		for _, g := range groups {
			named = named || g.Name == legend
		}
		if !named {
			t.Errorf("%s: no group named by the legend %q: %+v", lang, legend, groups)
		}
		stars := axControls(t, ctx, "radio")
		if len(stars) != 5 {
			t.Fatalf("%s: %d radio buttons, want 5: %+v", lang, len(stars), stars)
		}
		seen := map[string]bool{}
		for i, s := range stars {
			if strings.Contains(s.Name, "★") || !strings.Contains(s.Name, strconv.Itoa(i+1)) || !strings.ContainsFunc(s.Name, func(r rune) bool { return r > 'A' }) || seen[s.Name] {
				t.Errorf("%s: star %d is named %q: want its number and words, no symbol, and a name of its own", lang, i+1, s.Name)
			}
			seen[s.Name] = true
		}
		if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#star1")), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
			t.Fatal(err)
		}
		if got := eval(`document.querySelector('input[name=rating]:checked')?.value ?? 'none'`); got != "3" {
			t.Errorf("%s: from star 1, two presses of → checked %s, want 3", lang, got)
		}
	}
}

// A refused rating came back with its error above the form and tied to
// nothing: TalkBack read the page from the top, the error paragraph's
// role=alert is not announced on a page load, and a sighted resident saw
// the top of the page, the error out of sight below. The field in error
// now takes the focus (autofocus: no script needed), is marked invalid
// and described by the error, which TalkBack reads with it; the comment's
// privacy hint describes the comment box always.
func TestFormErrorsAreTiedToTheirField(t *testing.T) {
	t.Parallel()
	_, _, srv, token := a11yPage(t)
	_, l := catalogs(t)
	tr := l.For("vi")
	ctx, eval := chromeTab(t, srv.URL+"/f/"+token+"?lang=vi")
	if box := axControls(t, ctx, "textbox"); len(box) != 1 || !strings.Contains(box[0].Description, tr.T("web.comment_privacy")) || box[0].Invalid {
		t.Errorf("the comment box as drawn: %+v; want it described by the privacy hint, valid", box)
	}

	// No star chosen, in a browser that does not check `required`.
	if err := chromedp.Do(ctx,
		jsDo(`document.querySelector('#rating-form').noValidate = true`),
		chromedp.Click(chromedp.CSS("#send-rating")),
		chromedp.WaitVisible(chromedp.CSS("#form-error"))); err != nil {
		t.Fatalf("send without stars: %v", err)
	}
	settle(ctx, `document.activeElement.name === 'rating'`) // autofocus comes with the first frames
	if got := eval(`document.activeElement.name + ' ' + (document.querySelector('#star1').getBoundingClientRect().top < innerHeight)`); got != "rating true" {
		t.Errorf("after sending without stars, the focus is on %q (want a star, in sight)", got)
	}
	for i, s := range axControls(t, ctx, "radio") {
		if !s.Invalid || !strings.Contains(s.Description, tr.T("web.rating_missing")) {
			t.Errorf("star %d after sending without stars: %+v; want it invalid, described by the error", i+1, s)
		}
	}

	screenshotOf(t, ctx, "a11y-no-stars.png")

	// Three stars and a comment holding an email: the comment is refused.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`label:has(#star3)`)),
		chromedp.SendKeys(chromedp.CSS("#comment"), "viết cho tôi: an.nguyen@example.com"),
		chromedp.Click(chromedp.CSS("#send-rating")),
		// The page before had an error too: wait for the comment's.
		waitJS(`document.querySelector('#form-error')?.textContent.includes(`+strconv.Quote(tr.T("web.comment_email"))+`) === true`)); err != nil {
		t.Fatalf("send a comment with an email: %v", err)
	}
	settle(ctx, `document.activeElement.id === 'comment'`)
	if got := eval(`document.activeElement.id`); got != "comment" {
		t.Errorf("after a refused comment, the focus is on %q, want the comment box", got)
	}
	box := axControls(t, ctx, "textbox")
	if len(box) != 1 || !box[0].Invalid || !strings.Contains(box[0].Description, tr.T("web.comment_email")) || !strings.Contains(box[0].Description, tr.T("web.comment_privacy")) {
		t.Errorf("the refused comment box: %+v; want it invalid, described by the error and the hint", box)
	}
	for i, s := range axControls(t, ctx, "radio") {
		if s.Invalid || strings.Contains(s.Description, tr.T("web.comment_email")) {
			t.Errorf("star %d after a refused comment: %+v; the stars are not in error", i+1, s)
		}
	}
	screenshotOf(t, ctx, "a11y-comment-refused.png")
}
