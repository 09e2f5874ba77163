package handlers

import (
	"cmp"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// The case flow: /new shows the volunteer's most used procedures and the
// categories (or typed words search); the consent screen is read to the
// resident, and its answer creates the case; the wizard then walks the case
// through its guide in one live message, edited in place — the checklist,
// each step ("Bước 3/7") with Done, Problem, Back, Skip and Pause, the
// outcome and, with the resident's consent, the dossier code. Every screen
// is a row of caseScreens (casescreens.go).
//
// Where a case stands (phase, step, ticked items) lives in its row, so
// /resume continues exactly there after a pause, a lost connection or a
// restart; the conversation row only says which screen the chat shows.
// Every step event is a row of case_events.

const (
	frequentShown = 4
	foundShown    = 10
	resumeShown   = 8
	frequentDays  = 90
	// frequentSample is how many of the volunteer's latest cases, and of
	// their commune's by others, the procedure list counts: enough to say
	// what is used of late, and a bound on what /new reads in a busy
	// commune.
	frequentSample = 300
	maxNote        = privacy.MaxNote
	// codeWindow is how long after a case closed a dossier code typed on its
	// own may still be attached to it (the summary can be lost on a bad
	// connection, and volunteers resend).
	codeWindow = 30 * time.Minute
	// codeHintFloor is the fewest minutes the hint for the case before
	// (codeOfCaseBefore) promises: the time to type /new and send the code
	// again. A code typed on its own is taken for that long past codeWindow,
	// so that the promise holds at the window's edge.
	codeHintFloor = 3 * time.Minute
	// codeTooLate is how far back a case that ended without its code is
	// named to a code typed once attaching is over (codeAfterClose): that
	// case can no longer take it, rather than "no case waits".
	codeTooLate = 24 * time.Hour
	// codeTooLateNamed is how many of those cases are named at most.
	codeTooLateNamed = 5
	// noteAgain is how long a note a case kept, typed again, is taken for
	// the same message sent again (a phone that dropped as it was sent):
	// said kept, not recorded twice (noteKept); searched only when its
	// words find a procedure (findsProcedure).
	noteAgain = 10 * time.Minute
)

var (
	// procedureNumber is a procedure's national number, folded ("1.000894",
	// "TTHC-1.000894", "2.000815.000.00.00.H42"): looked up, not a dossier.
	procedureNumber = regexp.MustCompile(`^(?:(?:ma )?tthc )?[1-3] \d{6}(?: \d{3} \d{2} \d{2} h\d{2})?$`)
	// legalNumber is a legal document's number, folded ("63/2024/NĐ-CP",
	// "01/2018/TT-VPCP", "296/QĐ-VPCP", "01/2016/TTLT-BTP-BYT",
	// "05/VBHN-BTP"), a law's ("45/2019/QH14") or its Standing Committee's
	// ("35/2023/UBTVQH15", "1232/NQ-UBTVQH15").
	legalNumber = regexp.MustCompile(`^\d{1,5}(?: \d{4})? (?:(?:nd|qd|tt|ttlt|nq|ct|cd|kh|tb|hd|vbhn)(?: [a-z]{2,8}(?:\d{2})?)+|(?:ubtv)?qh\d{2})$`)
)

// caseState is the case flow's data in the conversation row.
type caseState struct {
	Case  int64    `json:"c,omitempty"`
	Guide string   `json:"g,omitempty"` // consent and its info: the guide considered
	Cat   string   `json:"k,omitempty"`
	Found []string `json:"f,omitempty"` // found: the guides a search found (never the words typed)
	// found: the words asked for a procedure no guide covers (NoGuide):
	// drawn again (/lang, /help), the screen says so, not "type other words".
	NoGuide bool `json:"ng,omitempty"`
	// found: the words named a foreigner (a spouse of a foreign
	// nationality): with NoGuide, a procedure for them, no guide yet
	// (ForForeigner); without, no procedure, which one is asked
	// (ForeignSpouseOnly).
	Foreign bool `json:"fo,omitempty"`
	// found: the words named no procedure ("phí dịch vụ": noProcedureNamed;
	// "thủ tục": noProcedureWords), only a place (noProcedurePlace) or only
	// whom it is for ("chồng": noProcedureFor); drawn again, the
	// screen says so, not "type other words" (walk W3: /lang lost it).
	None string `json:"nn,omitempty"`
	Err  string `json:"e,omitempty"`  // fix: the error chosen
	Page int    `json:"pg,omitempty"` // resume: the list's page; sub: the sub-guide's page
	Sub  string `json:"s,omitempty"`  // sub: the sub-guide shown, when not the step's own (an error's)
	Code string `json:"cd,omitempty"` // attach: a dossier code typed after its case closed; kept: the code typed
	Kept int64  `json:"kp,omitempty"` // kept: the case that keeps Code
	// unit: the consent answered (y/n) and the version of the text read,
	// and the commune's name typed, until the case's commune is chosen.
	Consent    string `json:"cs,omitempty"`
	ConsentVer string `json:"cv,omitempty"`
	Unit       string `json:"u,omitempty"`
	// resume: the screen of case Case the list was asked over, which waits
	// for typed words or shows a fix (leftScreens, the dossier code), and
	// its state: the case is not left for the list, and its button there
	// draws it again.
	Over   string     `json:"ov,omitempty"`
	OverSt *caseState `json:"os,omitempty"`
	End    string     `json:"en,omitempty"` // end: the checklist's end asked for (its reason)
	// Drawn is when the screen was drawn (the bot's clock, Unix
	// milliseconds; only with a tap guard): a button that records a
	// choice pressed too soon after is the second tap of a double tap on
	// the screen before (tooSoon).
	Drawn int64 `json:"t,omitempty"`
}

// caseView is where the chat stands in the case flow, as a screen sees it.
type caseView struct {
	*request
	h      *Handlers
	screen string
	st     caseState
	ver    int           // the conversation's version, carried by every button
	c      storage.Case  // the case, when st.Case is set
	g      *guides.Guide // the case's guide, or the guide considered (consent, info)
}

// data is a button's callback data on this view's screen.
func (v *caseView) data(action, arg string) string {
	return callback{flow: flowCase, action: action, arg: arg, version: v.ver}.String()
}

func (v *caseView) button(label, action, arg string) bot.Button {
	return bot.Button{Text: label, Data: v.data(action, arg)}
}

// pageButton shows a page of a paged list (pageRow).
func (v *caseView) pageButton(label, page string) bot.Button { return v.button(label, "page", page) }

// step is the case's current step.
func (v *caseView) step() *guides.Step { return &v.g.Steps[v.c.Step] }

// goTo puts the chat on a screen of the case flow and shows it.
func (v *caseView) goTo(screen string, st caseState) error {
	return v.h.caseGo(v.request, screen, st, "")
}

// goCase shows the case's own screen for where it stands, with note above.
func (v *caseView) goCase(note string) error {
	return v.h.caseGo(v.request, screenOf(v.c), caseState{Case: v.c.ID}, note)
}

// newCase is /new (and the "new case" button of a summary).
func (h *Handlers) newCase(r *request) error {
	if !h.isMember(r) {
		return nil
	}
	return h.caseGo(r, screenPick, caseState{}, "")
}

// newCaseTyped is /new typed with words after it ("/new khai tu"): they
// are searched, as typed on the procedure list (until review 33A they were
// ignored, the whole list drawn). Words that draw no results (a phone
// number, small talk: only said) leave the list drawn below.
func (h *Handlers) newCaseTyped(r *request, args string) error {
	if args = strings.TrimSpace(args); args == "" || !r.member() {
		return h.newCase(r)
	}
	before, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	r.text = args
	if err := h.search(r, true); err != nil {
		return err
	}
	after, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if after.Flow == flowCase && (after.Flow != before.Flow || after.Version != before.Version) {
		return nil // the results (or a code's question) are on screen
	}
	return h.newCase(r)
}

// isMember tells a guest that cases are for team members.
func (h *Handlers) isMember(r *request) bool {
	if !r.member() {
		r.say(r.t.T("case.not_member"), nil)
	}
	return r.member()
}

// caseGo saves the chat at a screen of the case flow and shows it, with
// note above it. A case the chat showed until now, if it is not st's, is
// paused first: a case left behind is never abandoned unseen.
func (h *Handlers) caseGo(r *request, screen string, st caseState, note string) error {
	if err := h.leaveCase(r, st.Case); err != nil {
		return err
	}
	if r.closedAtCode != 0 {
		// Left at its dossier code (the next resident came): saved, not
		// paused, which /resume would look for in vain.
		note = strings.TrimSpace(r.t.T("case.left_at_code", locales.Data{"Case": r.closedAtCode, "Minutes": int(codeWindow.Minutes())}) + "\n\n" + note)
		r.closedAtCode = 0
	}
	if h.tapGuard > 0 {
		st.Drawn = h.now().UnixMilli()
	}
	version, err := r.tx.SaveConversation(r.ctx, r.chat, flowCase, screen, st, r.liveMessage())
	if err != nil {
		return err
	}
	return h.caseShow(r, screen, st, version, note)
}

// tooSoon tells whether a press of the button labelled label (any but a
// checklist's tick: action.once) came too soon after its screen was
// drawn (WithTapGuard): the second tap of a double tap, come after the
// first redrew the message, lands on the button now at the same spot — on
// the next step's ✓ when ✓ was tapped twice, on the outcome where the last
// step's ✓ was, on "yes, remind" where the procedure was — and recorded a
// choice nobody made (until review 31C). Such a press is answered by a
// pop-up asking that it be made again, and the screen stays as it is.
func (v *caseView) tooSoon(label string) bool {
	return v.h.tooSoon(v.request, drawnAt(v.st.Drawn), "case.too_soon", label)
}

// caseShow draws a screen of the flow in front of the user, with note above.
func (h *Handlers) caseShow(r *request, screen string, st caseState, version int, note string) error {
	v, ok, err := h.view(r, screen, st, version)
	if !ok || err != nil {
		return err
	}
	return v.show(note)
}

// show draws the view's screen in place of the pressed message or as a new
// one, with note above it.
func (v *caseView) show(note string) error {
	if v.c.ID != 0 && v.c.Live() && v.c.StepID != v.standsAt() {
		// What is drawn is where the case stands, to the step: a case drawn
		// after a deploy moved or removed its step, or saved before cases
		// kept step ids.
		if err := v.saveCase(); err != nil {
			return err
		}
	}
	if err := v.unbuttonAbove(); err != nil {
		return err
	}
	if v.liveMessage() == 0 && !caseScreens[v.screen].anyVersion {
		v.track = v.ver // a new message: its id comes back (Sent)
	}
	return showScreen(v.request, v.screen, caseScreens[v.screen], v, note)
}

// view loads what a screen needs: the case and its guide, or the guide
// considered. ok is false when the case or its guide is gone: the user has
// been told and the flow ended. An unknown screen (a row written by another
// version of the bot) is read as the case's own screen, or the first one.
func (h *Handlers) view(r *request, screen string, st caseState, version int) (*caseView, bool, error) {
	v := &caseView{request: r, h: h, screen: screen, st: st, ver: version}
	if st.Case != 0 {
		c, g, err := h.caseAndGuide(r, st.Case)
		switch {
		case errors.Is(err, storage.ErrNotFound):
			r.show(r.t.T("button.done"), nil)
			return nil, false, r.tx.EndConversation(r.ctx, r.chat)
		case errors.Is(err, errGuideGone):
			r.show(r.t.T("case.guide_gone", locales.Data{"Case": c.ID}), nil)
			return nil, false, r.tx.EndConversation(r.ctx, r.chat)
		case err != nil:
			return nil, false, err
		}
		v.c, v.g = c, g
	} else if st.Guide != "" {
		v.g, _ = h.guides.Guide(st.Guide)
	}
	if s, ok := caseScreens[v.screen]; !ok || s.anyVersion || (v.g == nil && needsGuide[v.screen]) || (st.Case == 0 && needsCase[v.screen]) {
		v.screen = screenPick
		if st.Case != 0 {
			v.screen = screenOf(v.c)
		}
	}
	// A step's screens are for a case at its steps: one whose last step left
	// the guide stands at its outcome question (caseAndGuide).
	if stepScreens[v.screen] && v.c.Phase != storage.PhaseSteps {
		v.screen = screenOf(v.c)
	}
	// A deploy took away what the screen shows (the fix's error, the
	// sub-guide): the screen drawn in its place is the one the chat is on,
	// and its buttons are the ones taken.
	switch v.screen { // screens of a case (needsCase): v.c and v.g are there
	case screenFix:
		if _, ok := v.step().Problem(st.Err); !ok {
			v.screen = screenProblem
		}
	case screenSub:
		if _, ok := h.guides.Guide(v.subguide()); !ok {
			v.screen = screenStep
		}
	}
	return v, true, nil
}

// leavesCase says whether a case screen's button of this action may leave
// the case flow, drawing the pause message or the summary in its place.
func leavesCase(action string) bool {
	for _, s := range caseScreens {
		if a, ok := s.on[action]; ok && (slices.Contains(a.to, screenPaused) || slices.Contains(a.to, screenSummary)) {
			return true
		}
	}
	return false
}

// endsFlow says whether a case screen's button of this action only ends
// the flow with a message (the attach screen's): pressed again, it belongs
// to something finished, whatever cases are open.
func endsFlow(action string) bool {
	found := false
	for _, s := range caseScreens {
		if a, ok := s.on[action]; ok {
			if !slices.Equal(a.to, []string{leadsNowhere}) {
				return false
			}
			found = true
		}
	}
	return found
}

// casePress moves the case flow on by a button.
func (h *Handlers) casePress(r *request, cb callback) error {
	// Buttons of the messages that end a screen (the pause message, the
	// summary) name the case they act on: valid whatever came since.
	for _, name := range []string{screenPaused, screenSummary} {
		if a, ok := caseScreens[name].on[cb.action]; ok {
			was, err := r.tx.Conversation(r.ctx, r.chat)
			if err != nil && !errors.Is(err, storage.ErrNotFound) {
				return err
			}
			v := &caseView{request: r, h: h, screen: name}
			if err := a.do(v, cb.arg); err != nil {
				return err
			}
			if err := r.unbuttonMoved(was); err != nil {
				return err
			}
			return h.checkLanded(r, flowCase, name, cb.action, a.to)
		}
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if conv.Flow != flowCase {
		// A case's button after the chat left the case (paused, cancelled):
		// the open cases are where it really stands — unless it is the
		// second tap of a double tap on a button that left the case on this
		// very message (⏸, an outcome): that message, the pause message or
		// the summary now, stays.
		if r.showsCurrent(conv) && leavesCase(cb.action) {
			r.answer(r.t.T("button.stale"))
			return nil
		}
		open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
		if err != nil || open == 0 || !r.member() || endsFlow(cb.action) {
			r.answer(r.t.T("button.done"))
			return err
		}
		r.answer(r.t.T("button.stale"))
		if endsCase(r.cb.Message.Message) {
			return nil // that message keeps the case it ends (endsCase)
		}
		return h.caseGo(r, screenResume, caseState{}, "")
	}
	if conv.Step == screenConsent && conv.MessageID != 0 && r.liveMessage() != 0 && r.liveMessage() != conv.MessageID {
		// The consent drawn again below (/lang) took the buttons off this
		// copy; a tap that left the phone before answers for a text the
		// copy below replaced: out of date, nothing started (until review
		// 26B it started the case here, the copy below left live).
		r.answer(r.t.T("button.stale"))
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: r.liveMessage()})
		return nil
	}
	if !r.showsCurrent(conv) && endsCase(r.cb.Message.Message) {
		r.answer(r.t.T("button.stale"))
		return nil // that message keeps the case it ends (endsCase)
	}
	v, ok, err := h.answerView(r, conv)
	if !ok || err != nil {
		return err
	}
	return press(h, r, flowCase, v.screen, caseScreens[v.screen], v, conv, cb)
}

