package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A case closed with its dossier code kept (the resident wants reminders);
// a minute later, at the next resident's checklist, the volunteer types
// another code (the resident's SMS showed the one typed before was
// mistyped). The bot answered "press a button / another procedure?", with
// no way to replace the kept code. Within the window of attaching a late
// code, the replacement is offered as at the attach offer (the case on
// screen kept, /resume takes it up again): confirmed, the case before keeps
// the new code and the resident who opened the link is told it, once. In
// Vietnamese and English.
func TestCodeTypedAtTheNextChecklistReplacesTheKeptOne(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Mã gõ nhầm")
			const wrong, right = "000.00.12.H26-251127-0070", "000.00.12.H26-251127-0007"
			ms := w.finishWithCode(v, wrong)
			first, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", "vi")
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			w.settle(res)
			tr := w.vi
			if lang == "en" {
				w.send(v, "/lang")
				w.press(v, w.en("lang.name"))
				tr = w.en
			}

			clk.advance(time.Minute)
			w.send(v, "/new")
			w.send(v, "tam tru")
			w.press(v, guide(t, "tam-tru").Title.In(lang))
			checklist := last(t, w.press(v, tr("consent.no")))
			second, _ := w.lastCase(v)
			m := last(t, fresh(w.send(v, right)))
			offer := tr("case.code_replace", locales.Data{"Case": first.ID, "Old": wrong, "Code": right})
			replace := tr("case.replace_button", locales.Data{"Case": first.ID})
			paused := tr("case.code_replace_paused", locales.Data{"Case": second.ID})
			if !strings.Contains(m.Text, offer) || !strings.Contains(m.Text, paused) || !hasButton(m, replace) {
				t.Fatalf("another code typed at the next checklist: %q %v; want %q and %q with %q", m.Text, m.Buttons(), paused, offer, replace)
			}
			noButtons(t, v, checklist.ID, "the checklist left for the offer")
			w.press(v, replace)
			if code, _, _ := followup(w, first.ID); code != right {
				t.Errorf("case #%d keeps %q, want %q", first.ID, code, right)
			}
			told := w.settle(res)
			if len(told) != 1 || !strings.Contains(told[0].Text, right) {
				t.Errorf("the resident is told %q, want the right code once", texts(told))
			}
			// The case on screen was kept: /resume takes it up at its checklist.
			if m := last(t, w.send(v, "/resume")); !hasButton(m, tr("case.begin")) {
				t.Errorf("/resume after the replacement: %q %v, want case #%d's checklist", m.Text, m.Buttons(), second.ID)
			}
		})
	}
}

// At the next case's first step, past the window of attaching, the code
// typed is not offered to replace the kept one: the bot says why (the case
// ended too long ago), and the kept code stays.
func TestCodeTypedAtTheNextStepTooLateToReplace(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Quá giờ")
			const wrong, right = "000.00.12.H26-251127-0070", "000.00.12.H26-251127-0007"
			w.finishWithCode(v, wrong)
			first, _ := w.lastCase(v)
			tr := w.vi
			if lang == "en" {
				w.send(v, "/lang")
				w.press(v, w.en("lang.name"))
				tr = w.en
			}
			clk.advance(31 * time.Minute)
			w.send(v, "/new")
			w.send(v, "tam tru")
			w.press(v, guide(t, "tam-tru").Title.In(lang))
			w.press(v, tr("consent.no"))
			w.press(v, tr("case.begin"))
			m := last(t, fresh(w.send(v, right)))
			why := tr("case.code_replace_too_late", locales.Data{"Case": first.ID, "Old": wrong, "Minutes": 30})
			if !strings.Contains(m.Text, why) || !hasButton(m, tr("case.done")) || hasButton(m, tr("case.replace_button", locales.Data{"Case": first.ID})) {
				t.Errorf("another code typed at the next case's first step, 31 minutes on: %q %v; want %q above the step", m.Text, m.Buttons(), why)
			}
			if code, _, _ := followup(w, first.ID); code != wrong {
				t.Errorf("case #%d keeps %q, want %q", first.ID, code, wrong)
			}
		})
	}
}
