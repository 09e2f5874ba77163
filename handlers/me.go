package handlers

import (
	"fmt"
	"strings"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// meList is how many procedures /me lists.
const meList = 10

// me is /me: a team member's own numbers — today, this week, this month,
// last month, this year, last year (when it has cases), all time — and
// their procedures. Only their own cases: the scope is the
// sender, whatever their role.
func (h *Handlers) me(r *request) error {
	if !r.member() {
		r.say(r.t.T("me.not_member"), nil)
		return nil
	}
	now := h.now()
	scope := storage.Scope{Volunteer: r.user.TelegramID}
	lines := []string{r.t.T("me.head", locales.Data{"Name": r.user.FirstName})}
	var all storage.Tally
	// Last month too: on the first days of a month, "this month" is empty
	// and the month just ended is the one a volunteer reports on. The same
	// for the year (the Youth Union's year-end review, in January): last
	// year's, named by its number, when it has cases.
	for _, code := range []string{"today", "week", "month", "lastmonth", "year", "lastyear", "all"} {
		p := periodOf(code, now)
		tl, err := r.tx.Tally(r.ctx, scope, p)
		if err != nil {
			return err
		}
		var label string
		switch {
		case code != "lastyear":
			label = r.t.T("tally.period_" + code)
		case tl.Cases == 0:
			continue
		default:
			label = r.t.T("me.year", locales.Data{"Year": p.From.Year()})
		}
		line := "me.line"
		if tl.Outcomes[storage.TallyNotNeeded] > 0 { // advised: neither done nor not done
			line = "me.line_not_needed"
		}
		lines = append(lines, r.t.T(line, locales.Data{"Period": label, "Cases": r.t.Num(tl.Cases), "Helped": r.t.Num(tl.Helped),
			"NotNeeded": r.t.Num(tl.Outcomes[storage.TallyNotNeeded])}))
		all = tl
	}
	open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
	if err != nil {
		return err
	}
	if all.Cases == 0 {
		lines = append(lines, "", r.t.T("me.none"))
		if open > 0 {
			lines = append(lines, r.t.N("case.open_cases", open))
		}
		r.say(strings.Join(lines, "\n"), nil)
		return nil
	}
	lines = append(lines, "", r.t.T("me.by_procedure"))
	for i, p := range all.Procedures[:min(meList, len(all.Procedures))] {
		lines = append(lines, fmt.Sprintf("%d. %s – %s", i+1, h.guideTitle(r.t, p.Guide), r.t.Num(p.Cases)))
	}
	if len(all.Procedures) > meList {
		lines = append(lines, r.t.T("me.and_more", locales.Data{"Count": len(all.Procedures) - meList}))
	}
	lines = append(lines, "", r.t.T("tally.median", locales.Data{"Time": spanText(r.t, all.MedianMinutes)}))
	if open > 0 {
		lines = append(lines, r.t.N("case.open_cases", open))
	}
	r.say(strings.Join(lines, "\n"), nil)
	return nil
}
