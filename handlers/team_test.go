package handlers_test

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Gia Lai (52), which Bình Định merged into, and some of its communes.
const (
	giaLai     = "52"
	quyNhon    = "21583"
	quyNhonBac = "21553"
	quyNhonVi  = "Phường Quy Nhơn, Gia Lai"
)

// member makes someone a member of a unit directly in the database: a
// commune's, or a province's coordinator when commune is empty.
func (w *world) member(name, role, commune string) *telegramtest.User {
	w.t.Helper()
	u := w.srv.NewUser(name, "vi")
	ctx := context.Background()
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		if role == storage.RoleProvinceCoordinator {
			return tx.SetProvinceMembership(ctx, u.ID, name, giaLai)
		}
		return tx.SetMembership(ctx, u.ID, name, commune, role)
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return u
}

// versionOf is the version of a chat's conversation: what a forged press
// puts in its data to pass for a current button.
func (w *world) versionOf(u *telegramtest.User) string {
	w.t.Helper()
	var v int
	if err := w.store.DB().Get(&v, `SELECT version FROM conversations WHERE chat_id = $1`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return strconv.Itoa(v)
}

// removeMember takes u out of their team as /team's ✕ does.
func (w *world) removeMember(u *telegramtest.User) {
	w.t.Helper()
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		m, err := tx.User(ctx, u.ID)
		if err != nil {
			return err
		}
		_, err = tx.RemoveMember(ctx, m)
		return err
	}); err != nil {
		w.t.Fatal(err)
	}
}

// forgeAnswer presses a button with made-up data on message id and returns how the
// press was answered.
func (w *world) forgeAnswer(u *telegramtest.User, msg int, data string) string {
	w.t.Helper()
	id, err := u.PressData(msg, data)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, id)
	drain(u)
	return lastAnswer(w.t, u)
}

func (w *world) userRow(u *telegramtest.User) storage.User {
	w.t.Helper()
	var got storage.User
	ctx := context.Background()
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		var err error
		got, err = tx.User(ctx, u.ID)
		return err
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return got
}

func menuNames(w *world, u *telegramtest.User) []string {
	var names []string
	for _, c := range w.srv.Commands("chat:"+strconv.FormatInt(u.ID, 10), "") {
		names = append(names, c.Command)
	}
	return names
}

