package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Tests of odd paths found in review: each failed before its fix.

// openedFollowup finishes a case with a code for a new volunteer and has a
// new resident open its link; it returns the case id, the token and the
// resident.
func (w *world) openedFollowup(volunteer, code string) (int64, string, *telegramtest.User) {
	w.t.Helper()
	v := w.volunteer(volunteer)
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	token := qrToken(w.t, ms[0].Photo)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+token)
	return c.ID, token, res
}

// conversationRows counts the rows of conversations that name chat.
func (w *world) conversationRows(chat int64) int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM conversations WHERE chat_id = $1`, chat); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// TestForgetLeavesNoResidentChat: a resident who rated (and so was asked
// for a comment) and then says /forget leaves no trace of their chat id:
// not in followups, and not in the conversation row the comment question
// wrote.
func TestForgetLeavesNoResidentChat(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0003")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★") // the comment question: the chat is in a flow now
	if got := last(t, w.forgetConfirmed(res)); got.Text != w.vi("followup.forgotten") {
		t.Fatalf("/forget: %q", got.Text)
	}
	if n := w.conversationRows(res.ID); n != 0 {
		t.Errorf("after /forget the resident's chat id is still in %d conversation row(s)", n)
	}
}

// TestRetentionLeavesNoResidentChat: a resident who rated and left the
// comment question unanswered; once retention deletes the follow-up, the
// conversation row that tied their chat to the case goes too.
func TestRetentionLeavesNoResidentChat(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0004")
	w.press(res, w.vi("followup.consent_no"))
	w.press(res, "4★")
	ctx := context.Background()
	r, err := w.store.ApplyRetention(ctx, time.Now().AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := w.followupRow(caseID); ok || r.Followups != 1 {
		t.Fatalf("retention a year later removed %d follow-ups", r.Followups)
	}
	var data string
	err = w.store.DB().Get(&data, `SELECT data::text FROM conversations WHERE chat_id = $1`, res.ID)
	if err == nil {
		t.Errorf("after retention the resident's chat is still kept, with %s", data)
	}
	// A volunteer's row stays: its version keeps their old buttons stale.
	var vols int
	if err := w.store.DB().Get(&vols, `SELECT count(*) FROM conversations c JOIN users u ON u.telegram_id = c.chat_id
		WHERE u.role = $1`, storage.RoleVolunteer); err != nil || vols != 1 {
		t.Errorf("volunteers' conversation rows after retention: %d (%v)", vols, err)
	}
}

// TestFollowupLinkPausesTheCaseOnScreen: a volunteer in the middle of a
// case opens a follow-up link (a colleague's slip: their own family's
// dossier). Opening it only asks (the case stays on screen, open); saying
// it is their own dossier takes the chat away from the case, so the case
// is paused, as /new, /team or /tally would, not left open with its clock
// running and nothing on screen.
func TestFollowupLinkPausesTheCaseOnScreen(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0005")
	token := qrToken(t, ms[0].Photo)

	other := w.volunteer("Hoa")
	w.startBirthCase(other)
	w.press(other, w.vi("case.done"))
	open, _ := w.lastCase(other)
	if open.Status != storage.CaseOpen {
		t.Fatalf("the case before the link: %s", open.Status)
	}
	got := last(t, w.send(other, "/start "+token))
	if !hasButton(got, w.vi("followup.member_mine")) {
		t.Fatalf("the link: %q", got.Text)
	}
	if c, _ := w.caseByID(other, open.ID); c.Status != storage.CaseOpen {
		t.Errorf("the case after opening the link: %s", c.Status)
	}
	got = last(t, w.press(other, w.vi("followup.member_mine")))
	if !strings.Contains(got.Text, w.vi("followup.consent_ask")) {
		t.Fatalf("after \"this is my dossier\": %q", got.Text)
	}
	if c, es := w.caseByID(other, open.ID); c.Status != storage.CasePaused || !strings.HasSuffix(kinds(es), "pause2") {
		t.Errorf("the case after the link: %s, events %s", c.Status, kinds(es))
	}
}

// TestCoordinatorInviteMidCasePausesTheCase: a commune coordinator, who
// helps residents too, types /invite in the middle of a case. The link
// ends whatever the chat showed; the case is paused, not left open with
// its clock running.
func TestCoordinatorInviteMidCasePausesTheCase(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	w.startBirthCase(coord)
	w.press(coord, w.vi("case.done"))
	open, _ := w.lastCase(coord)
	m := last(t, w.send(coord, "/invite"))
	if inviteLink.FindStringSubmatch(m.Text) == nil {
		t.Fatalf("/invite: %q", m.Text)
	}
	if c, es := w.caseByID(coord, open.ID); c.Status != storage.CasePaused || !strings.HasSuffix(kinds(es), "pause2") {
		t.Errorf("the case after /invite: %s, events %s", c.Status, kinds(es))
	}
}

// TestDigestWordsAnyCase: /digest takes on/off in either language, with or
// without tone marks, in any case (the words are folded, not listed in Go
// with their Vietnamese spelling).
func TestDigestWordsAnyCase(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	for _, tt := range []struct {
		arg  string
		want bool
	}{{"TẮT", false}, {"Bật", true}, {"tat", false}, {"ON", true}, {"Off", false}} {
		state := "digest.state_off"
		if tt.want {
			state = "digest.state_on"
		}
		if m := only(t, w.send(coord, "/digest "+tt.arg)); m.Text != w.vi(state) || w.userRow(coord).Digest != tt.want {
			t.Errorf("/digest %s: %q", tt.arg, m.Text)
		}
	}
}

// TestResidentConsentRecordsTheTextRead: a resident opens the link (the
// question in Vietnamese), switches to English with /lang, then answers on
// the message they read. The consent is recorded with the version of the
// Vietnamese question, the one they agreed to, not the English one. Since
// review 29 /lang draws the card again below in English and the copy above
// loses its buttons: the tap on it left the phone before they went.
func TestResidentConsentRecordsTheTextRead(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0006")
	card := res.Last()
	data := dataOf(t, card, w.vi("followup.consent_yes"))
	w.send(res, "/lang en")
	id, err := res.PressData(card.ID, data)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(res)
	f, _ := w.followupRow(caseID)
	if !f.Consent.Bool || !strings.HasPrefix(f.Version.String, "vi-") {
		t.Errorf("consent %v recorded as version %q, want the Vietnamese text's", f.Consent, f.Version.String)
	}
}

// TestRemovedMidCaseThePauseIsRecorded: a volunteer is in the middle of a
// case when their coordinator removes them from the team. Their flow ends;
// the case is paused then, so its active time stops there (should they be
// invited back and /resume it) rather than being left open and running.
func TestRemovedMidCaseThePauseIsRecorded(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	vol := w.member("Vân", storage.RoleVolunteer, "26882")
	w.startBirthCase(vol)
	w.press(vol, w.vi("case.done"))
	open, _ := w.lastCase(vol)
	w.send(coord, "/team")
	w.press(coord, "✕ 2. Vân")
	w.press(coord, w.vi("team.remove_yes"))
	if u := w.userRow(vol); u.Role != storage.RoleGuest {
		t.Fatalf("not removed: %+v", u)
	}
	if c, es := w.caseByID(vol, open.ID); c.Status != storage.CasePaused || !strings.HasSuffix(kinds(es), "pause2") {
		t.Errorf("the removed volunteer's case: %s, events %s", c.Status, kinds(es))
	}
}

// A text too long to read on a /team or /tally screen gets the note and the
// screen again, with its buttons: the coordinator is never left without them.
func TestTooLongTextShowsTheTeamAndTallyScreensAgain(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	long := strings.Repeat("a", 600)
	for _, c := range []struct{ cmd, button string }{
		{"/tally", w.vi("tally.period_month")},
		{"/team", w.vi("team.invites_button")},
	} {
		w.send(coord, c.cmd)
		got := fresh(w.send(coord, long)) // a team screen above loses its buttons
		if len(got) != 1 || !strings.HasPrefix(got[0].Text, w.vi("error.too_long", locales.Data{"Max": 500})) || !hasButton(got[0], c.button) {
			t.Errorf("%s, then a long text: %+v", c.cmd, got)
		}
	}
}

// TestFollowupStatusNamesTheNextAsk: the link opened again says when dvcbot
// will ask next — the first working day after the due date at first (the
// due date itself still waits for it), "shortly" once it has come, that
// the question is waiting once a reminder went, and the next ask's date
// after "not yet" — never a due date that has passed.
func TestFollowupStatusNamesTheNextAsk(t *testing.T) {
	clk := newClock() // Friday 27/11/2026, 16:00 in Vietnam
	w := newWorld(t, handlers.WithClock(clk.now))
	_, token, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0011")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))
	// The result button: "📬 Đã nhận kết quả" on the rated screen, the
	// reminder's "✓ Đã nhận" under its question (review 19g).
	status := func(when string) string {
		t.Helper()
		m := last(t, w.send(res, "/start "+token))
		button, other := "followup.result_got", "followup.reminder_got"
		if strings.Contains(m.Text, w.vi("followup.status_asked_again")) {
			button, other = other, button
		}
		if !hasButton(m, w.vi(button)) || hasButton(m, w.vi(other)) {
			t.Errorf("%s: no %q button, or %q too: %+v", when, w.vi(button), w.vi(other), m.Buttons())
		}
		return m.Text
	}
	// Due Wednesday 2/12 (2026 is announced: a sure date): asked Thursday.
	first := w.vi("followup.status_remind", locales.Data{"Due": "03/12/2026"})
	if got := status("before the due date"); !strings.Contains(got, first) {
		t.Errorf("before the due date:\n%s\nwant %q", got, first)
	}
	clk.advance(5 * 24 * time.Hour) // Wednesday 2/12, the due date
	if got := status("on the due date"); !strings.Contains(got, first) {
		t.Errorf("on the due date:\n%s\nwant %q", got, first)
	}
	if n := w.remind(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)); n != 0 {
		t.Fatalf("%d reminders on the due date", n)
	}
	clk.advance(24 * time.Hour) // Thursday 3/12
	if got := status("the day after the due date"); !strings.Contains(got, w.vi("followup.status_remind_soon")) {
		t.Errorf("the day after the due date:\n%s", got)
	}
	if n := w.remind(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders the day after the due date", n)
	}
	if _, err := res.Next(15 * time.Second); err != nil {
		t.Fatal(err)
	}
	// The link opened again asks the reminder's question itself (with its
	// buttons: TestReminderToAResidentWhoBlockedTheBot).
	if got := status("a reminder waiting"); !strings.Contains(got, w.vi("followup.status_asked_again")) {
		t.Errorf("with a reminder's question waiting:\n%s", got)
	}
	got := last(t, w.press(res, w.vi("followup.reminder_not")))
	if got.Text != w.about("000.00.12.H26-251127-0011")+w.vi("followup.ask_again", locales.Data{"Date": "08/12/2026"}) { // Friday 4, Monday 7, Tuesday 8
		t.Fatalf("not yet: %q", got.Text)
	}
	next := w.vi("followup.status_remind", locales.Data{"Due": "08/12/2026"})
	if got := status("after not yet"); !strings.Contains(got, next) {
		t.Errorf("after \"not yet\":\n%s\nwant %q", got, next)
	}
}

// TestPhoneNumberWithAnyDashesIsRefused: a resident's comment with a phone
// number grouped by en dashes (as a phone keyboard or a pasted text gives
// them) is refused, not stored.
func TestPhoneNumberWithAnyDashesIsRefused(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0012")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	got := last(t, w.send(res, "rất tốt, sđt: 0912–345–678")) // "gọi lại" is a plea since review 29 (callBack)
	if !strings.HasPrefix(got.Text, w.vi("followup.comment_number")) {
		t.Errorf("a phone number with en dashes: %q", got.Text)
	}
	if f, _ := w.followupRow(caseID); f.Comment.Valid {
		t.Errorf("stored comment %q holds a phone number", f.Comment.String)
	}
}

// TestForgottenFollowupStaysForgotten: after the resident's /forget, the
// volunteer (who cannot know) types the dossier code again: it is not
// offered to the case, no code is kept, no new link made (storage refuses
// it too: TestSaveFollowupAfterForget).
func TestForgottenFollowupStaysForgotten(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-0013"
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+token)
	if got := last(t, w.forgetConfirmed(res)); got.Text != w.vi("followup.forgotten") {
		t.Fatalf("/forget: %q", got.Text)
	}
	clk.advance(5 * time.Minute)
	attach := w.vi("case.attach_button", locales.Data{"Case": c.ID})
	if m := last(t, w.send(v, code)); hasButton(m, attach) || m.Text != w.vi("case.code_no_case") {
		t.Errorf("after /forget, the code typed again: %q %+v", m.Text, m.Buttons())
	}
	if _, ok := w.followupRow(c.ID); ok {
		t.Fatalf("the forgotten follow-up of case %d is back", c.ID)
	}

}

// TestEndedFollowupCanStillBeReceived: the resident said "not yet" to every
// reminder, so the follow-up ended; then the result comes. The link opened
// again offers "received", and takes it.
func TestEndedFollowupCanStillBeReceived(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	caseID, token, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0014")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))
	ctx := context.Background()
	at := clk.now()
	for n := 1; n <= storage.MaxAskAgain+1; n++ {
		if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
			if ok, err := tx.ReminderSent(ctx, caseID, n, at); err != nil || !ok {
				t.Fatalf("reminder %d: %v %v", n, ok, err)
			}
			_, _, err := tx.NotYet(ctx, caseID, at.AddDate(0, 0, 3), at, ict)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if f, _ := w.followupRow(caseID); f.Status != storage.FollowupEnded {
		t.Fatalf("status %s, want ended", f.Status)
	}
	m := last(t, w.send(res, "/start "+token))
	if !strings.Contains(m.Text, w.vi("followup.status_ended")) || !hasButton(m, w.vi("followup.result_got")) {
		t.Fatalf("the link of an ended follow-up: %q %+v", m.Text, m.Buttons())
	}
	// The reminders ended: none to stop (review 19).
	if got := last(t, w.pressReceived(res)); !strings.HasPrefix(got.Text, w.about("000.00.12.H26-251127-0014")+w.vi("followup.received_no_reminders")) {
		t.Errorf("received after the end: %q", got.Text)
	}
	if f, _ := w.followupRow(caseID); f.Status != storage.FollowupReceived || f.Result.String != "received" { // before the due date
		t.Errorf("after received: %s, %s", f.Status, f.Result.String)
	}
	if m := last(t, w.send(res, "/start "+token)); hasButton(m, w.vi("followup.result_got")) || hasButton(m, w.vi("followup.reminder_got")) {
		t.Errorf("received, the link still offers the button: %+v", m.Buttons())
	}
}

// TestReminderEndsAnOpenCommentQuestion: a resident rated and left the
// comment question open; days later the reminder comes, and what they type
// then ("chưa nhận được") is not kept as their comment on the help.
func TestReminderEndsAnOpenCommentQuestion(t *testing.T) {
	clk := newClock() // Friday 27/11/2026
	w := newWorld(t, handlers.WithClock(clk.now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0016")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")                        // the comment question, left open
	clk.advance(6*24*time.Hour - 6*time.Hour) // Thursday 3/12, 10:00 in Vietnam: the first working day after the due date (2/12)
	if n, err := w.h.SendDueReminders(context.Background()); err != nil || n != 1 {
		t.Fatalf("reminders sent: %d, %v", n, err)
	}
	if m, err := res.Next(15 * time.Second); err != nil || !hasButton(m, w.vi("followup.reminder_not")) {
		t.Fatalf("the reminder: %+v, %v", m, err)
	}
	// fresh: the comment question above loses its buttons (an edit, review 27B).
	if ms := fresh(w.send(res, "chưa nhận được")); len(ms) == 0 || ms[0].Text != w.vi("followup.typed") {
		t.Errorf("text after the reminder: %+v", ms)
	}
	if f, _ := w.followupRow(caseID); f.Comment.Valid {
		t.Errorf("kept as the comment: %q", f.Comment.String)
	}
}
