package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 22k, item 7: on a paged list "Sau ›" filled its row on the first
// page and was the right half of it on the next, beside "‹ Trước": a
// double tap on the first page's button landed on "‹ Trước" and went
// back. Each of the two keeps its half of the row on every page (its
// place held where there is none), so a second tap where the first was
// goes on, or stays where it is on the last page; never back.
func TestPageRowKeepsNextInPlace(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	tr := w.texts.For("vi")
	prev, next := tr.T("button.prev"), tr.T("button.next")

	lists := map[string]func() *telegramtest.Message{
		"tally": func() *telegramtest.Message {
			only(t, fresh(w.send(prov, "/tally")))
			return only(t, w.press(prov, w.vi("tally.change_unit")))
		},
		"invite": func() *telegramtest.Message {
			w.send(w.admin, "/invite")
			return only(t, w.press(w.admin, "Thành phố Hồ Chí Minh"))
		},
	}
	users := map[string]*telegramtest.User{"tally": prov, "invite": w.admin}
	for name, open := range lists {
		t.Run(name, func(t *testing.T) {
			u := users[name]
			m := open()
			// navRow is the row from the bottom of m's keyboard that holds
			// Previous or Next.
			navRow := func(m *telegramtest.Message) int {
				for i := range m.Keyboard {
					for _, b := range m.Keyboard[len(m.Keyboard)-1-i] {
						if b.Text == prev || b.Text == next {
							return i
						}
					}
				}
				t.Fatalf("no page buttons on %q", m.Text)
				return 0
			}
			at := func(m *telegramtest.Message, fromBottom, col int) telegramtest.Button {
				row := m.Keyboard[len(m.Keyboard)-1-fromBottom]
				if len(row) != 2 {
					t.Fatalf("the page buttons' row %+v: want two halves on %q", row, m.Text)
				}
				return row[col]
			}
			first := navRow(m)
			if b := at(m, first, 1); b.Text != next {
				t.Fatalf("page 1: %q in Next's place", b.Text)
			}
			pages := 1
			for ; pages < 30; pages++ {
				fb := navRow(m)
				if fb != first {
					t.Errorf("page %d: the page buttons moved, row %d from the bottom, was %d", pages, fb, first)
				}
				left, right := at(m, fb, 0), at(m, fb, 1)
				if pages > 1 && left.Text != prev || pages == 1 && left.Text == prev || right.Text == prev || left.Text == next {
					t.Errorf("page %d: page buttons %q | %q", pages, left.Text, right.Text)
				}
				if right.Text != next {
					break // the last page
				}
				// A double tap: the second lands where the first was.
				id, err := u.PressData(m.ID, right.CallbackData)
				if err != nil {
					t.Fatal(err)
				}
				w.bot.WaitHandled(t, id)
				m = only(t, drain(u))
				if again := at(m, navRow(m), 1); again.Text == prev {
					t.Fatalf("page %d: a second tap on Next's place is %q", pages+1, again.Text)
				}
			}
			if pages < 3 {
				t.Fatalf("only %d pages", pages)
			}
			// The place held on the last page does nothing but show it again.
			text := m.Text
			id, err := u.PressData(m.ID, at(m, navRow(m), 1).CallbackData)
			if err != nil {
				t.Fatal(err)
			}
			w.bot.WaitHandled(t, id)
			ms := drain(u)
			if len(ms) > 1 || len(ms) == 1 && ms[0].Text != text {
				t.Errorf("the held place pressed on the last page: %+v", ms)
			}
		})
	}
}
