package handlers

import (
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/storage"
)

// The case flow, screen by screen: what each shows, its buttons and where
// each leads, and what a typed answer does. docs/wizard.md draws the graph
// from this table.

// Screens of the case flow. Before a case exists: pick, cat, found,
// consent, info (about the guide considered) and resume. Once the consent is
// answered the case has a row, and the rest are its screens. paused and
// summary are the messages a screen ends with; their buttons name the case.
const (
	screenPick       = "pick"        // most used + categories
	screenCat        = "cat"         // one category's guides
	screenFound      = "found"       // search results
	screenConsent    = "consent"     // read to the resident
	screenInfo       = "info"        // fee, time, tracking, sources
	screenResume     = "resume"      // the open cases
	screenChecklist  = "checklist"   // what the resident needs
	screenStep       = "step"        // one step of the guide
	screenProblem    = "problem"     // the step's common errors
	screenFix        = "fix"         // one error's fix
	screenNote       = "note"        // typing what else went wrong
	screenSub        = "sub"         // a sub-guide (VNeID, payment), then back to the step
	screenOutcome    = "outcome"     // how it ended
	screenReason     = "reason"      // why it could not be done
	screenReasonNote = "reason_note" // typing the other reason
	screenDossier    = "dossier"     // typing the dossier code
	screenKept       = "kept"        // a code typed there that another case keeps
	screenAttach     = "attach"      // a code typed after its case closed
	screenUnit       = "unit"        // which commune a province coordinator's case is for
	screenFlag       = "flag"        // what on the portal differs from this step
	screenFlagNote   = "flag_note"   // typing what else differs
	screenPaused     = "paused"      // the pause message
	screenSummary    = "summary"     // the case's summary
	screenEnd        = "end"         // the checklist's end (not eligible, no procedure needed), asked once
)

// caseScreenOrder is the reading order of the graph.
var caseScreenOrder = []string{
	screenPick, screenCat, screenFound, screenConsent, screenInfo, screenResume,
	screenChecklist, screenStep, screenProblem, screenFix, screenNote, screenSub, screenFlag, screenFlagNote,
	screenUnit, screenOutcome, screenReason, screenReasonNote, screenDossier, screenKept, screenSummary, screenPaused, screenAttach, screenEnd,
}

// needsGuide and needsCase are the screens that cannot be drawn without.
var (
	needsGuide = map[string]bool{screenConsent: true, screenInfo: true, screenUnit: true}
	needsCase  = map[string]bool{
		screenChecklist: true, screenStep: true, screenProblem: true, screenFix: true, screenNote: true, screenSub: true,
		screenFlag: true, screenFlagNote: true,
		screenOutcome: true, screenReason: true, screenReasonNote: true, screenDossier: true, screenKept: true, screenAttach: true,
		screenEnd: true,
	}
	// noteScreens are the screens whose typed text is a note (at most
	// maxNote characters).
	noteScreens = map[string]bool{screenProblem: true, screenNote: true, screenFlagNote: true, screenReasonNote: true}
	// stepScreens are the screens of the step a case stands at.
	stepScreens = map[string]bool{
		screenStep: true, screenProblem: true, screenFix: true, screenNote: true, screenSub: true,
		screenFlag: true, screenFlagNote: true,
	}
)

type (
	caseScreen = screen[*caseView]
	caseAction = action[*caseView]
)

// caseScreens is the table (filled in init: its actions refer to it).
var caseScreens map[string]caseScreen

// the case's screens where a case can be left from: End and Back after End
// come back to them.
var stepOrChecklist = []string{screenStep, screenChecklist}

