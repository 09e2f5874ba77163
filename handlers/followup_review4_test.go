package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// outboxWith counts the outbox's rows whose body shows s, whatever they
// are tagged with.
func (w *world) outboxWith(s string) int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM outbox WHERE position(convert_to($1, 'UTF8') IN body) > 0`, s); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// At the comment question, during a Telegram outage, the resident sends a
// photo and then edits their last message: each is answered with the
// comment question again, under the line that names the dossier — its
// code. Those replies wait in the outbox. The resident says /forget: the
// replies that show the code used to stay (untagged) and reached the chat
// once Telegram was back, after "deleted".
func TestForgetWithdrawsTheCommentQuestionAskedAgain(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0401"
	_, _, res := w.openedFollowup("Vân", code)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★") // the comment question is open
	// /forget asks first: its question came before the outage, its 🗑
	// is pressed during it.
	ask := last(t, w.send(res, "/forget"))

	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502})
	w.bot.WaitHandled(t, res.SendMessage(models.Message{Photo: []models.PhotoSize{{FileID: "AgACphoto", Width: 800, Height: 600}}}))
	w.bot.WaitHandled(t, res.EditLast("Rất tốt"))
	if n := w.outboxWith(code); n < 2 {
		t.Fatalf("%d replies with the code wait in the outbox, want the two questions asked again", n)
	}
	// What the chat shows already (the comment question, whose buttons
	// the questions asked again take off: review 27B) is no reply.
	shown := map[int]string{}
	for _, m := range res.Messages() {
		shown[m.ID] = m.Text
	}
	w.pressOld(res, ask.ID, forgetOneData(ask))
	if n := w.outboxWith(code); n != 0 {
		t.Errorf("after /forget the outbox still holds %d replies showing the dossier code", n)
	}
	w.srv.ClearFaults()
	for _, m := range w.settle(res) {
		if m.Edited && shown[m.ID] == m.Text {
			continue
		}
		if strings.Contains(m.Text, code) {
			t.Errorf("after /forget the resident got %q", m.Text)
		}
	}
}

// A daughter follows three dossiers and types /forget; before she picks
// one, her father's is erased on its web page. She then taps his button:
// the list used to give way to "this follow-up is no longer here" alone,
// the other two's buttons gone with it. She is told, and asked again with
// the two that are left.
func TestForgetListPressedAfterTheWebErase(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father, grandma = "000.00.12.H26-251127-0411", "000.00.12.H26-251127-0412", "000.00.12.H26-251127-0413"
	_, motherToken := w.slip("Vân", mother)
	fatherCase, fatherToken := w.slip("Vy", father)
	_, grandmaToken := w.slip("Vi", grandma)
	daughter := w.srv.NewUser("Con gái", "vi")
	for _, token := range []string{motherToken, fatherToken, grandmaToken} {
		w.send(daughter, "/start "+token)
	}
	ask := last(t, w.forgetConfirmed(daughter))
	if !hasButton(ask, w.forgetButton(father)) {
		t.Fatalf("the list: %q %v", ask.Text, ask.Buttons())
	}

	serve := w.webPage()
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+fatherToken+"/forget", nil).Body.String())
	if m == nil {
		t.Fatal("no erase confirmation")
	}
	if got := serve("POST", "/f/"+fatherToken+"/forget", url.Values{"form": {m[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the erase: %d", got.Code)
	}
	if _, ok := w.followupRow(fatherCase); ok {
		t.Fatal("the web page did not erase the father's follow-up")
	}

	id, err := daughter.PressOn(ask.ID, w.forgetButton(father))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(daughter)
	if got := lastAnswer(t, daughter); got != w.vi("followup.gone") {
		t.Errorf("the press is answered %q", got)
	}
	got := msgByID(t, daughter, ask.ID)
	if !strings.HasPrefix(got.Text, w.vi("followup.gone")) || strings.Contains(got.Text, father) ||
		!hasButton(got, w.forgetButton(mother)) ||
		!hasButton(got, w.forgetButton(grandma)) ||
		!hasButton(got, w.vi("followup.forget_all_button", locales.Data{"Count": 2})) {
		t.Errorf("after pressing an erased follow-up's button the list reads %q %v; want it gone and the two left listed", got.Text, got.Buttons())
	}
}

// A daughter follows her mother's and her father's dossiers; during a
// Telegram outage she types /start, which shows both again, codes and all.
// The father's is erased on its web page meanwhile: the /start message
// that shows his code used to stay in the outbox (tagged with nothing) and
// reached her once Telegram was back. It is withdrawn; the mother's stays.
func TestWebEraseWithdrawsTheFollowupShownByStart(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-0421", "000.00.12.H26-251127-0422"
	_, motherToken := w.slip("Vân", mother)
	_, fatherToken := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+motherToken)
	w.send(daughter, "/start "+fatherToken)

	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502})
	w.bot.WaitHandled(t, daughter.SendText("/start"))
	if w.outboxWith(father) < 1 || w.outboxWith(mother) < 1 {
		t.Fatalf("/start's follow-ups waiting: %d with the father's code, %d with the mother's", w.outboxWith(father), w.outboxWith(mother))
	}
	serve := w.webPage()
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+fatherToken+"/forget", nil).Body.String())
	if m == nil {
		t.Fatal("no erase confirmation")
	}
	if got := serve("POST", "/f/"+fatherToken+"/forget", url.Values{"form": {m[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the erase: %d", got.Code)
	}
	if n := w.outboxWith(father); n != 0 {
		t.Errorf("after the web erase the outbox still holds %d replies showing the father's code", n)
	}
	if n := w.outboxWith(mother); n < 1 {
		t.Errorf("the mother's follow-up shown by /start: %d replies, want it still hers to get", n)
	}
	w.srv.ClearFaults()
	for _, m := range w.settle(daughter) {
		if strings.Contains(m.Text, father) {
			t.Errorf("after the erase the daughter got %q", m.Text)
		}
	}
}

// A daughter rated her mother's dossier and is at its comment question
// when her brother sends her their father's link; she pastes it into the
// chat. It used to be kept as her comment on her mother's dossier (the
// father's secret link stored beside a rating, shown on the mother's
// page); it opens the father's follow-up, as pasted anywhere else.
func TestLinkPastedAtTheCommentQuestion(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-0441", "000.00.12.H26-251127-0442"
	motherCase, motherToken := w.slip("Vân", mother)
	fatherCase, fatherToken := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+motherToken)
	w.press(daughter, w.vi("followup.consent_yes"))
	w.press(daughter, "5★")

	got := last(t, w.send(daughter, "https://t.me/"+w.srv.Bot().Username+"?start="+fatherToken))
	if !strings.Contains(got.Text, father) {
		t.Errorf("the father's link pasted at the comment question is answered %q", got.Text)
	}
	if f, _ := w.followupRow(motherCase); f.Comment.Valid {
		t.Errorf("the link was kept as the comment on the mother's dossier: %q", f.Comment.String)
	}
	if f, ok := w.followupRow(fatherCase); !ok || f.Chat.Int64 != daughter.ID {
		t.Errorf("the father's follow-up is not hers: %+v %v", f, ok)
	}
}

// A resident presses "there is a problem" under the reminder while
// Telegram refuses the volunteer's chat for a while, then says /forget.
// The volunteer's notice — the case number, never the dossier code — went
// with the follow-up (every reply of the press was tagged with it): the
// volunteer never learnt a resident needed help. It reaches them.
func TestForgetKeepsTheVolunteersProblemNotice(t *testing.T) {
	received := vn(2026, 11, 23, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	resident := w.srv.NewUser("Ông Bảy", "vi")
	const code = "000.00.12.H26-261123-0451"
	id := w.remindedCase(vol, resident, code, received, vn(2026, 11, 24, 0, 0), true)
	if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	w.settle(resident)
	drain(vol)
	// /forget asks first: its question came before the volunteer's chat
	// failed (a reply waiting for it holds the resident's back), its 🗑
	// is pressed once the notice waits.
	ask := last(t, w.send(resident, "/forget"))
	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502, ChatID: vol.ID})
	w.press(resident, w.vi("followup.reminder_problem"))
	w.pressOld(resident, ask.ID, forgetOneData(ask))
	if _, ok := w.followupRow(id); ok {
		t.Fatal("/forget kept the follow-up")
	}
	w.srv.ClearFaults()
	var told bool
	for _, m := range w.settle(vol) {
		told = told || strings.Contains(m.Text, strconv.FormatInt(id, 10))
	}
	if !told {
		t.Error("the volunteer was never told of the resident's problem")
	}
}

// Follow-ups are kept 7 days after they fall due (FOLLOWUP_RETENTION_DAYS=7):
// Telegram refused the volunteer's slip (the QR code of the follow-up's
// link), which the outbox keeps 14 days as dropped. Retention deleted the
// follow-up and left the slip — a live link to nothing, with the case's
// picture of the code — in the outbox for another week; a follow-up that
// goes by retention takes its replies with it, as one forgotten does.
func TestRetentionWithdrawsAFollowupsDroppedReplies(t *testing.T) {
	clk := newClock() // the due date and its retention counted from a fixed day, not the machine's
	w := newWorld(t, handlers.WithClock(clk.now))
	w.store.SetFollowupRetention(7)
	const code = "000.00.12.H26-251127-0461"
	vol := w.volunteer("Vân")
	w.srv.Inject(telegramtest.Fault{Method: "sendPhoto", Code: 400, Count: 1})
	w.finishWithCode(vol, code)
	c, _ := w.lastCase(vol)
	// Delivered replies (the summary) leave the outbox in batches, a moment
	// later; the dropped slip stays.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if rows, _ := w.outboxAbout(c.ID, code); rows == 1 {
			break
		}
	}
	if rows, _ := w.outboxAbout(c.ID, code); rows != 1 {
		t.Fatalf("the dropped slip: %d rows about the follow-up, want 1", rows)
	}
	r, err := w.store.ApplyRetention(context.Background(), clk.now().AddDate(0, 0, 13))
	if err != nil || r.Followups != 1 {
		t.Fatalf("retention: %+v, %v; want the follow-up deleted", r, err)
	}
	if rows, _ := w.outboxAbout(c.ID, code); rows != 0 {
		t.Errorf("the follow-up went by retention; the outbox still holds %d replies about it", rows)
	}
}

// During a Telegram outage a daughter with two follow-ups types /forget:
// the list that asks which, with both dossier codes, waits in the outbox.
// Her father's is erased on its web page meanwhile: the list, showing his
// code, used to reach her once Telegram was back (it was tagged with
// nothing). It is withdrawn with his follow-up.
func TestWebEraseWithdrawsTheForgetList(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-0471", "000.00.12.H26-251127-0472"
	_, motherToken := w.slip("Vân", mother)
	_, fatherToken := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+motherToken)
	w.send(daughter, "/start "+fatherToken)

	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502})
	w.bot.WaitHandled(t, daughter.SendText("/forget"))
	if n := w.outboxWith(father); n < 1 {
		t.Fatalf("%d replies with the father's code wait, want the list", n)
	}
	// The sender gives the list back to the outbox once its quick retries
	// run out (a reply it is sending at that moment may still arrive).
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var released int
		if err := w.store.DB().Get(&released, `SELECT count(*) FROM outbox WHERE owner IS NULL AND attempts > 0`); err != nil {
			t.Fatal(err)
		}
		if released > 0 {
			break
		}
	}
	serve := w.webPage()
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+fatherToken+"/forget", nil).Body.String())
	if m == nil {
		t.Fatal("no erase confirmation")
	}
	if got := serve("POST", "/f/"+fatherToken+"/forget", url.Values{"form": {m[1]}, "lang": {"vi"}}); got.Code != http.StatusSeeOther {
		t.Fatalf("the erase: %d", got.Code)
	}
	if n := w.outboxWith(father); n != 0 {
		t.Errorf("after the web erase the outbox still holds %d replies showing the father's code", n)
	}
	w.srv.ClearFaults()
	for _, m := range w.settle(daughter) {
		if strings.Contains(m.Text, father) {
			t.Errorf("after the erase the daughter got %q", m.Text)
		}
	}
}
