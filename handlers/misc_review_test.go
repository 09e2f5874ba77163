package handlers_test

// Odd paths of texts, guide search, /me and the weekly digest found in
// review (2026-11-30): each test failed before its fix.

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// /me lists the ten procedures a volunteer did most and then how many more,
// without pointing to a spreadsheet it does not send (it used to say "… và
// 1 nữa (xem bảng tính)").
func TestMeMoreProceduresPointsToNoSpreadsheet(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	v := w.tallyMember("Lan", anHoiTayCode, storage.RoleVolunteer)
	ids := []string{"khai-sinh", "khai-tu", "ket-hon", "tam-tru", "thuong-tru", "ho-chieu", "doi-gplx",
		"ly-lich-tu-phap", "the-can-cuoc", "nop-phat", "dang-ky-xe"} // 11 procedures
	for i, id := range ids {
		w.closedCase(v.ID, anHoiTayCode, id, "dossier", "toan-trinh", "submitted", "", nov(10+i, 9, 0), nov(10+i, 9, 15))
	}
	ms := w.send(v, "/me")
	for _, m := range ms {
		if m.Document != nil {
			return // a spreadsheet came: the line is true
		}
	}
	text := last(t, ms).Text
	if strings.Contains(text, "bảng tính") {
		t.Errorf("/me sends no spreadsheet but tells the volunteer to see one:\n%s", text)
	}
}

// English /me with one case this week: "Today: 1 cases, 1 successful".
func TestMeEnglishOneCase(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	v := w.tallyMember("Lan", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(v.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(27, 9, 0), nov(27, 9, 15))
	w.send(v, "/lang en")
	text := last(t, w.send(v, "/me")).Text
	if strings.Contains(text, " 1 cases") {
		t.Errorf("English /me says \"1 cases\":\n%s", text)
	}
}

// An English-speaking admin makes a coordinator's link (one use): "It works
// 1 times … Send it to the people you invite".
func TestInviteEnglishOneUse(t *testing.T) {
	w := newWorld(t)
	w.send(w.admin, "/lang en")
	w.send(w.admin, "/invite")
	w.send(w.admin, "an hoi tay")
	w.press(w.admin, "Phường An Hội Tây, Thành phố Hồ Chí Minh")
	m := last(t, w.press(w.admin, w.en("invite.role_coordinator")))
	if strings.Contains(m.Text, "1 times") {
		t.Errorf("the invite for one person reads:\n%s", m.Text)
	}
}

// A volunteer types "khai tử cho bà" (death registration for grandmother):
// the only procedure offered is birth registration. "cho" is in the birth
// guide's alias "khai sinh cho con", "tu" is the start of "tuyến", "ba" of
// "bảo": every word matches something there, while the death guide has no
// "cho" and is dropped.
func TestSearchDeathForGrandmaOffersBirth(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Vân")
	m := last(t, w.send(v, "khai tử cho bà"))
	death, birth := guide(t, "khai-tu").Title.Vi, guide(t, "khai-sinh").Title.Vi
	if !hasButton(m, death) {
		t.Errorf("\"khai tử cho bà\" does not offer %q; it offers %v", death, titles(m.Buttons()))
	}
	if hasButton(m, birth) && !hasButton(m, death) {
		t.Errorf("\"khai tử cho bà\" offers birth registration only")
	}
}

func titles(bs []telegramtest.Button) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Text)
	}
	return out
}

// Typed words whose only answers are wrong, and common phone typos (two
// letters swapped) that find nothing.
func TestSearchWrongOrNoAnswers(t *testing.T) {
	for _, c := range []struct {
		query, want, notOnly string
	}{
		{query: "khai tu cho bo", want: "khai-tu"},
		{query: "cư trú", want: "tam-tru"},                    // offers only Đăng ký kết hôn
		{query: "mất bằng lái", want: "doi-gplx"},             // offers trích lục hộ tịch, VNeID password
		{query: "tách hộ khẩu", notOnly: "trich-luc-ho-tich"}, // a residence matter, offered the civil-status extract
		{query: "khia sinh", want: "khai-sinh"},               // two letters swapped: nothing
		{query: "thuogn tru", want: "thuong-tru"},             // nothing
		{query: "khai sinh cho be", want: "khai-sinh"},        // "cho con" is an alias, "cho bé" finds nothing
		{query: "khsi sinh", want: "khai-sinh"},               // a letter for another in a word no guide has
	} {
		var got []string
		for _, g := range catalog.Search(c.query) {
			got = append(got, g.ID)
		}
		if c.want != "" && !slices.Contains(got, c.want) {
			t.Errorf("%q finds %v, not %s", c.query, got, c.want)
		}
		if c.notOnly != "" && slices.Equal(got, []string{c.notOnly}) {
			t.Errorf("%q finds only %v", c.query, got)
		}
	}
}

// An administrator (ADMIN_TELEGRAM_IDS) who also joined a commune as its
// coordinator is a digest recipient (users.role = coordinator) and gets
// their commune's tally every Monday (TestAdminCoordinatorGetsTheirCommunesDigest);
// /digest off stops it (it used to answer that the digest is for
// coordinators).
func TestAdminCoordinatorStopsTheDigest(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 11, 29, 20, 0)) // a Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, w.admin.ID, "Admin", anHoiTayCode, storage.RoleCoordinator)
	}); err != nil {
		t.Fatal(err)
	}
	if m := last(t, w.send(w.admin, "/digest off")); m.Text == w.vi("digest.not_allowed") {
		t.Errorf("/digest off refused to an admin who gets the digest: %q", m.Text)
	}
	var on bool
	if err := w.store.DB().Get(&on, `SELECT digest FROM users WHERE telegram_id = $1`, w.admin.ID); err != nil {
		t.Fatal(err)
	}
	vol := w.tallyMember("An", benThanhCode, storage.RoleVolunteer) // another commune
	w.closedCase(vol.ID, benThanhCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 24, 9, 0), vn(2026, 11, 24, 9, 20))
	q := startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	clock.Set(vn(2026, 11, 30, 7, 31))
	q.waitFor("digest", 1)
	got := w.settle(w.admin)
	if on && len(got) > 0 {
		t.Errorf("the admin, who could not turn it off, got a digest: %q", got[0].Text)
	}
}

// A volunteer whose cases all took under a minute read "Thời gian trung vị
// mỗi ca: 0 phút" in /me (and a coordinator in /tally), where the case's
// own summary says "dưới 1 phút": whole minutes are rounded down.
func TestMedianUnderAMinute(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	v := w.tallyMember("Lan", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(v.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(27, 9, 0), nov(27, 9, 0).Add(40*time.Second))
	text := last(t, w.send(v, "/me")).Text
	if want := w.vi("tally.median", locales.Data{"Time": w.vi("time.under_a_minute")}); !strings.Contains(text, want) {
		t.Errorf("/me lacks %q:\n%s", want, text)
	}
}
