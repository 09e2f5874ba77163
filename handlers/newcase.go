package handlers

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Starting a case: /new shows the volunteer's most used procedures and the
// categories; typing a few words searches. Picking a guide shows the consent
// screen the volunteer reads to the resident; the answer creates the case,
// which the wizard (wizard.go) then walks through. All of it is the flow
// "case", so one version guards every button, and /resume returns to it.

// Screens of the case flow before a case exists.
const (
	screenPick    = "pick"    // most used + categories
	screenCat     = "cat"     // one category's guides
	screenFound   = "found"   // search results
	screenConsent = "consent" // read to the resident
	screenResume  = "resume"  // the open cases
)

const (
	frequentShown = 4
	foundShown    = 10
	resumeShown   = 8
	frequentDays  = 90
)

// caseState is the case flow's data in the conversation row.
type caseState struct {
	Case  int64    `json:"c,omitempty"`
	Guide string   `json:"g,omitempty"` // consent: the guide picked
	Cat   string   `json:"k,omitempty"`
	Found []string `json:"f,omitempty"`  // found: the guides a search found (never the words typed)
	Err   string   `json:"e,omitempty"`  // fix: the error chosen
	Page  int      `json:"pg,omitempty"` // resume: the page of the list
}

// caseData makes the callback data of the flow's buttons at a version.
func caseData(version int) func(action, arg string) string {
	return func(action, arg string) string {
		return callback{flow: flowCase, action: action, arg: arg, version: version}.String()
	}
}

// newCase is /new (and the "new case" button of a summary).
func (h *Handlers) newCase(r *request) error {
	if !h.isMember(r) {
		return nil
	}
	return h.caseGo(r, screenPick, caseState{}, "")
}

// isMember tells a guest that cases are for team members.
func (h *Handlers) isMember(r *request) bool {
	if !r.member() {
		r.say(r.t.T("case.not_member"), nil)
	}
	return r.member()
}

// caseGo saves the flow at screen and shows it, with note above it.
func (h *Handlers) caseGo(r *request, screen string, st caseState, note string) error {
	version, err := h.caseSave(r, screen, st)
	if err != nil {
		return err
	}
	return h.caseShow(r, screen, st, version, note)
}

// caseSave puts the chat at a screen of the case flow. A case the chat
// showed until now, if it is not st's, is paused first (leaveCase).
func (h *Handlers) caseSave(r *request, screen string, st caseState) (version int, err error) {
	if err := h.leaveCase(r, st.Case); err != nil {
		return 0, err
	}
	return r.tx.SaveConversation(r.ctx, r.chat, flowCase, screen, st, 0)
}

// caseShow draws a screen of the flow, in place of the pressed message or
// as a new one, with note above it.
func (h *Handlers) caseShow(r *request, screen string, st caseState, version int, note string) error {
	text, kb, ok, err := h.draw(r, screen, st, version)
	if !ok || err != nil {
		return err
	}
	if note != "" {
		text = note + "\n\n" + text
	}
	r.show(text, kb)
	return nil
}

// draw makes a screen of the flow. ok is false when the flow's case or its
// guide is gone: the user has been told and the flow ended.
func (h *Handlers) draw(r *request, screen string, st caseState, version int) (text string, kb bot.Keyboard, ok bool, err error) {
	if st.Case == 0 {
		text, kb, err = h.caseScreen(r, screen, st, version)
		return text, kb, err == nil, err
	}
	c, g, ok, err := h.loadCase(r, st)
	if !ok || err != nil {
		return "", nil, false, err
	}
	text, kb = h.wizardScreen(r, screen, st, c, g, version)
	return text, kb, true, nil
}

