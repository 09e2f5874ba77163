package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// The case log must tell the truth: these tests are the odd paths (End,
// Back, /cancel, a wrong pick) where what was stored once differed from
// what happened.

// forge presses a button the chat's message msg does not necessarily
// carry: an old pause message's, or forged data.
func (w *world) forge(u *telegramtest.User, msg int, data string) []*telegramtest.Message {
	w.t.Helper()
	id := w.srv.Enqueue(models.Update{CallbackQuery: &models.CallbackQuery{
		ID:   fmt.Sprintf("forged-%d-%d", u.ID, time.Now().UnixNano()),
		From: models.User{ID: u.ID, FirstName: u.FirstName},
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: &models.Message{
			ID: msg, Date: int(time.Now().Unix()), Chat: models.Chat{ID: u.ID, Type: models.ChatTypePrivate}}},
		Data: data,
	}})
	w.bot.WaitHandled(w.t, id)
	return drain(u)
}

// toOutcome starts a case of the guide, chosen by searching its id's words,
// answers the consent (yes: the reminder), begins, and walks every step.
func (w *world) toOutcome(u *telegramtest.User, id string, reminder bool) *telegramtest.Message {
	w.t.Helper()
	g := guide(w.t, id)
	w.send(u, "/new")
	w.send(u, strings.ReplaceAll(id, "-", " "))
	w.press(u, g.Title.Vi)
	switch {
	case !g.OffersFollowup():
		w.press(u, w.vi("consent.read"))
	case reminder:
		w.press(u, w.vi("consent.yes"))
	default:
		w.press(u, w.vi("consent.no"))
	}
	if len(g.Prerequisites) > 0 {
		w.press(u, w.vi("case.begin"))
	}
	return w.walkSteps(u, id)
}

// walkSteps presses Done on every step of the guide.
func (w *world) walkSteps(u *telegramtest.User, id string) *telegramtest.Message {
	w.t.Helper()
	var m *telegramtest.Message
	for range guide(w.t, id).Steps {
		m = last(w.t, w.press(u, w.vi("case.done")))
	}
	return m
}

// Bug 1: once an outcome is chosen, End is neither offered nor accepted;
// the pause message takes the case up where it stands. (A case left at its
// dossier code closes now, TestCaseLeftAtItsCodeCounts: the one paused with
// an outcome chosen is one asked why it was not done.)
func TestEndCannotOverwriteAnOutcome(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Một")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.not_submitted"))
	paused := last(t, w.send(u, "/cancel")) // at the reason question
	c, _ := w.lastCase(u)
	if c.Status != storage.CasePaused {
		t.Fatalf("/cancel at the reason question: %q, case %s", paused.Text, c.Status)
	}
	if hasButton(paused, w.vi("case.end_button")) {
		t.Errorf("End is offered after the outcome was chosen: %+v", paused.Keyboard)
	}
	// An End pressed anyway (an old pause message, forged data) resumes.
	m := last(t, w.forge(u, paused.ID, fmt.Sprintf("c:end:%d:0", c.ID)))
	after, _ := w.lastCase(u)
	if after.Outcome.String != "not_submitted" || after.Phase != storage.PhaseReason || after.EndedFrom.String != storage.PhaseOutcome || after.Status == storage.CaseClosed {
		t.Fatalf("End after the outcome changed the case: outcome %q, phase %s, ended from %q, status %s", after.Outcome.String, after.Phase, after.EndedFrom.String, after.Status)
	}
	if !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
		t.Fatalf("End after the outcome should show the reason question: %q", m.Text)
	}
}

