package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A volunteer typed what went wrong at a step, at length: the bot said
// "That message is too long: at most 500 characters. Please send something
// shorter." They shortened it, and were told "At this step, please press
// one of the buttons below.": the step reads no typed text, long or short.
// A step (and every screen that wants a button) says so at once; a screen
// that reads typed text still gives its limit.
func TestTooLongTextAtAStepSaysPressAButton(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Dài dòng")
	w.startBirthCase(u)
	long := strings.Repeat("ứng dụng báo lỗi khi đăng nhập ", 30)
	tooLong := w.vi("error.too_long", locales.Data{"Max": 500})
	m := last(t, w.send(u, long))
	if strings.Contains(m.Text, tooLong) || !strings.HasPrefix(m.Text, w.vi("case.press_a_button")) || !hasButton(m, w.vi("case.done")) {
		t.Errorf("a long text at a step is answered %q %v; want %q and the step's buttons, not %q", m.Text, m.Buttons(), w.vi("case.press_a_button"), tooLong)
	}

	// The search of /new reads what is typed: its limit is said.
	w.send(u, "/new")
	if m = last(t, w.send(u, long)); !strings.HasPrefix(m.Text, tooLong) {
		t.Errorf("a long text at /new's search is answered %q; want %q", m.Text, tooLong)
	}
}

// A note of 600 characters at "What went wrong?" was "too long: at most
// 500 characters"; cut to 300, "the note is too long: at most 200". A note
// question says the note's own limit at once.
func TestTooLongNoteSaysTheNotesLimit(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Ghi dài")
	w.startBirthCase(u)
	w.press(u, w.vi("case.problem"))
	noteLong := w.vi("case.note_long", locales.Data{"Max": 200})
	for _, n := range []int{300, 600} {
		m := last(t, w.send(u, strings.Repeat("lỗi ", n/4)))
		if !strings.HasPrefix(m.Text, noteLong) {
			t.Errorf("a note of %d characters is answered %q; want %q", n, m.Text, noteLong)
		}
	}
}