// endsCase says whether m is, as the chat shows it, a message a case's
// screen ended with — its summary or its pause message: every button one
// of theirs. A press of another button there left a phone that had not
// shown it yet (a second phone, a weak connection): out of date, and the
// screen of the case open now is not drawn over it, which kept the record
// of a case just saved (its number, its outcome, the dossier code kept);
// that screen stays where it is (until review 30 it stood twice).
func endsCase(m *models.Message) bool {
	if m == nil || m.ReplyMarkup == nil || len(m.ReplyMarkup.InlineKeyboard) == 0 {
		return false
	}
	for _, row := range m.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			cb := parseCallback(b.CallbackData)
			_, paused := caseScreens[screenPaused].on[cb.action]
			_, summary := caseScreens[screenSummary].on[cb.action]
			if cb.flow != flowCase || !paused && !summary {
				return false
			}
		}
	}
	return true
}

// unbuttonMoved takes the buttons off the message the chat's case screen
// was on before a press on a pause message or a summary (was) drew the
// case on the pressed message instead: the case open again below (/resume)
// when its pause message's ▶ or ⏹ was pressed kept a second copy with
// buttons, which answered "out of date" and, pressed, became one more live
// copy (until review 24E: handlers/pausedcopy_review24E_test.go).
func (r *request) unbuttonMoved(was storage.Conversation) error {
	pressed := r.liveMessage()
	if was.Flow != flowCase || was.MessageID == 0 || pressed == 0 || was.MessageID == pressed || r.touches(was.MessageID) {
		return nil
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil || conv.Flow != flowCase || conv.MessageID != pressed {
		return ignoreGone(err) // the screen is not on the pressed message
	}
	// Before the screen drawn: that one is the last word of the press.
	r.replies = append([]bot.Reply{bot.EditButtons{ChatID: r.chat, MessageID: was.MessageID}}, r.replies...)
	return nil
}

// caseText takes typed text in the case flow: the answer where a screen
// asks for one, else a hint and the same screen.
func (h *Handlers) caseText(r *request, conv storage.Conversation) error {
	if conv.Step == screenResume {
		// A dossier code typed on the list of open cases asked over a case
		// at its code question (waiting) is that case's answer: until
		// review 23h it got "press a button" and was lost. Words typed over
		// a note's question bring that question back.
		st, err := h.waiting(r)
		if err != nil {
			return err
		}
		switch {
		case st.OverSt != nil && st.Over == screenDossier:
			if _, err := r.tx.SaveConversation(r.ctx, r.chat, flowCase, st.Over, *st.OverSt, conv.MessageID); err != nil {
				return err
			}
			if conv, err = r.tx.Conversation(r.ctx, r.chat); err != nil {
				return err
			}
		case st.OverSt != nil && st.Over != screenFix && st.Over != screenFlag && st.Over != screenEnd: // a fix, ⚑, the end ask for no words
			// A note is taken only at its own question: words typed on
			// the list ("tam tru", another procedure looked for) closed
			// the case waiting for its other reason with them as its note
			// (review 23w). The question comes back, nothing is kept.
			return h.caseGo(r, st.Over, *st.OverSt, r.t.T("resume.typed_over", locales.Data{"Case": st.OverSt.Case}))
		}
	}
	v, ok, err := h.answerView(r, conv)
	if !ok || err != nil {
		return err
	}
	if v.screen == screenStep && typedDone(r.text) {
		return h.stepDoneTyped(v, conv)
	}
	// Before a case exists (the consent read aloud), there is none to keep.
	code := (v.c.ID == 0 || v.c.Live()) && h.typedCode(r.text)
	// A code pasted at a note's question is no note: kept there, it would
	// be a dossier code kept without consent (and a problem counted). It
	// is answered as at the step.
	// Nor is it a search at the consent: under it, where it may belong is said.
	if !code || !noteScreens[v.screen] && v.screen != screenConsent {
		if took, err := typed(h, r, flowCase, v.screen, caseScreens[v.screen], v); took || err != nil {
			return err
		}
	}
	note := pressNote(v)
	before, err := h.codeOfCaseBefore(r, code, v.c.ID == 0)
	if err != nil {
		return err
	}
	// A dossier's procedure at or past the step that submits it (any step,
	// when its guide marks none) may have been submitted: the code may be
	// the one the portal just showed for the case on screen. Before that
	// step, at the checklist, or ending as not submitted, or for an account
	// or a payment, it cannot be.
	dossier := code && v.c.ID != 0 && v.c.Kind == guides.KindDossier
	early := dossier && v.c.Phase == storage.PhaseSteps && v.c.Step < v.g.SubmitStep()
	ours := dossier && !early && (v.c.Phase == storage.PhaseSteps || v.c.Phase == storage.PhaseOutcome)
	late := ""
	if code && v.c.ID != 0 && !ours && before == "" {
		// A code of a case past attaching (the SMS came late): that case
		// is named, not "another procedure?" as for words.
		if late, err = h.tooLateNote(r); err != nil {
			return err
		}
	}
	kept := int64(0)
	if code && !ours {
		typed, _ := privacy.DossierCode(r.text)
		if kept, err = h.keptBy(r, typed); err != nil {
			return err
		}
	}
	if kept != 0 {
		// Kept by another case: the case that closed a moment ago without
		// its code may be the same dossier, as at its code question.
		same, err := h.sameOfCaseBefore(r, kept)
		if err != nil {
			return err
		}
		if same != 0 {
			typed, _ := privacy.DossierCode(r.text)
			return h.offerLate(v, caseState{Case: same, Code: typed, Kept: kept}, 0)
		}
	}
	if code && !ours && before == "" {
		// Not this case's, and no case before awaits one nor keeps it: the
		// case that closed a moment ago keeping another code (mistyped;
		// the resident's SMS shows the right one) is offered it in its
		// place, as at the attach offer — or told why it no longer can be.
		replace, why, err := h.replaceOfCaseBefore(r)
		if err != nil {
			return err
		}
		if replace != 0 {
			// Another case, open at its outcome, is named over the offer
			// (openForCode, below).
			open, err := h.openForCode(r, v.c.ID)
			if err != nil {
				return err
			}
			typed, _ := privacy.DossierCode(r.text)
			return h.offerLate(v, caseState{Case: replace, Code: typed}, open)
		}
		late = cmp.Or(late, why)
	}
	open := int64(0)
	if code && !ours {
		// Not this case's: another case of the volunteer's, open at its
		// outcome with the reminder agreed, is likelier its case than one
		// that closed (the portal just showed it). Named first, with a
		// button that takes it up.
		if open, err = h.openForCode(r, v.c.ID); err != nil {
			return err
		}
		if open != 0 {
			before = strings.TrimSpace(r.t.T("case.code_of_open_case", locales.Data{"Case": open}) + "\n" + cmp.Or(before, late))
		}
	}
	switch {
	case ours && v.c.FollowupConsent && v.g.OffersFollowup():
		// The code the portal just showed, pasted before the outcome:
		// it is asked right after — or the one of the case before.
		note = strings.TrimSpace(r.t.T("case.code_after_outcome") + "\n" + before)
	case ours:
		// This case's code, most likely, but it keeps none: said first,
		// then the case before that may take it. Older cases past
		// attaching are not named as if it were theirs.
		note = strings.TrimSpace(r.t.T("case.code_not_kept_here", locales.Data{"Case": v.c.ID}) + "\n" + before)
	case early:
		// Not this case's: its dossier is not submitted yet. Said first,
		// then the case it may belong to.
		s := v.g.Steps[v.g.SubmitStep()]
		note = strings.TrimSpace(r.t.T("case.code_before_submit", locales.Data{"Case": v.c.ID, "Step": v.g.SubmitStep() + 1, "Title": s.Title.In(r.t.Lang())}) +
			"\n" + cmp.Or(before, late))
	case before != "":
		note = before
	case late != "":
		note = late
	case v.c.ID != 0 && v.c.Live() && !privacy.Meaningless(r.text) && guides.Courtesy(r.text) == guides.NotCourtesy:
		// Likely words to look another procedure up (a second resident
		// came): the way there, which keeps this case. An emoji or a dot
		// is no search, nor "ok", "cảm ơn", "xin chào" (searchGuides).
		note += "\n" + r.t.T("case.other_procedure")
	}
	if v.screen == screenStep && !code {
		// At a step: a problem described is pointed to the step's own
		// button; while the step is just above what was typed (a message
		// or two back: a private chat numbers both sides' messages in
		// one row), one short line answers, not the long step again.
		near := conv.MessageID != 0 && r.typedID > conv.MessageID && r.typedID-conv.MessageID <= stepNear
		kept, err := h.noteKept(r)
		if err != nil {
			return err
		}
		switch {
		case kept == v.c.ID:
			// The problem's note sent again (its message dropped): kept
			// once; until review 34A it was asked for again by ⚠. Words
			// that name a procedure may be the next resident's: the way
			// to look it up is said too (until review 35A, only "kept").
			note = r.t.T("case.note_kept", locales.Data{"Case": kept})
			if h.findsProcedure(r.text) {
				note += "\n" + r.t.T("case.other_procedure")
			}
		case describesProblem(r.text):
			note = r.t.T("case.typed_problem")
		case near:
			note = strings.Replace(note, r.t.T("case.press_a_button"), r.t.T("case.press_above"), 1)
		}
		if near {
			r.say(note, nil)
			return nil
		}
	}
	if err := v.again(note); err != nil {
		return err
	}
	withResume(r, open)
	return nil
}

// noteKept is the case of the volunteer's that kept the text typed as its
// note (a problem's, the other reason's) a moment ago, else 0: the same
// message sent again.
func (h *Handlers) noteKept(r *request) (int64, error) {
	note := strings.TrimSpace(r.text)
	if note == "" || utf8.RuneCountInString(note) > maxNote {
		return 0, nil
	}
	return r.tx.CaseWithNote(r.ctx, r.user.TelegramID, note, h.now().Add(-noteAgain))
}

// findsProcedure says whether text, searched (search), finds guides or
// names a procedure no guide covers: words a volunteer may type to look a
// procedure up, even when they are also a note a case just kept.
func (h *Handlers) findsProcedure(text string) bool {
	q := shorten(text, maxQuery)
	if rest, dropped := privacy.WithoutIdentity(q); dropped {
		q = rest
	}
	return q != "" && (len(h.guides.Search(q)) > 0 || h.guides.NoGuide(q))
}

// withResume puts under the screen just drawn as a new message (the last
// reply) the button that takes case id up (the pause message's), which
// its note (case.code_of_open_case) names; nothing when id is 0.
func withResume(r *request, id int64) {
	if id == 0 || len(r.replies) == 0 {
		return
	}
	if m, ok := r.replies[len(r.replies)-1].(bot.Message); ok {
		m.Keyboard = append(slices.Clone(m.Keyboard), []bot.Button{{Text: r.t.T("case.resume_button", locales.Data{"Case": id}),
			Data: callback{flow: flowCase, action: "res", arg: strconv.FormatInt(id, 10)}.String()}})
		r.replies[len(r.replies)-1] = m
	}
}

// stepDoneTyped takes a "xong" typed at a step (typedDone) as the step's ✓
// Done: the same event, the same next screen (until review 29 it was
// answered "press a button of the step just above").
//
// It counts for the step the volunteer saw when they typed it, as a press
// counts for the message pressed: only when the step's message was in the
// chat before the word (its id lower; a private chat numbers both sides'
// messages in one row). A second "xong" sent fast, before the next step
// drawn for the first reached the chat (its id unknown yet, or higher than
// the word's), would mark that step done unseen: it is answered, nothing
// done — as a second tap on ✓ is "out of date" by its version.
func (h *Handlers) stepDoneTyped(v *caseView, conv storage.Conversation) error {
	if conv.MessageID == 0 || v.typedID < conv.MessageID {
		v.say(v.t.T("case.typed_done_early", locales.Data{"Step": v.c.Step + 1}), nil)
		return nil
	}
	a := caseScreens[screenStep].on["done"]
	if err := a.do(v, ""); err != nil {
		return err
	}
	return h.checkLanded(v.request, flowCase, screenStep, "done", a.to)
}

// doneFillers are the words (folded) a typed "done" holds besides "xong"
// or "done" itself: "xong rồi", "ok xong", "đã xong ạ", "làm xong rồi nhé",
// "done!", "ok done", "all done".
var doneFillers = map[string]bool{
	"ok": true, "oke": true, "okay": true, "roi": true, "r": true, "da": true, "a": true, "nhe": true, "nha": true,
	"lam": true, "all": true,
}

// typedDone says whether text typed at a step says only that it is done
// (doneFillers): not a question ("xong chưa?", "xong à"), a problem ("chưa
// xong", "k xong được") or a note, which stay answered as they were.
func typedDone(text string) bool {
	if strings.ContainsAny(text, "?？") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	said := false
	for _, w := range words {
		f := vntext.Fold(w)
		switch {
		case vntext.NFC(w) == "à": // "xong à": a question
			return false
		case f == "xong" || f == "done":
			said = true
		case !doneFillers[f]:
			return false
		}
	}
	return said
}

// stepNear is how many messages above what is typed a step may be drawn
// for a short line to answer it (caseText): two exchanges.
const stepNear = 4

// problemWords are words (folded) that describe a problem met at a step:
// "không đăng nhập được", "chưa nhận được OTP", "bị lỗi", "can't log in".
var problemWords = map[string]bool{
	"khong": true, "ko": true, "k": true, "hong": true, "chua": true, "loi": true, "bi": true, "sai": true, "treo": true,
	"quen": true, "otp": true, "error": true, "not": true, "cannot": true, "cant": true, "failed": true, "fails": true,
	"wrong": true, "stuck": true, "problem": true,
}

// describesProblem says whether text typed at a step tells of a problem
// there (problemWords; "can't", "didn't", "doesn't", "won't" too).
func describesProblem(text string) bool {
	words := strings.Fields(vntext.Fold(text))
	for i, w := range words {
		if problemWords[w] || w == "t" && i > 0 && negated[words[i-1]] {
			return true
		}
	}
	return false
}

// negated are the English words an apostrophe and "t" make a negation of,
// folded apart ("can't" is "can t").
var negated = map[string]bool{"can": true, "don": true, "didn": true, "doesn": true, "won": true, "isn": true, "couldn": true, "wasn": true}

// attachNamingOpen offers to attach the code typed (st: the case and the
// code) — and names a case left open at its outcome above the offer, with
// its button below it: that case is likelier the code's.
func (h *Handlers) attachNamingOpen(r *request, st caseState) error {
	open, err := h.openForCode(r, 0)
	if err != nil {
		return err
	}
	note := ""
	if open != 0 {
		note = r.t.T("case.code_of_open_case", locales.Data{"Case": open})
	}
	if err := h.caseGo(r, screenAttach, st, note); err != nil {
		return err
	}
	withResume(r, open)
	return nil
}

// openForCode is the volunteer's open case, other than the one on screen
// (onScreen), that a dossier code typed elsewhere most likely belongs to:
// a dossier's, the reminder agreed, left within codeTooLate at its outcome
// question or at or past the step that submits it. 0 when none.
func (h *Handlers) openForCode(r *request, onScreen int64) (int64, error) {
	cs, err := r.tx.OpenCases(r.ctx, r.user.TelegramID, 0, 10)
	if err != nil {
		return 0, err
	}
	for _, c := range cs {
		if c.ID == onScreen || c.Kind != guides.KindDossier || !c.FollowupConsent || c.UpdatedAt.Before(h.now().Add(-codeTooLate)) {
			continue
		}
		g, ok := h.guides.Guide(c.GuideID)
		if !ok || !g.OffersFollowup() {
			continue
		}
		if c = onGuide(c, g); c.Phase == storage.PhaseOutcome || c.Phase == storage.PhaseSteps && pastSubmit(c, g) {
			return c.ID, nil
		}
	}
	return 0, nil
}

// keptBy is the id of the volunteer's case that closed within codeTooLate
// keeping code as its dossier code (0 when none): a dossier has one code,
// so it is not kept, attached or offered again for another case — kept
// twice, one dossier was followed for two residents.
func (h *Handlers) keptBy(r *request, code string) (int64, error) {
	return r.tx.CaseWithCode(r.ctx, r.user.TelegramID, code, h.now().Add(-codeTooLate))
}

// codeOfCaseBefore says, for a dossier code typed while a case is on
// screen, where it may belong instead: the volunteer's case that closed a
// moment ago without one (the portal's SMS came once the next resident
// sat down), to be attached as codeAfterClose does, or the one that already
// keeps it; noCase when the screen has no case of its own yet. "" when
// none, or when code is false.
func (h *Handlers) codeOfCaseBefore(r *request, code, noCase bool) (string, error) {
	if !code {
		return "", nil
	}
	typed, _ := privacy.DossierCode(r.text)
	since := h.now().Add(-codeWindow)
	if id, err := h.keptBy(r, typed); err != nil || id != 0 {
		if id == 0 {
			return "", err
		}
		return r.t.T("case.code_already_kept", locales.Data{"Case": id, "Code": typed}), err
	}
	c, err := r.tx.CaseAwaitingCode(r.ctx, r.user.TelegramID, since)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && !c.FinishedAt.Valid) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	// Never less than codeHintFloor: "1 minute" with seconds left was gone
	// by the time the code was sent as told.
	left := max(int(c.FinishedAt.Time.Add(codeWindow).Sub(h.now())/time.Minute), int(codeHintFloor/time.Minute))
	key := "case.code_of_case_before"
	if noCase {
		key = "case.code_of_case_before_new"
	}
	return r.t.T(key, locales.Data{"Case": c.ID, "Minutes": left}), nil
}

