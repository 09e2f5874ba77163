package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/web"
)

// webPage serves one request to the follow-up page (web) over w's storage.
func (w *world) webPage() func(method, path string, form url.Values) *httptest.ResponseRecorder {
	page := web.New(w.store, catalog, w.texts)
	return func(method, path string, form url.Values) *httptest.ResponseRecorder {
		var r *http.Request
		if form != nil {
			r = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		} else {
			r = httptest.NewRequest(method, path, nil)
		}
		rec := httptest.NewRecorder()
		page.ServeHTTP(rec, r)
		return rec
	}
}

// TestWebEraseOfATelegramFollowup: a resident who opened two follow-up
// links in Telegram, agreed to reminders for both and was left at the
// comment question of the second, erases the second on its web page. The
// bot says nothing about it; the comment question is over (what they type
// next is no comment), its message's buttons off; the link in Telegram is not found; on the due date
// the reminder sweep (the River job) sends the first's reminder only.
func TestWebEraseOfATelegramFollowup(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)) // a Friday, 16:00 in Vietnam
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.volunteer("Vân")
	followup := func(code string) (int64, string) {
		t.Helper()
		ms := w.finishWithCode(vol, code)
		c, _ := w.lastCase(vol)
		return c.ID, qrToken(t, ms[0].Photo)
	}
	keptCase, keptToken := followup("000.00.12.H26-251127-0021")
	erasedCase, token := followup("000.00.12.H26-251127-0022")

	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+keptToken)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "3★")
	w.press(res, w.vi("followup.comment_skip"))
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	asked := last(t, w.press(res, "5★"))
	if flow := w.flowOf(res); flow != "f" {
		t.Fatalf("the resident is at flow %q, want the comment question", flow)
	}
	before, _ := w.followupRow(erasedCase)
	if !before.NextRemind.Valid || before.Chat.Int64 != res.ID {
		t.Fatalf("the follow-up before the erase: %+v", before)
	}

	parked := w.park(res.ID, "Rất nhiệt tình") // typed the day the database was down

	// The web page: the confirmation, then its button.
	serve := w.webPage()
	confirm := serve("GET", "/f/"+token+"/forget", nil)
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(confirm.Body.String())
	if confirm.Code != http.StatusOK || m == nil {
		t.Fatalf("the confirmation: %d\n%s", confirm.Code, confirm.Body.String())
	}
	if got := serve("POST", "/f/"+token+"/forget", url.Values{"form": {m[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the erase: %d\n%s", got.Code, got.Body.String())
	}

	if _, ok := w.followupRow(erasedCase); ok {
		t.Fatal("the follow-up is still there after the erase")
	}
	if parked() {
		t.Error("what the resident's chat sent in a failed update is kept after the erase")
	}
	if got := fresh(w.settle(res)); len(got) != 0 {
		t.Errorf("the bot wrote to the resident about the erase: %q", got[0].Text)
	}
	// The comment question it ended loses its buttons, as at /forget
	// (review 27F): its stars would answer that the follow-up is gone.
	noButtons(t, res, asked.ID, "the comment question the erase ended")
	if flow := w.flowOf(res); flow != "" {
		t.Errorf("after the erase the resident is still at flow %q", flow)
	}
	if got := last(t, w.send(res, "Rất nhiệt tình")); strings.HasPrefix(got.Text, w.vi("followup.comment_kept")) {
		t.Errorf("text typed after the erase was taken as a comment: %q", got.Text)
	}
	if f, _ := w.followupRow(keptCase); f.Comment.Valid || f.Rating.Int16 != 3 {
		t.Errorf("the other follow-up: %+v", f)
	}
	if got := last(t, w.send(res, "/start "+token)); got.Text != w.vi("followup.not_found") {
		t.Errorf("the erased link in Telegram: %q", got.Text)
	}

	// The due date: the sweep sends the kept follow-up's reminder only.
	kept, _ := w.followupRow(keptCase)
	if !kept.NextRemind.Valid || !kept.NextRemind.Time.Equal(before.NextRemind.Time) {
		t.Fatalf("the two follow-ups are not due the same day: %v, %v", kept.NextRemind, before.NextRemind)
	}
	d := kept.NextRemind.Time
	clock.Set(vn(d.Year(), d.Month(), d.Day(), 8, 5))
	q := startQueue(t, w, clock)
	q.sweep()
	got := fresh(w.settle(res)) // the comment question the reminder closes loses its buttons (an edit, review 27B)
	if len(got) != 1 || !strings.Contains(got[0].Text, "000.00.12.H26-251127-0021") {
		var texts []string
		for _, m := range got {
			texts = append(texts, m.Text)
		}
		t.Fatalf("reminders on the due date: %q, want the kept follow-up's only", texts)
	}
	clock.Set(vn(d.Year(), d.Month(), d.Day()+7, 9, 0))
	q.sweep()
	if got := w.settle(res); len(got) != 0 {
		t.Errorf("a week later: %q", got[0].Text)
	}
}
