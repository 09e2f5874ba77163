package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 34C, item 2: a ✕ drawn before review 32B carries its member
// alone ("tm:rm:<id>:<version>"), not the number it showed, and
// numbersMoved does not check it ("not checked", said the docs). Pressed
// at the list's version, it cannot tell whether that number still is its
// member's — but it is answered out of date all the same, asking nothing:
// press takes only a button the list drawn now offers, and none has its
// data. Not a defect; this keeps it so.
func TestReview34COldRemoveButtonIsOutOfDate(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, quyNhon)
	an := w.member("An", storage.RoleVolunteer, quyNhon)
	list := only(t, w.send(coord, "/team"))
	data := dataOf(t, list, "✕ 2. An")
	id, _, ok := strings.Cut(strings.TrimPrefix(data, "tm:rm:"), ".")
	if !ok || !strings.HasPrefix(data, "tm:rm:") {
		t.Fatalf("a ✕'s data: %q", data)
	}
	old := "tm:rm:" + id + data[strings.LastIndex(data, ":"):] // as drawn before review 32B
	tap, err := coord.PressData(list.ID, old)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, tap)
	ms := drain(coord)
	if a := lastAnswer(t, coord); a != w.vi("button.stale") {
		t.Errorf("an old ✕ pressed: answered %q, want %q", a, w.vi("button.stale"))
	}
	for _, m := range ms {
		if hasButton(m, w.vi("team.remove_yes")) {
			t.Errorf("an old ✕ asked to remove: %q", m.Text)
		}
	}
	if u := w.userRow(an); u.Role != storage.RoleVolunteer {
		t.Errorf("An is %s", u.Role)
	}
}