func TestProvinceCoordinatorInvitesWithinTheirProvince(t *testing.T) {
	w := newWorld(t)
	// An admin: a province, then the whole province.
	w.send(w.admin, "/invite")
	m := only(t, w.press(w.admin, "Gia Lai"))
	if !hasButton(m, w.vi("invite.whole_province")) {
		t.Fatalf("no whole-province choice for an admin: %+v", m.Buttons())
	}
	m = only(t, w.press(w.admin, w.vi("invite.whole_province")))
	match := inviteLink.FindStringSubmatch(m.Text)
	if match == nil || !strings.HasPrefix(m.Text, w.vi("invite.created", locales.Data{"Unit": "Gia Lai", "Role": w.vi("role.province_coordinator")})[:60]) {
		t.Fatalf("province invite: %q", m.Text)
	}
	pc := w.srv.NewUser("Hà", "vi")
	if m := only(t, w.send(pc, "/start "+match[1])); m.Text != w.vi("join.welcome", locales.Data{"Unit": "Gia Lai", "Role": w.vi("role.province_coordinator")}) {
		t.Fatalf("joining as province coordinator: %q", m.Text)
	}
	if notice := drain(w.admin); len(notice) != 1 || !strings.Contains(notice[0].Text, "Hà") {
		t.Fatalf("the admin was not told: %+v", notice)
	}
	if u := w.userRow(pc); u.Role != storage.RoleProvinceCoordinator || u.ProvinceCode.String != giaLai || u.CommuneCode.Valid {
		t.Fatalf("province coordinator row: %+v", u)
	}
	if got := strings.Join(menuNames(w, pc), " "); got != "new resume team tally me invite digest start help lang cancel" {
		t.Fatalf("province coordinator's menu: %s", got)
	}
	if m := only(t, w.send(pc, "/help")); m.Text != w.vi("help.province_coordinator") {
		t.Fatalf("/help: %q", m.Text)
	}
	if m := only(t, w.send(pc, "/start")); m.Text != w.vi("start.member", locales.Data{"Name": "Hà", "Role": w.vi("role.province_coordinator"), "Unit": "Gia Lai"}) {
		t.Fatalf("/start: %q", m.Text)
	}

	// Their /invite starts at their own province's communes, with no way out of it.
	m = only(t, w.send(pc, "/invite"))
	if !strings.HasPrefix(m.Text, "Gia Lai – ") || hasButton(m, w.vi("invite.whole_province")) || hasButton(m, w.vi("button.back")) {
		t.Fatalf("a province coordinator's /invite: %q %+v", m.Text, m.Buttons())
	}
	for _, b := range m.Buttons() {
		if code, ok := strings.CutPrefix(b.CallbackData, "inv:commune:"); ok {
			var province string
			if err := w.store.DB().Get(&province, `SELECT province_code FROM communes WHERE code = $1`, strings.Split(code, ":")[0]); err != nil || province != giaLai {
				t.Fatalf("button %q is a commune of %q (%v)", b.Text, province, err)
			}
		}
	}
	w.send(pc, "quy nhon")
	w.press(pc, quyNhonVi)
	m = only(t, w.press(pc, w.vi("invite.role_coordinator")))
	match = inviteLink.FindStringSubmatch(m.Text)
	if match == nil || !strings.Contains(m.Text, quyNhonVi) || !strings.Contains(m.Text, w.vi("role.coordinator")) {
		t.Fatalf("coordinator invite by a province coordinator: %q", m.Text)
	}
	coord := w.srv.NewUser("Cường", "vi")
	if m := only(t, w.send(coord, "/start "+match[1])); m.Text != w.vi("join.welcome", locales.Data{"Unit": quyNhonVi, "Role": w.vi("role.coordinator")}) {
		t.Fatalf("joining as coordinator: %q", m.Text)
	}
	if u := w.userRow(coord); u.Role != storage.RoleCoordinator || u.CommuneCode.String != quyNhon || u.ProvinceCode.Valid {
		t.Fatalf("coordinator row: %+v", u)
	}
	if notice := drain(pc); len(notice) != 1 || !strings.Contains(notice[0].Text, "Cường") {
		t.Fatalf("the province coordinator was not told: %+v", notice)
	}
	// A commune coordinator still gets a volunteer link of their commune at once.
	if m := only(t, w.send(coord, "/invite")); !strings.Contains(m.Text, quyNhonVi) || !strings.Contains(m.Text, w.vi("role.volunteer")) {
		t.Fatalf("commune coordinator's /invite: %q", m.Text)
	}

	// Another province: not by typed name (old or new), not by forged data.
	m = only(t, w.send(pc, "/invite"))
	for _, name := range []string{"an hoi tay", "phuong 12 go vap"} {
		got := only(t, fresh(w.send(pc, name)))
		// Said to be outside their province, and never offered.
		if !strings.HasPrefix(got.Text, w.vi("invite.outside_province", locales.Data{"Query": name, "Province": "Gia Lai"})) ||
			hasButton(got, "Phường An Hội Tây, Thành phố Hồ Chí Minh") {
			t.Fatalf("a commune of another province, typed %q: %q", name, got.Text)
		}
	}
	ver := w.versionOf(pc)
	for _, data := range []string{"inv:commune:26882:" + ver, "inv:province:79:" + ver, "inv:whole::" + ver, "inv:back::" + ver} {
		if got := w.forgeAnswer(pc, m.ID, data); got != w.vi("button.stale") {
			t.Fatalf("forged %q answered %q", data, got)
		}
	}
	w.send(pc, "quy nhon bac")
	w.press(pc, "Phường Quy Nhơn Bắc, Gia Lai")
	role := pc.Last()
	ver = w.versionOf(pc)
	for _, data := range []string{"inv:role:province_coordinator:" + ver, "inv:role:admin:" + ver} {
		if got := w.forgeAnswer(pc, role.ID, data); got != w.vi("button.stale") {
			t.Fatalf("forged %q answered %q", data, got)
		}
	}
	var made, elsewhere int
	err := w.store.DB().QueryRow(`SELECT count(*), count(*) FILTER (WHERE commune_code NOT IN (SELECT code FROM communes WHERE province_code = $2))
		FROM invites WHERE created_by = $1`, pc.ID, giaLai).Scan(&made, &elsewhere)
	if err != nil || made != 1 || elsewhere != 0 {
		t.Fatalf("the province coordinator made %d invites, %d outside their province (%v)", made, elsewhere, err)
	}
	// A province coordinator opening a commune link would be demoted.
	vol := w.createInvite("an hoi tay", "Phường An Hội Tây, Thành phố Hồ Chí Minh", "coordinator")
	if m := only(t, w.send(pc, "/start "+vol)); m.Text != w.vi("join.would_demote", locales.Data{"Role": w.vi("role.province_coordinator"), "Unit": "Gia Lai",
		"NewRole": w.vi("role.coordinator"), "NewUnit": "Phường An Hội Tây, Thành phố Hồ Chí Minh"}) {
		t.Fatalf("a lower invite: %q", m.Text)
	}
}

