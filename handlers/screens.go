package handlers

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A flow (the case wizard, the invite flow) is a table of screens. Each
// screen holds, side by side, how it is drawn, what each of its buttons does
// and where it may lead, and what a typed answer does: a reader scans one
// table to see the whole flow, and docs/wizard.md draws its graph from it
// (TestScreenGraphsInDocs keeps the picture true).
//
// A press is taken only if the screen, drawn as it stands now, offers a
// button with exactly that data: an old button, a double tap or forged data
// changes nothing (the chat's version is in every button).

// screen is one screen of a flow whose view of the chat is V.
type screen[V any] struct {
	// draw makes the screen's text and buttons; each button names one of
	// the actions in on.
	draw func(v V) (string, bot.Keyboard, error)
	// on are the screen's buttons, by action name.
	on map[string]action[V]
	// typed is what a typed answer does; nil: the screen wants a button,
	// and a typed text gets a hint and the screen again.
	typed *action[V]
	// anyVersion marks a message whose buttons name what they act on (a
	// case) rather than a screen: they work whatever happened since.
	anyVersion bool
}

// action is what a button (or a typed answer) does and the screens it may
// lead to: the edges of the graph. Where it really led is checked against
// them (Handlers.landed).
type action[V any] struct {
	to []string
	do func(v V, arg string) error
	// once marks a button that records a choice (a step done, an outcome,
	// the consent…), or moves back (the case wizard's ←, whose screen
	// before has its own ← at the same spot: until review 32A a double tap
	// went back two steps): pressed as its screen was just drawn, it is
	// the second tap of a double tap on the screen before, come after the
	// first redrew the message and landed at the same spot, and is asked
	// again (guarded) rather than taken. The case wizard guards every
	// button of its screens but the checklist's ticks (caseScreens' init).
	once bool
}

// guarded is a flow's view that knows when its screen was drawn: tooSoon
// says whether a press of the button labelled label came too soon after,
// and has answered it so.
type guarded interface {
	tooSoon(label string) bool
}

// Pseudo-screens an action may lead to besides a flow's own screens.
const (
	leadsNowhere = "(end)" // the flow ends with a message
)

// showScreen puts screen s (named name), drawn for view v, in front of the
// user, with note above it.
func showScreen[V any](r *request, name string, s screen[V], v V, note string) error {
	text, kb, err := s.draw(v)
	if err != nil {
		return err
	}
	if note != "" {
		text = note + "\n\n" + text
	}
	r.landed = name
	r.show(text, kb)
	return nil
}

// flowOf reads the chat's conversation for a press on one of flow's
// buttons; ok is false, and the press answered, when the chat has left that
// flow: the button belongs to something finished.
func flowOf(r *request, flow string) (conv storage.Conversation, ok bool, err error) {
	conv, err = r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return conv, false, err
	}
	if conv.Flow != flow {
		r.answer(r.t.T("button.done"))
		return conv, false, nil
	}
	return conv, true, nil
}

// stepOf decodes a flow's state from conv into st and returns the screen
// it is on: the stored one when screens has it, else first.
func stepOf[V any](conv storage.Conversation, st any, screens map[string]screen[V], first string) (string, error) {
	if err := conv.Decode(st); err != nil {
		return "", err
	}
	if _, ok := screens[conv.Step]; ok {
		return conv.Step, nil
	}
	return first, nil
}

// endFlow ends the chat's flow with text in place of its screen: a Cancel
// or Close, or a user who may no longer use it (removed from the team,
// moved).
func endFlow(r *request, text string) error {
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	r.landed = leadsNowhere
	r.show(text, nil)
	return nil
}

// pageRow is a paged list's Previous and Next buttons (nil when there is
// neither): page is the one shown, more says a next one exists, and button
// makes the flow's button that shows a page. Previous is always the left
// half of the row and Next the right, on every page: where there is none
// the half holds a "·" that shows the page again. Until review 22 Next
// filled the row on the first page and was its right half on the next,
// so a double tap on it landed on Previous and went back.
func pageRow(t *locales.Localizer, page int, more bool, button func(label, page string) bot.Button) []bot.Button {
	if page <= 0 && !more {
		return nil
	}
	here := strconv.Itoa(max(page, 0))
	row := []bot.Button{button(t.T("button.no_page"), here), button(t.T("button.no_page"), here)}
	if page > 0 {
		row[0] = button(t.T("button.prev"), strconv.Itoa(page-1))
	}
	if more {
		row[1] = button(t.T("button.next"), strconv.Itoa(page+1))
	}
	return row
}

// grid lays buttons out in rows of n.
func grid(buttons []bot.Button, n int) bot.Keyboard {
	var kb bot.Keyboard
	for len(buttons) > 0 {
		k := min(n, len(buttons))
		kb = append(kb, buttons[:k])
		buttons = buttons[k:]
	}
	return kb
}

