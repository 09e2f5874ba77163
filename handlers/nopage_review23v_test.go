package handlers_test

import (
	"testing"
)

// On the ℹ fee and sources page, the paging row's placeholder "·" (where
// "‹ Trước" or "Sau ›" is not) drew the same page again with no pop-up: it
// looked broken (review 23v). Its press says why nothing moves, in a
// pop-up, and leaves the page as it is.
func TestPagePlaceholderSaysFirstOrLastPage(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Trang")
	g := guide(t, "ho-chieu")
	w.send(v, "/new")
	w.send(v, "ho chieu")
	w.press(v, g.Title.Vi)
	page := last(t, w.press(v, w.vi("case.info")))
	if ms := w.press(v, w.vi("button.no_page")); len(ms) != 0 {
		t.Errorf("“·” on the first page changed the chat: %+v", ms)
	}
	if got := lastAnswer(t, v); got != w.vi("button.first_page") {
		t.Errorf("“·” on the first page answers %q; want %q", got, w.vi("button.first_page"))
	}
	for range 20 {
		if !hasButton(v.Last(), w.vi("button.next")) {
			break
		}
		page = last(t, w.press(v, w.vi("button.next")))
	}
	if !hasButton(page, w.vi("button.no_page")) {
		t.Fatalf("the last page: %v", page.Buttons())
	}
	if ms := w.press(v, w.vi("button.no_page")); len(ms) != 0 {
		t.Errorf("“·” on the last page changed the chat: %+v", ms)
	}
	if got := lastAnswer(t, v); got != w.vi("button.last_page") {
		t.Errorf("“·” on the last page answers %q; want %q", got, w.vi("button.last_page"))
	}
}
