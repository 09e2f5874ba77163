package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/web"
)

// Review of the resident follow-up: each test shows a suspected bug and
// fails while it is there.

// TestReviewStatusAfterNotYetNamesTheNextAskDate: the resident answers
// "Chưa" to the due-date reminder (the next ask is 07/12), then opens the
// link again. The status says when dvcbot will ask: it must be the next
// reminder's date, not the due date that has already passed.
func TestReviewStatusAfterNotYetNamesTheNextAskDate(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, token, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0011")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))
	if n := w.remind(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders on the due date", n)
	}
	if _, err := res.Next(15 * time.Second); err != nil {
		t.Fatal(err)
	}
	clk.advance(5 * 24 * time.Hour) // Wednesday 2/12
	got := last(t, w.press(res, w.vi("followup.reminder_not")))
	if got.Text != w.vi("followup.ask_again", locales.Data{"Date": "07/12/2026"}) {
		t.Fatalf("not yet: %q", got.Text)
	}
	got = last(t, w.send(res, "/start "+token))
	want := w.vi("followup.status_remind", locales.Data{"Due": "07/12/2026"})
	if !strings.Contains(got.Text, want) {
		t.Errorf("after \"Chưa\" the link says:\n%s\nwant %q (the next ask), not the past due date", got.Text, want)
	}
}

// TestReviewPhoneWithDashesInCommentIsRefused: a resident types a phone
// number grouped with en dashes (as a phone keyboard or a pasted text gives
// them). It is personal data and must be refused, not stored.
func TestReviewPhoneWithDashesInCommentIsRefused(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0012")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	got := last(t, w.send(res, "gọi lại giúp tôi: 0912–345–678"))
	if !strings.HasPrefix(got.Text, w.vi("followup.comment_number")) {
		t.Errorf("a phone number with en dashes: %q", got.Text)
	}
	if f, _ := w.followupRow(caseID); f.Comment.Valid {
		t.Errorf("stored comment %q holds a phone number", f.Comment.String)
	}
}

// TestReviewForgottenFollowupIsNotRecreated: the resident says /forget; a
// few minutes later the volunteer (who cannot know) types the dossier code
// again. The bot must not offer to attach it to the case, which would
// store the forgotten dossier code again with a new link.
func TestReviewForgottenFollowupIsNotRecreated(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0013")
	c, _ := w.lastCase(v)
	token := strings.TrimPrefix(decodeQR(t, ms[0].Photo), "https://t.me/"+w.srv.Bot().Username+"?start=")
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+token)
	if got := last(t, w.send(res, "/forget")); got.Text != w.vi("followup.forgotten") {
		t.Fatalf("/forget: %q", got.Text)
	}
	clk.advance(5 * time.Minute)
	m := last(t, w.send(v, "000.00.12.H26-251127-0013"))
	attach := w.vi("case.attach_button", locales.Data{"Case": c.ID})
	if hasButton(m, attach) {
		t.Errorf("after /forget the volunteer is offered to attach the code again: %q", m.Text)
		w.press(v, attach)
		if _, ok := w.followupRow(c.ID); ok {
			t.Errorf("the forgotten follow-up of case %d is back, with its dossier code", c.ID)
		}
	}
}

// TestReviewEndedFollowupCanBeReceivedOnThePage: the resident said "Chưa"
// to every reminder, so the follow-up ended; then the result comes. The
// bot still takes "Đã nhận" (storage.Received accepts an ended follow-up),
// but the web page of the same link offers no way to say so.
func TestReviewEndedFollowupCanBeReceivedOnThePage(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	caseID, token, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0014")
	w.press(res, w.vi("followup.consent_yes"))
	ctx := context.Background()
	at := clk.now()
	for n := 1; n <= storage.MaxAskAgain+1; n++ {
		if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
			if ok, err := tx.ReminderSent(ctx, caseID, n, at); err != nil || !ok {
				t.Fatalf("reminder %d: %v %v", n, ok, err)
			}
			_, _, err := tx.NotYet(ctx, caseID, at.AddDate(0, 0, 3), at)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if f, _ := w.followupRow(caseID); f.Status != storage.FollowupEnded {
		t.Fatalf("status %s, want ended", f.Status)
	}
	h := web.New(w.store, catalog, w.texts, web.WithClock(clk.now))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/f/"+token, nil))
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("GET: %d", rec.Code)
	}
	if !strings.Contains(body, `id="received"`) {
		t.Errorf("the page of an ended follow-up offers no %q button; the bot would take it", w.vi("web.received_button"))
	}
}

// TestReviewRerateOnThePageKeepsTheOldComment: a resident rates 5 with a
// comment on the page, changes their mind and rates 2 with the (empty)
// comment box the page shows. The old praise stays beside the new rating.
func TestReviewRerateOnThePageKeepsTheOldComment(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	caseID, token, _ := w.openedFollowup("Vân", "000.00.12.H26-251127-0015")
	h := web.New(w.store, catalog, w.texts, web.WithClock(clk.now))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/f/"+token, nil))
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatal("no form")
	}
	post := func(rating, comment string) {
		req := httptest.NewRequest("POST", "/f/"+token+"/rate",
			strings.NewReader(url.Values{"form": {m[1]}, "rating": {rating}, "comment": {comment}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("rate %s: %d", rating, rec.Code)
		}
	}
	post("5", "Rất nhiệt tình")
	post("2", "")
	if f, _ := w.followupRow(caseID); f.Rating.Int16 != 2 || f.Comment.Valid {
		t.Errorf("after re-rating 2 with no comment: rating %d, comment %q kept", f.Rating.Int16, f.Comment.String)
	}
}
