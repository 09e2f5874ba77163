package handlers_test

import (
	"strings"
	"testing"
)

// A commune coordinator's /invite makes a link to their own team whatever
// follows the command: "/invite An Hội Đông" from An Hội Tây's coordinator
// gave An Hội Tây's link, one line below a name they had not asked for — a
// link forwarded unread brings the next volunteer into the wrong team, and
// their cases into the wrong commune's tallies. Another commune named: no
// link, and what to do; their own commune, or words that name no commune:
// their link, as before.
func TestCommuneCoordinatorInviteNamingAnotherCommune(t *testing.T) {
	w := newWorld(t)
	coord := w.srv.NewUser("Coord", "vi")
	w.send(coord, "/start "+w.createInvite("an hoi tay", "Phường An Hội Tây, Thành phố Hồ Chí Minh", "coordinator"))
	drain(w.admin)

	m := only(t, w.send(coord, "/invite An Hội Đông"))
	if strings.Contains(m.Text, "t.me/") {
		t.Fatalf("a link for another commune's name: %q", m.Text)
	}
	for _, want := range []string{"An Hội Đông", "Phường An Hội Tây, Thành phố Hồ Chí Minh", "/invite"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("the answer lacks %q: %q", want, m.Text)
		}
	}

	// An old name: the commune it is now, and the name typed.
	m = only(t, w.send(coord, "/invite Phường 7, Gò Vấp"))
	if strings.Contains(m.Text, "t.me/") || !strings.Contains(m.Text, "Phường Hạnh Thông") || !strings.Contains(m.Text, "Phường 7, Quận Gò Vấp") {
		t.Fatalf("an old name of another commune: %q", m.Text)
	}
	// A name several communes had, none theirs: how many, no link.
	m = only(t, w.send(coord, "/invite phường 3"))
	if strings.Contains(m.Text, "t.me/") || !strings.Contains(m.Text, "“phường 3” là tên, hoặc tên cũ, của") {
		t.Fatalf("an old name of several communes: %q", m.Text)
	}

	// Their own commune, without diacritics, or an old name theirs had
	// among others: their link.
	m = only(t, w.send(coord, "/invite phuong 12"))
	if !strings.Contains(m.Text, "t.me/") {
		t.Fatalf("/invite naming their own commune's old name: %q", m.Text)
	}
	m = only(t, w.send(coord, "/invite an hoi tay"))
	if !strings.Contains(m.Text, "t.me/") || !strings.Contains(m.Text, "Phường An Hội Tây") {
		t.Fatalf("/invite naming their own commune: %q", m.Text)
	}
	// Words that name no commune (whom they invite): their link, as before.
	m = only(t, w.send(coord, "/invite cho em Nguyệt"))
	if !strings.Contains(m.Text, "t.me/") {
		t.Fatalf("/invite with a person's name: %q", m.Text)
	}

	only(t, w.send(coord, "/lang en"))
	m = only(t, w.send(coord, "/invite an hoi dong"))
	if strings.Contains(m.Text, "t.me/") || !strings.Contains(m.Text, "An Hội Đông") || !strings.Contains(m.Text, "only") {
		t.Fatalf("in English: %q", m.Text)
	}
}
