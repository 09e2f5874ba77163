package handlers

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Keeping the catalog true: volunteers flag a step that differs on the
// portal (casescreens.go); admins see the flags (/flags), mark them done once
// the guide is changed, and see which guides are due for a review (/guides).

const flagGroupsShown = 12

// guidesList is /guides: every guide with the day it was last checked and
// the day it must be checked again, soonest first (past-due ones first),
// with open flags.
func (h *Handlers) guidesList(r *request) error {
	if r.role != storage.RoleAdmin {
		r.say(r.t.T("flags.not_allowed"), nil)
		return nil
	}
	flags, err := r.tx.OpenFlagCounts(r.ctx)
	if err != nil {
		return err
	}
	now := h.now()
	past := h.guides.PastDue(now)
	lines := []string{r.t.N("guides.head", len(h.guides.All()), locales.Data{"Due": len(past)})}
	line := func(mark string, id, title, checked, review string) {
		l := r.t.T("guides.line", locales.Data{"Mark": mark, "Title": title, "Checked": checked, "Review": review})
		if n := flags[id]; n > 0 {
			l += " · " + r.t.N("flags.count", n)
		}
		lines = append(lines, l)
	}
	due := map[string]bool{}
	for _, g := range past {
		due[g.ID] = true
	}
	// By review date, soonest first: the past-due ones, then the next to
	// review (until review 23 the rest came in the catalog's order).
	all := slices.Clone(h.guides.All())
	slices.SortStableFunc(all, func(a, b *guides.Guide) int { return a.Review().Compare(b.Review()) })
	for _, g := range all {
		mark := "•"
		if due[g.ID] {
			mark = "⚠"
		}
		line(mark, g.ID, shortTitle(g.Title.In(r.t.Lang()), 40), r.t.Date(g.Checked()), r.t.Date(g.Review()))
	}
	// One message: a larger catalog's list ends with how many are left out
	// (past-due ones come first, so they are the last to go).
	text := strings.Join(lines, "\n")
	for n := len(lines) - 1; telegramLen(text) > maxMessage && n > 1; n-- {
		text = strings.Join(lines[:n], "\n") + "\n" + r.t.T("guides.and_more", locales.Data{"Count": len(lines) - n})
	}
	r.say(text, nil)
	return nil
}

// flagsList is /flags: the steps flagged as different on the portal, the
// most recently flagged first, each with a button to mark it done.
func (h *Handlers) flagsList(r *request) error {
	if r.role != storage.RoleAdmin {
		r.say(r.t.T("flags.not_allowed"), nil)
		return nil
	}
	text, kb, err := h.drawFlags(r)
	if err != nil {
		return err
	}
	r.show(text, kb)
	return nil
}

// drawFlags draws as many of the flagged steps as one message holds.
func (h *Handlers) drawFlags(r *request) (string, bot.Keyboard, error) {
	groups, err := r.tx.OpenFlags(r.ctx, flagGroupsShown)
	if err != nil {
		return "", nil, err
	}
	if len(groups) == 0 {
		return r.t.T("flags.none"), nil, nil
	}
	for n := len(groups); ; n-- {
		text, kb := h.flagsText(r, groups[:n])
		if n < len(groups) {
			text += "\n\n" + r.t.T("flags.and_more", locales.Data{"Count": len(groups) - n})
		}
		if telegramLen(text) <= maxMessage || n == 1 {
			return text, kb, nil
		}
	}
}

func (h *Handlers) flagsText(r *request, groups []storage.FlagGroup) (string, bot.Keyboard) {
	lang := r.t.Lang()
	lines := []string{r.t.T("flags.head")}
	var kb bot.Keyboard
	for _, g := range groups {
		title, stepTitle := g.GuideID, g.StepID
		if guide, ok := h.guides.Guide(g.GuideID); ok {
			title = shortTitle(guide.Title.In(lang), 32)
			for _, s := range guide.Steps {
				if s.ID == g.StepID {
					stepTitle = s.Title.In(lang)
				}
			}
		}
		counts := map[string]int{}
		for _, k := range g.Kinds {
			counts[k]++
		}
		var kinds []string
		for _, k := range storage.FlagKinds {
			if counts[k] > 0 {
				kinds = append(kinds, r.t.T("flag.short_"+k)+" ×"+itoa(counts[k]))
			}
		}
		lines = append(lines, "", r.t.T("flags.line", locales.Data{
			"Guide": title, "Step": g.Step, "StepTitle": stepTitle, "Count": r.t.N("flags.count", g.Count),
			"Kinds": strings.Join(kinds, ", "), "Latest": vnDay(r.t, g.Latest), "Versions": versionDays(r.t, g.Versions),
		}))
		for _, n := range g.Notes {
			lines = append(lines, "   “"+shortenAtWord(n, 120)+"”")
		}
		kb = append(kb, []bot.Button{{Text: r.t.T("flags.done_button", locales.Data{"Guide": shortTitle(title, 20), "Step": g.Step}),
			Data: callback{flow: flowFlags, action: "done", arg: g.GuideID + "/" + g.StepID + "/" + strconv.FormatInt(g.Newest, 10)}.String()}})
	}
	return strings.Join(lines, "\n"), kb
}

// versionDays writes the guide versions flagged (their checked-on days,
// YYYY-MM-DD) as the user's language writes days.
func versionDays(t *locales.Localizer, vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v
		if d, err := time.Parse(time.DateOnly, v); err == nil {
			out[i] = t.Date(d)
		}
	}
	return strings.Join(out, ", ")
}

// flagsPress marks a step's flags done and shows the list again. The button
// names the step and the newest flag shown, so it works whatever happened
// since, marks no flag made after the list was drawn (the list drawn again
// shows it), and a second tap marks nothing more.
func (h *Handlers) flagsPress(r *request, cb callback) error {
	if r.role != storage.RoleAdmin {
		r.answer(r.t.T("flags.not_allowed"))
		return nil
	}
	guide, step, ok := strings.Cut(cb.arg, "/")
	step, newest, _ := strings.Cut(step, "/")
	upTo, _ := strconv.ParseInt(newest, 10, 64) // none on a button drawn before it was named: all
	if cb.action != "done" || !ok {
		r.answer(r.t.T("button.done"))
		return nil
	}
	n, err := r.tx.ResolveFlags(r.ctx, guide, step, upTo, h.now())
	if err != nil {
		return err
	}
	r.answer(r.t.N("flags.resolved", n))
	text, kb, err := h.drawFlags(r)
	if err != nil {
		return err
	}
	r.show(text, kb)
	return nil
}
