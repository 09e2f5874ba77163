package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// inviteSpots are the row and column of every button of m that does
// action (of the invite flow).
func inviteSpots(m *telegramtest.Message, action string) [][2]int {
	var out [][2]int
	for i, r := range m.Keyboard {
		for j, b := range r {
			if strings.HasPrefix(b.CallbackData, "inv:"+action+":") {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

// invitesMade is how many invite links there are.
func (w *world) invitesMade() int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM invites`); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// Review 30E: a double tap on a commune of /invite (in the list, or a
// search's only result), come after the role screen replaced the list,
// landed on "Tình nguyện viên | Điều phối viên" and made a link with the
// role under the finger; an admin's on a province of the grid's first row
// landed on "Cả tỉnh" and made a province coordinator's link. The bot's
// clock stands still here: the second tap comes at once. No second tap
// makes a link, counted from the message's top or its bottom; a press
// made once the screen had time to be read makes it at once.
func TestReview30ESecondTapMakesNoLink(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	prov := w.member("Tỉnh", storage.RoleProvinceCoordinator, "")
	linkMaking := map[string]bool{w.vi("invite.whole_province"): true, w.vi("invite.role_volunteer"): true, w.vi("invite.role_coordinator"): true}
	type screen struct {
		name   string
		u      *telegramtest.User
		open   []string // what is sent to reach it
		action string   // the buttons tapped twice
	}
	for _, s := range []screen{
		{"admin's provinces", w.admin, []string{"/invite"}, "province"},
		{"admin's communes", w.admin, []string{"/invite", "gia lai"}, "commune"},
		{"admin's one result", w.admin, []string{"/invite", "an hoi tay ho chi minh"}, "commune"},
		{"admin's province found", w.admin, []string{"/invite", "binh dinh"}, "province"},
		{"province coordinator's communes", prov, []string{"/invite"}, "commune"},
		{"province coordinator's one result", prov, []string{"/invite", "quy nhon bac"}, "commune"},
	} {
		t.Run(s.name, func(t *testing.T) {
			open := func() *telegramtest.Message {
				var m *telegramtest.Message
				for _, text := range s.open {
					m = last(t, w.send(s.u, text))
				}
				return m
			}
			m := open()
			spots := inviteSpots(m, s.action)
			if len(spots) == 0 || strings.HasSuffix(s.name, "one result") && len(spots) != 1 {
				t.Fatalf("%q: %d buttons %q: %v", m.Text, len(spots), s.action, m.Buttons())
			}
			before, refused := w.invitesMade(), 0
			for _, fromBottom := range []bool{false, true} {
				for _, spot := range spots {
					m := open()
					pressed := m.Keyboard[spot[0]][spot[1]].Text
					second := w.tapSpot(s.u, m, spot[0], spot[1], fromBottom)
					if n := w.invitesMade(); n != before {
						t.Fatalf("%q tapped twice (from the bottom: %v), the second on %q: a link made", pressed, fromBottom, second)
					}
					if linkMaking[second] {
						want := w.vi("invite.too_soon", locales.Data{"Button": second})
						if got := lastAnswer(t, s.u); got != want {
							t.Fatalf("%q tapped twice, the second on %q answered %q, want %q", pressed, second, got, want)
						}
						refused++
					}
					w.send(s.u, "/cancel")
				}
			}
			t.Logf("%d second taps on a button that makes a link", refused)
		})
	}

	// Pressed on purpose, once the screen was there to read, each makes
	// its link at once: a province coordinator's, a coordinator's and a
	// volunteers' (a commune found by its name). Pressed at once, it is
	// asked again, and nothing is made till then.
	onPurpose := func(u *telegramtest.User, label string) {
		t.Helper()
		before := w.invitesMade()
		w.press(u, label)
		if got, want := lastAnswer(t, u), w.vi("invite.too_soon", locales.Data{"Button": label}); got != want || w.invitesMade() != before {
			t.Errorf("%q pressed as the screen came: answered %q, want %q (links: %d, were %d)", label, got, want, w.invitesMade(), before)
		}
		clk.advance(2 * time.Second)
		m := last(t, w.press(u, label))
		if inviteLink.FindStringSubmatch(m.Text) == nil || w.invitesMade() != before+1 {
			t.Errorf("%q pressed on purpose: %q", label, m.Text)
		}
	}
	w.send(w.admin, "/invite")
	w.press(w.admin, "Gia Lai")
	onPurpose(w.admin, w.vi("invite.whole_province"))
	w.send(w.admin, "/invite")
	w.press(w.admin, "Gia Lai")
	w.send(w.admin, "quy nhon bac")
	w.press(w.admin, "Phường Quy Nhơn Bắc, Gia Lai")
	onPurpose(w.admin, w.vi("invite.role_coordinator"))
	w.send(prov, "/invite quy nhon bac")
	w.press(prov, "Phường Quy Nhơn Bắc, Gia Lai")
	onPurpose(prov, w.vi("invite.role_volunteer"))
}
