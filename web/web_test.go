package web

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/locales/localestest"
)

// now is the tests' clock: a Monday morning in Vietnam.
var now = time.Date(2026, 3, 2, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))

func catalogs(t testing.TB) (*guides.Catalog, *locales.Catalog) {
	t.Helper()
	g, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	return g, localestest.Load(t)
}

// server is the page on a mux as serve.go mounts it.
func server(t testing.TB, f *fixture, opts ...Option) (*Handler, *httptest.Server) {
	t.Helper()
	g, l := catalogs(t)
	h := New(f.store, g, l, append([]Option{WithClock(func() time.Time { return now }), WithFormKey([]byte("test key"))}, opts...)...)
	mux := http.NewServeMux()
	mux.Handle("/f/", h)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return h, srv
}

// do sends a request straight to the handler, from the address remote.
func do(h http.Handler, method, target, remote string, form url.Values, hdr ...string) *httptest.ResponseRecorder {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	r.RemoteAddr = remote
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// text is a page's visible text, tags dropped and entities read.
func text(w *httptest.ResponseRecorder) string {
	s := regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]+>`).ReplaceAllString(w.Body.String(), " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// located is where a redirect answer to a request for path leads. The
// Location is relative: the page works under a proxy's path prefix.
func located(t *testing.T, path string, w *httptest.ResponseRecorder) string {
	t.Helper()
	loc := w.Header().Get("Location")
	if strings.HasPrefix(loc, "/") || strings.Contains(loc, "://") {
		t.Errorf("Location %q is not relative", loc)
	}
	base, _ := url.Parse(path)
	ref, err := url.Parse(loc)
	if err != nil {
		t.Fatalf("Location %q: %v", loc, err)
	}
	return base.ResolveReference(ref).RequestURI()
}

var formField = regexp.MustCompile(`name="form" value="([^"]+)"`)

// formOf reads the hidden form token off a page.
func formOf(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	m := formField.FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatalf("no form token on the page:\n%s", w.Body.String())
	}
	return m[1]
}

func TestPageShowsTheFollowup(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), true)
	g, l := catalogs(t)
	h := New(f.store, g, l, WithClock(func() time.Time { return now }))
	ks, _ := g.Guide("khai-sinh")

	w := do(h, "GET", "/f/"+token, "192.0.2.1:1000", nil)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d\n%s", w.Code, w.Body.String())
	}
	page := text(w)
	for _, want := range []string{ks.Title.Vi, "000.00.12.H26-260302-0001", "05/03/2026", ks.Tracking.Vi,
		"Đã nhận kết quả", "Gửi đánh giá", "Đang chờ kết quả"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "(có thể thay đổi)") {
		t.Errorf("a date counted from the holidays file is shown as an estimate:\n%s", page)
	}
	if !strings.Contains(w.Body.String(), `<html lang="vi">`) {
		t.Error("the page is not marked Vietnamese")
	}

	// In English, by ?lang= or by the browser's language.
	for _, w := range []*httptest.ResponseRecorder{
		do(h, "GET", "/f/"+token+"?lang=en", "192.0.2.1:1000", nil),
		do(h, "GET", "/f/"+token, "192.0.2.1:1000", nil, "Accept-Language", "en-GB,en;q=0.8"),
	} {
		page := text(w)
		for _, want := range []string{ks.Title.En, ks.Tracking.En, "I have received the result", "Tiếng Việt"} {
			if !strings.Contains(page, want) {
				t.Errorf("the English page lacks %q:\n%s", want, page)
			}
		}
	}

	// An estimated date says so.
	est := f.add(t, "khai-sinh", "000.00.12.H26-260302-0002", time.Date(2028, 1, 10, 0, 0, 0, 0, time.UTC), false)
	if page := text(do(h, "GET", "/f/"+est, "192.0.2.1:1000", nil)); !strings.Contains(page, "10/01/2028 (có thể thay đổi)") {
		t.Errorf("an estimated date is not marked so:\n%s", page)
	}
}

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	form := url.Values{"form": {h.formToken(token)}, "rating": {"4"}}
	for _, w := range []*httptest.ResponseRecorder{
		do(h, "GET", "/f/"+token, "192.0.2.1:1", nil),
		do(h, "GET", "/f/nosuchtokennosuchtoken", "192.0.2.1:1", nil),
		do(h, "GET", "/f/", "192.0.2.1:1", nil),
		do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1", form),
		do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1", form, "Sec-Fetch-Site", "cross-site"),
	} {
		hd := w.Header()
		csp := hd.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "style-src 'sha256-", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%d answer: CSP %q lacks %q", w.Code, csp, want)
			}
		}
		for k, v := range map[string]string{"Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
			"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"} {
			if got := hd.Get(k); got != v {
				t.Errorf("%d answer: %s = %q, want %q", w.Code, k, got, v)
			}
		}
	}
	// No script anywhere, no asset from elsewhere.
	body := do(h, "GET", "/f/"+token, "192.0.2.1:1", nil).Body.String()
	if strings.Contains(body, "<script") || regexp.MustCompile(`(src|href)="(https?:)?//[^"]*"`).FindString(body) != "" &&
		!strings.Contains(body, `rel="noopener noreferrer"`) {
		t.Errorf("the page loads something:\n%s", body)
	}
}