func init() {
	pickGuide := caseAction{to: []string{screenConsent}, do: func(v *caseView, id string) error {
		return v.goTo(screenConsent, caseState{Guide: id})
	}}
	home := caseAction{to: []string{screenPick}, do: func(v *caseView, _ string) error {
		return v.goTo(screenPick, caseState{})
	}}
	search := &caseAction{to: []string{screenFound, screenAttach}, do: func(v *caseView, _ string) error {
		return v.h.searchGuides(v.request)
	}}
	toStep := caseAction{to: []string{screenStep}, do: func(v *caseView, _ string) error {
		return v.goTo(screenStep, caseState{Case: v.c.ID})
	}}
	pause := caseAction{to: []string{screenPaused}, do: func(v *caseView, _ string) error { return v.pause() }}
	// Buttons that record a choice, and ← (the screen before has its own ←
	// at the same spot), are taken only once their screen was there to be
	// read (once: the second tap of a double tap lands on them as soon as
	// the first has redrawn the message).
	done := caseAction{once: true, to: []string{screenStep, screenOutcome}, do: func(v *caseView, _ string) error { return v.advance("done") }}
	problem := caseAction{to: []string{screenProblem, screenNote}, do: func(v *caseView, _ string) error {
		if len(v.step().Errors) == 0 {
			return v.goTo(screenNote, caseState{Case: v.c.ID})
		}
		return v.goTo(screenProblem, caseState{Case: v.c.ID})
	}}
	// sub opens the step's sub-guide, or (from a fix) the one the error
	// names; opened from a fix, it goes back to that fix (Err).
	sub := caseAction{to: []string{screenSub}, do: func(v *caseView, id string) error {
		st := caseState{Case: v.c.ID, Sub: id}
		if v.screen == screenFix {
			st.Err = v.st.Err
		}
		return v.goTo(screenSub, st)
	}}
	info := caseAction{to: []string{screenInfo}, do: func(v *caseView, _ string) error {
		return v.goTo(screenInfo, caseState{Case: v.st.Case, Guide: v.st.Guide})
	}}
	discard := caseAction{once: true, to: []string{screenPick}, do: func(v *caseView, _ string) error {
		if err := v.tx.DiscardCase(v.ctx, v.c.ID, v.h.now()); err != nil {
			return err
		}
		return v.goTo(screenPick, caseState{})
	}}
	back := func(to ...string) caseAction {
		return caseAction{once: true, to: to, do: func(v *caseView, _ string) error { return v.back() }}
	}
	// The checklist's ends ask before the case closes, but that question
	// was not what a double tap on step 1's ← meant: the checklist has a
	// row more, and the second tap landed on "✓ Không cần làm thủ tục"
	// (until review 32A).
	endAsk := func(reason string) caseAction {
		return caseAction{once: true, to: []string{screenEnd}, do: func(v *caseView, _ string) error {
			return v.goTo(screenEnd, caseState{Case: v.c.ID, End: reason})
		}}
	}
	finishBare := caseAction{once: true, to: []string{screenSummary}, do: func(v *caseView, _ string) error { return v.finish("", "") }}

	// The dossier code typed at its question: kept, unless a case of the
	// day keeps it (keptBy), which screenKept says, or it plainly lacks a
	// part (privacy.CodeCut), which the question asks about once (takeCode).
	dossierTyped := &caseAction{to: []string{screenSummary, screenDossier, screenKept}, do: func(v *caseView, text string) error {
		code, problem := privacy.DossierCode(text)
		switch {
		case problem != "" && v.screen == screenDossier:
			return v.again(v.t.T("case.dossier_" + problem))
		case problem != "":
			return v.h.caseGo(v.request, screenDossier, caseState{Case: v.c.ID}, v.t.T("case.dossier_"+problem))
		}
		return takeCode(v, code, text)
	}}

	caseScreens = map[string]caseScreen{
		screenPick: {
			draw:  drawPick,
			on:    map[string]caseAction{"guide": pickGuide, "cat": {to: []string{screenCat}, do: func(v *caseView, cat string) error { return v.goTo(screenCat, caseState{Cat: cat}) }}},
			typed: search,
		},
		screenCat: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				var kb bot.Keyboard
				for _, g := range v.h.guides.InCategory(v.st.Cat) {
					kb = append(kb, []bot.Button{v.button(g.Title.In(v.t.Lang()), "guide", g.ID)})
				}
				kb = append(kb, []bot.Button{v.button(v.t.T("button.back"), "home", "")})
				return v.t.T("case.category", locales.Data{"Category": v.t.T("category." + v.st.Cat)}), kb, nil
			},
			on:    map[string]caseAction{"guide": pickGuide, "home": home},
			typed: search,
		},
		screenFound: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				var found []*guides.Guide
				for _, id := range v.st.Found {
					if g, ok := v.h.guides.Guide(id); ok {
						found = append(found, g)
					}
				}
				text, kb := foundScreen(v, "", found)
				if t := noneText(v.t, v.st); t != "" {
					text = t
				}
				return text, kb, nil
			},
			on:    map[string]caseAction{"guide": pickGuide, "home": home},
			typed: search,
		},
		screenConsent: {
			draw: drawConsent,
			on: map[string]caseAction{
				"yes":  {once: true, to: append([]string{screenUnit}, stepOrChecklist...), do: func(v *caseView, _ string) error { return v.answerConsent(true) }},
				"no":   {once: true, to: append([]string{screenUnit}, stepOrChecklist...), do: func(v *caseView, _ string) error { return v.answerConsent(false) }},
				"info": info,
				"home": home,
			},
			// The resident wants another procedure ("khai tu"): words that
			// find a guide are searched, as on the procedure list — the
			// consent has no case yet to throw away; so are words of a
			// procedure no guide covers ("tạm trú cho chồng Hàn Quốc" at the
			// citizen's temporary residence: no guide for a foreigner's) or
			// of a foreign spouse alone, answered as the search does.
			// Others (and a dossier code: caseText) get the consent again.
			typed: &caseAction{to: []string{screenFound, screenConsent}, do: func(v *caseView, text string) error {
				q := shorten(text, maxQuery)
				if privacy.PersonalData(text) == "" && len(v.h.guides.Search(q)) == 0 && !v.h.guides.NoGuide(q) && !v.h.guides.ForeignSpouseOnly(q) {
					return v.again(pressNote(v))
				}
				// The consent of the wrong pick loses its buttons, as the
				// results below any case screen take them off the one above.
				conv, err := v.tx.Conversation(v.ctx, v.chat)
				if err != nil {
					return err
				}
				v.above, v.aboveFlow = conv.MessageID, conv.Flow
				return v.h.searchGuides(v.request)
			}},
		},
		screenUnit: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				lines := []string{v.t.T("case.unit_ask")}
				var kb bot.Keyboard
				if v.st.Unit != "" {
					ms, err := v.unitMatches(v.st.Unit)
					if err != nil {
						return "", nil, err
					}
					if len(ms) == 0 {
						lines = []string{v.t.T("case.unit_none", locales.Data{"Query": v.st.Unit}), "", v.t.T("case.unit_ask")}
					} else {
						lines = append(lines, "")
					}
					for _, m := range ms {
						line := "• " + m.FullName()
						if !m.IsCurrent {
							line += " (" + v.t.T("invite.old_name", locales.Data{"Old": m.Label}) + ")"
						}
						lines = append(lines, line)
						kb = append(kb, []bot.Button{v.button(m.FullName(), "unit", m.Code)})
					}
				}
				kb = append(kb, []bot.Button{v.button(v.t.T("button.back"), "consent", "")})
				return strings.Join(lines, "\n"), kb, nil
			},
			on: map[string]caseAction{
				"unit": {to: append([]string{screenUnit}, stepOrChecklist...), do: func(v *caseView, code string) error { return v.pickUnit(code) }},
				"consent": {to: []string{screenConsent}, do: func(v *caseView, _ string) error {
					return v.goTo(screenConsent, caseState{Guide: v.st.Guide})
				}},
			},
			typed: &caseAction{to: []string{screenUnit}, do: func(v *caseView, text string) error { return v.findUnit(text) }},
		},
		screenInfo: {
			draw: drawInfo,
			on: map[string]caseAction{"page": {to: []string{screenInfo}, do: func(v *caseView, arg string) error {
				page, _ := strconv.Atoi(arg)
				return v.goTo(screenInfo, caseState{Case: v.st.Case, Guide: v.st.Guide, Page: page})
			}}, "back": {once: true, to: []string{screenConsent, screenChecklist}, do: func(v *caseView, _ string) error {
				from := screenConsent
				if v.st.Case != 0 {
					from = screenOf(v.c)
				}
				return v.goTo(from, caseState{Case: v.st.Case, Guide: v.st.Guide})
			}}},
		},
		screenResume: {
			draw: drawResume,
			on: map[string]caseAction{
				"case": {to: append([]string{screenResume}, resumeEntries...), do: func(v *caseView, arg string) error {
					id, _ := strconv.ParseInt(arg, 10, 64)
					return v.h.resumeCase(v.request, id)
				}},
				"page": {to: []string{screenResume}, do: func(v *caseView, arg string) error {
					page, _ := strconv.Atoi(arg)
					st := v.st // the case waiting, if any, stays so
					st.Page = max(page, 0)
					return v.goTo(screenResume, st)
				}},
			},
		},
		screenChecklist: {
			draw: drawChecklist,
			on: map[string]caseAction{
				"tick": {to: []string{screenChecklist}, do: func(v *caseView, arg string) error { return v.tick(arg) }},
				"begin": {once: true, to: []string{screenStep}, do: func(v *caseView, _ string) error {
					v.c.Phase, v.c.Step, v.c.UpdatedAt = storage.PhaseSteps, 0, v.h.now()
					if err := v.save("checklist", nil); err != nil {
						return err
					}
					return v.goCase("")
				}},
				"info":    info,
				"discard": discard,
				// Not eligible, or no procedure needed (the card in VNeID
				// suffices…, advised; tallies count it apart:
				// storage.TallyNotNeeded): each asks once (screenEnd).
				"ineligible": endAsk(reasonNotEligible),
				"notneeded":  endAsk(storage.ReasonNotNeeded),
			},
		},
		screenEnd: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				what := v.t.T("case.not_eligible")
				if v.st.End == storage.ReasonNotNeeded {
					what = v.t.T("case.not_needed")
				}
				return v.caseHead() + "\n" + what + "\n\n" + v.t.T("case.end_ask"), bot.Keyboard{
					{v.button(v.t.T("case.end_confirm"), "close", "")},
					{v.button(v.t.T("button.back"), "back", "")},
				}, nil
			},
			on: map[string]caseAction{
				"close": {once: true, to: []string{screenSummary}, do: func(v *caseView, _ string) error {
					if v.st.End != reasonNotEligible && v.st.End != storage.ReasonNotNeeded {
						return v.goCase("")
					}
					v.c.Outcome = sql.NullString{String: failedOutcome(v.c.Kind), Valid: true}
					v.c.Reason = sql.NullString{String: v.st.End, Valid: true}
					return v.finish("", "")
				}},
				"back": {once: true, to: []string{screenChecklist}, do: func(v *caseView, _ string) error { return v.goCase("") }},
			},
		},
		screenStep: {
			draw: drawStep,
			on: map[string]caseAction{
				"done":    done,
				"skip":    {once: true, to: []string{screenStep, screenOutcome}, do: func(v *caseView, _ string) error { return v.advance("skip") }},
				"problem": problem,
				"back":    back(screenStep, screenChecklist),
				"pause":   pause,
				"sub":     sub,
				"discard": discard,
				"flag": {to: []string{screenFlag}, do: func(v *caseView, _ string) error {
					return v.goTo(screenFlag, caseState{Case: v.c.ID})
				}},
			},
		},
		// A step that differs on the portal (or in the app the step is done
		// in) is flagged in two taps; the case never leaves its step.
		screenFlag: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				var kb bot.Keyboard
				for _, what := range storage.FlagKinds {
					kb = append(kb, []bot.Button{v.button(v.t.T("flag.what_"+what), "what", what)})
				}
				kb = append(kb, []bot.Button{v.toStepButton()})
				return v.caseHead() + "\n" + v.stepHead() + "\n\n" + v.t.T(v.stepKey("case.flag_ask")), kb, nil
			},
			on: map[string]caseAction{
				"what": {once: true, to: []string{screenStep, screenFlagNote}, do: func(v *caseView, what string) error {
					if what == "other" {
						return v.goTo(screenFlagNote, caseState{Case: v.c.ID})
					}
					return v.flag(what, "")
				}},
				"step": toStep,
			},
		},
		screenFlagNote: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				text := v.caseHead() + "\n" + v.stepHead() + "\n\n" + v.t.T(v.stepKey("case.flag_note_ask"), locales.Data{"Max": maxNote})
				// ⏸ as on the problem's question: the resident may leave
				// while the volunteer types (until review 28 it had none).
				return text, bot.Keyboard{{v.toStepButton(), v.button(v.t.T("case.pause"), "pause", "")}}, nil
			},
			on: map[string]caseAction{"step": toStep, "pause": pause},
			typed: &caseAction{to: []string{screenStep, screenFlagNote}, do: func(v *caseView, note string) error {
				if problem := privacy.NoteProblem(note); problem != "" {
					return v.again(v.t.T("case.note_"+problem, locales.Data{"Max": maxNote}))
				}
				return v.flag("other", note)
			}},
		},
		screenProblem: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				var kb bot.Keyboard
				for _, e := range v.step().Errors {
					kb = append(kb, []bot.Button{v.button(e.Label.In(v.t.Lang()), "error", e.ID)})
				}
				kb = append(kb, []bot.Button{v.button(v.t.T("case.problem_other"), "other", "")},
					[]bot.Button{v.toStepButton(), v.button(v.t.T("case.pause"), "pause", "")})
				return v.caseHead() + "\n" + v.stepHead() + "\n\n" + v.t.T("case.problem_pick"), kb, nil
			},
			on: map[string]caseAction{
				"error": {once: true, to: []string{screenFix}, do: func(v *caseView, id string) error {
					if _, ok := v.step().Problem(id); !ok {
						return v.show("")
					}
					// Chosen again after its fix did not help ("still
					// failing"): one problem that persists, recorded once.
					met, err := v.metHere(id)
					if err != nil {
						return err
					}
					if met {
						return v.goTo(screenFix, caseState{Case: v.c.ID, Err: id})
					}
					ev := v.stepEvent()
					ev.Problem = sql.NullString{String: id, Valid: true}
					v.c.UpdatedAt, v.c.Progressed = v.h.now(), true
					if err := v.save("problem", ev); err != nil {
						return err
					}
					return v.goTo(screenFix, caseState{Case: v.c.ID, Err: id})
				}},
				"other": {to: []string{screenNote}, do: func(v *caseView, _ string) error { return v.goTo(screenNote, caseState{Case: v.c.ID}) }},
				"step":  toStep,
				"pause": pause,
			},
			// "What went wrong?" answered in words: the note "Something
			// else" asks for.
			typed: &caseAction{to: []string{screenStep, screenProblem}, do: noteProblem},
		},
		screenFix: {
			draw: drawFix,
			on: map[string]caseAction{
				"fixed":   done,
				"problem": problem,
				"sub":     sub,
				"step":    toStep,
				"pause":   pause,
			},
		},
		screenNote: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				text := v.caseHead() + "\n" + v.stepHead() + "\n\n" + v.t.T("case.note_ask", locales.Data{"Max": maxNote})
				return text, bot.Keyboard{{v.toStepButton(), v.button(v.t.T("case.pause"), "pause", "")}}, nil
			},
			on:    map[string]caseAction{"step": toStep, "pause": pause},
			typed: &caseAction{to: []string{screenStep, screenNote}, do: noteProblem},
		},
		screenSub: {
			draw: drawSub,
			on: map[string]caseAction{
				"step": toStep,
				// Back to the fix it was opened from (drawSub): until
				// review 26E the guide read from a fix went back to the
				// bare step, its "✓ Fixed" gone.
				"fix": {to: []string{screenFix, screenProblem}, do: func(v *caseView, _ string) error {
					return v.goTo(screenFix, caseState{Case: v.c.ID, Err: v.st.Err})
				}},
				"page": {to: []string{screenSub}, do: func(v *caseView, arg string) error {
					page, _ := strconv.Atoi(arg)
					return v.goTo(screenSub, caseState{Case: v.c.ID, Page: page, Sub: v.st.Sub, Err: v.st.Err})
				}},
			},
		},
		screenOutcome: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				events, err := v.tx.CaseEvents(v.ctx, v.c.ID)
				if err != nil {
					return "", nil, err
				}
				kb := v.outcomeButtons(events)
				kb = append(kb, []bot.Button{v.button(v.t.T("case.back_to_steps"), "back", "")})
				// "Every step is done" only when none was skipped.
				ask := v.t.T("case.outcome_ask")
				if _, skipped, _ := tally(events, v.c.StepsTotal); skipped > 0 {
					ask = v.t.N("case.outcome_ask_skipped", skipped)
				}
				if i := skippedSubmit(v.g, events); i >= 0 {
					// "Đã nộp hồ sơ" may not be true: the step that
					// submits it was skipped. ← goes back to it, as the
					// question says.
					toSubmit := v.t.T("case.to_step", locales.Data{"Step": i + 1})
					data := locales.Data{"Step": i + 1, "Title": v.g.Steps[i].Title.In(v.t.Lang()), "Steps": v.c.StepsTotal, "Button": toSubmit}
					ask = v.t.T("case.outcome_ask_submit_skipped", data)
					if _, skipped, _ := tally(events, v.c.StepsTotal); skipped >= v.c.StepsTotal {
						ask = v.t.T("case.outcome_ask_all_skipped", data)
					}
					kb[len(kb)-1] = []bot.Button{v.button(toSubmit, "back", "")}
				}
				if v.c.EndedFrom.String == storage.PhaseSteps {
					// Ended past the step that submits the dossier: ←
					// returns to the step it was ended at.
					ask = v.t.T("case.outcome_ask_ended", locales.Data{"Step": v.c.Step + 1, "Steps": v.c.StepsTotal})
					kb[len(kb)-1] = []bot.Button{v.button(v.t.T("case.to_step", locales.Data{"Step": v.c.Step + 1}), "back", "")}
				}
				return v.caseHead() + "\n" + ask, kb, nil
			},
			on: map[string]caseAction{
				"outcome": {once: true, to: []string{screenSummary, screenReason, screenDossier}, do: func(v *caseView, o string) error {
					if !slices.Contains(v.outcomes(), o) {
						return v.show("")
					}
					v.c.Outcome = sql.NullString{String: o, Valid: true}
					v.c.UpdatedAt = v.h.now()
					switch {
					case o == failedOutcome(v.c.Kind):
						v.c.Phase = storage.PhaseReason
						if !v.c.EndedFrom.Valid { // ended at a step: ← still returns there, by the outcome
							v.c.EndedFrom = sql.NullString{String: storage.PhaseOutcome, Valid: true}
						}
					case v.c.FollowupConsent && v.asksCode(o):
						v.c.Phase = storage.PhaseDossier
					default:
						return v.finish("", "")
					}
					if err := v.saveCase(); err != nil {
						return err
					}
					return v.goCase("")
				}},
				"back": back(screenStep, screenFix, screenFlag, screenProblem, screenNote, screenFlagNote),
			},
		},
		screenReason: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				var kb bot.Keyboard
				for _, o := range v.reasons() {
					kb = append(kb, []bot.Button{v.button(v.t.T("reason."+o), "reason", o)})
				}
				kb = append(kb, []bot.Button{v.button(v.t.T("button.back"), "back", "")})
				return v.caseHead() + "\n" + v.t.T("case.reason_ask."+v.c.Kind), kb, nil
			},
			on: map[string]caseAction{
				"reason": {once: true, to: []string{screenSummary, screenReasonNote}, do: func(v *caseView, o string) error {
					if !slices.Contains(v.reasons(), o) {
						return v.show("")
					}
					v.c.Reason = sql.NullString{String: o, Valid: true}
					if o != "other_reason" {
						return v.finish("", "")
					}
					v.c.UpdatedAt = v.h.now()
					if err := v.saveCase(); err != nil {
						return err
					}
					return v.goTo(screenReasonNote, caseState{Case: v.c.ID})
				}},
				"back": back(screenChecklist, screenStep, screenOutcome, screenFix, screenFlag, screenProblem, screenNote, screenFlagNote),
			},
		},
		screenReasonNote: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				// What is recorded so far, for the case taken up here after
				// a pause (review 34A): the outcome and "Lý do khác".
				text := v.caseHead() + "\n"
				if v.c.Outcome.Valid && v.c.Reason.Valid {
					text += v.t.T("case.reason_note_so_far", locales.Data{"Outcome": outcomeText(v.request, v.c.Kind, v.c.Outcome.String), "Reason": v.t.T("reason." + v.c.Reason.String)}) + "\n"
				}
				return text + v.t.T("case.reason_note_ask", locales.Data{"Max": maxNote}), bot.Keyboard{
					{v.button(v.t.T("case.no_note"), "skip", "")},
					{v.button(v.t.T("button.back"), "back", "")},
				}, nil
			},
			on: map[string]caseAction{
				"skip": finishBare,
				"back": {once: true, to: []string{screenReason}, do: func(v *caseView, _ string) error { return v.goTo(screenReason, caseState{Case: v.c.ID}) }},
			},
			typed: &caseAction{to: []string{screenSummary, screenReasonNote}, do: func(v *caseView, note string) error {
				switch problem := privacy.NoteProblem(note); problem {
				case "":
				case "blank": // a reason, not an error met (case.note_blank)
					return v.again(v.t.T("case.reason_note_blank"))
				case "long": // a reason, as the screen calls it (case.note_long)
					return v.again(v.t.T("case.reason_note_long", locales.Data{"Max": maxNote}))
				default:
					return v.again(v.t.T("case.note_"+problem, locales.Data{"Max": maxNote}))
				}
				return v.finish("", note)
			}},
		},
		screenDossier: {
			// With st.Code: the code typed there, which plainly lacks a
			// part (takeCode), asked about once: kept as typed, or typed
			// again whole.
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				kb := bot.Keyboard{
					{v.button(v.t.T("case.no_dossier"), "skip", "")},
					{v.button(v.t.T("button.back"), "back", "")},
				}
				if cut := privacy.CodeCut(v.st.Code); cut != "" {
					return v.caseHead() + "\n" + v.t.T("case.dossier_cut_"+cut, locales.Data{"Code": v.st.Code}) + "\n" + v.t.T("case.dossier_cut_ask"),
						append(bot.Keyboard{{v.button(v.t.T("case.keep_cut"), "keep", "")}}, kb...), nil
				}
				return v.caseHead() + "\n" + v.t.T("case.dossier_ask"), kb, nil
			},
			on: map[string]caseAction{
				"skip": finishBare,
				"back": back(screenOutcome),
				// Kept as typed: a real receipt may read so (domain.md).
				"keep": {once: true, to: []string{screenSummary, screenKept}, do: func(v *caseView, _ string) error { return takeCode(v, v.st.Code, "") }},
			},
			typed: dossierTyped,
		},
		screenKept: {
			// A code typed at the code question that a case of the day
			// keeps (keptBy): a dossier is followed for one resident.
			// This case may be the same dossier (the same resident back
			// for a supplement), or the code that case keeps mistyped.
			// Same dossier only when this case's procedure is that case's
			// (sameDossier).
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				same, err := v.sameDossier(v.st.Kept)
				if err != nil {
					return "", nil, err
				}
				text := v.caseHead() + "\n" + v.t.T("case.dossier_kept", locales.Data{"Case": v.st.Kept, "Code": v.st.Code}) + "\n"
				kb := bot.Keyboard{{v.button(v.t.T("case.no_dossier"), "skip", "")}, {v.button(v.t.T("case.kept_retype"), "back", "")}}
				if !same {
					return text + v.t.T("case.dossier_kept_other", locales.Data{"Case": v.c.ID, "Kept": v.st.Kept}), kb, nil
				}
				return text + v.t.T("case.dossier_kept_choice", locales.Data{"Case": v.c.ID, "Kept": v.st.Kept}),
					append(bot.Keyboard{{v.button(v.t.T("case.same_dossier_button", locales.Data{"Case": v.st.Kept}), "same", "")}}, kb...), nil
			},
			on: map[string]caseAction{
				// Checked again at the press: the resident may have deleted
				// that case's follow-up since (/forget), or another case
				// keep the code now; the code is then taken as typed again.
				"same": {once: true, to: []string{screenSummary, screenKept, screenDossier}, do: func(v *caseView, _ string) error {
					kept, err := v.h.keptBy(v.request, v.st.Code)
					if err != nil {
						return err
					}
					same := false
					if kept == v.st.Kept {
						if same, err = v.sameDossier(kept); err != nil {
							return err
						}
					}
					if !same {
						return dossierTyped.do(v, v.st.Code)
					}
					return v.finishSame(kept)
				}},
				"skip": finishBare,
				"back": {once: true, to: []string{screenDossier}, do: func(v *caseView, _ string) error { return v.goTo(screenDossier, caseState{Case: v.c.ID}) }},
			},
			typed: dossierTyped,
		},
		screenSummary: {
			draw:       drawSummary,
			anyVersion: true,
			on: map[string]caseAction{"new": {to: []string{screenPick}, do: func(v *caseView, _ string) error {
				// The list is the chat's screen, on a message under this
				// summary (sent after it: its id, once Telegram told it,
				// is higher) or not known yet: it is there already (the
				// second tap of a double tap).
				conv, err := v.tx.Conversation(v.ctx, v.chat)
				if err != nil && !errors.Is(err, storage.ErrNotFound) {
					return err
				}
				if err == nil && conv.Flow == flowCase && conv.Step == screenPick && (conv.MessageID == 0 || conv.MessageID > v.liveMessage()) {
					v.answer(v.t.T("case.list_below"))
					return nil
				}
				v.below = true // the summary stays in the chat: the case's record, the resident's link
				return v.h.newCase(v.request)
			}}},
		},
		screenPaused: {
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				id := strconv.FormatInt(v.c.ID, 10)
				kb := bot.Keyboard{{{Text: v.t.T("case.resume_button", locales.Data{"Case": v.c.ID}), Data: callback{flow: flowCase, action: "res", arg: id}.String()}}}
				// "press End" only above an End button: none once an
				// outcome can be chosen.
				text := v.t.T("case.paused_no_end", locales.Data{"Case": v.c.ID, "Where": where(v.request, v.c)})
				if endable(v.c) {
					text = v.t.T("case.paused", locales.Data{"Case": v.c.ID, "Where": where(v.request, v.c)})
					label := v.t.T("case.end_button")
					if v.c.Phase == storage.PhaseSteps && pastSubmit(v.c, v.g) {
						label = v.t.T("case.end_button_outcome") // its dossier may be in: the outcome is asked
					}
					kb = append(kb, []bot.Button{{Text: label, Data: callback{flow: flowCase, action: "end", arg: id}.String()}})
				}
				if v.c.Phase == storage.PhaseChecklist {
					// What the checklist offers to end the case with, as
					// there: "⏹ End" alone counted a resident who needed
					// no procedure as not done.
					for _, end := range checklistEnds {
						kb = append(kb, []bot.Button{{Text: v.t.T(end.label), Data: callback{flow: flowCase, action: "endas", arg: id + "." + end.reason}.String()}})
					}
					if v.discardable() { // nothing done yet: a wrong pick, as the checklist offers
						kb = append(kb, []bot.Button{{Text: v.t.T("case.other_guide"), Data: callback{flow: flowCase, action: "toss", arg: id}.String()}})
					}
				}
				return text, kb, nil
			},
			anyVersion: true,
			on: map[string]caseAction{
				// ▶ sits where the second tap of a double tap on ⏸ lands,
				// counted from the bottom: pressed as the pause was just
				// made, it is asked again, as ⏹ is (until review 32A the
				// case was taken up again at once).
				"res": {to: append([]string{screenResume}, resumeEntries...), do: func(v *caseView, arg string) error {
					id, _ := strconv.ParseInt(arg, 10, 64)
					if c, _, err := v.h.caseAndGuide(v.request, id); err == nil && v.pausedJustNow(c) {
						return nil
					}
					return v.h.resumeCase(v.request, id)
				}},
				"end": {to: caseEntries, do: func(v *caseView, arg string) error {
					if !v.h.isMember(v.request) { // removed from the team since the pause
						return nil
					}
					id, _ := strconv.ParseInt(arg, 10, 64)
					c, g, err := v.h.caseAndGuide(v.request, id)
					if err != nil || !c.Live() {
						v.answer(v.t.T("resume.closed"))
						return ignoreGone(err)
					}
					if v.pausedJustNow(c) {
						return nil
					}
					v.c, v.g = c, g
					return v.endEarly()
				}},
				// A checklist's end (checklistEnds) on the pause message
				// of a case paused there: asked once, as on the checklist
				// (screenEnd, whose ← returns to it). The case gone on
				// to its steps since, it is taken up where it stands.
				"endas": {to: append([]string{screenResume}, resumeEntries...), do: func(v *caseView, arg string) error {
					if !v.h.isMember(v.request) {
						return nil
					}
					num, reason, _ := strings.Cut(arg, ".")
					id, _ := strconv.ParseInt(num, 10, 64)
					c, g, err := v.h.caseAndGuide(v.request, id)
					if err != nil || !c.Live() {
						v.answer(v.t.T("resume.closed"))
						return ignoreGone(err)
					}
					if v.pausedJustNow(c) {
						return nil
					}
					if c.Phase != storage.PhaseChecklist || !isChecklistEnd(reason) {
						v.answer(v.t.T("button.stale"))
						return v.h.resumeCase(v.request, id)
					}
					v.c, v.g = c, g
					if err := v.takeUp(); err != nil {
						return err
					}
					return v.goTo(screenEnd, caseState{Case: c.ID, End: reason})
				}},
				// The checklist's "← Chọn thủ tục khác" on the pause message
				// of a case paused there with nothing done: thrown away. A
				// step done since, it is taken up where it stands.
				"toss": {to: append([]string{screenPick, screenResume}, resumeEntries...), do: func(v *caseView, arg string) error {
					if !v.h.isMember(v.request) {
						return nil
					}
					id, _ := strconv.ParseInt(arg, 10, 64)
					c, g, err := v.h.caseAndGuide(v.request, id)
					if err != nil || !c.Live() {
						v.answer(v.t.T("resume.closed"))
						return ignoreGone(err)
					}
					if v.pausedJustNow(c) {
						return nil
					}
					v.c, v.g = c, g
					if c.Phase != storage.PhaseChecklist || !v.discardable() {
						v.answer(v.t.T("button.stale"))
						return v.h.resumeCase(v.request, id)
					}
					if err := v.takeUp(); err != nil {
						return err
					}
					return discard.do(v, "")
				}},
			},
		},
		screenAttach: {
			// A case that closed without a code gets it attached; one that
			// keeps another (mistyped) code gets it replaced. A code another
			// case keeps (st.Kept) is neither: the case that closed
			// without one may be the same dossier (sameOfCaseBefore).
			draw: func(v *caseView) (string, bot.Keyboard, error) {
				if v.st.Kept != 0 {
					return v.t.T("case.code_after_close_kept", locales.Data{"Case": v.c.ID, "Kept": v.st.Kept, "Code": v.st.Code}), bot.Keyboard{
						{v.button(v.t.T("case.same_dossier_button", locales.Data{"Case": v.st.Kept}), "same", "")},
						{v.button(v.t.T("case.attach_no"), "drop", "")},
					}, nil
				}
				old, _, err := v.tx.Followup(v.ctx, v.c.ID)
				if err != nil && !errors.Is(err, storage.ErrNotFound) {
					return "", nil, err
				}
				text, yes := v.t.T("case.code_after_close", locales.Data{"Case": v.c.ID, "Code": v.st.Code}),
					v.button(v.t.T("case.attach_button", locales.Data{"Case": v.c.ID}), "attach", "")
				if err == nil {
					text = v.t.T("case.code_replace", locales.Data{"Case": v.c.ID, "Old": old, "Code": v.st.Code})
					yes = v.button(v.t.T("case.replace_button", locales.Data{"Case": v.c.ID}), "replace", "")
				}
				if cut := privacy.CodeCut(v.st.Code); cut != "" {
					// A code cut short, as the code question asks
					// (takeCode): said above the offer, which keeps it
					// as typed; the whole code typed here is offered in
					// its place.
					text = v.t.T("case.dossier_cut_"+cut, locales.Data{"Code": v.st.Code}) + "\n" + v.t.T("case.attach_cut") + "\n\n" + text
				}
				return text, bot.Keyboard{{yes}, {v.button(v.t.T("case.attach_no"), "drop", "")}}, nil
			},
			on: map[string]caseAction{
				"attach": {to: []string{leadsNowhere}, do: func(v *caseView, _ string) error {
					if _, _, err := v.tx.Followup(v.ctx, v.c.ID); err == nil || !errors.Is(err, storage.ErrNotFound) {
						return v.endWith(v.t.T("case.attach_already", locales.Data{"Case": v.c.ID}), err)
					}
					return v.keepLateCode("case.attached", "")
				}},
				"replace": {to: []string{leadsNowhere}, do: func(v *caseView, _ string) error {
					return v.keepLateCode("case.replaced", v.t.T("case.replaced_slip"))
				}},
				// Checked again at the press, as at the code question: a
				// code kept for this case since, the case that keeps the
				// code typed, or its follow-up deleted (/forget: the code
				// is then offered as any).
				"same": {to: []string{screenSummary, screenAttach, leadsNowhere}, do: func(v *caseView, _ string) error {
					if _, _, err := v.tx.Followup(v.ctx, v.c.ID); err == nil || !errors.Is(err, storage.ErrNotFound) {
						return v.endWith(v.t.T("case.attach_already", locales.Data{"Case": v.c.ID}), err)
					}
					kept, err := v.h.keptBy(v.request, v.st.Code)
					if err != nil {
						return err
					}
					same := false
					if kept == v.st.Kept {
						if same, err = v.h.mayBeSame(v.request, v.c, kept); err != nil {
							return err
						}
					}
					switch {
					case same:
						return v.finishSame(kept)
					case kept == 0:
						return v.goTo(screenAttach, caseState{Case: v.c.ID, Code: v.st.Code})
					}
					return v.endWith(v.t.T("case.code_already_kept", locales.Data{"Case": kept, "Code": v.st.Code}), nil)
				}},
				"drop": {to: []string{leadsNowhere}, do: func(v *caseView, _ string) error {
					return v.endWith(v.t.T("case.attach_dropped"), nil)
				}},
			},
			// Another code typed here (the one offered was mistyped) is
			// offered in its place; words are not read.
			typed: &caseAction{to: []string{screenAttach, leadsNowhere}, do: func(v *caseView, text string) error {
				if !v.h.typedCode(text) {
					return v.again(v.t.T("case.press_a_button"))
				}
				return v.offerInPlace()
			}},
		},
	}
	// Every other button of a screen is guarded too (review 33A), though
	// it only moves to another screen (⚠, 📖, ⚑, ⏸, ℹ, "← Về bước N", a
	// page, a procedure of the list…): it records nothing, but the second
	// tap of a double tap that landed on it showed a screen nobody asked
	// for — "← Về bước N" of a sub-guide tapped twice opened the step's
	// "⚑ Khác trên cổng". Pressed once its screen was read, it is taken at
	// once. A checklist's tick is not: it keeps its screen and its
	// version, and several quick ticks on one message all count. The
	// pause message's and the summary's buttons (anyVersion) are not
	// taken by press: ▶ and the ends guard themselves (pausedJustNow), and
	// "➕ Ca mới" knows its list is below.
	for _, s := range caseScreens {
		if s.anyVersion {
			continue
		}
		for name, a := range s.on {
			if name != "tick" {
				a.once = true
				s.on[name] = a
			}
		}
	}
}