// replaceOfCaseBefore finds, for a dossier code typed on a case screen or
// outside a case (codeAfterClose), the volunteer's case that closed within
// codeWindow keeping another code, whose follow-up still waits (replace:
// its id), to offer to replace it. Closed longer ago (within codeTooLate),
// why its code can no longer be replaced (why). Never asked for a code
// another case keeps (keptBy): put in place of this one, two follow-ups
// would hold one code, each resident told the other's results.
func (h *Handlers) replaceOfCaseBefore(r *request) (replace int64, why string, err error) {
	typed, _ := privacy.DossierCode(r.text)
	c, err := r.tx.CaseWithOtherCode(r.ctx, r.user.TelegramID, typed, h.now().Add(-codeTooLate))
	if errors.Is(err, storage.ErrNotFound) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", err
	}
	if !c.FinishedAt.Time.Before(h.now().Add(-codeWindow)) {
		return c.ID, "", nil
	}
	old, _, err := r.tx.Followup(r.ctx, c.ID)
	if err != nil {
		return 0, "", ignoreGone(err)
	}
	return 0, r.t.T("case.code_replace_too_late", locales.Data{"Case": c.ID, "Old": old, "Minutes": int(codeWindow.Minutes())}), nil
}

// sameOfCaseBefore finds, for a dossier code that case kept keeps, typed
// outside the code question, the volunteer's case that closed a moment
// ago without its code (/cancel or "No dossier code" at its question,
// within codeWindow and the minutes a hint promised: CaseAwaitingCode) and
// may be the same dossier: kept's procedure (sameDossier), not marked so
// already. 0 when none.
func (h *Handlers) sameOfCaseBefore(r *request, kept int64) (int64, error) {
	c, err := r.tx.CaseAwaitingCode(r.ctx, r.user.TelegramID, h.now().Add(-codeWindow-codeHintFloor))
	if errors.Is(err, storage.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if same, err := h.mayBeSame(r, c, kept); err != nil || !same {
		return 0, err
	}
	return c.ID, nil
}

// mayBeSame says whether case c, closed without a code of its own, may be
// marked the same dossier as case kept, which keeps one: kept's procedure
// (one dossier is one procedure), and not marked so already.
func (h *Handlers) mayBeSame(r *request, c storage.Case, kept int64) (bool, error) {
	k, err := r.tx.Case(r.ctx, kept, r.user.TelegramID)
	if err != nil || k.GuideID != c.GuideID || c.ID == kept {
		return false, ignoreGone(err)
	}
	events, err := r.tx.CaseEvents(r.ctx, c.ID)
	return err == nil && !endedSame(events), err
}

// endedSame says whether a case's events end with an outcome marked the
// same dossier as another case's (finishSame).
func endedSame(events []storage.CaseEvent) bool {
	for _, e := range slices.Backward(events) {
		if e.Kind == "outcome" {
			return e.Problem.String == storage.SameDossier
		}
	}
	return false
}

// offerLate leaves the screen v for the offer of a code typed there to a
// case that closed (screenAttach, as codeAfterClose, with st): to replace
// its code, or to mark it the same dossier as the case that keeps it. The
// case on screen is paused, and said so; with none yet, the volunteer is
// told to choose the resident's procedure again after. open, when not 0,
// is another case of the volunteer's left at its outcome, likelier the
// code's (openForCode): named first, with its button under the offer.
func (h *Handlers) offerLate(v *caseView, st caseState, open int64) error {
	note := ""
	switch {
	case v.c.ID == 0:
		note = v.t.T("case.code_replace_new")
	case v.c.Status == storage.CaseOpen && v.c.Phase != storage.PhaseDossier:
		note = v.t.T("case.code_replace_paused", locales.Data{"Case": v.c.ID})
	}
	if open != 0 {
		note = strings.TrimSpace(v.t.T("case.code_of_open_case", locales.Data{"Case": open}) + "\n" + note)
	}
	// The screen left loses its buttons, as below a search's results.
	if err := v.unbuttonAbove(); err != nil {
		return err
	}
	if err := h.caseGo(v.request, screenAttach, st, note); err != nil {
		return err
	}
	withResume(v.request, open)
	return nil
}

// convView is the view of the screen the conversation is on.
func (h *Handlers) convView(r *request, conv storage.Conversation) (*caseView, bool, error) {
	var st caseState
	if err := conv.Decode(&st); err != nil {
		return nil, false, err
	}
	return h.view(r, conv.Step, st, conv.Version)
}

// answerView is convView for a press or typed text on the screen: ok is
// also false when the step on screen left the guide in a deploy, and then
// the volunteer sees the step that took its place, and nothing they meant
// is recorded.
func (h *Handlers) answerView(r *request, conv storage.Conversation) (*caseView, bool, error) {
	v, ok, err := h.convView(r, conv)
	if !ok || err != nil || v.c.ID == 0 || !stepGone(v.c, v.g) {
		return v, ok, err
	}
	r.answer(r.t.T("button.stale"))
	return nil, false, v.goCase(r.t.T("case.step_gone"))
}

// again shows the view's screen once more as a new message, below note:
// what the user typed is between the old message and here.
func (v *caseView) again(note string) error {
	v.cb = nil
	return v.show(note)
}

// searchGuides answers typed words with the guides they find. A dossier
// code typed on its own is not a search: its case has closed.
func (h *Handlers) searchGuides(r *request) error { return h.search(r, false) }

// search is searchGuides; asNew says the words came with /new ("/new khai
// tu"), which stands for its list: the results say, as the list does,
// that cases are open and how to take them up (until review 34A the case
// on screen was paused by them without a word).
func (h *Handlers) search(r *request, asNew bool) error {
	if privacy.Meaningless(r.text) {
		r.say(r.t.T("case.search_blank"), nil)
		return nil
	}
	if done, err := h.answerSmallTalk(r); done || err != nil {
		// "xin chào", "cảm ơn": small talk, not a search ("chào" read as a
		// typo found unrelated procedures), answered as anywhere else.
		return err
	}
	kept, err := h.noteKept(r)
	if err != nil {
		return err
	}
	if kept != 0 && !h.findsProcedure(r.text) {
		// The other reason's note sent again once it closed its case: no
		// search (until review 34A "no procedure matched", as if it were
		// lost). Words that find a procedure are searched, below: the
		// same words may be the next resident's ("khai sinh"; until
		// review 35A they were only said kept).
		r.say(r.t.T("case.note_kept", locales.Data{"Case": kept}), nil)
		return nil
	}
	if h.typedCode(r.text) {
		return h.codeAfterClose(r)
	}
	q := shorten(r.text, maxQuery)
	period, periodProblem := parsePeriod(q, h.now())
	scope, ok := storage.ScopeOf(r.user, r.role == storage.RoleAdmin)
	coordinator := ok && scope.Volunteer == 0
	// A procedure's number ("2.000815.000.00.00.H42") runs digits together
	// as an ID number does, but its shape is its own; a coordinator's span
	// of days ("1/11 - 20/11", "1/1/2020-31/12/2020") is no birth date nor
	// ID number, and gets the hint to /tally below. A single day is a
	// date of birth as often ("15/10/2025"), and a volunteer's dates are.
	span := coordinator && periodProblem == "" && period.To.Sub(period.From) > 24*time.Hour
	if problem := privacy.PersonalData(q); problem != "" && !span && !procedureNumber.MatchString(vntext.Fold(q)) {
		// Not kept, even as a search: the resident's data has no place here.
		r.say(r.t.T("case.query_"+problem), nil)
		return nil
	}
	// A resident's name or address ("khai sinh cho bé Mai", "tạm trú ở 12
	// Lê Lợi") is neither searched nor quoted back: the other words are.
	// A name with only pronouns or kin words ("mình tên Lan", "my mother
	// Lan") leaves nothing to search.
	rest, dropped := privacy.WithoutIdentity(q)
	if dropped {
		q = rest
	}
	var found []*guides.Guide
	if q != "" {
		found = h.guides.Search(q)
	}
	if dropped && len(found) == 0 {
		r.say(r.t.T("case.query_name"), nil)
		return nil
	}
	noGuide := len(found) == 0 && h.guides.NoGuide(q)
	spouseOnly := len(found) == 0 && h.guides.ForeignSpouseOnly(q)
	foreign := spouseOnly || noGuide && h.guides.ForForeigner(q)
	// "Which procedure?" offers what it is most likely to be, each to tap:
	// what is most often done for the person named ("con tôi": the birth
	// registration, the child's ID card, passport…), or the procedures
	// used most, whose consent says the fee and the time asked of none.
	var none, person string
	var offered []*guides.Guide
	if len(found) == 0 {
		person = h.guides.ForWhom(q)
	}
	switch {
	case len(found) > 0:
	case person != "":
		none = noProcedureFor + "_" + person
		offered = h.guides.ForWhomGuides(person)
	case h.guides.AsksOfNoProcedure(q) || h.guides.OnlyPlace(q) || h.guides.OnlyFillers(q):
		switch {
		case h.guides.AsksOfNoProcedure(q):
			none = noProcedureNamed
		case h.guides.OnlyFillers(q): // "thủ tục", "hướng dẫn", "là gì": no procedure named
			none = noProcedureWords
		default: // "Bình Thạnh", "Láng": where, not which procedure
			none = noProcedurePlace
		}
		var err error
		if offered, _, err = h.frequentGuides(r); err != nil {
			return err
		}
	}
	ids := make([]string, 0, len(found)+len(offered))
	for _, g := range append(slices.Clone(found), offered...) {
		ids = append(ids, g.ID)
	}
	st := caseState{Found: ids, NoGuide: noGuide, Foreign: foreign, None: none}
	version, err := h.saveCaseScreen(r, screenFound, st)
	if err != nil {
		return err
	}
	// Results drawn below older ones take those buttons off, as any case
	// screen drawn anew does: a guide tapped up there answered "out of
	// date" and turned those results into these.
	if err := r.unbuttonAbove(); err != nil {
		return err
	}
	r.track = version // a new message: its id comes back (Sent)
	v := &caseView{request: r, h: h, screen: screenFound, ver: version}
	text, kb := foundScreen(v, q, append(found, offered...))
	if len(found) > 0 && h.guides.TaxToo(q) {
		// "thue" typed without marks: read as rent, and as likely a tax,
		// which no guide covers (the volunteer may mean either).
		text += "\n" + r.t.T("case.found_tax_too")
	}
	if dropped {
		text = r.t.T("case.query_name_dropped") + "\n" + text
	}
	if t := noneText(r.t, st); t != "" {
		text = t
	}
	if kept != 0 {
		// The words are also a note a case kept a moment ago: not
		// recorded again, said in a line above the results.
		text = r.t.T("case.note_kept_searched", locales.Data{"Case": kept}) + "\n" + text
	}
	if len(found) == 0 && periodProblem == "" {
		// A period ("T10/2026"): the figures were meant, not a procedure.
		if coordinator {
			text += "\n" + r.t.T("case.period_tally", locales.Data{"Period": q})
		} else {
			text += "\n" + r.t.T("case.period_me")
		}
	}
	if len(found) == 0 || asNew {
		// Words typed for a case set aside ("làm tiếp", "tiếp tục"): the
		// way back to it, as the procedure list says (until review 24E,
		// only that no procedure matched); and /new's words, whatever they
		// found, as its list would say.
		open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
		if err != nil {
			return err
		}
		if open > 0 {
			text += "\n\n" + r.t.N("case.open_cases", open)
		}
	}
	if r.closedAtCode != 0 {
		// Left at its dossier code ("/new khai tu" there): said above the
		// results, as caseGo says it above a screen of the flow — where a
		// code sent is offered to that case (codeAfterClose), not after
		// another /new, as the note for other flows says (until review 34A).
		text = r.t.T("case.left_at_code", locales.Data{"Case": r.closedAtCode, "Minutes": int(codeWindow.Minutes())}) + "\n\n" + text
		r.closedAtCode = 0
	}
	r.landed = screenFound
	r.show(text, kb)
	return nil
}

// Why a search found nothing, when fewer words would not help (caseState.None).
const (
	noProcedureNamed = "named" // "phí dịch vụ", "how long does it take": the procedure's name would
	// "chồng", "cho mẹ", "con tôi": whom for, not which procedure; with
	// "_" and the person (guides.ForWhom), what is often done for them is
	// offered ("for" alone: a screen saved before review 29).
	noProcedureFor = "for"
	// "Bình Thạnh", "phường 12 Gò Vấp": a place alone, where a procedure is
	// done and not which (guides.OnlyPlace); the procedures used most are
	// offered, as for noProcedureNamed.
	noProcedurePlace = "place"
	// "thủ tục", "hướng dẫn", "làm sao", "là gì": words typed around a
	// procedure's name, and none (guides.OnlyFillers); the procedures used
	// most are offered. Until review 31D "là gì" listed twelve guides its
	// syllables looked like, "thủ tục" said to type fewer words.
	noProcedureWords = "words"
)

// noneText is what the found screen says of a search that found nothing
// for a reason fewer words would not mend, else "": a procedure no guide
// covers ("sang tên xe", "kết hôn với người nước ngoài": fewer words would
// find the guide of one that only looks alike), for a foreigner ("tạm trú
// cho chồng Hàn Quốc": the citizen's guide is not theirs; said why); a
// spouse of a foreign nationality with no procedure ("chồng Hàn": a
// foreigner's have no guide, the resident's own may); whom for only; no
// procedure named; a place only; fillers only. The search and a redraw
// (/lang) say the same.
func noneText(t *locales.Localizer, st caseState) string {
	switch {
	case st.NoGuide && st.Foreign:
		return t.T("case.no_guide_foreigner")
	case st.NoGuide:
		return t.T("case.no_guide")
	case st.Foreign:
		return t.T("case.no_procedure_foreigner")
	case st.None == noProcedureFor:
		return t.T("case.no_procedure_for")
	case strings.HasPrefix(st.None, noProcedureFor+"_"):
		return t.T("case.no_procedure_" + st.None)
	case st.None == noProcedureNamed:
		return t.T("case.no_procedure_named")
	case st.None == noProcedurePlace:
		return t.T("case.no_procedure_place")
	case st.None == noProcedureWords:
		return t.T("case.no_procedure_words")
	}
	return ""
}

// saveCaseScreen puts the chat at a screen without drawing it (the caller
// draws something the screen cannot redraw, like the words searched).
func (h *Handlers) saveCaseScreen(r *request, screen string, st caseState) (int, error) {
	if err := h.leaveCase(r, st.Case); err != nil {
		return 0, err
	}
	return r.tx.SaveConversation(r.ctx, r.chat, flowCase, screen, st, r.liveMessage())
}

// keepLateCode keeps the code typed after the case closed (attached, or
// replacing a mistyped one): said with key, then the slip, then the links
// (endWithSlip, with slipNote).
// A resident who opened the link before a code was replaced is told the
// right one (codeCorrected).
func (v *caseView) keepLateCode(key, slipNote string) error {
	old, err := v.tx.FollowupOfCase(v.ctx, v.c.ID)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	var was *storage.Followup
	if err == nil {
		was = &old
	}
	f, err := v.keepCode(v.st.Code, was)
	if errors.Is(err, storage.ErrForgotten) {
		return v.endWith(v.t.T("case.code_forgotten", locales.Data{"Case": v.c.ID}), nil)
	}
	if err != nil {
		return err
	}
	told, ok, err := v.h.codeCorrected(v.request, old, f)
	if err != nil {
		return err
	}
	if ok && slipNote != "" { // the volunteer knows the resident who left has the right code
		slipNote += "\n" + v.t.T("case.replaced_told")
	}
	if err := v.endWithSlip(f, v.t.T(key, locales.Data{"Case": v.c.ID, "Code": v.st.Code}), slipNote); err != nil {
		return err
	}
	if ok {
		v.replies = append(v.replies, told)
	}
	return nil
}

// typedCode says whether text typed where no question asks for a code is
// one: shaped like a dossier code, with a serial's figures (codeSerial),
// and not the words of a search that only look like one — a month or a
// quarter ("T10/2026", "Q4/2026"), a procedure's or a legal document's
// number, a guide's name ("VNeID-2"), a licence class, a card or a form
// ("GPLX-A1", "BHYT-2", "CT01/2026").
// A code taken for a search finds nothing and says so; a search taken for a
// code offered to attach "T10/2026" to the case that just closed.
func (h *Handlers) typedCode(text string) bool {
	if !privacy.LooksLikeDossierCode(text) {
		return false
	}
	if code, _ := privacy.DossierCode(text); !codeSerial(code) {
		return false
	}
	if _, problem := parsePeriod(text, h.now()); problem == "" {
		return false
	}
	if folded := vntext.Fold(text); procedureNumber.MatchString(folded) || legalNumber.MatchString(folded) {
		return false
	}
	return len(h.guides.Search(shorten(text, maxQuery))) == 0
}

// codeSerial says whether a code holds what a portal's code has: four
// figures or more (Circular 01/2018's daily serial alone has four, its date
// six), a year standing as a part of its own not counted. "BHXH-2026-000123",
// "G22.50-251130-0001" do; the figures of search words do not: a licence
// class, a card's or a form's number, a year ("GPLX-A1", "BHYT-2",
// "CT01/2026").
func codeSerial(code string) bool {
	figures := 0
	for part := range strings.FieldsFuncSeq(code, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if n, err := strconv.Atoi(part); err == nil && len(part) == 4 && n >= 1990 && n <= 2099 {
			continue // a year
		}
		for _, r := range part {
			if unicode.IsDigit(r) {
				figures++
			}
		}
	}
	return figures >= 4
}

// codeAfterClose answers a dossier code typed when no case asks for one:
// the case has closed; if the volunteer's last case that should have one
// closed a moment ago, offer to attach the code to it, else, if their last
// case that keeps another code did, to replace that code with it
// (replaceOfCaseBefore, which says why when it closed too long ago). A
// code another case keeps is never attached nor put in place of a code:
// the case that closed a moment ago without one may be the same dossier
// (sameOfCaseBefore), as at its code question; else which case keeps it
// is said.
func (h *Handlers) codeAfterClose(r *request) error {
	code, _ := privacy.DossierCode(r.text)
	since := h.now().Add(-codeWindow)
	// Kept by a case of the day (sent again, no answer seen on a bad
	// connection, or the clipboard still holding it): never attached to
	// another.
	kept, err := h.keptBy(r, code)
	if err != nil {
		return err
	}
	if kept == 0 {
		// The minutes a hint promised at the window's edge (codeHintFloor).
		c, err := r.tx.CaseAwaitingCode(r.ctx, r.user.TelegramID, since.Add(-codeHintFloor))
		if err == nil {
			return h.attachNamingOpen(r, caseState{Case: c.ID, Code: code})
		}
		if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
	}
	if kept != 0 {
		same, err := h.sameOfCaseBefore(r, kept)
		if err != nil {
			return err
		}
		if same != 0 {
			return h.caseGo(r, screenAttach, caseState{Case: same, Code: code, Kept: kept}, "")
		}
		r.say(r.t.T("case.code_already_kept", locales.Data{"Case": kept, "Code": code}), nil)
		return nil
	}
	// The code kept a moment ago may be the one mistyped (the volunteer
	// sees it on the summary and the slip): offer to replace it — or, as
	// on a case screen, say why it no longer can be.
	replace, why, err := h.replaceOfCaseBefore(r)
	if err != nil {
		return err
	}
	if replace != 0 {
		// (Until review 24E only the offer was made.)
		return h.attachNamingOpen(r, caseState{Case: replace, Code: code})
	}
	// Attaching is over for a case that ended without its code: it is
	// named, and why, rather than "no case waits".
	note, err := h.tooLateNote(r)
	if err != nil {
		return err
	}
	// A case left open at its outcome will ask for it: named, with its button.
	open, err := h.openForCode(r, 0)
	if err != nil {
		return err
	}
	if open != 0 {
		r.say(strings.TrimSpace(r.t.T("case.code_of_open_case", locales.Data{"Case": open})+"\n"+cmp.Or(note, why)), nil)
		withResume(r, open)
		return nil
	}
	r.say(cmp.Or(note, why, r.t.T("case.code_no_case")), nil)
	return nil
}

// tooLateNote names the volunteer's cases that ended within codeTooLate
// without their code, past attaching: where a code typed now may have
// belonged, and why it is not kept. Which of them the code was meant for
// the bot cannot tell: each is named, the newest few when there are many.
// "" when there is none.
func (h *Handlers) tooLateNote(r *request) (string, error) {
	late, err := r.tx.CasesAwaitingCode(r.ctx, r.user.TelegramID, h.now().Add(-codeTooLate), codeTooLateNamed+1)
	minutes := int(codeWindow.Minutes())
	switch {
	case err != nil || len(late) == 0:
		return "", err
	case len(late) == 1:
		return r.t.T("case.code_too_late", locales.Data{"Case": late[0], "Minutes": minutes}), nil
	}
	return r.t.T("case.code_too_late_several", locales.Data{"Cases": caseNumbers(r.t, late, codeTooLateNamed), "Minutes": minutes}), nil
}

// caseNumbers writes ids, newest first, as "#7, #8, #9" in the order the
// cases ended, the newest n of them, "…" before them when there are
// more (format.list_sep, format.list_more).
func caseNumbers(t *locales.Localizer, ids []int64, n int) string {
	more := len(ids) > n
	ids = ids[:min(len(ids), n)]
	out := make([]string, 0, len(ids)+1)
	if more {
		out = append(out, t.T("format.list_more"))
	}
	for i := len(ids) - 1; i >= 0; i-- {
		out = append(out, "#"+strconv.FormatInt(ids[i], 10))
	}
	return strings.Join(out, t.T("format.list_sep"))
}

// offerInPlace answers a dossier code typed at the offer to attach
// another: the one offered was mistyped, and this one is offered in its
// place, for the same case — however long ago it ended (the offer was made
// within codeWindow and is still open). Already kept, for this case or
// another (keptBy), it is said so, as codeAfterClose does: never put in
// place of this case's code — unless this case keeps none and may be the
// same dossier as the one that keeps it (mayBeSame), which is offered.
func (v *caseView) offerInPlace() error {
	code, _ := privacy.DossierCode(v.text)
	kept, _, err := v.tx.Followup(v.ctx, v.c.ID)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	replace := err == nil
	id := v.c.ID
	if err != nil || kept != code {
		if id, err = v.h.keptBy(v.request, code); err != nil {
			return err
		}
	}
	if id != 0 && id != v.c.ID && !replace {
		same, err := v.h.mayBeSame(v.request, v.c, id)
		if err != nil {
			return err
		}
		if same {
			return v.h.caseGo(v.request, screenAttach, caseState{Case: v.c.ID, Code: code, Kept: id}, "")
		}
	}
	if id != 0 { // the offer made no sense: it goes
		if err := v.unbuttonAbove(); err != nil {
			return err
		}
		return v.endWith(v.t.T("case.code_already_kept", locales.Data{"Case": id, "Code": code}), nil)
	}
	return v.h.caseGo(v.request, screenAttach, caseState{Case: v.c.ID, Code: code}, "")
}

// resume is /resume: straight back into the only open case — on the
// screen the chat is on for it, when that one waits for typed words
// (screenLeft) —, else the open cases. With several open, the list is
// shown over a screen of a case that waits for words (waiting) without
// leaving that case, and that case's button takes it up on that very
// screen: the volunteer who asks for their open cases sees them (until
// review 23h /resume drew that screen again, review 22m), and nothing
// typed is lost — left for the list, a case at its code question closed
// as a dossier with no code.
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
		return h.resumeNone(r)
	}
	st, err := h.waiting(r)
	if err != nil {
		return err
	}
	return h.caseGo(r, screenResume, st, "")
}

