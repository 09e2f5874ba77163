package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 30D: the question asked before a link takes someone out of their
// team ("Bạn đang là … của A. Link này mời bạn … của B: … bạn sẽ rời đội
// A") moved them by its "yes" from whatever team they were in when it was
// pressed: asked about A, moved to C by another link since, a press on the
// old question took them out of C without a word of it (an administrator
// asked "Vào đội này" likewise, after joining another team). The question
// is about the team it named: from another, it is asked again, about the
// team they are in now, and nothing moves.
func TestReview30DOldMoveQuestionAsksAgainFromAnotherTeam(t *testing.T) {
	w := newWorld(t)
	toB := w.inviteBy(w.member("Bảo", storage.RoleCoordinator, benThanhCode).ID, benThanhCode, storage.RoleVolunteer)
	toC := w.inviteBy(w.member("Cúc", storage.RoleCoordinator, quyNhon).ID, quyNhon, storage.RoleVolunteer)
	benThanh := "Phường Bến Thành, Thành phố Hồ Chí Minh"

	t.Run("member", func(t *testing.T) {
		vol := w.member("Vy", storage.RoleVolunteer, anHoiTayCode)
		asked := only(t, w.send(vol, "/start "+toB))
		if !strings.Contains(asked.Text, w.vi("join.move_yes")) && !hasButton(asked, w.vi("join.move_yes")) {
			t.Fatalf("/start link of B: %q %v", asked.Text, asked.Buttons())
		}
		w.send(vol, "/start "+toC)
		w.press(vol, w.vi("join.move_yes"))
		if r := w.userRow(vol); r.CommuneCode.String != quyNhon {
			t.Fatalf("not moved to C: %+v", r)
		}
		id, err := vol.PressOn(asked.ID, w.vi("join.move_yes"))
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(vol)
		if r := w.userRow(vol); r.CommuneCode.String != quyNhon {
			t.Fatalf("the old question's yes, asked about Phường An Hội Tây, took them out of Phường Quy Nhơn: now %+v", r)
		}
		want := w.vi("join.move", locales.Data{"Role": w.vi("role.volunteer"), "Unit": quyNhonVi,
			"NewRole": w.vi("role.volunteer"), "NewUnit": benThanh})
		if m := msgByID(t, vol, asked.ID); m.Text != want || !hasButton(m, w.vi("join.move_yes")) {
			t.Fatalf("the old question now says %q %v, want asked again: %q", m.Text, m.Buttons(), want)
		}
		if got := lastAnswer(t, vol); got != w.vi("join.asked_again") {
			t.Errorf("the press asked again was answered %q", got)
		}
		// Asked again, "yes" moves them.
		w.press(vol, w.vi("join.move_yes"))
		if r := w.userRow(vol); r.CommuneCode.String != benThanhCode {
			t.Errorf("yes to the question asked again: %+v", r)
		}
	})
	t.Run("asked before review 30D", func(t *testing.T) {
		// A question asked before its buttons named the team (code only):
		// asked again, one tap more, rather than answered blind.
		vol := w.member("Vinh", storage.RoleVolunteer, anHoiTayCode)
		asked := only(t, w.send(vol, "/start "+toB))
		id, err := vol.PressData(asked.ID, "jn:move:"+toB+":0")
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(vol)
		if r := w.userRow(vol); r.CommuneCode.String != anHoiTayCode {
			t.Fatalf("an old question's yes moved them unasked: %+v", r)
		}
		if m := msgByID(t, vol, asked.ID); !hasButton(m, w.vi("join.move_yes")) {
			t.Fatalf("the old question now says %q %v, want asked again", m.Text, m.Buttons())
		}
		w.press(vol, w.vi("join.move_yes"))
		if r := w.userRow(vol); r.CommuneCode.String != benThanhCode {
			t.Errorf("yes to the question asked again: %+v", r)
		}
	})
	t.Run("removed since", func(t *testing.T) {
		// In no team now: the link takes them, as opened again would.
		vol := w.member("Vân", storage.RoleVolunteer, anHoiTayCode)
		asked := only(t, w.send(vol, "/start "+toB))
		w.removeMember(vol)
		answered := len(vol.Answers())
		id, err := vol.PressOn(asked.ID, w.vi("join.move_yes"))
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(vol)
		if r := w.userRow(vol); r.CommuneCode.String != benThanhCode {
			t.Fatalf("yes, pressed once in no team: %+v", r)
		}
		for _, a := range vol.Answers()[answered:] {
			if a.Text == w.vi("join.asked_again") {
				t.Errorf("joined, the press was answered %q", a.Text)
			}
		}
	})
	t.Run("admin", func(t *testing.T) {
		var asked *telegramtest.Message
		for _, m := range w.send(w.admin, "/start "+toB) {
			if hasButton(m, w.vi("join.admin_yes")) {
				asked = m
			}
		}
		if asked == nil {
			t.Fatal("an admin's /start link of B: no question")
		}
		w.send(w.admin, "/start "+toC)
		w.press(w.admin, w.vi("join.admin_yes"))
		if r := w.userRow(w.admin); r.CommuneCode.String != quyNhon {
			t.Fatalf("the admin did not join C: %+v", r)
		}
		id, err := w.admin.PressOn(asked.ID, w.vi("join.admin_yes"))
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(w.admin)
		if r := w.userRow(w.admin); r.CommuneCode.String != quyNhon {
			t.Fatalf("the old question's yes, asked of an admin in no team, took them out of Phường Quy Nhơn: now %+v", r)
		}
		if m := msgByID(t, w.admin, asked.ID); !hasButton(m, w.vi("join.move_yes")) {
			t.Fatalf("the old question now says %q %v, want asked whether to leave Phường Quy Nhơn", m.Text, m.Buttons())
		}
	})
}
