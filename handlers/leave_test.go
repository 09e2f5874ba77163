package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A volunteer who moves away or stops volunteering had no way out of their
// team but asking a coordinator, and an administrator who joined a team to
// try it had none at all (no ✕ is shown beside an administrator). /leave
// asks first (saying what is kept), and "Ở lại" changes nothing; leaving
// pauses the case on screen, makes them a guest with no name, revokes their
// unused links, and tells the team's coordinators. A double tap leaves the
// first answer on the message.
func TestLeaveTheTeam(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	vol := w.volunteer("Lan")
	link := w.inviteBy(vol.ID, anHoiTayCode, storage.RoleVolunteer)
	w.startBirthCase(vol)
	drain(coord)

	ask := only(t, w.send(vol, "/leave"))
	if !strings.Contains(ask.Text, w.vi("leave.ask", locales.Data{"Role": w.vi("role.volunteer"), "Unit": anHoiTayVi})) ||
		!strings.Contains(ask.Text, "(1 ca)") {
		t.Fatalf("/leave asks: %q", ask.Text)
	}
	// The answer replaces the question; the case's step comes back below
	// it (leave_review11_test.go).
	if m := w.press(vol, w.vi("leave.no"))[0]; m.ID != ask.ID || m.Text != w.vi("leave.stayed", locales.Data{"Role": w.vi("role.volunteer"), "Unit": anHoiTayVi}) {
		t.Errorf("Ở lại: %q", m.Text)
	}
	if u := w.userRow(vol); u.Role != storage.RoleVolunteer || u.FirstName != "Lan" {
		t.Fatalf("Ở lại changed the member: %+v", u)
	}

	ask = only(t, w.send(vol, "/leave"))
	w.doubleTap(vol, ask, w.vi("leave.yes"))
	var shown string
	for _, m := range vol.Messages() {
		if m.ID == ask.ID {
			shown = m.Text
		}
	}
	if shown != w.vi("leave.done", locales.Data{"Unit": anHoiTayVi}) {
		t.Errorf("after leaving (a double tap) the question reads %q", shown)
	}
	if a := lastAnswer(t, vol); a != w.vi("leave.gone") {
		t.Errorf("the second tap was answered %q", a)
	}
	if u := w.userRow(vol); u.Role != storage.RoleGuest || u.FirstName != "" || u.CommuneCode.Valid {
		t.Errorf("after leaving: %+v", u)
	}
	if c, _ := w.lastCase(vol); c.Status != storage.CasePaused {
		t.Errorf("the case on screen is %s, want paused", c.Status)
	}
	var revoked bool
	if err := w.store.DB().QueryRow(`SELECT revoked_at IS NOT NULL FROM invites WHERE code = $1`, link).Scan(&revoked); err != nil || !revoked {
		t.Errorf("their unused link was not revoked: %v %v", revoked, err)
	}
	told := drain(coord)
	if len(told) != 1 || told[0].Text != w.vi("leave.notice", locales.Data{"Name": "Lan", "Role": w.vi("role.volunteer"), "Unit": anHoiTayVi}) {
		t.Errorf("the coordinator was told %+v", told)
	}
	// A guest now: /new is refused, /leave has nothing to leave.
	if m := only(t, w.send(vol, "/leave")); m.Text != w.vi("leave.not_member") {
		t.Errorf("/leave again: %q", m.Text)
	}
}

// The question answered after the member moved to another team (its link
// opened in between) must not take them out of the new one.
func TestLeaveQuestionOfAnotherTeam(t *testing.T) {
	w := newWorld(t)
	vol := w.volunteer("Lan")
	ask := only(t, w.send(vol, "/leave"))
	w.send(vol, "/start "+w.inviteBy(w.admin.ID, benThanhCode, storage.RoleVolunteer))
	w.press(vol, w.vi("join.move_yes"))
	if u := w.userRow(vol); u.CommuneCode.String != benThanhCode {
		t.Fatalf("the move did not happen: %+v", u)
	}
	id, err := vol.PressOn(ask.ID, w.vi("leave.yes"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if u := w.userRow(vol); u.Role != storage.RoleVolunteer || u.CommuneCode.String != benThanhCode {
		t.Errorf("the old question took them out of their new team: %+v", u)
	}
	if a := lastAnswer(t, vol); a != w.vi("leave.gone") {
		t.Errorf("the old question's press was answered %q", a)
	}
}

// An administrator who joined a team can leave it, and stays an
// administrator; one in no team is told there is nothing to leave.
func TestAdminLeavesATeam(t *testing.T) {
	w := newWorld(t)
	if m := only(t, w.send(w.admin, "/leave")); m.Text != w.vi("leave.not_member") {
		t.Errorf("an administrator in no team: %q", m.Text)
	}
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	w.send(w.admin, "/start "+w.inviteBy(coord.ID, anHoiTayCode, storage.RoleVolunteer))
	w.press(w.admin, w.vi("join.admin_yes"))
	if u := w.userRow(w.admin); u.CommuneCode.String != anHoiTayCode {
		t.Fatalf("the administrator did not join: %+v", u)
	}
	w.send(w.admin, "/leave")
	w.press(w.admin, w.vi("leave.yes"))
	if u := w.userRow(w.admin); u.CommuneCode.Valid || u.Role != storage.RoleGuest || u.FirstName != "Admin" {
		t.Errorf("after leaving, the administrator's row: %+v (want no team, their name kept for their cases)", u)
	}
	// Still an administrator by the configuration.
	if m := only(t, w.send(w.admin, "/help")); !strings.Contains(m.Text, "/guides") {
		t.Errorf("after leaving, /help: %q", m.Text)
	}
}
