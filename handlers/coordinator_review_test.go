package handlers_test

// Odd paths of what coordinators and admins use (/tally, /team, /invite,
// /flags) found in review (2026-11-30): each test failed before its fix.

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// /flags says when a step was last flagged in Vietnam time: a flag made at
// 05:00 on 27/11 in Vietnam used to read "26/11/2026" (UTC).
func TestFlagsLatestDayIsVietnamTime(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	_, err := w.store.DB().Exec(`INSERT INTO guide_flags (guide_id, guide_checked, step_id, step, what, created_at)
		VALUES ('khai-sinh', DATE '2026-11-01', 'to-khai', 2, 'button', TIMESTAMPTZ '2026-11-27 05:00+07')`)
	if err != nil {
		t.Fatal(err)
	}
	m := only(t, w.send(w.admin, "/flags"))
	if !strings.Contains(m.Text, "gần nhất 27/11/2026") {
		t.Errorf("a flag made on 27/11 (Vietnam time) is not shown as 27/11/2026:\n%s", m.Text)
	}
}

// /flags fits in one message: 12 flagged steps with 3 ordinary notes each
// used to make one that Telegram refuses ("message is too long"), and the
// admin got nothing at all.
func TestFlagsFitOneMessage(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	_, err := w.store.DB().Exec(`
		INSERT INTO guide_flags (guide_id, guide_checked, step_id, step, what, note, created_at)
		SELECT g, DATE '2026-11-01', 'buoc-' || s, s, 'other',
			'Trên cổng nút này đã đổi tên và chuyển sang góc phải màn hình, phải kéo xuống mới thấy được, hướng dẫn cần sửa lại cho đúng ' || n,
			TIMESTAMPTZ '2026-11-20 09:00+07' + (s * 10 + n) * interval '1 minute'
		FROM unnest(ARRAY['khai-sinh', 'tam-tru', 'ket-hon']) g, generate_series(1, 4) s, generate_series(1, 3) n`)
	if err != nil {
		t.Fatal(err)
	}
	ms := w.send(w.admin, "/flags")
	if len(ms) != 1 {
		t.Fatalf("/flags with 12 flagged steps: the admin got %d messages, want 1 (≤ 4,096 characters)", len(ms))
	}
	if n := len([]rune(ms[0].Text)); n > 4096 {
		t.Errorf("/flags is %d characters", n)
	}
}

// A coordinator removed from the team (docs/team.md: "a guest with no unit
// and no name") no longer has a working volunteer link for their old
// commune, and is not told who joined (a stranger used to join through it,
// and the removed person was told their name and unit).
func TestRemovedCoordinatorsInvite(t *testing.T) {
	w := newWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	m := only(t, w.send(coord, "/invite"))
	match := inviteLink.FindStringSubmatch(m.Text)
	if match == nil {
		t.Fatalf("no link: %q", m.Text)
	}
	w.removeMember(coord) // what /team's ✕ does
	drain(coord)
	stranger := w.srv.NewUser("Dũng", "vi")
	if m := last(t, w.send(stranger, "/start "+match[1])); m.Text != w.vi("join.revoked") {
		t.Errorf("the removed coordinator's link: %q", m.Text)
	}
	var role string
	if err := w.store.DB().Get(&role, `SELECT coalesce((SELECT role FROM users WHERE telegram_id = $1), 'none')`, stranger.ID); err != nil || (role != "none" && role != storage.RoleGuest) {
		t.Errorf("the removed coordinator's link made a stranger %s (%v)", role, err)
	}
	for _, n := range drain(coord) {
		if strings.Contains(n.Text, "Dũng") {
			t.Errorf("the removed coordinator (a guest) was told: %q", n.Text)
		}
	}
}

// Periods as coordinators type them are refused ("Mình chưa hiểu khoảng
// thời gian này"): a month without its year, a day or a range without the
// year, yesterday, and the formal "tháng 11 năm 2026" (while "quý 4 năm
// 2026" is taken). docs/reports.md does not promise these; a coordinator
// on a slow connection pays a round trip for each.
func TestTypedPeriodForms(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for text, want := range map[string]string{
		"tháng 11 năm 2026": "tháng 11/2026", "tháng 10": "tháng 10/2026", "1/11-15/11": "01/11/2026 – 15/11/2026",
		"27/11": "27/11/2026", "hôm qua": "26/11/2026", "yesterday": "26/11/2026", "28/11": "28/11/2025",
		"15/12-10/1/2026": "15/12/2025 – 10/01/2026",
	} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, text))
		if len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 Phường An Hội Tây") || !strings.Contains(strings.SplitN(ms[0].Text, "\n", 2)[0], want) {
			got := ""
			if len(ms) > 0 {
				got = ms[0].Text
			}
			t.Errorf("%q: want the tally of %s, got %.80q", text, want, got)
		}
		fresh(w.send(coord, "/cancel"))
	}
}

// A volunteer removed from the team does not come back through a link made
// before the removal (a commune's volunteer link is shared for days); a
// link made since takes them back.
func TestRemovedVolunteerNeedsANewLink(t *testing.T) {
	w := newWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	old := inviteLink.FindStringSubmatch(only(t, w.send(coord, "/invite")).Text)
	vol := w.srv.NewUser("Vy", "vi")
	w.send(vol, "/start "+old[1])
	if got := w.userRow(vol); got.Role != storage.RoleVolunteer {
		t.Fatalf("joined as %s", got.Role)
	}
	w.removeMember(vol) // what /team's ✕ does
	drain(vol)
	drain(coord)
	if m := last(t, w.send(vol, "/start "+old[1])); m.Text != w.vi("join.removed") {
		t.Errorf("the old link after the removal: %q", m.Text)
	}
	if got := w.userRow(vol); got.Role != storage.RoleGuest || got.CommuneCode.Valid {
		t.Errorf("the old link brought them back: %s %s", got.Role, got.CommuneCode.String)
	}
	if ms := drain(coord); len(ms) != 0 {
		t.Errorf("the coordinator was told: %+v", ms)
	}
	fresh := inviteLink.FindStringSubmatch(only(t, w.send(coord, "/invite")).Text)
	w.send(vol, "/start "+fresh[1])
	if got := w.userRow(vol); got.Role != storage.RoleVolunteer || got.CommuneCode.String != anHoiTayCode {
		t.Errorf("a new link: %s %s", got.Role, got.CommuneCode.String)
	}
	var removed sql.NullTime
	if err := w.store.DB().Get(&removed, `SELECT removed_at FROM users WHERE telegram_id = $1`, vol.ID); err != nil || removed.Valid {
		t.Errorf("back on the team, the removal is still kept: %v (%v)", removed, err)
	}
}
