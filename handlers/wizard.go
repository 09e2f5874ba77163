package handlers

import (
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// The wizard walks a case through its guide in one live message, edited in
// place: the checklist, then each step ("Bước 3/7") with Done, Problem,
// Back, Skip and Pause, then the outcome and, with the resident's consent,
// the dossier code. Where the case stands lives in its row (phase, step),
// so /resume continues exactly there after a pause, a lost connection or a
// restart; every step event is a row of case_events.

// Screens of a running case.
const (
	screenChecklist  = "checklist"
	screenStep       = "step"
	screenProblem    = "problem"     // the step's common errors
	screenFix        = "fix"         // one error's fix
	screenNote       = "note"        // typing what else went wrong
	screenSub        = "sub"         // a sub-guide (VNeID, payment), then back to the step
	screenOutcome    = "outcome"     // how it ended
	screenReason     = "reason"      // why it could not be submitted
	screenReasonNote = "reason_note" // typing the other reason
	screenDossier    = "dossier"     // typing the dossier code
)

// Outcomes and reasons, as stored (migrations/00002_cases.sql).
var (
	outcomes = []string{"submitted", "paid", "on_the_spot", "not_submitted"}
	reasons  = []string{"no_vneid", "missing_doc", "portal_error", "changed_mind", "other_reason"}
)

const maxNote = 200

// officeCloses is the hour after which a dossier counts as received on the
// next working day.
const officeCloses = 17

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

// startCase creates the case once the resident has answered the consent
// question.
func (h *Handlers) startCase(r *request, guideID string, consent bool) error {
	g, ok := h.guides.Guide(guideID)
	if !ok {
		return h.caseGo(r, screenPick, caseState{}, "")
	}
	phase := storage.PhaseChecklist
	if len(g.Prerequisites) == 0 {
		phase = storage.PhaseSteps
	}
	c, err := r.tx.CreateCase(r.ctx, storage.Case{
		VolunteerID:     r.user.TelegramID,
		CommuneCode:     r.user.CommuneCode,
		GuideID:         g.ID,
		GuideChecked:    g.Checked(),
		Mode:            g.Mode,
		StepsTotal:      len(g.Steps),
		Phase:           phase,
		FollowupConsent: consent,
		ConsentVersion:  consentVersion(r, g),
		StartedAt:       h.now(),
	})
	if err != nil {
		return err
	}
	return h.caseGo(r, screenOf(c), caseState{Case: c.ID}, "")
}

// resumeCase goes back into one of the volunteer's cases where it stopped.
func (h *Handlers) resumeCase(r *request, id int64) error {
	if !h.isMember(r) {
		return nil
	}
	c, g, err := h.caseAndGuide(r, id)
	switch {
	case errors.Is(err, storage.ErrNotFound) || (err == nil && c.Status == storage.CaseClosed):
		r.answer(r.t.T("resume.closed"))
		return h.resume(r)
	case errors.Is(err, errGuideGone):
		r.say(r.t.T("case.guide_gone", locales.Data{"Case": c.ID}), nil)
		return nil
	case err != nil:
		return err
	}
	if err := h.takeUp(r, &c, g); err != nil {
		return err
	}
	return h.caseGo(r, screenOf(c), caseState{Case: c.ID}, "")
}

// takeUp opens a paused case again, with its resume event; a case that was
// live (a double tap on Continue, a lost connection) needs neither.
func (h *Handlers) takeUp(r *request, c *storage.Case, g *guides.Guide) error {
	if c.Status != storage.CasePaused {
		return nil
	}
	c.Status, c.UpdatedAt = storage.CaseOpen, h.now()
	return h.saveCase(r, *c, "resume", phaseEvent(*c, &g.Steps[c.Step]))
}

var errGuideGone = errors.New("the case's guide is no longer in the catalog")

// caseAndGuide reads one of the volunteer's cases, locked, and its guide:
// storage.ErrNotFound when there is no such case of theirs, errGuideGone
// (with the case) when the catalog lost its guide. The guide may have
// changed since the case began: the case follows it as it is now.
func (h *Handlers) caseAndGuide(r *request, id int64) (storage.Case, *guides.Guide, error) {
	c, err := r.tx.Case(r.ctx, id, r.user.TelegramID)
	if err != nil {
		return c, nil, err
	}
	g, ok := h.guides.Guide(c.GuideID)
	if !ok {
		return c, nil, errGuideGone
	}
	c.StepsTotal = len(g.Steps)
	c.Step = min(c.Step, len(g.Steps)-1)
	return c, g, nil
}

// loadCase reads the flow's case and its guide. ok is false (and the flow
// ended, with a message) when either is gone.
func (h *Handlers) loadCase(r *request, st caseState) (storage.Case, *guides.Guide, bool, error) {
	c, g, err := h.caseAndGuide(r, st.Case)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		r.show(r.t.T("button.done"), nil)
		return c, nil, false, r.tx.EndConversation(r.ctx, r.chat)
	case errors.Is(err, errGuideGone):
		r.show(r.t.T("case.guide_gone", locales.Data{"Case": c.ID}), nil)
		return c, nil, false, r.tx.EndConversation(r.ctx, r.chat)
	}
	return c, g, err == nil, err
}