// pausedJustNow tells whether case c was paused too soon before a press
// of an end, or of ▶, on its pause message (WithTapGuard), and has
// answered so (▶: from the bottom, the second tap of a double tap on ⏸
// lands on it, and took the case up again until review 32A): the
// pause message is drawn where ⏸ was pressed, its ⏹ End in the row of
// the step's ⏸ (from the message's top; from its bottom, in the row of
// the ⏸ of a problem, a fix, a note), and the second tap of a double tap
// on ⏸ ended the case (until review 31C). The buttons of a pause message
// name their case and carry no version: the case's last change, its
// pause, says when the message was drawn.
func (v *caseView) pausedJustNow(c storage.Case) bool {
	return c.Status == storage.CasePaused && v.h.tooSoon(v.request, c.UpdatedAt, "case.too_soon", v.pressedLabel())
}

// takeCode keeps code, read from text typed at the code question (or
// the cut code's "✓ Keep", text ""), as the case's dossier code — unless a
// case of the day keeps it (keptBy: screenKept), or, typed, it plainly
// lacks a part of the usual shape (privacy.CodeCut: "H26-251127", its
// serial missing; until review 29 kept unasked, and the resident could not
// look it up): the question asks once whether to keep it as typed. The
// same cut code typed again there asks the same question: a message sent
// twice keeps nothing unseen.
func takeCode(v *caseView, code, text string) error {
	kept, err := v.h.keptBy(v.request, code)
	switch {
	case err != nil:
		return err
	case kept != 0 && v.screen == screenKept && kept == v.st.Kept && code == v.st.Code:
		return v.again("") // typed again as shown: the same question
	case kept != 0:
		return v.h.caseGo(v.request, screenKept, caseState{Case: v.c.ID, Code: code, Kept: kept}, "")
	case text != "" && privacy.CodeCut(code) != "":
		if v.screen == screenDossier && v.st.Code == code {
			return v.again("")
		}
		return v.h.caseGo(v.request, screenDossier, caseState{Case: v.c.ID, Code: code}, "")
	}
	var notes []string
	if text != "" && privacy.ReadsOAsZero(text) {
		// Read with zeros where the letter O was typed: said, to be
		// checked against the receipt.
		notes = append(notes, v.t.T("case.dossier_zero", locales.Data{"Code": code}))
	}
	if text != "" && privacy.OtherWords(text) {
		// Read out of a text that held more (a name, an ID number, the
		// portal's sentence): said that only the code is kept, never
		// quoting the rest, so that nobody believes the name went onto
		// the record or the slip.
		notes = append(notes, v.t.T("case.dossier_other_words"))
	}
	return v.finishWith(code, outcomeEvent(""), strings.Join(notes, "\n"))
}

