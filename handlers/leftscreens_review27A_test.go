package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 27A, item 1: a case left on its list of problems (⚠ Problem), on
// a fix, or on its ⚑ question by opening another case (from the /resume
// list, or /new) came back, resumed later, on the bare step: the screen it
// was left on was gone, as it was before review 26B for ⏸ on a fix. It
// comes back on that screen, with or without a restart between.
func TestReview27ACaseLeftForAnotherResumesOnItsScreen(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	for _, on := range []string{"problem", "fix", "flag"} {
		for _, leave := range []string{"list", "/new", "/new and a case", "pause"} {
			for _, restart := range []bool{false, true} {
				name := on + ", " + leave
				if restart {
					name += ", restart"
				}
				t.Run(name, func(t *testing.T) {
					w := newWorld(t)
					v := w.volunteer("Đổi hồ sơ")
					other := int64(0)
					if leave == "list" {
						w.startBirthCase(v)
						other = caseNo(w, v)
					}
					w.startBirthCase(v)
					id := caseNo(w, v)
					switch on {
					case "problem":
						w.press(v, w.vi("case.problem"))
					case "fix":
						w.press(v, w.vi("case.problem"))
						w.press(v, e.Label.Vi)
					case "flag":
						w.press(v, w.vi("case.flag"))
					}
					switch leave {
					case "list":
						list := last(t, w.send(v, "/resume"))
						w.press(v, caseButtonOf(list, other))
					case "/new":
						w.send(v, "/new")
					case "/new and a case":
						w.startBirthCase(v)
					case "pause": // ⚑ has no ⏸: /cancel pauses it
						if on == "flag" {
							w.send(v, "/cancel")
						} else {
							w.press(v, w.vi("case.pause"))
						}
					}
					if c, _ := w.caseByID(v, id); c.Status != storage.CasePaused {
						t.Fatalf("case #%d after it was left (%s): %s, want it paused", id, leave, c.Status)
					}
					if restart {
						w.withCatalog(catalog)
					}
					m := last(t, w.send(v, "/resume"))
					if b := caseButtonOf(m, id); b != "" {
						m = last(t, w.press(v, b))
					}
					checkLeftScreen(t, w, v, m, on)
					if c, _ := w.caseByID(v, id); c.Status != storage.CaseOpen {
						t.Errorf("case #%d after /resume: %s, want it open", id, c.Status)
					}
				})
			}
		}
	}
}

// checkLeftScreen fails unless m is the screen on (problem: the step's
// list of problems; fix: the fix of its first problem; flag: the ⚑
// question) of step 1 of the birth-registration guide.
func checkLeftScreen(t *testing.T, w *world, v *telegramtest.User, m *telegramtest.Message, on string) {
	t.Helper()
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	switch on {
	case "problem":
		if !strings.Contains(m.Text, w.vi("case.problem_pick")) || !hasButton(m, e.Label.Vi) {
			t.Fatalf("back on a case left on its list of problems: %q %v; want that list", m.Text, buttonTexts(m))
		}
	case "fix":
		if !strings.Contains(m.Text, "⚠ "+e.Label.Vi) || !strings.Contains(m.Text, e.Fix.Vi) || !hasButton(m, w.vi("case.fixed_done")) {
			t.Fatalf("back on a case left on the fix of %q: %q %v; want that fix", e.Label.Vi, m.Text, buttonTexts(m))
		}
	case "flag":
		if !strings.Contains(m.Text, w.vi("case.flag_ask")) || !hasButton(m, w.vi("flag.what_button")) {
			t.Fatalf("back on a case left on ⚑: %q %v; want %q", m.Text, buttonTexts(m), w.vi("case.flag_ask"))
		}
	}
	if !strings.Contains(m.Text, w.stepHead(g, 0)) {
		t.Errorf("back on a case left at step 1: %q, want step 1", m.Text)
	}
}

// Paused on its list of problems, then ended from the pause message (⏹),
// ← at the question why returns to that list, as ▶ would have (review
// 26E did so for a fix and ⚑ only).
func TestReview27ABackAfterEndingOnTheProblemsReturnsThere(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Kết thúc ở danh sách lỗi")
	w.startBirthCase(v)
	w.press(v, w.vi("case.problem"))
	w.press(v, w.vi("case.pause"))
	w.withCatalog(catalog)
	if m := last(t, w.press(v, w.vi("case.end_button"))); !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
		t.Fatalf("⏹ on the pause message: %q", m.Text)
	}
	checkLeftScreen(t, w, v, last(t, w.press(v, w.vi("button.back"))), "problem")
}

