package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A case whose outcome was chosen ("Đã nộp") and which waited for its
// dossier code was paused when the volunteer turned to something else
// (/new, /cancel): a dossier filed, yet not counted — only "còn đang dở" in
// the tallies — until someone resumed it, maybe never. Its outcome is
// final once chosen: left at the code, the case closes as with "no code",
// counts, and the code typed afterwards is still offered to it.
func TestCaseLeftAtItsCodeCounts(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Chờ mã")
	w.toOutcome(u, "khai-sinh", true)
	if m := last(t, w.press(u, w.vi("outcome.submitted"))); !strings.Contains(m.Text, w.vi("case.dossier_ask")) {
		t.Fatalf("after 'submitted': %q", m.Text)
	}
	w.send(u, "/new") // the next resident
	c, es := w.lastCase(u)
	if c.Status != storage.CaseClosed || c.Outcome.String != "submitted" || !c.FinishedAt.Valid || !strings.HasSuffix(kinds(es), " outcome") {
		t.Fatalf("left at its code, the case is %s (outcome %q, events %s)", c.Status, c.Outcome.String, kinds(es))
	}
	me := last(t, w.send(u, "/me"))
	if want := w.vi("me.line", locales.Data{"Period": w.vi("tally.period_today"), "Cases": "1", "Helped": "1"}); !strings.Contains(me.Text, want) {
		t.Fatalf("/me: %q, want %q", me.Text, want)
	}
	if strings.Contains(me.Text, w.texts.For("vi").N("case.open_cases", 1)) {
		t.Fatalf("/me still counts it open: %q", me.Text)
	}
	// The code read off the portal a moment later still finds its case.
	clk.advance(5 * time.Minute)
	const code = "000.00.12.H26-251127-0042"
	m := last(t, w.send(u, code))
	attach := w.vi("case.attach_button", locales.Data{"Case": c.ID})
	if !hasButton(m, attach) {
		t.Fatalf("the code after leaving: %q %v", m.Text, m.Buttons())
	}
	w.press(u, attach)
	if kept, _, err := followup(w, c.ID); err != nil || kept != code {
		t.Fatalf("code kept: %q (%v)", kept, err)
	}

	// /cancel at the code: the summary, the case closed — below the
	// note that the code may still be sent (review 21r).
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	m = last(t, w.send(u, "/cancel"))
	c, _ = w.lastCase(u)
	if c.Status != storage.CaseClosed || !strings.HasPrefix(m.Text, w.vi("case.left_at_code", locales.Data{"Case": c.ID, "Minutes": 30})+"\n\n"+w.vi("summary.head", locales.Data{"Case": c.ID})) {
		t.Fatalf("/cancel at the code: %q; case %s", m.Text, c.Status)
	}
}

// /lang in the middle of a case answered "Switched to English." and nothing
// more: the step stayed above in Vietnamese (its buttons still worked). The
// screen the case is on now comes back below, in the new language, by the
// command or by the button.
func TestLanguageSwitchRedrawsTheCase(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Đổi tiếng")
	w.startBirthCase(u)
	head := func(lang string, i int) string {
		return w.texts.For(lang).T("case.step_head", locales.Data{"Step": i + 1, "Steps": len(g.Steps), "Title": g.Steps[i].Title.In(lang)})
	}

	ms := w.send(u, "/lang en")
	if len(ms) < 2 || ms[0].Text != w.en("lang.changed") {
		t.Fatalf("/lang en answered %d messages: %+v", len(ms), ms)
	}
	m := last(t, ms)
	if !strings.Contains(m.Text, head("en", 0)) || !hasButton(m, w.en("case.done")) {
		t.Fatalf("the step after /lang en: %q %v", m.Text, m.Buttons())
	}
	if m = last(t, w.press(u, w.en("case.done"))); !strings.Contains(m.Text, head("en", 1)) {
		t.Fatalf("Done on the redrawn step: %q", m.Text)
	}

	w.send(u, "/lang")
	ms = w.press(u, "Tiếng Việt")
	if len(ms) < 2 || !ms[0].Edited || ms[0].Text != w.vi("lang.changed") {
		t.Fatalf("the button answered: %+v", ms)
	}
	if m = last(t, ms); !strings.Contains(m.Text, head("vi", 1)) || !hasButton(m, w.vi("case.done")) {
		t.Fatalf("the step after the button: %q %v", m.Text, m.Buttons())
	}
	if got := lastAnswer(t, u); got != "" {
		t.Fatalf("the press answered %q", got)
	}
}