// Bug 2: Back on the reason screen of a case ended early goes back to the
// exact phase and step it was ended from.
func TestBackAfterEndReturnsWhereTheCaseWas(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Hai")
	w.startBirthCase(u)
	for range len(g.Steps) - 1 {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("case.pause"))              // at the last step, which submits the dossier
	w.press(u, w.vi("case.end_button_outcome")) // the outcome is asked (submitstep_review19j_test.go)
	if m := last(t, w.press(u, w.vi("case.to_step", locales.Data{"Step": len(g.Steps)}))); !strings.Contains(m.Text, w.stepHead(g, len(g.Steps)-1)) {
		t.Fatalf("Back after ending at the last step: %q", m.Text)
	}
	if c, _ := w.lastCase(u); c.Phase != storage.PhaseSteps || c.Outcome.Valid {
		t.Fatalf("case after Back: phase %s, outcome %v", c.Phase, c.Outcome)
	}

	// Ended from the checklist: back to the checklist, not step 1.
	v := w.volunteer("Hai bis")
	w.send(v, "/new")
	w.press(v, g.Title.Vi)
	w.press(v, w.vi("consent.no"))
	w.send(v, "/cancel")
	w.press(v, w.vi("case.end_button"))
	if m := last(t, w.press(v, w.vi("button.back"))); !strings.Contains(m.Text, w.vi("case.checklist")) {
		t.Fatalf("Back after ending from the checklist: %q", m.Text)
	}
	if c, _ := w.lastCase(v); c.Phase != storage.PhaseChecklist {
		t.Fatalf("case after Back: phase %s", c.Phase)
	}
}

// Bug 3: an account task (a VNeID password) has its own outcomes and is
// stored as one, never as a dossier.
func TestAccountTaskOutcomes(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Ba")
	m := w.toOutcome(u, "vneid-mat-khau", false)
	for _, dossier := range []string{"outcome.submitted", "outcome.paid", "outcome.on_the_spot"} {
		if hasButton(m, w.vi(dossier)) {
			t.Errorf("an account task offers %q", w.vi(dossier))
		}
	}
	m = last(t, w.press(u, w.vi("outcome.account.done")))
	c, _ := w.lastCase(u)
	if c.Kind != "account" || c.Outcome.String != "done" || c.Mode.Valid || !strings.Contains(m.Text, w.vi("outcome.account.done")) {
		t.Fatalf("account case stored as kind %q, outcome %q, mode %v; summary %q", c.Kind, c.Outcome.String, c.Mode, m.Text)
	}
	// Not done: its reason.
	w.toOutcome(u, "vneid-mat-khau", false)
	w.press(u, w.vi("outcome.account.not_done"))
	w.press(u, w.vi("reason.no_otp"))
	if c, _ = w.lastCase(u); c.Outcome.String != "not_done" || c.Reason.String != "no_otp" {
		t.Fatalf("account case not done: %q / %q", c.Outcome.String, c.Reason.String)
	}
}

// Bug 4: a wrong pick is thrown away from the checklist, and a resident
// who is not eligible ends the case in one tap.
func TestWrongPickAndNotEligible(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Bốn")
	w.send(u, "/new")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	m := last(t, w.press(u, w.vi("case.other_guide")))
	if !strings.HasPrefix(m.Text, w.vi("case.pick")) {
		t.Fatalf("after throwing the pick away: %q", m.Text)
	}
	c, es := w.lastCase(u)
	if c.Status != storage.CaseDiscarded || len(es) != 0 {
		t.Fatalf("a discarded case: status %s, events %s", c.Status, kinds(es))
	}

	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	m = last(t, w.endAs(u, w.vi("case.not_eligible")))
	c, es = w.lastCase(u)
	if !strings.HasPrefix(m.Text, "✅") || c.Status != storage.CaseClosed || c.Outcome.String != "not_submitted" || c.Reason.String != "not_eligible" {
		t.Fatalf("not eligible: %q; case %s %q %q", m.Text, c.Status, c.Outcome.String, c.Reason.String)
	}
	if got := kinds(es); got != "start outcome" {
		t.Fatalf("events of a case not eligible: %s", got)
	}

	// Once a step is recorded, the case is real: it can no longer be thrown away.
	w.send(u, "/new")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	w.press(u, w.vi("case.begin"))
	w.press(u, w.vi("case.done"))
	w.press(u, w.vi("case.back"))
	if m = last(t, w.press(u, w.vi("case.back"))); hasButton(m, w.vi("case.other_guide")) || !hasButton(m, w.vi("case.not_eligible")) {
		t.Fatalf("checklist after a step was done: %+v", m.Keyboard)
	}
}