// wizardScreen draws a running case's screen.
func (h *Handlers) wizardScreen(r *request, screen string, st caseState, c storage.Case, g *guides.Guide, version int) (string, bot.Keyboard) {
	data := caseData(version)
	lang := r.t.Lang()
	head := r.t.T("case.head", locales.Data{"Guide": g.Title.In(lang), "Case": c.ID})
	step := &g.Steps[c.Step]
	stepHead := r.t.T("case.step_head", locales.Data{"Step": c.Step + 1, "Steps": len(g.Steps), "Title": step.Title.In(lang)})
	toStep := []bot.Button{{Text: r.t.T("case.to_step", locales.Data{"Step": c.Step + 1}), Data: data("r", "")}}
	var (
		lines []string
		kb    bot.Keyboard
	)
	switch screen {
	case screenChecklist:
		lines = append(lines, r.t.T("case.checklist"))
		var ticks []bot.Button
		for i, it := range g.Prerequisites {
			// A button sets its item rather than toggling it, so a double tap
			// changes nothing; ticks keep the version, so quick taps on
			// several items all count.
			box, set := "☐", "+"
			if slices.Contains(c.Checked, it.ID) {
				box, set = "☑", "-"
			}
			n := strconv.Itoa(i + 1)
			lines = append(lines, box+" "+n+". "+it.Text.In(lang))
			ticks = append(ticks, bot.Button{Text: box + " " + n, Data: data("t", set+n)})
		}
		if g.VNeIDLevel > 0 {
			lines = append(lines, "", r.t.T("case.vneid_level", locales.Data{"Level": g.VNeIDLevel}))
		}
		kb = append(grid(ticks, 4), []bot.Button{{Text: r.t.T("case.begin"), Data: data("go", "")}})
	case screenStep:
		lines = append(lines, stepHead, "", step.Text.In(lang))
		if step.Link != "" {
			lines = append(lines, "", "🔗 "+step.Link)
		}
		if tip := step.Tip.In(lang); tip != "" {
			lines = append(lines, "", "💡 "+tip)
		}
		kb = bot.Keyboard{
			{{Text: r.t.T("case.done"), Data: data("d", "")}, {Text: r.t.T("case.problem"), Data: data("p", "")}},
			{{Text: r.t.T("case.back"), Data: data("b", "")}, {Text: r.t.T("case.skip"), Data: data("s", "")}, {Text: r.t.T("case.pause"), Data: data("z", "")}},
		}
		if c.Step == 0 && len(g.Prerequisites) == 0 {
			kb[1] = kb[1][1:] // nothing to go back to
		}
		if sub, ok := h.guides.Guide(step.Subguide); ok {
			kb = append(kb, []bot.Button{{Text: "📖 " + sub.Title.In(lang), Data: data("sg", "")}})
		}
	case screenProblem:
		lines = append(lines, stepHead, "", r.t.T("case.problem_pick"))
		for _, e := range step.Errors {
			kb = append(kb, []bot.Button{{Text: e.Label.In(lang), Data: data("e", e.ID)}})
		}
		kb = append(kb, []bot.Button{{Text: r.t.T("case.problem_other"), Data: data("o", "")}}, toStep)
	case screenFix:
		e, ok := step.Problem(st.Err)
		if !ok {
			return h.wizardScreen(r, screenProblem, st, c, g, version)
		}
		lines = append(lines, stepHead, "", "⚠ "+e.Label.In(lang), "", r.t.T("case.fix", locales.Data{"Fix": e.Fix.In(lang)}))
		kb = bot.Keyboard{
			{{Text: r.t.T("case.fixed_done"), Data: data("d", "")}},
			{{Text: r.t.T("case.other_problem"), Data: data("p", "")}},
		}
		if sub, ok := h.guides.Guide(step.Subguide); ok { // fixes often say "see the guide below"
			kb = append(kb, []bot.Button{{Text: "📖 " + sub.Title.In(lang), Data: data("sg", "")}})
		}
		kb = append(kb, toStep)
	case screenNote:
		lines = append(lines, stepHead, "", r.t.T("case.note_ask", locales.Data{"Max": maxNote}))
		kb = bot.Keyboard{toStep}
	case screenSub:
		sub, ok := h.guides.Guide(step.Subguide)
		if !ok {
			return h.wizardScreen(r, screenStep, st, c, g, version)
		}
		lines = append(lines, subguideText(r, sub))
		kb = bot.Keyboard{toStep}
	case screenOutcome:
		lines = append(lines, r.t.T("case.outcome_ask"))
		for _, o := range outcomes {
			kb = append(kb, []bot.Button{{Text: r.t.T("outcome." + o), Data: data("o", o)}})
		}
		kb = append(kb, []bot.Button{{Text: r.t.T("case.back_to_steps"), Data: data("b", "")}})
	case screenReason:
		lines = append(lines, r.t.T("case.reason_ask"))
		for _, o := range reasons {
			kb = append(kb, []bot.Button{{Text: r.t.T("reason." + o), Data: data("rs", o)}})
		}
		kb = append(kb, []bot.Button{{Text: r.t.T("button.back"), Data: data("b", "")}})
	case screenReasonNote:
		lines = append(lines, r.t.T("case.reason_note_ask", locales.Data{"Max": maxNote}))
		kb = bot.Keyboard{{{Text: r.t.T("case.no_note"), Data: data("sk", "")}}, {{Text: r.t.T("button.back"), Data: data("b", "")}}}
	case screenDossier:
		lines = append(lines, r.t.T("case.dossier_ask"))
		kb = bot.Keyboard{{{Text: r.t.T("case.no_dossier"), Data: data("sk", "")}}, {{Text: r.t.T("button.back"), Data: data("b", "")}}}
	default: // no such screen (a row from another version of the bot): the step
		return h.wizardScreen(r, screenStep, st, c, g, version)
	}
	return head + "\n" + strings.Join(lines, "\n"), kb
}

