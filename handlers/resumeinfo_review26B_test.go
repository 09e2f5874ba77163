package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 26B, item 4: /resume while the ℹ page (fee, time, sources) of a
// procedure whose consent was not answered yet was on screen said "you
// have no unfinished case, type /new", the page above still live: the
// volunteer, who was in the middle of it, lost the thread. There is no case
// yet, and /resume says so — but draws the screen they were on again below
// (its copy above losing its buttons), so they go on from it: ← back to the
// consent question, answered, starts the case. At the consent itself too.
func TestReview26BResumeBeforeTheConsentBringsTheScreenBack(t *testing.T) {
	g := guide(t, "khai-sinh")
	for _, at := range []string{"info", "consent"} {
		t.Run(at, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Chưa đồng ý")
			w.send(v, "/new")
			above := last(t, w.press(v, g.Title.Vi))
			if at == "info" {
				above = last(t, w.press(v, w.vi("case.info")))
			}
			want := buttonTexts(above)
			m := last(t, w.send(v, "/resume"))
			if !strings.Contains(m.Text, w.vi("resume.before_consent")) || strings.Contains(m.Text, w.vi("resume.none")) {
				t.Errorf("/resume at the %s: %q, want it to say %q", at, m.Text, w.vi("resume.before_consent"))
			}
			if m.ID == above.ID || strings.Join(buttonTexts(m), "|") != strings.Join(want, "|") {
				t.Fatalf("/resume at the %s: %q %v, want the screen again below, with %v", at, m.Text, buttonTexts(m), want)
			}
			if got := msgByID(t, v, above.ID); len(got.Buttons()) != 0 {
				t.Errorf("/resume at the %s: the copy above keeps its buttons %v", at, buttonTexts(got))
			}
			if at == "info" {
				if c := last(t, w.press(v, w.vi("button.back"))); !hasButton(c, w.vi("consent.yes")) {
					t.Fatalf("← on the ℹ page /resume drew: %q %v", c.Text, buttonTexts(c))
				}
			}
			if c := last(t, w.press(v, w.vi("consent.no"))); !hasButton(c, w.vi("case.begin")) {
				t.Fatalf("%q after /resume: %q %v", w.vi("consent.no"), c.Text, buttonTexts(c))
			}
		})
	}
}

// With no procedure being looked at, /resume still says there is no
// unfinished case.
func TestReview26BResumeWithNothingSaysNone(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Không có ca")
	if m := last(t, w.send(v, "/resume")); !strings.Contains(m.Text, w.vi("resume.none")) {
		t.Errorf("/resume with nothing: %q", m.Text)
	}
	w.send(v, "/new")
	if m := last(t, w.send(v, "/resume")); !strings.Contains(m.Text, w.vi("resume.none")) {
		t.Errorf("/resume on the procedure list: %q", m.Text)
	}
}

// Review 29: a guide with nothing to follow (an account task: VNeID's
// password) asks the resident no question — its notice is read, then
// "✓ Đã đọc, bắt đầu" — yet /resume before it said a case begins once the
// resident answers the consent question. It says what starts it there.
func TestReview29ResumeBeforeANoticeNamesItsButton(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "vneid-mat-khau")
	if g.OffersFollowup() {
		t.Fatalf("%s offers a follow-up", g.ID)
	}
	v := w.volunteer("Chưa bắt đầu")
	w.send(v, "/new")
	w.send(v, "quen mat khau vneid")
	w.press(v, g.Title.Vi)
	m := last(t, w.send(v, "/resume"))
	if want := w.vi("resume.before_start", locales.Data{"Button": w.vi("consent.read")}); !strings.Contains(m.Text, want) ||
		strings.Contains(m.Text, w.vi("resume.before_consent")) || !hasButton(m, w.vi("consent.read")) {
		t.Fatalf("/resume before a notice: %q %v, want %q and the notice again", m.Text, buttonTexts(m), want)
	}
}