// resumeNone is /resume with no case open or paused. On a screen of the
// procedure being considered before its consent is answered (the consent,
// its ℹ page, the commune it is for: needsGuide), the volunteer is in the middle of
// one: no case yet, /resume says, and draws that screen again below, its
// copy above losing its buttons (until review 26B it only said "no
// unfinished case, type /new", that screen live far above).
func (h *Handlers) resumeNone(r *request) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if err == nil && conv.Flow == flowCase && needsGuide[conv.Step] {
		v, ok, err := h.convView(r, conv)
		if err != nil || !ok {
			return err
		}
		if v.c.ID == 0 && v.g != nil && needsGuide[v.screen] {
			if v.screen == screenUnit {
				// The consent is answered: choosing the commune starts the
				// case (until review 34A /resume said the consent was to
				// be answered, and a coordinator would ask it again).
				return v.again(r.t.T("resume.before_unit"))
			}
			if !v.g.OffersFollowup() { // no question: the notice read, "✓ Đã đọc, bắt đầu" (drawConsent)
				return v.again(r.t.T("resume.before_start", locales.Data{"Button": r.t.T("consent.read")}))
			}
			return v.again(r.t.T("resume.before_consent"))
		}
	}
	r.say(r.t.T("resume.none"), nil)
	return nil
}

