package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/storage"
)

// caseButtonOf is the /resume list's button of case id ("#12 · …").
func caseButtonOf(m *telegramtest.Message, id int64) string {
	for _, b := range m.Buttons() {
		if strings.HasPrefix(b.Text, fmt.Sprintf("#%d ", id)) {
			return b.Text
		}
	}
	return ""
}

// caseStatus is case id's status now.
func caseStatus(t *testing.T, w *world, u *telegramtest.User, id int64) string {
	t.Helper()
	c, _ := w.caseByID(u, id)
	return c.Status
}

// Review 23h, item 2: /resume on a screen that waits for typed words (the
// other reason, the dossier code), with another case paused, drew that
// screen again (review 22m), so the volunteer who asked for their open
// cases never saw them. With several cases open it lists them, saying
// that the case on screen still waits for its answer; that case is not
// left (paused, or closed at its code question) by the list, and its
// button there takes it up on that very screen, where the words typed
// next are its answer. With one case open, /resume draws the screen again.
func TestResumeListsSeveralOpenCasesAndKeepsTheTypedScreen(t *testing.T) {
	t.Run("other reason", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Lý do khác, hai ca")
		w.startBirthCase(v) // left paused by the /new below
		a := caseNo(w, v)
		w.toOutcome(v, "khai-sinh", false)
		w.press(v, w.vi("outcome.not_submitted"))
		w.press(v, w.vi("reason.other_reason"))
		b := caseNo(w, v)
		m := last(t, w.send(v, "/resume"))
		if !strings.Contains(m.Text, w.vi("resume.head")) || caseButtonOf(m, a) == "" || caseButtonOf(m, b) == "" {
			t.Fatalf("/resume with two cases open, at the other reason's question: %q %q; want the list of #%d and #%d", m.Text, buttonTexts(m), a, b)
		}
		if want := w.vi("resume.waiting", locales.Data{"Case": b}); !strings.Contains(m.Text, want) {
			t.Errorf("the list does not say case #%d waits: %q, want %q", b, m.Text, want)
		}
		if s := caseStatus(t, w, v, b); s != storage.CaseOpen {
			t.Errorf("case #%d after /resume: %s, want still open", b, s)
		}
		m = last(t, w.press(v, caseButtonOf(m, b)))
		if !strings.Contains(m.Text, w.vi("case.reason_note_ask", locales.Data{"Max": 200})) {
			t.Fatalf("case #%d pressed in the list: %q %q, want the other reason's question again", b, m.Text, buttonTexts(m))
		}
		w.send(v, "người dân phải về lấy giấy tờ")
		c, es := w.lastCase(v)
		if c.ID != b || c.Status != storage.CaseClosed || c.Reason.String != "other_reason" || !strings.Contains(kindsAndNotes(es), "người dân phải về lấy giấy tờ") {
			t.Errorf("the other reason typed: case #%d %s, reason %q, events %s", c.ID, c.Status, c.Reason.String, kindsAndNotes(es))
		}
		if s := caseStatus(t, w, v, a); s != storage.CasePaused {
			t.Errorf("case #%d: %s, want paused", a, s)
		}
	})
	t.Run("dossier code", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Mã hồ sơ, hai ca")
		w.startBirthCase(v)
		a := caseNo(w, v)
		w.toOutcome(v, "khai-sinh", true)
		w.press(v, w.vi("outcome.submitted"))
		b := caseNo(w, v)
		m := last(t, w.send(v, "/resume"))
		if !strings.Contains(m.Text, w.vi("resume.head")) || caseButtonOf(m, a) == "" || caseButtonOf(m, b) == "" {
			t.Fatalf("/resume with two cases open, at the code question: %q %q; want the list of #%d and #%d", m.Text, buttonTexts(m), a, b)
		}
		if s := caseStatus(t, w, v, b); s != storage.CaseOpen {
			t.Fatalf("case #%d after /resume at its code question: %s, want still open", b, s)
		}
		m = last(t, w.press(v, caseButtonOf(m, b)))
		if !strings.Contains(m.Text, w.vi("case.dossier_ask")) {
			t.Fatalf("case #%d pressed in the list: %q, want its code question", b, m.Text)
		}
		w.send(v, "000.00.12.H29-261202-0009")
		if code, _, err := followup(w, b); err != nil || code != "000.00.12.H29-261202-0009" {
			t.Errorf("the code typed after the list: %q %v", code, err)
		}
	})
	t.Run("another case chosen", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Chọn ca khác")
		w.startBirthCase(v)
		a := caseNo(w, v)
		w.toOutcome(v, "khai-sinh", false)
		w.press(v, w.vi("outcome.not_submitted"))
		w.press(v, w.vi("reason.other_reason"))
		b := caseNo(w, v)
		m := last(t, w.send(v, "/resume"))
		last(t, w.press(v, caseButtonOf(m, a)))
		if s := caseStatus(t, w, v, b); s != storage.CasePaused {
			t.Errorf("case #%d left for #%d: %s, want paused", b, a, s)
		}
		if s := caseStatus(t, w, v, a); s != storage.CaseOpen {
			t.Errorf("case #%d chosen: %s, want open", a, s)
		}
	})
}

