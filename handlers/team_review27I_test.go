package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

const hcmVi = "Thành phố Hồ Chí Minh"

// provinceMember makes someone the coordinator of a province other than
// Gia Lai (w.member's).
func (w *world) provinceMember(name, province string) *telegramtest.User {
	w.t.Helper()
	u := w.srv.NewUser(name, "vi")
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error { return tx.SetProvinceMembership(ctx, u.ID, name, province) }); err != nil {
		w.t.Fatal(err)
	}
	return u
}

// Review 27I, items 1 and 2: a commune that exists but has no member was
// "no province, commune or member matches" for an admin, although the
// text said its name, without diacritics or old, would do; and an old
// name of many ("phường 1": a dozen in Thành phố Hồ Chí Minh) was read as
// the one commune whose current name begins so (Phường 1 Bảo Lộc, Lâm
// Đồng), outside the team of a coordinator of Thành phố Hồ Chí Minh. Now a
// commune named whole with no member is said to have none, with /invite;
// an admin's of several provinces are named, or, an old name of many,
// asked to be told apart by their district; and a coordinator's name is
// read in their own unit first.
func TestReview27ITeamCommuneWithoutMembers(t *testing.T) {
	w := newWorld(t)
	tm := w.team() // Gia Lai; Xa of An Hội Tây
	hcmPC := w.provinceMember("Bảo", "79")
	anHoiTay := w.member("Tâm", storage.RoleCoordinator, anHoiTayCode)
	empty := func(query, unit, commune string) string {
		return w.vi("team.commune_empty", locales.Data{"Query": query, "Unit": unit, "Commune": commune})
	}

	for _, c := range []struct{ typed, commune string }{
		{"phường bến thành", "Phường Bến Thành"},
		{"Phường Sài Gòn", "Phường Sài Gòn"},
		{"phuong ben thanh quan 1", "Phường Bến Thành"}, // its old name
	} {
		m := only(t, fresh(w.send(w.admin, "/team "+c.typed)))
		if lines(m)[0] != empty(c.typed, hcmVi, c.commune) || !hasButton(m, w.vi("team.search_clear")) {
			t.Fatalf("an admin's /team %s: %q", c.typed, m.Text)
		}
	}
	// Of two provinces: both named, and the provinces to press.
	m := only(t, fresh(w.send(w.admin, "/team Xã Yên Lãng")))
	if want := w.vi("team.named_empty", locales.Data{"Communes": "Xã Yên Lãng, Phú Thọ; Xã Yên Lãng, Thành phố Hà Nội"}); !strings.HasPrefix(m.Text, want) ||
		!hasButton(m, "Gia Lai") {
		t.Fatalf("an admin's /team Xã Yên Lãng: %q", m.Text)
	}
	// An old name of many, in many provinces: how to pick one. ("phuong 1"
	// finds TNV 10–19 of Gia Lai's wards.)
	var named []storage.NamedCommune
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) (err error) {
		named, err = tx.CommunesNamed(ctx, "", "", "phuong 3")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	communes := map[string]bool{}
	for _, n := range named {
		communes[n.Code] = true
	}
	m = only(t, fresh(w.send(w.admin, "/team phuong 3")))
	if want := w.texts.For("vi").N("team.named_many", len(communes), locales.Data{"Query": "phuong 3", "Count": len(communes)}); len(communes) < 10 ||
		!strings.HasPrefix(m.Text, want) || !hasButton(m, "Gia Lai") {
		t.Fatalf("an admin's /team phuong 3 (%d communes): %q", len(communes), m.Text)
	}

	// A province coordinator: their commune with no member; another
	// province's, outside.
	if m = only(t, fresh(w.send(hcmPC, "/team phuong ben thanh"))); lines(m)[0] != empty("phuong ben thanh", hcmVi, "Phường Bến Thành") {
		t.Fatalf("Thành phố Hồ Chí Minh's coordinator's /team phuong ben thanh: %q", m.Text)
	}
	outside := w.vi("team.outside", locales.Data{"Unit": "Phường Bến Thành, " + hcmVi, "Own": "Gia Lai"})
	if m = only(t, fresh(w.send(tm.pc, "/team phuong ben thanh"))); !strings.HasPrefix(m.Text, outside) {
		t.Fatalf("Gia Lai's coordinator's /team phuong ben thanh: %q", m.Text)
	}

	// A current name of another province: outside, though an old name of
	// the same words is of another commune there (Tây Mỗ).
	outside = w.vi("team.outside", locales.Data{"Unit": "Phường Đại Mỗ, Thành phố Hà Nội", "Own": hcmVi})
	if m = only(t, fresh(w.send(hcmPC, "/team Phường Đại Mỗ"))); !strings.HasPrefix(m.Text, outside) {
		t.Fatalf("Thành phố Hồ Chí Minh's coordinator's /team Phường Đại Mỗ: %q", m.Text)
	}

	// "phuong 1": the old names of Thành phố Hồ Chí Minh's communes, not
	// Phường 1 Bảo Lộc of Lâm Đồng.
	m = only(t, fresh(w.send(hcmPC, "/team phuong 1")))
	if ls := lines(m); len(ls) < 2 || ls[0] != w.vi("team.search_none", locales.Data{"Query": "phuong 1", "Unit": hcmVi}) ||
		!strings.HasPrefix(ls[1], "↪ Phường 1, Quận ") || strings.Contains(m.Text, "Bảo Lộc") {
		t.Fatalf("Thành phố Hồ Chí Minh's coordinator's /team phuong 1: %q", m.Text)
	}
	// A commune coordinator there: nobody of that name in their commune.
	m = only(t, fresh(w.send(anHoiTay, "/team phuong 1")))
	if m.Text != w.vi("team.search_none", locales.Data{"Query": "phuong 1", "Unit": anHoiTayVi}) {
		t.Fatalf("An Hội Tây's coordinator's /team phuong 1: %q", m.Text)
	}
}

