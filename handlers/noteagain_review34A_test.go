package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 34A: a volunteer whose phone drops as they send a note sees it
// unsent and sends it again (or the phone sends it twice). The other
// reason's note, sent again once it had closed the case, was searched as
// a procedure: "Không tìm thấy thủ tục nào khớp…" (or the guides its words
// look like), as if the note were lost; a problem's note sent again at the
// step was told "Gặp lỗi ở bước này? Bấm “⚠ Gặp lỗi”", which asks for it a
// second time. Sent again within minutes, a note is said to be kept
// already, and nothing is recorded twice; later, the words are read as
// any others.
func TestReview34ANoteSentAgainIsSaidKept(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))

	// The other reason's note, sent twice: the case closed with it once.
	const reason = "nguoi dan quen mang giay to"
	u := w.volunteer("Gửi lại")
	w.toOutcome(u, "khai-sinh", false)
	w.press(u, w.vi("outcome.not_submitted"))
	w.press(u, w.vi("reason.other_reason"))
	w.send(u, reason)
	c, es := w.lastCase(u)
	if c.Status != storage.CaseClosed {
		t.Fatalf("set-up: the note did not close the case: %s", c.Status)
	}
	m := only(t, w.send(u, reason))
	if want := w.vi("case.note_kept", locales.Data{"Case": c.ID}); m.Text != want {
		t.Errorf("the reason's note sent again: %q %v, want %q", m.Text, buttonTexts(m), want)
	}
	if _, again := w.lastCase(u); len(again) != len(es) {
		t.Errorf("the note sent again recorded events: %s, was %s", kinds(again), kinds(es))
	}

	// A problem's note sent twice at the step: one problem.
	const problem = "cong bao loi he thong"
	v := w.volunteer("Gửi hai lần")
	w.startBirthCase(v)
	w.press(v, w.vi("case.problem"))
	w.press(v, w.vi("case.problem_other"))
	w.send(v, problem)
	m = last(t, w.send(v, problem))
	if want := w.vi("case.note_kept", locales.Data{"Case": caseNo(w, v)}); !strings.HasPrefix(m.Text, want) {
		t.Errorf("the problem's note sent again: %q, want it to begin %q", m.Text, want)
	}
	if _, es := w.lastCase(v); strings.Count(kinds(es), "problem1(other)") != 1 {
		t.Errorf("the problem's note sent twice: %s, want one problem", kinds(es))
	}

	// Long after, the same words are no note sent again.
	clk.advance(time.Hour)
	if m := last(t, w.send(u, reason)); strings.Contains(m.Text, w.vi("case.note_kept", locales.Data{"Case": c.ID})) {
		t.Errorf("the words typed an hour later: %q", m.Text)
	}
}
