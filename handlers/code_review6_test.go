package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A dossier code typed with a mistake that still reads as a code (its last
// part left out) is kept (since review 29 after "✓ Giữ mã này": it looks
// cut short); the volunteer sees it on the summary and the slip
// and sends the right one — as the bot itself says to do when an answer is
// edited. The bot used to answer that no case was waiting for a code and
// drop the right one: the wrong code stayed on the slip and in the
// resident's reminders. Now it offers to replace the code of the case that
// just closed with it, and only when asked does it: the link stays the same,
// a new slip comes with the right code.
func TestWrongDossierCodeCorrected(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Sửa mã")
	const wrong, typo, right = "000.00.12.H26-251127", "000.00.12.H26-251127-0010", "000.00.12.H26-251127-0001"
	w.finishWithCode(u, wrong)
	// Cut short, it is asked about (review 29); kept as typed, by mistake.
	w.press(u, w.vi("case.keep_cut"))
	c, _ := w.lastCase(u)
	var token string
	if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	replace := w.vi("case.replace_button", locales.Data{"Case": c.ID})

	// A first try, declined: nothing changes.
	clk.advance(2 * time.Minute)
	m := last(t, w.send(u, typo))
	if want := w.vi("case.code_replace", locales.Data{"Case": c.ID, "Old": wrong, "Code": typo}); m.Text != want || !hasButton(m, replace) || !hasButton(m, w.vi("case.attach_no")) {
		t.Fatalf("another code after the case closed with one: %q %v; want %q with %q", m.Text, m.Buttons(), want, replace)
	}
	w.press(u, w.vi("case.attach_no"))
	if code, _, _ := followup(w, c.ID); code != wrong {
		t.Fatalf("declined, the code is %q", code)
	}

	// The right one, replaced on a double tap: once.
	clk.advance(time.Minute)
	m = last(t, w.send(u, right))
	if !hasButton(m, replace) {
		t.Fatalf("the right code is answered %q %v", m.Text, m.Buttons())
	}
	before := len(u.Messages())
	p1, err := u.PressOn(m.ID, replace)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := u.PressOn(m.ID, replace)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, p1, p2)
	drain(u)
	if got := lastAnswer(t, u); got != w.vi("button.done") {
		t.Errorf("second tap answered %q", got)
	}
	var shown string
	slips := 0
	msgs := u.Messages()
	for i, msg := range msgs {
		if msg.ID == m.ID {
			shown = msg.Text
		}
		if i >= before && msg.Photo != nil {
			slips++
		}
	}
	// The message pressed says so, the new slip follows, and under it what
	// to do with it and the link (the same).
	below := msgs[len(msgs)-1]
	if want := w.vi("case.replaced", locales.Data{"Case": c.ID, "Code": right}); shown != want || slips != 1 || msgs[len(msgs)-2].Photo == nil ||
		!strings.HasPrefix(below.Text, w.vi("case.replaced_slip")) || !strings.Contains(below.Text, token) {
		t.Fatalf("after replacing, the message shows %q (want %q), %d new slips, then %q (want the slip's note and the link)", shown, want, slips, below.Text)
	}
	var rows int
	var kept, keptToken string
	if err := w.store.DB().QueryRow(`SELECT count(*), max(dossier_code), max(token) FROM followups WHERE case_id = $1`, c.ID).Scan(&rows, &kept, &keptToken); err != nil {
		t.Fatal(err)
	}
	if rows != 1 || kept != right || keptToken != token {
		t.Fatalf("stored: %d rows, code %q, token %q; want 1, %q, %q", rows, kept, keptToken, right, token)
	}

	// Sent again: already kept, nothing offered.
	m = last(t, w.send(u, right))
	if want := w.vi("case.code_already_kept", locales.Data{"Case": c.ID, "Code": right}); m.Text != want {
		t.Errorf("the kept code sent again: %q, want %q", m.Text, want)
	}
	// Long after the case closed, nothing is offered: the bot says which
	// case keeps which code and why it can no longer be replaced (until
	// review 20, "no case waits for a code": codereplace_review20a_test.go).
	clk.advance(2 * time.Hour)
	late := w.vi("case.code_replace_too_late", locales.Data{"Case": c.ID, "Old": right, "Minutes": 30})
	if m = last(t, w.send(u, typo)); hasButton(m, replace) || m.Text != late {
		t.Errorf("two hours later: %q %v; want %q", m.Text, m.Buttons(), late)
	}
	if code, _, _ := followup(w, c.ID); code != right {
		t.Errorf("the code became %q", code)
	}
}