// cancelCase is /cancel in the case flow: a running case is paused, not
// lost; choosing a procedure simply stops; the list of open cases closes,
// saying they are kept.
func (h *Handlers) cancelCase(r *request, conv storage.Conversation) error {
	v, ok, err := h.convView(r, conv)
	if !ok || err != nil {
		return err
	}
	if v.st.Case != 0 && v.c.Live() && v.c.Phase == storage.PhaseDossier && v.c.Status == storage.CaseOpen {
		// Its outcome is final: closed as with "no code", saying, as /new
		// there does (caseGo), that the code may still be sent.
		return v.finishWith("", outcomeEvent(""), r.t.T("case.left_at_code", locales.Data{"Case": v.c.ID, "Minutes": int(codeWindow.Minutes())}))
	}
	if v.st.Case != 0 && v.c.Live() {
		return v.pause()
	}
	if err := h.endScreen(r, v, conv); err != nil {
		return err
	}
	if v.screen == screenResume {
		// The list of open cases is closed, not its cases: said, with the
		// way back to them (until review 35A only "Đã huỷ.", which read as
		// if the paused cases were cancelled too).
		open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
		if err != nil {
			return err
		}
		if open > 0 {
			r.say(r.t.N("resume.cancelled", open), nil)
			return nil
		}
	}
	r.say(r.t.T("cancel.done"), nil)
	return nil
}

// endScreen ends the case flow on v, the screen of conv, with no case to
// pause there. The screen ended (the consent too) leaves nothing to press: a
// press there answered "out of date" and turned it into the open cases'
// list. A summary's or a pause message's buttons name their case: they
// stay.
func (h *Handlers) endScreen(r *request, v *caseView, conv storage.Conversation) error {
	if !caseScreens[v.screen].anyVersion {
		r.above = conv.MessageID
	}
	if err := r.unbuttonAbove(); err != nil {
		return err
	}
	return r.tx.EndConversation(r.ctx, r.chat)
}

// offerOver says whether the offer about case c, which ended, is over (a
// dossier code typed after it closed, to attach, to replace its own or to
// mark the same dossier as the case that keeps it: screenAttach): a code
// typed on its own now would no longer be offered to it (codeWindow, and
// the minutes a hint promised).
func (h *Handlers) offerOver(c storage.Case) bool {
	return !c.Live() && (!c.FinishedAt.Valid || c.FinishedAt.Time.Before(h.now().Add(-codeWindow-codeHintFloor)))
}

// consentRead is the localizer of the consent text on the message
// pressed: what was read aloud, whatever /lang says by the time of the
// press (the volunteer's language now when no text is found there).
func (v *caseView) consentRead(g *guides.Guide) *locales.Localizer {
	if v.cb != nil && v.cb.Message.Message != nil {
		for _, lang := range locales.Languages {
			if t := v.h.texts.For(lang); strings.Contains(v.cb.Message.Message.Text, strings.TrimSpace(v.h.consentText(t, g))) {
				return t
			}
		}
	}
	return v.t
}

// answerConsent takes the resident's answer to the consent question and
// starts the case, in the volunteer's commune; someone of a province and
// no commune (a province coordinator) is first asked which of its communes
// the case is for, so that it counts where the help was given.
func (v *caseView) answerConsent(consent bool) error {
	version := v.h.consentVersion(v.consentRead(v.g), v.g)
	if !v.user.CommuneCode.Valid && v.user.ProvinceCode.Valid {
		st := caseState{Guide: v.g.ID, Consent: "n", ConsentVer: version}
		if consent {
			st.Consent = "y"
		}
		return v.goTo(screenUnit, st)
	}
	return v.startCase(consent, version, v.user.CommuneCode)
}

// pickUnit starts the case of the unit screen in the commune pressed, one
// of the volunteer's province.
func (v *caseView) pickUnit(code string) error {
	c, err := v.tx.Commune(v.ctx, code)
	switch {
	case errors.Is(err, storage.ErrNotFound) || (err == nil && c.ProvinceCode != v.user.ProvinceCode.String):
		v.answer(v.t.T("button.stale"))
		return v.show("")
	case err != nil:
		return err
	}
	return v.startCase(v.st.Consent == "y", v.st.ConsentVer, sql.NullString{String: code, Valid: true})
}

// findUnit takes the commune's name typed: the screen lists what it finds
// in the volunteer's province (or says it found none).
func (v *caseView) findUnit(text string) error {
	switch {
	case privacy.Meaningless(text):
		return v.again("")
	case utf8.RuneCountInString(text) > maxQuery:
		return v.again(v.t.T("invite.query_too_long", locales.Data{"Max": maxQuery}))
	case privacy.PersonalData(text) != "":
		// The resident's data in the wrong field: neither kept nor shown back.
		return v.again(v.t.T("case.unit_personal"))
	}
	st := v.st
	st.Unit = text
	return v.h.caseGo(v.request, screenUnit, st, "")
}

// unitMatches are the communes of the volunteer's province a typed name
// finds.
func (v *caseView) unitMatches(text string) ([]storage.CommuneMatch, error) {
	return v.tx.SearchCommunes(v.ctx, text, v.user.ProvinceCode.String, searchResults)
}

// startCase creates the case once the resident has answered the consent
// question (version: the text read) and its commune is known.
func (v *caseView) startCase(consent bool, version string, commune sql.NullString) error {
	g := v.g
	phase := storage.PhaseChecklist
	if len(g.Prerequisites) == 0 {
		phase = storage.PhaseSteps
	}
	if v.role == storage.RoleAdmin && v.user.Role == storage.RoleGuest {
		// Administrators come from the configuration; their cases need a
		// row with their name (the tallies list them by it), also when
		// /lang stored one without (KeepUser writes only a name changed).
		if err := v.tx.KeepUser(v.ctx, v.user.TelegramID, v.user.FirstName); err != nil {
			return err
		}
	}
	c := storage.Case{
		VolunteerID:     v.user.TelegramID,
		CommuneCode:     commune,
		GuideID:         g.ID,
		GuideChecked:    g.Checked(),
		Kind:            g.Kind,
		StepsTotal:      len(g.Steps),
		Phase:           phase,
		FollowupConsent: consent,
		ConsentVersion:  version,
		StartedAt:       v.h.now(),
	}
	if g.Procedure() {
		c.Mode = sql.NullString{String: g.Mode, Valid: true}
	}
	c, err := v.tx.CreateCase(v.ctx, c)
	if err != nil {
		return err
	}
	v.c = c
	return v.goCase("")
}

// resumeCase goes back into one of the volunteer's cases where it stopped.
func (h *Handlers) resumeCase(r *request, id int64) error {
	if !h.isMember(r) {
		return nil
	}
	c, g, err := h.caseAndGuide(r, id)
	switch {
	case errors.Is(err, storage.ErrNotFound) || (err == nil && !c.Live()):
		r.answer(r.t.T("resume.closed"))
		return h.resume(r)
	case errors.Is(err, errGuideGone):
		r.say(r.t.T("case.guide_gone", locales.Data{"Case": c.ID}), nil)
		return nil
	case err != nil:
		return err
	}
	v := &caseView{request: r, h: h, c: c, g: g}
	screen, st, err := h.screenLeft(r, c, g)
	if err != nil {
		return err
	}
	note := ""
	if stepGone(c, g) {
		// The step it stopped at left the guide (a deploy while it waited):
		// it goes on at the step that has its number now, which the
		// volunteer has not seen — or, that step was the last, at its
		// outcome question.
		note = r.t.T("case.step_left")
		if leftLastStep(c) {
			note = r.t.T("case.step_left_last")
		}
	}
	if err := v.takeUp(); err != nil {
		return err
	}
	return h.caseGo(r, screen, st, note)
}

