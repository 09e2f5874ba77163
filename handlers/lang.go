package handlers

import (
	"slices"
	"strings"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/vntext"
)

// langNames are what people type after /lang besides the codes, folded.
var langNames = map[string]string{"english": "en", "tieng anh": "en", "anh": "en", "vietnamese": "vi", "tieng viet": "vi", "viet": "vi"}

// lang switches the user's language: "/lang en" (or "/lang English",
// "/lang tiếng Việt") directly, or "/lang" and a button.
func (h *Handlers) lang(r *request, arg string) error {
	if arg != "" {
		code := strings.ToLower(arg)
		if c, ok := langNames[vntext.Fold(arg)]; ok {
			code = c
		}
		if slices.Contains(locales.Languages, code) {
			return h.setLanguage(r, code)
		}
		r.say(r.t.T("lang.unknown", locales.Data{"Lang": arg}), h.languageKeyboard())
		return nil
	}
	r.say(r.t.T("lang.choose"), h.languageKeyboard())
	return nil
}

// languageKeyboard names each language in itself.
func (h *Handlers) languageKeyboard() bot.Keyboard {
	row := make([]bot.Button, 0, len(locales.Languages))
	for _, code := range locales.Languages {
		row = append(row, bot.Button{Text: h.texts.For(code).T("lang.name"), Data: callback{flow: flowLang, action: "set", arg: code}.String()})
	}
	return bot.Keyboard{row}
}

func (h *Handlers) langPress(r *request, cb callback) error {
	if !slices.Contains(locales.Languages, cb.arg) {
		r.answer(r.t.T("button.done"))
		return nil
	}
	return h.setLanguage(r, cb.arg)
}

func (h *Handlers) setLanguage(r *request, code string) error {
	// The other language of a double tap (English, then Tiếng Việt, both
	// sent before either was answered): the case drawn below the question
	// by the first is in the language just left.
	changed := r.user.Language != code
	if err := r.tx.SetLanguage(r.ctx, r.user.TelegramID, code); err != nil {
		return err
	}
	r.t = h.texts.For(code)
	r.show(r.t.T("lang.changed"), nil)
	r.replies = append(r.replies, h.menuFor(r.chat, r.t, r.role))
	// A case on screen comes back below, in the new language: its message
	// above is in the old one. So does a resident's dossier on screen.
	if err := h.drawCaseBelow(r, false, changed); err != nil {
		return err
	}
	return h.followupBelow(r, changed)
}

// caseBelow draws the screen of the case flow the chat is in, if any,
// again as a new message, below an answer given mid-case (/lang, /help,
// /me): the volunteer carries on from there without scrolling up to find
// it. caseOnly leaves the screens before a case (the list of procedures)
// where they are. The screens of /tally, /team and /invite come back so
// too (tallyAgain, teamAgain, inviteAgain): until reviews 24T and 25B they
// stayed far above the answer, their buttons live there.
//
// Drawn for a press, it is marked below the pressed message: a second tap
// that left the phone with the first carries the message as it was, buttons
// and all, and would draw the screen a second time.
func (h *Handlers) caseBelow(r *request, caseOnly bool) error {
	return h.drawCaseBelow(r, caseOnly, false)
}

// drawCaseBelow is caseBelow; again draws it even below a message it was
// drawn below (the screen there is in another language now). Drawn for
// /lang (not caseOnly), a case that ended comes back only while its offer
// stands (offerOver): after it, the chat is in no flow; and a case's
// pause message on screen comes back (pausedAgain), its case paused.
func (h *Handlers) drawCaseBelow(r *request, caseOnly, again bool) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	paused := !caseOnly && err == nil && pausedOnScreen(conv) != 0
	if err != nil || (conv.Flow != flowCase && !redrawnFlows[conv.Flow] && !atComment(conv) && !paused) {
		return ignoreGone(err)
	}
	r.answer("")
	pressed := r.liveMessage()
	if pressed != 0 && !again && conv.DrawnBelow() == pressed {
		return nil // drawn below this message already, by the first tap
	}
	switch conv.Flow {
	case flowTally:
		err = h.tallyAgain(r, conv)
	case flowTeam:
		err = h.teamAgain(r, conv)
	case flowInvite:
		err = h.inviteAgain(r, conv, "")
	case flowFollowup:
		// A resident's comment question: its next words are the comment
		// (commentAgain), words offered as one still offered.
		err = h.commentRedrawn(r, conv, "")
	case "":
		// No flow: a case's pause message, if it is the last screen.
		err = h.pausedAgain(r, conv)
	default:
		var v *caseView
		var ok bool
		v, ok, err = h.convView(r, conv)
		if !ok || err != nil || (caseOnly && (v.c.ID == 0 || !v.c.Live())) {
			return err
		}
		if v.c.ID != 0 && h.offerOver(v.c) {
			// The offer about a case that ended (a late dossier code),
			// hours old: no longer a question to draw again (until review
			// 25B /lang did). It ends, its buttons above go.
			r.cb = nil // the screen above, not the language question pressed
			return h.endScreen(r, v, conv)
		}
		err = v.again("")
	}
	if err != nil || pressed == 0 {
		return err
	}
	return r.tx.MarkDrawnBelow(r.ctx, r.chat, pressed)
}