// "➕ Ca mới" under a case's summary used to turn the summary itself into
// the list of procedures: the case's number, outcome, dossier code, due date
// and the resident's link were gone from the chat, while the resident may
// still be at the counter waiting for the link. The summary stays; the new
// case's list comes below it.
func TestNewCaseKeepsTheSummary(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Giữ")
	const code = "000.00.12.H26-251127-0001"
	summary := last(t, w.finishWithCode(u, code))
	c, _ := w.lastCase(u)
	var token string
	if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(summary.Text, code) || !strings.Contains(summary.Text, token) || !hasButton(summary, w.vi("case.new_button")) {
		t.Fatalf("the summary: %q %v", summary.Text, summary.Buttons())
	}
	// A double tap (a bad connection): one list.
	p1, err := u.PressOn(summary.ID, w.vi("case.new_button"))
	if err != nil {
		t.Fatal(err)
	}
	p2, err := u.PressOn(summary.ID, w.vi("case.new_button"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, p1, p2)
	ms := drain(u)
	if len(ms) != 1 || ms[0].ID == summary.ID || !strings.HasPrefix(ms[0].Text, w.vi("case.pick")) {
		t.Fatalf("➕ Ca mới tapped twice shows %q (the summary is message %d)", texts(ms), summary.ID)
	}
	if got := lastAnswer(t, u); got != w.vi("case.list_below") {
		t.Errorf("the second tap is answered %q", got)
	}
	for _, msg := range u.Messages() {
		if msg.ID == summary.ID && (!strings.Contains(msg.Text, code) || !strings.Contains(msg.Text, token)) {
			t.Errorf("the summary became %q", msg.Text)
		}
	}
	// The list works: a guide chosen from it starts the next case.
	w.press(u, guide(t, "khai-sinh").Title.In("vi"))
	if m := u.Last(); !hasButton(m, w.vi("consent.yes")) {
		t.Errorf("the guide chosen from the new list shows %q", m.Text)
	}
}

// The outcome question used to open with "every step is done" even when
// steps were skipped on the way: the volunteer is told how many were
// skipped instead, before saying how the case ended.
func TestOutcomeSaysStepsWereSkipped(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Bỏ qua")
	w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	for range g.Steps[1 : len(g.Steps)-1] {
		w.press(u, w.vi("case.skip"))
	}
	m := last(t, w.press(u, w.vi("case.done")))
	skipped := len(g.Steps) - 2
	if want := w.texts.For("vi").N("case.outcome_ask_skipped", skipped); !strings.Contains(m.Text, want) || strings.Contains(m.Text, w.vi("case.outcome_ask")) || !hasButton(m, w.vi("outcome.submitted")) {
		t.Errorf("the outcome question after %d skipped steps: %q, want %q", skipped, m.Text, want)
	}
	// Back to the last skipped step, done: one less.
	w.press(u, w.vi("case.back_to_steps"))
	w.press(u, w.vi("case.back"))
	w.press(u, w.vi("case.done"))
	m = last(t, w.press(u, w.vi("case.done")))
	if want := w.texts.For("vi").N("case.outcome_ask_skipped", skipped-1); !strings.Contains(m.Text, want) {
		t.Errorf("after doing one skipped step: %q, want %q", m.Text, want)
	}
	// Every step done: as before.
	w.startBirthCase(u)
	for range g.Steps {
		m = last(t, w.press(u, w.vi("case.done")))
	}
	if !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Errorf("every step done: %q", m.Text)
	}
}