// noteProblem keeps a typed note as the step's problem "other" and goes
// back to the step; a note with a resident's data (or none) is refused
// with the screen again.
func noteProblem(v *caseView, note string) error {
	if problem := privacy.NoteProblem(note); problem != "" {
		return v.again(v.t.T("case.note_"+problem, locales.Data{"Max": maxNote}))
	}
	ev := v.stepEvent()
	ev.Problem = sql.NullString{String: "other", Valid: true}
	ev.Note = sql.NullString{String: note, Valid: true}
	v.c.UpdatedAt, v.c.Progressed = v.h.now(), true
	if err := v.save("problem", ev); err != nil {
		return err
	}
	return v.h.caseGo(v.request, screenStep, caseState{Case: v.c.ID}, v.t.T("case.note_saved"))
}

// checklistEnd is one of the checklist's ends of a case: the reason it
// records, and its button's text.
type checklistEnd struct{ reason, label string }

// checklistEnds are the checklist's ends, which the pause message of a case
// paused at its checklist offers too.
var checklistEnds = []checklistEnd{
	{storage.ReasonNotNeeded, "case.not_needed"},
	{reasonNotEligible, "case.not_eligible"},
}

// isChecklistEnd says whether reason is one of the checklist's ends.
func isChecklistEnd(reason string) bool {
	return slices.ContainsFunc(checklistEnds, func(e checklistEnd) bool { return e.reason == reason })
}