// provinceGrid is the 34 provinces as buttons, two a row, for the flows
// that pick one (invite, team, tally): button makes the flow's button for a
// province's name and code.
func provinceGrid(r *request, button func(name, code string) bot.Button) (bot.Keyboard, error) {
	ps, err := r.tx.Provinces(r.ctx)
	if err != nil {
		return nil, err
	}
	buttons := make([]bot.Button, len(ps))
	for i, p := range ps {
		buttons[i] = button(p.Name, p.Code)
	}
	return grid(buttons, 2), nil
}

// pages is how many pages n items fill, at least one.
func pages(n, per int) int { return max(1, (n+per-1)/per) }

// offers reports whether kb has a button with exactly this callback data.
func offers(kb bot.Keyboard, data string) bool {
	for _, row := range kb {
		for _, b := range row {
			if b.Data == data {
				return true
			}
		}
	}
	return false
}

// sameButtons reports whether a message's keyboard has kb's buttons, by
// their data, as a double tap at the same version leaves them: a checklist
// tick (which keeps the version) flips the "+" or "-" its arg begins with.
// Anything else differing is the screen changed under the same version: a
// deploy took a button away, added one, or made one name another item.
func sameButtons(m *models.Message, kb bot.Keyboard) bool {
	if m == nil || m.ReplyMarkup == nil {
		return len(kb) == 0
	}
	rows := m.ReplyMarkup.InlineKeyboard
	if len(rows) != len(kb) {
		return false
	}
	unsigned := func(data string) callback {
		cb := parseCallback(data)
		cb.arg = strings.TrimLeft(cb.arg, "+-")
		return cb
	}
	for i, row := range rows {
		if len(row) != len(kb[i]) {
			return false
		}
		for j, b := range row {
			if unsigned(b.CallbackData) != unsigned(kb[i][j].Data) {
				return false
			}
		}
	}
	return true
}

// press takes a press on a flow's screen s (named name), drawn for view v:
// only a button the screen, drawn as it stands now, offers at the
// conversation's version is taken; anything else is answered "out of
// date" and the screen redrawn, unless the pressed message already shows it.
func press[V any](h *Handlers, r *request, flow, name string, s screen[V], v V, conv storage.Conversation, cb callback) error {
	text, kb, err := s.draw(v)
	if err != nil {
		return err
	}
	a, known := s.on[cb.action]
	if cb.version != conv.Version || !known || !offers(kb, r.cb.Data) {
		r.answer(r.t.T("button.stale"))
		r.landed = name
		// The current message needs no redraw after a double tap (the first
		// tap made it current, even a checklist tick's, which keeps the
		// version and the buttons' places); it does when its screen changed
		// under the same version: a deploy took a button away, added one,
		// or made one act on something else (sameButtons).
		if !r.showsCurrent(conv) || (cb.version == conv.Version && !sameButtons(r.cb.Message.Message, kb)) {
			r.show(text, kb)
		}
		return nil
	}
	if first, ok := placeholder(r, kb); ok {
		// A paging row's "·" (pageRow): nothing to go to. Said in a
		// pop-up, the page left as it is: drawn again, it looked broken.
		key := "button.last_page"
		if first {
			key = "button.first_page"
		}
		r.answer(r.t.T(key))
		r.landed = name
		return nil
	}
	if g, ok := any(v).(guarded); ok && a.once && g.tooSoon(labelOf(kb, r.cb.Data)) {
		r.landed = name // the screen stays as it is, for a press made on purpose
		return nil
	}
	if err := a.do(v, cb.arg); err != nil {
		return err
	}
	return h.checkLanded(r, flow, name, cb.action, a.to)
}

// tooSoon tells whether a press of the button labelled label, one that
// records or makes something, came within the tap guard of its screen's
// drawing at drawn (WithTapGuard; zero: not known, never too soon): the
// second tap of a double tap on the screen before, come after the first
// redrew the message, lands at once on the button now at the same spot.
// Such a press is answered by the flow's pop-up key (case.too_soon,
// tally.too_soon, invite.too_soon: "… “{{.Button}}” was pressed just as
// the screen changed …") asking that it be made again; the caller leaves
// the screen as it is. One for the case wizard (caseView.tooSoon, and a
// pause message's ends: pausedJustNow), /tally's periods and /invite's
// link-making buttons, which were three near-copies until review 32A.
func (h *Handlers) tooSoon(r *request, drawn time.Time, key, label string) bool {
	if !h.justDrawn(drawn) {
		return false
	}
	r.answer(r.t.T(key, locales.Data{"Button": label}))
	return true
}

// drawnAt is the time a flow's state says its screen was drawn (Unix
// milliseconds of the bot's clock, kept only with a tap guard; 0: not
// known, the zero time).
func drawnAt(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

// pressedLabel is the label of the button pressed, as the message pressed
// shows it ("" when Telegram sent it without its buttons).
func (r *request) pressedLabel() string {
	if r.cb == nil || r.cb.Message.Message == nil || r.cb.Message.Message.ReplyMarkup == nil {
		return ""
	}
	for _, row := range r.cb.Message.Message.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData == r.cb.Data {
				return b.Text
			}
		}
	}
	return ""
}

