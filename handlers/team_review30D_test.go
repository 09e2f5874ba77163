package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// tapSpot presses the button at row, col of message m (its id), waits for
// the bot's answer, then presses whatever button now sits at that spot of
// that message — a second tap that came after the message was redrawn —
// and returns that button's label ("" when nothing is there). The spot is
// counted from the top, or from the bottom when the chat keeps the
// message's bottom where it was (a message at the end of the chat, as
// Telegram shows it); a tap on the right half of a row of two lands on a
// row of one's only button.
func (w *world) tapSpot(u *telegramtest.User, m *telegramtest.Message, row, col int, fromBottom bool) string {
	w.t.Helper()
	first := m.Keyboard[row][col]
	id, err := u.PressData(m.ID, first.CallbackData)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, id)
	drain(u)
	now := msgByID(w.t, u, m.ID)
	at := row
	if fromBottom {
		at = len(now.Keyboard) - (len(m.Keyboard) - row)
	}
	if at < 0 || at >= len(now.Keyboard) || len(now.Keyboard[at]) == 0 {
		return ""
	}
	b := now.Keyboard[at][col*len(now.Keyboard[at])/len(m.Keyboard[row])]
	if id, err = u.PressData(m.ID, b.CallbackData); err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, id)
	drain(u)
	return b.Text
}

// spotsOf are the row and column of every button of m that does action
// (of the team flow).
func spotsOf(m *telegramtest.Message, action string) [][2]int {
	var out [][2]int
	for i, r := range m.Keyboard {
		for j, b := range r {
			if strings.HasPrefix(b.CallbackData, "tm:"+action+":") {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

// Review 30D: review 28 put ← Back in the first row of /team's
// confirmations, where the first members' ✕ were; "yes" sat in the second
// row, where the ✕ of members 3 and 4 had been, so a second tap on any ✕
// but the first two, come after the confirmation replaced the list,
// removed that member (and the revoke buttons of links 5 to 8, revoked
// the link). No second tap on any button that asks lands on the one that
// confirms, whether the chat keeps the message's top or its bottom in
// place.
func TestReview30DSecondTapOnAnyRowDoesNotConfirm(t *testing.T) {
	t.Run("remove", func(t *testing.T) {
		w := newWorld(t)
		coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
		var vols []*telegramtest.User
		for i := range 9 { // with Hà, a page of ten
			vols = append(vols, w.member(fmt.Sprintf("Tình Nguyện %02d", i), storage.RoleVolunteer, anHoiTayCode))
		}
		list := last(t, w.send(coord, "/team"))
		spots := spotsOf(list, "rm")
		if len(spots) != 9 {
			t.Fatalf("/team: %d ✕, want 9: %v", len(spots), list.Buttons())
		}
		for _, fromBottom := range []bool{false, true} {
			for _, s := range spots {
				list := last(t, w.send(coord, "/team"))
				pressed := list.Keyboard[s[0]][s[1]].Text
				second := w.tapSpot(coord, list, s[0], s[1], fromBottom)
				for _, v := range vols {
					if r := w.userRow(v); !r.CommuneCode.Valid {
						t.Fatalf("%q tapped twice (from the bottom: %v), the second on %q: %s removed", pressed, fromBottom, second, v.FirstName)
					}
				}
			}
		}
		// Pressed on purpose, it removes.
		w.send(coord, "/team")
		w.press(coord, list.Keyboard[spots[8][0]][spots[8][1]].Text)
		w.press(coord, w.vi("team.remove_yes"))
		if r := w.userRow(vols[8]); r.CommuneCode.Valid {
			t.Errorf("not removed: %+v", r)
		}
	})
	t.Run("revoke", func(t *testing.T) {
		w := newWorld(t)
		coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
		var codes []string
		for range 8 {
			codes = append(codes, w.inviteBy(coord.ID, anHoiTayCode, storage.RoleVolunteer))
		}
		w.send(coord, "/team")
		invites := last(t, w.press(coord, w.vi("team.invites_button")))
		spots := spotsOf(invites, "revoke")
		if len(spots) != 8 {
			t.Fatalf("invites: %d revoke buttons, want 8: %v", len(spots), invites.Buttons())
		}
		for _, fromBottom := range []bool{false, true} {
			for _, s := range spots {
				w.send(coord, "/team")
				invites := last(t, w.press(coord, w.vi("team.invites_button")))
				pressed := invites.Keyboard[s[0]][s[1]].Text
				second := w.tapSpot(coord, invites, s[0], s[1], fromBottom)
				for _, c := range codes {
					if inv := w.invite(c); inv.RevokedAt.Valid {
						t.Fatalf("%q tapped twice (from the bottom: %v), the second on %q: link …%s revoked", pressed, fromBottom, second, c[len(c)-4:])
					}
				}
			}
		}
		w.send(coord, "/team")
		invites = last(t, w.press(coord, w.vi("team.invites_button")))
		w.press(coord, invites.Keyboard[spots[7][0]][spots[7][1]].Text)
		w.press(coord, w.vi("team.revoke_yes"))
		revoked := 0
		for _, c := range codes {
			if w.invite(c).RevokedAt.Valid {
				revoked++
			}
		}
		if revoked != 1 {
			t.Errorf("%d links revoked, want 1", revoked)
		}
	})
}