// Review 27I, item 3: a current ward's name ("Phường Đại Mỗ") listed its
// members under a note that the old Phường Đại Mỗ is now part of Phường
// Tây Mỗ; and "Quảng Yên" noted Xã Quang Yên, Huyện Sông Lô, another name
// read without its marks, as the old name of what was typed. A current
// name typed names no old one, and marks typed are meant; an old name
// typed so that it names no current one still finds, and says, its
// commune of now.
func TestReview27ITeamOldNameNotes(t *testing.T) {
	w := newWorld(t)
	w.team()
	w.member("Anh", storage.RoleVolunteer, "00637")  // Phường Đại Mỗ, Thành phố Hà Nội
	w.member("Ngọc", storage.RoleVolunteer, "08173") // Xã Quảng Yên, Phú Thọ
	w.member("Bình", storage.RoleVolunteer, "08773") // Xã Yên Lãng, Phú Thọ: the old Xã Quang Yên, Huyện Sông Lô

	m := only(t, fresh(w.send(w.admin, "/team Phường Đại Mỗ")))
	if ls := lines(m); ls[0] != w.searchHead("Phường Đại Mỗ", "Thành phố Hà Nội", 1, 1, 1) || !strings.HasPrefix(ls[1], "1. Anh – ") || strings.Contains(m.Text, "↪") {
		t.Fatalf("an admin's /team Phường Đại Mỗ: %q", m.Text)
	}
	// (Since review 29 the other communes named Quảng Yên, with no member,
	// are said above the list.)
	m = only(t, fresh(w.send(w.admin, "/team Quảng Yên")))
	also := w.vi("team.named_also", locales.Data{"Query": "Quảng Yên", "Communes": "Phường Quảng Yên, Quảng Ninh; Xã Quảng Yên, Thanh Hóa"})
	if ls := lines(m); ls[0] != also || ls[2] != w.searchHead("Quảng Yên", "Phú Thọ", 1, 1, 1) || !strings.HasPrefix(ls[3], "1. Ngọc – ") || strings.Contains(m.Text, "↪") {
		t.Fatalf("an admin's /team Quảng Yên: %q", m.Text)
	}
	// On Phú Thọ's list, the same.
	m = only(t, fresh(w.send(w.admin, "Quảng Yên")))
	if ls := lines(m); ls[0] != w.searchHead("Quảng Yên", "Phú Thọ", 1, 1, 1) || strings.Contains(m.Text, "Quang Yên") {
		t.Fatalf("Quảng Yên on Phú Thọ's list: %q", m.Text)
	}
	// The old name meant, with its district: its commune of now.
	m = only(t, fresh(w.send(w.admin, "quang yen song lo")))
	old := w.vi("team.search_old", locales.Data{"Old": "Xã Quang Yên, Huyện Sông Lô, Tỉnh Vĩnh Phúc", "Commune": "Xã Yên Lãng"})
	if ls := lines(m); ls[0] != w.searchHead("quang yen song lo", "Phú Thọ", 1, 1, 1) || ls[1] != old || !strings.HasPrefix(ls[2], "1. Bình – ") {
		t.Fatalf("quang yen song lo on Phú Thọ's list: %q", m.Text)
	}
}

