package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 31, leftover 3: a commune coordinator's "/invite Thanh Hà" —
// whom they invite, a given name as common as any — was refused as Xã
// Thanh Hà of Hải Phòng ("ask its coordinator or your province
// coordinator"), and so was "/invite Ngọc Hà" as Phường Ngọc Hà. A commune
// coordinator's /invite is a link to their own team, at once
// (docs/team.md); what follows is whom they invite, and it is refused
// only when it can only be another commune (review 28: a link under
// another commune's name is forwarded unread). A name that is a person's
// too — its words all given names or surnames, no kind, no province —
// gets the link to their own team, saying first that it is not for the
// commune of that name.
func TestReview31DInvitePersonNamedAsACommune(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	for _, typed := range []string{"Thanh Hà", "thanh ha", "Ngọc Hà", "chị Thanh Hà"} {
		m := only(t, w.send(coord, "/invite "+typed))
		if !strings.Contains(m.Text, "t.me/") || !strings.Contains(m.Text, "Phường An Hội Tây") {
			t.Errorf("/invite %s: %q, want a link to Phường An Hội Tây", typed, m.Text)
		}
		if typed == "chị Thanh Hà" {
			continue // no commune's whole name: the link as before
		}
		note, link, _ := strings.Cut(m.Text, "t.me/")
		if !strings.Contains(note, "Hà") || !strings.Contains(note, "Phường An Hội Tây") || strings.Contains(link, "cũng là tên") {
			t.Errorf("/invite %s: %q, want first whose team the link is, and the commune of that name", typed, m.Text)
		}
	}
	m := only(t, w.send(coord, "/invite Ngọc Hà"))
	if !strings.Contains(m.Text, "Phường Ngọc Hà") {
		t.Errorf("/invite Ngọc Hà: %q, want Phường Ngọc Hà named", m.Text)
	}
	// A commune's kind, its province, or words no one is named: no link, as before.
	for _, typed := range []string{"xã Thanh Hà", "Thanh Hà, Hải Phòng", "An Hội Đông", "Gò Vấp"} {
		if m := only(t, w.send(coord, "/invite "+typed)); strings.Contains(m.Text, "t.me/") {
			t.Errorf("/invite %s: %q, want no link", typed, m.Text)
		}
	}
	only(t, w.send(coord, "/lang en"))
	m = only(t, w.send(coord, "/invite Thanh Hà"))
	if !strings.Contains(m.Text, "t.me/") || !strings.Contains(m.Text, "Xã Thanh Hà") || !strings.Contains(m.Text, "not for") {
		t.Errorf("in English: %q", m.Text)
	}
}
