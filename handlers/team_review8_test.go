package handlers_test

// The team's lifecycle from an admin's and a coordinator's seat (review,
// 2026-11-30): invites opened by someone already in a team, members removed
// with cases left open. Each test failed before its fix.

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// inviteTo makes an invite to a commune's team as the admin, straight in
// the database, and returns its code.
func (w *world) inviteTo(commune, role string) string {
	w.t.Helper()
	ctx := context.Background()
	var code string
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		inv, err := tx.CreateInvite(ctx, commune, role, w.admin.ID, time.Now().Add(24*time.Hour), 5)
		code = inv.Code
		return err
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return code
}

// usesOf is how many times an invite was used.
func (w *world) usesOf(code string) int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT uses FROM invites WHERE code = $1`, code); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// storedRole is u's role as stored: a guest when the bot keeps no row.
func (w *world) storedRole(u *telegramtest.User) string {
	w.t.Helper()
	role := storage.RoleGuest
	if err := w.store.DB().Get(&role, `SELECT role FROM users WHERE telegram_id = $1`, u.ID); err != nil && !errors.Is(err, sql.ErrNoRows) {
		w.t.Fatal(err)
	}
	return role
}

// A member of one team who opens a link to another commune's team (a link
// forwarded in a district's group chat) is asked first: opening it used to
// move them out of their team at once, with no word of the team they left
// — a commune lost its only coordinator by a tap. "Stay" keeps them where
// they are and the link unused; "move" moves them.
func TestJoinAnotherTeamAsksFirst(t *testing.T) {
	w := newWorld(t)
	const anHoiTay = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	for _, tc := range []struct {
		name, role string
		member     func(name string) *telegramtest.User
	}{
		{"volunteer", storage.RoleVolunteer, w.volunteer},
		{"coordinator", storage.RoleCoordinator, func(name string) *telegramtest.User {
			return w.member(name, storage.RoleCoordinator, "26882")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.member("Chuyển " + tc.name)
			code := w.inviteTo(quyNhon, tc.role)
			ask := only(t, w.send(u, "/start "+code))
			want := w.vi("join.move", locales.Data{"Role": w.vi("role." + tc.role), "Unit": anHoiTay,
				"NewRole": w.vi("role." + tc.role), "NewUnit": quyNhonVi})
			if ask.Text != want || !hasButton(ask, w.vi("join.move_yes")) || !hasButton(ask, w.vi("join.move_no")) {
				t.Fatalf("a member of another team opening a link was not asked first:\n%q %+v\nwant %q", ask.Text, ask.Buttons(), want)
			}
			if row := w.userRow(u); row.CommuneCode.String != "26882" || row.Role != tc.role || w.usesOf(code) != 0 {
				t.Fatalf("asked, yet moved already: %+v, uses %d", row, w.usesOf(code))
			}
			drain(w.admin)

			// Stay: nothing changes, the link is not spent.
			m := only(t, w.press(u, w.vi("join.move_no")))
			if !m.Edited || m.Text != w.vi("join.stayed", locales.Data{"Role": w.vi("role." + tc.role), "Unit": anHoiTay}) {
				t.Fatalf("staying answered %q (edited %v)", m.Text, m.Edited)
			}
			if row := w.userRow(u); row.CommuneCode.String != "26882" || w.usesOf(code) != 0 {
				t.Fatalf("staying moved them: %+v, uses %d", row, w.usesOf(code))
			}
			if told := drain(w.admin); len(told) != 0 {
				t.Fatalf("the inviter was told of a join that did not happen: %+v", told)
			}

			// Asked again, they move.
			only(t, w.send(u, "/start "+code))
			m = only(t, w.press(u, w.vi("join.move_yes")))
			if !m.Edited || m.Text != w.vi("join.welcome", locales.Data{"Unit": quyNhonVi, "Role": w.vi("role." + tc.role)}) {
				t.Fatalf("moving answered %q (edited %v)", m.Text, m.Edited)
			}
			if row := w.userRow(u); row.CommuneCode.String != quyNhon || row.Role != tc.role || w.usesOf(code) != 1 {
				t.Fatalf("moving did not move them: %+v, uses %d", row, w.usesOf(code))
			}
			if told := drain(w.admin); len(told) != 1 || !strings.Contains(told[0].Text, "Chuyển "+tc.name) {
				t.Fatalf("the inviter was not told: %+v", told)
			}
			// The question's button again (a double tap): they are in that team already.
			var yes string
			for _, b := range ask.Buttons() {
				if b.Text == w.vi("join.move_yes") {
					yes = b.CallbackData
				}
			}
			w.forgeAnswer(u, m.ID, yes)
			if w.usesOf(code) != 1 {
				t.Fatalf("a second tap used the link again: %d uses", w.usesOf(code))
			}
		})
	}
}

// A guest, or a volunteer promoted within their own commune, is not asked:
// there is no team to leave.
func TestJoinWithoutATeamToLeaveIsNotAsked(t *testing.T) {
	w := newWorld(t)
	guest := w.srv.NewUser("Mới", "vi")
	code := w.inviteTo(quyNhon, storage.RoleVolunteer)
	if m := only(t, w.send(guest, "/start "+code)); m.Text != w.vi("join.welcome", locales.Data{"Unit": quyNhonVi, "Role": w.vi("role.volunteer")}) {
		t.Fatalf("a guest opening a link: %q", m.Text)
	}
	vol := w.member("Lên", storage.RoleVolunteer, quyNhon)
	code = w.inviteTo(quyNhon, storage.RoleCoordinator)
	if m := only(t, w.send(vol, "/start "+code)); m.Text != w.vi("join.welcome", locales.Data{"Unit": quyNhonVi, "Role": w.vi("role.coordinator")}) {
		t.Fatalf("a volunteer promoted in their commune: %q", m.Text)
	}
}

// A coordinator about to remove a volunteer who left cases open or paused
// is told so on the confirmation: once removed, the volunteer can close
// none of them (their buttons and /resume refuse), so they stay among the
// tally's "not counted yet" for good unless the volunteer is invited again.
// The confirmation used to say only that their cases "stay in the figures".
func TestRemoveWarnsOfUnfinishedCases(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	vol := w.volunteer("Dở")
	w.startBirthCase(vol)
	w.startBirthCase(vol) // the first is paused, the second open
	only(t, w.send(coord, "/team"))
	m := only(t, w.press(coord, "✕ 2. Dở"))
	warning := w.texts.For("vi").N("team.remove_unfinished", 2, locales.Data{"Name": "Dở", "Count": 2})
	if !strings.Contains(m.Text, warning) {
		t.Fatalf("the confirmation does not say the volunteer left 2 cases unfinished:\n%s\nwant it to contain %q", m.Text, warning)
	}
	w.press(coord, w.vi("team.remove_yes"))
	// What the tally says afterwards is the same two cases, still unfinished.
	ctx := context.Background()
	var open int
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		var err error
		open, err = tx.CountOpenCases(ctx, vol.ID)
		return err
	}); err != nil || open != 2 {
		t.Fatalf("after the removal: %d cases open or paused (%v), want 2", open, err)
	}
	// The removed volunteer's /resume refuses, as the warning said.
	drain(vol) // the removal's notice
	if m := only(t, w.send(vol, "/resume")); m.Text != w.vi("case.not_member") {
		t.Fatalf("a removed volunteer's /resume: %q", m.Text)
	}
	// Invited again (a link made since), they find both cases to close.
	code := w.inviteTo("26882", storage.RoleVolunteer)
	w.send(vol, "/start "+code)
	if m := last(t, w.send(vol, "/resume")); !strings.HasPrefix(m.Text, w.vi("resume.head")) || len(m.Buttons()) < 2 {
		t.Fatalf("invited again, their /resume does not offer the two cases: %q %+v", m.Text, m.Buttons())
	}
}

// A volunteer removed while helping a resident (a case on their screen)
// is told what became of their unfinished cases: kept, paused, not counted,
// and taken up again with /resume if they are invited again. They used to
// be told only that they were no longer in the team, and the case's
// buttons then answered "this button belongs to something finished".
func TestRemovedMidCaseIsToldOfTheirCases(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	vol := w.volunteer("Dở")
	w.startBirthCase(vol)
	w.send(vol, "/lang en") // the notice is in their language
	drain(vol)
	w.send(coord, "/team")
	w.press(coord, "✕ 2. Dở")
	w.press(coord, w.vi("team.remove_yes"))
	told := drain(vol)
	want := w.en("team.removed_notice", locales.Data{"Unit": "Phường An Hội Tây, Thành phố Hồ Chí Minh"}) + "\n\n" +
		w.texts.For("en").N("team.removed_unfinished", 1, locales.Data{"Count": 1})
	if len(told) == 0 || told[0].Text != want {
		t.Fatalf("the removed volunteer was told:\n%+v\nwant %q", told, want)
	}
}

// An administrator who opens a team's invite link (to check it, or a link
// forwarded to them) is asked before joining: they used to join at once,
// spending one of the link's uses (a coordinator's link has one), and then
// stood in the commune's /team for good — no coordinator may remove an
// administrator, and nobody removes themselves.
func TestAdminOpeningALinkIsAskedFirst(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	code := linkCode(t, only(t, w.send(coord, "/invite")))
	const anHoiTay = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	ask := only(t, w.send(w.admin, "/start "+code))
	want := w.vi("join.admin", locales.Data{"NewRole": w.vi("role.volunteer"), "NewUnit": anHoiTay})
	if ask.Text != want || !hasButton(ask, w.vi("join.admin_yes")) || !hasButton(ask, w.vi("join.admin_no")) {
		t.Fatalf("an admin opening a link was not asked first:\n%q %+v\nwant %q", ask.Text, ask.Buttons(), want)
	}
	if role := w.storedRole(w.admin); role != storage.RoleGuest || w.usesOf(code) != 0 {
		t.Fatalf("asked, yet joined already: %s, uses %d", role, w.usesOf(code))
	}
	if told := drain(coord); len(told) != 0 {
		t.Fatalf("the coordinator was told of a join that did not happen: %+v", told)
	}
	m := only(t, w.press(w.admin, w.vi("join.admin_no")))
	if !m.Edited || m.Text != w.vi("join.not_used") {
		t.Fatalf("not joining answered %q (edited %v)", m.Text, m.Edited)
	}
	if role := w.storedRole(w.admin); role != storage.RoleGuest || w.usesOf(code) != 0 {
		t.Fatalf("not joining joined: %s, uses %d", role, w.usesOf(code))
	}
	// Meant: they join, and the coordinator is told.
	only(t, w.send(w.admin, "/start "+code))
	m = only(t, w.press(w.admin, w.vi("join.admin_yes")))
	if m.Text != w.vi("join.welcome", locales.Data{"Unit": anHoiTay, "Role": w.vi("role.volunteer")}) {
		t.Fatalf("joining answered %q", m.Text)
	}
	if row := w.userRow(w.admin); row.Role != storage.RoleVolunteer || w.usesOf(code) != 1 {
		t.Fatalf("joining did not join: %+v, uses %d", row, w.usesOf(code))
	}
	if told := drain(coord); len(told) != 1 {
		t.Fatalf("the coordinator was not told: %+v", told)
	}
	// Their menu is still an administrator's.
	if names := menuNames(w, w.admin); !strings.Contains(strings.Join(names, " "), "invite") {
		t.Errorf("the admin's menu after joining: %v", names)
	}
}

// With two administrators, one who joined a commune as a volunteer is
// listed in the other's /team with no ✕: removing an administrator is
// refused (their links would all be revoked), and the button used to be
// offered anyway, answering every press "no longer in the team, or you
// cannot remove them".
func TestNoRemoveButtonBesideAnotherAdministrator(t *testing.T) {
	w := newWorld(t)
	second := w.srv.NewUser("Quản trị 2", "vi")
	w.bot.Stop()
	w.h = handlers.New(w.store, w.texts, catalog, handlers.WithAdmins(w.admin.ID, second.ID), handlers.WithBotUsername(w.srv.Bot().Username), handlers.WithTapGuard(0))
	w.bot = bottest.Start(t, w.srv, w.store, w.h, bottest.WithSender(bot.WithGlobalRate(1e6, 1e6)))

	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	code := linkCode(t, only(t, w.send(coord, "/invite")))
	w.send(second, "/start "+code)
	w.press(second, w.vi("join.admin_yes"))
	w.member("Vân", storage.RoleVolunteer, "26882")

	w.send(w.admin, "/team")
	m := only(t, w.press(w.admin, "Thành phố Hồ Chí Minh"))
	if !strings.Contains(m.Text, "Quản trị 2 – "+w.vi("role.volunteer")) {
		t.Fatalf("the second administrator is not listed as a volunteer:\n%s", m.Text)
	}
	for _, b := range m.Buttons() {
		if strings.Contains(b.Text, "Quản trị 2") {
			t.Fatalf("an administrator is offered to remove another administrator: %q", b.Text)
		}
	}
	if !hasButton(m, "✕ 3. Vân") && !hasButton(m, "✕ 2. Vân") {
		t.Fatalf("the other members keep their ✕: %+v", m.Buttons())
	}
}

// A commune typed in the invite flow that is not of the province on
// screen: a province coordinator is told it is outside their province (they
// used to be told nothing matched, and to "type fewer letters", which
// cannot help); an admin, who may invite anywhere, gets it found.
func TestInviteSearchOutsideTheProvince(t *testing.T) {
	w := newWorld(t)
	pc := w.member("Hà", storage.RoleProvinceCoordinator, "")
	w.send(pc, "/invite")
	m := only(t, fresh(w.send(pc, "hoan kiem")))
	want := w.vi("invite.outside_province", locales.Data{"Query": "hoan kiem", "Province": "Gia Lai"})
	if !strings.HasPrefix(m.Text, want) {
		t.Fatalf("a province coordinator typing a commune of another province was told:\n%s\nwant it to start with %q", m.Text, want)
	}
	if hasButton(m, "Phường Hoàn Kiếm, Thành phố Hà Nội") {
		t.Fatalf("a province coordinator is offered a commune of another province: %+v", m.Buttons())
	}
	// A text that finds a commune only loosely is still "nothing found".
	if m := only(t, fresh(w.send(pc, "xyz qua"))); !strings.HasPrefix(m.Text, w.vi("invite.no_results", locales.Data{"Query": "xyz qua"})) {
		t.Fatalf("a text that names no commune: %q", m.Text)
	}

	w.send(w.admin, "/invite")
	w.press(w.admin, "Gia Lai")
	m = only(t, fresh(w.send(w.admin, "hoan kiem")))
	if !hasButton(m, "Phường Hoàn Kiếm, Thành phố Hà Nội") {
		t.Fatalf("an admin typing a commune of another province than the one chosen: %q %+v", m.Text, m.Buttons())
	}
	w.press(w.admin, "Phường Hoàn Kiếm, Thành phố Hà Nội")
	if m := only(t, w.press(w.admin, w.vi("invite.role_volunteer"))); !strings.Contains(m.Text, "Phường Hoàn Kiếm, Thành phố Hà Nội") || inviteLink.FindString(m.Text) == "" {
		t.Fatalf("the admin's link for Hoàn Kiếm: %q", m.Text)
	}
}

// A volunteer removed while their case waits only for its dossier code
// (its outcome chosen): the removal closes that case, as leaving it
// anywhere does, and it counts. The confirmation does not call it a case
// left unfinished for good, nor does the volunteer's notice.
func TestRemoveAtTheDossierCodeIsNoUnfinishedCase(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	vol := w.volunteer("Mã")
	w.toOutcome(vol, "khai-sinh", true)
	w.press(vol, w.vi("outcome.submitted")) // the code is asked now
	w.send(coord, "/team")
	m := only(t, w.press(coord, "✕ 2. Mã"))
	if strings.Contains(m.Text, "⏸") {
		t.Fatalf("the confirmation calls a case about to close unfinished:\n%s", m.Text)
	}
	w.press(coord, w.vi("team.remove_yes"))
	c, _ := w.lastCase(vol)
	if c.Status != storage.CaseClosed {
		t.Fatalf("the case at its dossier code is %s after the removal, want closed", c.Status)
	}
	if told := drain(vol); len(told) == 0 || strings.Contains(told[0].Text, "⏸") {
		t.Fatalf("the removed volunteer was told: %+v", told)
	}
}
