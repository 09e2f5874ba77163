package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Two quick taps on "Chuyển sang đội mới" (a slow connection): the second
// replaced the welcome to the new team, its role and /help, with "you are
// already a volunteer of … you do not need this invite". The welcome
// stays; the second tap is answered as done already.
func TestJoinMoveDoubleTapKeepsTheWelcome(t *testing.T) {
	w := newWorld(t)
	w.member("An", storage.RoleCoordinator, anHoiTayCode)
	coordB := w.member("Bảo", storage.RoleCoordinator, benThanhCode)
	vol := w.member("Vy", storage.RoleVolunteer, anHoiTayCode)
	link := w.inviteBy(coordB.ID, benThanhCode, storage.RoleVolunteer)
	q := only(t, w.send(vol, "/start "+link))

	p1, _ := vol.PressOn(q.ID, w.vi("join.move_yes"))
	p2, _ := vol.PressOn(q.ID, w.vi("join.move_yes"))
	w.bot.WaitHandled(t, p1, p2)
	unit := "Phường Bến Thành, Thành phố Hồ Chí Minh"
	if got := lastAnswer(t, vol); got != w.vi("join.already", locales.Data{"Role": w.vi("role.volunteer"), "Unit": unit}) {
		t.Errorf("the second tap answered %q", got)
	}
	var shown string
	for _, m := range vol.Messages() {
		if m.ID == q.ID {
			shown = m.Text
		}
	}
	if want := w.vi("join.welcome", locales.Data{"Unit": unit, "Role": w.vi("role.volunteer")}); shown != want {
		t.Fatalf("after a double tap the question shows %q, want the welcome", shown)
	}
	if got := w.userRow(vol); got.CommuneCode.String != benThanhCode {
		t.Fatalf("not moved: %s", got.CommuneCode.String)
	}
}