// Bug 5: the problem and fix screens (and the note) can pause the case.
func TestPauseFromProblemAndFix(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Năm")
	w.startBirthCase(u)
	m := last(t, w.press(u, w.vi("case.problem")))
	if !hasButton(m, w.vi("case.pause")) {
		t.Fatalf("problem screen without ⏸: %+v", m.Keyboard)
	}
	m = last(t, w.press(u, g.Steps[0].Errors[0].Label.Vi))
	if !hasButton(m, w.vi("case.pause")) {
		t.Fatalf("fix screen without ⏸: %+v", m.Keyboard)
	}
	m = last(t, w.press(u, w.vi("case.pause")))
	if c, _ := w.lastCase(u); c.Status != storage.CasePaused || !strings.HasPrefix(m.Text, "⏸") {
		t.Fatalf("pause from the fix: %s, %q", c.Status, m.Text)
	}
}

// A double tap or a stale press never edits a message into what it
// already shows (Telegram answers 400 "message is not modified" and the
// edit spends the chat's allowance).
func TestStalePressEditsOnlyWhatChanged(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Sáu")
	live := w.startBirthCase(u)
	a, _ := u.PressOn(live.ID, w.vi("case.done"))
	b, _ := u.PressOn(live.ID, w.vi("case.done"))
	w.bot.WaitHandled(t, a, b)
	drain(u)
	for _, c := range w.srv.CallsTo("editMessageText") {
		if c.Status == 400 {
			t.Fatalf("an edit changed nothing: %+v", c.Params["text"])
		}
	}
}

// Blank or invisible notes are refused; a blank search gets a hint.
func TestBlankNotesAndSearches(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Bảy")
	w.startBirthCase(u)
	w.press(u, w.vi("case.problem"))
	w.press(u, w.vi("case.problem_other"))
	for _, note := range []string{".", "\u3000\u3000", "\u200b", "\u200b \u200b", "\t\u00a0"} {
		if m := last(t, w.send(u, note)); !strings.HasPrefix(m.Text, w.vi("case.note_blank")) {
			t.Errorf("note %q answered %q", note, m.Text)
		}
	}
	if _, es := w.lastCase(u); strings.Contains(kinds(es), "problem") {
		t.Fatalf("a blank note was stored: %s", kinds(es))
	}
	w.send(u, "/cancel")
	if m := last(t, w.send(u, "\u3000")); m.Text != w.vi("case.search_blank") {
		t.Fatalf("a blank search: %q", m.Text)
	}
}

