package handlers_test

// /team and the communes' names before the July 2025 merger (review,
// 2026-12-01): coordinators and volunteers still say the old names, and a
// search by one found nobody. Each test failed before the change.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// oldNameLine is the line of a search's answer that says which commune an
// old name is part of now.
func (w *world) oldNameLine(old, commune string) string {
	return w.vi("team.search_old", locales.Data{"Old": old, "Commune": commune})
}

// An old commune's name, with or without diacritics, its kind or its old
// district, finds the members of the commune it became part of, and the
// answer says which commune that is.
func TestTeamSearchByOldCommuneName(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	only(t, w.send(tm.pc, "/team"))

	// Phường Nhơn Phú of Quy Nhơn (Bình Định) is part of Phường Quy Nhơn
	// Bắc now: TNV 02, 04, …, 22.
	nhonPhu := w.oldNameLine("Phường Nhơn Phú, Thành phố Quy Nhơn, Tỉnh Bình Định", "Phường Quy Nhơn Bắc")
	for _, q := range []string{"nhon phu", "Phường Nhơn Phú", "p nhon phu quy nhon"} {
		m := only(t, fresh(w.send(tm.pc, q)))
		ls := lines(m)
		if ls[0] != w.searchHead(q, "Gia Lai", 11, 1, 2) || len(ls) < 3 || ls[1] != nhonPhu {
			t.Fatalf("searching %q: %q", q, m.Text)
		}
		if len(ls) != 12 {
			t.Fatalf("searching %q: %d lines: %q", q, len(ls), m.Text)
		}
		for _, l := range ls[2:] {
			if !strings.Contains(l, "Phường Quy Nhơn Bắc") {
				t.Fatalf("searching %q found a member of another commune: %q", q, l)
			}
		}
	}
	// Phường Thị Nại is part of Phường Quy Nhơn: Cường and 11 volunteers.
	m := only(t, fresh(w.send(tm.pc, "thi nai")))
	if ls := lines(m); ls[0] != w.searchHead("thi nai", "Gia Lai", 12, 1, 2) ||
		ls[1] != w.oldNameLine("Phường Thị Nại, Thành phố Quy Nhơn, Tỉnh Bình Định", "Phường Quy Nhơn") {
		t.Fatalf("searching “thi nai”: %q", m.Text)
	}
	// An old name of a commune that has nobody: the answer still says
	// where it is now, and that it has no member (review 27I).
	m = only(t, fresh(w.send(tm.pc, "xã nhơn hải")))
	want := w.vi("team.commune_empty", locales.Data{"Query": "xã nhơn hải", "Unit": "Gia Lai", "Commune": "Phường Quy Nhơn Đông"}) + "\n" +
		w.oldNameLine("Xã Nhơn Hải, Thành phố Quy Nhơn, Tỉnh Bình Định", "Phường Quy Nhơn Đông")
	if m.Text != want {
		t.Fatalf("an old name of a commune without members: %q, want %q", m.Text, want)
	}
	// A part of a name is not an old name: the list says nothing of one.
	m = only(t, fresh(w.send(tm.pc, "nhon")))
	if ls := lines(m); ls[0] != w.searchHead("nhon", "Gia Lai", 23, 1, 3) || !strings.HasPrefix(ls[1], "1. ") {
		t.Fatalf("searching “nhon”: %q", m.Text)
	}
}

// A commune coordinator's search finds by an old name only the old
// communes of their own commune.
func TestTeamSearchByOldCommuneNameWithinTheCommune(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	only(t, w.send(tm.coord, "/team"))

	m := only(t, fresh(w.send(tm.coord, "nhon phu"))) // now of Quy Nhơn Bắc
	if want := w.vi("team.search_none", locales.Data{"Query": "nhon phu", "Unit": quyNhonVi}); m.Text != want {
		t.Fatalf("an old name of another commune: %q, want %q", m.Text, want)
	}
	m = only(t, fresh(w.send(tm.coord, "Phuong Thi Nai")))
	if ls := lines(m); ls[0] != w.searchHead("Phuong Thi Nai", quyNhonVi, 12, 1, 2) ||
		ls[1] != w.oldNameLine("Phường Thị Nại, Thành phố Quy Nhơn, Tỉnh Bình Định", "Phường Quy Nhơn") {
		t.Fatalf("an old name of their commune: %q", m.Text)
	}
}
