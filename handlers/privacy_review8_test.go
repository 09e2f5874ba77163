package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
)

// Recovering a VNeID password, the new one is refused; the volunteer
// presses ⚠ Problem, "Something else", and writes what happened — with the
// password the resident typed. The note was kept in case_events, although
// the consent just read aloud said the Youth Union never records passwords
// or OTP codes. It is refused now, with the reason, at the same question;
// written without the password it is kept.
func TestPasswordInAProblemNoteIsRefused(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Mật khẩu")
	g := guide(t, "vneid-mat-khau")
	w.send(u, "/new")
	w.send(u, "mat khau vneid")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.read"))
	w.press(u, w.vi("case.begin"))
	if m := last(t, w.press(u, w.vi("case.problem"))); !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
		t.Fatalf("⚠ on step 1 (no listed error): %q", m.Text) // the note is asked at once
	}
	for _, note := range []string{"mật khẩu mới Lan@2024 báo không hợp lệ", "OTP 482913 báo sai"} {
		m := last(t, w.send(u, note))
		if !strings.HasPrefix(m.Text, w.vi("case.note_secret")) || !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
			t.Fatalf("a note with a password or OTP answered %q", m.Text)
		}
	}
	_, es := w.lastCase(u)
	for _, e := range es {
		if e.Note.Valid {
			t.Fatalf("a note was kept: %q", e.Note.String)
		}
	}
	m := last(t, w.send(u, "mật khẩu mới bị báo không hợp lệ"))
	if !strings.HasPrefix(m.Text, w.vi("case.note_saved")) {
		t.Fatalf("the note rewritten answered %q", m.Text)
	}
	if _, es = w.lastCase(u); !strings.HasSuffix(kinds(es), "problem1(other)") || es[len(es)-1].Note.String != "mật khẩu mới bị báo không hợp lệ" {
		t.Fatalf("events %s", kinds(es))
	}
	// Typed as a search outside any flow, it is not echoed back either.
	w.send(u, "/cancel")
	if m := last(t, w.send(u, "mk mới Abc@1234")); m.Text != w.vi("case.query_secret") {
		t.Fatalf("a search with a password answered %q", m.Text)
	}
}

// Paying a traffic fine, the decision is not found; the volunteer notes it
// with the vehicle's plate ("tra biển số 51F-123.45 không thấy quyết
// định"). The plate, which leads to its owner and their fines, was kept in
// case_events. It is refused now; without it the note is kept.
func TestPlateInAProblemNoteIsRefused(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Biển số")
	g := guide(t, "nop-phat")
	w.send(u, "/new")
	w.send(u, "nop phat")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.read"))
	w.press(u, w.vi("case.begin"))
	m := last(t, w.press(u, w.vi("case.problem")))
	if hasButton(m, w.vi("case.problem_other")) {
		w.press(u, w.vi("case.problem_other"))
	}
	if m := last(t, w.send(u, "tra biển số 51F-123.45 không thấy quyết định")); !strings.HasPrefix(m.Text, w.vi("case.note_plate")) {
		t.Fatalf("a note with a plate answered %q", m.Text)
	}
	if _, es := w.lastCase(u); strings.Contains(kinds(es), "problem") {
		t.Fatalf("a problem was recorded: %s", kinds(es))
	}
	if m := last(t, w.send(u, "tra theo biển số không thấy quyết định")); !strings.HasPrefix(m.Text, w.vi("case.note_saved")) {
		t.Fatalf("the note rewritten answered %q", m.Text)
	}
}

// At the judicial record's login step the resident's VNeID is only level
// 1: the fix says to go to the commune police for level 2, and its screen
// offered only "📖 Lấy lại mật khẩu VNeID". The guide that prepares that
// visit is offered first now; the step's own still follows, and opens.
func TestLevelOneFixOffersTheLevelTwoGuide(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Mức 1")
	g, level2 := guide(t, "ly-lich-tu-phap"), guide(t, "vneid-muc-2")
	w.send(u, "/new")
	w.send(u, "ly lich tu phap")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	w.press(u, w.vi("case.begin"))
	w.press(u, w.vi("case.done")) // step 1: asked whether a certificate is needed
	w.press(u, w.vi("case.problem"))
	var label string
	for _, e := range g.Steps[1].Errors {
		if e.ID == "muc-1" {
			label = e.Label.Vi
		}
	}
	m := last(t, w.press(u, label))
	bs := m.Buttons()
	i := slices.IndexFunc(bs, func(b telegramtest.Button) bool { return b.Text == "📖 "+level2.Title.Vi })
	j := slices.IndexFunc(bs, func(b telegramtest.Button) bool { return b.Text == "📖 "+guide(t, g.Steps[1].Subguide).Title.Vi })
	if i < 0 || j < i {
		t.Fatalf("the level-1 fix offers %v", bs)
	}
	if m := last(t, w.press(u, "📖 "+level2.Title.Vi)); !strings.Contains(m.Text, level2.Title.Vi) {
		t.Fatalf("the level-2 guide opened %q", m.Text)
	}
}

// A volunteer greets the bot, or thanks it after a case: "xin chào" listed
// three unrelated procedures, "cảm ơn" answered that no procedure matches
// it. A greeting gets a short hint now, on the pick screen as outside any
// flow (a thanks outside any flow is answered in kind: smalltalk_test.go);
// a procedure's name typed with them is still searched.
func TestGreetingIsNoSearch(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Chào")
	if m := only(t, w.send(u, "xin chào")); m.Text != w.vi("case.search_courtesy") {
		t.Fatalf("%q outside any flow answered %q", "xin chào", m.Text)
	}
	w.send(u, "/new")
	if m := only(t, w.send(u, "xin chao")); m.Text != w.vi("case.search_courtesy") {
		t.Fatalf("%q on the pick screen answered %q", "xin chao", m.Text)
	}
	if m := last(t, w.send(u, "xin chào, tam tru")); !hasButton(m, guide(t, "tam-tru").Title.Vi) {
		t.Fatalf("a greeting with a procedure's name answered %q", m.Text)
	}
}