func TestUnknownTokenIsAnExpiredLink(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	// (A token of no token's length is a link mistyped: TestTokenOfWrongLengthIsAMistypedLink.)
	for _, path := range []string{"/f/AAAAAAAAAAAAAAAAAAAAAAAA", "/f/a/b/c"} {
		w := do(h, "GET", path, "192.0.2.1:1", nil)
		if w.Code != http.StatusNotFound || !strings.Contains(text(w), "Liên kết đã hết hạn") {
			t.Errorf("GET %s: %d %q", path, w.Code, text(w))
		}
	}
	w := do(h, "GET", "/f/AAAAAAAAAAAAAAAAAAAAAAAA?lang=en", "192.0.2.2:1", nil)
	if w.Code != http.StatusNotFound || !strings.Contains(text(w), "This link has expired") {
		t.Errorf("in English: %d %q", w.Code, text(w))
	}
}

func TestWrongTokensFromOneAddressAreLimited(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	codes := map[int]int{}
	var last *httptest.ResponseRecorder
	for i := range 50 {
		last = do(h, "GET", "/f/wrongtoken"+strconv.Itoa(1000000+i)+"xx", "198.51.100.7:4000", nil)
		codes[last.Code]++
	}
	if codes[http.StatusNotFound] != 20 || codes[http.StatusTooManyRequests] != 30 {
		t.Fatalf("50 wrong tokens from one address: %v, want 20 × 404 then 30 × 429", codes)
	}
	secs, err := strconv.Atoi(last.Header().Get("Retry-After"))
	if err != nil || secs < 1 || secs > 20*60 {
		t.Errorf("Retry-After = %q", last.Header().Get("Retry-After"))
	}
	if !strings.Contains(text(last), "Quá nhiều lần thử") {
		t.Errorf("the 429 page: %q", text(last))
	}
	// The right token is still served from there: a carrier's address
	// (CGNAT) is shared by thousands of phones, and the scanner among them
	// must not lock out the resident behind the same address.
	if w := do(h, "GET", "/f/"+token, "198.51.100.7:4001", nil); w.Code != http.StatusOK {
		t.Errorf("the right token from the limited address: %d, want 200", w.Code)
	}
	// Wrong ones from there are still refused, malformed or not.
	for _, wrong := range []string{"/f/wrongtoken-after-the-limit", "/f/short", "/f/a/b/c"} {
		if w := do(h, "GET", wrong, "198.51.100.7:4002", nil); w.Code != http.StatusTooManyRequests {
			t.Errorf("GET %s from the limited address: %d, want 429", wrong, w.Code)
		}
	}
	// Another address is served.
	if w := do(h, "GET", "/f/"+token, "198.51.100.8:4000", nil); w.Code != http.StatusOK {
		t.Errorf("another address: %d", w.Code)
	}
	if w := do(h, "GET", "/f/wrongtoken-other-address", "198.51.100.8:4000", nil); w.Code != http.StatusNotFound {
		t.Errorf("a wrong token from another address: %d", w.Code)
	}
}

