package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 27 (walk W2): /resume asked on a case's list of problems (⚠),
// with another case paused, said the case "still waits for the answer you
// were typing": the list is buttons. It says the case is at its list of
// problems, and the case's button draws the list again.
func TestResumeOverTheProblemListSaysSo(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Danh sách lỗi")
	w.startBirthCase(v)
	w.startBirthCase(v)
	id := caseNo(w, v)
	list := last(t, w.press(v, w.vi("case.problem")))
	m := last(t, w.send(v, "/resume"))
	if want := w.vi("resume.waiting_problems", locales.Data{"Case": id}); !strings.Contains(m.Text, want) {
		t.Fatalf("/resume on the problem list: %q, want %q", m.Text, want)
	}
	if typing := w.vi("resume.waiting", locales.Data{"Case": id}); strings.Contains(m.Text, typing) {
		t.Errorf("/resume on the problem list says an answer is being typed: %q", m.Text)
	}
	back := last(t, w.press(v, caseButtonOf(m, id)))
	if back.Text != list.Text {
		t.Errorf("the case's button drew %q, want the list of problems %q", back.Text, list.Text)
	}
}