// caseEntries are the screens a case can be entered on (screenOf).
var caseEntries = []string{screenChecklist, screenStep, screenOutcome, screenReason, screenDossier}

// resumeEntries are the screens a live case is resumed on: its own, or
// the screen the chat is still on for it (screenLeft): a typed one, a
// problem's fix (a guide opened from it too: fixUnder), the ⚑ question
// (until review 26E the table did not name it), or the checklist's
// question whether to end the case so.
var resumeEntries = append(slices.Clone(caseEntries), screenProblem, screenFix, screenFlag, screenNote, screenFlagNote, screenReasonNote, screenKept, screenEnd)

// ignoreGone is err, unless it only says the case is not there.
func ignoreGone(err error) error {
	if errors.Is(err, storage.ErrNotFound) || errors.Is(err, errGuideGone) {
		return nil
	}
	return err
}

// endWithSlip ends the attach screen with a code kept: the message
// pressed says so (confirm), the slip follows, and below it — as below a
// summary — the links and what to do with the slip (slipNote, when there
// is one): nothing refers to a slip not yet in the chat.
func (v *caseView) endWithSlip(f storage.Followup, confirm, slipNote string) error {
	if err := v.endWith(confirm, nil); err != nil {
		return err
	}
	text := v.h.followupLinks(v.t, f)
	v.replies = append(v.replies, v.h.slipPhoto(v.chat, v.t, f))
	if slipNote != "" {
		text = slipNote + "\n\n" + text
	}
	v.say(text, nil)
	v.about = followupTopic(f.CaseID)
	return nil
}

// endWith ends the flow with a message in place of the screen.
func (v *caseView) endWith(text string, err error) error {
	if ignoreGone(err) != nil {
		return err
	}
	if err := v.tx.EndConversation(v.ctx, v.chat); err != nil {
		return err
	}
	v.landed = leadsNowhere
	v.request.show(text, nil)
	return nil
}

// back is ← on the step, outcome, reason and dossier screens.
func (v *caseView) back() error {
	v.c.UpdatedAt = v.h.now()
	switch v.c.Phase {
	case storage.PhaseSteps:
		ev := v.stepEvent()
		switch {
		case v.c.Step > 0:
			v.c.Step--
		case len(v.g.Prerequisites) > 0:
			v.c.Phase = storage.PhaseChecklist
		default:
			return v.goCase("")
		}
		if err := v.save("back", ev); err != nil {
			return err
		}
	case storage.PhaseOutcome:
		if v.c.EndedFrom.String == storage.PhaseSteps {
			// Asked at End, past the submit step: back to that step.
			v.c.Phase, v.c.EndedFrom = storage.PhaseSteps, sql.NullString{}
			if err := v.saveCase(); err != nil {
				return err
			}
			return v.backToEnded()
		}
		v.c.Phase, v.c.Step = storage.PhaseSteps, len(v.g.Steps)-1
		events, err := v.tx.CaseEvents(v.ctx, v.c.ID)
		if err != nil {
			return err
		}
		if i := skippedSubmit(v.g, events); i >= 0 {
			v.c.Step = i // the step that submits, skipped: the question's ← goes back to it
		}
		if err := v.save("back", v.stepEvent()); err != nil {
			return err
		}
	case storage.PhaseReason:
		// Back exactly where the case was ended from: past the submit step,
		// the outcome question End asked there.
		v.c.Phase = storage.PhaseOutcome
		if v.c.EndedFrom.Valid {
			v.c.Phase = v.c.EndedFrom.String
		}
		v.c.Outcome, v.c.Reason = sql.NullString{}, sql.NullString{}
		if v.c.Phase == storage.PhaseSteps && pastSubmit(v.c, v.g) {
			v.c.Phase = storage.PhaseOutcome
		} else {
			v.c.EndedFrom = sql.NullString{}
		}
		if err := v.saveCase(); err != nil {
			return err
		}
		if v.c.Phase == storage.PhaseSteps {
			return v.backToEnded()
		}
	case storage.PhaseDossier:
		v.c.Phase, v.c.Outcome = storage.PhaseOutcome, sql.NullString{}
		if err := v.saveCase(); err != nil {
			return err
		}
	}
	return v.goCase("")
}

