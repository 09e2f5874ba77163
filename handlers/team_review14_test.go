package handlers_test

// /team for a big province (review, 2026-12-01): a province coordinator's
// list ran to dozens of pages, and finding one person meant paging
// blindly. Typing a few letters of a name or of a commune's name while
// /team is open narrows it. Each test failed before the change.

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// searchHead is the first line of a narrowed list.
func (w *world) searchHead(query, unit string, count, page, pages int) string {
	return w.texts.For("vi").N("team.search_head", count, locales.Data{"Query": query, "Unit": unit, "Page": page, "Pages": pages})
}

// A name typed without its diacritics finds the member, with the same
// remove button as on the pages, and the button works.
func TestTeamSearchFindsANameWithoutDiacritics(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	tuan := w.member("Tuấn", storage.RoleVolunteer, quyNhonBac)
	only(t, w.send(tm.pc, "/team"))

	m := only(t, fresh(w.send(tm.pc, "tuan")))
	ls := lines(m)
	if ls[0] != w.searchHead("tuan", "Gia Lai", 1, 1, 1) || len(ls) != 2 || !strings.HasPrefix(ls[1], "1. Tuấn – tình nguyện viên, Phường Quy Nhơn Bắc") {
		t.Fatalf("searching “tuan”: %q", m.Text)
	}
	if !hasButton(m, "✕ 1. Tuấn") || hasButton(m, "✕ 2. TNV 01") || !hasButton(m, w.vi("team.search_clear")) {
		t.Fatalf("the narrowed list's buttons: %+v", m.Buttons())
	}
	m = only(t, w.press(tm.pc, "✕ 1. Tuấn"))
	if !strings.HasPrefix(m.Text, w.vi("team.confirm_remove", locales.Data{"Name": "Tuấn", "Role": w.vi("role.volunteer"), "Unit": "Phường Quy Nhơn Bắc, Gia Lai"})) {
		t.Fatalf("the remove button of a found member: %q", m.Text)
	}
	m = only(t, w.press(tm.pc, w.vi("button.back")))
	if lines(m)[0] != w.searchHead("tuan", "Gia Lai", 1, 1, 1) {
		t.Fatalf("back from the confirmation leaves the search: %q", m.Text)
	}
	m = only(t, w.press(tm.pc, w.vi("team.search_clear")))
	if lines(m)[0] != w.texts.For("vi").N("team.members_head", 25, locales.Data{"Unit": "Gia Lai", "Page": 1, "Pages": 3}) {
		t.Fatalf("the whole team again: %q", m.Text)
	}
	if w.userRow(tuan).Role != storage.RoleVolunteer {
		t.Fatal("Tuấn was removed without the confirmation")
	}
}

// A commune's name narrows the list too, page by page; a word of a name
// and one of a commune together narrow it further.
func TestTeamSearchByCommunePagesLikeTheList(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	list := only(t, w.send(tm.pc, "/team"))

	m := only(t, fresh(w.send(tm.pc, "quy nhon bac")))
	if lines(m)[0] != w.searchHead("quy nhon bac", "Gia Lai", 11, 1, 2) || len(lines(m)) != 11 {
		t.Fatalf("searching a commune: %q", m.Text)
	}
	for _, l := range lines(m)[1:] {
		if !strings.Contains(l, "Phường Quy Nhơn Bắc") {
			t.Fatalf("a member of another commune found: %q", l)
		}
	}
	// The list shown before the search is no longer the screen: its
	// buttons are stale.
	if got := w.forgeAnswer(tm.pc, list.ID, list.Buttons()[0].CallbackData); got != w.vi("button.stale") {
		t.Fatalf("a button of the list before the search answered %q", got)
	}
	m = only(t, w.press(tm.pc, w.vi("button.next")))
	if lines(m)[0] != w.searchHead("quy nhon bac", "Gia Lai", 11, 2, 2) || len(lines(m)) != 2 || !strings.HasPrefix(lines(m)[1], "11. TNV 22 – ") {
		t.Fatalf("second page of the search: %q", m.Text)
	}
	// A double tap on Next changes nothing: it lands on the "·" that holds
	// Next's place on the last page (review 22k), which shows that page.
	if got := w.forgeAnswer(tm.pc, m.ID, dataOf(t, m, w.vi("button.no_page"))); got == w.vi("button.stale") ||
		lines(tm.pc.Last())[0] != w.searchHead("quy nhon bac", "Gia Lai", 11, 2, 2) {
		t.Fatalf("a second tap on Next's place answered %q, shows %q", got, lines(tm.pc.Last())[0])
	}
	if got := w.forgeAnswer(tm.pc, m.ID, "tm:page:2:"+w.versionOf(tm.pc)); got != w.vi("button.stale") {
		t.Fatalf("a page the search has no button for answered %q", got)
	}

	m = only(t, fresh(w.send(tm.pc, "TNV 0 Bắc")))
	if lines(m)[0] != w.searchHead("TNV 0 Bắc", "Gia Lai", 4, 1, 1) {
		t.Fatalf("a name and a commune together: %q", m.Text)
	}
}

