package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
)

// navRow is the labels of m's paging row ("‹ Trước", "Sau ›", "·"), nil
// when it has none.
func navRow(w *world, m *telegramtest.Message) []string {
	for _, row := range m.Keyboard {
		for _, b := range row {
			if b.Text == w.vi("button.next") || b.Text == w.vi("button.prev") {
				var out []string
				for _, b := range row {
					out = append(out, b.Text)
				}
				return out
			}
		}
	}
	return nil
}

// Review 26B, item 5: the ℹ page's paging row on its first page, "· | Sau
// ›", was said to hold a button that does nothing. Telegram draws no
// inline button that cannot be pressed, and taking the "·" away makes
// "Sau ›" fill the row on the first page and stand on the right half on
// the next: a double tap on it there lands on "‹ Trước" and goes back
// (review 22). So it stays, and its press answers in a pop-up where the
// reader is, changing nothing; Previous and Next keep their halves on the
// first, a middle and the last page, and take the reader there; a "·" of
// a page left (a tap that left the phone late) is out of date.
func TestReview26BInfoPagesPlaceholderAnswersAndNavigationHolds(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Trang ℹ")
	g := guide(t, "ho-chieu")
	w.send(v, "/new")
	w.send(v, "ho chieu")
	w.press(v, g.Title.Vi)
	dot, prev, next := w.vi("button.no_page"), w.vi("button.prev"), w.vi("button.next")
	page := func(m *telegramtest.Message, n int) {
		t.Helper()
		if !strings.Contains(m.Text, w.vi("case.sub_page", locales.Data{"Page": n, "Pages": 3})) {
			t.Fatalf("want page %d/3: %q", n, strings.SplitN(m.Text, "\n", 2)[0])
		}
	}
	first := last(t, w.press(v, w.vi("case.info")))
	page(first, 1)
	if got := strings.Join(navRow(w, first), "|"); got != dot+"|"+next {
		t.Fatalf("page 1's paging row: %q", got)
	}
	if ms := w.press(v, dot); len(ms) != 0 {
		t.Errorf("“·” on page 1 changed the chat: %d messages", len(ms))
	}
	if got := lastAnswer(t, v); got != w.vi("button.first_page") {
		t.Errorf("“·” on page 1 answers %q, want %q", got, w.vi("button.first_page"))
	}
	dotData := buttonData(first, dot)

	middle := last(t, w.press(v, next))
	page(middle, 2)
	if got := strings.Join(navRow(w, middle), "|"); got != prev+"|"+next {
		t.Fatalf("page 2's paging row: %q", got)
	}
	// The "·" of page 1, pressed once page 2 is up: out of date, the page
	// stays.
	upd, err := v.PressData(middle.ID, dotData)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, upd)
	drain(v)
	if got := lastAnswer(t, v); got != w.vi("button.stale") {
		t.Errorf("page 1's “·” on page 2 answers %q, want %q", got, w.vi("button.stale"))
	}
	page(msgByID(t, v, middle.ID), 2)

	end := last(t, w.press(v, next))
	page(end, 3)
	if got := strings.Join(navRow(w, end), "|"); got != prev+"|"+dot {
		t.Fatalf("page 3's paging row: %q", got)
	}
	if ms := w.press(v, dot); len(ms) != 0 {
		t.Errorf("“·” on the last page changed the chat: %d messages", len(ms))
	}
	if got := lastAnswer(t, v); got != w.vi("button.last_page") {
		t.Errorf("“·” on the last page answers %q, want %q", got, w.vi("button.last_page"))
	}
	page(last(t, w.press(v, prev)), 2)
	page(last(t, w.press(v, prev)), 1)
	if m := last(t, w.press(v, w.vi("button.back"))); !hasButton(m, w.vi("consent.yes")) {
		t.Errorf("← from the ℹ page: %q", m.Text)
	}
}