// backToEnded draws the step a case was ended from (⏹ on its pause
// message), now that ← took it back there: on the screen of the step it
// was paused on, as ▶ would have drawn it (screenLeft) — the fix of the
// problem reported, the ⚑ question, or the list of problems —, which its
// pause event keeps (storage.EndedOn; pausedScreen). Until review 26E the
// bare step came back, no longer saying which problem was reported, nor
// its fix.
func (v *caseView) backToEnded() error {
	on, err := v.tx.EndedOn(v.ctx, v.c.ID, v.step().ID)
	if err != nil {
		return err
	}
	return v.goTo(pausedScreen(v.c, on))
}

// flag records that the step differs on the portal, and goes back to it.
func (v *caseView) flag(what, note string) error {
	f := storage.Flag{
		GuideID: v.g.ID, GuideChecked: v.g.Checked(), StepID: v.step().ID, Step: v.c.Step + 1,
		CommuneCode: v.user.CommuneCode, What: what, CreatedAt: v.h.now(),
	}
	if note != "" {
		f.Note = sql.NullString{String: note, Valid: true}
	}
	if err := v.tx.AddFlag(v.ctx, f); err != nil {
		return err
	}
	return v.h.caseGo(v.request, screenStep, caseState{Case: v.c.ID}, v.t.T("case.flag_saved"))
}

// caseHead is the first line of a case's screens: the guide and the case.
func (v *caseView) caseHead() string {
	return v.t.T("case.head", locales.Data{"Guide": v.g.Title.In(v.t.Lang()), "Case": v.c.ID})
}

// stepHead is "Bước 3/7: …".
func (v *caseView) stepHead() string {
	return v.t.T("case.step_head", locales.Data{"Step": v.c.Step + 1, "Steps": len(v.g.Steps), "Title": v.step().Title.In(v.t.Lang())})
}

func (v *caseView) toStepButton() bot.Button {
	return v.button(v.t.T("case.to_step", locales.Data{"Step": v.c.Step + 1}), "step", "")
}

// discardable says whether the case can still be thrown away as a wrong
// pick: no step of it was done or had a problem (skips and backs only read
// ahead).
func (v *caseView) discardable() bool { return !v.c.Progressed }

func drawPick(v *caseView) (string, bot.Keyboard, error) {
	frequent, open, err := v.h.frequentGuides(v.request)
	if err != nil {
		return "", nil, err
	}
	var kb bot.Keyboard
	for _, g := range frequent {
		kb = append(kb, []bot.Button{v.button(g.Title.In(v.t.Lang()), "guide", g.ID)})
	}
	var cats []bot.Button
	for _, c := range append(slices.Clone(guides.Categories), guides.Essential) {
		if n := len(v.h.guides.InCategory(c)); n > 0 {
			cats = append(cats, v.button(v.t.T("category."+c)+" ("+strconv.Itoa(n)+")", "cat", c))
		}
	}
	kb = append(kb, grid(cats, 2)...)
	text := v.t.T("case.pick")
	if open > 0 {
		text += "\n\n" + v.t.N("case.open_cases", open)
	}
	return text, kb, nil
}

// frequentGuides are the frequentShown guides the volunteer, then their
// commune, used most of late, and the catalog's first after them: the
// procedure list's first buttons; and the volunteer's open cases, counted
// with them (storage's FrequentGuides).
func (h *Handlers) frequentGuides(r *request) (gs []*guides.Guide, open int, err error) {
	ids, open, err := r.tx.FrequentGuides(r.ctx, r.user.TelegramID, r.user.CommuneCode, h.now().AddDate(0, 0, -frequentDays), frequentSample, frequentShown)
	if err != nil {
		return nil, 0, err
	}
	for _, id := range ids {
		if g, ok := h.guides.Guide(id); ok {
			gs = append(gs, g)
		}
	}
	for _, g := range h.guides.All() {
		if len(gs) >= frequentShown {
			break
		}
		if !slices.Contains(gs, g) {
			gs = append(gs, g)
		}
	}
	return gs, open, nil
}

// foundScreen lists a search's results, or says plainly that nothing
// matched. The words typed are shown once, when the search is made; a
// redraw (query "") does without them, since they are not kept.
func foundScreen(v *caseView, query string, found []*guides.Guide) (string, bot.Keyboard) {
	var text string
	switch {
	case query == "" && len(found) == 0: // the words searched are not kept
		text = v.t.T("case.no_match_again")
	case query == "":
		text = v.t.N("case.found_again", len(found))
	case len(found) == 0:
		// Not quoted: the words found nothing, so a name no rule knows
		// may be among them (privacy.WithoutIdentity), and the volunteer's
		// message is right above.
		text = v.t.T("case.no_match")
	default:
		text = v.t.N("case.found", len(found), locales.Data{"Query": query})
	}
	if len(found) > foundShown {
		found = found[:foundShown]
		text += "\n" + v.t.T("case.found_more", locales.Data{"Shown": foundShown})
	}
	var kb bot.Keyboard
	for _, g := range found {
		kb = append(kb, []bot.Button{v.button(g.Title.In(v.t.Lang()), "guide", g.ID)})
	}
	return text, append(kb, []bot.Button{v.button(v.t.T("case.all_guides"), "home", "")})
}

func drawConsent(v *caseView) (string, bot.Keyboard, error) {
	g := v.g
	head := g.Title.In(v.t.Lang())
	if g.Procedure() {
		head = v.t.T("consent.head", locales.Data{"Guide": head, "Mode": modeName(v.request, g)})
	}
	text := head + "\n" + v.costLine() + "\n\n" + v.h.consentText(v.t, g)
	kb := bot.Keyboard{
		{v.button(v.t.T("consent.yes"), "yes", "")},
		{v.button(v.t.T("consent.no"), "no", "")},
	}
	if !g.OffersFollowup() { // nothing to follow: the notice, read, is enough
		kb = bot.Keyboard{{v.button(v.t.T("consent.read"), "no", "")}}
	}
	return text, append(kb,
		[]bot.Button{v.button(v.t.T("case.info"), "info", "")},
		[]bot.Button{v.button(v.t.T("case.other_guide"), "home", "")}), nil
}

// costLine is what the volunteer tells the resident before they submit:
// the fee and the time, in one line each at most.
func (v *caseView) costLine() string {
	lang := v.t.Lang()
	fee, days := v.g.FeeShort.In(lang), firstSentence(v.g.Processing.In(lang), 90)
	if _, doubt := v.g.Unconfirmed["fee"]; doubt {
		fee += " " + v.t.T(byChannel("case.info_check", v.g.Channel()))
	}
	if v.g.ProcessingDays > 0 {
		days = v.t.N("case.working_days", v.g.ProcessingDays)
	}
	return "💰 " + fee + "\n⏱ " + days
}

// byChannel is the locale key of a phrase that names where the resident
// does the procedure (the guide's channel) or a step of it (the step's,
// guides.Guide.StepChannel): key itself for a web portal, key_vneid for the
// VNeID app, key_app for another app.
func byChannel(key, channel string) string {
	if channel != "" && channel != guides.ChannelWeb {
		return key + "_" + channel
	}
	return key
}

// stepKey is the locale key of a phrase of the step's screens that names
// where the volunteer looks: by the step's channel.
func (v *caseView) stepKey(key string) string {
	return byChannel(key, v.g.StepChannel(v.step()))
}

// infoSources is how many sources the ℹ screen lists below the facts; the
// rest follow a page at a time ("Sau ›"), about subPageSize characters a
// page: fifteen whole addresses under the facts are a wall on a phone.
const infoSources = 3

// maxInfo is what a page of the ℹ screen may hold, in UTF-16 units as
// Telegram counts (an emoji is two), within its 4,096 a message.
const maxInfo = 4000

