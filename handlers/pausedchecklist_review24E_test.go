package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 24E: a case paused at its checklist (/cancel there) could be
// ended from its pause message only as "could not be done", with a reason
// from the list: the checklist's own ends, "✓ No procedure needed" and
// "✕ Not eligible", were not offered, so a resident who needed no
// procedure was counted as not done. The pause message offers what the
// screen the case was paused on offers: at the checklist, its two ends
// (each asked once, as there); at a step, End alone.
func TestPauseAtChecklistOffersItsEnds(t *testing.T) {
	w := newWorld(t)
	for _, lang := range []string{"vi", "en"} {
		tr := w.texts.For(lang)
		u := w.volunteer("Dừng ở giấy tờ " + lang)
		if lang != "vi" {
			w.send(u, "/lang "+lang)
		}
		w.toChecklist(u, tr)
		m := last(t, w.send(u, "/cancel"))
		for _, b := range []string{"case.resume_button", "case.end_button", "case.not_needed", "case.not_eligible"} {
			c, _ := w.lastCase(u)
			if label := tr.T(b, locales.Data{"Case": c.ID}); !hasButton(m, label) {
				t.Errorf("%s: the pause message at the checklist has no %q: %q %+v", lang, label, m.Text, m.Buttons())
			}
		}
		if t.Failed() {
			return
		}
		ask := last(t, w.press(u, tr.T("case.not_needed")))
		if !strings.Contains(ask.Text, tr.T("case.end_ask")) || !hasButton(ask, tr.T("case.end_confirm")) {
			t.Fatalf("%s: ✓ on the pause message: %q %+v, want it asked once", lang, ask.Text, ask.Buttons())
		}
		w.press(u, tr.T("case.end_confirm"))
		c, es := w.lastCase(u)
		if c.Status != storage.CaseClosed || c.Reason.String != storage.ReasonNotNeeded || c.Outcome.String != "not_submitted" {
			t.Errorf("%s: ended advised from the pause message: %s %q %q", lang, c.Status, c.Outcome.String, c.Reason.String)
		}
		if got := kinds(es); got != "start pause resume outcome" {
			t.Errorf("%s: the events %s", lang, got)
		}
		if n, e := w.advisedCases(u); n != 1 || e != 1 {
			t.Errorf("%s: %d cases advised, %d outcome events; want 1 and 1", lang, n, e)
		}
	}
}

// The odd paths of those buttons: ← on the question keeps the case open
// at its checklist; after a restart the pause message's ✕ still works and
// ends it once (pressed twice); a pause message of the checklist pressed
// once the case went on to its steps ends nothing, and the case is taken
// up where it stands; at a step the pause message offers End alone.
func TestPauseAtChecklistEndsOddPaths(t *testing.T) {
	w := newWorld(t)
	tr := w.texts.For("vi")
	u := w.volunteer("Đường vòng 24")
	w.toChecklist(u, tr)
	w.send(u, "/cancel")
	w.press(u, tr.T("case.not_eligible"))
	if m := last(t, w.press(u, tr.T("button.back"))); !hasButton(m, tr.T("case.begin")) {
		t.Fatalf("← on the question: %q %+v, want the checklist", m.Text, m.Buttons())
	}
	if c, _ := w.lastCase(u); c.Status != storage.CaseOpen || c.Phase != storage.PhaseChecklist {
		t.Fatalf("← on the question: the case %s %s, want open at its checklist", c.Status, c.Phase)
	}
	paused := last(t, w.send(u, "/cancel"))
	w.restart()
	data := dataOf(t, paused, tr.T("case.not_eligible"))
	ask := last(t, w.press(u, tr.T("case.not_eligible")))
	// The second tap of a double tap, on the pause message.
	id, err := u.PressData(paused.ID, data)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	if !hasButton(ask, tr.T("case.end_confirm")) {
		t.Fatalf("✕ after a restart: %q %+v", ask.Text, ask.Buttons())
	}
	w.press(u, tr.T("case.end_confirm"))
	c, es := w.lastCase(u)
	if c.Status != storage.CaseClosed || c.Reason.String != "not_eligible" || strings.Count(kinds(es), "outcome") != 1 {
		t.Errorf("✕ after a restart: %s %q, events %s", c.Status, c.Reason.String, kinds(es))
	}
	// Pressed again once the case is closed: nothing.
	if id, err = u.PressData(paused.ID, data); err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	if _, es2 := w.lastCase(u); len(es2) != len(es) {
		t.Errorf("✕ pressed on a closed case's pause message: events %s, were %s", kinds(es2), kinds(es))
	}

	// Paused at the checklist, taken up and begun: the old pause message's
	// ✓ ends nothing.
	w.toChecklist(u, tr)
	old := last(t, w.send(u, "/cancel"))
	w.send(u, "/resume")
	w.press(u, tr.T("case.begin"))
	if id, err = u.PressData(old.ID, dataOf(t, old, tr.T("case.not_needed"))); err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	got := msgByID(t, u, old.ID)
	if c, _ = w.lastCase(u); c.Status != storage.CaseOpen || c.Phase != storage.PhaseSteps || c.Reason.Valid {
		t.Errorf("✓ of the checklist's pause message at a step: the case %s %s %q, want open at its step", c.Status, c.Phase, c.Reason.String)
	}
	if hasButton(got, tr.T("case.end_confirm")) || !hasButton(got, tr.T("case.done")) {
		t.Errorf("✓ of the checklist's pause message at a step drew %q %+v, want the step", got.Text, got.Buttons())
	}
	// At a step: End, not the checklist's ends.
	if id, err = u.PressOn(got.ID, tr.T("case.pause")); err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	m := last(t, drain(u))
	if !hasButton(m, tr.T("case.end_button")) || hasButton(m, tr.T("case.not_needed")) || hasButton(m, tr.T("case.not_eligible")) {
		t.Errorf("the pause message at a step: %+v", m.Buttons())
	}
}
