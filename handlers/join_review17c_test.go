package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// "Chuyển sang đội mới" then, quickly, "Ở lại đội hiện tại" (a slow
// connection: both buttons were still on screen): the first moved them,
// the second replaced the welcome with "you are still a volunteer of
// <the new team>. The invite link was not used" — it was. The welcome
// stays, and the second tap is answered that they are in the new team.
func TestJoinMoveThenStayKeepsTheWelcome(t *testing.T) {
	w := newWorld(t)
	w.member("An", storage.RoleCoordinator, anHoiTayCode)
	coordB := w.member("Bảo", storage.RoleCoordinator, benThanhCode)
	vol := w.member("Vy", storage.RoleVolunteer, anHoiTayCode)
	link := w.inviteBy(coordB.ID, benThanhCode, storage.RoleVolunteer)
	q := only(t, w.send(vol, "/start "+link))

	p1, _ := vol.PressOn(q.ID, w.vi("join.move_yes"))
	p2, err := vol.PressOn(q.ID, w.vi("join.move_no"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, p1, p2)
	unit := "Phường Bến Thành, Thành phố Hồ Chí Minh"
	if got := lastAnswer(t, vol); got != w.vi("join.already", locales.Data{"Role": w.vi("role.volunteer"), "Unit": unit}) {
		t.Errorf("the tap on stay answered %q", got)
	}
	var shown string
	for _, m := range vol.Messages() {
		if m.ID == q.ID {
			shown = m.Text
		}
	}
	if want := w.vi("join.welcome", locales.Data{"Unit": unit, "Role": w.vi("role.volunteer")}); shown != want {
		t.Fatalf("after move then stay the question shows %q, want the welcome", shown)
	}
	if got := w.userRow(vol); got.CommuneCode.String != benThanhCode {
		t.Fatalf("not moved: %s", got.CommuneCode.String)
	}
}

// A stay pressed on its own still says the link was not used.
func TestJoinStayAloneSaysNotUsed(t *testing.T) {
	w := newWorld(t)
	coordB := w.member("Bảo", storage.RoleCoordinator, benThanhCode)
	vol := w.member("Vy", storage.RoleVolunteer, anHoiTayCode)
	link := w.inviteBy(coordB.ID, benThanhCode, storage.RoleVolunteer)
	w.send(vol, "/start "+link)
	m := only(t, w.press(vol, w.vi("join.move_no")))
	if want := w.vi("join.stayed", locales.Data{"Role": w.vi("role.volunteer"), "Unit": anHoiTayVi}); m.Text != want {
		t.Fatalf("stay: %q, want %q", m.Text, want)
	}
}

// A link an administrator sent that expired, was used up or revoked told
// its user to ask "your coordinator" for a new one: someone invited by an
// administrator (a province's first coordinator) has none. The answer
// says to ask whoever sent the link.
func TestDeadAdminLinkSaysAskWhoSentIt(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	var expired, usedUp, revoked string
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		inv, err := tx.CreateInvite(ctx, anHoiTayCode, storage.RoleCoordinator, w.admin.ID, time.Now().Add(-time.Hour), 5)
		expired = inv.Code
		if err != nil {
			return err
		}
		if inv, err = tx.CreateInvite(ctx, anHoiTayCode, storage.RoleCoordinator, w.admin.ID, time.Now().Add(time.Hour), 1); err != nil {
			return err
		}
		usedUp = inv.Code
		if inv, err = tx.CreateInvite(ctx, anHoiTayCode, storage.RoleCoordinator, w.admin.ID, time.Now().Add(time.Hour), 5); err != nil {
			return err
		}
		revoked = inv.Code
		_, err = tx.RevokeInvite(ctx, revoked, time.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.DB().Exec(`UPDATE invites SET uses = max_uses WHERE code = $1`, usedUp); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"vi", "en"} {
		guest := w.srv.NewUser("Lan", lang)
		if lang == "en" {
			w.send(guest, "/lang en")
		}
		for _, tc := range []struct{ code, key string }{{expired, "join.expired"}, {usedUp, "join.used_up"}, {revoked, "join.revoked"}} {
			m := only(t, w.send(guest, "/start "+tc.code))
			if want := w.texts.For(lang).T(tc.key); m.Text != want {
				t.Fatalf("%s %s: %q, want %q", lang, tc.key, m.Text, want)
			}
			if strings.Contains(m.Text, "điều phối viên") || strings.Contains(m.Text, "coordinator") {
				t.Errorf("%s %s names a coordinator: %q", lang, tc.key, m.Text)
			}
		}
	}
}
