package handlers_test

import (
	"strings"
	"testing"

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