// Review 27A, item 2: a case paused on a fix (or ⚑, or its list of
// problems), taken up again by /resume and moved back to its bare step
// ("← Về bước 1"), then ended from its OLD pause message (⏹): ← at the
// question why returned to the screen it had been paused on, not to the
// step it stood at when ⏹ was pressed. The old message's ⏹ acts on the
// case as it stands: ← returns to the step — and, pressed while the case
// is still on the screen /resume drew, to that screen.
func TestReview27AEndOnAnOldPauseMessageReturnsWhereTheCaseStands(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	for _, on := range []string{"problem", "fix", "flag"} {
		for _, moved := range []bool{true, false} {
			name := on + ", moved to the step"
			if !moved {
				name = on + ", not moved"
			}
			t.Run(name, func(t *testing.T) {
				w := newWorld(t)
				v := w.volunteer("Nút cũ")
				w.startBirthCase(v)
				id := caseNo(w, v)
				switch on {
				case "problem":
					w.press(v, w.vi("case.problem"))
				case "fix":
					w.press(v, w.vi("case.problem"))
					w.press(v, e.Label.Vi)
				case "flag":
					w.press(v, w.vi("case.flag"))
				}
				paused := last(t, w.send(v, "/cancel"))
				checkLeftScreen(t, w, v, last(t, w.send(v, "/resume")), on)
				if moved {
					if m := last(t, w.press(v, w.vi("case.to_step", locales.Data{"Step": 1}))); !hasButton(m, w.vi("case.done")) {
						t.Fatalf("← to step 1: %q %v", m.Text, buttonTexts(m))
					}
				}
				if m := last(t, w.pressOn(v, paused.ID, w.vi("case.end_button"))); !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
					t.Fatalf("⏹ on the old pause message: %q", m.Text)
				}
				m := last(t, w.press(v, w.vi("button.back")))
				if c, _ := w.caseByID(v, id); c.Status != storage.CaseOpen || c.Phase != storage.PhaseSteps || c.Outcome.Valid {
					t.Fatalf("case #%d after ←: %s %s %q, want it open at its steps", id, c.Status, c.Phase, c.Outcome.String)
				}
				if !moved {
					checkLeftScreen(t, w, v, m, on)
					return
				}
				if !strings.Contains(m.Text, w.stepHead(g, 0)) || !hasButton(m, w.vi("case.done")) || hasButton(m, w.vi("case.fixed_done")) {
					t.Fatalf("← after ⏹ on the old pause message, the case at its bare step 1 then: %q %v; want that step", m.Text, buttonTexts(m))
				}
				_, es := w.caseByID(v, id)
				if n := strings.Count(kindsAndNotes(es), "problem"); on == "fix" && n != 1 {
					t.Errorf("events: %s, want the problem once", kindsAndNotes(es))
				}
			})
		}
	}
}

// The other way round: paused at its bare step, taken up by /resume and a
// fix opened, then ended from the old pause message: ← returns to that
// fix, where the case stood, and "✓ Fixed" goes on from it.
func TestReview27AEndOnAnOldPauseMessageAfterAFixOpenedReturnsToIt(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	w := newWorld(t)
	v := w.volunteer("Nút cũ, lỗi sau")
	w.startBirthCase(v)
	paused := last(t, w.press(v, w.vi("case.pause")))
	w.send(v, "/resume")
	w.press(v, w.vi("case.problem"))
	w.press(v, e.Label.Vi)
	w.pressOn(v, paused.ID, w.vi("case.end_button"))
	w.withCatalog(catalog) // a restart before ←
	checkLeftScreen(t, w, v, last(t, w.press(v, w.vi("button.back"))), "fix")
	if m := last(t, w.press(v, w.vi("case.fixed_done"))); !strings.Contains(m.Text, w.stepHead(g, 1)) {
		t.Errorf("%q on the fix ← drew: %q, want step 2", w.vi("case.fixed_done"), m.Text)
	}
}