func drawInfo(v *caseView) (string, bot.Keyboard, error) {
	g, lang := v.g, v.t.Lang()
	check := func(fact string) string {
		if _, doubt := g.Unconfirmed[fact]; doubt {
			return " " + v.t.T(byChannel("case.info_check", g.Channel()))
		}
		return ""
	}
	facts := []string{"",
		v.t.T("case.info_fee", locales.Data{"Fee": g.Fee.In(lang)}) + check("fee"),
		v.t.T("case.info_time", locales.Data{"Time": g.Processing.In(lang)}) + check("processing"),
		v.t.T("case.info_tracking", locales.Data{"Tracking": g.Tracking.In(lang)}) + check("tracking")}
	if help := g.OfflineHelp.In(lang); help != "" {
		facts = append(facts, v.t.T("case.info_offline", locales.Data{"Help": help}))
	}
	// The day the guide was compared with its sources comes before them, so
	// that no number of sources can push it off the screen.
	facts = append(facts, "", v.t.T("case.info_checked", locales.Data{
		"Checked": v.t.Date(g.Checked()), "Review": v.t.Date(g.Review())}))
	// Room left below the facts (and the lines "\n\nNguồn:" before the
	// sources) for the first sources and the line that counts the rest; the
	// head's page number, a few units, is in the margin between maxInfo and
	// Telegram's limit.
	room := maxInfo - telegramLen("ℹ "+g.Title.In(lang)+"\n"+strings.Join(facts, "\n")+"\n\n"+v.t.T("case.info_sources")) -
		1 - telegramLen(v.t.N("case.info_sources_more", len(g.Sources)))
	first, pages := infoPages(v.t, g.Sources, room)
	page := min(max(v.st.Page, 0), len(pages)-1)
	head := "ℹ " + g.Title.In(lang)
	if len(pages) > 1 {
		head += " " + v.t.T("case.sub_page", locales.Data{"Page": page + 1, "Pages": len(pages)})
	}
	lines := []string{head}
	if page == 0 {
		lines = append(lines, facts...)
	}
	lines = append(lines, "", v.t.T("case.info_sources"))
	if pages[page] != "" {
		lines = append(lines, pages[page])
	}
	if page == 0 && len(pages) > 1 {
		lines = append(lines, v.t.N("case.info_sources_more", len(g.Sources)-first))
	}
	var kb bot.Keyboard
	if nav := pageRow(v.t, page, page < len(pages)-1, v.pageButton); nav != nil {
		kb = append(kb, nav)
	}
	return strings.Join(lines, "\n"), append(kb, []bot.Button{v.button(v.t.T("button.back"), "back", "")}), nil
}

// infoPages cuts a guide's sources, as the ℹ screen lists them, into its
// pages, each source whole: below the facts the first infoSources, as many
// of them as fit in room (UTF-16 units); then pages of about subPageSize.
// first is how many the facts' page holds.
func infoPages(t *locales.Localizer, sources []guides.Source, room int) (first int, pages []string) {
	lines := make([]string, len(sources))
	for i, s := range sources {
		lines[i] = sourceLine(t, s)
	}
	for size := 0; first < min(infoSources, len(lines)); first++ {
		if size += 1 + telegramLen(lines[first]); size > room {
			break
		}
	}
	return first, append([]string{strings.Join(lines[:first], "\n")}, pack(lines[first:], "\n", subPageSize)...)
}

// pack joins parts into pages of at most max UTF-16 units as Telegram
// counts them, in order, each part whole (one longer than max has a page
// of its own).
func pack(parts []string, sep string, max int) []string {
	var pages []string
	for _, p := range parts {
		if n := len(pages); n > 0 && telegramLen(pages[n-1]+sep+p) <= max {
			pages[n-1] += sep + p
			continue
		}
		pages = append(pages, p)
	}
	return pages
}

// sourceLine is a source as the ℹ screen lists it: "• thanhnien.vn,
// 12/08/2025: https://…" ("12 Aug 2025" in English).
func sourceLine(t *locales.Localizer, s guides.Source) string {
	line := "• " + s.Site()
	if d := sourceDate(t, s.Date); d != "" {
		line += ", " + d
	}
	return line + ": " + s.URL
}

// sourceDate writes a source's date (YYYY-MM-DD, YYYY-MM or YYYY) the way
// the user's language writes dates: 12/08/2025, 08/2025, 2025 in
// Vietnamese; 12 Aug 2025, Aug 2025, 2025 in English.
func sourceDate(t *locales.Localizer, d string) string {
	if day, err := time.Parse(time.DateOnly, d); err == nil {
		return t.Date(day)
	}
	if month, err := time.Parse("2006-01", d); err == nil {
		return t.MonthYear(month)
	}
	return d
}

func drawResume(v *caseView) (string, bot.Keyboard, error) {
	// One more than a page, to know whether there is a next one.
	cs, err := v.tx.OpenCases(v.ctx, v.user.TelegramID, v.st.Page*resumeShown, resumeShown+1)
	if err != nil {
		return "", nil, err
	}
	if len(cs) == 0 && v.st.Page == 0 {
		return v.t.T("resume.none"), nil, nil
	}
	lines := []string{v.t.T("resume.head")}
	var kb bot.Keyboard
	for _, c := range cs[:min(len(cs), resumeShown)] {
		lines = append(lines, "• "+v.h.caseLabel(v.request, c))
		kb = append(kb, []bot.Button{v.button(v.h.caseButton(v.request, c), "case", strconv.FormatInt(c.ID, 10))})
	}
	if nav := pageRow(v.t, v.st.Page, len(cs) > resumeShown, v.pageButton); nav != nil {
		kb = append(kb, nav)
	}
	if v.st.Over != "" && v.st.Case != 0 {
		key := "resume.waiting"
		switch v.st.Over { // no answer being typed
		case screenFix: // a fix read
			key = "resume.waiting_fix"
		case screenFlag: // what differs, asked by buttons
			key = "resume.waiting_flag"
		case screenProblem: // the step's problems, a button each
			key = "resume.waiting_problems"
		case screenKept, screenEnd: // whose the code typed is, or whether to end the case: asked by buttons
			key = "resume.waiting_choice"
		}
		lines = append(lines, "", v.t.T(key, locales.Data{"Case": v.st.Case}))
	}
	return strings.Join(lines, "\n"), kb, nil
}

func drawChecklist(v *caseView) (string, bot.Keyboard, error) {
	lang := v.t.Lang()
	lines := []string{v.caseHead(), v.costLine(), "", v.t.T("case.checklist")}
	var ticks []bot.Button
	for i, it := range v.g.Prerequisites {
		// A button sets its item rather than toggling it, so a double tap
		// changes nothing; ticks keep the version, so quick taps on several
		// items all count. It names its item, not its place: after a deploy
		// that added or removed an item, a tick on the message shown before
		// sets the item it showed, or is out of date.
		box, set := "☐", "+"
		if slices.Contains(v.c.Checked, it.ID) {
			box, set = "☑", "-"
		}
		n := strconv.Itoa(i + 1)
		lines = append(lines, box+" "+n+". "+it.Text.In(lang))
		ticks = append(ticks, v.button(box+" "+n, "tick", set+it.ID))
	}
	if v.g.VNeIDLevel > 0 {
		lines = append(lines, "", v.t.T("case.vneid_level", locales.Data{"Level": v.g.VNeIDLevel}))
	}
	kb := append(grid(ticks, 4),
		[]bot.Button{v.button(v.t.T("case.begin"), "begin", "")},
		[]bot.Button{v.button(v.t.T("case.not_needed"), "notneeded", "")},
		[]bot.Button{v.button(v.t.T("case.not_eligible"), "ineligible", ""), v.button(v.t.T("case.info"), "info", "")})
	if v.discardable() {
		kb = append(kb, []bot.Button{v.button(v.t.T("case.other_guide"), "discard", "")})
	}
	return strings.Join(lines, "\n"), kb, nil
}

func drawStep(v *caseView) (string, bot.Keyboard, error) {
	lang := v.t.Lang()
	step := v.step()
	lines := []string{v.caseHead(), v.stepHead(), "", step.Text.In(lang)}
	if step.Unconfirmed != "" {
		lines = append(lines, "", v.t.T(v.stepKey("case.unconfirmed_step")))
	}
	if step.Link != "" {
		lines = append(lines, "", "🔗 "+step.Link)
	}
	if tip := step.Tip.In(lang); tip != "" {
		lines = append(lines, "", "💡 "+tip)
	}
	row2 := []bot.Button{v.button(v.t.T("case.back"), "back", ""), v.button(v.t.T("case.skip"), "skip", ""), v.button(v.t.T("case.pause"), "pause", "")}
	first := v.c.Step == 0 && len(v.g.Prerequisites) == 0
	if first {
		row2 = row2[1:] // nothing to go back to
	}
	kb := bot.Keyboard{
		{v.button(v.t.T("case.done"), "done", ""), v.button(v.t.T("case.problem"), "problem", "")},
		row2,
	}
	if sub, ok := v.h.guides.Guide(step.Subguide); ok {
		kb = append(kb, []bot.Button{v.button("📖 "+sub.Title.In(lang), "sub", "")})
	}
	kb = append(kb, []bot.Button{v.button(v.t.T(v.stepKey("case.flag")), "flag", "")})
	if first && v.discardable() { // no checklist to throw a wrong pick away from
		kb = append(kb, []bot.Button{v.button(v.t.T("case.other_guide"), "discard", "")})
	}
	return strings.Join(lines, "\n"), kb, nil
}