// caseScreen draws the screens before a case exists.
func (h *Handlers) caseScreen(r *request, screen string, st caseState, version int) (string, bot.Keyboard, error) {
	data := caseData(version)
	lang := r.t.Lang()
	switch screen {
	case screenPick:
		ids, err := r.tx.FrequentGuides(r.ctx, r.user.TelegramID, r.user.CommuneCode, h.now().AddDate(0, 0, -frequentDays), frequentShown)
		if err != nil {
			return "", nil, err
		}
		var kb bot.Keyboard
		shown := map[string]bool{}
		for _, id := range ids {
			if g, ok := h.guides.Guide(id); ok {
				kb = append(kb, []bot.Button{{Text: g.Title.In(lang), Data: data("g", g.ID)}})
				shown[g.ID] = true
			}
		}
		for _, g := range h.guides.All() {
			if len(kb) >= frequentShown {
				break
			}
			if !shown[g.ID] {
				kb = append(kb, []bot.Button{{Text: g.Title.In(lang), Data: data("g", g.ID)}})
			}
		}
		var cats []bot.Button
		for _, c := range guides.Categories {
			if n := len(h.guides.InCategory(c)); n > 0 {
				cats = append(cats, bot.Button{Text: r.t.T("category."+c) + " (" + strconv.Itoa(n) + ")", Data: data("k", c)})
			}
		}
		kb = append(kb, grid(cats, 2)...)
		text := r.t.T("case.pick")
		open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
		if err != nil {
			return "", nil, err
		}
		if open > 0 {
			text += "\n\n" + r.t.N("case.open_cases", open, nil)
		}
		return text, kb, nil
	case screenCat:
		var kb bot.Keyboard
		for _, g := range h.guides.InCategory(st.Cat) {
			kb = append(kb, []bot.Button{{Text: g.Title.In(lang), Data: data("g", g.ID)}})
		}
		kb = append(kb, []bot.Button{{Text: r.t.T("button.back"), Data: data("h", "")}})
		return r.t.T("case.category", locales.Data{"Category": r.t.T("category." + st.Cat)}), kb, nil
	case screenFound:
		var found []*guides.Guide
		for _, id := range st.Found {
			if g, ok := h.guides.Guide(id); ok {
				found = append(found, g)
			}
		}
		text, kb := h.foundScreen(r, "", found, data)
		return text, kb, nil
	case screenConsent:
		g, ok := h.guides.Guide(st.Guide)
		if !ok {
			return h.caseScreen(r, screenPick, caseState{}, version)
		}
		head := g.Title.In(lang)
		if g.Procedure() {
			head = r.t.T("consent.head", locales.Data{"Guide": head, "Mode": modeName(r, g)})
		}
		text := head + "\n\n" + consentText(r, g)
		kb := bot.Keyboard{
			{{Text: r.t.T("consent.yes"), Data: data("y", "")}},
			{{Text: r.t.T("consent.no"), Data: data("n", "")}},
		}
		if !g.OffersFollowup() { // nothing to follow: the notice, read, is enough
			kb = bot.Keyboard{{{Text: r.t.T("consent.read"), Data: data("n", "")}}}
		}
		return text, append(kb, []bot.Button{{Text: r.t.T("consent.other_guide"), Data: data("h", "")}}), nil
	case screenResume:
		// One more than a page, to know whether there is a next one.
		cs, err := r.tx.OpenCases(r.ctx, r.user.TelegramID, st.Page*resumeShown, resumeShown+1)
		if err != nil {
			return "", nil, err
		}
		if len(cs) == 0 && st.Page == 0 {
			return r.t.T("resume.none"), nil, nil
		}
		lines := []string{r.t.T("resume.head")}
		var kb bot.Keyboard
		for _, c := range cs[:min(len(cs), resumeShown)] {
			label := h.caseLabel(r, c)
			lines = append(lines, "• "+label)
			kb = append(kb, []bot.Button{{Text: label, Data: data("cs", strconv.FormatInt(c.ID, 10))}})
		}
		var nav []bot.Button
		if st.Page > 0 {
			nav = append(nav, bot.Button{Text: r.t.T("button.prev"), Data: data("pg", strconv.Itoa(st.Page-1))})
		}
		if len(cs) > resumeShown {
			nav = append(nav, bot.Button{Text: r.t.T("button.next"), Data: data("pg", strconv.Itoa(st.Page+1))})
		}
		if nav != nil {
			kb = append(kb, nav)
		}
		return strings.Join(lines, "\n"), kb, nil
	}
	return h.caseScreen(r, screenPick, caseState{}, version)
}