// subguideText is a sub-guide on one screen: its steps, in full when they
// fit in a message, else their titles.
func subguideText(r *request, g *guides.Guide) string {
	lang := r.t.Lang()
	full := []string{"📖 " + g.Title.In(lang), g.Description.In(lang)}
	short := slices.Clone(full)
	for i, s := range g.Steps {
		n := strconv.Itoa(i+1) + ". "
		full = append(full, "", n+s.Title.In(lang)+": "+s.Text.In(lang))
		short = append(short, n+s.Title.In(lang))
	}
	if text := strings.Join(full, "\n"); utf8.RuneCountInString(text) <= 3500 {
		return text
	}
	return strings.Join(short, "\n")
}

// wizardPress moves a running case on by a button of its current screen.
func (h *Handlers) wizardPress(r *request, conv storage.Conversation, st caseState, cb callback) error {
	c, g, ok, err := h.loadCase(r, st)
	if !ok || err != nil {
		return err
	}
	c.UpdatedAt = h.now()
	step := &g.Steps[c.Step]
	goTo := func(screen string) error { return h.caseGo(r, screen, caseState{Case: c.ID}, "") }
	switch conv.Step + ":" + cb.action {
	case screenChecklist + ":t":
		i, err := strconv.Atoi(strings.TrimLeft(cb.arg, "+-"))
		if err != nil || i < 1 || i > len(g.Prerequisites) || cb.arg == "" {
			break
		}
		id := g.Prerequisites[i-1].ID
		c.Checked = slices.DeleteFunc(c.Checked, func(s string) bool { return s == id })
		if cb.arg[0] == '+' {
			c.Checked = append(c.Checked, id)
		}
		if err := r.tx.SaveCase(r.ctx, c); err != nil {
			return err
		}
		return h.caseShow(r, screenChecklist, st, conv.Version, "")
	case screenChecklist + ":go":
		c.Phase, c.Step = storage.PhaseSteps, 0
		if err := h.saveCase(r, c, "checklist", nil); err != nil {
			return err
		}
		return goTo(screenStep)
	case screenStep + ":d", screenFix + ":d":
		return h.advance(r, c, step, "done")
	case screenStep + ":s":
		return h.advance(r, c, step, "skip")
	case screenStep + ":b":
		ev := stepEvent(c, step)
		switch {
		case c.Step > 0:
			c.Step--
		case len(g.Prerequisites) > 0:
			c.Phase = storage.PhaseChecklist
		default:
			return goTo(screenStep)
		}
		if err := h.saveCase(r, c, "back", ev); err != nil {
			return err
		}
		return goTo(screenOf(c))
	case screenStep + ":z":
		return h.pause(r, c, step)
	case screenStep + ":p", screenFix + ":p":
		if len(step.Errors) == 0 {
			return goTo(screenNote)
		}
		return goTo(screenProblem)
	case screenStep + ":sg", screenFix + ":sg":
		if step.Subguide != "" {
			return goTo(screenSub)
		}
	case screenProblem + ":e":
		if _, ok := step.Problem(cb.arg); !ok {
			break
		}
		ev := stepEvent(c, step)
		ev.Problem = sql.NullString{String: cb.arg, Valid: true}
		if err := h.saveCase(r, c, "problem", ev); err != nil {
			return err
		}
		return h.caseGo(r, screenFix, caseState{Case: c.ID, Err: cb.arg}, "")
	case screenProblem + ":o":
		return goTo(screenNote)
	case screenProblem + ":r", screenFix + ":r", screenNote + ":r", screenSub + ":r":
		return goTo(screenStep)
	case screenOutcome + ":o":
		if !slices.Contains(outcomes, cb.arg) {
			break
		}
		c.Outcome = sql.NullString{String: cb.arg, Valid: true}
		switch {
		case cb.arg == "not_submitted":
			c.Phase = storage.PhaseReason
		case c.FollowupConsent && cb.arg != "on_the_spot" && g.OffersFollowup():
			c.Phase = storage.PhaseDossier
		default:
			return h.finish(r, c, g, "", "")
		}
		if err := r.tx.SaveCase(r.ctx, c); err != nil {
			return err
		}
		return goTo(screenOf(c))
	case screenOutcome + ":b":
		c.Phase, c.Step = storage.PhaseSteps, len(g.Steps)-1
		if err := h.saveCase(r, c, "back", stepEvent(c, &g.Steps[c.Step])); err != nil {
			return err
		}
		return goTo(screenStep)
	case screenReason + ":rs":
		if !slices.Contains(reasons, cb.arg) {
			break
		}
		c.Reason = sql.NullString{String: cb.arg, Valid: true}
		if cb.arg == "other_reason" {
			if err := r.tx.SaveCase(r.ctx, c); err != nil {
				return err
			}
			return goTo(screenReasonNote)
		}
		return h.finish(r, c, g, "", "")
	case screenReason + ":b":
		// Back to the outcome question, or, for a case ended early from its
		// pause message, to the step it stopped at.
		c.Phase, c.Outcome, c.Reason = storage.PhaseOutcome, sql.NullString{}, sql.NullString{}
		if c.Step < c.StepsTotal-1 {
			c.Phase = storage.PhaseSteps
		}
		if err := r.tx.SaveCase(r.ctx, c); err != nil {
			return err
		}
		return goTo(screenOf(c))
	case screenReasonNote + ":sk", screenDossier + ":sk":
		return h.finish(r, c, g, "", "")
	case screenReasonNote + ":b":
		return goTo(screenReason)
	case screenDossier + ":b":
		c.Phase, c.Outcome = storage.PhaseOutcome, sql.NullString{}
		if err := r.tx.SaveCase(r.ctx, c); err != nil {
			return err
		}
		return goTo(screenOutcome)
	}
	// A button this screen does not have: show the screen again.
	r.answer(r.t.T("button.stale"))
	return h.caseShow(r, conv.Step, st, conv.Version, "")
}

