package handlers_test

import (
	"strings"
	"testing"
)

// Review 23c, item 7: An Hội Tây's coordinator opening a volunteer link of
// another commune's team was told the link was "for a lower role", where
// the reason that matters is that it is another team's: the answer names
// that team, says it is another, and what to do.
func TestReview23cOtherTeamsLowerLink(t *testing.T) {
	w := newWorld(t)
	coord := w.srv.NewUser("Coord", "vi")
	w.send(coord, "/start "+w.createInvite("an hoi tay", "Phường An Hội Tây, Thành phố Hồ Chí Minh", "coordinator"))
	drain(w.admin)
	other := w.createInvite("an hoi dong", "Phường An Hội Đông, Thành phố Hồ Chí Minh", "volunteer")
	m := only(t, w.send(coord, "/start "+other))
	for _, want := range []string{"Phường An Hội Đông", "đội khác", "Phường An Hội Tây", "/leave"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("the refusal lacks %q: %q", want, m.Text)
		}
	}
	if strings.Contains(m.Text, "vai trò thấp hơn") {
		t.Errorf("the refusal still speaks of a lower role: %q", m.Text)
	}
	only(t, w.send(coord, "/lang en"))
	m = only(t, w.send(coord, "/start "+other))
	for _, want := range []string{"An Hội Đông", "another team", "/leave"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("in English the refusal lacks %q: %q", want, m.Text)
		}
	}
}
