package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
)

// A deploy drops the first checklist item while the checklist is on
// screen: ticks were matched by position, so "☐ 2" on the message — which
// showed the birth certificate — ticked the item now second (the date of
// birth), and "☐ 1" — the VNeID account, gone — ticked the certificate.
// A tick names its item: it sets the item it showed, or is out of date.
func TestChecklistTickOnAnOldMessageSetsTheItemItShowed(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Đánh dấu")
	w.send(u, "/new")
	w.press(u, g.Title.Vi)
	live := last(t, w.press(u, w.vi("consent.no")))

	changed := *g
	changed.Prerequisites = slices.Clone(g.Prerequisites[1:]) // item 1 dropped
	w.withCatalog(guides.NewCatalog(&changed))

	// Both taps leave the phone with the message as it was.
	a, err := u.PressOn(live.ID, "☐ 1")
	if err != nil {
		t.Fatal(err)
	}
	b, err := u.PressOn(live.ID, "☐ 2")
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, a, b)
	drain(u)
	c, _ := w.lastCase(u)
	if want := []string{g.Prerequisites[1].ID}; !slices.Equal(c.Checked, want) {
		t.Errorf("ticks ☐ 1 (%s, gone) and ☐ 2 (%s) on the old checklist set %v, want %v",
			g.Prerequisites[0].ID, g.Prerequisites[1].ID, c.Checked, want)
	}
	answers := u.Answers()
	if len(answers) < 2 || answers[len(answers)-2].Text != w.vi("button.stale") {
		t.Errorf("the tick of the item that left the guide was answered %+v, want %q", answers, w.vi("button.stale"))
	}
	// The message now shows the checklist as it is: the certificate ticked,
	// first.
	if m := msgByID(t, u, live.ID); !hasButton(m, "☑ 1") || strings.Contains(m.Text, g.Prerequisites[0].Text.Vi) {
		t.Errorf("the checklist after the deploy shows %q %+v", m.Text, m.Buttons())
	}
}

// A deploy replaces a checklist item with another (as many items, as many
// buttons): the tick of the one replaced is out of date, and the message —
// the chat's current one, of the same shape — is drawn again with the new
// item, not left showing the old one, whose tick would be refused at every
// press. (So, too, a checklist drawn before ticks named their items.)
func TestChecklistItemReplacedIsDrawnAgain(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Thay mục")
	w.send(u, "/new")
	w.press(u, g.Title.Vi)
	live := last(t, w.press(u, w.vi("consent.no")))

	changed := *g
	changed.Prerequisites = slices.Clone(g.Prerequisites)
	changed.Prerequisites[0] = guides.Item{ID: "vneid-moi", Text: guides.Text{Vi: "Mục mới thay mục một", En: "A new first item"}}
	w.withCatalog(guides.NewCatalog(&changed))

	id, err := u.PressOn(live.ID, "☐ 1")
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	c, _ := w.lastCase(u)
	m := msgByID(t, u, live.ID)
	if len(c.Checked) != 0 || lastAnswer(t, u) != w.vi("button.stale") || !strings.Contains(m.Text, "Mục mới thay mục một") {
		t.Errorf("the tick of a replaced item set %v, answered %q; the message shows %q", c.Checked, lastAnswer(t, u), m.Text)
	}
}