// team is a province of 24: its coordinator, a commune coordinator and 22
// volunteers in two communes, plus someone of another province.
type team struct {
	pc, coord, stranger *telegramtest.User
	vols                []*telegramtest.User
}

func (w *world) team() team {
	w.t.Helper()
	tm := team{
		pc:       w.member("Hà", storage.RoleProvinceCoordinator, ""),
		coord:    w.member("Cường", storage.RoleCoordinator, quyNhon),
		stranger: w.member("Xa", storage.RoleVolunteer, "26882"),
	}
	for i := 1; i <= 22; i++ {
		commune := quyNhon
		if i%2 == 0 {
			commune = quyNhonBac
		}
		tm.vols = append(tm.vols, w.member(fmt.Sprintf("TNV %02d", i), storage.RoleVolunteer, commune))
	}
	// TNV 01: two cases this month, one thrown away, one last month.
	ctx := context.Background()
	now := time.Now()
	first, _ := monthStart(now)
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		for _, at := range []time.Time{now.Add(-time.Minute), now.Add(-2 * time.Minute), now.Add(-3 * time.Minute), first.Add(-time.Hour)} {
			c, err := tx.CreateCase(ctx, storage.Case{VolunteerID: tm.vols[0].ID, CommuneCode: sql.NullString{String: quyNhon, Valid: true},
				GuideID: "tam-tru", GuideChecked: at, Kind: "dossier", Mode: sql.NullString{String: "toan-trinh", Valid: true}, StepsTotal: 5,
				Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: at})
			if err != nil {
				return err
			}
			if at.Equal(now.Add(-3 * time.Minute)) {
				if err := tx.DiscardCase(ctx, c.ID, at); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return tm
}

// monthStart is the first instant of t's month in Vietnam, and of the next.
func monthStart(t time.Time) (time.Time, time.Time) {
	vn := time.FixedZone("ICT", 7*3600)
	y, m, _ := t.In(vn).Date()
	return time.Date(y, m, 1, 0, 0, 0, 0, vn), time.Date(y, m+1, 1, 0, 0, 0, 0, vn)
}

func lines(m *telegramtest.Message) []string { return strings.Split(m.Text, "\n") }

func TestTeamListsPagesAndRemoves(t *testing.T) {
	w := newWorld(t)
	tm := w.team()

	head := func(count, page, pages int, unit string) string {
		return w.texts.For("vi").N("team.members_head", count, locales.Data{"Unit": unit, "Page": page, "Pages": pages})
	}
	// A list of more than one page ends with how to search it.
	tip := "\n\n" + w.vi("team.search_tip")
	listed := func(m *telegramtest.Message) []string {
		if !strings.HasSuffix(m.Text, tip) {
			t.Fatalf("no search tip below the list: %q", m.Text)
		}
		return strings.Split(strings.TrimSuffix(m.Text, tip), "\n")
	}
	m := only(t, w.send(tm.pc, "/team"))
	ls := listed(m)
	if ls[0] != head(24, 1, 3, "Gia Lai") || len(ls) != 11 {
		t.Fatalf("first page: %q", m.Text)
	}
	if !strings.HasPrefix(ls[1], "1. Hà – "+w.vi("role.province_coordinator")) || !strings.HasPrefix(ls[2], "2. Cường – điều phối viên, Phường Quy Nhơn · vào ") {
		t.Fatalf("the most trusted first: %q", m.Text)
	}
	if !strings.HasPrefix(ls[3], "3. TNV 01 – tình nguyện viên, Phường Quy Nhơn") || !strings.Contains(ls[3], " · 2 ca bắt đầu tháng này · ") {
		t.Fatalf("TNV 01's line (two cases this month): %q", ls[3])
	}
	if hasButton(m, "✕ 1. Hà") || !hasButton(m, "✕ 2. Cường") || !hasButton(m, "✕ 3. TNV 01") {
		t.Fatalf("remove buttons (never oneself): %+v", m.Buttons())
	}
	seen := map[string]bool{}
	for page := 1; ; page++ {
		if n := utf8.RuneCountInString(m.Text); n > 4096 {
			t.Fatalf("page %d has %d characters", page, n)
		}
		for _, l := range listed(m)[1:] {
			seen[strings.SplitN(strings.SplitN(l, ". ", 2)[1], " – ", 2)[0]] = true
		}
		if !hasButton(m, w.vi("button.next")) {
			if page != 3 || len(listed(m)) != 1+4 || lines(m)[0] != head(24, 3, 3, "Gia Lai") {
				t.Fatalf("last page (%d): %q", page, m.Text)
			}
			break
		}
		m = only(t, w.press(tm.pc, w.vi("button.next")))
		if !m.Edited {
			t.Fatal("a page should replace the list in place")
		}
	}
	if len(seen) != 24 || seen["Xa"] {
		t.Fatalf("members seen over the pages: %d (someone of another province: %v)", len(seen), seen["Xa"])
	}
	if m = only(t, w.press(tm.pc, w.vi("button.prev"))); lines(m)[0] != head(24, 2, 3, "Gia Lai") {
		t.Fatalf("previous page: %q", lines(m)[0])
	}
	w.press(tm.pc, w.vi("button.prev"))

	// The commune coordinator sees their commune; never themselves, a peer or
	// a superior with a remove button, nor by forged data.
	peer := w.member("Dũng", storage.RoleCoordinator, quyNhon)
	cm := only(t, w.send(tm.coord, "/team"))
	if lines(cm)[0] != head(13, 1, 2, quyNhonVi) || hasButton(cm, "✕ 1. Cường") || hasButton(cm, "✕ 2. Dũng") || !hasButton(cm, "✕ 3. TNV 01") {
		t.Fatalf("a commune coordinator's team: %q %+v", cm.Text, cm.Buttons())
	}
	ver := w.versionOf(tm.coord)
	for _, target := range []*telegramtest.User{tm.pc, peer, tm.stranger, tm.coord} {
		if got := w.forgeAnswer(tm.coord, cm.ID, "tm:rm:"+strconv.FormatInt(target.ID, 10)+":"+ver); got != w.vi("button.stale") {
			t.Fatalf("forged removal of %s answered %q", target.FirstName, got)
		}
		if u := w.userRow(target); u.Role == storage.RoleGuest {
			t.Fatalf("%s was removed by forged data", target.FirstName)
		}
	}

	// The province coordinator removes the commune coordinator, after a confirmation.
	m = only(t, w.press(tm.pc, "✕ 2. Cường"))
	if m.Text != w.vi("team.confirm_remove", locales.Data{"Name": "Cường", "Role": w.vi("role.coordinator"), "Unit": quyNhonVi}) {
		t.Fatalf("confirmation: %q", m.Text)
	}
	var yes string
	for _, b := range m.Buttons() {
		if b.Text == w.vi("team.remove_yes") {
			yes = b.CallbackData
		}
	}
	m = only(t, w.press(tm.pc, w.vi("team.remove_yes")))
	if !strings.HasPrefix(m.Text, w.vi("team.removed", locales.Data{"Name": "Cường"})+"\n\n"+head(24, 1, 3, "Gia Lai")) {
		t.Fatalf("after removal: %q", m.Text) // Dũng joined, Cường left
	}
	if u := w.userRow(tm.coord); u.Role != storage.RoleGuest || u.FirstName != "" || u.CommuneCode.Valid || u.ProvinceCode.Valid {
		t.Fatalf("removed member's row: %+v", u)
	}
	// Their /team screen loses its buttons (review 19), and they are told.
	told := fresh(drain(tm.coord))
	if len(told) != 1 || told[0].Text != w.vi("team.removed_notice", locales.Data{"Unit": quyNhonVi}) {
		t.Fatalf("the removed member was told: %+v", told)
	}
	if m := shownAs(t, tm.coord, cm.ID); len(m.Buttons()) != 0 {
		t.Fatalf("the removed member's /team screen keeps its buttons: %+v", m.Buttons())
	}
	if got := strings.Join(menuNames(w, tm.coord), " "); got != "start help lang forget" {
		t.Fatalf("the removed member's menu: %s", got)
	}
	// A second tap on the confirmation changes nothing and tells nobody twice.
	if got := w.forgeAnswer(tm.pc, m.ID, yes); got != w.vi("button.stale") {
		t.Fatalf("second tap answered %q", got)
	}
	if again := drain(tm.coord); len(again) != 0 {
		t.Fatalf("told twice: %+v", again)
	}

	// The removed coordinator's old buttons (pressed in a client that
	// still shows them) and commands do nothing.
	id, err := tm.coord.PressData(cm.ID, dataOf(t, cm, w.vi("button.next")))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if got := lastAnswer(t, tm.coord); got != w.vi("button.done") {
		t.Fatalf("a removed member's old button answered %q", got)
	}
	if ms := drain(tm.coord); len(ms) != 0 {
		t.Fatalf("a removed member's old button changed something: %+v", ms)
	}
	if m := only(t, w.send(tm.coord, "/team")); m.Text != w.vi("team.not_allowed") {
		t.Fatalf("removed member's /team: %q", m.Text)
	}
	if m := only(t, w.send(tm.coord, "/invite")); m.Text != w.vi("invite.not_allowed") {
		t.Fatalf("removed member's /invite: %q", m.Text)
	}

	// Typed text with no letter gets a hint (a name is asked for: review
	// 27I) and the list again (a word is a search: team_review14_test.go);
	// /cancel ends the flow.
	if m := only(t, fresh(w.send(tm.pc, "…!"))); !strings.HasPrefix(m.Text, w.vi("team.query_empty")+"\n\n"+head(24, 1, 3, "Gia Lai")) {
		t.Fatalf("typed text in /team: %q", m.Text)
	}
	list := tm.pc.Last()
	next := dataOf(t, list, w.vi("button.next"))
	if m := only(t, fresh(w.send(tm.pc, "/cancel"))); m.Text != w.vi("cancel.done") {
		t.Fatalf("/cancel: %q", m.Text)
	}
	noButtons(t, tm.pc, list.ID, "/cancel")
	id, _ = tm.pc.PressData(list.ID, next) // pressed before its buttons went
	w.bot.WaitHandled(t, id)
	if got := lastAnswer(t, tm.pc); got != w.vi("button.done") {
		t.Fatalf("a button after /cancel answered %q", got)
	}
}

func TestTeamInvitesRevoke(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	ctx := context.Background()
	now := time.Now()
	create := func(by int64, commune string, role string, expires time.Time) string {
		var code string
		err := w.store.InTx(ctx, func(tx *storage.Tx) error {
			var inv storage.Invite
			var err error
			if commune == "" {
				inv, err = tx.CreateProvinceInvite(ctx, giaLai, by, expires, 1)
			} else {
				inv, err = tx.CreateInvite(ctx, commune, role, by, expires, 50)
			}
			code = inv.Code
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return code
	}
	// Newest last: the list shows it first.
	province := create(w.admin.ID, "", storage.RoleProvinceCoordinator, now.Add(time.Hour))
	create(w.admin.ID, quyNhon, storage.RoleVolunteer, now.Add(-time.Hour)) // expired
	other := create(w.admin.ID, "26882", storage.RoleVolunteer, now.Add(time.Hour))
	create(w.admin.ID, quyNhonBac, storage.RoleCoordinator, now.Add(time.Hour))
	mine := create(tm.pc.ID, quyNhon, storage.RoleVolunteer, now.Add(time.Hour))

	w.send(tm.pc, "/team")
	m := only(t, w.press(tm.pc, w.vi("team.invites_button")))
	ls := lines(m)
	if ls[0] != w.texts.For("vi").N("team.invites_head", 3, locales.Data{"Unit": "Gia Lai", "Page": 1, "Pages": 1}) || len(ls) != 4 {
		t.Fatalf("unused invites: %q", m.Text)
	}
	if !strings.HasPrefix(ls[1], "1. tình nguyện viên · Phường Quy Nhơn · link …"+mine[len(mine)-4:]+" · đã dùng 0/50") || !strings.HasPrefix(ls[3], "3. điều phối viên cấp tỉnh · Gia Lai") {
		t.Fatalf("invite lines: %q", m.Text)
	}
	// Their own and a lower role's: yes; a province coordinator's (their rank, an admin's): no.
	if !hasButton(m, "Thu hồi 1") || !hasButton(m, "Thu hồi 2") || hasButton(m, "Thu hồi 3") {
		t.Fatalf("revoke buttons: %+v", m.Buttons())
	}
	ver := w.versionOf(tm.pc)
	for _, code := range []string{province, other} {
		if got := w.forgeAnswer(tm.pc, m.ID, "tm:revoke:"+code+":"+ver); got != w.vi("button.stale") {
			t.Fatalf("forged revoke answered %q", got)
		}
	}
	m = only(t, w.press(tm.pc, "Thu hồi 1"))
	if !strings.HasPrefix(m.Text, "Thu hồi link mời tình nguyện viên của Phường Quy Nhơn, Gia Lai (link …"+mine[len(mine)-4:]+", đã dùng 0/50") {
		t.Fatalf("revoke confirmation: %q", m.Text)
	}
	m = only(t, w.press(tm.pc, w.vi("team.revoke_yes")))
	if !strings.HasPrefix(m.Text, w.vi("team.revoked")+"\n\n"+w.texts.For("vi").N("team.invites_head", 2, locales.Data{"Unit": "Gia Lai", "Page": 1, "Pages": 1})) {
		t.Fatalf("after revoking: %q", m.Text)
	}
	var revoked, untouched int
	if err := w.store.DB().QueryRow(`SELECT count(*) FILTER (WHERE code = $1), count(*) FILTER (WHERE code <> $1)
		FROM invites WHERE revoked_at IS NOT NULL OR code = $1`, mine).Scan(&revoked, &untouched); err != nil || revoked != 1 || untouched != 0 {
		t.Fatalf("revoked %d, others revoked %d (%v)", revoked, untouched, err)
	}
	var at sql.NullTime
	if err := w.store.DB().Get(&at, `SELECT revoked_at FROM invites WHERE code = $1`, mine); err != nil || !at.Valid {
		t.Fatalf("revoked_at: %v (%v)", at, err)
	}
	// Whoever opens the revoked link is told so, and joins nothing.
	someone := w.srv.NewUser("Mới", "vi")
	if m := only(t, w.send(someone, "/start "+mine)); m.Text != w.vi("join.revoked") {
		t.Fatalf("a revoked invite: %q", m.Text)
	}
	var joined int
	if err := w.store.DB().Get(&joined, `SELECT count(*) FROM users WHERE telegram_id = $1`, someone.ID); err != nil || joined != 0 {
		t.Fatalf("joined through a revoked invite: %d rows (%v)", joined, err)
	}
	// Back to the members.
	if m := only(t, w.press(tm.pc, w.vi("button.back"))); !strings.HasPrefix(m.Text, w.texts.For("vi").N("team.members_head", 24, locales.Data{"Unit": "Gia Lai", "Page": 1, "Pages": 3})) {
		t.Fatalf("back: %q", m.Text)
	}
	if m := only(t, w.press(tm.pc, w.vi("team.close"))); m.Text != w.vi("team.closed") {
		t.Fatalf("close: %q", m.Text)
	}
}

func TestAdminTeamAndRefusals(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	m := only(t, w.send(w.admin, "/team"))
	if m.Text != w.vi("team.choose_province") || !hasButton(m, "Gia Lai") {
		t.Fatalf("admin's /team: %q", m.Text)
	}
	m = only(t, w.press(w.admin, "Gia Lai"))
	if !strings.HasPrefix(m.Text, w.texts.For("vi").N("team.members_head", 24, locales.Data{"Unit": "Gia Lai", "Page": 1, "Pages": 3})) || !hasButton(m, "✕ 1. Hà") {
		t.Fatalf("admin sees Gia Lai, and may remove its province coordinator: %q %+v", m.Text, m.Buttons())
	}
	w.press(w.admin, "✕ 1. Hà")
	w.press(w.admin, w.vi("team.remove_yes"))
	if u := w.userRow(tm.pc); u.Role != storage.RoleGuest {
		t.Fatalf("the admin removed the province coordinator: %+v", u)
	}
	if m := only(t, w.press(w.admin, w.vi("button.back"))); m.Text != w.vi("team.choose_province") {
		t.Fatalf("back to the provinces: %q", m.Text)
	}
	for _, u := range []*telegramtest.User{tm.vols[0], w.srv.NewUser("Khách", "vi")} {
		if m := only(t, w.send(u, "/team")); m.Text != w.vi("team.not_allowed") {
			t.Fatalf("%s's /team: %q", u.FirstName, m.Text)
		}
	}
}

func TestDigestOnOff(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	digest := func() bool { return w.userRow(tm.coord).Digest }
	m := only(t, w.send(tm.coord, "/digest"))
	if m.Text != w.vi("digest.state_on") || !hasButton(m, w.vi("digest.turn_off")) || !digest() {
		t.Fatalf("/digest: %q", m.Text)
	}
	m = only(t, w.press(tm.coord, w.vi("digest.turn_off")))
	if !m.Edited || m.Text != w.vi("digest.state_off") || digest() {
		t.Fatalf("turned off: %q, stored %v", m.Text, digest())
	}
	// A double tap: the message already says so; nothing changes.
	id, _ := tm.coord.PressOn(m.ID, w.vi("digest.turn_off"))
	w.bot.WaitHandled(t, id)
	if ms := drain(tm.coord); len(ms) != 0 || digest() {
		t.Fatalf("second tap: %+v", ms)
	}
	if m := only(t, w.send(tm.coord, "/digest on")); m.Text != w.vi("digest.state_on") || !digest() {
		t.Fatalf("/digest on: %q", m.Text)
	}
	if m := only(t, w.send(tm.pc, "/digest off")); m.Text != w.vi("digest.state_off") || w.userRow(tm.pc).Digest {
		t.Fatalf("province coordinator /digest off: %q", m.Text)
	}
	if m := only(t, w.send(tm.coord, "/digest maybe")); !strings.HasPrefix(m.Text, w.vi("digest.usage")) {
		t.Fatalf("/digest maybe: %q", m.Text)
	}
	for _, u := range []*telegramtest.User{tm.vols[0], w.admin, w.srv.NewUser("Khách", "vi")} {
		if m := only(t, w.send(u, "/digest off")); m.Text != w.vi("digest.not_allowed") {
			t.Fatalf("%s's /digest: %q", u.FirstName, m.Text)
		}
	}
	// Removed, the old buttons refuse politely and store nothing.
	old := only(t, w.send(tm.coord, "/digest"))
	w.removeMember(tm.coord) // what /team's ✕ does
	id, _ = tm.coord.PressOn(old.ID, w.vi("digest.turn_off"))
	w.bot.WaitHandled(t, id)
	if m := only(t, drain(tm.coord)); m.Text != w.vi("digest.not_allowed") || !digest() {
		t.Fatalf("a removed member's digest button: %q", m.Text)
	}
}