// foundScreen lists a search's results, or says plainly that nothing
// matched. The words typed are shown once, when the search is made; a
// redraw (query "") does without them, since they are not kept.
func (h *Handlers) foundScreen(r *request, query string, found []*guides.Guide, data func(action, arg string) string) (string, bot.Keyboard) {
	back := []bot.Button{{Text: r.t.T("case.all_guides"), Data: data("h", "")}}
	var text string
	switch {
	case query == "":
		text = r.t.N("case.found_again", len(found))
	case len(found) == 0:
		text = r.t.T("case.no_match", locales.Data{"Query": query})
	default:
		text = r.t.N("case.found", len(found), locales.Data{"Query": query})
	}
	if len(found) > foundShown {
		found = found[:foundShown]
		text += "\n" + r.t.T("case.found_more", locales.Data{"Shown": foundShown})
	}
	var kb bot.Keyboard
	for _, g := range found {
		kb = append(kb, []bot.Button{{Text: g.Title.In(r.t.Lang()), Data: data("g", g.ID)}})
	}
	return text, append(kb, back)
}

// caseLabel names an open case in the /resume list.
func (h *Handlers) caseLabel(r *request, c storage.Case) string {
	title := c.GuideID
	if g, ok := h.guides.Guide(c.GuideID); ok {
		title = g.Title.In(r.t.Lang())
	}
	return "#" + strconv.FormatInt(c.ID, 10) + " " + shorten(title, 40) + " · " + h.where(r, c)
}

// where says where a case stands: "step 3/7", "outcome to record"…
func (h *Handlers) where(r *request, c storage.Case) string {
	if c.Phase == storage.PhaseSteps {
		return r.t.T("resume.phase_steps", locales.Data{"Step": c.Step + 1, "Steps": c.StepsTotal})
	}
	return r.t.T("resume.phase_" + c.Phase)
}

// consentText is what the volunteer reads to the resident: what is logged,
// and, for procedures with a dossier to follow, the follow-up offer.
func consentText(r *request, g *guides.Guide) string {
	if !g.OffersFollowup() {
		return r.t.T("consent.notice")
	}
	return r.t.T("consent.text")
}

// consentVersion names the exact consent text read: its language and a
// hash of its words, so a change of wording is a new version by itself.
func consentVersion(r *request, g *guides.Guide) string {
	sum := sha256.Sum256([]byte(consentText(r, g)))
	return r.t.Lang() + "-" + hex.EncodeToString(sum[:4])
}

func modeName(r *request, g *guides.Guide) string {
	return r.t.T("mode."+modeKey(g.Mode), locales.Data{"Level": g.Legacy()})
}

// modeKey is a mode's text id: TOML keys read better with _ than -.
func modeKey(mode string) string { return strings.ReplaceAll(mode, "-", "_") }

