package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 25B, item 1: /help typed on /team's screen (a coordinator) or on
// /invite's (an admin) answered and left the screen far above, its
// buttons live there, as /tally's was until review 24T. It comes back
// below the answer where it stood (a search's list, a search's results),
// the copy above loses its buttons, and the copy below works; after /lang
// it comes back in the language chosen.
func TestReview25BTeamAndInviteScreensComeBackBelowHelp(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, anHoiTayCode)
	w.member("Vy", storage.RoleVolunteer, anHoiTayCode)

	// below checks that cmd's answer starts with first and that the
	// screen above comes back below it, as it was; it returns the copy
	// below.
	below := func(u *telegramtest.User, above *telegramtest.Message, cmd, first string) *telegramtest.Message {
		t.Helper()
		ms := fresh(w.send(u, cmd))
		if len(ms) != 2 || !strings.HasPrefix(ms[0].Text, first) || ms[1].Text != above.Text ||
			strings.Join(buttonTexts(ms[1]), "|") != strings.Join(buttonTexts(above), "|") {
			t.Fatalf("%s on %q: %q, want its answer, then the screen again below", cmd, above.Text, texts(ms))
		}
		noButtons(t, u, above.ID, cmd+" on "+above.Text)
		return ms[1]
	}

	list := last(t, w.send(coord, "/team"))
	copyBelow := below(coord, list, "/help", w.vi("help.coordinator"))
	if m := last(t, w.press(coord, w.vi("team.invites_button"))); m.ID != copyBelow.ID || m.Text == copyBelow.Text {
		t.Errorf("the invite links pressed on the list below /help: %d %q, want the links in place of %d", m.ID, m.Text, copyBelow.ID)
	}
	w.send(coord, "/cancel")

	// A search's list comes back as the search left it.
	w.send(coord, "/team")
	found := last(t, w.send(coord, "vy"))
	below(coord, found, "/help", w.vi("help.coordinator"))
	// /lang en: the list below is in English.
	ms := fresh(w.send(coord, "/lang en"))
	if len(ms) < 2 || !hasButton(ms[len(ms)-1], w.en("team.search_clear")) {
		t.Errorf("/lang en on a search's list: %q, want the list below in English", texts(ms))
	}
	w.send(coord, "/cancel")

	// An admin's invite results.
	a := w.admin
	w.send(a, "/invite")
	results := last(t, w.send(a, "quy nhon"))
	if !hasButton(results, quyNhonVi) {
		t.Fatalf("results: %q %v", results.Text, results.Buttons())
	}
	copyBelow = below(a, results, "/help", w.vi("help.admin"))
	if m := last(t, w.press(a, quyNhonVi)); m.ID != copyBelow.ID || !strings.Contains(m.Text, "Quy Nhơn") {
		t.Errorf("%s pressed on the results below /help: %d %q, want the role question in place of %d", quyNhonVi, m.ID, m.Text, copyBelow.ID)
	}
	if step, _ := w.inviteStep(a); step != "role" {
		t.Errorf("after %s on the copy below /help the invite flow stands at %q, want role", quyNhonVi, step)
	}
}