// wizardText takes the typed answer of the screens that ask for one;
// handled is false where a button is expected.
func (h *Handlers) wizardText(r *request, conv storage.Conversation, st caseState) (handled bool, err error) {
	if conv.Step != screenNote && conv.Step != screenReasonNote && conv.Step != screenDossier {
		return false, nil
	}
	c, g, ok, err := h.loadCase(r, st)
	if !ok || err != nil {
		return true, err
	}
	c.UpdatedAt = h.now()
	if conv.Step == screenDossier {
		code, problem := dossierCode(r.text)
		if problem != "" {
			return true, h.caseShow(r, conv.Step, st, conv.Version, r.t.T("case.dossier_"+problem))
		}
		return true, h.finish(r, c, g, code, "")
	}
	if problem := noteProblem(r.text); problem != "" {
		return true, h.caseShow(r, conv.Step, st, conv.Version, r.t.T("case.note_"+problem, locales.Data{"Max": maxNote}))
	}
	if conv.Step == screenReasonNote {
		return true, h.finish(r, c, g, "", r.text)
	}
	ev := stepEvent(c, &g.Steps[c.Step])
	ev.Problem = sql.NullString{String: "other", Valid: true}
	ev.Note = sql.NullString{String: r.text, Valid: true}
	if err := h.saveCase(r, c, "problem", ev); err != nil {
		return true, err
	}
	return true, h.caseGo(r, screenStep, caseState{Case: c.ID}, r.t.T("case.note_saved"))
}

