package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 27C, item 2: an admin's "/team NAME" read NAME as a province
// only: a commune's name or a member's was "names no province". Now a
// province's name is its team; else the members NAME finds (by their name
// or their commune's, an old name too) in every province: in one, that
// province's list narrowed to them; in more, those provinces to pick, the
// search going with the one pressed. Typed on a province's list, a search
// that finds nobody there goes on in the country the same way.
func TestReview27CAdminTeamName(t *testing.T) {
	w := newWorld(t)
	w.team() // Gia Lai: Hà, Cường, TNV 01–22; Xa of An Hội Tây (Thành phố Hồ Chí Minh)
	w.member("Lan", storage.RoleVolunteer, quyNhon)
	w.member("Lan", storage.RoleVolunteer, quyNhonBac)
	w.member("Lan", storage.RoleVolunteer, anHoiTayCode)
	const hcm = "Thành phố Hồ Chí Minh"

	// A commune's name: its province's list, narrowed to that commune.
	m := only(t, fresh(w.send(w.admin, "/team quy nhon bac")))
	if lines(m)[0] != w.searchHead("quy nhon bac", "Gia Lai", 12, 1, 2) || !hasButton(m, w.vi("team.search_clear")) {
		t.Fatalf("an admin's /team quy nhon bac: %q", m.Text)
	}
	// A member's name in one province: that province's list, them.
	m = only(t, fresh(w.send(w.admin, "/team xa")))
	if ls := lines(m); ls[0] != w.searchHead("xa", hcm, 1, 1, 1) || !strings.HasPrefix(ls[1], "1. Xa – ") {
		t.Fatalf("an admin's /team xa: %q", m.Text)
	}
	// In more than one: those provinces, with how many; the one pressed
	// is its list narrowed to them.
	m = only(t, fresh(w.send(w.admin, "/team lan")))
	gl := w.vi("team.found_province", locales.Data{"Province": "Gia Lai", "Count": 2})
	hc := w.vi("team.found_province", locales.Data{"Province": hcm, "Count": 1})
	if m.Text != w.texts.For("vi").N("team.found_provinces", 3, locales.Data{"Query": "lan", "Count": 3}) ||
		!hasButton(m, gl) || !hasButton(m, hc) || hasButton(m, "Đắk Lắk") || !hasButton(m, w.vi("team.all_provinces")) {
		t.Fatalf("an admin's /team lan: %q %q", m.Text, m.Buttons())
	}
	m = only(t, w.press(w.admin, hc))
	if ls := lines(m); ls[0] != w.searchHead("lan", hcm, 1, 1, 1) || !strings.HasPrefix(ls[1], "1. Lan – ") {
		t.Fatalf("%q pressed: %q", hc, m.Text)
	}
	// Back: every province again, the search gone.
	m = only(t, w.press(w.admin, w.vi("button.back")))
	if m.Text != w.vi("team.choose_province") || !hasButton(m, "Đắk Lắk") {
		t.Fatalf("back from a found province: %q", m.Text)
	}
	only(t, fresh(w.send(w.admin, "lan")))
	only(t, w.press(w.admin, w.vi("team.all_provinces")))
	if m = w.admin.Last(); m.Text != w.vi("team.choose_province") || !hasButton(m, "Gia Lai") {
		t.Fatalf("all provinces pressed: %q", m.Text)
	}

	// On Gia Lai's list: "lan" finds its two; "xa" nobody there, so
	// Thành phố Hồ Chí Minh's Xa; a province's name, that province.
	only(t, fresh(w.send(w.admin, "/team gia lai")))
	if m = only(t, fresh(w.send(w.admin, "lan"))); lines(m)[0] != w.searchHead("lan", "Gia Lai", 2, 1, 1) {
		t.Fatalf("lan on Gia Lai's list: %q", m.Text)
	}
	if m = only(t, fresh(w.send(w.admin, "xa"))); lines(m)[0] != w.searchHead("xa", hcm, 1, 1, 1) {
		t.Fatalf("xa on Gia Lai's list: %q", m.Text)
	}
	if m = only(t, fresh(w.send(w.admin, "gia lai"))); !strings.HasPrefix(m.Text, "Đội Gia Lai: ") {
		t.Fatalf("gia lai on Thành phố Hồ Chí Minh's list: %q", m.Text)
	}
	// Nothing anywhere: said on the list.
	if m = only(t, fresh(w.send(w.admin, "zzqq"))); lines(m)[0] != w.vi("team.search_none", locales.Data{"Query": "zzqq", "Unit": "Gia Lai"}) {
		t.Fatalf("zzqq on Gia Lai's list: %q", m.Text)
	}
	// On the first screen: the provinces again.
	m = only(t, fresh(w.send(w.admin, "/team zzqq")))
	if !strings.Contains(m.Text, w.vi("team.province_unknown")) || !hasButton(m, "Gia Lai") {
		t.Fatalf("an admin's /team zzqq: %q", m.Text)
	}
}

