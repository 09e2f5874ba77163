package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A worker who only scanned the slip's QR code (no Telegram) learns from
// an SMS that the dossier was sent back for more papers, or sees the date
// long past: the page offered "received" and the stars, nothing else —
// "⚠ Có vướng mắc", which tells the volunteer who helped and the
// coordinators, was a Telegram reminder's button only. The page now has
// it while the result is awaited: it records the problem as the reminder's
// button does (the case's result "problem"), tells the same people, and
// says so; a second post changes nothing and tells nobody again.
func TestProblemReportedOnThePage(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-1201"
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	drain(v)

	serve := w.webPage()
	page := serve("GET", "/f/"+token+"?lang=vi", nil)
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(page.Body.String())
	if page.Code != http.StatusOK || m == nil || !strings.Contains(page.Body.String(), `action="`+token+`/problem"`) {
		t.Fatalf("the page offers no problem report: %d\n%s", page.Code, page.Body.String())
	}
	// The report is the button of the question the page's asks (review 33D).
	if m = regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+token+"/problem?lang=vi", nil).Body.String()); m == nil {
		t.Fatal("the problem question has no form")
	}
	for i := range 2 {
		got := serve("POST", "/f/"+token+"/problem", url.Values{"form": {m[1]}, "lang": {"vi"}})
		if got.Code != http.StatusSeeOther || !strings.Contains(got.Header().Get("Location"), "done=problem") {
			t.Fatalf("post %d: %d %q\n%s", i+1, got.Code, got.Header().Get("Location"), got.Body.String())
		}
	}
	f, _ := w.followupRow(c.ID)
	if f.Status != storage.FollowupProblem || f.Result.String != storage.ResultProblem {
		t.Errorf("after the report: %+v", f)
	}
	told := w.settle(v)
	want := w.vi("followup.problem_volunteer", locales.Data{"Case": c.ID, "Guide": guide(t, "khai-sinh").Title.In("vi")})
	if len(told) != 1 || told[0].Text != want || strings.Contains(told[0].Text, code) {
		t.Errorf("the volunteer was told %q, want once %q", texts(told), want)
	}
	after := serve("GET", "/f/"+token+"?lang=vi&done=problem", nil)
	if body := after.Body.String(); !strings.Contains(body, w.vi("web.problem_done")) || strings.Contains(body, `/problem"`) {
		t.Errorf("the page after the report:\n%s", body)
	}
}

// The son holds the link in Telegram, agreed, has not rated; his mother
// reports the problem on the page before any reminder. His /start says
// so, and once the result comes he can say it there too, as after a
// problem reported from a reminder.
func TestProblemFromThePageSeenInTelegram(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-1202")
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+token)
	w.press(son, w.vi("followup.consent_yes"))

	serve := w.webPage()
	// The report is the button of the question the page's asks (review 33D).
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+token+"/problem", nil).Body.String())
	if m == nil {
		t.Fatal("no form on the page")
	}
	serve("POST", "/f/"+token+"/problem", url.Values{"form": {m[1]}, "lang": {"vi"}})

	got := last(t, w.send(son, "/start"))
	if !strings.Contains(got.Text, w.vi("followup.status_problem")) || !hasButton(got, w.vi("followup.result_got")) {
		t.Fatalf("/start after the page's report: %q %v", got.Text, got.Buttons())
	}
	w.pressReceived(son)
	if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived {
		t.Errorf("after \"✓ Đã nhận\": %+v", f)
	}
}
