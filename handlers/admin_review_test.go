package handlers_test

// Odd paths of admins' flows, groups and /lang found in review (2026-11-30):
// each test failed before its fix.

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// linkCode is the invite code of the link a message gives.
func linkCode(t *testing.T, m *telegramtest.Message) string {
	t.Helper()
	match := inviteLink.FindStringSubmatch(m.Text)
	if match == nil {
		t.Fatalf("no invite link in %q", m.Text)
	}
	return match[1]
}

// An administrator (ADMIN_TELEGRAM_IDS) who also joined a commune as a
// volunteer is of a coordinator's superiors: no ✕ beside them in that
// commune's /team, and a forged one removes nobody (the coordinator used to
// remove them, revoking every link they had made and giving them a guest's
// menu).
func TestCoordinatorCannotRemoveAnAdministrator(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Điều phối", storage.RoleCoordinator, anHoiTayCode)
	volunteerLink := linkCode(t, only(t, w.send(coord, "/invite")))
	w.send(w.admin, "/start "+volunteerLink) // the admin joins as a volunteer (asked first)
	w.press(w.admin, w.vi("join.admin_yes"))
	drain(coord)

	// The admin's link for Cao Bằng's province coordinator.
	w.send(w.admin, "/invite")
	w.press(w.admin, "Cao Bằng")
	provinceLink := linkCode(t, only(t, w.press(w.admin, w.vi("invite.whole_province"))))

	m := only(t, w.send(coord, "/team"))
	for _, b := range m.Buttons() {
		if strings.Contains(b.Text, "Admin") {
			t.Fatalf("the commune coordinator is offered to remove an administrator: %q", b.Text)
		}
	}
	// A forged press of the ✕ the list does not offer removes nobody.
	w.forge(coord, m.ID, fmt.Sprintf("tm:rm:%d:%d", w.admin.ID, w.convVersion(coord)))
	drain(coord)
	if got := w.userRow(w.admin); got.Role != storage.RoleVolunteer {
		t.Errorf("the administrator's volunteer row became %s", got.Role)
	}

	var revoked sql.NullTime
	if err := w.store.DB().Get(&revoked, `SELECT revoked_at FROM invites WHERE code = $1`, provinceLink); err != nil {
		t.Fatal(err)
	}
	if revoked.Valid {
		t.Errorf("a commune coordinator's removal revoked the admin's province-coordinator link for Cao Bằng")
	}
	if names := menuNames(w, w.admin); !slices.Contains(names, "invite") {
		t.Errorf("the admin's command menu is now a guest's: %v", names)
	}
	if m := only(t, w.send(w.srv.NewUser("Cao Bằng PC", "vi"), "/start "+provinceLink)); m.Text == w.vi("join.revoked") {
		t.Errorf("the admin's province link is refused as revoked")
	}
}

// "/lang english" and "/lang tiếng việt" name languages the bot speaks (only
// the codes "en"/"vi" used to work).
func TestLangByName(t *testing.T) {
	w := newWorld(t)
	u := w.srv.NewUser("Lan", "vi")
	if m := only(t, w.send(u, "/lang english")); m.Text != w.en("lang.changed") {
		t.Errorf("/lang english: %q", m.Text)
	}
	if m := only(t, w.send(u, "/lang tiếng việt")); m.Text != w.vi("lang.changed") {
		t.Errorf("/lang tiếng việt: %q", m.Text)
	}
}

// An old /flags message's "Fixed" button leaves open a flag raised after
// the list was drawn (it used to close it unread).
func TestStaleFlagButtonLeavesAnUnseenFlag(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Cờ")
	w.startBirthCase(u)
	w.press(u, w.vi("case.flag"))
	w.press(u, w.vi("flag.what_button"))
	list := only(t, w.send(w.admin, "/flags")) // one flag on step 1
	done := list.Buttons()[0].Text

	// Later, another report on the same step, with a note the admin has not read.
	w.press(u, w.vi("case.flag"))
	w.press(u, w.vi("flag.what_other"))
	w.send(u, "nút Nộp hồ sơ đã chuyển sang trang sau")

	id, err := w.admin.PressOn(list.ID, done)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(w.admin)
	var open int
	if err := w.store.DB().Get(&open, `SELECT count(*) FROM guide_flags WHERE resolved_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	if open != 1 {
		t.Errorf("the old list's button resolved the flag raised after it was drawn (%d open, want 1); answered %q", open, lastAnswer(t, w.admin))
	}
}

// /guides fits one message however large the catalog (a catalog of ~50
// guides used to pass Telegram's 4,096 characters: the reply was refused
// and the admin got nothing).
func TestGuidesListOfALargerCatalog(t *testing.T) {
	w := newWorld(t)
	var gs []*guides.Guide
	for i := range 3 {
		for _, g := range catalog.All() {
			c := *g
			c.ID = fmt.Sprintf("%s-%d", g.ID, i)
			gs = append(gs, &c)
		}
	}
	w.bot.Stop()
	w.h = handlers.New(w.store, w.texts, guides.NewCatalog(gs...), handlers.WithAdmins(w.admin.ID), handlers.WithBotUsername(w.srv.Bot().Username), handlers.WithTapGuard(0))
	w.bot = bottest.Start(w.t, w.srv, w.store, w.h, bottest.WithSender(bot.WithGlobalRate(1e6, 1e6)))
	if ms := w.send(w.admin, "/guides"); len(ms) == 0 {
		t.Errorf("/guides with %d guides: the admin got no answer", len(gs))
	}
}

// A button press whose message is in a group (Telegram does not forward
// callback buttons, so only a client that forges one gets here) is answered
// and stores nobody (docs/privacy.md); it used to be handled like a private
// one.
func TestGroupCallbackStoresNobody(t *testing.T) {
	w := newWorld(t)
	u := w.srv.NewUser("Nhóm", "vi")
	group := models.Chat{ID: -1001234, Type: models.ChatTypeSupergroup, Title: "Đội hình"}
	id := w.srv.Enqueue(models.Update{CallbackQuery: &models.CallbackQuery{ID: "g1", From: models.User{ID: u.ID, FirstName: "Nhóm"}, Data: "lang:set:en:0",
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage,
			Message: &models.Message{ID: 7, Date: int(time.Now().Unix()), Chat: group}}}})
	w.bot.WaitHandled(t, id)
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM users WHERE telegram_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("a press in a group stored its presser (%d row)", n)
	}
	for _, c := range w.srv.CallsTo("setMyCommands") {
		if strings.Contains(c.Params["scope"], "-1001234") {
			t.Errorf("a press in a group set the group's command menu: %v", c.Params)
		}
	}
}