// leftScreens are the screens a case is left on that ask for words (a
// note, the other reason), answer a code another case keeps, show the
// fix of the problem reported at the step, or ask what differs at it (⚑:
// until review 26B, the bare step came back), by the screen of the case's
// phase (screenOf) they stand over: /resume there draws them again, not
// the phase's own screen, whose first button would take the next press
// as another answer ("No dossier code" in place of "🔗 Same dossier", a
// reason from the list in place of the one being typed), or which no
// longer says which problem was reported, nor its fix (until review 25B,
// after a restart too). So is the checklist's question whether to end the
// case as not eligible or as needing no procedure (screenEnd): until the
// checklist came back in its place, its "✓ Kết thúc ca" gone. What they
// need is in the chat's conversation row only.
var leftScreens = map[string]string{
	screenProblem: screenStep, screenNote: screenStep, screenFlagNote: screenStep, screenFix: screenStep, screenFlag: screenStep,
	screenReasonNote: screenReason, screenKept: screenDossier, screenEnd: screenChecklist,
}

// screenLeft is the screen case c resumes on: the screen the chat is
// still on for it (leftScreens), with its state, while the case is
// live and at that screen's phase (and step: none left the guide); else
// the case's own screen for where it stands (screenOf).
//
// A case paused at its step (⏸, /cancel, another flow) on its fix or its ⚑
// question comes back on it too: the pause event says which
// (storage.PausedOn), the chat's row having forgotten it (until review
// 26B, the bare step came back). A guide (📖) opened from a fix is that
// fix (fixUnder; until review 26E, the bare step).
func (h *Handlers) screenLeft(r *request, c storage.Case, g *guides.Guide) (string, caseState, error) {
	own := caseState{Case: c.ID}
	if stepGone(c, g) {
		return screenOf(c), own, nil
	}
	if c.Status == storage.CasePaused && c.Phase == storage.PhaseSteps {
		on, err := r.tx.PausedOn(r.ctx, c.ID)
		if err != nil {
			return "", own, err
		}
		screen, st := pausedScreen(c, on)
		return screen, st, nil
	}
	if c.Status == storage.CasePaused && c.Phase == storage.PhaseReason && c.Reason.String == "other_reason" {
		// Left on the other reason's note (/cancel, /new, another flow):
		// its question again, not the list of reasons, which said nothing
		// of "Lý do khác" chosen (until review 34A).
		on, err := r.tx.PausedOn(r.ctx, c.ID)
		if err != nil || on != storage.PausedOnReasonNote {
			return screenOf(c), own, err
		}
		return screenReasonNote, own, nil
	}
	if c.Status == storage.CasePaused && c.Phase == storage.PhaseChecklist {
		// Left on the question whether to end it as not eligible or as
		// needing no procedure (/cancel, /new, another flow): that
		// question again, not the bare checklist.
		on, err := r.tx.PausedOn(r.ctx, c.ID)
		if err != nil {
			return "", own, err
		}
		if reason, ok := strings.CutPrefix(on, storage.PausedOnEnd); ok && isChecklistEnd(reason) {
			return screenEnd, caseState{Case: c.ID, End: reason}, nil
		}
		return screenOf(c), own, nil
	}
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return screenOf(c), own, nil
	case err != nil:
		return "", own, err
	case conv.Flow != flowCase || c.Status != storage.CaseOpen:
		return screenOf(c), own, nil
	}
	var st caseState
	if err := conv.Decode(&st); err != nil || st.Case != c.ID {
		return screenOf(c), own, nil // a row another version wrote: the case's own screen
	}
	step := conv.Step
	if step == screenResume && st.OverSt != nil && st.OverSt.Case == c.ID {
		// The list asked over the case's screen (waiting): that screen.
		step, st = st.Over, *st.OverSt
	}
	step, st = fixUnder(step, st)
	if leftScreens[step] != screenOf(c) {
		return screenOf(c), own, nil
	}
	return step, st, nil
}

// pausedScreen is the screen of its step case c was paused on, as its
// pause event keeps it (on: storage.PausedOn): a fix, the ⚑ question, the
// list of problems (until review 27A, the bare step), the question of a
// problem or of what differs in words (until review 27E, the bare step),
// or the case's own screen.
func pausedScreen(c storage.Case, on string) (string, caseState) {
	switch on {
	case "":
		return screenOf(c), caseState{Case: c.ID}
	case storage.PausedOnFlag:
		return screenFlag, caseState{Case: c.ID}
	case storage.PausedOnProblems:
		return screenProblem, caseState{Case: c.ID}
	case storage.PausedOnNote:
		return screenNote, caseState{Case: c.ID}
	case storage.PausedOnFlagNote:
		return screenFlagNote, caseState{Case: c.ID}
	}
	return screenFix, caseState{Case: c.ID, Err: on}
}

// fixUnder is the fix a guide (📖) was opened from, when screen is that
// guide: a case left there, or taken up there, comes back on the fix, as
// the guide's ← leads (until review 26E, on the bare step, its "✓ Fixed"
// gone); else screen and st themselves.
func fixUnder(screen string, st caseState) (string, caseState) {
	if screen == screenSub && st.Err != "" {
		return screenFix, caseState{Case: st.Case, Err: st.Err}
	}
	return screen, st
}

// waiting is the /resume list's state over the screen the chat is on,
// when that screen is of an open case of the user's and waits for typed
// words or shows a fix: a screen screenLeft would draw again, or the
// dossier code question; or the list already shown over one (a second
// /resume). Else the list's plain state.
func (h *Handlers) waiting(r *request) (caseState, error) {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return caseState{}, nil
	case err != nil:
		return caseState{}, err
	case conv.Flow != flowCase:
		return caseState{}, nil
	}
	var st caseState
	if err := conv.Decode(&st); err != nil || st.Case == 0 {
		return caseState{}, nil
	}
	screen := conv.Step
	if screen == screenResume {
		if st.Over == "" || st.OverSt == nil {
			return caseState{}, nil
		}
		screen, st = st.Over, *st.OverSt
	}
	screen, st = fixUnder(screen, st)
	if leftScreens[screen] == "" && screen != screenDossier {
		return caseState{}, nil
	}
	c, g, err := h.caseAndGuide(r, st.Case)
	switch {
	case errors.Is(err, storage.ErrNotFound) || errors.Is(err, errGuideGone):
		return caseState{}, nil
	case err != nil:
		return caseState{}, err
	case c.VolunteerID != r.user.TelegramID || c.Status != storage.CaseOpen:
		return caseState{}, nil
	case screen == screenDossier && screenOf(c) != screenDossier:
		return caseState{}, nil
	case leftScreens[screen] != "" && (leftScreens[screen] != screenOf(c) || stepGone(c, g)):
		return caseState{}, nil
	}
	st.Page = 0
	return caseState{Case: c.ID, Over: screen, OverSt: &st}, nil
}

// takeUp opens a paused case again, with its resume event; a case that was
// live (a double tap on Continue, a lost connection) needs neither. A case
// paused at a step goes on at that step, found by its id: the guide may
// have gained or lost steps before it since.
func (v *caseView) takeUp() error {
	if v.c.Status != storage.CasePaused {
		return nil
	}
	if v.c.Phase == storage.PhaseSteps {
		id, err := v.tx.PausedAtStep(v.ctx, v.c.ID)
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(v.g.Steps, func(s guides.Step) bool { return s.ID == id }); i >= 0 {
			v.c.Step = i
		}
	}
	v.c.Status, v.c.UpdatedAt = storage.CaseOpen, v.h.now()
	return v.save("resume", v.phaseEvent())
}

var errGuideGone = errors.New("the case's guide is no longer in the catalog")

// stepGone says whether the step the case was on (and the volunteer sees)
// has left its guide since: the case stands at the step that has its
// number now, which the volunteer has not seen — or, when that step was
// the last, at its outcome question (leftLastStep).
func stepGone(c storage.Case, g *guides.Guide) bool {
	return leftLastStep(c) || (c.Phase == storage.PhaseSteps && c.StepID.Valid && g.Steps[c.Step].ID != c.StepID.String)
}

// leftLastStep says whether caseAndGuide moved the case to its outcome
// question because the step it stood at, its last, left the guide: a case
// saved at the outcome keeps no step id (standsAt).
func leftLastStep(c storage.Case) bool {
	return c.Phase == storage.PhaseOutcome && c.StepID.Valid && !c.EndedFrom.Valid
}

// caseAndGuide reads one of the volunteer's cases, locked, and its guide:
// storage.ErrNotFound when there is no such case of theirs, errGuideGone
// (with the case) when the catalog lost its guide. The guide may have
// changed since the case began: the case follows it as it is now, at the
// step it was on found by its id; when that step is gone, at the step that
// has its number now, or at its outcome question when it was the last
// (stepGone tells).
func (h *Handlers) caseAndGuide(r *request, id int64) (storage.Case, *guides.Guide, error) {
	c, err := r.tx.Case(r.ctx, id, r.user.TelegramID)
	if err != nil {
		return c, nil, err
	}
	g, ok := h.guides.Guide(c.GuideID)
	if !ok {
		return c, nil, errGuideGone
	}
	return onGuide(c, g), g, nil
}

// onGuide is case c as it stands on its guide g as it is now (caseAndGuide;
// /resume's list says so too): at the step it was on found by its id; when
// that step is gone, at the step that has its number now, or at its
// outcome question when it was the last.
func onGuide(c storage.Case, g *guides.Guide) storage.Case {
	wasLast := c.Step >= c.StepsTotal-1 // of the guide the case was saved with
	c.StepsTotal = len(g.Steps)
	c.Step = min(c.Step, len(g.Steps)-1)
	if atStep(c) && c.StepID.Valid && g.Steps[c.Step].ID != c.StepID.String {
		switch i := slices.IndexFunc(g.Steps, func(s guides.Step) bool { return s.ID == c.StepID.String }); {
		case i >= 0:
			c.Step = i
		case wasLast && c.Phase == storage.PhaseSteps:
			// Its last step is gone: what is left is its outcome
			// (leftLastStep tells, until the case is saved there).
			c.Phase = storage.PhaseOutcome
		}
	}
	return c
}

// saveCase writes the case, with the id of the step it stands at
// (caseAndGuide finds it by that id after a deploy), and events.
func (v *caseView) saveCase(events ...storage.CaseEvent) error {
	v.c.StepID = v.standsAt()
	return v.tx.SaveCase(v.ctx, v.c, events...)
}

// standsAt is the id of the step the case stands at: in its steps, or
// asked why it ended there (Back returns to that step); none otherwise.
func (v *caseView) standsAt() sql.NullString {
	if atStep(v.c) {
		return sql.NullString{String: v.step().ID, Valid: true}
	}
	return sql.NullString{}
}

// atStep says whether a case stands at one of its steps: in them, or ended
// from them and asked why, or, past the step that submits its dossier,
// asked its outcome (and then its code or why).
func atStep(c storage.Case) bool {
	return c.Phase == storage.PhaseSteps || c.EndedFrom.String == storage.PhaseSteps
}

// save writes the case and one event of kind (about ev's step, if any).
func (v *caseView) save(kind string, ev *storage.CaseEvent) error {
	e := storage.CaseEvent{}
	if ev != nil {
		e = *ev
	}
	e.CaseID, e.At, e.Kind = v.c.ID, v.c.UpdatedAt, kind
	return v.saveCase(e)
}

// stepEvent is an event about the case's current step.
func (v *caseView) stepEvent() *storage.CaseEvent {
	return &storage.CaseEvent{
		Step:   sql.NullInt32{Int32: int32(v.c.Step + 1), Valid: true},
		StepID: sql.NullString{String: v.step().ID, Valid: true},
	}
}

// phaseEvent is an event about the current step while the case is in its
// steps, else about no step.
func (v *caseView) phaseEvent() *storage.CaseEvent {
	if v.c.Phase != storage.PhaseSteps {
		return nil
	}
	return v.stepEvent()
}

// advance records the step done or skipped and moves to the next step, or
// to the outcome after the last one. A skip is only reading ahead: the case
// stays a pick that can be thrown away (discardable) until a step is done.
func (v *caseView) advance(kind string) error {
	ev := v.stepEvent()
	v.c.Step++
	v.c.Progressed, v.c.UpdatedAt = v.c.Progressed || kind == "done", v.h.now()
	if v.c.Step >= v.c.StepsTotal {
		v.c.Phase, v.c.Step = storage.PhaseOutcome, v.c.StepsTotal-1
	}
	if err := v.save(kind, ev); err != nil {
		return err
	}
	return v.goCase("")
}

// pause sets the case aside; /resume or the pause message's button takes
// it up. The chat's row keeps the pause message on screen (pausedAfter),
// which /lang draws again below in the language chosen.
func (v *caseView) pause() error {
	if err := v.setAside(v.screen, v.st); err != nil {
		return err
	}
	version, err := v.tx.EndConversationKeeping(v.ctx, v.chat, v.liveMessage(), pausedAfter{Paused: v.c.ID})
	if err != nil {
		return err
	}
	v.screen = screenPaused
	if v.liveMessage() == 0 {
		v.track = version // a new message (/cancel): its id comes back (Sent)
	}
	return v.show("")
}

// pausedAfter is what a pause message leaves in the chat's row once the
// case flow ended with it (storage.Tx.EndConversationKeeping): the case it
// is about, the row's message being the one it is on. /lang draws it
// again below, in the language chosen, as it draws a case's screen
// (pausedAgain); until then the pause message stayed above in the
// language left, its buttons live, and /lang said only "Switched to
// English.". A flow begun since (▶ and ⏹ among them) replaces it.
type pausedAfter struct {
	Paused int64 `json:"paused,omitempty"`
}