func drawFix(v *caseView) (string, bot.Keyboard, error) {
	lang := v.t.Lang()
	step := v.step()
	e, _ := step.Problem(v.st.Err) // there: view draws the problems when a deploy took it away
	text := v.caseHead() + "\n" + v.stepHead() + "\n\n⚠ " + e.Label.In(lang) + "\n\n" + v.t.T("case.fix", locales.Data{"Fix": e.Fix.In(lang)})
	kb := bot.Keyboard{
		{v.button(v.t.T("case.fixed_done"), "fixed", "")},
		{v.button(v.t.T("case.other_problem"), "problem", "")},
	}
	// Fixes often say "see the guide below": the one the error names, then
	// the step's own.
	if sub, ok := v.h.guides.Guide(e.Subguide); ok && e.Subguide != step.Subguide {
		kb = append(kb, []bot.Button{v.button("📖 "+sub.Title.In(lang), "sub", sub.ID)})
	}
	if sub, ok := v.h.guides.Guide(step.Subguide); ok {
		kb = append(kb, []bot.Button{v.button("📖 "+sub.Title.In(lang), "sub", "")})
	}
	return text, append(kb, []bot.Button{v.toStepButton(), v.button(v.t.T("case.pause"), "pause", "")}), nil
}

// metHere says whether the error was recorded at the case's step since the
// case last came to it: no event but problems, pauses and resumes since.
func (v *caseView) metHere(errID string) (bool, error) {
	events, err := v.tx.CaseEvents(v.ctx, v.c.ID)
	if err != nil {
		return false, err
	}
	for _, e := range slices.Backward(events) {
		switch e.Kind {
		case "pause", "resume":
		case "problem":
			if e.StepID.String == v.step().ID && e.Problem.String == errID {
				return true, nil
			}
		default:
			return false, nil
		}
	}
	return false, nil
}

// subguide is the id of the sub-guide the sub screen shows: the step's, or
// the one an error of the step names, when that is the one pressed.
func (v *caseView) subguide() string {
	if v.st.Sub != "" {
		for _, e := range v.step().Errors {
			if e.Subguide == v.st.Sub {
				return v.st.Sub
			}
		}
	}
	return v.step().Subguide
}

// subPageSize is about what a phone shows without a long scroll.
const subPageSize = 900

// drawSub shows a sub-guide a page at a time: its steps, whole, grouped
// into pages of about subPageSize characters.
func drawSub(v *caseView) (string, bot.Keyboard, error) {
	lang := v.t.Lang()
	sub, _ := v.h.guides.Guide(v.subguide()) // there: view draws the step when a deploy took it away
	pages := subPages(sub, lang)
	page := min(max(v.st.Page, 0), len(pages)-1)
	head := "📖 " + sub.Title.In(lang)
	if len(pages) > 1 {
		head += " " + v.t.T("case.sub_page", locales.Data{"Page": page + 1, "Pages": len(pages)})
	}
	text := head + "\n" + pages[page]
	kb := bot.Keyboard{}
	if nav := pageRow(v.t, page, page < len(pages)-1, v.pageButton); nav != nil {
		kb = append(kb, nav)
	}
	back := v.toStepButton()
	if _, ok := v.step().Problem(v.st.Err); ok {
		back = v.button(v.t.T("case.to_fix"), "fix", "") // opened from that fix
	}
	return text, append(kb, []bot.Button{back}), nil
}

// subPages cuts a sub-guide into pages: the description and the steps in
// order, a new page when the next step would pass subPageSize.
func subPages(g *guides.Guide, lang string) []string {
	parts := []string{g.Description.In(lang)}
	for i, s := range g.Steps {
		parts = append(parts, strconv.Itoa(i+1)+". "+s.Title.In(lang)+": "+s.Text.In(lang))
	}
	return pack(parts, "\n\n", subPageSize)
}

func drawSummary(v *caseView) (string, bot.Keyboard, error) {
	// What the case's row keeps (the cases_closed trigger): what the
	// tallies count.
	n, err := v.tx.ClosedCounts(v.ctx, v.c.ID)
	if err != nil {
		return "", nil, err
	}
	lines := []string{
		v.t.T("summary.head", locales.Data{"Case": v.c.ID}),
		v.t.T("summary.guide", locales.Data{"Guide": v.g.Title.In(v.t.Lang())}),
	}
	// A case ended at its checklist (not eligible, no procedure needed)
	// was filed in no mode: the mode's line would read as if it was.
	if v.g.Procedure() && v.c.Reason.String != storage.ReasonNotNeeded && v.c.Reason.String != reasonNotEligible {
		lines = append(lines, v.t.T("summary.mode", locales.Data{"Mode": modeName(v.request, v.g)}))
	}
	outcome := outcomeText(v.request, v.c.Kind, v.c.Outcome.String)
	if v.c.Reason.String == storage.ReasonNotNeeded {
		// Not done, by its reason; but the volunteer's work is the advice
		// given, and the summary says so (no "could not submit").
		outcome = v.t.T("outcome.not_needed")
	}
	lines = append(lines, v.t.T("summary.outcome", locales.Data{"Outcome": outcome}))
	if v.c.Reason.Valid && v.c.Reason.String != storage.ReasonNotNeeded {
		lines = append(lines, v.t.T("summary.reason", locales.Data{"Reason": v.t.T("reason." + v.c.Reason.String)}))
		// The note typed for "other reason" is what it says: kept on the
		// case's outcome event, shown where the volunteer checks the case.
		note, err := v.tx.OutcomeNote(v.ctx, v.c.ID)
		if err != nil {
			return "", nil, err
		}
		if note != "" {
			lines = append(lines, v.t.T("summary.reason_note", locales.Data{"Note": note}))
		}
	}
	lines = append(lines,
		duration(v.request, time.Duration(n.ActiveSeconds)*time.Second),
		v.t.T("summary.steps", locales.Data{"Done": n.StepsDone, "Skipped": n.StepsSkipped, "Steps": v.c.StepsTotal})+" "+v.t.N("summary.problems", n.Problems))
	f, err := v.tx.FollowupOfCase(v.ctx, v.c.ID)
	switch {
	case err != nil && !errors.Is(err, storage.ErrNotFound):
		return "", nil, err
	case err == nil && f.DueOn.Valid:
		lines = append(lines, v.t.T("summary.dossier_due", locales.Data{"Code": f.DossierCode, "Due": dueText(v.t, f)}))
	case err == nil:
		lines = append(lines, v.t.T("summary.dossier", locales.Data{"Code": f.DossierCode}))
	case !v.c.FollowupConsent && v.asksCode(v.c.Outcome.String):
		// A dossier was submitted: its code not kept, as the resident
		// wanted no reminder (none is, with no dossier).
		lines = append(lines, v.t.T("summary.anonymous"))
	case v.c.FollowupConsent && v.asksCode(v.c.Outcome.String):
		// The resident wanted a reminder and the case closed without a
		// code ("Không có mã hồ sơ"): no slip comes, and until review 29
		// nothing said why. A case marked the same dossier as another is
		// reminded by that one (its outcome says so above).
		events, err := v.tx.CaseEvents(v.ctx, v.c.ID)
		if err != nil {
			return "", nil, err
		}
		if !endedSame(events) {
			lines = append(lines, v.t.T("summary.no_code"))
		}
	}
	if err == nil {
		lines = append(lines, "", v.h.followupLinks(v.t, f))
	}
	return strings.Join(lines, "\n"), bot.Keyboard{{{Text: v.t.T("case.new_button"), Data: callback{flow: flowCase, action: "new"}.String()}}}, nil
}

// asksCode says whether a case of this guide ended with outcome o asks
// for its dossier code, when the resident wants a reminder: a dossier
// submitted whose result is still to come.
func (v *caseView) asksCode(o string) bool {
	return v.g.OffersFollowup() && o != failedOutcome(v.c.Kind) && o != "on_the_spot"
}

// skippedSubmit is the index of the guide's step that submits the
// dossier when it was skipped the last time it was left (events), or -1.
func skippedSubmit(g *guides.Guide, events []storage.CaseEvent) int {
	if i := g.SubmitStep(); i >= 0 && lastOfStep(events, g.Steps[i].ID) == "skip" {
		return i
	}
	return -1
}

// outcomeButtons are the outcome screen's choices, the kind's outcomes:
// led by "submitted and paid online" once the step that pays the fee online
// (the guide's `pays`) was last marked done, plain "submitted" below it — a
// tired volunteer's tap on the first button no longer loses the fee paid
// online (payment_online).
func (v *caseView) outcomeButtons(events []storage.CaseEvent) bot.Keyboard {
	os := v.outcomes()
	if i := v.g.PayStep(); i >= 0 && slices.Contains(os, outcomePaid) && lastOfStep(events, v.g.Steps[i].ID) == "done" {
		os = append([]string{outcomePaid}, slices.DeleteFunc(slices.Clone(os), func(o string) bool { return o == outcomePaid })...)
	}
	var kb bot.Keyboard
	for _, o := range os {
		kb = append(kb, []bot.Button{v.button(outcomeText(v.request, v.c.Kind, o), "outcome", o)})
	}
	return kb
}

// lastOfStep is the kind of the last done or skip event of the step with
// that id ("" when none).
func lastOfStep(events []storage.CaseEvent, id string) string {
	kind := ""
	for _, e := range events {
		if (e.Kind == "done" || e.Kind == "skip") && e.StepID.String == id {
			kind = e.Kind
		}
	}
	return kind
}

// pressNote is said above a screen that reads no typed text when text is
// typed there: "at this step" at a case's step and beyond, else in the
// screen's own words (the consent, the checklist, the fee page are no steps).
func pressNote(v *caseView) string {
	switch v.screen {
	case screenConsent:
		return v.t.T("case.press_consent")
	case screenChecklist:
		return v.t.T("case.press_checklist")
	case screenInfo:
		return v.t.T("case.press_info")
	}
	return v.t.T("case.press_a_button")
}
