package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 30D: an administrator who joined a team (to try it, as
// join.admin offers) and left it by /leave had every link they had made
// revoked — for any commune or province, those sent to coordinators all
// over the country —, as a member's are: a coordinator's links are their
// team's, but an administrator's are for any unit, and joining or moving
// keeps them (nobody may remove an administrator, for that reason). The
// question said so, as to anyone. Leaving keeps them, and the question
// says so.
func TestReview30DAdminLeavingKeepsTheirLinks(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	elsewhere := w.inviteTo(quyNhon, storage.RoleCoordinator) // made by the admin
	here := w.inviteTo(anHoiTayCode, storage.RoleVolunteer)
	w.send(w.admin, "/start "+w.inviteBy(coord.ID, anHoiTayCode, storage.RoleVolunteer))
	w.press(w.admin, w.vi("join.admin_yes"))
	if u := w.userRow(w.admin); u.CommuneCode.String != anHoiTayCode {
		t.Fatalf("the administrator did not join: %+v", u)
	}
	ask := last(t, w.send(w.admin, "/leave"))
	if strings.Contains(ask.Text, "thu hồi") {
		t.Errorf("an administrator is told their links will be revoked: %q", ask.Text)
	}
	w.press(w.admin, w.vi("leave.yes"))
	if u := w.userRow(w.admin); u.CommuneCode.Valid {
		t.Fatalf("the administrator did not leave: %+v", u)
	}
	for _, code := range []string{elsewhere, here} {
		if inv := w.invite(code); inv.RevokedAt.Valid {
			t.Errorf("the administrator's link …%s (%s) was revoked by their /leave", code[len(code)-4:], inv.CommuneCode.String)
		}
	}

	// A member's own links still go with them.
	vol := w.srv.NewUser("Vy", "vi")
	w.send(vol, "/start "+here)
	pc := w.member("Phúc", storage.RoleProvinceCoordinator, "")
	theirs := w.inviteBy(pc.ID, quyNhon, storage.RoleVolunteer)
	w.send(pc, "/leave")
	w.press(pc, w.vi("leave.yes"))
	if inv := w.invite(theirs); !inv.RevokedAt.Valid {
		t.Errorf("a province coordinator's link outlived their /leave: %+v", inv)
	}
}
