package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A volunteer closed three cases without a dossier code in an afternoon
// and, an hour later, typed the code the first resident's SMS brought. The
// bot answered "Case #<the third> ended more than 30 minutes ago…": a
// case the code was never meant for, as if the bot knew whose code it was.
// It cannot know: every case that could have taken it is named.
func TestCodeTooLateNamesEveryCaseThatEndedWithoutOne(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Ba ca")
	var ids []int64
	for _, id := range []string{"khai-sinh", "tam-tru", "thuong-tru"} {
		w.toOutcome(u, id, true)
		w.press(u, w.vi("outcome.submitted"))
		w.press(u, w.vi("case.no_dossier"))
		ids = append(ids, caseNo(w, u))
		clk.advance(10 * time.Minute)
	}
	clk.advance(time.Hour)
	m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
	for _, id := range ids {
		if !strings.Contains(m.Text, fmt.Sprintf("#%d", id)) {
			t.Errorf("the code typed an hour late names %q; want each of cases %v named", m.Text, ids)
			break
		}
	}
	cases := fmt.Sprintf("#%d, #%d, #%d", ids[0], ids[1], ids[2])
	if want := w.vi("case.code_too_late_several", locales.Data{"Cases": cases, "Minutes": 30}); m.Text != want {
		t.Errorf("the code typed an hour late: %q; want %q", m.Text, want)
	}

	// One case alone is still named as before, and in English too.
	clk.advance(25 * time.Hour)
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	one := caseNo(w, u)
	w.send(u, "/lang")
	w.press(u, w.en("lang.name"))
	clk.advance(time.Hour)
	m = last(t, w.send(u, "000.00.12.H26-251127-0002"))
	if want := w.en("case.code_too_late", locales.Data{"Case": one, "Minutes": 30}); m.Text != want {
		t.Errorf("the code typed an hour after the only case: %q; want %q", m.Text, want)
	}
}

// The code of a case that ended an hour ago, typed at the checklist of the
// next resident's case (nothing submitted yet), was answered "At this step,
// please press one of the buttons below. Looking for another procedure?
// Type /new…", as if the code were words of a search. It is told, as
// outside a case, that the case it may belong to can no longer take it.
// (At a step, the code may be the case on screen's:
// TestCodeMidCaseAnsweredForTheCaseOnScreen.)
func TestCodeTooLateMidCaseNamesTheCase(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Giữa ca")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	clk.advance(time.Hour)
	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, "Đăng ký tạm trú")
	w.press(u, w.vi("consent.no"))
	m := last(t, w.send(u, "000.00.12.H26-251127-0001"))
	late := w.vi("case.code_too_late", locales.Data{"Case": first, "Minutes": 30})
	if !strings.HasPrefix(m.Text, late+"\n\n") || strings.Contains(m.Text, w.vi("case.other_procedure")) || !hasButton(m, w.vi("case.begin")) {
		t.Errorf("the code of a case an hour gone, typed at the checklist: %q; want %q above the checklist", m.Text, late)
	}
}