// Nobody found: the list says so, with a way back to the whole team; a
// commune coordinator's /team searches their own commune only.
func TestTeamSearchNobodyAndCommuneCoordinator(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	only(t, w.send(tm.coord, "/team"))

	m := only(t, fresh(w.send(tm.coord, "xa")))
	want := w.vi("team.search_none", locales.Data{"Query": "xa", "Unit": quyNhonVi})
	if m.Text != want || !hasButton(m, w.vi("team.search_clear")) || hasButton(m, w.vi("button.next")) {
		t.Fatalf("nobody found (Xa is of another province): %q %+v, want %q", m.Text, m.Buttons(), want)
	}
	m = only(t, fresh(w.send(tm.coord, "tnv 03")))
	if lines(m)[0] != w.searchHead("tnv 03", quyNhonVi, 1, 1, 1) || !hasButton(m, "✕ 1. TNV 03") {
		t.Fatalf("a commune coordinator's search: %q %+v", m.Text, m.Buttons())
	}
	m = only(t, fresh(w.send(tm.coord, "tnv 04"))) // of Quy Nhơn Bắc, not their commune
	if m.Text != w.vi("team.search_none", locales.Data{"Query": "tnv 04", "Unit": quyNhonVi}) {
		t.Fatalf("a member of another commune found: %q", m.Text)
	}

	// Typed on the unused invites, a search shows the members it finds.
	w.press(tm.coord, w.vi("team.invites_button"))
	m = only(t, fresh(w.send(tm.coord, "TNV 05")))
	if lines(m)[0] != w.searchHead("TNV 05", quyNhonVi, 1, 1, 1) {
		t.Fatalf("a search typed on the invites: %q", m.Text)
	}
	// "Show the whole team", tapped twice, shows it once.
	all := only(t, w.press(tm.coord, w.vi("team.search_clear")))
	if lines(all)[0] != w.texts.For("vi").N("team.members_head", 12, locales.Data{"Unit": quyNhonVi, "Page": 1, "Pages": 2}) {
		t.Fatalf("the whole team again: %q", all.Text)
	}
	for _, b := range m.Buttons() {
		if b.Text == w.vi("team.search_clear") {
			if got := w.forgeAnswer(tm.coord, m.ID, b.CallbackData); got != w.vi("button.stale") {
				t.Fatalf("a second tap on %q answered %q", b.Text, got)
			}
		}
	}
}

// Whatever is typed, the buttons stay within Telegram's 64 bytes and the
// message within 4,096 characters; text with no letter or digit is not a
// search.
func TestTeamSearchWithinTelegramLimits(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	only(t, w.send(tm.pc, "/team"))

	m := only(t, fresh(w.send(tm.pc, strings.Repeat("Nguyễn ", 70))))
	if n := utf8.RuneCountInString(m.Text); n > 4096 || !strings.Contains(m.Text, "…") {
		t.Fatalf("a long search: %d characters: %q", n, m.Text)
	}
	for _, b := range m.Buttons() {
		if len(b.CallbackData) > 64 {
			t.Fatalf("button %q carries %d bytes", b.Text, len(b.CallbackData))
		}
	}
	if m := only(t, fresh(w.send(tm.pc, "?!"))); !strings.HasPrefix(m.Text, w.vi("team.query_empty")) { // a name asked for (review 27I)
		t.Fatalf("punctuation only: %q", m.Text)
	}
}
