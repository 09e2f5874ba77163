package web

import (
	"context"
	"errors"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// attr reads the attribute of the element with id off a page.
func attr(t *testing.T, w *httptest.ResponseRecorder, tag, id, name string) string {
	t.Helper()
	re := regexp.MustCompile(`<` + tag + `[^>]*?(?: ` + name + `="([^"]*)"[^>]*? id="` + id + `"| id="` + id + `"[^>]*? ` + name + `="([^"]*)")`)
	m := re.FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatalf("no <%s id=%q %s=…> on the page:\n%s", tag, id, name, w.Body.String())
	}
	return html.UnescapeString(m[1] + m[2])
}

// resolve is where a relative link or form action on the page at path leads.
func resolve(path, ref string) string {
	base, _ := url.Parse(path)
	r, _ := url.Parse(ref)
	return base.ResolveReference(r).RequestURI()
}

// exists says whether a follow-up with the token is kept, and whether its
// case is marked forgotten.
func (f *fixture) exists(t testing.TB, token string, caseID int64) (kept, forgotten bool) {
	t.Helper()
	if err := f.store.DB().QueryRow(`SELECT EXISTS (SELECT 1 FROM followups WHERE token = $1), followup_forgotten FROM cases WHERE id = $2`,
		token, caseID).Scan(&kept, &forgotten); err != nil {
		t.Fatal(err)
	}
	return kept, forgotten
}

// TestEraseFromThePage: the page links to a confirmation, which erases
// nothing; its button does. The follow-up is then gone as after /forget:
// the link answers "expired", its case is marked so that no code is kept
// for it again, the rating stays; another follow-up is untouched. A second
// post (double tap, back and resubmit) says the same calm page.
func TestEraseFromThePage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), true)
	other := f.add(t, "khai-sinh", "000.00.12.H26-260302-0002", time.Time{}, false)
	caseID := f.read(t, token).CaseID
	h, _ := server(t, f)
	const from = "192.0.2.70:1"

	// Rated first: the rating outlives the follow-up.
	if w := do(h, "POST", "/f/"+token+"/rate", from, url.Values{"form": {h.formToken(token)}, "rating": {"4"}, "lang": {"vi"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("rating: %d %s", w.Code, text(w))
	}
	page := do(h, "GET", "/f/"+token, from, nil)
	if !strings.Contains(text(page), "Xoá thông tin theo dõi hồ sơ này") {
		t.Fatalf("the page offers no erase:\n%s", text(page))
	}
	ask := resolve("/f/"+token, attr(t, page, "a", "forget-link", "href"))
	if ask != "/f/"+token+"/forget?lang=vi" {
		t.Errorf("the erase link leads to %s", ask)
	}

	// The confirmation, twice (a reload): nothing is erased yet.
	var confirm *httptest.ResponseRecorder
	for range 2 {
		confirm = do(h, "GET", ask, from, nil)
		if confirm.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", ask, confirm.Code, text(confirm))
		}
	}
	for _, want := range []string{"Xoá thông tin theo dõi hồ sơ?", "000.00.12.H26-260302-0001", "ghi lại mã hồ sơ",
		"số liệu thống kê ẩn danh", "Không xoá, quay lại trang hồ sơ"} {
		if !strings.Contains(text(confirm), want) {
			t.Errorf("the confirmation lacks %q:\n%s", want, text(confirm))
		}
	}
	if kept, _ := f.exists(t, token, caseID); !kept {
		t.Fatal("opening the confirmation erased the follow-up")
	}
	if back := resolve(ask, attr(t, confirm, "a", "forget-cancel", "href")); back != "/f/"+token+"?lang=vi" {
		t.Errorf("the way back leads to %s", back)
	}
	if en := resolve(ask, html.UnescapeString(regexp.MustCompile(`class="lang" href="([^"]+)"`).FindStringSubmatch(confirm.Body.String())[1])); en != "/f/"+token+"/forget?lang=en" {
		t.Errorf("the confirmation in English is at %s", en)
	}
	action := resolve(ask, regexp.MustCompile(`<form method="post" action="([^"]+)"`).FindStringSubmatch(confirm.Body.String())[1])
	if action != "/f/"+token+"/forget" {
		t.Errorf("the erase form posts to %s", action)
	}
	form := url.Values{"form": {formOf(t, confirm)}, "lang": {"vi"}}

	w := do(h, "POST", action, from, form)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("erase: %d %s", w.Code, text(w))
	}
	done := located(t, action, w)
	if done != "/f/forgotten?lang=vi" {
		t.Errorf("the erase leads to %s", done)
	}
	after := do(h, "GET", done, from, nil)
	if after.Code != http.StatusOK || !strings.Contains(text(after), "Đã xoá thông tin theo dõi") || !strings.Contains(text(after), "ẩn danh") {
		t.Errorf("after the erase: %d %s", after.Code, text(after))
	}
	if strings.Contains(after.Body.String(), token) || strings.Contains(text(after), "000.00.12.H26-260302-0001") {
		t.Error("the erased page names the follow-up")
	}
	if en := do(h, "GET", "/f/forgotten?lang=en", from, nil); !strings.Contains(text(en), "Your follow-up data is deleted") {
		t.Errorf("in English: %s", text(en))
	}

	// Gone, as after /forget.
	if kept, forgotten := f.exists(t, token, caseID); kept || !forgotten {
		t.Fatalf("after the erase: follow-up kept %v, case marked forgotten %v", kept, forgotten)
	}
	var rating int
	if err := f.store.DB().Get(&rating, `SELECT rating FROM cases WHERE id = $1`, caseID); err != nil || rating != 4 {
		t.Errorf("the case's rating after the erase: %d (%v)", rating, err)
	}
	err := f.store.InTx(context.Background(), func(tx *storage.Tx) error {
		_, err := tx.SaveFollowup(context.Background(), caseID, "000.00.12.H26-260302-0003", time.Time{}, false)
		return err
	})
	if !errors.Is(err, storage.ErrForgotten) {
		t.Errorf("a new code for the erased follow-up's case: %v, want ErrForgotten", err)
	}
	for _, path := range []string{"/f/" + token, "/f/" + token + "/forget"} {
		if w := do(h, "GET", path, from, nil); w.Code != http.StatusNotFound || !strings.Contains(text(w), "Liên kết đã hết hạn") {
			t.Errorf("GET %s after the erase: %d %s", path, w.Code, text(w))
		}
	}
	if w := do(h, "POST", "/f/"+token+"/received", from, url.Values{"form": {h.formToken(token)}}); w.Code != http.StatusNotFound {
		t.Errorf("received after the erase: %d", w.Code)
	}

	// The same post again: the same calm page, never an error, and no
	// wrong token counted (20 would lock the address out).
	for i := range 25 {
		w := do(h, "POST", action, from, form)
		if w.Code != http.StatusSeeOther || located(t, action, w) != done {
			t.Fatalf("erase again (%d): %d %s", i+2, w.Code, text(w))
		}
	}
	if p := f.read(t, other); p.DossierCode != "000.00.12.H26-260302-0002" {
		t.Errorf("the other follow-up: %+v", p)
	}
	if w := do(h, "GET", "/f/"+other, from, nil); w.Code != http.StatusOK {
		t.Errorf("the other follow-up's page from the same address: %d", w.Code)
	}
}