// Review 27C, item 2: a coordinator's "/team NAME" is a search of their
// unit; a name of a unit outside it found nobody and said only that. A
// province coordinator's own province named is their whole list (an old
// name's note above); another province, or a commune outside their unit,
// is said to be outside what they may see.
func TestReview27CCoordinatorTeamName(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	outside := func(unit, own string) string {
		return w.vi("team.outside", locales.Data{"Unit": unit, "Own": own})
	}

	m := only(t, fresh(w.send(tm.pc, "/team gia lai")))
	if !strings.HasPrefix(m.Text, "Đội Gia Lai: 24 người") {
		t.Fatalf("a province coordinator's /team gia lai: %q", m.Text)
	}
	m = only(t, fresh(w.send(tm.pc, "/team binh dinh")))
	if want := w.vi("tally.province_merged", locales.Data{"Old": "Bình Định", "Province": "Gia Lai"}); !strings.Contains(m.Text, want) ||
		!strings.Contains(m.Text, "Đội Gia Lai: 24 người") {
		t.Fatalf("a province coordinator's /team binh dinh: %q", m.Text)
	}
	m = only(t, fresh(w.send(tm.pc, "/team tp hcm")))
	if !strings.HasPrefix(m.Text, outside("Thành phố Hồ Chí Minh", "Gia Lai")) || !strings.Contains(m.Text, "Đội Gia Lai: 24 người") {
		t.Fatalf("a province coordinator's /team tp hcm: %q", m.Text)
	}
	m = only(t, fresh(w.send(tm.pc, "an hoi tay")))
	if !strings.HasPrefix(m.Text, outside("Phường An Hội Tây, Thành phố Hồ Chí Minh", "Gia Lai")) {
		t.Fatalf("a province coordinator's an hoi tay: %q", m.Text)
	}
	// Their communes are searched as before.
	if m = only(t, fresh(w.send(tm.pc, "/team quy nhon bac"))); lines(m)[0] != w.searchHead("quy nhon bac", "Gia Lai", 11, 1, 2) {
		t.Fatalf("a province coordinator's /team quy nhon bac: %q", m.Text)
	}

	// A commune coordinator: their province, another commune, outside.
	m = only(t, fresh(w.send(tm.coord, "/team gia lai")))
	if !strings.HasPrefix(m.Text, outside("Gia Lai", quyNhonVi)) {
		t.Fatalf("a commune coordinator's /team gia lai: %q", m.Text)
	}
	m = only(t, fresh(w.send(tm.coord, "/team quy nhon bac")))
	if !strings.HasPrefix(m.Text, outside("Phường Quy Nhơn Bắc, Gia Lai", quyNhonVi)) || !strings.Contains(m.Text, "Đội "+quyNhonVi+": ") {
		t.Fatalf("a commune coordinator's /team quy nhon bac: %q", m.Text)
	}
	// Their own commune's name: everyone; a name: those it finds.
	if m = only(t, fresh(w.send(tm.coord, "/team quy nhon"))); lines(m)[0] != w.searchHead("quy nhon", quyNhonVi, 12, 1, 2) {
		t.Fatalf("a commune coordinator's /team quy nhon: %q", m.Text)
	}
	if m = only(t, fresh(w.send(tm.coord, "/team tnv 03"))); lines(m)[0] != w.searchHead("tnv 03", quyNhonVi, 1, 1, 1) {
		t.Fatalf("a commune coordinator's /team tnv 03: %q", m.Text)
	}
	// A member of another commune: nobody here, as before.
	if m = only(t, fresh(w.send(tm.coord, "tnv 04"))); lines(m)[0] != w.vi("team.search_none", locales.Data{"Query": "tnv 04", "Unit": quyNhonVi}) {
		t.Fatalf("a commune coordinator's tnv 04: %q", m.Text)
	}
}