// phaseEvent is an event about the current step while the case is in its
// steps, else about no step.
func phaseEvent(c storage.Case, s *guides.Step) *storage.CaseEvent {
	if c.Phase != storage.PhaseSteps || s == nil {
		return nil
	}
	return stepEvent(c, s)
}

// stepEvent is an event about the case's current step.
func stepEvent(c storage.Case, s *guides.Step) *storage.CaseEvent {
	return &storage.CaseEvent{
		Step:   sql.NullInt32{Int32: int32(c.Step + 1), Valid: true},
		StepID: sql.NullString{String: s.ID, Valid: true},
	}
}

// saveCase writes the case and one event of kind (about ev's step, if any).
func (h *Handlers) saveCase(r *request, c storage.Case, kind string, ev *storage.CaseEvent) error {
	if err := r.tx.SaveCase(r.ctx, c); err != nil {
		return err
	}
	e := storage.CaseEvent{}
	if ev != nil {
		e = *ev
	}
	e.CaseID, e.At, e.Kind = c.ID, c.UpdatedAt, kind
	return r.tx.AddCaseEvent(r.ctx, e)
}

// advance records the step done or skipped and moves to the next step, or
// to the outcome after the last one.
func (h *Handlers) advance(r *request, c storage.Case, step *guides.Step, kind string) error {
	ev := stepEvent(c, step)
	c.Step++
	if c.Step >= c.StepsTotal {
		c.Phase, c.Step = storage.PhaseOutcome, c.StepsTotal-1
	}
	if err := h.saveCase(r, c, kind, ev); err != nil {
		return err
	}
	return h.caseGo(r, screenOf(c), caseState{Case: c.ID}, "")
}

// pause sets the case aside; /resume or the message's button takes it up.
func (h *Handlers) pause(r *request, c storage.Case, step *guides.Step) error {
	if err := h.setAside(r, c, step); err != nil {
		return err
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	id := strconv.FormatInt(c.ID, 10)
	r.show(r.t.T("case.paused", locales.Data{"Case": c.ID, "Where": h.where(r, c)}), bot.Keyboard{
		{{Text: r.t.T("case.resume_button", locales.Data{"Case": c.ID}), Data: callback{flow: flowCase, action: "res", arg: id}.String()}},
		{{Text: r.t.T("case.end_button"), Data: callback{flow: flowCase, action: "end", arg: id}.String()}},
	})
	return nil
}

// setAside marks a case paused, with its event.
func (h *Handlers) setAside(r *request, c storage.Case, step *guides.Step) error {
	c.Status, c.UpdatedAt = storage.CasePaused, h.now()
	return h.saveCase(r, c, "pause", phaseEvent(c, step))
}

// leaveCase pauses the case the chat shows, if any and if it is not keep,
// before the chat turns to something else: a case left behind is paused,
// with its event, not silently abandoned.
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
	return h.setAside(r, c, &g.Steps[c.Step])
}

// endCase is the pause message's "end this case": the case goes to the
// question why it could not be submitted.
func (h *Handlers) endCase(r *request, id int64) error {
	c, g, err := h.caseAndGuide(r, id)
	switch {
	case errors.Is(err, storage.ErrNotFound) || errors.Is(err, errGuideGone) || (err == nil && c.Status == storage.CaseClosed):
		r.answer(r.t.T("resume.closed"))
		return nil
	case err != nil:
		return err
	}
	if err := h.takeUp(r, &c, g); err != nil {
		return err
	}
	// The step stays where it was: Back on the reason screen returns there.
	c.Phase, c.UpdatedAt = storage.PhaseReason, h.now()
	c.Outcome = sql.NullString{String: "not_submitted", Valid: true}
	if err := r.tx.SaveCase(r.ctx, c); err != nil {
		return err
	}
	return h.caseGo(r, screenReason, caseState{Case: c.ID}, "")
}

