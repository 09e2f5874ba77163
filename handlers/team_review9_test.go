package handlers_test

// A team's members moving to another team, and a member removed while they
// had blocked the bot (review, 2026-11-30, second round). Each test failed
// before its fix.

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

const anHoiTayVi = "Phường An Hội Tây, Thành phố Hồ Chí Minh"

// inviteBy makes an invite to a commune's team as if by, straight in the
// database, and returns its code.
func (w *world) inviteBy(by int64, commune, role string) string {
	w.t.Helper()
	ctx := context.Background()
	var code string
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		inv, err := tx.CreateInvite(ctx, commune, role, by, time.Now().Add(24*time.Hour), 5)
		code = inv.Code
		return err
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return code
}

// A coordinator who moves to another commune's team (accepting its invite)
// had their unused links for the commune they left keep working: whoever
// opened one later joined that team, and the coordinator, now of another
// commune, was still told who joined. The links were made as that
// commune's coordinator: the move revokes them, as a removal does, and the
// mover is told so. An administrator who joins a team keeps theirs (they
// are for any unit).
func TestMovingCoordinatorsLinksAreRevoked(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	old := linkCode(t, only(t, w.send(coord, "/invite")))
	adminLink := w.inviteTo("26882", storage.RoleVolunteer)

	code := w.inviteTo(quyNhon, storage.RoleCoordinator)
	only(t, w.send(coord, "/start "+code))
	m := only(t, w.press(coord, w.vi("join.move_yes")))
	want := w.vi("join.welcome", locales.Data{"Unit": quyNhonVi, "Role": w.vi("role.coordinator")}) +
		"\n\n" + w.texts.For("vi").N("join.links_revoked", 1, locales.Data{"Count": 1})
	if m.Text != want {
		t.Fatalf("the mover was answered %q, want %q", m.Text, want)
	}

	guest := w.srv.NewUser("Lan", "vi")
	if m := only(t, w.send(guest, "/start "+old)); m.Text != w.vi("join.revoked") {
		t.Fatalf("the moved coordinator's old link answered %q, want it revoked", m.Text)
	}
	if role := w.storedRole(guest); role != storage.RoleGuest {
		t.Fatalf("the old link still made someone a %s of the commune left", role)
	}
	for _, m := range drain(coord) {
		if strings.Contains(m.Text, "Lan") {
			t.Fatalf("the moved coordinator was told of a join to the team they left: %q", m.Text)
		}
	}

	// An administrator's links are not theirs as a team's coordinator: they
	// stay when the administrator joins a team.
	drain(w.admin)
	only(t, w.send(w.admin, "/start "+w.inviteBy(coord.ID, quyNhon, storage.RoleVolunteer)))
	m = only(t, w.press(w.admin, w.vi("join.admin_yes")))
	if m.Text != w.vi("join.welcome", locales.Data{"Unit": quyNhonVi, "Role": w.vi("role.volunteer")}) {
		t.Fatalf("the administrator joining was answered %q", m.Text)
	}
	other := w.srv.NewUser("Hoa", "vi")
	if m := only(t, w.send(other, "/start "+adminLink)); m.Text != w.vi("join.welcome", locales.Data{"Unit": anHoiTayVi, "Role": w.vi("role.volunteer")}) {
		t.Fatalf("the administrator's link stopped working when they joined a team: %q", m.Text)
	}
}