// labelOf is the label of kb's button with this callback data.
//
// pressedLabel and labelOf read different keyboards and stay two: press
// names the button as the screen is drawn now (labelOf: it knows the
// press is one kb offers, and Telegram may send a press on an old message
// without its buttons, where pressedLabel has none), while a pause
// message's ends (pausedJustNow) name the button on that message, which
// no screen of the chat's flow draws (anyVersion).
func labelOf(kb bot.Keyboard, data string) string {
	for _, row := range kb {
		for _, b := range row {
			if b.Data == data {
				return b.Text
			}
		}
	}
	return ""
}

// placeholder says whether the press is on a paging row's "·" (pageRow)
// of kb, and whether that one holds the place of Previous (first: the
// first page) or of Next (the last).
func placeholder(r *request, kb bot.Keyboard) (first, ok bool) {
	for _, row := range kb {
		for i, b := range row {
			if b.Data == r.cb.Data && b.Text == r.t.T("button.no_page") && len(row) == 2 {
				return i == 0, true
			}
		}
	}
	return false, false
}

// olderCopy answers a press on an older copy of a flow's screen (one drawn
// again as a new message below: inviteView.draw, teamView.draw,
// tallyView.draw), pressed before its buttons went: "out of date", and
// that copy loses its buttons if it still shows them; the screen is
// below, where the user moved on.
// It reports false for a press to take as any other (press).
func olderCopy(r *request, conv storage.Conversation, cb callback) bool {
	id := r.liveMessage()
	if cb.version == conv.Version || conv.MessageID == 0 || id == conv.MessageID {
		return false
	}
	r.answer(r.t.T("button.stale"))
	if m := r.cb.Message.Message; m == nil || (m.ReplyMarkup != nil && len(m.ReplyMarkup.InlineKeyboard) > 0) {
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: id})
	}
	return true
}

// typed runs a screen's typed answer; it reports false when the screen
// wants a button instead.
func typed[V any](h *Handlers, r *request, flow, name string, s screen[V], v V) (bool, error) {
	if s.typed == nil {
		return false, nil
	}
	if err := s.typed.do(v, r.text); err != nil {
		return true, err
	}
	return true, h.checkLanded(r, flow, name, "typed", s.typed.to)
}

// typedAtStart answers a flow's first screen, just saved as v, given the
// words typed after its command ("/team linh": "linh", as typed there):
// the screen's answer to them, or the screen itself when none came or it
// takes no words (until walk W2 of review 26, "/team linh" and "/invite
// gia lai" ignored the words).
func typedAtStart[V any](h *Handlers, r *request, flow, name string, s screen[V], v V, args string, draw func(string) error) error {
	if args = strings.TrimSpace(args); args != "" {
		r.text = args
		if done, err := typed(h, r, flow, name, s, v); done || err != nil {
			return err
		}
	}
	return draw("")
}

// checkLanded holds an action to its declared targets: the screen the chat
// landed on must be one of them. A mismatch is a bug in the table (the
// graph in the docs would lie); it fails the update in tests (strict) and
// is logged otherwise.
func (h *Handlers) checkLanded(r *request, flow, from, act string, to []string) error {
	if r.landed == "" || slices.Contains(to, r.landed) {
		return nil
	}
	err := fmt.Errorf("%s flow: %s --%s--> %s, which its table does not name (%s)", flow, from, act, r.landed, strings.Join(to, ", "))
	if h.strict {
		return err
	}
	h.log.Error("screen table out of date", "err", err)
	return nil
}

// graph draws a flow's table as a Mermaid flowchart: a node per screen, an
// edge per button (or typed answer) and the screen it may lead to. order
// lists the screens in reading order.
func graph[V any](screens map[string]screen[V], order []string) string {
	if len(order) != len(screens) {
		panic("graph: order must list every screen once")
	}
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	for _, name := range order {
		s, ok := screens[name]
		if !ok {
			panic("graph: no screen " + name)
		}
		acts := make([]string, 0, len(s.on))
		for a := range s.on {
			acts = append(acts, a)
		}
		slices.Sort(acts)
		edge := func(label string, to []string) {
			for _, t := range to {
				fmt.Fprintf(&b, "  %s -- %s --> %s\n", node(name), label, node(t))
			}
		}
		for _, a := range acts {
			edge(a, s.on[a].to)
		}
		if s.typed != nil {
			edge("typed", s.typed.to)
		}
	}
	return b.String()
}

// node names a screen as a Mermaid node id.
func node(name string) string {
	if name == leadsNowhere {
		return "end_((end))"
	}
	return strings.NewReplacer("(", "", ")", "", " ", "_").Replace(name)
}