// pausedOnScreen is the case whose pause message the chat, in no flow, has
// on screen (pausedAfter), else 0.
func pausedOnScreen(conv storage.Conversation) int64 {
	var after pausedAfter
	if conv.Flow != "" || conv.Decode(&after) != nil {
		return 0
	}
	return after.Paused
}

// pausedAgain draws the pause message the chat has on screen (pausedAfter)
// again as a new message, below /lang's answer: the copy above loses its
// buttons, and the copy below is the one on screen now (its id comes
// back: Sent). Nothing is drawn for a case no longer paused, nor for one
// who is no longer a member.
func (h *Handlers) pausedAgain(r *request, conv storage.Conversation) error {
	id := pausedOnScreen(conv)
	if id == 0 || !r.member() {
		return nil
	}
	c, g, err := h.caseAndGuide(r, id)
	if err != nil || c.Status != storage.CasePaused {
		return ignoreGone(err)
	}
	v := &caseView{request: r, h: h, screen: screenPaused, c: c, g: g}
	text, kb, err := caseScreens[screenPaused].draw(v)
	if err != nil {
		return err
	}
	if old := conv.MessageID; old != 0 {
		if !r.touches(old) {
			r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: old})
		}
		if err := r.tx.ScreenMoved(r.ctx, r.chat, old); err != nil {
			return err
		}
	}
	r.track = conv.Version
	r.say(text, kb)
	return nil
}

// setAside marks the case paused, with its event (pauseEvent).
func (v *caseView) setAside(screen string, st caseState) error {
	v.c.Status, v.c.UpdatedAt = storage.CasePaused, v.h.now()
	return v.save("pause", v.pauseEvent(screen, st))
}

// pauseEvent is the event of the case set aside at screen (with st): left
// on a screen of its step that /resume draws again (a fix, or a guide
// opened from it: fixUnder; the ⚑ question; the list of problems; the
// question of a problem, or of what differs, in words: only which, never
// words typed there; past its steps the other reason's note; at its
// checklist the question whether to end it as not eligible or as needing
// no procedure), it says which (storage.PausedOn): the chat's row forgets
// it as the case is left.
func (v *caseView) pauseEvent(screen string, st caseState) *storage.CaseEvent {
	screen, st = fixUnder(screen, st)
	if screen == screenReasonNote && st.Case == v.c.ID && v.c.Phase == storage.PhaseReason {
		// Past its steps, on the other reason's note: about no step, the
		// note question it comes back on (screenLeft).
		return &storage.CaseEvent{Problem: sql.NullString{String: storage.PausedOnReasonNote, Valid: true}}
	}
	if screen == screenEnd && st.Case == v.c.ID && v.c.Phase == storage.PhaseChecklist && isChecklistEnd(st.End) {
		// At its checklist, on the question whether to end it so: about
		// no step, that question (and which end) it comes back on.
		return &storage.CaseEvent{Problem: sql.NullString{String: storage.PausedOnEnd + st.End, Valid: true}}
	}
	ev := v.phaseEvent()
	if ev != nil && st.Case == v.c.ID {
		switch {
		case screen == screenFix && st.Err != "":
			ev.Problem = sql.NullString{String: st.Err, Valid: true}
		case screen == screenFlag:
			ev.Problem = sql.NullString{String: storage.PausedOnFlag, Valid: true}
		case screen == screenProblem:
			ev.Problem = sql.NullString{String: storage.PausedOnProblems, Valid: true}
		case screen == screenNote:
			ev.Problem = sql.NullString{String: storage.PausedOnNote, Valid: true}
		case screen == screenFlagNote:
			ev.Problem = sql.NullString{String: storage.PausedOnFlagNote, Valid: true}
		}
	}
	return ev
}

// leaveCase pauses the case the chat shows, if any and if it is not keep,
// before the chat turns to something else.
func (h *Handlers) leaveCase(r *request, keep int64) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && conv.Flow != flowCase) {
		return nil
	} else if err != nil {
		return err
	}
	var st caseState
	if err := conv.Decode(&st); err != nil || st.Case == 0 || st.Case == keep {
		return err
	}
	c, g, err := h.caseAndGuide(r, st.Case)
	switch {
	case errors.Is(err, storage.ErrNotFound) || errors.Is(err, errGuideGone) || (err == nil && c.Status != storage.CaseOpen):
		return nil // nothing, or nothing we can follow, to pause
	case err != nil:
		return err
	}
	v := &caseView{request: r, h: h, c: c, g: g}
	if c.Phase == storage.PhaseDossier {
		// Its outcome is chosen, and final: only the dossier code was
		// asked, and it may still come (codeAfterClose). Left now, it
		// closes as with "no code", and counts; the screen drawn next
		// says so (caseGo).
		r.closedAtCode = c.ID
		return v.closeCase("")
	}
	screen, st := shownOn(conv.Step, st, c.ID)
	return v.setAside(screen, st)
}

// shownOn is the screen (and its state) the chat, at screen with st, shows
// case id on: the list of open cases asked over a screen of it (waiting)
// is that screen; "" when the chat shows none of it.
func shownOn(screen string, st caseState, id int64) (string, caseState) {
	switch {
	case screen == screenResume && st.OverSt != nil && st.OverSt.Case == id:
		return st.Over, *st.OverSt
	case st.Case != id:
		return "", caseState{}
	}
	return screen, st
}

// markShown records where the open case at its steps stands, on the
// screen the chat shows it on (leaveCase, shownOn; the bare step when it
// shows none of it), as a case set aside there and taken up again: a
// pause event saying which screen, and its resume, which ← after End
// reads (backToEnded, storage.EndedOn). The pair is no time away: it is
// stamped with the case's last moment (storage.LastMoment), not the tap,
// so that it splits no stretch of the case's active time — stamped at the
// tap (review 27A), a case idle 40 minutes before it and 40 after counted
// 60 minutes of them, each side up to 30, where without the pair the 80
// counted 30 (until review 27E).
func (v *caseView) markShown() error {
	screen, st := "", caseState{}
	conv, err := v.tx.Conversation(v.ctx, v.chat)
	switch {
	case errors.Is(err, storage.ErrNotFound):
	case err != nil:
		return err
	case conv.Flow == flowCase && conv.Decode(&st) == nil:
		screen, st = shownOn(conv.Step, st, v.c.ID)
	}
	at, err := v.tx.LastMoment(v.ctx, v.c.ID)
	if err != nil {
		return err
	}
	pause, resume := *v.pauseEvent(screen, st), *v.phaseEvent()
	pause.CaseID, pause.At, pause.Kind = v.c.ID, at, "pause"
	resume.CaseID, resume.At, resume.Kind = v.c.ID, at, "resume"
	v.c.UpdatedAt = v.h.now()
	return v.saveCase(pause, resume)
}

// endable says whether a case may still be ended early ("could not be
// done"): only before its outcome was chosen. After that, ending it would
// overwrite what really happened.
func endable(c storage.Case) bool {
	return c.Phase == storage.PhaseChecklist || c.Phase == storage.PhaseSteps
}

// endEarly is the pause message's "end this case": the case goes to the
// question why it could not be done, remembering where it was ended from.
func (v *caseView) endEarly() error {
	// A case whose last step left the guide stands at its outcome question
	// with no outcome chosen: ended from there (asked before takeUp saves
	// it there).
	ok := endable(v.c) || leftLastStep(v.c)
	if v.c.Status == storage.CaseOpen && v.c.Phase == storage.PhaseSteps {
		// Taken up since its pause message was sent, and moved maybe (a
		// fix left for its step, a fix opened): ended from the screen the
		// chat shows it on now, which a pause event keeps for ←
		// (backToEnded; markShown, adding no active time) — until review
		// 27A, ← returned to the screen of the old pause.
		if err := v.markShown(); err != nil {
			return err
		}
	}
	if err := v.takeUp(); err != nil {
		return err
	}
	if !ok {
		if (v.c.Phase == storage.PhaseReason || v.c.Phase == storage.PhaseOutcome) && v.c.EndedFrom.Valid {
			return v.goCase("") // End pressed twice: its question again
		}
		// The outcome is chosen: End would overwrite it. Take the case up
		// where it stands instead.
		return v.goCase(v.t.T("case.end_too_late"))
	}
	v.c.EndedFrom = sql.NullString{String: v.c.Phase, Valid: true}
	v.c.UpdatedAt = v.h.now()
	if v.c.Phase == storage.PhaseSteps && pastSubmit(v.c, v.g) {
		// Its dossier may be in: the outcome is asked, not why it could
		// not be submitted (← returns to this step).
		v.c.Phase = storage.PhaseOutcome
	} else {
		v.c.Phase = storage.PhaseReason
		v.c.Outcome = sql.NullString{String: failedOutcome(v.c.Kind), Valid: true}
	}
	if err := v.saveCase(); err != nil {
		return err
	}
	return v.goCase("")
}

// pastSubmit says whether a dossier's case stands at or past the step its
// guide marks as submitting it: ended there, it may have been submitted
// (as a code typed there is taken as the case's). False when the guide
// marks none (End then asks why, as it always did).
func pastSubmit(c storage.Case, g *guides.Guide) bool {
	s := g.SubmitStep()
	return c.Kind == guides.KindDossier && s >= 0 && c.Step >= s
}

// finish closes the case, keeps the dossier code when there is one, and
// shows the summary. A code kept marks the case followed up with its close
// (tallies count it: storage.Case.FollowupKept).
func (v *caseView) finish(code, note string) error {
	return v.finishWith(code, outcomeEvent(note), "")
}

// finishSame ends the case at its code question as the same dossier as
// case kept, which keeps its code (a supplement, a fee paid after a
// failure): submitted, with no code of its own and no second follow-up,
// its outcome event marked storage.SameDossier so that it is never named
// as awaiting its code, and case kept named in the case log (the case
// list names it).
func (v *caseView) finishSame(kept int64) error {
	ev := &storage.CaseEvent{Problem: sql.NullString{String: storage.SameDossier, Valid: true}}
	v.c.SameDossierOf = kept
	return v.finishWith("", ev, v.t.T("case.same_dossier_done", locales.Data{"Case": v.c.ID, "Kept": kept}))
}

// sameDossier says whether this case may be the same dossier as case
// kept, which keeps the code typed: one dossier is one procedure.
func (v *caseView) sameDossier(kept int64) (bool, error) {
	k, err := v.tx.Case(v.ctx, kept, v.user.TelegramID)
	if errors.Is(err, storage.ErrNotFound) {
		return false, nil
	}
	return err == nil && k.GuideID == v.c.GuideID, err
}

// finishWith is finish with the case's outcome event ev, and above above
// its summary.
func (v *caseView) finishWith(code string, ev *storage.CaseEvent, above string) error {
	v.c.FollowupKept = v.c.FollowupKept || code != ""
	if err := v.closeWith(ev); err != nil {
		return err
	}
	var f *storage.Followup
	if code != "" {
		kept, err := v.keepCode(code, nil)
		if err != nil {
			return err
		}
		f = &kept
	}
	if err := v.tx.EndConversationOn(v.ctx, v.chat, v.liveMessage()); err != nil {
		return err
	}
	if f != nil {
		// The slip the resident takes home, just above the summary (which
		// keeps the last word, with its links and its button).
		v.replies = append(v.replies, v.h.slipPhoto(v.chat, v.t, *f))
		v.about = followupTopic(f.CaseID)
	}
	v.screen = screenSummary
	return v.show(above)
}

// closeCase closes the case with its outcome event (and the note of an
// "other" reason).
func (v *caseView) closeCase(note string) error {
	return v.closeWith(outcomeEvent(note))
}

// outcomeEvent is a case's outcome event, with the note of an "other"
// reason.
func outcomeEvent(note string) *storage.CaseEvent {
	ev := &storage.CaseEvent{}
	if note != "" {
		ev.Note = sql.NullString{String: note, Valid: true}
	}
	return ev
}

// closeWith closes the case with its outcome event ev.
func (v *caseView) closeWith(ev *storage.CaseEvent) error {
	now := v.h.now()
	if v.c.Status == storage.CaseClosed && v.c.FinishedAt.Valid {
		// Closed a moment ago without its code, and told since to be the
		// same dossier as another case (screenAttach): its outcome is
		// recorded again as of its close, its minutes as they were.
		now = v.c.FinishedAt.Time
	}
	v.c.Status, v.c.Phase, v.c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, now
	v.c.FinishedAt = sql.NullTime{Time: now, Valid: true}
	v.c.EndedFrom = sql.NullString{}
	return v.save("outcome", ev)
}