// finish closes the case, keeps the dossier code when there is one, and
// shows the summary.
func (h *Handlers) finish(r *request, c storage.Case, g *guides.Guide, code, note string) error {
	now := h.now()
	c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, now
	c.FinishedAt = sql.NullTime{Time: now, Valid: true}
	ev := &storage.CaseEvent{}
	if note != "" {
		ev.Note = sql.NullString{String: note, Valid: true}
	}
	if err := h.saveCase(r, c, "outcome", ev); err != nil {
		return err
	}
	var due time.Time
	if code != "" {
		if g.ProcessingDays > 0 {
			due = addWorkingDays(now.In(vietnam), g.ProcessingDays)
		}
		if err := r.tx.SaveFollowup(r.ctx, c.ID, code, due); err != nil {
			return err
		}
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	events, err := r.tx.CaseEvents(r.ctx, c.ID)
	if err != nil {
		return err
	}
	done, skipped, problems, paused := tally(events)
	lines := []string{
		r.t.T("summary.head", locales.Data{"Case": c.ID}),
		r.t.T("summary.guide", locales.Data{"Guide": g.Title.In(r.t.Lang())}),
		r.t.T("summary.outcome", locales.Data{"Outcome": r.t.T("outcome." + c.Outcome.String)}),
	}
	if g.Procedure() {
		lines = slices.Insert(lines, 2, r.t.T("summary.mode", locales.Data{"Mode": modeName(r, g)}))
	}
	if c.Reason.Valid {
		lines = append(lines, r.t.T("summary.reason", locales.Data{"Reason": r.t.T("reason." + c.Reason.String)}))
	}
	lines = append(lines,
		duration(r, now.Sub(c.StartedAt)-paused),
		r.t.T("summary.steps", locales.Data{"Done": done, "Skipped": skipped, "Steps": c.StepsTotal, "Problems": problems}))
	switch {
	case code != "" && !due.IsZero():
		lines = append(lines, r.t.T("summary.dossier_due", locales.Data{"Code": code, "Due": due.Format("02/01/2006")}))
	case code != "":
		lines = append(lines, r.t.T("summary.dossier", locales.Data{"Code": code}))
	case !c.FollowupConsent && g.OffersFollowup():
		lines = append(lines, r.t.T("summary.anonymous"))
	}
	r.show(strings.Join(lines, "\n"), bot.Keyboard{{{Text: r.t.T("case.new_button"), Data: callback{flow: flowCase, action: "new"}.String()}}})
	return nil
}

// duration says how long a case took, in minutes.
func duration(r *request, d time.Duration) string {
	if d < time.Minute {
		return r.t.T("summary.under_a_minute")
	}
	return r.t.N("summary.minutes", int(d.Round(time.Minute)/time.Minute))
}

// tally counts the steps whose last event was done or skip, the problems
// met, and the time the case spent paused.
func tally(events []storage.CaseEvent) (done, skipped, problems int, paused time.Duration) {
	last := map[int32]string{}
	var pausedAt time.Time
	for _, e := range events {
		switch e.Kind {
		case "done", "skip":
			last[e.Step.Int32] = e.Kind
		case "problem":
			problems++
		case "pause":
			pausedAt = e.At
		case "resume":
			if !pausedAt.IsZero() {
				paused += e.At.Sub(pausedAt)
				pausedAt = time.Time{}
			}
		}
	}
	for _, k := range last {
		if k == "done" {
			done++
		} else {
			skipped++
		}
	}
	return done, skipped, problems, paused
}

// addWorkingDays counts n working days after the dossier is received: the
// day of t, or the next working day when t is on a weekend or after office
// hours (t in Vietnam time). Public holidays are not known to the bot, so a
// reminder may come a day early.
func addWorkingDays(t time.Time, n int) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	weekend := func(d time.Time) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }
	if weekend(d) || t.Hour() >= officeCloses {
		d = d.AddDate(0, 0, 1)
		for weekend(d) {
			d = d.AddDate(0, 0, 1)
		}
	}
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if !weekend(d) {
			n--
		}
	}
	return d
}