// A command for another bot is never taken for words to search.
func TestCommandForAnotherBot(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Tám")
	if m := only(t, w.send(u, "/new@other_bot")); m.Text != w.vi("error.other_bot") {
		t.Fatalf("/new@other_bot: %q", m.Text)
	}
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM conversations WHERE chat_id = $1 AND step = 'found'`, u.ID); err != nil || n != 0 {
		t.Fatalf("/new@other_bot was searched (%v)", err)
	}
}

// A dossier code sent after its case closed: the bot says so and offers
// to attach it to the volunteer's last case that has none.
func TestDossierCodeAfterTheCaseClosed(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Chín")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	c, _ := w.lastCase(u)
	clk.advance(5 * time.Minute)
	m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
	attach := w.vi("case.attach_button", locales.Data{"Case": c.ID})
	if m.Text != w.vi("case.code_after_close", locales.Data{"Case": c.ID, "Code": "000.00.12.H26-251127-0001"}) || !hasButton(m, attach) {
		t.Fatalf("a code after the case closed: %q %+v", m.Text, m.Keyboard)
	}
	// Two quick taps (a bad connection): the code is attached once, the
	// second tap is answered as belonging to a finished action and changes
	// nothing.
	p1, err := u.PressOn(m.ID, attach)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := u.PressOn(m.ID, attach)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, p1, p2)
	drain(u)
	if got := lastAnswer(t, u); got != w.vi("button.done") {
		t.Errorf("second tap answered %q", got)
	}
	attached := w.vi("case.attached", locales.Data{"Case": c.ID, "Code": "000.00.12.H26-251127-0001"})
	// The message pressed says so, the slip comes under it, once, and the
	// follow-up's links ("hand the resident the slip…") under the slip:
	// nothing refers to a slip not yet in the chat.
	msgs := u.Messages()
	var got *telegramtest.Message
	slips := 0
	for _, msg := range msgs {
		if msg.ID == m.ID {
			got = msg
		}
		if msg.Photo != nil {
			slips++
		}
	}
	if got == nil || got.Text != attached || len(got.Buttons()) != 0 || slips != 1 || len(msgs) < 2 || msgs[len(msgs)-2].Photo == nil ||
		!strings.HasPrefix(msgs[len(msgs)-1].Text, w.vi("followup.links", locales.Data{"Link": ""})) {
		t.Fatalf("after two taps the message shows %+v, want %q; %d slips; then %+v", got, attached, slips, msgs[len(msgs)-1])
	}
	code, _, err := followup(w, c.ID)
	var rows int
	if err2 := w.store.DB().Get(&rows, `SELECT count(*) FROM followups WHERE case_id = $1`, c.ID); err != nil || err2 != nil || code != "000.00.12.H26-251127-0001" || rows != 1 {
		t.Fatalf("attached: %q in %d rows, %v %v", code, rows, err, err2)
	}
	// Another code soon after: the case has its code, nothing is offered.
	clk.advance(time.Minute)
	if m = last(t, w.send(u, "000.00.12.H26-251127-0003")); hasButton(m, attach) {
		t.Fatalf("attach offered again for a case that has its code: %q", m.Text)
	}
	if code, _, _ = followup(w, c.ID); code != "000.00.12.H26-251127-0001" {
		t.Fatalf("the attached code changed to %q", code)
	}
	// Two hours later nothing is offered.
	clk.advance(2 * time.Hour)
	if m = last(t, w.send(u, "000.00.12.H26-251127-0002")); hasButton(m, attach) {
		t.Fatalf("attach offered two hours later: %q", m.Text)
	}
}

// A message over the limit at a step, which reads no typed text, says to
// press a button (not the limit: a shorter text would not be read either,
// TestTooLongTextAtAStepSaysPressAButton), and the case's screen comes back.
func TestTooLongDuringAStep(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Mười")
	w.startBirthCase(u)
	m := last(t, w.send(u, strings.Repeat("a", 600)))
	if !strings.HasPrefix(m.Text, w.vi("case.press_a_button")) || !strings.Contains(m.Text, w.stepHead(g, 0)) || !hasButton(m, w.vi("case.done")) {
		t.Fatalf("too long at a step: %q", m.Text)
	}
}

// English says "1 problem", not "1 problems".
func TestEnglishPlurals(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Eleven")
	w.send(u, "/lang en")
	en := w.texts.For("en")
	w.send(u, "/new")
	w.press(u, g.Title.En)
	w.press(u, en.T("consent.no"))
	w.press(u, en.T("case.begin"))
	w.press(u, en.T("case.problem"))
	w.press(u, g.Steps[0].Errors[0].Label.En)
	m := last(t, w.press(u, en.T("case.fixed_done")))
	for range g.Steps[1:] {
		m = last(t, w.press(u, en.T("case.done")))
	}
	if strings.Contains(m.Text, "are through") {
		t.Errorf("outcome question: %q", m.Text)
	}
	m = last(t, w.press(u, en.T("outcome.on_the_spot")))
	if strings.Contains(m.Text, "1 problems") || !strings.Contains(m.Text, "1 problem") {
		t.Fatalf("summary: %q", m.Text)
	}
}

// /resume tells two open cases of one procedure apart: a short title, when
// each began, and where it stands; each button, where it stands and how
// long ago it was left (review 22b).
func TestResumeLabels(t *testing.T) {
	clk := newClock() // 16:00 in Vietnam
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Mười hai")
	w.startBirthCase(u)
	clk.advance(65 * time.Minute)
	w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	m := last(t, w.send(u, "/resume"))
	labels := m.Buttons()
	lines := strings.Split(m.Text, "\n")[1:]
	if len(labels) != 2 || len(lines) != 2 {
		t.Fatalf("/resume: %q %+v", m.Text, m.Keyboard)
	}
	today := w.vi("resume.today")
	for i, want := range []string{"17:05 " + today, "16:00 " + today} {
		if l := lines[i]; !strings.Contains(l, want) || strings.Contains(l, "(") || strings.Contains(l, "…") {
			t.Errorf("line %d: %q, want the short title and %q", i, l, want)
		}
		if l := labels[i].Text; !strings.Contains(l, w.vi("resume.ago_now")) || strings.Contains(l, "(") || strings.Contains(l, "…") {
			t.Errorf("label %d: %q, want the short title and %q", i, l, w.vi("resume.ago_now"))
		}
	}
	if want := w.vi("resume.phase_steps", locales.Data{"Step": 2, "Steps": 7}); !strings.Contains(labels[0].Text, want) || !strings.Contains(lines[0], want) {
		t.Errorf("label of the newer case: %q, %q", labels[0].Text, lines[0])
	}
}

// The volunteer says what the procedure costs and how long it takes before
// the resident submits, and can show the sources and, for an essential
// service, what the centre does for a resident who cannot do it online.
func TestFeeAndTimeOnScreen(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Phí")
	w.send(u, "/new")
	m := last(t, w.press(u, g.Title.Vi))
	if !strings.Contains(m.Text, "💰") || !strings.Contains(m.Text, "⏱") {
		t.Fatalf("consent screen without fee and time: %q", m.Text)
	}
	m = last(t, w.press(u, w.vi("case.info")))
	if !strings.Contains(m.Text, g.Tracking.Vi) || !strings.Contains(m.Text, g.Sources[0].URL) || !strings.Contains(m.Text, g.Checked().Format("02/01/2006")) {
		t.Fatalf("info screen: %q", m.Text)
	}
	if help := w.vi("case.info_offline", locales.Data{"Help": g.OfflineHelp.Vi}); !g.Essential || !strings.Contains(m.Text, help) {
		t.Fatalf("info screen of an essential service without %q: %q", help, m.Text)
	}
	if m = last(t, w.press(u, w.vi("button.back"))); !hasButton(m, w.vi("consent.yes")) {
		t.Fatalf("back from the info: %q", m.Text)
	}
}

// People are stored only when they join a team; a guest's language needs
// no name; group messages store nobody.
func TestGuestsAreNotStored(t *testing.T) {
	w := newWorld(t)
	guest := w.srv.NewUser("Khách Lạ", "vi")
	count := func() (rows int, name string) {
		w.t.Helper()
		if err := w.store.DB().Get(&rows, `SELECT count(*) FROM users WHERE telegram_id = $1`, guest.ID); err != nil {
			t.Fatal(err)
		}
		_ = w.store.DB().Get(&name, `SELECT first_name FROM users WHERE telegram_id = $1`, guest.ID)
		return rows, name
	}
	w.send(guest, "/start")
	w.send(guest, "/help")
	if n, _ := count(); n != 0 {
		t.Fatalf("a guest who said hello is stored")
	}
	w.send(guest, "/lang en")
	if n, name := count(); n != 1 || name != "" {
		t.Fatalf("a guest's language: %d rows, name %q", n, name)
	}
	id := w.srv.Enqueue(models.Update{Message: &models.Message{ID: 1, Date: int(time.Now().Unix()),
		From: &models.User{ID: 777001, FirstName: "Group member"}, Chat: models.Chat{ID: -100777, Type: "group"}, Text: "hello"}})
	w.bot.WaitHandled(t, id)
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM users WHERE telegram_id = 777001`); err != nil || n != 0 {
		t.Fatalf("a group message stored its sender (%d, %v)", n, err)
	}
}
