package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"

	"github.com/dvcbot/dvcbot/locales"
)

// Text that looks like a code but is a search — a month ("T10/2026"), a
// quarter, a procedure's national number, a decree's, "VNeID-2" — typed on
// the procedure list or under search results was read as a dossier code:
// the volunteer was told no case waits for a code, or, a few minutes after a
// case closed without one, offered to attach "T10/2026" to it. They are
// searched; a real code typed right after the case still is offered.
func TestSearchTextIsNoDossierCode(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Tìm kiếm")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	closed := caseNo(w, u)
	attach := w.vi("case.attach_button", locales.Data{"Case": closed})

	w.send(u, "khai sinh") // the search results are on screen
	for _, typed := range []string{"T10/2026", "Q4/2026", "thang10/2026", "TTHC-1.000894", "2.000815.000.00.00.H42", "63/2024/ND-CP"} {
		m := last(t, w.send(u, typed))
		if want := w.vi("case.no_match", locales.Data{"Query": typed}); !strings.HasPrefix(m.Text, want) || hasButton(m, attach) {
			t.Errorf("%q typed under search results: %q %v; want %q", typed, m.Text, m.Buttons(), want)
		}
	}
	m := last(t, w.send(u, "VNeID-2"))
	if hasButton(m, attach) || !hasButton(m, "Kích hoạt VNeID và định danh mức độ 2") {
		t.Errorf("VNeID-2 typed: %q %v; want the guide found", m.Text, m.Buttons())
	}

	// The real code, typed now: offered to the case that closed without one.
	const code = "000.00.12.H26-251127-0001"
	m = last(t, w.send(u, code))
	if !hasButton(m, attach) {
		t.Fatalf("the real code typed after the case: %q %v; want %q", m.Text, m.Buttons(), attach)
	}
}

// Search results typed below older ones: the older results kept their
// buttons, and a guide tapped there answered "out of date" and turned
// those results into the newer ones. They lose their buttons, as a case
// screen drawn again below does; the newest results carry on.
func TestOlderSearchResultsLoseTheirButtons(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Tìm lại")
	first := last(t, w.send(u, "khai sinh"))
	second := last(t, w.send(u, "tạm trú"))
	if second.ID == first.ID || !hasButton(second, "Đăng ký tạm trú") {
		t.Fatalf("the second search: %q %v", second.Text, second.Buttons())
	}
	noButtons(t, u, first.ID, "a second search")
	w.restart()
	third := last(t, w.send(u, "khai tử"))
	noButtons(t, u, second.ID, "a third search, after a restart")
	if msgByID(t, u, first.ID).Text != first.Text {
		t.Errorf("the first results' text became %q", msgByID(t, u, first.ID).Text)
	}
	m := last(t, w.press(u, third.Buttons()[0].Text))
	if m.ID != third.ID || !hasButton(m, w.vi("consent.yes")) {
		t.Errorf("a guide pressed on the newest results: %d %q, want the consent on %d", m.ID, m.Text, third.ID)
	}
}

// A search that found nothing, drawn again (an edited message, a long
// message, a stale press) read "Search results (0 procedures) – choose
// one:" over the one button to all procedures. It says nothing was found
// and what to do.
func TestNoResultsDrawnAgainSayNothingFound(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Không thấy")
	w.send(u, "khai snhh xyz")
	w.bot.WaitHandled(t, u.EditLast("khai sinh"))
	m := last(t, fresh(drain(u)))
	if want := w.vi("case.no_match_again"); !strings.HasSuffix(m.Text, "\n\n"+want) || !hasButton(m, w.vi("case.all_guides")) {
		t.Errorf("no results drawn again: %q %v; want %q under the note", m.Text, m.Buttons(), want)
	}
	if m := last(t, w.press(u, w.vi("case.all_guides"))); !strings.HasPrefix(m.Text, w.vi("case.pick")) {
		t.Errorf("all procedures pressed: %q", m.Text)
	}
}

// A period typed where procedures are searched ("T10/2026" after /new)
// found no procedure and said only that: the volunteer is pointed to their
// own figures, a coordinator to the tally of that period.
func TestPeriodSearchedPointsToTheFigures(t *testing.T) {
	w := newWorld(t)
	vol := w.volunteer("Tháng")
	coord := w.member("Điều phối", storage.RoleCoordinator, "26882")
	for _, u := range []*telegramtest.User{vol, coord} {
		w.send(u, "/new")
	}
	m := last(t, w.send(vol, "T10/2026"))
	if want := w.vi("case.no_match", locales.Data{"Query": "T10/2026"}) + "\n" + w.vi("case.period_me"); m.Text != want {
		t.Errorf("a volunteer's period searched: %q, want %q", m.Text, want)
	}
	m = last(t, w.send(coord, "tháng 10/2026"))
	if want := w.vi("case.no_match", locales.Data{"Query": "tháng 10/2026"}) + "\n" + w.vi("case.period_tally", locales.Data{"Period": "tháng 10/2026"}); m.Text != want {
		t.Errorf("a coordinator's period searched: %q, want %q", m.Text, want)
	}
	if m = last(t, w.send(coord, "khai snhh xyz")); strings.Contains(m.Text, "/tally") {
		t.Errorf("words that are no period: %q", m.Text)
	}
}