// Behind a trusted proxy, residents are told apart by X-Forwarded-For.
func TestLimitBehindATrustedProxy(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f, WithTrustedProxies(netip.MustParsePrefix("127.0.0.1/32")))
	for i := range 25 {
		do(h, "GET", "/f/wrongtoken"+strconv.Itoa(1000000+i)+"xx", "127.0.0.1:5000", nil, "X-Forwarded-For", "203.0.113.9")
	}
	if w := do(h, "GET", "/f/wrongtoken-once-more-xx", "127.0.0.1:5000", nil, "X-Forwarded-For", "203.0.113.9"); w.Code != http.StatusTooManyRequests {
		t.Errorf("the scanning client: %d", w.Code)
	}
	if w := do(h, "GET", "/f/"+token, "127.0.0.1:5000", nil, "X-Forwarded-For", "203.0.113.10"); w.Code != http.StatusOK {
		t.Errorf("another client through the same proxy: %d", w.Code)
	}
}

func TestCrossSitePostsAreRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, srv := server(t, f)
	page := do(h, "GET", "/f/"+token, "192.0.2.1:1", nil)
	good := url.Values{"form": {formOf(t, page)}, "rating": {"5"}, "lang": {"vi"}}
	tests := []struct {
		name string
		form url.Values
		hdr  []string
	}{
		{"cross-site Sec-Fetch-Site", good, []string{"Sec-Fetch-Site", "cross-site"}},
		{"same-site but another origin", good, []string{"Sec-Fetch-Site", "same-site"}},
		{"an old browser: Origin elsewhere", good, []string{"Origin", "https://evil.example"}},
		{"no hidden token", url.Values{"rating": {"5"}}, nil},
		{"another page's hidden token", url.Values{"form": {h.formToken("AAAAAAAAAAAAAAAAAAAAAAAA")}, "rating": {"5"}}, nil},
	}
	for _, tt := range tests {
		for _, action := range []string{"/rate", "/received"} {
			w := do(h, "POST", "/f/"+token+action, "192.0.2.1:1", tt.form, tt.hdr...)
			if w.Code != http.StatusForbidden || !strings.Contains(text(w), "Không gửi được") {
				t.Errorf("%s %s: %d %q", tt.name, action, w.Code, text(w))
			}
		}
	}
	if p := f.read(t, token); p.Rating != 0 || p.Status != FollowupWaiting {
		t.Fatalf("a refused post changed the follow-up: %+v", p)
	}
	// The same form from the page itself passes, through a real server.
	req, _ := http.NewRequest("POST", srv.URL+"/f/"+token+"/rate", strings.NewReader(good.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the page's own form: %d", resp.StatusCode)
	}
	if p := f.read(t, token); p.Rating != 5 {
		t.Errorf("rating after the page's own form: %d", p.Rating)
	}
}

