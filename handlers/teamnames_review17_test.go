package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A long name is cut on /team's remove buttons at a word: "Trần Thị Ngọc
// Huyền Tra…" cut the last word in two, and "Nguyễn Thị Thanh Hương …"
// kept a space before the ellipsis.
func TestTeamButtonCutsANameAtAWord(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, quyNhon)
	w.member("Nguyễn Thị Thanh Hương Giang", storage.RoleVolunteer, quyNhon)
	w.member("Trần Thị Ngọc Huyền Trang", storage.RoleVolunteer, quyNhon)
	m := only(t, w.send(coord, "/team"))
	for _, want := range []string{"✕ 2. Nguyễn Thị Thanh Hương…", "✕ 3. Trần Thị Ngọc Huyền…"} {
		if !hasButton(m, want) {
			t.Errorf("no button %q: %q", want, m.Buttons())
		}
	}
}
