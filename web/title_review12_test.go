package web

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	titleTag = regexp.MustCompile(`(?s)<title>(.*?)</title>`)
	h1Tag    = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	htmlLang = regexp.MustCompile(`<html lang="([^"]*)">`)
)

// Every state of the page had the same <title>, "Theo dõi hồ sơ": the
// tab, the task switcher and TalkBack (which reads the title when a page
// opens) could not tell the dossier's page from the erase confirmation,
// an expired link or a refused comment. Each state now has its own title,
// naming what its <h1> says, and a refused form says so first.
func TestEachPageStateHasItsOwnTitle(t *testing.T) {
	t.Parallel()
	f, h, _, token := a11yPage(t)
	_, l := catalogs(t)
	const ip = "192.0.2.71:1"
	rate := func(lang string, form url.Values) *httptest.ResponseRecorder {
		form.Set("form", h.formToken(token))
		form.Set("lang", lang)
		return do(h, "POST", "/f/"+token+"/rate", ip, form)
	}
	type state struct {
		name string
		w    *httptest.ResponseRecorder
	}
	// The thanks after a rating is drawn once one is kept: on a
	// follow-up of the same procedure, rated.
	rated := f.add(t, "ho-chieu", "000.00.12.H26-260302-1202", time.Time{}, false)
	if err := f.store.RateFollowup(context.Background(), rated, 5, "", now); err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, lang := range []string{"vi", "en"} {
		tr := l.For(lang)
		states := []state{
			{"page", do(h, "GET", "/f/"+token+"?lang="+lang, ip, nil)},
			{"rated", do(h, "GET", "/f/"+rated+"?done=rated&lang="+lang, ip, nil)},
			{"refused", rate(lang, url.Values{"comment": {""}})},
			{"refused", rate(lang, url.Values{"rating": {"4"}, "comment": {"viết cho tôi: an.nguyen@example.com"}})},
			{"erase?", do(h, "GET", "/f/"+token+"/forget?lang="+lang, ip, nil)},
			{"expired", do(h, "GET", "/f/AAAAAAAAAAAAAAAAAAAAAAAA?lang="+lang, ip, nil)},
			{"erased", do(h, "GET", "/f/forgotten?lang="+lang, ip, nil)},
		}
		for _, s := range states {
			body := s.w.Body.String()
			if m := htmlLang.FindStringSubmatch(body); m == nil || m[1] != lang {
				t.Errorf("%s, %s: <html lang> is %v", lang, s.name, m)
			}
			h1s := h1Tag.FindAllStringSubmatch(body, -1)
			m := titleTag.FindStringSubmatch(body)
			if len(h1s) != 1 || m == nil {
				t.Errorf("%s, %s: %d <h1>, title %v; want one of each", lang, s.name, len(h1s), m)
				continue
			}
			title, h1 := html.UnescapeString(m[1]), strings.TrimSpace(html.UnescapeString(h1s[0][1]))
			if !strings.Contains(title, h1) {
				t.Errorf("%s, %s: the title %q does not say what the page's heading does (%q)", lang, s.name, title, h1)
			}
			refused := s.w.Code == http.StatusUnprocessableEntity
			if refused != strings.HasPrefix(title, tr.T("web.title_error")) {
				t.Errorf("%s, %s (%d): the title %q; a refused form's, and only it, begins with %q", lang, s.name, s.w.Code, title, tr.T("web.title_error"))
			}
			if other, ok := titles[title]; ok && other != s.name {
				t.Errorf("%s: %s and %s have the same title %q", lang, s.name, other, title)
			}
			titles[title] = s.name
		}
	}
	if p := f.read(t, token); p.Rating != 0 {
		t.Errorf("the refused forms stored the rating %d", p.Rating)
	}
}