// keepCode keeps the dossier code of a case whose resident consented, with
// the date its result is due (from the guide's working days, if it gives
// them) and the link the resident follows it by. A code that corrects one
// kept before (was) keeps its promise: the date told on the slip and in
// the bot, and the days it was counted with — a guide updated since
// (another count, or none) does not move it.
func (v *caseView) keepCode(code string, was *storage.Followup) (storage.Followup, error) {
	days := guideDays(v.g)
	if was != nil && was.DueOn.Valid {
		return v.tx.SaveCountedFollowup(v.ctx, v.c.ID, code, was.DueOn.Time, was.DueKnown, int(was.DueDays.Int16))
	}
	if was != nil { // kept without a date: asked after checkInDays, as it was
		days = 0
	}
	if days == 0 { // no due date to remind on: the resident is asked after checkInDays
		f, err := v.tx.SaveFollowup(v.ctx, v.c.ID, code, time.Time{}, false)
		if err != nil || f.RemindersSent > 0 {
			return f, err
		}
		ask := addWorkingDaysFrom(v.c.FinishedAt.Time, checkInDays)
		f.NextReminderOn = sql.NullTime{Time: ask, Valid: true}
		return f, v.tx.AskWithoutDate(v.ctx, v.c.ID, ask)
	}
	due, known := dueDate(v.c.FinishedAt.Time, days)
	return v.tx.SaveCountedFollowup(v.ctx, v.c.ID, code, due, known, days)
}

// Outcomes and reasons a case can end with, by its guide's kind, as stored
// (migrations/00003_case_kinds.sql). The last outcome of each is "could not
// be done", which asks for a reason.
var (
	outcomesOf = map[string][]string{
		guides.KindDossier: {"submitted", outcomePaid, "on_the_spot", "not_submitted"},
		guides.KindAccount: {"done", "not_done"},
		guides.KindPayment: {"done", "not_done"},
	}
	reasonsOf = map[string][]string{
		guides.KindDossier: {"no_vneid", "missing_doc", "portal_error", reasonSelfLater, "changed_mind", "other_reason"},
		guides.KindAccount: {"no_otp", "in_person", "missing_doc", "app_error", reasonSelfLater, "changed_mind", "other_reason"},
		guides.KindPayment: {"no_account", "portal_error", reasonSelfLater, "changed_mind", "other_reason"},
	}
)

// reasons are the reasons a case that could not be done is offered: its
// kind's, where "portal error" is "app error" when the guide's procedure
// is done in an app (VNeID's or another), and "no level-2 VNeID" comes
// first for a payment made on a portal the resident logs in to with VNeID.
func (v *caseView) reasons() []string {
	rs := slices.Clone(reasonsOf[v.c.Kind])
	if ch := v.g.Portal.Channel; ch == guides.ChannelVNeID || ch == guides.ChannelApp {
		if i := slices.Index(rs, "portal_error"); i >= 0 && !slices.Contains(rs, "app_error") {
			rs[i] = "app_error"
		}
	}
	if v.c.Kind == guides.KindPayment && v.g.VNeIDLevel > 0 && !slices.Contains(rs, "no_vneid") {
		rs = slices.Insert(rs, 0, "no_vneid")
	}
	return rs
}

// outcomePaid is a dossier "submitted and paid online": never offered for a
// guide whose procedure carries no fee (fee_free).
const outcomePaid = "paid"

// outcomes are the outcomes the case can end with: its kind's, less "paid
// online" when its guide's procedure never carries a fee.
func (v *caseView) outcomes() []string {
	os := outcomesOf[v.c.Kind]
	if v.g.FeeFree {
		os = slices.DeleteFunc(slices.Clone(os), func(o string) bool { return o == outcomePaid })
	}
	return os
}

// reasonSelfLater is "explained; the resident will finish it later": the
// volunteer showed the way and the resident chose to go on at home
// (migrations/00021). Not done here, so a reason, not an outcome.
const reasonSelfLater = "self_later"

// reasonNotEligible is the reason the checklist's "not eligible" records.
const reasonNotEligible = "not_eligible"

// failedOutcome is the outcome of a case of kind that could not be done.
func failedOutcome(kind string) string {
	o := outcomesOf[kind]
	return o[len(o)-1]
}

// outcomeText names a stored outcome of a case of kind.
func outcomeText(r *request, kind, outcome string) string {
	if kind == guides.KindDossier {
		return r.t.T("outcome." + outcome)
	}
	return r.t.T("outcome." + kind + "." + outcome)
}

// screenOf is the screen a case shows when it is (re)entered.
func screenOf(c storage.Case) string {
	switch c.Phase {
	case storage.PhaseChecklist:
		return screenChecklist
	case storage.PhaseOutcome:
		return screenOutcome
	case storage.PhaseReason:
		return screenReason
	case storage.PhaseDossier:
		return screenDossier
	}
	return screenStep
}

// where says where a case stands: "step 3/7", "outcome to record"…
func where(r *request, c storage.Case) string {
	if c.Phase == storage.PhaseSteps {
		return r.t.T("resume.phase_steps", locales.Data{"Step": c.Step + 1, "Steps": c.StepsTotal})
	}
	return r.t.T("resume.phase_" + c.Phase)
}

// consentText is what the volunteer reads to the resident: what is logged,
// and, for procedures with a dossier to follow, the follow-up offer.
//
// The words read aloud are Vietnamese: residents are. A volunteer who uses
// another language reads them in it first, then the Vietnamese words to
// read aloud (texts' Vietnamese).
//
// The dossier code is said to be deleted as many days after the follow-up
// ends as retention keeps it (FOLLOWUP_RETENTION_DAYS): until review 29 it
// was said to go when the follow-up ended.
func (h *Handlers) consentText(t *locales.Localizer, g *guides.Guide) string {
	key, words := "consent.text", "consent.words"
	if !g.OffersFollowup() {
		key, words = "consent.notice", "consent.notice_words"
	}
	days := locales.Data{"Days": h.store.FollowupRetention()}
	said := t.T(words, days)
	if t.Lang() != vietnamese {
		said += "\n\n" + t.T("consent.in_vietnamese") + "\n\n" + h.texts.For(vietnamese).T(words, days)
	}
	return t.T(key, locales.Data{"Words": said})
}

// vietnamese is the residents' language, whatever the volunteer's.
const vietnamese = "vi"

// consentVersion names the exact consent text read: its language and a
// hash of its words, so a change of wording is a new version by itself.
func (h *Handlers) consentVersion(t *locales.Localizer, g *guides.Guide) string {
	sum := sha256.Sum256([]byte(h.consentText(t, g)))
	return t.Lang() + "-" + hex.EncodeToString(sum[:4])
}

func modeName(r *request, g *guides.Guide) string {
	return r.t.T("mode."+modeKey(g.Mode), locales.Data{"Level": g.Legacy()})
}

// modeKey is a mode's text id: TOML keys read better with _ than -.
func modeKey(mode string) string { return strings.ReplaceAll(mode, "-", "_") }

// shorten cuts s to n characters, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// shortenAtWord cuts s to at most n characters at the end of a word, with
// an ellipsis: no word, and no link, is shown cut in two. A first word
// longer than half of n is cut as shorten cuts.
func shortenAtWord(s string, n int) string { return cutAtWord(s, n, n/2) }

// shortTitle is a guide's title as a list shows it: the words before a
// bracket or a dash, cut at a word within n characters ("Marriage…":
// whole words, however few; a title of one long word is cut in it).
func shortTitle(title string, n int) string {
	for _, sep := range []string{" (", " – ", " - "} {
		if i := strings.Index(title, sep); i > 0 {
			title = title[:i]
		}
	}
	return cutAtWord(title, n, 1)
}

// cutAtWord cuts s to at most n characters, "…" included, after the last
// whole word that fits, without the comma or dash that followed it; where
// the words that fit are fewer than least characters, it cuts as shorten.
func cutAtWord(s string, n, least int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	i := n - 1
	for i > 0 && !unicode.IsSpace(r[i]) {
		i--
	}
	cut := strings.TrimRightFunc(string(r[:max(i, 0)]), func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune(",;:–-", c)
	})
	if i < least || cut == "" {
		return shorten(s, n)
	}
	return cut + "…"
}

// firstSentence is the first clause of s, at most n characters: the short
// form of a fee or a processing time ("Miễn phí khi khai đúng hạn").
func firstSentence(s string, n int) string {
	for _, sep := range []string{". ", "; ", " – "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSuffix(s, ".")
	if r := []rune(s); len(r) > n {
		if i := strings.LastIndex(string(r[:n]), ", "); i > 0 {
			return s[:i] // a whole clause, not a word cut short
		}
	}
	return shortenAtWord(s, n)
}

// duration says how long a case was active ("Thời gian: 2 giờ 5 phút."),
// in whole minutes rounded down, as the tallies, /me and the case list
// count them (33 min 40 s: 33, as there).
func duration(r *request, d time.Duration) string {
	return r.t.T("summary.time", locales.Data{"Time": spanText(r.t, d.Truncate(time.Minute).Minutes())})
}

// spanText says a number of minutes as people read it: "45 phút", "12,5
// phút", "2 giờ", "2 giờ 5 phút" (not "125 phút"), "dưới 1 phút" (not "0
// phút": whole minutes are rounded down).
func spanText(t *locales.Localizer, minutes float64) string {
	num := func(x float64) string { return decimal(t, strconv.FormatFloat(x, 'f', -1, 64)) }
	if minutes < 1 {
		return t.T("time.under_a_minute")
	}
	if minutes < 60 {
		return t.T("time.minutes", locales.Data{"Minutes": num(minutes)})
	}
	hours := math.Floor(minutes / 60)
	rest := minutes - 60*hours
	if rest == 0 {
		return t.T("time.hours", locales.Data{"Hours": num(hours)})
	}
	return t.T("time.hours_minutes", locales.Data{"Hours": num(hours), "Minutes": num(rest)})
}

// tally counts the steps whose last event was done or skip — by the step's
// id, at most steps of them (a guide may have been renumbered or shortened
// since: the database's case_stats counts alike) — and the problems met.
func tally(events []storage.CaseEvent, steps int) (done, skipped, problems int) {
	last := map[string]string{}
	for _, e := range events {
		switch e.Kind {
		case "done", "skip":
			last[cmp.Or(e.StepID.String, strconv.Itoa(int(e.Step.Int32)))] = e.Kind
		case "problem":
			problems++
		}
	}
	for _, k := range last {
		if k == "done" {
			done++
		} else {
			skipped++
		}
	}
	done = min(done, steps)
	return done, min(skipped, steps-done), problems
}

// startedAt says when a case began: "14:05 hôm nay", "09:30 hôm qua",
// "16:00 25/11" ("16:00 25 Nov" in English).
func startedAt(r *request, t, now time.Time) string {
	t, now = t.In(vietnam), now.In(vietnam)
	clock := t.Format("15:04")
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, vietnam) }
	switch day(now).Sub(day(t)) {
	case 0:
		return clock + " " + r.t.T("resume.today")
	case 24 * time.Hour:
		return clock + " " + r.t.T("resume.yesterday")
	}
	return clock + " " + r.t.DayMonth(t)
}

// ago says how long before now t was: on a /resume button, when the case
// was last left ("10 phút trước").
func ago(r *request, t, now time.Time) string {
	switch d := now.Sub(t); {
	case d < time.Minute:
		return r.t.T("resume.ago_now")
	case d < time.Hour:
		return r.t.T("resume.ago_minutes", locales.Data{"Count": int(d / time.Minute)})
	case d < 24*time.Hour:
		return r.t.T("resume.ago_hours", locales.Data{"Count": int(d / time.Hour)})
	}
	t, now = t.In(vietnam), now.In(vietnam)
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, vietnam) }
	days := int(day(now).Sub(day(t)) / (24 * time.Hour)) // Vietnam keeps no summer time
	if days <= 1 {
		return r.t.T("resume.yesterday")
	}
	return r.t.N("resume.ago_days", days)
}

// caseLabel names an open case in the /resume list: a short title, when it
// began, and where it stands — two open birth cases are told apart. Where
// it stands is where it resumes: on its guide as it is now (onGuide).
func (h *Handlers) caseLabel(r *request, c storage.Case) string {
	title := c.GuideID
	if g, ok := h.guides.Guide(c.GuideID); ok {
		title = shortTitle(g.Title.In(r.t.Lang()), 28)
		c = onGuide(c, g)
	}
	return "#" + strconv.FormatInt(c.ID, 10) + " " + title + " · " + startedAt(r, c.StartedAt, h.now()) + " · " + where(r, c)
}

// caseButton is the /resume button of an open case: what tells it from the
// others first — its number, where it stands, how long ago it was left —
// and its title last, short, as a phone cuts a long button at its end
// (three cases of one long-named guide showed alike up to the number).
func (h *Handlers) caseButton(r *request, c storage.Case) string {
	title := c.GuideID
	if g, ok := h.guides.Guide(c.GuideID); ok {
		title = shortTitle(g.Title.In(r.t.Lang()), 20)
		c = onGuide(c, g)
	}
	return "#" + strconv.FormatInt(c.ID, 10) + " · " + where(r, c) + " · " + ago(r, c.UpdatedAt, h.now()) + " · " + title
}

// tick ticks or unticks a checklist item, named by its id: set, not
// toggle, so a double tap changes nothing and quick taps on several items
// all count. (press takes only a tick the checklist offers now: an item
// that left the guide is out of date.)
func (v *caseView) tick(arg string) error {
	id := strings.TrimLeft(arg, "+-")
	if arg == "" || !slices.ContainsFunc(v.g.Prerequisites, func(it guides.Item) bool { return it.ID == id }) {
		return v.show("")
	}
	v.c.Checked = slices.DeleteFunc(v.c.Checked, func(s string) bool { return s == id })
	if arg[0] == '+' {
		v.c.Checked = append(v.c.Checked, id)
	}
	v.c.UpdatedAt = v.h.now()
	if err := v.saveCase(); err != nil {
		return err
	}
	return v.show("")
}