// The words typed on that list, not a button pressed, are the answer of
// the case that waits there: the dossier code typed was answered "press a
// button" (and lost), and the other reason too.
func TestResumeListTakesTheWaitingCasesTypedAnswer(t *testing.T) {
	t.Run("dossier code", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Mã gõ ở danh sách")
		w.startBirthCase(v)
		w.toOutcome(v, "khai-sinh", true)
		w.press(v, w.vi("outcome.submitted"))
		b := caseNo(w, v)
		w.send(v, "/resume")
		const code = "000.00.12.H29-261202-0011"
		m := last(t, w.send(v, code))
		if got, _, err := followup(w, b); err != nil || got != code {
			t.Errorf("the code typed on the list: case #%d keeps %q (%v), answer %q", b, got, err, m.Text)
		}
	})
	// A note is taken only at its own question (review 23w): a walker typed
	// "tam tru" on the list, to look another procedure up, and the case
	// waiting for its other reason closed with that note, for good. The
	// words bring the waiting question back, keep nothing; typed again
	// there, they are its answer.
	t.Run("other reason", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Lý do gõ ở danh sách")
		w.startBirthCase(v)
		w.toOutcome(v, "khai-sinh", false)
		w.press(v, w.vi("outcome.not_submitted"))
		w.press(v, w.vi("reason.other_reason"))
		b := caseNo(w, v)
		w.send(v, "/resume")
		m := last(t, w.send(v, "tam tru"))
		c, es := w.caseByID(v, b)
		if c.Status != storage.CaseOpen || strings.Contains(kindsAndNotes(es), "tam tru") ||
			!strings.Contains(m.Text, w.vi("resume.typed_over", locales.Data{"Case": b})) ||
			!strings.Contains(m.Text, w.vi("case.reason_note_ask", locales.Data{"Max": privacy.MaxNote})) {
			t.Fatalf("words typed on the list over the other reason: case #%d %s, events %s, answer %q", b, c.Status, kindsAndNotes(es), m.Text)
		}
		w.send(v, "cổng bị lỗi cả buổi sáng")
		c, es = w.caseByID(v, b)
		if c.Status != storage.CaseClosed || c.Reason.String != "other_reason" || !strings.Contains(kindsAndNotes(es), "cổng bị lỗi cả buổi sáng") {
			t.Errorf("the other reason typed at its question: case #%d %s, reason %q, events %s", b, c.Status, c.Reason.String, kindsAndNotes(es))
		}
	})
}

// A double tap on the waiting case's button in the list, and a tap on the
// other case's button of that list once the first took the case up (an
// older copy), change nothing: the case stays on its question, open, and
// the other stays paused.
func TestResumeListOverAWaitingCaseDoubleTap(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Bấm hai lần")
	w.startBirthCase(v)
	a := caseNo(w, v)
	w.toOutcome(v, "khai-sinh", false)
	w.press(v, w.vi("outcome.not_submitted"))
	w.press(v, w.vi("reason.other_reason"))
	b := caseNo(w, v)
	list := last(t, w.send(v, "/resume"))
	var dataB, dataA string
	for _, btn := range list.Keyboard {
		for _, k := range btn {
			switch k.Text {
			case caseButtonOf(list, b):
				dataB = k.CallbackData
			case caseButtonOf(list, a):
				dataA = k.CallbackData
			}
		}
	}
	w.pressOld(v, list.ID, dataB)
	w.pressOld(v, list.ID, dataB)
	w.pressOld(v, list.ID, dataA)
	if s := caseStatus(t, w, v, a); s != storage.CasePaused {
		t.Errorf("case #%d: %s, want paused", a, s)
	}
	w.send(v, "người dân đổi ý giữa chừng")
	c, es := w.caseByID(v, b)
	if c.Status != storage.CaseClosed || c.Reason.String != "other_reason" || !strings.Contains(kindsAndNotes(es), "người dân đổi ý giữa chừng") {
		t.Errorf("case #%d after the double tap: %s, reason %q, events %s", b, c.Status, c.Reason.String, kindsAndNotes(es))
	}
}
