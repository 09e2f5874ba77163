package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 35A: /cancel (typed, or pressed in the command menu) while the
// /resume list of paused cases was on screen answered only "Đã huỷ." — a
// volunteer would wonder whether the paused cases were cancelled too. It
// says they are kept, and that /resume takes them up.
func TestReview35ACancelOnTheResumeListSaysTheCasesAreKept(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Huỷ danh sách")
	w.startBirthCase(u)
	first := caseNo(w, u)
	w.startBirthCase(u)
	list := last(t, w.send(u, "/resume"))
	if !strings.HasPrefix(list.Text, w.vi("resume.head")) {
		t.Fatalf("set-up: /resume with two cases: %q", list.Text)
	}
	button := list.Buttons()[0]

	want := w.texts.For("vi").N("resume.cancelled", 2)
	if m := only(t, fresh(w.send(u, "/cancel"))); m.Text != want {
		t.Errorf("/cancel on the list: %q, want %q", m.Text, want)
	}
	noButtons(t, u, list.ID, "/cancel on the list")
	for _, id := range []int64{first, caseNo(w, u)} {
		if c, _ := w.caseByID(u, id); c.Status != storage.CasePaused {
			t.Errorf("/cancel on the list: case #%d is %s, want paused", id, c.Status)
		}
	}

	// A case's button on the list, pressed on a phone that still showed
	// it: out of date, and the cases are where they were — the list again.
	id, err := u.PressData(list.ID, button.CallbackData)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if got := lastAnswer(t, u); got != w.vi("button.stale") {
		t.Errorf("the list's button after /cancel: answered %q", got)
	}
	if m := last(t, drain(u)); !strings.HasPrefix(m.Text, w.vi("resume.head")) {
		t.Errorf("the list's button after /cancel drew %q", m.Text)
	}

	// /cancel sent twice: the second names the paused cases (review 29).
	w.send(u, "/cancel")
	head, _, _ := strings.Cut(w.vi("cancel.nothing_paused_several", locales.Data{"Count": 2}), "\n")
	if m := only(t, w.send(u, "/cancel")); !strings.HasPrefix(m.Text, head) {
		t.Errorf("/cancel again: %q", m.Text)
	}

	// After a restart, the list asked before it: the same line.
	w.send(u, "/resume")
	w.restart()
	if m := only(t, fresh(w.send(u, "/cancel"))); m.Text != want {
		t.Errorf("/cancel on the list after a restart: %q, want %q", m.Text, want)
	}

	// In English.
	w.send(u, "/lang en")
	w.send(u, "/resume")
	if m := only(t, fresh(w.send(u, "/cancel"))); m.Text != w.texts.For("en").N("resume.cancelled", 2) {
		t.Errorf("/cancel on the list in English: %q", m.Text)
	}
}

// The list asked over a case waiting for its note: /cancel pauses that
// case, and its pause message says so, with /resume (not "Đã huỷ.").
func TestReview35ACancelOnTheListOverAWaitingCasePausesIt(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Huỷ khi đang gõ")
	w.startBirthCase(u)
	w.startBirthCase(u)
	w.press(u, w.vi("case.problem"))
	w.press(u, w.vi("case.problem_other"))
	n := caseNo(w, u)
	if m := last(t, w.send(u, "/resume")); !strings.Contains(m.Text, w.vi("resume.waiting", locales.Data{"Case": n})) {
		t.Fatalf("set-up: the list over case #%d's note: %q", n, m.Text)
	}
	m := last(t, w.send(u, "/cancel"))
	if m.Text == w.vi("cancel.done") || !hasButton(m, w.vi("case.resume_button", locales.Data{"Case": n})) {
		t.Errorf("/cancel on the list over case #%d's note: %q %v", n, m.Text, buttonTexts(m))
	}
	if c, _ := w.lastCase(u); c.Status != storage.CasePaused {
		t.Errorf("case #%d is %s, want paused", c.ID, c.Status)
	}
}