// A commune's coordinators were told when someone joined their team, never
// when one of their members moved to another: the member was gone from
// /team with no word. Each is told now, in their own language; the member
// who moved is not told about themselves.
func TestCoordinatorsAreToldWhenAMemberMoves(t *testing.T) {
	w := newWorld(t)
	viCoord := w.member("Cường", storage.RoleCoordinator, "26882")
	enCoord := w.member("Dung", storage.RoleCoordinator, "26882")
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error { return tx.SetLanguage(ctx, enCoord.ID, "en") }); err != nil {
		t.Fatal(err)
	}
	elsewhere := w.member("Em", storage.RoleCoordinator, quyNhonBac)
	vol := w.member("Minh", storage.RoleVolunteer, "26882")

	only(t, w.send(vol, "/start "+w.inviteTo(quyNhon, storage.RoleVolunteer)))
	w.press(vol, w.vi("join.move_yes"))

	wantVi := w.vi("invite.left_notice", locales.Data{"Name": "Minh", "Role": w.vi("role.volunteer"), "Unit": anHoiTayVi,
		"NewRole": w.vi("role.volunteer"), "NewUnit": quyNhonVi})
	if told := drain(viCoord); len(told) != 1 || told[0].Text != wantVi {
		t.Fatalf("the commune's coordinator was told %+v, want %q", told, wantVi)
	}
	told := drain(enCoord)
	if len(told) != 1 || !strings.HasPrefix(told[0].Text, "Minh (volunteer) has left the ") {
		t.Fatalf("the English-speaking coordinator was told %+v", told)
	}
	if told := drain(elsewhere); len(told) != 0 {
		t.Fatalf("another commune's coordinator was told: %+v", told)
	}

	// A coordinator who moves: the commune's other coordinator is told,
	// the mover is not told about themselves.
	drain(vol)
	only(t, w.send(enCoord, "/start "+w.inviteTo(quyNhon, storage.RoleCoordinator)))
	w.press(enCoord, w.en("join.move_yes"))
	if told := drain(viCoord); len(told) != 1 || !strings.HasPrefix(told[0].Text, "Dung ("+w.vi("role.coordinator")+")") {
		t.Fatalf("the other coordinator was told %+v", told)
	}
	for _, m := range drain(enCoord) {
		if strings.Contains(m.Text, "Dung (") {
			t.Fatalf("the mover was told about themselves: %q", m.Text)
		}
	}
}

// A volunteer removed while they had blocked the bot never learned it: the
// removal's notice was refused and dropped, and when they came back /start
// greeted them as someone who had never joined a team ("Bạn chưa tham gia
// đội nào"), their unfinished case unmentioned. /start now says they were
// removed, and when, with their unfinished cases, in their language.
func TestRemovedWhileBlockedIsToldOnReturn(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	vol := w.volunteer("Vắng")
	w.startBirthCase(vol)
	w.send(vol, "/lang en")
	drain(vol)
	w.bot.WaitHandled(t, vol.Block())

	w.send(coord, "/team")
	w.press(coord, "✕ 2. Vắng")
	w.press(coord, w.vi("team.remove_yes"))
	if got := drain(vol); len(got) != 0 {
		t.Fatalf("a chat that blocked the bot received %+v", got)
	}

	w.bot.WaitHandled(t, vol.Unblock())
	m := w.send(vol, "/start")
	if len(m) == 0 {
		t.Fatal("no answer to /start")
	}
	today := w.texts.For("en").Date(time.Now().In(time.FixedZone("ICT", 7*3600)))
	want := w.en("start.removed", locales.Data{"Name": "Vắng", "Date": today}) + "\n\n" +
		w.texts.For("en").N("team.removed_unfinished", 1, locales.Data{"Count": 1})
	if m[0].Text != want {
		t.Fatalf("back after being removed, /start said:\n%q\nwant %q", m[0].Text, want)
	}

	// A guest never in a team is greeted as before.
	guest := w.srv.NewUser("Mới", "vi")
	if m := w.send(guest, "/start"); len(m) == 0 || m[0].Text != w.vi("start.guest", locales.Data{"Name": "Mới"}) {
		t.Fatalf("a new guest was greeted %+v", m)
	}
	// Invited again, they are a member: /start says so.
	code := w.inviteTo("26882", storage.RoleVolunteer)
	w.send(vol, "/start "+code)
	if m := w.send(vol, "/start"); len(m) == 0 || !strings.Contains(m[0].Text, "Phường An Hội Tây") {
		t.Fatalf("invited again, /start said %+v", m)
	}
}
