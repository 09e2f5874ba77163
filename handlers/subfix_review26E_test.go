package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// fixWithSubs takes v to the fix of the first error of khai-sinh's step 1,
// which offers two guides (📖): the one the error names, and the step's.
func (w *world) fixWithSubs(v *telegramtest.User) (guides.Problem, []*guides.Guide) {
	w.t.Helper()
	g := guide(w.t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	subs := []*guides.Guide{guide(w.t, e.Subguide), guide(w.t, g.Steps[0].Subguide)}
	w.startBirthCase(v)
	w.press(v, w.vi("case.problem"))
	m := last(w.t, w.press(v, e.Label.Vi))
	for _, s := range subs {
		if !hasButton(m, "📖 "+s.Title.Vi) {
			w.t.Fatalf("the fix of %q: %v, want 📖 %s", e.Label.Vi, buttonTexts(m), s.Title.Vi)
		}
	}
	return e, subs
}

// isFixOf says whether m is the fix of e, with its "✓ Fixed".
func (w *world) isFixOf(m *telegramtest.Message, e guides.Problem) bool {
	return strings.Contains(m.Text, "⚠ "+e.Label.Vi) && strings.Contains(m.Text, e.Fix.Vi) && hasButton(m, w.vi("case.fixed_done"))
}

// Review 26E, item 2: a guide (📖) opened from a fix went back, by its
// "← Về bước 1", to the bare step: "✓ Đã xử lý – xong bước này" was gone and
// nothing said which problem was reported. A volunteer who read how to
// recover the password comes back to the fix, to press it. Its button
// says so; every page of the guide keeps it.
func TestReview26EGuideOpenedFromAFixGoesBackToTheFix(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	v := w.volunteer("Đọc hướng dẫn")
	e, subs := w.fixWithSubs(v)
	toFix, toStep := w.vi("case.to_fix"), w.vi("case.to_step", locales.Data{"Step": 1})
	for _, s := range subs {
		m := last(t, w.press(v, "📖 "+s.Title.Vi))
		if !strings.Contains(m.Text, s.Title.Vi) || !hasButton(m, toFix) || hasButton(m, toStep) {
			t.Fatalf("📖 %s from the fix: %q %v; want its back button %q", s.Title.Vi, m.Text, buttonTexts(m), toFix)
		}
		for hasButton(m, w.vi("button.next")) {
			if m = last(t, w.press(v, w.vi("button.next"))); !hasButton(m, toFix) {
				t.Fatalf("a next page of 📖 %s opened from the fix: %v, want %q", s.Title.Vi, buttonTexts(m), toFix)
			}
		}
		if m = last(t, w.press(v, toFix)); !w.isFixOf(m, e) {
			t.Fatalf("%q on 📖 %s: %q %v; want the fix of %q again", toFix, s.Title.Vi, m.Text, buttonTexts(m), e.Label.Vi)
		}
	}
	if m := last(t, w.press(v, w.vi("case.fixed_done"))); !strings.Contains(m.Text, w.stepHead(g, 1)) {
		t.Fatalf("%q after the guides: %q, want step 2", w.vi("case.fixed_done"), m.Text)
	}
	_, es := w.lastCase(v)
	if n := strings.Count(kindsAndNotes(es), "problem"); n != 1 {
		t.Errorf("events: %s, want the problem once", kindsAndNotes(es))
	}

	// Opened from the step, the guide still goes back to the step.
	w.press(v, w.vi("case.back"))
	m := last(t, w.press(v, "📖 "+subs[1].Title.Vi))
	if !hasButton(m, toStep) || hasButton(m, toFix) {
		t.Fatalf("📖 from the step: %v, want %q", buttonTexts(m), toStep)
	}
	if m = last(t, w.press(v, toStep)); !strings.Contains(m.Text, w.stepHead(g, 0)) || !hasButton(m, w.vi("case.done")) {
		t.Fatalf("%q on 📖 from the step: %q", toStep, m.Text)
	}
}

// The label in English: it says the fix, not "Back to step 1".
func TestReview26EGuideFromAFixInEnglish(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	sub := guide(t, e.Subguide)
	w := newWorld(t)
	v := w.volunteer("Anna")
	w.send(v, "/lang en")
	w.send(v, "/new")
	w.press(v, g.Title.En)
	w.press(v, w.en("consent.no"))
	w.press(v, w.en("case.begin"))
	w.press(v, w.en("case.problem"))
	w.press(v, e.Label.En)
	m := last(t, w.press(v, "📖 "+sub.Title.En))
	toFix := w.en("case.to_fix")
	if !hasButton(m, toFix) || strings.Contains(toFix, w.en("case.to_step", locales.Data{"Step": 1})) {
		t.Fatalf("📖 from the fix in English: %v, want %q", buttonTexts(m), toFix)
	}
	if m = last(t, w.press(v, toFix)); !strings.Contains(m.Text, "⚠ "+e.Label.En) || !hasButton(m, w.en("case.fixed_done")) {
		t.Fatalf("%q: %q %v", toFix, m.Text, buttonTexts(m))
	}
}

// /resume on a guide opened from a fix — after a restart, after /cancel
// there (which pauses the case), with another case paused too — draws the
// fix again, not the bare step.
func TestReview26EResumeOnAGuideOpenedFromAFixDrawsTheFix(t *testing.T) {
	for _, how := range []string{"restart", "/cancel", "another case paused"} {
		t.Run(how, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Tiếp tục")
			if how == "another case paused" {
				w.startBirthCase(v)
			}
			e, subs := w.fixWithSubs(v)
			id := caseNo(w, v)
			w.press(v, "📖 "+subs[0].Title.Vi)
			if how == "/cancel" {
				w.send(v, "/cancel")
				if c, _ := w.lastCase(v); c.Status != storage.CasePaused {
					t.Fatalf("case #%d after /cancel on the guide: %s", id, c.Status)
				}
			}
			w.withCatalog(catalog)
			m := last(t, w.send(v, "/resume"))
			if how == "another case paused" {
				if want := w.vi("resume.waiting_fix", locales.Data{"Case": id}); !strings.Contains(m.Text, want) {
					t.Errorf("/resume on the guide, another case paused: %q, want the list to say %q", m.Text, want)
				}
				m = last(t, w.press(v, caseButtonOf(m, id)))
			}
			if !w.isFixOf(m, e) {
				t.Fatalf("/resume on 📖 opened from the fix (%s): %q %v; want the fix of %q", how, m.Text, buttonTexts(m), e.Label.Vi)
			}
			if c, _ := w.caseByID(v, id); c.Status != storage.CaseOpen {
				t.Errorf("case #%d after /resume: %s", id, c.Status)
			}
		})
	}
}

// A stale "← Về cách xử lý" (the guide's message pressed after the case
// moved on) is told it is out of date, and changes nothing.
func TestReview26EStaleBackToTheFix(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	v := w.volunteer("Nút cũ")
	_, subs := w.fixWithSubs(v)
	sub := last(t, w.press(v, "📖 "+subs[0].Title.Vi))
	data := dataOf(t, sub, w.vi("case.to_fix"))
	w.press(v, w.vi("case.to_fix"))
	w.press(v, w.vi("case.fixed_done"))
	id, err := v.PressData(sub.ID, data)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if got := lastAnswer(t, v); got != w.vi("button.stale") {
		t.Errorf("a stale %q answered %q", w.vi("case.to_fix"), got)
	}
	if m := msgByID(t, v, sub.ID); !strings.Contains(m.Text, w.stepHead(g, 1)) {
		t.Errorf("after a stale %q: %q, want step 2", w.vi("case.to_fix"), m.Text)
	}
	if c, _ := w.lastCase(v); c.Step != 1 {
		t.Errorf("a stale %q moved the case to step %d", w.vi("case.to_fix"), c.Step+1)
	}
}
