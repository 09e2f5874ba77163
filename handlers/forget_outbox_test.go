package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
)

// outboxAbout counts the outbox's rows about a case's follow-up, and those
// of them whose body shows code (a picture's does not, as text).
func (w *world) outboxAbout(caseID int64, code string) (rows, withCode int) {
	w.t.Helper()
	err := w.store.DB().QueryRow(`SELECT count(*), count(*) FILTER (WHERE position(convert_to($2, 'UTF8') IN body) > 0)
		FROM outbox WHERE topic = $1`, "followup:"+strconv.FormatInt(caseID, 10), code).Scan(&rows, &withCode)
	if err != nil {
		w.t.Fatal(err)
	}
	return rows, withCode
}

// park puts into the inbox an update of chat that failed and is kept, with
// what it said, for someone to look at (as the runtime parks one), and
// returns a function that reports whether its payload is still kept.
func (w *world) park(chat int64, text string) func() bool {
	w.t.Helper()
	var id int64
	err := w.store.DB().Get(&id, `INSERT INTO updates (update_id, chat_id, payload, status, last_error, finished_at)
		VALUES ((SELECT coalesce(max(update_id), 0) + 1000 FROM updates), $1, convert_to($2, 'UTF8'), 'failed', 'database down', now())
		RETURNING update_id`, chat, `{"message":{"text":"`+text+`"}}`)
	if err != nil {
		w.t.Fatal(err)
	}
	return func() bool {
		var kept bool
		if err := w.store.DB().Get(&kept, `SELECT payload IS NOT NULL FROM updates WHERE update_id = $1`, id); err != nil {
			w.t.Fatal(err)
		}
		return kept
	}
}

// TestForgetWithdrawsAWaitingReminder: the due date comes while Telegram
// fails every message; the reminder, with the dossier code, waits in the
// outbox. The resident says /forget meanwhile: when Telegram is back, they
// get the answer to /forget and never the reminder, and the bot holds no
// reply about the follow-up any more, nor the comment they typed the day the
// database was down (an update kept, failed, to be looked at); another
// chat's such update stays.
func TestForgetWithdrawsAWaitingReminder(t *testing.T) {
	clk := newClock() // Friday 27/11/2026
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0041"
	caseID, _, res := w.openedFollowup("Vân", code)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.press(res, w.vi("followup.comment_skip"))
	residentsKept := w.park(res.ID, "Chị Hoa rất nhiệt tình")
	othersKept := w.park(res.ID+1000, "/help")

	// /forget asks first: its question came before the outage, its 🗑
	// is pressed during it.
	ask := last(t, w.send(res, "/forget"))
	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502})
	clk.advance(6*24*time.Hour - 6*time.Hour) // Thursday 3/12, 10:00 in Vietnam: the first working day after the due date (2/12)
	if n, err := w.h.SendDueReminders(context.Background()); err != nil || n != 1 {
		t.Fatalf("reminders sent: %d, %v", n, err)
	}
	// Delivered replies leave the outbox in batches, a moment later.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if rows, _ := w.outboxAbout(caseID, code); rows == 1 {
			break
		}
	}
	if rows, withCode := w.outboxAbout(caseID, code); rows != 1 || withCode != 1 {
		t.Fatalf("the reminder waiting in the outbox: %d rows about the follow-up, %d with the code; want 1, 1", rows, withCode)
	}
	pressed := w.pressOld(res, ask.ID, forgetOneData(ask))
	if rows, _ := w.outboxAbout(caseID, code); rows != 0 {
		t.Errorf("after /forget the outbox still holds %d replies about the follow-up", rows)
	}
	if residentsKept() || !othersKept() {
		t.Errorf("after /forget: the resident's failed update kept = %v, another chat's kept = %v; want false, true", residentsKept(), othersKept())
	}
	w.srv.ClearFaults()
	got := append(pressed, w.settle(res)...)
	if len(got) != 1 || got[0].Text != w.vi("followup.forgotten") {
		var texts []string
		for _, m := range got {
			texts = append(texts, m.Text)
		}
		t.Fatalf("the resident got %q once Telegram was back, want only the answer to /forget", texts)
	}
}

// TestWebEraseWithdrawsADroppedSlip: Telegram refused the volunteer's slip
// (a photo of the QR code and the dossier code), which the outbox keeps for
// 14 days as dropped; the resident erases the follow-up on its web page, and
// the slip goes with it. The volunteer's other replies stay untouched.
func TestWebEraseWithdrawsADroppedSlip(t *testing.T) {
	w := newWorld(t)
	const code = "000.00.12.H26-251127-0042"
	vol := w.volunteer("Vân")
	w.srv.Inject(telegramtest.Fault{Method: "sendPhoto", Code: 400, Count: 1})
	w.finishWithCode(vol, code)
	c, _ := w.lastCase(vol)
	var token string
	if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	// Delivered replies (the summary, the links) leave the outbox in
	// batches, a moment later; the dropped slip stays (what it says, the
	// code among it: it is drawn when it is sent).
	slips := func() int {
		var n int
		if err := w.store.DB().Get(&n, `SELECT count(*) FROM outbox WHERE topic = $1 AND kind = 'sendPhoto' AND status = 'dropped'`,
			"followup:"+strconv.FormatInt(c.ID, 10)); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if rows, _ := w.outboxAbout(c.ID, code); rows == 1 && slips() == 1 {
			break
		}
	}
	if rows, withCode := w.outboxAbout(c.ID, code); rows != 1 || withCode != 1 || slips() != 1 {
		t.Fatalf("the dropped slip: %d rows about the follow-up (%d with the code), %d dropped photos; want the photo alone", rows, withCode, slips())
	}
	var untagged int
	if err := w.store.DB().Get(&untagged, `SELECT count(*) FROM outbox WHERE topic IS NULL`); err != nil {
		t.Fatal(err)
	}

	serve := w.webPage()
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+token+"/forget", nil).Body.String())
	if m == nil {
		t.Fatal("no erase confirmation")
	}
	if got := serve("POST", "/f/"+token+"/forget", url.Values{"form": {m[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the erase: %d\n%s", got.Code, got.Body.String())
	}
	if rows, _ := w.outboxAbout(c.ID, code); rows != 0 {
		t.Errorf("after the erase the outbox still holds %d replies about the follow-up", rows)
	}
	var after int
	if err := w.store.DB().Get(&after, `SELECT count(*) FROM outbox WHERE topic IS NULL`); err != nil || after != untagged {
		t.Errorf("replies about nothing in particular: %d before the erase, %d after (%v)", untagged, after, err)
	}
}