func TestRating(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	formTok := formOf(t, do(h, "GET", "/f/"+token, "192.0.2.1:1", nil))
	post := func(rating, comment, lang string) *httptest.ResponseRecorder {
		return do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
			url.Values{"form": {formTok}, "rating": {rating}, "comment": {comment}, "lang": {lang}})
	}

	w := post("4", "Các bạn hướng dẫn rất nhiệt tình", "vi")
	if w.Code != http.StatusSeeOther {
		t.Fatalf("rating: %d %s", w.Code, text(w))
	}
	loc := located(t, "/f/"+token+"/rate", w)
	if p := f.read(t, token); p.Rating != 4 {
		t.Fatalf("stored rating %d, want 4", p.Rating)
	}
	if c := f.comment(t, token); c != "Các bạn hướng dẫn rất nhiệt tình" {
		t.Errorf("stored comment %q", c)
	}
	after := do(h, "GET", loc, "192.0.2.1:1", nil)
	if page := text(after); !strings.Contains(page, "Cảm ơn ông/bà đã đánh giá") || !strings.Contains(page, "đã được đánh giá 4/5") {
		t.Errorf("after rating, %s shows:\n%s", loc, page)
	}
	if !strings.Contains(after.Body.String(), `value="4" id="star4" checked`) {
		t.Error("the stored rating is not the form's choice")
	}

	// The comment kept is in the box, to be kept or edited when rating
	// again; rating again keeps the last rating and what the box held.
	if !strings.Contains(after.Body.String(), `rows="3">Các bạn hướng dẫn rất nhiệt tình</textarea>`) {
		t.Error("the stored comment is not in the form's box")
	}
	if w := post("2", "Các bạn hướng dẫn rất nhiệt tình", "vi"); w.Code != http.StatusSeeOther {
		t.Fatalf("second rating: %d", w.Code)
	}
	if p := f.read(t, token); p.Rating != 2 {
		t.Errorf("after rating 4 then 2: %d, want the last", p.Rating)
	}
	if c := f.comment(t, token); c != "Các bạn hướng dẫn rất nhiệt tình" {
		t.Errorf("the comment left in the box became %q", c)
	}
	if w := post("2", "", "vi"); w.Code != http.StatusSeeOther {
		t.Fatalf("third rating: %d", w.Code)
	}
	if c := f.comment(t, token); c != "" {
		t.Errorf("the box emptied, the comment is still %q", c)
	}

	// No stars, or stars out of range: asked again, nothing stored.
	for _, bad := range []string{"", "0", "6", "x"} {
		w := post(bad, "ok", "en")
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(text(w), "Please choose from 1 to 5 stars") {
			t.Errorf("rating %q: %d %q", bad, w.Code, text(w))
		}
	}
	if p := f.read(t, token); p.Rating != 2 {
		t.Errorf("a refused rating changed it to %d", p.Rating)
	}
}

func TestCommentWithPersonalDataIsRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	formTok := h.formToken(token)
	tests := []struct{ comment, lang, want string }{
		{"Gọi lại cho tôi số 0912 345 678 nhé", "vi", "số định danh hoặc số điện thoại"},
		{"email tôi: ba.lan@example.com", "vi", "email"},
		{"Ông Nguyễn Văn Bình rất hài lòng", "vi", "họ tên"},
		{"born 12/05/1950", "en", "birth date"},
		{strings.Repeat("rất tốt ", 40), "vi", "dài hơn"},
	}
	for _, tt := range tests {
		w := do(h, "POST", "/f/"+token+"/rate", "192.0.2.1:1",
			url.Values{"form": {formTok}, "rating": {"5"}, "comment": {tt.comment}, "lang": {tt.lang}})
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(text(w), tt.want) {
			t.Errorf("comment %q: %d, want 422 saying %q:\n%s", tt.comment, w.Code, tt.want, text(w))
			continue
		}
		// The stars and the words stay in the form, to be put right.
		body := w.Body.String()
		if !strings.Contains(body, `value="5" id="star5" checked`) {
			t.Errorf("comment %q: the rating is lost from the form", tt.comment)
		}
		if !strings.Contains(body, html.EscapeString(strings.TrimSpace(tt.comment))+"</textarea>") {
			t.Errorf("comment %q: the comment is lost from the form", tt.comment)
		}
	}
	if p := f.read(t, token); p.Rating != 0 {
		t.Errorf("a refused comment stored rating %d", p.Rating)
	}
	if c := f.comment(t, token); c != "" {
		t.Errorf("a refused comment was stored: %q", c)
	}
}

