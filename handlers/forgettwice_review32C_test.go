package handlers_test

import (
	"strings"
	"testing"
)

// Review 32C, item 2: one "🗑" of /forget's list tapped twice. The first
// erased that dossier and said so on the list, without buttons; the
// second (the same button, left the phone before the edit) found it gone
// and drew the list again over what the first said: "không còn" and the
// others' buttons, or the hint alone. What the first tap said stays; the
// second is answered by a pop-up.
func TestReview32CForgetOneOfTheListTappedTwiceKeepsWhatTheFirstSaid(t *testing.T) {
	for _, n := range []int{2, 3} {
		t.Run(strings.Repeat("I", n), func(t *testing.T) {
			w := newWorld(t)
			res := w.srv.NewUser("Chị Lan", "vi")
			codes := []string{"000.00.12.H26-251127-3211", "000.00.12.H26-251127-3212", "000.00.12.H26-251127-3213"}[:n]
			for _, code := range codes {
				_, token := w.slip("Vân", code)
				w.send(res, "/start "+token)
			}
			list := last(t, w.forgetConfirmed(res))
			if len(list.Buttons()) != n+2 {
				t.Fatalf("/forget's list: %q %v", list.Text, list.Buttons())
			}
			one := list.Buttons()[0].CallbackData
			w.forgeAnswer(res, list.ID, one)
			first := msgByID(t, res, list.ID)
			if w.followupsOf(res) != n-1 || len(first.Buttons()) != 0 {
				t.Fatalf("🗑 pressed: %d follow-ups left, the list reads %q %v", w.followupsOf(res), first.Text, first.Buttons())
			}
			answer := w.forgeAnswer(res, list.ID, one) // the second tap
			if answer == "" {
				t.Errorf("the second tap was not answered")
			}
			if m := msgByID(t, res, list.ID); m.Text != first.Text || len(m.Buttons()) != 0 {
				t.Errorf("after 🗑 tapped twice the list reads %q %v, want what the first tap said: %q", m.Text, m.Buttons(), first.Text)
			}
			if w.followupsOf(res) != n-1 {
				t.Errorf("%d follow-ups left", w.followupsOf(res))
			}
		})
	}
}
