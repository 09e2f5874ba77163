package handlers_test

import (
	"strings"
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

// A search too long to keep is cut at a word where it is shown: an old
// commune's name pasted whole read back as "…Thành phố Quy Nh…".
func TestTeamSearchCutAtAWord(t *testing.T) {
	w := newWorld(t)
	tm := w.team()
	only(t, w.send(tm.coord, "/team"))
	m := only(t, fresh(w.send(tm.coord, "Phường Trần Hưng Đạo, Thành phố Quy Nhơn, Tỉnh Bình Định")))
	head := strings.SplitN(m.Text, "\n", 2)[0]
	if !strings.Contains(head, "“Phường Trần Hưng Đạo, Thành phố Quy…”") {
		t.Fatalf("the search is shown as %q, want it cut at a word", head)
	}
	if !strings.Contains(m.Text, "TNV 01") {
		t.Fatalf("the commune's members are no longer found: %q", m.Text)
	}
}