// Review 27I, item 4: "/team ???" was told to use the buttons, though the
// screen asks for a name typed; and a search of nothing but "phuong",
// repeated, found every member of a ward. Now: a name is asked for; a
// search of kinds only is said to be too broad, finding a member only by
// their name.
func TestReview27ITeamTypedNothing(t *testing.T) {
	w := newWorld(t)
	tm := w.team() // Gia Lai's communes are wards

	m := only(t, fresh(w.send(w.admin, "/team ???")))
	if !strings.HasPrefix(m.Text, w.vi("team.query_empty")) || !hasButton(m, "Gia Lai") {
		t.Fatalf("an admin's /team ???: %q", m.Text)
	}
	if m = only(t, fresh(w.send(tm.coord, "/team ..."))); !strings.HasPrefix(m.Text, w.vi("team.query_empty")) {
		t.Fatalf("a coordinator's /team ...: %q", m.Text)
	}

	// The 23 members of Gia Lai's wards, and Xa of Phường An Hội Tây.
	vi := w.texts.For("vi")
	m = only(t, fresh(w.send(w.admin, "/team"+strings.Repeat(" phuong", 60))))
	if want := vi.N("team.query_kinds_country", 24, locales.Data{"Query": "phuong phuong phuong phuong phuong…", "Count": 24}); !strings.HasPrefix(m.Text, want) || !hasButton(m, "Gia Lai") {
		t.Fatalf("an admin's /team phuong ×60: %q", m.Text)
	}
	if m = only(t, fresh(w.send(tm.coord, "/team phuong"))); lines(m)[0] != vi.N("team.query_kinds", 12, locales.Data{"Query": "phuong", "Unit": quyNhonVi, "Count": 12}) {
		t.Fatalf("a coordinator's /team phuong: %q", m.Text)
	}
	// A kind no member's commune is: nobody, as any search.
	if m = only(t, fresh(w.send(tm.coord, "/team xa"))); lines(m)[0] != w.vi("team.search_none", locales.Data{"Query": "xa", "Unit": quyNhonVi}) {
		t.Fatalf("a coordinator's /team xa: %q", m.Text)
	}
	// A member whose name it begins is found.
	w.member("Phương", storage.RoleVolunteer, quyNhon)
	if m = only(t, fresh(w.send(tm.coord, "/team phuong"))); lines(m)[0] != w.searchHead("phuong", quyNhonVi, 1, 1, 1) {
		t.Fatalf("a coordinator's /team phuong, with a Phương: %q", m.Text)
	}
}