func TestReceivedTwiceIsHarmless(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	form := url.Values{"form": {h.receivedToken(token)}, "lang": {"en"}}
	for i := range 2 {
		w := do(h, "POST", "/f/"+token+"/received", "192.0.2.1:1", form)
		if w.Code != http.StatusSeeOther {
			t.Fatalf("press %d: %d %s", i+1, w.Code, text(w))
		}
		page := text(do(h, "GET", located(t, "/f/"+token+"/received", w), "192.0.2.1:1", nil))
		if !strings.Contains(page, "We have noted that you received the result") || !strings.Contains(page, "Result received") {
			t.Errorf("press %d, the page after:\n%s", i+1, page)
		}
		if strings.Contains(page, "I have received the result") {
			t.Errorf("press %d: the button is still offered", i+1)
		}
	}
	if p := f.read(t, token); p.Status != FollowupReceived {
		t.Errorf("status %q, want received", p.Status)
	}
}

// The result may come after a problem was reported or after the reminders
// stopped unanswered: the page still takes it, as the bot does.
func TestReceivedAfterProblemOrEnd(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	h, _ := server(t, f)
	for _, status := range []string{FollowupProblem, FollowupEnded} {
		token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0002", time.Time{}, false)
		if _, err := f.store.DB().Exec(`UPDATE followups SET status = $2, ended_at = now(), next_reminder_on = NULL WHERE token = $1`, token, status); err != nil {
			t.Fatal(err)
		}
		if page := do(h, "GET", "/f/"+token+"?lang=en", "192.0.2.1:1", nil).Body.String(); !strings.Contains(page, `id="received"`) {
			t.Errorf("%s: the page offers no %q button", status, "I have received the result")
		}
		w := do(h, "POST", "/f/"+token+"/received", "192.0.2.1:1", url.Values{"form": {h.receivedToken(token)}, "lang": {"en"}})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("%s: received: %d %s", status, w.Code, text(w))
		}
		if p := f.read(t, token); p.Status != FollowupReceived {
			t.Errorf("%s: status %q after the press, want received", status, p.Status)
		}
	}
}

func TestPostAfterPurgeIsAnExpiredLink(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	h, _ := server(t, f)
	formTok := formOf(t, do(h, "GET", "/f/"+token, "192.0.2.1:1", nil))
	f.purge(t, token)
	for _, action := range []string{"/rate", "/received"} {
		w := do(h, "POST", "/f/"+token+action, "192.0.2.1:1", url.Values{"form": {formTok}, "rating": {"5"}})
		if w.Code != http.StatusNotFound || !strings.Contains(text(w), "Liên kết đã hết hạn") {
			t.Errorf("POST %s after the purge: %d %q", action, w.Code, text(w))
		}
	}
	if w := do(h, "GET", "/f/"+token, "192.0.2.1:1", nil); w.Code != http.StatusNotFound {
		t.Errorf("GET after the purge: %d", w.Code)
	}
}

// The templates ask only for texts that exist in every language.
func TestTemplatesUseKnownTexts(t *testing.T) {
	_, l := catalogs(t)
	ids := regexp.MustCompile(`\.L\.T "([a-z_.]+)"`)
	entries, err := files.ReadDir("templates")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, e := range entries {
		src, _ := files.ReadFile("templates/" + e.Name())
		for _, m := range ids.FindAllStringSubmatch(string(src), -1) {
			found++
			for _, lang := range locales.Languages {
				if got := l.For(lang).T(m[1]); got == m[1] || got == "" {
					t.Errorf("%s: %s has no %s text", e.Name(), m[1], lang)
				}
			}
		}
	}
	if found < 10 {
		t.Fatalf("found %d text ids in the templates: the pattern is out of date", found)
	}
}
