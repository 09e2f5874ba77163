package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Walk W2 (review 26): "/team linh" and "/invite gia lai" showed the whole
// team and the province list, the words after the command ignored, where
// "/tally tam dao" uses them. What follows the command is read as typed
// on its first screen: one answer, the same as /team (or /invite) and
// then the words.
func TestReview26WWordsAfterTeamAndInviteAreTyped(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	w.member("Tuấn", storage.RoleVolunteer, quyNhonBac)
	for _, tc := range []struct {
		who   *telegramtest.User
		cmd   string
		words string
	}{
		{tm.pc, "/team", "tuan"},
		{tm.pc, "/team", "nobody here"},
		{w.admin, "/invite", "gia lai"},
		{w.admin, "/invite", "phuong 12 go vap"},
		{tm.pc, "/invite", "quy nhon"},
	} {
		w.send(tc.who, tc.cmd)
		want := only(t, fresh(w.send(tc.who, tc.words)))
		w.send(tc.who, "/cancel")
		got := only(t, fresh(w.send(tc.who, tc.cmd+" "+tc.words)))
		if got.Text != want.Text || len(got.Buttons()) != len(want.Buttons()) {
			t.Errorf("%s %s: %q %v\nwant, as %s then %q: %q %v", tc.cmd, tc.words, got.Text, got.Buttons(), tc.cmd, tc.words, want.Text, want.Buttons())
		}
		w.send(tc.who, "/cancel")
	}
}
