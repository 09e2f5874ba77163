package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 34A, item 1: "/new khai tu" typed mid-case paused the case on
// screen and drew the results, its step losing its buttons, but nothing
// said the case was paused nor how to take it up: a bare /new says "Bạn có
// 1 ca đang dở: /resume để làm tiếp." under its list, and the list is what
// /new with words stands for. The results say it too now, whenever the
// volunteer has a case open or paused, as /new's list does.
func TestReview34ANewWithWordsSaysTheCasesOpen(t *testing.T) {
	w := newWorld(t)
	openLine := func(n int) string { return w.texts.For("vi").N("case.open_cases", n) }
	found := w.vi("case.found", locales.Data{"Count": 2, "Query": "khai tu"})
	// Mid-case, at step 1: the case is paused and the results say so.
	mid := w.volunteer("Giữa ca")
	step := w.startBirthCase(mid)
	ms := w.send(mid, "/new khai tu")
	got := last(t, fresh(ms))
	if c, _ := w.lastCase(mid); c.Status != storage.CasePaused {
		t.Fatalf("/new khai tu mid-case left the case %s", c.Status)
	}
	noButtons(t, mid, step.ID, "/new khai tu mid-case")
	if !strings.HasPrefix(got.Text, strings.TrimSuffix(found, ":")[:20]) || len(got.Buttons()) < 2 {
		t.Fatalf("/new khai tu mid-case: %q %v, want the results", got.Text, got.Buttons())
	}
	if !strings.HasSuffix(got.Text, "\n\n"+openLine(1)) {
		t.Errorf("/new khai tu mid-case: %q\nsays nothing of the case it paused; want, as /new's list says: %q", got.Text, openLine(1))
	}
	// What the line says works: /resume takes the case up on its step.
	if m := last(t, fresh(w.send(mid, "/resume"))); !hasButton(m, w.vi("case.done")) {
		t.Errorf("/resume after /new khai tu: %q", m.Text)
	}

	// A case paused before (⏸), none on screen: said as /new says it.
	paused := w.volunteer("Đã dừng")
	w.startBirthCase(paused)
	w.press(paused, w.vi("case.pause"))
	list := last(t, w.send(paused, "/new"))
	if !strings.HasSuffix(list.Text, "\n\n"+openLine(1)) {
		t.Fatalf("set-up: /new with a case paused: %q", list.Text)
	}
	if got := last(t, fresh(w.send(paused, "/new khai tu"))); !strings.HasSuffix(got.Text, "\n\n"+openLine(1)) {
		t.Errorf("/new khai tu with a case paused: %q, want it to end as /new's list: %q", got.Text, openLine(1))
	}

	// No case open: the results alone, as before.
	none := w.volunteer("Không ca")
	if got := last(t, fresh(w.send(none, "/new khai tu"))); strings.Contains(got.Text, "/resume") || len(got.Buttons()) < 2 {
		t.Errorf("/new khai tu with no case open: %q %v", got.Text, got.Buttons())
	}
}

// Review 34A, item 3: "/new khai tu" typed at the dossier code question
// closed the case as with "no code" (its outcome is final) and said so in
// the words meant for another flow: "Nếu có mã, gõ /new rồi gửi mã…" —
// but the volunteer had just typed /new, and is on its results, where a
// code sent is offered to that case at once. A bare /new there says
// "Nếu có mã, gửi mã trong vòng 30 phút…" above its list; so do the
// results now, in the same message, and the code sent right there is
// offered and kept.
func TestReview34ANewWithWordsAtTheCodeSaysSendTheCodeHere(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Mã hồ sơ")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	ms := w.send(u, "/new khai tu")
	c, _ := w.lastCase(u)
	if c.Status != storage.CaseClosed {
		t.Fatalf("/new khai tu at the code question left the case %s", c.Status)
	}
	here := w.vi("case.left_at_code", locales.Data{"Case": c.ID, "Minutes": 30})
	elsewhere := w.vi("case.left_at_code_elsewhere", locales.Data{"Case": c.ID, "Minutes": 30})
	all := strings.Join(texts(ms), "\n")
	if strings.Contains(all, elsewhere) {
		t.Errorf("/new khai tu at the code question said %q, meant for another flow than the case's", elsewhere)
	}
	got := last(t, fresh(ms))
	if !strings.HasPrefix(got.Text, here+"\n\n") || !strings.Contains(got.Text, "“khai tu”") || len(got.Buttons()) < 2 {
		t.Errorf("/new khai tu at the code question: %q %v\nwant the results under %q, as a bare /new says it above its list", got.Text, got.Buttons(), here)
	}
	// What it says works: the code sent right there is offered to the case.
	const code = "000.00.12.H26-261201-0042"
	m := last(t, w.send(u, code))
	if !hasButton(m, w.vi("case.attach_button", locales.Data{"Case": c.ID})) {
		t.Fatalf("the code sent on the results: %q %v", m.Text, m.Buttons())
	}
	w.press(u, w.vi("case.attach_button", locales.Data{"Case": c.ID}))
	if kept := w.keptCode(c.ID); kept != code {
		t.Errorf("the code sent as the note says: kept %q, want %q", kept, code)
	}
}