// casePress moves the case flow on by a button.
func (h *Handlers) casePress(r *request, cb callback) error {
	switch cb.action { // buttons of messages that end the flow: valid whatever came since
	case "new":
		return h.newCase(r)
	case "res":
		id, _ := strconv.ParseInt(cb.arg, 10, 64)
		return h.resumeCase(r, id)
	case "end":
		id, _ := strconv.ParseInt(cb.arg, 10, 64)
		return h.endCase(r, id)
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if conv.Flow != flowCase {
		// A case's button after the chat left the case (paused, cancelled):
		// the open cases are where it really stands.
		open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
		if err != nil || open == 0 || !r.member() {
			r.answer(r.t.T("button.done"))
			return err
		}
		r.answer(r.t.T("button.stale"))
		return h.caseGo(r, screenResume, caseState{}, "")
	}
	var st caseState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	if cb.version != conv.Version {
		// An old message, or the second tap of a double tap: nothing moves;
		// say so and show where the case really is.
		r.answer(r.t.T("button.stale"))
		return h.caseShow(r, conv.Step, st, conv.Version, "")
	}
	switch conv.Step {
	case screenPick, screenCat, screenFound, screenResume:
		switch cb.action {
		case "g":
			if _, ok := h.guides.Guide(cb.arg); ok {
				return h.caseGo(r, screenConsent, caseState{Guide: cb.arg}, "")
			}
		case "k":
			if len(h.guides.InCategory(cb.arg)) > 0 {
				return h.caseGo(r, screenCat, caseState{Cat: cb.arg}, "")
			}
		case "h":
			return h.caseGo(r, screenPick, caseState{}, "")
		case "cs":
			id, _ := strconv.ParseInt(cb.arg, 10, 64)
			return h.resumeCase(r, id)
		case "pg":
			if page, err := strconv.Atoi(cb.arg); err == nil && page >= 0 && conv.Step == screenResume {
				return h.caseGo(r, screenResume, caseState{Page: page}, "")
			}
		}
	case screenConsent:
		switch cb.action {
		case "y", "n":
			return h.startCase(r, st.Guide, cb.action == "y")
		case "h":
			return h.caseGo(r, screenPick, caseState{}, "")
		}
	default:
		return h.wizardPress(r, conv, st, cb)
	}
	// A button this screen does not have: show the screen again.
	r.answer(r.t.T("button.stale"))
	return h.caseShow(r, conv.Step, st, conv.Version, "")
}

// caseText takes typed text in the case flow: a search while choosing, the
// answer where the wizard asks for one, else a hint and the same screen.
func (h *Handlers) caseText(r *request, conv storage.Conversation) error {
	var st caseState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	switch conv.Step {
	case screenPick, screenCat, screenFound:
		return h.searchGuides(r)
	}
	if handled, err := h.wizardText(r, conv, st); handled || err != nil {
		return err
	}
	// A button is expected: a short hint, and the screen again, below it.
	text, kb, ok, err := h.draw(r, conv.Step, st, conv.Version)
	if !ok || err != nil {
		return err
	}
	r.say(r.t.T("case.press_a_button")+"\n\n"+text, kb)
	return nil
}

// searchGuides answers typed words with the guides they find.
func (h *Handlers) searchGuides(r *request) error {
	q := r.text
	if utf8.RuneCountInString(q) > maxQuery {
		q = shorten(q, maxQuery)
	}
	if problem := personalData(q); problem != "" {
		// Not kept, even as a search: the resident's data has no place here.
		r.say(r.t.T("case.query_"+problem), nil)
		return nil
	}
	found := h.guides.Search(q)
	ids := make([]string, len(found))
	for i, g := range found {
		ids[i] = g.ID
	}
	version, err := h.caseSave(r, screenFound, caseState{Found: ids})
	if err != nil {
		return err
	}
	text, kb := h.foundScreen(r, q, found, caseData(version))
	r.show(text, kb)
	return nil
}

// resume is /resume: the open cases, or straight back into the only one.
func (h *Handlers) resume(r *request) error {
	if !h.isMember(r) {
		return nil
	}
	cs, err := r.tx.OpenCases(r.ctx, r.user.TelegramID, 0, 2)
	if err != nil {
		return err
	}
	if len(cs) == 1 {
		return h.resumeCase(r, cs[0].ID)
	}
	if len(cs) == 0 {
		r.say(r.t.T("resume.none"), nil)
		return nil
	}
	return h.caseGo(r, screenResume, caseState{}, "")
}

// shorten cuts s to n characters, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// cancelCase is /cancel in the case flow: a running case is paused, not
// lost; choosing a procedure simply stops.
func (h *Handlers) cancelCase(r *request, conv storage.Conversation) error {
	var st caseState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	if st.Case != 0 {
		c, g, ok, err := h.loadCase(r, st)
		if !ok || err != nil {
			return err
		}
		return h.pause(r, c, &g.Steps[c.Step])
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	r.say(r.t.T("cancel.done"), nil)
	return nil
}