// Only a post from the confirmation erases: not a GET (HEAD) of its
// address, not another method, not a post from elsewhere or with the
// page's own hidden token, not another link's, not a forged link.
func TestEraseOnlyFromTheConfirmation(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := f.add(t, "khai-sinh", "000.00.12.H26-260302-0001", time.Time{}, false)
	other := f.add(t, "khai-sinh", "000.00.12.H26-260302-0002", time.Time{}, false)
	caseID := f.read(t, token).CaseID
	h, _ := server(t, f)
	const from = "192.0.2.80:1"
	good := url.Values{"form": {h.forgetToken(token)}, "lang": {"vi"}}

	for _, m := range []string{"GET", "HEAD"} {
		if w := do(h, m, "/f/"+token+"/forget", from, nil); w.Code != http.StatusOK {
			t.Errorf("%s of the erase address: %d", m, w.Code)
		}
	}
	for _, m := range []string{"PUT", "DELETE", "PATCH"} {
		w := do(h, m, "/f/"+token+"/forget", from, good)
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") == "" {
			t.Errorf("%s of the erase address: %d, Allow %q; want 405", m, w.Code, w.Header().Get("Allow"))
		}
	}
	tests := []struct {
		name string
		path string
		form url.Values
		hdr  []string
	}{
		{"cross-site Sec-Fetch-Site", "/f/" + token + "/forget", good, []string{"Sec-Fetch-Site", "cross-site"}},
		{"an old browser: Origin elsewhere", "/f/" + token + "/forget", good, []string{"Origin", "https://evil.example"}},
		{"no hidden token", "/f/" + token + "/forget", url.Values{"lang": {"vi"}}, nil},
		{"the page's hidden token, not the confirmation's", "/f/" + token + "/forget", url.Values{"form": {h.formToken(token)}}, nil},
		{"another link's confirmation", "/f/" + token + "/forget", url.Values{"form": {h.forgetToken(other)}}, nil},
		{"a forged link with this one's confirmation", "/f/AAAAAAAAAAAAAAAAAAAAAAAA/forget", good, nil},
		{"a forged link with a made-up token", "/f/AAAAAAAAAAAAAAAAAAAAAAAA/forget", url.Values{"form": {"AAAAAAAAAAAAAAAAAAAAAAAA"}}, nil},
	}
	for _, tt := range tests {
		w := do(h, "POST", tt.path, from, tt.form, tt.hdr...)
		if w.Code != http.StatusForbidden || !strings.Contains(text(w), "Không gửi được") {
			t.Errorf("%s: %d %q", tt.name, w.Code, text(w))
		}
	}
	if kept, forgotten := f.exists(t, token, caseID); !kept || forgotten {
		t.Fatalf("a refused erase: follow-up kept %v, case marked forgotten %v", kept, forgotten)
	}
	var n int
	if err := f.store.DB().Get(&n, `SELECT count(*) FROM followups`); err != nil || n != 2 {
		t.Errorf("%d follow-ups left (%v), want 2", n, err)
	}
	// The erased page is a page, not a way in: it names nothing and
	// changes nothing.
	if w := do(h, "POST", "/f/forgotten", from, good); w.Code == http.StatusOK || w.Code == http.StatusSeeOther {
		t.Errorf("POST /f/forgotten: %d", w.Code)
	}
}
