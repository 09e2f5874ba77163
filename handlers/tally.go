package handlers

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/render"
	"github.com/dvcbot/dvcbot/reports"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// The tally flow (/tally, docs/reports.md): a coordinator picks a period
// (buttons or typed) and, when their scope is wider than a commune, a unit
// (buttons or a typed name, old names too); the bot answers with one text
// message, a bar chart and a spreadsheet. The unit is re-checked against
// the user's scope (storage.ScopeOf, Tx.ScopeCovers) on every press, every
// typed name and when the report is made: a forged or outdated button, or a
// role taken away meanwhile, shows nothing outside the scope.

// flowTally names the tally flow in conversation rows and callback data.
const flowTally = "t"

// Tally flow screens.
const (
	tallyPeriod = "period"
	tallyUnit   = "unit"
)

// tallyState is the flow's data in the conversation row.
type tallyState struct {
	Unit     string `json:"u,omitempty"` // "" the user's own scope; "all", "p<code>", "c<code>"
	Province string `json:"p,omitempty"` // the province whose communes the unit screen lists
	Page     int    `json:"pg,omitempty"`
	Query    string `json:"q,omitempty"` // a typed unit name
	// Typed: opened by words typed outside any flow (typedPeriod,
	// typedUnit), not by /tally: a text then that is no period and no
	// unit leaves the flow for the procedure search (tallyText), so that a
	// chat answered "tháng sau" is not kept on the period screen.
	Typed bool `json:"t,omitempty"`
	// Mistyped: opened by a period mistyped right after a report
	// (periodMistyped): a text then that finds no procedure is another
	// try at a period, answered here, not searched for (a typo made every
	// period typed after it a procedure search).
	Mistyped bool `json:"m,omitempty"`
	// Period: a period typed with a unit's name that found more than one
	// unit ("binh thanh tháng này"), or one by an old name: the unit
	// screen lists them as for the name alone, and the unit pressed makes
	// its report for this period (until review 24T: "I could not read
	// that period"). Back to the period screen leaves it.
	Period *storage.Period `json:"pd,omitempty"`
	// AfterQuarter: opened by a year typed right after the report of a
	// quarter (tallyAfter.Quarter), this quarter: the year is that
	// quarter's (quarterOfYear).
	AfterQuarter int `json:"aq,omitempty"`
	// Report: opened right after a report (typedUnit, typedPeriod,
	// periodMistyped), Unit being the report's. A period typed on a list
	// of several units a name found there ("phuong 12", then "tháng 10")
	// counts Unit, as it would have on the report: until review 29 it was
	// answered "press a unit in the list first".
	Report bool `json:"r,omitempty"`
	// Drawn is when the screen was drawn by a press (the bot's clock, Unix
	// milliseconds; only with a tap guard): a period pressed too soon
	// after is the second tap of a double tap on the screen before
	// (tooSoon).
	Drawn int64 `json:"dr,omitempty"`
	// By: what the report is asked by (byProcedure, byVolunteer, byUnit;
	// splitBy), its section listed at length; "" for ten of each.
	By string `json:"by,omitempty"`
}

// tallyAfter is what a report leaves in the chat's conversation once the
// flow has ended (storage.Tx.KeepAfterFlow): the unit the report on screen
// counted, as tallyState.Unit, so that a period typed next counts that
// unit again rather than the user's whole scope. The weekly digest, a
// report too, leaves its own; a flow begun since (/tally among them)
// replaces it, and so a period typed then counts what /tally offers.
// It is honoured only for reportOnScreenFor after the report (At), and a
// command forgets it (forgetReport).
type tallyAfter struct {
	Report string `json:"tally_report,omitempty"`
	// Made: a report is on screen (whatever its unit), so that a
	// commune's name typed next is offered as a unit (typedUnit).
	Made bool `json:"tally_made,omitempty"`
	// At: when the report was made (or the digest sent).
	At time.Time `json:"tally_at"`
	// Quarter: the report counted a quarter, this one (1–4): a year typed
	// next is that quarter of that year ("quý 4", then "2025": Q4/2025).
	Quarter int `json:"tally_quarter,omitempty"`
}

// reportOnScreenFor is how long after a report a period or a commune's
// name typed is read as about that report: a coordinator sitting with it,
// asking for another period or commune, does so within minutes; one who
// comes back hours or days later (or on the Monday of a weekly digest
// read at noon) means their own unit, as /tally offers it.
const reportOnScreenFor = 30 * time.Minute

// reportOnScreen is the report the chat has on screen (tallyAfter): none
// when the chat is in a flow, or the report is older than
// reportOnScreenFor. A "received?" question open about a dossier the
// chat follows (a coordinator's own, or a relative's) reads no typed
// text: the report is the one noted beside it (receivedState).
func (h *Handlers) reportOnScreen(r *request) (tallyAfter, error) {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if errors.Is(err, storage.ErrNotFound) {
		return tallyAfter{}, nil
	}
	if err != nil {
		return tallyAfter{}, err
	}
	switch {
	case readsNoText(conv):
		var st receivedState
		if err := conv.Decode(&st); err != nil {
			return tallyAfter{}, err
		}
		conv.Data = st.Note
	case conv.Flow != "":
		return tallyAfter{}, nil
	}
	var after tallyAfter
	if err := conv.Decode(&after); err != nil {
		return tallyAfter{}, err
	}
	if !after.Made || h.now().Sub(after.At) > reportOnScreenFor {
		return tallyAfter{}, nil
	}
	return after, nil
}

// reportAskedAgain is the report on screen that "/tally args" asks
// about: args a period ("/tally tuần trước" after Bến Thành's report is
// Bến Thành's last week, as "tuần trước" alone is); none for /tally alone,
// whose screen names the unit it counts (their own), or a unit's name.
func (h *Handlers) reportAskedAgain(r *request, args string) (tallyAfter, error) {
	args = strings.TrimSpace(args)
	if args == "" {
		return tallyAfter{}, nil
	}
	if _, problem := parsePeriod(args, h.now()); problem == "tally.bad_period" {
		return tallyAfter{}, nil
	}
	return h.reportOnScreen(r)
}

// forgetReport forgets the report on screen when the chat turns to
// something else (a command): a period or a commune typed after /help or
// /me is their own unit's, as /tally would count it.
func (h *Handlers) forgetReport(r *request) error {
	after, err := h.reportOnScreen(r)
	if err != nil || !after.Made {
		return err
	}
	return r.tx.KeepAfterFlow(r.ctx, r.chat, struct{}{})
}

// unitCode is a scope's unit code, as tallyState.Unit holds it.
func unitCode(s storage.Scope) string {
	switch {
	case s.Commune != "":
		return "c" + s.Commune
	case s.Province != "":
		return "p" + s.Province
	}
	return "all"
}

// Period buttons, by code.
var tallyPeriodCodes = []string{"today", "week", "month", "lastmonth", "year", "all"}

// tallyView is where the chat stands in the tally flow.
type tallyView struct {
	*request
	h     *Handlers
	step  string
	st    tallyState
	ver   int
	scope storage.Scope // what the user may count
	said  string        // how the period typed was read, said in the report (quarterOfYear)
}

type (
	tallyScreen = screen[*tallyView]
	tallyAction = action[*tallyView]
)

var tallyScreenOrder = []string{tallyPeriod, tallyUnit}

// tallyScreens is the tally flow, screen by screen (docs/reports.md draws
// its graph).
var tallyScreens map[string]tallyScreen

func init() {
	cancel := tallyAction{to: []string{leadsNowhere}, do: func(v *tallyView, _ string) error { return endFlow(v.request, v.t.T("tally.cancelled")) }}
	// A typed text is a period, else a unit's name.
	typedText := &tallyAction{to: []string{leadsNowhere, tallyPeriod, tallyUnit}, do: func(v *tallyView, text string) error { return v.typed(text) }}
	tallyScreens = map[string]tallyScreen{
		tallyPeriod: {
			draw: func(v *tallyView) (string, bot.Keyboard, error) {
				name, err := v.h.scopeName(v.ctx, v.tx, v.t, v.unit())
				if err != nil {
					return "", nil, err
				}
				var buttons []bot.Button
				for _, code := range tallyPeriodCodes {
					buttons = append(buttons, v.button(v.t.T("tally.period_"+code), "p", code))
				}
				kb := grid(buttons, 2)
				last := []bot.Button{v.button(v.t.T("button.cancel"), "cancel", "")}
				if v.canPick() {
					last = append([]bot.Button{v.button(v.t.T("tally.change_unit"), "unit", "")}, last...)
				}
				return v.t.T("tally.choose_period", locales.Data{"Unit": name}), append(kb, last), nil
			},
			on: map[string]tallyAction{
				"p": {once: true, to: []string{leadsNowhere, tallyPeriod}, do: func(v *tallyView, code string) error {
					if !slices.Contains(tallyPeriodCodes, code) {
						return v.show("")
					}
					return v.report(periodOf(code, v.h.now()))
				}},
				"unit": {to: []string{tallyUnit}, do: func(v *tallyView, _ string) error {
					st := v.st
					st.Query, st.Page, st.Province = "", 0, v.scope.Province
					return v.goTo(tallyUnit, st)
				}},
				"cancel": cancel,
			},
			typed: typedText,
		},
		tallyUnit: {
			draw: drawTallyUnit,
			on: map[string]tallyAction{
				"u": {to: []string{leadsNowhere, tallyPeriod, tallyUnit}, do: func(v *tallyView, arg string) error {
					ok, err := v.tx.ScopeCovers(v.ctx, v.scope, unitScope(arg, v.scope))
					if err != nil {
						return err
					}
					if !ok || !validUnit(arg) {
						v.answer(v.t.T("tally.unit_not_allowed"))
						return v.show("")
					}
					if p := v.st.Period; p != nil { // typed with the name: its report
						v.st.Unit, v.st.Query, v.st.Page, v.st.Province = arg, "", 0, ""
						return v.report(*p)
					}
					st := v.st
					st.Unit, st.Query, st.Page = arg, "", 0
					return v.goTo(tallyPeriod, st)
				}},
				"q": {once: true, to: []string{leadsNowhere, tallyPeriod, tallyUnit}, do: func(v *tallyView, _ string) error {
					p, ok := barePeriod(v.st.Query, v.h.now())
					if !ok {
						return v.show("")
					}
					return v.report(p)
				}},
				"prov": {to: []string{tallyUnit}, do: func(v *tallyView, code string) error {
					ok, err := v.tx.ScopeCovers(v.ctx, v.scope, storage.Scope{Province: code})
					if err != nil {
						return err
					}
					if !ok || code == "" {
						v.answer(v.t.T("tally.unit_not_allowed"))
						return v.show("")
					}
					return v.goTo(tallyUnit, tallyState{Unit: v.st.Unit, Province: code})
				}},
				"page": {to: []string{tallyUnit}, do: func(v *tallyView, arg string) error {
					st := v.st
					st.Page, _ = strconv.Atoi(arg)
					st.Page = max(st.Page, 0)
					return v.goTo(tallyUnit, st)
				}},
				"back": {to: []string{tallyPeriod, tallyUnit}, do: func(v *tallyView, _ string) error {
					st := v.st
					if st.Query == "" && st.Province != "" && st.Province != v.scope.Province {
						st.Province, st.Page = "", 0 // an admin back to the provinces
						return v.goTo(tallyUnit, st)
					}
					st.Query, st.Page, st.Province, st.Period = "", 0, "", nil
					return v.goTo(tallyPeriod, st)
				}},
				"cancel": cancel,
			},
			typed: typedText,
		},
	}
}

// drawTallyUnit lists the units the user may pick: the results of a typed
// name, the communes of a province (with the province itself first), or,
// for an admin, the country and its provinces.
func drawTallyUnit(v *tallyView) (string, bot.Keyboard, error) {
	var kb bot.Keyboard
	var text string
	switch {
	case v.st.Query != "":
		// A province's name, or a merged one's ("binh duong"), offers the
		// province first; communes of that name follow.
		p, found, allowed, err := v.typedProvince(v.st.Query)
		if err != nil {
			return "", nil, err
		}
		ms, err := v.allowedMatches(v.st.Query, found)
		if err != nil {
			return "", nil, err
		}
		text = v.t.T("tally.unit_results", locales.Data{"Query": v.st.Query})
		if found && allowed {
			kb = append(kb, []bot.Button{v.button(v.t.T("tally.whole_province", locales.Data{"Province": p.Name}), "u", "p"+p.Code)})
			key := "tally.unit_results_province"
			if len(ms) == 0 { // no commune of that name: not "or a commune" (until review 26A)
				key = "tally.unit_results_province_only"
			}
			text = v.t.T(key, locales.Data{"Query": v.st.Query})
		}
		if len(ms) > searchResults { // more than are listed: say so, as /invite does
			ms = ms[:searchResults]
			text = v.t.T("tally.unit_results_more", locales.Data{"Count": searchResults}) + "\n" + text
		}
		switch {
		case found && !allowed: // communes of theirs named so, the province not theirs
			note, err := v.notTheirs(p)
			if err != nil {
				return "", nil, err
			}
			text = note + "\n\n" + text
		case found:
			text = v.mergedNote(p) + text
		}
		if q, ok := barePeriod(v.st.Query, v.h.now()); ok && v.st.Period == nil {
			// "Q4": Quận 4's communes, or the quarter, for the unit on —
			// named: typed on a province's list, the unit on may be
			// another (an admin's whole country), as the report then says.
			unit, err := v.h.scopeName(v.ctx, v.tx, v.t, v.unit())
			if err != nil {
				return "", nil, err
			}
			// Its year in its data: a press once "Q4" means another
			// quarter (typed on 30/9, pressed on 1/10) is out of date, the
			// list drawn again with the button naming the new one; until
			// review 33C it counted the new one under the old label.
			kb = append(kb, []bot.Button{v.button(v.t.T("tally.bare_period", locales.Data{"Period": periodLabel(v.t, q), "Unit": unit}), "q", strconv.Itoa(q.From.In(vietnam).Year()))})
		}
		// A line for each commune's button, in its order (until review
		// 26A only those found by an old name had one: "go vap" said 5
		// communes above 6 buttons, Phường Gò Vấp's not said).
		listed, buttons := communeList(v.t, ms, func(m storage.CommuneMatch) bot.Button { return v.button(m.FullName(), "u", "c"+m.Code) })
		text += listed
		kb = append(kb, buttons...)
		if v.st.Period != nil {
			text += "\n\n" + v.t.T("tally.period_kept", locales.Data{"Period": periodLabel(v.t, *v.st.Period)})
		}
	case v.st.Province != "":
		p, err := v.tx.Province(v.ctx, v.st.Province)
		if err != nil {
			return "", nil, err
		}
		cs, total, err := v.tx.Communes(v.ctx, v.st.Province, v.st.Page*communesPerPage, communesPerPage)
		if err != nil {
			return "", nil, err
		}
		kb = append(kb, []bot.Button{v.button(v.t.T("tally.whole_province", locales.Data{"Province": p.Name}), "u", "p"+p.Code)})
		buttons := make([]bot.Button, len(cs))
		for i, c := range cs {
			buttons[i] = v.button(c.Name, "u", "c"+c.Code)
		}
		kb = append(kb, grid(buttons, 2)...)
		pages := pages(total, communesPerPage)
		nav := pageRow(v.t, v.st.Page, v.st.Page+1 < pages, func(label, p string) bot.Button { return v.button(label, "page", p) })
		if nav != nil {
			kb = append(kb, nav)
		}
		text = v.t.T("tally.choose_commune", locales.Data{"Province": p.Name, "Page": v.st.Page + 1, "Pages": pages})
	default: // only an admin gets here: a province coordinator's list is their province
		provinces, err := provinceGrid(v.request, func(name, code string) bot.Button { return v.button(name, "prov", code) })
		if err != nil {
			return "", nil, err
		}
		kb = append(kb, []bot.Button{v.button(v.t.T("tally.country"), "u", "all")})
		kb = append(kb, provinces...)
		text = v.t.T("tally.choose_province")
	}
	return text, append(kb, []bot.Button{v.button(v.t.T("button.back"), "back", ""), v.button(v.t.T("button.cancel"), "cancel", "")}), nil
}

func (v *tallyView) button(label, action, arg string) bot.Button {
	return bot.Button{Text: label, Data: callback{flow: flowTally, action: action, arg: arg, version: v.ver}.String()}
}

// canPick says whether the user may pick another unit than their own.
func (v *tallyView) canPick() bool { return v.scope.Commune == "" && v.scope.Volunteer == 0 }

// unit is the scope the flow counts now.
func (v *tallyView) unit() storage.Scope { return unitScope(v.st.Unit, v.scope) }

// unitScope reads a unit code ("" the user's own scope, "all", "p<code>",
// "c<code>"); it checks nothing: ScopeCovers does.
func unitScope(code string, own storage.Scope) storage.Scope {
	switch {
	case code == "":
		return own
	case code == "all":
		return storage.Scope{}
	case strings.HasPrefix(code, "p"):
		return storage.Scope{Province: code[1:]}
	case strings.HasPrefix(code, "c"):
		return storage.Scope{Commune: code[1:]}
	}
	return storage.Scope{Volunteer: -1} // covered by nobody's scope
}

// validUnit says whether a unit code from a button is well formed.
func validUnit(code string) bool {
	return code == "all" || (len(code) > 1 && (code[0] == 'p' || code[0] == 'c'))
}

func (v *tallyView) goTo(step string, st tallyState) error { return v.goToNote(step, st, "") }

// tooSoon tells whether a press of the button labelled label, one that
// makes a report (tallyAction.once), came too soon after its screen was
// drawn (WithTapGuard): the periods fill the rows where the unit list's
// communes were, and the second tap of a double tap on a commune made a
// report of the period under the finger, ending the flow (until review
// 31C). Such a press is answered by a pop-up asking that it be made
// again, and the screen stays as it is.
func (v *tallyView) tooSoon(label string) bool {
	return v.h.tooSoon(v.request, drawnAt(v.st.Drawn), "tally.too_soon", label)
}

// goToNote is goTo with note above the screen.
func (v *tallyView) goToNote(step string, st tallyState, note string) error {
	if v.h.tapGuard > 0 {
		st.Drawn = v.h.now().UnixMilli()
	}
	version, err := v.tx.SaveConversation(v.ctx, v.chat, flowTally, step, st, v.liveMessage())
	if err != nil {
		return err
	}
	v.step, v.st, v.ver = step, st, version
	return v.draw(note)
}

// show draws the view's step in front of the user, with note above it: in
// place of the pressed message, or as a new message at a new version, as
// the invite flow's screens are (inviteView.show).
func (v *tallyView) show(note string) error {
	if v.liveMessage() == 0 {
		version, err := v.tx.SaveConversation(v.ctx, v.chat, flowTally, v.step, v.st, 0)
		if err != nil {
			return err
		}
		v.ver = version
	}
	return v.draw(note)
}

// draw draws the view's step, saved at v.ver, with note above it
// (redrawing).
func (v *tallyView) draw(note string) error {
	if err := v.redrawing(flowTally, v.ver); err != nil {
		return err
	}
	return showScreen(v.request, v.step, tallyScreens[v.step], v, note)
}

// allowedMatches are the communes a typed name finds that the user may
// count: at most searchResults, and one more when there are more.
// province: the name is a province's (typedProvince), theirs or not.
func (v *tallyView) allowedMatches(query string, province bool) ([]storage.CommuneMatch, error) {
	ms, err := v.tx.SearchCommunes(v.ctx, query, v.scope.Province, 50)
	if err != nil {
		return nil, err
	}
	// A province's name asks for that province: only a commune whose own
	// name holds it (Phường Bình Dương for "binh duong") is offered too.
	// The communes whose labels hold it as their province's name ("tp
	// hcm": every commune of the city, "… Thành phố Hồ Chí Minh"; "binh
	// duong": every commune of the old province) were listed eight at
	// random below the whole province, under "more than 8 match" (until
	// review 22); another province's name ("binh dinh") listed a commune
	// of theirs it found only loosely (Xã Định An, Huyện Dầu Tiếng, Tỉnh
	// Bình Dương), which hid the answer that the province is not theirs
	// (until review 17).
	if province {
		ms = slices.DeleteFunc(ms, func(m storage.CommuneMatch) bool { return m.Rank > 0 })
	}
	var out []storage.CommuneMatch
	for _, m := range ms {
		ok, err := v.tx.ScopeCovers(v.ctx, v.scope, storage.Scope{Commune: m.Code})
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, m)
		}
		if len(out) > searchResults {
			break
		}
	}
	return out, nil
}

// typedProvince is the province a typed text names, by its name or the
// name of a province merged into it in 2025 (storage.ProvinceNamed), and
// whether the user may count it.
func (v *tallyView) typedProvince(text string) (p storage.ProvinceMatch, found, allowed bool, err error) {
	p, found, err = storage.ProvinceNamed(text)
	if err != nil || !found || !v.canPick() {
		return p, found, false, err
	}
	allowed, err = v.tx.ScopeCovers(v.ctx, v.scope, storage.Scope{Province: p.Code})
	return p, found, allowed, err
}

// mergedNote says, above the answer, which province a merged one is part
// of now ("Bình Dương nay thuộc Thành phố Hồ Chí Minh…"); nothing for a
// province's current name.
func (v *tallyView) mergedNote(p storage.ProvinceMatch) string {
	if p.Old == "" {
		return ""
	}
	return formerProvince(v.t, p) + "\n\n"
}

// formerProvince says which province a name of before 2025 is now: one
// merged into it ("Bình Dương nay thuộc…") or its own former name
// ("Thừa Thiên Huế nay là Thành phố Huế…").
func formerProvince(t *locales.Localizer, p storage.ProvinceMatch) string {
	key := "tally.province_merged"
	if p.Renamed {
		key = "tally.province_renamed"
	}
	return t.T(key, locales.Data{"Old": p.Old, "Province": p.Name})
}

// notTheirs says that province p is not the user's to count, and what is:
// another province, or for a commune's coordinator the whole of theirs.
func (v *tallyView) notTheirs(p storage.ProvinceMatch) (string, error) {
	own, err := v.h.scopeName(v.ctx, v.tx, v.t, v.scope)
	if err != nil {
		return "", err
	}
	key := "tally.province_not_allowed"
	if v.scope.Commune != "" {
		c, err := v.tx.Commune(v.ctx, v.scope.Commune)
		if err != nil {
			return "", err
		}
		if c.ProvinceCode == p.Code {
			key = "tally.whole_province_not_allowed"
		}
	}
	return v.mergedNote(p) + v.t.T(key, locales.Data{"Province": p.Name, "Own": own}), nil
}

// typed takes a period ("11/2026", "tuần trước") or, failing that, a
// commune's name.
func (v *tallyView) typed(text string) error {
	if rest, by := splitBy(text); by != "" {
		v.st.By = by // kept for the period pressed or typed next
		if rest == "" {
			key := "tally.by_kept"
			if v.step == tallyUnit { // a unit to pick first (pick_unit_first)
				key = "tally.by_kept_unit"
			}
			return v.goToNote(v.step, v.st, v.t.T(key, locales.Data{"By": v.t.T("tally.by_" + by)}))
		}
		text = rest
	}
	if p, problem, ok := v.quarterOfYear(text); ok { // "Q4", then "2025": Q4/2025
		if problem != "" {
			return v.show(v.t.T(problem))
		}
		v.st.Query, v.st.Page, v.st.Province, v.st.AfterQuarter = "", 0, "", 0
		return v.report(p)
	}
	p, problem := parsePeriod(text, v.h.now())
	if problem == "" && v.step == tallyUnit {
		return v.periodOnUnitScreen(p)
	}
	if problem == "" {
		return v.report(p)
	}
	if problem == "tally.bad_period" && v.step == tallyUnit && utf8.RuneCountInString(text) > maxQuery {
		// The screen asks for a commune's name: said as /invite says it
		// (until 2026-12-05 "I could not read that period").
		return v.show(v.t.T("invite.query_too_long", locales.Data{"Max": maxQuery}))
	}
	if problem != "tally.bad_period" || privacy.Meaningless(text) || utf8.RuneCountInString(text) > maxQuery {
		return v.show(v.t.T(problem))
	}
	if name, _, refused, err := v.splitNameAndPeriod(text, true); err != nil || name != "" {
		if err != nil {
			return err
		}
		return v.show(v.t.T(refused)) // a unit's name with a period to come, or not on the calendar
	}
	if privacy.HasDate(text) || privacy.PersonalData(text) != "" {
		// Dates the period reader did not take ("sau 1/11/2026") are a
		// period mistyped, not a resident's birth date: the period's
		// examples, which show nothing back — whether or not the privacy
		// checks read them as a rule's date ("từ 1/11/2026 đến hết
		// tháng", review 23p2). Anything else is a resident's data in the
		// wrong field: refused, neither kept nor shown back.
		if privacy.PersonalData(privacy.WithoutDates(text)) == "" {
			return v.show(v.t.T(problem))
		}
		if v.step != tallyUnit && !v.canPick() { // a commune's count: no unit to type here
			return v.show(v.t.T("tally.period_personal"))
		}
		return v.show(v.t.T("case.unit_personal"))
	}
	// A commune and a period typed together ("ben thanh tháng này"):
	// that commune's report. Until review 23h the commune was lost under
	// "I could not read that period".
	if m, p, ok, err := v.unitAndPeriod(text); err != nil || ok {
		if err != nil {
			return err
		}
		v.st.Unit, v.st.Query, v.st.Page, v.st.Province, v.st.Period = "c"+m.Code, "", 0, "", nil
		return v.report(p)
	}
	// Else a name that finds several units, or one by an old name
	// ("binh thanh tháng này", "phuong 12 go vap tháng này"), or one not
	// theirs: answered as the name alone, the period kept for the unit
	// pressed (until review 24T: "I could not read that period").
	if name, p, ok, err := v.nameAndPeriod(text); err != nil || ok {
		if err != nil {
			return err
		}
		return v.typedName(name, &p, problem)
	}
	return v.typedName(text, v.st.Period, problem)
}

// typedName takes text typed as a unit's name (problem: why it is no
// period); pending is a period typed with it, or kept from such a text on
// the unit screen (tallyState.Period), for the unit picked: its report.
func (v *tallyView) typedName(text string, pending *storage.Period, problem string) error {
	prov, found, allowed, err := v.typedProvince(text)
	if err != nil {
		return err
	}
	ms, err := v.allowedMatches(text, found)
	if err != nil {
		return err
	}
	m, ok := exactCommune(text, ms)
	if !ok && !found {
		if m, ok, err = v.ownCommuneNamed(text, ms); err != nil {
			return err
		}
	}
	note := ""
	if !ok && !found && v.canPick() {
		// The one commune the words find well ("ben thanh", "ben nghe":
		// Phường Sài Gòn by its old name), as with a period typed too
		// (unitAndPeriod). Until review 33C a list of one button to press,
		// where a province's name went straight (review 32B).
		if m, ok = onlyFoundWell(ms); ok && !m.IsCurrent {
			note = v.t.T("tally.commune_old_name", locales.Data{"Old": m.Label, "Commune": m.FullName()})
		}
	}
	if ok {
		// Its name typed whole ("Phường Bến Thành"): picked, not listed
		// among the communes whose old names hold its words; or a commune
		// coordinator's own commune, found better than any other; or the
		// only one found well.
		st := v.st
		st.Unit, st.Query, st.Page, st.Province, st.Period = "c"+m.Code, "", 0, "", nil
		if pending != nil {
			v.st = st
			return v.report(*pending)
		}
		return v.goToNote(tallyPeriod, st, note)
	}
	if allowed && len(ms) == 0 && (prov.Old == "" || prov.Renamed) {
		// A province of theirs named whole, and no commune of that name:
		// that province, as a commune named whole is — its period screen,
		// or the report of the period typed with it. Until review 32B a
		// list of one button ("Cả Thành phố Hồ Chí Minh") to press. A
		// province merged into it ("binh duong") is still offered on a
		// list, which says what it is part of now.
		st := v.st
		st.Unit, st.Query, st.Page, st.Province, st.Period = "p"+prov.Code, "", 0, "", nil
		if pending != nil {
			v.st = st
			return v.report(*pending)
		}
		return v.goToNote(tallyPeriod, st, strings.TrimSpace(v.mergedNote(prov)))
	}
	if len(ms) > 0 || allowed {
		return v.goTo(tallyUnit, tallyState{Unit: v.st.Unit, Query: text, Typed: v.st.Typed, Period: pending, Report: v.st.Report})
	}
	if p, ok := barePeriod(text, v.h.now()); ok && pending == nil { // no Quận 3 of theirs: the quarter
		return v.report(p)
	}
	if pending == nil && bareQuarterText.MatchString(vntext.Fold(text)) {
		// "Q5", and no Quận 5 of theirs: a quarter not on the calendar,
		// not "the communes matching Q5 are not yours" (until review 28).
		return v.show(v.t.T(noSuchQuarter))
	}
	if found { // a province not theirs, and no commune of theirs of that name
		note, err := v.notTheirs(prov)
		if err != nil {
			return err
		}
		return v.show(note)
	}
	// A name found only outside the scope is refused as such: the user
	// learns nothing of it but that it is not theirs. Only a name found
	// whole, in order: a text that finds one loosely ("cả năm": Xã Năm
	// Căn, Cà Mau) was likely no name at all.
	all, err := v.tx.SearchCommunes(v.ctx, text, "", 1)
	if err != nil {
		return err
	}
	if len(all) > 0 && all[0].Rank <= 1 {
		note, err := v.communeNotAllowed(text)
		if err != nil {
			return err
		}
		return v.show(note)
	}
	// A name with a slip of the finger ("phuong go vpa") is read as one,
	// on the period screen too, unless it has a period's word in it, or one
	// a slip away ("tahng nay" is no Phường An Thắng): until review 23h it
	// was answered there "I could not read that period", as if a period had
	// been meant.
	if v.step == tallyUnit || !periodish(text) {
		if read, err := v.readTypo(text, v.step != tallyUnit); err != nil || read {
			return err
		}
	}
	if v.step == tallyUnit { // the screen asked for a name: it found none
		return v.show(v.t.T("tally.unit_none", locales.Data{"Query": text}))
	}
	return v.show(v.t.T(problem))
}

// ownCommuneNamed is a commune's coordinator's own commune (ms: the
// communes of theirs the text finds, theirs alone) when the words find
// it better than any other commune of the whole country: "phuong 12 go
// vap", its old name with its kind, or "an hoi tay", is that commune,
// not a list of one to press (until review 30); "go vap", which finds
// Phường Gò Vấp by its own name, is still listed, the list saying why
// theirs is offered.
func (v *tallyView) ownCommuneNamed(text string, ms []storage.CommuneMatch) (storage.CommuneMatch, bool, error) {
	if v.canPick() || len(ms) != 1 || ms[0].Rank > 2 {
		return storage.CommuneMatch{}, false, nil
	}
	all, err := v.tx.SearchCommunes(v.ctx, text, "", searchResults)
	if err != nil {
		return storage.CommuneMatch{}, false, err
	}
	for _, m := range all { // another found as well ("an hoi tay": Phường Hội An Tây, Đà Nẵng, found less well)
		if m.Code != ms[0].Code && m.Rank <= ms[0].Rank {
			return storage.CommuneMatch{}, false, nil
		}
	}
	return ms[0], true, nil
}

// unitAndPeriod reads text as a commune the user may count and a period,
// typed one after the other, either first ("ben thanh tháng này",
// "tháng 11/2026, Bến Thành"): the commune named whole (exactCommune), or
// the only one of the scope the words find well, and the period.
func (v *tallyView) unitAndPeriod(text string) (storage.CommuneMatch, storage.Period, bool, error) {
	words := strings.Fields(text)
	trim := func(ws []string) string { return strings.Trim(strings.Join(ws, " "), " ,;:-–") }
	for i := 1; i < len(words); i++ {
		for _, pair := range [][2]string{{trim(words[:i]), trim(words[i:])}, {trim(words[i:]), trim(words[:i])}} {
			unit, period := pair[0], pair[1]
			p, problem := parsePeriod(period, v.h.now())
			if problem != "" || unit == "" {
				continue
			}
			if _, found, err := storage.ProvinceNamed(unit); err != nil || found {
				return storage.CommuneMatch{}, p, false, err
			}
			ms, err := v.allowedMatches(unit, false)
			if err != nil {
				return storage.CommuneMatch{}, p, false, err
			}
			ms = slices.DeleteFunc(ms, func(m storage.CommuneMatch) bool { return m.Rank > 1 })
			if m, ok := exactCommune(unit, ms); ok {
				return m, p, true, nil
			}
			if len(ms) == 1 && !v.canPick() {
				// A commune's coordinator's own, when the words find no
				// other as well, as typed alone (until review 30 "go vap
				// tháng này" was their report, "go vap" a list).
				m, ok, err := v.ownCommuneNamed(unit, ms)
				if err != nil || ok {
					return m, p, ok, err
				}
				continue
			}
			if len(ms) == 1 {
				return ms[0], p, true, nil
			}
		}
	}
	return storage.CommuneMatch{}, storage.Period{}, false, nil
}

// nameAndPeriod reads text as a unit's name and a period typed one after
// the other, either first, as unitAndPeriod does, when the name names
// something typed alone: a province (theirs or not), communes of theirs
// whose names hold its words whole ("binh thanh", "phuong 12 go vap": old
// Phường 12, Quận Gò Vấp), or one outside their scope named so (refused
// as typed alone). Words that find communes of theirs only begun ("ca
// tháng này": Xã Cần Giờ, Phường Cát Lái…) are no name.
func (v *tallyView) nameAndPeriod(text string) (string, storage.Period, bool, error) {
	name, p, problem, err := v.splitNameAndPeriod(text, false)
	return name, p, name != "" && problem == "", err
}

// splitNameAndPeriod is nameAndPeriod; refused, it reads a period the
// bot cannot count too ("ben thanh tháng sau": to come; "an hội tây
// 31/11/2026": no such day), and says its problem, as for the period
// typed alone (until review 24T: "I could not read that period").
func (v *tallyView) splitNameAndPeriod(text string, refused bool) (string, storage.Period, string, error) {
	words := strings.Fields(text)
	trim := func(ws []string) string { return strings.Trim(strings.Join(ws, " "), " ,;:-–") }
	for i := 1; i < len(words); i++ {
		for _, pair := range [][2]string{{trim(words[:i]), trim(words[i:])}, {trim(words[i:]), trim(words[:i])}} {
			name, period := pair[0], pair[1]
			p, problem := parsePeriod(period, v.h.now())
			if (problem == "") == refused || problem == "tally.bad_period" || name == "" || periodWordsOnly(name) {
				continue
			}
			if ok, err := v.namesUnit(name); err != nil || ok {
				return name, p, problem, err
			}
		}
	}
	return "", storage.Period{}, "", nil
}

// namesUnit says whether name, typed with a period, names what it names
// typed alone: a province, communes of theirs whose names hold its words
// whole, or one outside their scope named so.
func (v *tallyView) namesUnit(name string) (bool, error) {
	_, found, _, err := v.typedProvince(name)
	if err != nil || found {
		return found, err
	}
	ms, err := v.allowedMatches(name, false)
	if err != nil {
		return false, err
	}
	if len(ms) > 0 { // found only begun: no name
		return slices.ContainsFunc(ms, func(m storage.CommuneMatch) bool { return m.Rank <= 2 }), nil
	}
	all, err := v.tx.SearchCommunes(v.ctx, name, "", 1)
	return err == nil && len(all) > 0 && all[0].Rank <= 1, err
}

// periodWordsOnly says whether a text is only words of a period
// ("tháng", "tháng tuần"): no unit's name. Until review 32B "tháng năm
// ngoái" was read as a commune "tháng" and the period "năm ngoái": "Các
// xã/phường khớp “tháng”…", or communes with "Thắng" in their names to
// choose from, last year kept.
func periodWordsOnly(text string) bool {
	words := vntext.Words(text)
	for _, w := range words {
		if !slices.Contains(periodVocabulary, w) && !slices.Contains(periodTails, w) {
			return false
		}
	}
	return len(words) > 0
}

// periodTails are words that end a period's words ("năm ngoái", "tháng
// vừa rồi", "tuần trước nữa"), folded: with periodVocabulary's, no unit's
// name (periodWordsOnly).
var periodTails = strings.Fields("ngoai vua roi nua nay")

// periodVocabulary are the words of a period typed (periodWords), folded.
var periodVocabulary = strings.Fields("thang tuan quy qui nam ngay hom nay truoc sau qua dau cuoi tu den toi mai kia " +
	"month months week weeks year years quarter day days today yesterday tomorrow this last next since from ytd mtd qtd")

// periodish says whether text has a word of a period in it, or, of four
// letters or more, one a slip away from one ("tahng", "thsi", "quyy"):
// text the period screen could not read was then a period mistyped, not
// a commune's name with a slip in it.
func periodish(text string) bool {
	for _, w := range vntext.Words(text) {
		for _, p := range periodVocabulary {
			if w == p || len(w) >= 4 && len(p) >= 3 && storage.Slips(w, p, 1) {
				return true
			}
		}
	}
	return false
}

// oneWordMended says whether read, a reading of text (CorrectCommuneQuery),
// differs from it in one word only, as many words long.
func oneWordMended(text, read string) bool {
	a, b := vntext.Words(text), vntext.Words(read)
	if len(a) != len(b) {
		return false
	}
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return n <= 1
}

// communeNotAllowed says that the communes a typed name finds are not the
// user's to count, and what is: the commune by its name when the name
// finds one best ("ben thanh": Phường Bến Thành, Thành phố Hồ Chí Minh),
// else the words typed. Until review 22 it said only "That unit is
// outside what you may see", where a province not theirs was named, and
// what they may see too (notTheirs).
func (v *tallyView) communeNotAllowed(query string) (string, error) {
	own, err := v.h.scopeName(v.ctx, v.tx, v.t, v.scope)
	if err != nil {
		return "", err
	}
	ms, err := v.tx.SearchCommunes(v.ctx, query, "", 2)
	if err != nil {
		return "", err
	}
	if len(ms) == 1 || len(ms) == 2 && ms[1].Rank > ms[0].Rank {
		return v.t.T("tally.commune_not_allowed", locales.Data{"Unit": ms[0].FullName(), "Own": own}), nil
	}
	return v.t.T("tally.communes_not_allowed", locales.Data{"Query": query, "Own": own}), nil
}

// readTypo reads a name typed on the unit screen that found nothing as a
// slip of the finger ("an hoi tey"), as /invite does
// (storage.CorrectCommuneQuery): the unit screen for the reading one typo
// away within the user's scope, saying which was read; a reading that
// finds a commune only outside it is refused as that commune typed right
// is. It says whether it read one (until review 22 only /invite did: the
// same slip here found nothing).
//
// strict, on the period screen, which did not ask for a name, takes only
// a reading that mends one word of the text ("phuong go vpa"): words that
// are no name at all are read as one more often than not ("khai sinh":
// "hai binh").
func (v *tallyView) readTypo(text string, strict bool) (bool, error) {
	note := func(read string) string {
		return v.t.T("invite.typo", locales.Data{"Query": text, "Read": read})
	}
	read, err := v.tx.CorrectCommuneQuery(v.ctx, text, v.scope.Province)
	if err != nil {
		return false, err
	}
	if read != "" && (!strict || oneWordMended(text, read)) {
		_, found, allowed, err := v.typedProvince(read)
		if err != nil {
			return false, err
		}
		ms, err := v.allowedMatches(read, found)
		if err != nil {
			return false, err
		}
		if len(ms) > 0 || allowed {
			return true, v.goToNote(tallyUnit, tallyState{Unit: v.st.Unit, Query: read, Typed: v.st.Typed, Period: v.st.Period, Report: v.st.Report}, note(read))
		}
	}
	if v.scope.Province == "" && v.scope.Commune == "" { // an admin's reading was everywhere
		return false, nil
	}
	if read, err = v.tx.CorrectCommuneQuery(v.ctx, text, ""); err != nil || read == "" || strict && !oneWordMended(text, read) {
		return false, err
	}
	all, err := v.tx.SearchCommunes(v.ctx, read, "", 1)
	if err != nil || len(all) == 0 || all[0].Rank > 1 {
		return false, err
	}
	refused, err := v.communeNotAllowed(read)
	if err != nil {
		return false, err
	}
	return true, v.show(note(read) + "\n" + refused)
}

// periodOnUnitScreen takes a period typed on the unit screen, the unit
// not yet pressed: the one commune a typed name listed is counted (it was
// the only match, and the report names it); with more units to choose
// from the screen asks to choose first. Until review 21t the unit the
// screen was opened from (the whole province) was counted in silence.
//
// The screen of a bare "Q4" offers the quarter for the unit the flow is
// on (drawTallyUnit): another period typed there is counted for that unit
// too, as on the period screen. Until review 25A it was refused ("press a
// unit first") until Back was pressed. So on a list a name typed right
// after a report found (tallyState.Report): the report's unit, as the
// period would have counted on the report (until review 29 "press a unit
// first").
func (v *tallyView) periodOnUnitScreen(p storage.Period) error {
	if _, ok := barePeriod(v.st.Query, v.h.now()); ok && v.st.Period == nil {
		v.st.Query, v.st.Page, v.st.Province = "", 0, ""
		return v.report(p)
	}
	if m, ok, err := v.onlyListed(); err != nil || ok {
		if err != nil {
			return err
		}
		v.st.Unit, v.st.Query, v.st.Page, v.st.Province = "c"+m.Code, "", 0, ""
		return v.report(p)
	}
	if v.st.Report && v.st.Period == nil { // a list a name typed after a report found: the report's unit
		v.st.Query, v.st.Page, v.st.Province = "", 0, ""
		return v.report(p)
	}
	return v.show(v.t.T("tally.pick_unit_first"))
}

// onlyListed is the one commune the unit screen lists for a typed name,
// if it lists just that one (no province, no quarter, no other commune:
// drawTallyUnit).
func (v *tallyView) onlyListed() (storage.CommuneMatch, bool, error) {
	if v.st.Query == "" {
		return storage.CommuneMatch{}, false, nil
	}
	if _, ok := barePeriod(v.st.Query, v.h.now()); ok {
		return storage.CommuneMatch{}, false, nil
	}
	_, found, allowed, err := v.typedProvince(v.st.Query)
	if err != nil || (found && allowed) {
		return storage.CommuneMatch{}, false, err
	}
	ms, err := v.allowedMatches(v.st.Query, found)
	if err != nil || len(ms) != 1 {
		return storage.CommuneMatch{}, false, err
	}
	return ms[0], true, nil
}

// onlyFoundWell is the commune ms holds when it holds one (by one name or
// several) and found it well: the typed words whole and in their order in
// a name (searchRank 0 or 1), as unitAndPeriod takes one with a period.
// Its match by its current name is preferred, else its best.
func onlyFoundWell(ms []storage.CommuneMatch) (storage.CommuneMatch, bool) {
	var best storage.CommuneMatch
	found := false
	for _, m := range ms {
		if m.Code != ms[0].Code {
			return storage.CommuneMatch{}, false
		}
		if m.Rank <= 1 && (!found || m.IsCurrent && !best.IsCurrent) {
			best, found = m, true
		}
	}
	return best, found
}

// exactCommune is the one commune of ms whose name, or name and
// province, text is (diacritics, case and punctuation aside).
func exactCommune(text string, ms []storage.CommuneMatch) (storage.CommuneMatch, bool) {
	folded := vntext.Fold(text)
	var found []storage.CommuneMatch
	for _, m := range ms {
		if (folded == vntext.Fold(m.Name) || folded == vntext.Fold(m.FullName())) &&
			!slices.ContainsFunc(found, func(f storage.CommuneMatch) bool { return f.Code == m.Code }) {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		return storage.CommuneMatch{}, false
	}
	return found[0], true
}

// bareQuarterText is a quarter typed without its year after "q" ("Q3",
// "q 4"), folded: Quận 3 to the commune search (parsePeriod leaves it to
// it), the quarter to whom no commune of theirs has that name.
var bareQuarterText = regexp.MustCompile(`^q ?(\d|i{1,3}|iv)$`)

// yearText is a bare year, in figures ("2025"), folded: all a year typed
// right after a quarter may be read as that quarter's (quarterOfYear). A
// year asked for in words ("năm 2025", "year 2025", "cả năm 2025") is the
// whole year (until review 27H "năm 2025" after "quý 4" was Q4/2025).
var yearText = regexp.MustCompile(`^(\d{4})$`)

// quarterOfYear reads text as the year of the quarter just asked for:
// the bare quarter ("Q4") the screen was opened by (drawTallyUnit: its
// button "📅 I meant Q4/2026"), or the quarter of the report made right
// before (tallyState.AfterQuarter: "quý 4" reports at once). One who typed
// "Q4" or "quý 4" and then "2025" means Q4/2025, for the unit the flow is
// on, not the whole year (until review 26A after "Q4", review 27C after
// "quý 4"); the report says how it read the year (v.said), and how to ask
// for the whole year ("cả năm 2025"). ok says whether text was such a
// year; problem is the quarter's, to come or before 2020. After any other
// step (a unit pressed, another name typed, another report) a year is
// the whole year still.
func (v *tallyView) quarterOfYear(text string) (p storage.Period, problem string, ok bool) {
	y := yearText.FindStringSubmatch(vntext.Fold(text))
	if y == nil {
		return storage.Period{}, "", false
	}
	quarter := ""
	switch {
	case v.step == tallyPeriod && v.st.AfterQuarter >= 1 && v.st.AfterQuarter <= 4:
		quarter = strconv.Itoa(v.st.AfterQuarter)
	case v.step == tallyUnit && v.st.Period == nil:
		q := bareQuarterText.FindStringSubmatch(vntext.Fold(v.st.Query))
		if q == nil {
			return storage.Period{}, "", false
		}
		if _, isQuarter := barePeriod(v.st.Query, v.h.now()); !isQuarter {
			return storage.Period{}, "", false
		}
		quarter = q[1]
	default:
		return storage.Period{}, "", false
	}
	p, problem = parsePeriod("quy "+quarter+" "+y[1], v.h.now())
	if problem == "" {
		v.said = v.t.T("tally.quarter_of_year", locales.Data{"Year": y[1], "Quarter": quarterNumber(p), "Period": periodLabel(v.t, p)})
	}
	return p, problem, true
}

// quarterNumber is the quarter (1–4) period p is, whole, or 0 when it is
// no calendar quarter: what a year typed next completes (tallyAfter).
func quarterNumber(p storage.Period) int {
	from := p.From.In(vietnam)
	if p.From.IsZero() || !p.To.Equal(from.AddDate(0, 3, 0)) || !from.Equal(quarterOf(from)) {
		return 0
	}
	return int(from.Month()-1)/3 + 1
}

// bareMonthText is a month's number typed alone ("11"), folded: the old
// Phường 11 of many districts to the commune search, the month to whom no
// commune of theirs had that name (barePeriod).
var bareMonthText = regexp.MustCompile(`^(0?[1-9]|1[0-2])$`)

// barePeriod is the quarter a bare "Q3" names, or the month a bare "11"
// does, if text is one: read as /tally's screen reads it, the period
// unless a commune of theirs is named so (Quận 3, Phường 11), and then
// offered beside those communes. Until review 29 a bare month's number was
// a commune's name only: "/tally 11" told a commune's coordinator that
// the communes matching "11" were not theirs.
func barePeriod(text string, now time.Time) (storage.Period, bool) {
	folded := vntext.Fold(text)
	word := ""
	if m := bareQuarterText.FindStringSubmatch(folded); m != nil {
		word = "quy " + m[1]
	} else if m := bareMonthText.FindStringSubmatch(folded); m != nil {
		word = "thang " + m[1]
	} else {
		return storage.Period{}, false
	}
	p, problem := parsePeriod(word, now)
	return p, problem == ""
}

// report ends the flow with the tally of the unit for period p.
func (v *tallyView) report(p storage.Period) error {
	unit := v.unit()
	ok, err := v.tx.ScopeCovers(v.ctx, v.scope, unit)
	if err != nil {
		return err
	}
	if !ok {
		// The unit picked is no longer theirs (their role changed while the
		// screen was open). Their own unit's figures in its place, said only
		// by the report's first line, were easily forwarded as the unit's
		// asked for: they are told, and asked again for their own.
		name, err := v.h.scopeName(v.ctx, v.tx, v.t, unit)
		if err != nil {
			return err
		}
		version, err := v.tx.SaveConversation(v.ctx, v.chat, flowTally, tallyPeriod, tallyState{}, v.liveMessage())
		if err != nil {
			return err
		}
		v.step, v.st, v.ver = tallyPeriod, tallyState{}, version
		return v.draw(v.t.T("tally.unit_gone", locales.Data{"Unit": name}))
	}
	if err := v.unbuttonOwnAbove(flowTally); err != nil { // typed: the report goes below, the flow ends
		return err
	}
	if err := v.tx.EndConversation(v.ctx, v.chat); err != nil {
		return err
	}
	// A unit picked: a period typed next counts it again.
	// A quarter's: a year typed next is that quarter's (quarterOfYear).
	if err := v.tx.KeepAfterFlow(v.ctx, v.chat, tallyAfter{Report: v.st.Unit, Made: true, At: v.h.now(), Quarter: quarterNumber(p)}); err != nil {
		return err
	}
	text, more, err := v.h.tallyParts(v.ctx, v.tx, v.chat, v.t, unit, p, v.said, v.st.By, true)
	if err != nil {
		return err
	}
	v.landed = leadsNowhere
	v.request.show(text, nil)
	v.replies = append(v.replies, more...)
	return nil
}

// tallyStartAt is /tally from state st; words after it ("/tally tháng
// 10") are read as if typed on its first screen. Its unit (a unit code,
// "" the user's own scope; the report on screen's for "/tally tuần
// trước", reportAskedAgain) is checked against the user's scope when the
// report is made.
func (h *Handlers) tallyStartAt(r *request, args string, st tallyState) error {
	scope, ok := h.tallyScope(r)
	if !ok {
		return nil
	}
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return err
	}
	version, err := r.tx.SaveConversation(r.ctx, r.chat, flowTally, tallyPeriod, st, 0)
	if err != nil {
		return err
	}
	v := &tallyView{request: r, h: h, step: tallyPeriod, st: st, ver: version, scope: scope}
	if args = strings.TrimSpace(args); args != "" {
		return v.typed(args)
	}
	return v.draw("")
}

// typedPeriod makes the report when a coordinator types a period outside
// any flow (the next one, once a report is made): it says whether it did.
// It counts the unit of the report on screen (tallyAfter): a commune
// picked on /tally, and then "tuần trước", is that commune's last week,
// not the whole province's. A bare "Q4" goes to /tally as typed there
// (barePeriod). Anyone else's words, and words that are no period, are
// left to the procedure search.
func (h *Handlers) typedPeriod(r *request) (bool, error) {
	scope, ok := storage.ScopeOf(r.user, r.role == storage.RoleAdmin)
	if !ok || scope.Volunteer != 0 {
		return false, nil
	}
	// A period to come ("tháng sau", "12/2027") or reversed is a period
	// too: answered as /tally answers it, not looked for as a procedure
	// ("no procedure matches “next month”"). One not on the calendar or
	// over before 2020 is still searched: "13/2023", "45/2020" may be a
	// decree's number.
	// A period with what it is asked by ("tháng này theo thủ tục"), as
	// the period alone (typed reads both).
	// The words alone ("theo thủ tục", to see the report on screen by
	// procedure) are kept on /tally's period screen, as "/tally theo thủ
	// tục" keeps them: until review 36D they were searched as a procedure.
	text := r.text
	rest, by := splitBy(text)
	if by != "" && rest != "" {
		text = rest
	}
	if _, problem := parsePeriod(text, h.now()); (by == "" || rest != "") && problem != "" && problem != "tally.period_future" && problem != "tally.period_reversed" {
		// A bare "Q4": read as /tally reads it (typed), the quarter unless
		// a commune of theirs is of Quận 4. So a unit's name and a period
		// ("an hội tây tuần trước", "binh thanh tháng này"), searched as a
		// procedure until review 24T.
		if _, ok := barePeriod(text, h.now()); !ok {
			if named, err := h.namedWithPeriod(r, scope, text); err != nil || !named {
				return false, err
			}
		}
	}
	after, err := h.reportOnScreen(r)
	if err != nil {
		return false, err
	}
	if !after.Made && bareMonthText.MatchString(vntext.Fold(strings.TrimSpace(r.text))) {
		return false, nil // a number alone, no report on screen: no month asked for
	}
	st := tallyState{Unit: after.Report, Typed: true, Report: after.Made}
	if yearText.MatchString(vntext.Fold(strings.TrimSpace(r.text))) {
		st.AfterQuarter = after.Quarter // "quý 4" reported, then "2025": Q4/2025
	}
	return true, h.tallyStartAt(r, r.text, st)
}

// namedWithPeriod says whether r.text is a unit's name and a period typed
// together, as /tally's screen reads them (unitAndPeriod, nameAndPeriod),
// words that find a procedure aside. text is r.text without what the
// report is asked by ("An Hội Tây tháng 11 theo thủ tục": until review 36D
// searched as a procedure).
func (h *Handlers) namedWithPeriod(r *request, scope storage.Scope, text string) (bool, error) {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > maxQuery || privacy.PersonalData(privacy.WithoutDates(text)) != "" {
		return false, nil
	}
	v := &tallyView{request: r, h: h, step: tallyPeriod, scope: scope}
	_, _, ok, err := v.unitAndPeriod(text)
	if err == nil && !ok {
		_, _, ok, err = v.nameAndPeriod(text)
	}
	if err != nil || !ok {
		return false, err
	}
	return !h.namesProcedure(text), nil
}

// periodMistyped answers a coordinator's text typed right after a report
// (reportOnScreen) that is no period, no unit of theirs and finds no
// procedure ("tahng này", "thsi month"): a period mistyped. It is
// answered as /tally's screen answers it ("I could not read that
// period"), on that screen for the report's unit (Mistyped), so that the
// period typed next makes its report; it says whether it did. Words that
// find a procedure, or ask of none ("phí dịch vụ"), are still searched,
// and a resident's data is left to the search's refusal.
func (h *Handlers) periodMistyped(r *request) (bool, error) {
	scope, ok := storage.ScopeOf(r.user, r.role == storage.RoleAdmin)
	if !ok || scope.Volunteer != 0 {
		return false, nil
	}
	text := strings.TrimSpace(r.text)
	if !h.triedPeriod(text) {
		return false, nil
	}
	after, err := h.reportOnScreen(r)
	if err != nil || !after.Made {
		return false, err
	}
	return true, h.tallyStartAt(r, text, tallyState{Unit: after.Report, Typed: true, Mistyped: true, Report: true})
}

// triedPeriod says whether text, not read as a period, may be a try at
// one: no small talk, dossier code, resident's data or procedure's name.
// A month not on the calendar or before 2020 ("13/2023", "45/2019") may
// be a decree's number: searched, as typedPeriod leaves it; but one asked
// for in a period's words ("quý 5", "tháng 13", "quý 1 2019"), and a year
// asked for with no year ("cả năm"), is a period tried whatever procedure
// its words find (until review 27H "cả năm" found a civil-status guide).
func (h *Handlers) triedPeriod(text string) bool {
	if privacy.Meaningless(text) || utf8.RuneCountInString(text) > maxQuery || guides.Courtesy(text) != guides.NotCourtesy ||
		h.typedCode(text) || privacy.PersonalData(privacy.WithoutDates(text)) != "" {
		return false
	}
	_, problem := parsePeriod(text, h.now())
	if problem != "" && periodAttemptText.MatchString(vntext.Fold(text)) {
		return true
	}
	// So is a date not on the calendar that no decree is numbered as
	// ("32/12", "31/02/2026", "0/2026"): "no procedure matches" answered
	// such a slip of the finger until review 28.
	misdated := notOnCalendar(problem) && !decreeNumber.MatchString(strings.TrimSpace(text))
	if problem != "tally.bad_period" && !misdated {
		return false
	}
	return !h.namesProcedure(text) // the search last: the dearest
}

// decreeNumber is text shaped as a legal document's number and year
// ("13/2023", as Nghị định 13/2023/NĐ-CP), searched even where it may be
// a month not on the calendar.
var decreeNumber = regexp.MustCompile(`^[1-9]\d{0,2}/(?:19|20)\d{2}$`)

// periodAttemptText is text, folded, that can be nothing but a period
// asked for: a quarter or a month by its word and number, with or without
// a year ("quý 5", "q5/2026", "tháng 13", "month 13", "quý 1 2019"); a
// year by its word ("năm 2019", "cả năm 2019"); the whole year with no
// year said ("cả năm", "whole year").
var periodAttemptText = regexp.MustCompile(`^(?:` +
	`(?:quy|qui|q|quarter|thang|month|t) ?\d{1,2}(?: (?:nam |year )?\d{4})?` +
	`|(?:ca|whole|full|all|entire|the whole|the full) (?:nam|year)` +
	`|(?:(?:ca|whole|full|all|entire|the whole|the full) )?(?:nam|year) \d{4}` +
	`)$`)

// namesProcedure says whether text is for the procedure search: it finds
// a procedure, or asks of none ("phí dịch vụ") or names only whom for
// ("chồng", "chồng Hàn") or is fillers only ("thủ tục", "là gì"): the
// search says to name one.
func (h *Handlers) namesProcedure(text string) bool {
	q := shorten(text, maxQuery)
	return len(h.guides.Search(q)) > 0 || h.guides.AsksOfNoProcedure(q) || h.guides.ForWhomOnly(q) || h.guides.ForeignSpouseOnly(q) ||
		h.guides.OnlyFillers(q)
}

// typedUnit offers a commune's report when a coordinator who may pick a
// unit (a province's, an administrator) types its name outside any flow
// right after a report ("Bến Thành" after the province's): /tally opens on
// the communes of theirs it names, as if typed there. A commune of theirs
// named whole (storage.CommunesNamed: "binh thanh", "Hòa Bình") is that
// unit; other words only when they are none for the search
// (namesProcedure), so that a procedure's words are still searched. Until review 29 a whole name that
// the procedure search also found something for — its words loosely, or a
// typo away: "binh thanh" found the household business's "kinh … thành
// lập", and so did a third of the country's communes' names — was searched
// as a procedure. Anyone else's words, or with no report on screen, are
// left to the search too.
func (h *Handlers) typedUnit(r *request) (bool, error) {
	scope, ok := storage.ScopeOf(r.user, r.role == storage.RoleAdmin)
	if !ok || scope.Volunteer != 0 || scope.Commune != "" {
		return false, nil
	}
	text := strings.TrimSpace(r.text)
	if privacy.Meaningless(text) || utf8.RuneCountInString(text) > maxQuery || privacy.PersonalData(text) != "" {
		return false, nil
	}
	after, err := h.reportOnScreen(r)
	if err != nil || !after.Made {
		return false, err
	}
	named, err := r.tx.CommunesNamed(r.ctx, scope.Province, "", text)
	if err != nil {
		return false, err
	}
	if len(named) == 0 && h.namesProcedure(text) {
		// Words for the search: "thủ tục" is no slip of "Thủ Đức", nor
		// "là gì" La Gi (until review 31D, when they found no procedure).
		return false, nil
	}
	ms, err := r.tx.SearchCommunes(r.ctx, text, scope.Province, searchResults)
	if err != nil {
		return false, err
	}
	for _, m := range ms {
		if m.Rank > 1 {
			break
		}
		ok, err := r.tx.ScopeCovers(r.ctx, scope, storage.Scope{Commune: m.Code})
		if err != nil {
			return false, err
		}
		if ok {
			return true, h.tallyStartAt(r, text, tallyState{Unit: after.Report, Typed: true, Report: true})
		}
	}
	return false, nil
}

// tallyScope is what the user may count with /tally; it answers those who
// may not (a volunteer is pointed to /me).
func (h *Handlers) tallyScope(r *request) (storage.Scope, bool) {
	scope, ok := storage.ScopeOf(r.user, r.role == storage.RoleAdmin)
	switch {
	case ok && scope.Volunteer == 0:
		return scope, true
	case r.role == storage.RoleVolunteer:
		r.show(r.t.T("tally.use_me"), nil)
	default:
		r.show(r.t.T("tally.not_allowed"), nil)
	}
	return storage.Scope{}, false
}

// tallyPress moves the flow on by a button.
func (h *Handlers) tallyPress(r *request, cb callback) error {
	if ended, err := h.tallyEnded(r); ended || err != nil {
		return err
	}
	conv, ok, err := flowOf(r, flowTally)
	if !ok {
		return err
	}
	v, err := h.tallyView(r, conv)
	if v == nil || err != nil {
		return err
	}
	if olderCopy(r, conv, cb) {
		return nil
	}
	if gone, err := v.pickGone(); gone || err != nil {
		return err
	}
	return press(h, r, flowTally, v.step, tallyScreens[v.step], v, conv, cb)
}

// pickGone takes one who may no longer pick a unit (a province's
// coordinator made a commune's meanwhile) off the unit screen, whose every
// button they would be refused, to the period screen of their own unit,
// said why; it reports whether it did. A commune's coordinator's own
// commune listed for a name they typed ("an hoi tay", "phuong 12 go vap")
// is theirs to press: until review 24T its press answered that their role
// had changed.
func (v *tallyView) pickGone() (bool, error) {
	if v.step != tallyUnit || v.canPick() {
		return false, nil
	}
	if v.st.Query != "" {
		_, found, _, err := v.typedProvince(v.st.Query)
		if err != nil {
			return false, err
		}
		ms, err := v.allowedMatches(v.st.Query, found)
		if err != nil || len(ms) > 0 {
			return false, err
		}
	}
	version, err := v.tx.SaveConversation(v.ctx, v.chat, flowTally, tallyPeriod, tallyState{Typed: v.st.Typed}, v.liveMessage())
	if err != nil {
		return true, err
	}
	v.step, v.st, v.ver = tallyPeriod, tallyState{Typed: v.st.Typed}, version
	if v.liveMessage() == 0 { // typed: the list above loses its buttons, the screen comes below
		if err := v.unbuttonOwnAbove(flowTally); err != nil {
			return true, err
		}
	}
	return true, v.draw(v.t.T("tally.pick_gone"))
}

// tallyAgain draws the tally screen the chat is on again as a new
// message, below an answer given while it was open (/help, /start, /me,
// /lang: caseBelow), where it stood; the copy above loses its buttons. One
// who may no longer count is told so by tallyView, and the flow ends; one
// who may no longer pick a unit gets their own unit's period screen
// (pickGone).
func (h *Handlers) tallyAgain(r *request, conv storage.Conversation) error {
	v, err := h.tallyView(r, conv)
	if v == nil || err != nil {
		return err
	}
	v.cb = nil // a new message, not in place of the language question pressed
	if gone, err := v.pickGone(); gone || err != nil {
		return err // no list of units they may no longer pick
	}
	return v.show("")
}

// tallyEnded answers a press on a tally screen whose flow has ended (its
// user removed from the team meanwhile, or the screen left behind): its
// buttons go, and one who may no longer count is told why, not only that
// the button is finished.
func (h *Handlers) tallyEnded(r *request) (bool, error) {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return false, err
	}
	if conv.Flow == flowTally {
		return false, nil
	}
	scope, ok := storage.ScopeOf(r.user, r.role == storage.RoleAdmin)
	switch {
	case ok && scope.Volunteer == 0:
		r.answer(r.t.T("button.done"))
	case r.role == storage.RoleVolunteer:
		r.answer(r.t.T("tally.use_me"))
	default:
		r.answer(r.t.T("tally.not_allowed"))
	}
	if m := r.cb.Message.Message; m != nil && m.ReplyMarkup != nil && len(m.ReplyMarkup.InlineKeyboard) > 0 {
		r.replies = append(r.replies, bot.EditButtons{ChatID: r.chat, MessageID: m.ID})
	}
	return true, nil
}

// tallyText takes a typed answer in the flow.
func (h *Handlers) tallyText(r *request, conv storage.Conversation) error {
	v, err := h.tallyView(r, conv)
	if v == nil || err != nil {
		return err
	}
	if v.st.Typed {
		// Opened by words typed outside any flow: words that are no period
		// and no unit ("khai sinh" after "tháng sau") are looked for as a
		// procedure, as they were before the flow began.
		text := strings.TrimSpace(r.text)
		// Small talk and a dossier code leave a screen a mistyped period
		// opened, as they would have left the report ("cảm ơn", a code
		// within its case's 30 minutes).
		other := v.st.Mistyped && (guides.Courtesy(text) != guides.NotCourtesy || h.typedCode(text))
		if !other {
			var err error
			if other, err = v.neitherPeriodNorUnit(r.text); err != nil {
				return err
			}
			if other && v.st.Mistyped && h.triedPeriod(text) {
				other = false // another try at a period: answered on the screen
			}
		}
		if other {
			if err := r.unbuttonOwnAbove(flowTally); err != nil {
				return err
			}
			if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
				return err
			}
			return h.searchGuides(r)
		}
	}
	if gone, err := v.pickGone(); gone || err != nil {
		return err
	}
	_, err = typed(h, r, flowTally, v.step, tallyScreens[v.step], v)
	return err
}

// neitherPeriodNorUnit says whether text is no period (nor a period
// mistyped) and names no unit the flow would list or refuse: no province,
// no unit with a period, and no commune of the user's scope however
// loosely (allowedMatches, as /tally's own screen reads a name: "Thành
// Bến", "Bến Th").
func (v *tallyView) neitherPeriodNorUnit(text string) (bool, error) {
	if _, problem := parsePeriod(text, v.h.now()); problem != "tally.bad_period" || privacy.PersonalData(text) != "" {
		return false, nil
	}
	if _, ok := barePeriod(text, v.h.now()); ok {
		return false, nil
	}
	if _, found, err := storage.ProvinceNamed(text); err != nil || found {
		return false, err
	}
	// A unit and a period typed together ("ben thanh tuần này"), as the
	// screen reads them (typed): until review 30 searched as a procedure
	// on a list such words had opened.
	if _, _, ok, err := v.unitAndPeriod(text); err != nil || ok {
		return false, err
	}
	for _, refused := range []bool{false, true} {
		if name, _, _, err := v.splitNameAndPeriod(text, refused); err != nil || name != "" {
			return false, err
		}
	}
	ms, err := v.allowedMatches(text, false)
	if err != nil || len(ms) > 0 || periodish(text) {
		return len(ms) == 0, err
	}
	// A commune of theirs with a slip in its name ("phuong go vpa"), as
	// the screen reads it (readTypo): until review 23h it was searched as
	// a procedure. A reading found only outside the scope is not theirs to
	// be told of here: such words are still searched.
	read, err := v.tx.CorrectCommuneQuery(v.ctx, text, v.scope.Province)
	if err != nil || read == "" || !oneWordMended(text, read) {
		return true, err
	}
	ms, err = v.allowedMatches(read, false)
	return len(ms) == 0, err
}

// tallyView reads the flow's state from the conversation, with what the
// user may count now: nil, the flow ended, when that is nothing
// (tallyScope said why).
func (h *Handlers) tallyView(r *request, conv storage.Conversation) (*tallyView, error) {
	scope, ok := h.tallyScope(r)
	if !ok {
		return nil, r.tx.EndConversation(r.ctx, r.chat)
	}
	var st tallyState
	step, err := stepOf(conv, &st, tallyScreens, tallyPeriod)
	if err != nil {
		return nil, err
	}
	return &tallyView{request: r, h: h, step: step, st: st, ver: conv.Version, scope: scope}, nil
}

// TallyReplies is the weekly digest's replies: a unit's tally for a period
// as replies to a chat — the text, headed as the digest (tallyMessage), the
// bar chart and the spreadsheet (only the text when nothing was counted).
// The caller has checked that the chat may see scope.
func (h *Handlers) TallyReplies(ctx context.Context, tx *storage.Tx, chat int64, lang string, scope storage.Scope, period storage.Period) ([]bot.Reply, error) {
	text, more, err := h.tallyParts(ctx, tx, chat, h.texts.For(lang), scope, period, "", "", false)
	if err != nil {
		return nil, err
	}
	return append([]bot.Reply{bot.Message{ChatID: chat, Text: text}}, more...), nil
}

// tallyParts makes the report's text and, when cases were counted, the
// chart and the spreadsheet; when none were, the text alone, which says so
// when asked (until review 23 /tally sent a spreadsheet of zeros: a
// province's 168 communes, none with a case). said is how the period typed
// was read, said below the report's first line ("2025" right after a
// quarter's report: that quarter of 2025), or ""; by is what the report
// was asked by (tallyState.By), or "".
func (h *Handlers) tallyParts(ctx context.Context, tx *storage.Tx, chat int64, t *locales.Localizer, scope storage.Scope, period storage.Period, said, by string, asked bool) (string, []bot.Reply, error) {
	whole := period // as asked, before fromFirstCase shortens it
	period, note, err := fromFirstCase(ctx, tx, t, scope, period)
	if err != nil {
		return "", nil, err
	}
	tl, err := tx.Tally(ctx, scope, period)
	if err != nil {
		return "", nil, err
	}
	// Cases started in the period asked, not only since the first closed:
	// one still open from before it is not counted yet either.
	if tl.Unfinished, err = tx.UnfinishedCases(ctx, scope, whole); err != nil {
		return "", nil, err
	}
	if tl.Namesakes, err = namesakes(ctx, tx, tl); err != nil {
		return "", nil, err
	}
	if err := tx.MarkVolunteers(ctx, tl.Volunteers); err != nil {
		return "", nil, err
	}
	if by == byMonth && tl.Cases > 0 {
		if tl.Months, err = tx.CasesByMonth(ctx, scope, period); err != nil {
			return "", nil, err
		}
	}
	unit, err := h.scopeName(ctx, tx, t, scope)
	if err != nil {
		return "", nil, err
	}
	when := periodLabel(t, period)
	if scope.Province != "" && scope.Commune == "" {
		// A province's communes without a case are counted too: the ones
		// to ask about are the ones that did nothing.
		all, _, err := tx.Communes(ctx, scope.Province, 0, 10000)
		if err != nil {
			return "", nil, err
		}
		counted := map[string]bool{}
		for _, c := range tl.Communes {
			counted[c.Code] = true
		}
		for _, c := range all {
			if !counted[c.Code] {
				tl.Communes = append(tl.Communes, storage.CommuneCount{Code: c.Code, Name: c.Name, ProvinceCode: c.ProvinceCode, ProvinceName: c.ProvinceName})
			}
		}
	}
	shown := periodAsOf(t, period, when, h.now()) // the text and the chart travel alone
	hint := ""
	if tl.Cases == 0 && asked {
		if hint, err = h.emptyHint(ctx, tx, t, scope); err != nil {
			return "", nil, err
		}
	}
	text := h.tallyMessage(t, tl, unit, shown, strings.TrimSpace(said+"\n"+note), hint, by, asked)
	if tl.Cases == 0 {
		return text, nil, nil
	}
	png, err := render.BarChart(h.tallyChart(t, tl, unit, shown, by))
	if err != nil {
		return "", nil, err
	}
	more := []bot.Reply{bot.Photo{ChatID: chat, Name: "dvcbot-chart.png", Data: png, Caption: unit + " – " + shown}}
	var buf bytes.Buffer
	if err := reports.WriteXLSX(&buf, h.tallySheets(ctx, tx, t, tl, unit, when, shown, note),
		reports.WithDateFormats(t.T("format.sheet_date"), t.T("format.sheet_date_time"))); err != nil {
		return "", nil, err
	}
	name := "dvcbot-" + slug(unit) + "-" + periodSlug(t, period) + ".xlsx"
	caption := t.T("tally.document_caption", locales.Data{"Unit": unit, "Period": shown})
	if note := h.caseListLeftOut(t, tl); note != "" {
		caption += "\n" + note
	}
	more = append(more, bot.Document{ChatID: chat, Name: name, Data: buf.Bytes(), Caption: caption})
	return text, more, nil
}

// fromFirstCase is a period that begins before the bot may have figures
// (figuresFrom: "từ 2019 đến nay") counted from the day the scope's first
// case closed — the same cases, a span that says when they begin — or,
// none having closed by its end, from the beginning; with the note that
// says so (none for any other period, returned as it is).
func fromFirstCase(ctx context.Context, tx *storage.Tx, t *locales.Localizer, scope storage.Scope, p storage.Period) (storage.Period, string, error) {
	if p.From.IsZero() || !p.From.Before(figuresFrom) {
		return p, "", nil
	}
	first, err := tx.FirstClosed(ctx, scope)
	if err != nil {
		return p, "", err
	}
	asked := t.Date(p.From.In(vietnam))
	if first.IsZero() || !first.Before(p.To) {
		return storage.Period{To: p.To}, t.T("tally.before_figures_none", locales.Data{"Asked": asked}), nil
	}
	p.From = dayOf(first)
	return p, t.T("tally.before_figures", locales.Data{"Asked": asked, "First": t.Date(p.From)}), nil
}

// emptyHint is what a report that counted nothing suggests to type next:
// the day the scope's last case closed and a period that holds it — this
// year when it closed this year, else from the beginning —; "" when none
// has closed (any period would be as empty). Until review 34 it suggested
// "tháng này, năm nay" whatever was asked, this month's empty report too.
func (h *Handlers) emptyHint(ctx context.Context, tx *storage.Tx, t *locales.Localizer, scope storage.Scope) (string, error) {
	last, err := tx.LastClosed(ctx, scope)
	if err != nil || last.IsZero() {
		return "", err
	}
	key := "tally.empty_try_all"
	if last.In(vietnam).Year() == h.now().In(vietnam).Year() {
		key = "tally.empty_try_year"
	}
	return t.T(key, locales.Data{"Day": t.Date(last.In(vietnam))}), nil
}

// scopeName names a scope for people: a commune with its province, a
// province, the whole country, or a volunteer's own cases.
func (h *Handlers) scopeName(ctx context.Context, tx *storage.Tx, t *locales.Localizer, s storage.Scope) (string, error) {
	switch {
	case s.Commune != "":
		c, err := tx.Commune(ctx, s.Commune)
		return c.FullName(), err
	case s.Province != "":
		p, err := tx.Province(ctx, s.Province)
		return p.Name, err
	case s.Volunteer != 0:
		return t.T("tally.own_cases"), nil
	}
	return t.T("tally.country"), nil
}

func (h *Handlers) guideTitle(t *locales.Localizer, id string) string {
	if g, ok := h.guides.Guide(id); ok {
		return g.Title.In(t.Lang())
	}
	return id
}

// tallyMessage is the report's text, within one Telegram message: the
// lists are cut shorter until it fits. Not asked for, it is the weekly
// digest, which comes on a Monday unasked: it says so, and how to stop it.
func (h *Handlers) tallyMessage(t *locales.Localizer, tl storage.Tally, unit, when, note, hint, by string, asked bool) string {
	head := ""
	if !asked {
		head = t.T("digest.head") + "\n"
	}
	for n := 10; ; n-- {
		text := head + h.tallyTextWith(t, tl, unit, when, note, hint, by, n, asked)
		if telegramLen(text) <= maxMessage || n <= 1 {
			return text
		}
	}
}

// byRows is how many times more rows than the others' the list a report
// is asked by shows (tallyState.By): forty of 168 communes, where the
// message's length allows; all of them are in the spreadsheet.
const byRows = 4

// maxMessage is Telegram's limit on a message, in UTF-16 code units.
const maxMessage = 4096

func telegramLen(s string) int { return len(utf16.Encode([]rune(s))) }

// hint, below the line that says nothing was counted, is what to type
// next (emptyHint). n is how many rows each list shows, the one it is
// asked by (by) byRows times as many.
func (h *Handlers) tallyTextWith(t *locales.Localizer, tl storage.Tally, unit, when, note, hint, by string, n int, asked bool) string {
	lines := []string{t.T("tally.head", locales.Data{"Unit": unit, "Period": when})}
	if note != "" { // what the period counted differs from the one asked
		lines = append(lines, note)
	}
	units := unitBars(t, tl)
	listsUnits := len(units) > 1 || tl.Scope.Province != "" || tl.Scope.Country()
	if by == byUnit && !listsUnits && tl.Cases > 0 {
		lines = append(lines, t.T("tally.by_one_unit"))
	}
	rows := func(of string) int {
		if of == by {
			return byRows * n
		}
		return n
	}
	if tl.Cases == 0 && asked { // nothing counted: neither chart nor spreadsheet comes
		lines = append(lines, t.T("tally.empty_no_files"))
		if hint != "" {
			lines = append(lines, hint)
		}
	} else if tl.Cases == 0 {
		lines = append(lines, t.T("tally.empty"))
	} else {
		lines = append(lines, t.T("tally.cases", locales.Data{"Cases": t.Num(tl.Cases), "Helped": t.Num(tl.Helped)}))
	}
	if tl.Unfinished > 0 {
		lines = append(lines, t.N("tally.unfinished", tl.Unfinished, locales.Data{"Count": t.Num(tl.Unfinished)}))
	}
	if tl.Cases == 0 {
		return strings.Join(lines, "\n")
	}
	lines = append(lines, "", t.T("tally.by_outcome"))
	for _, o := range storage.TallyOutcomes {
		if c := tl.Outcomes[o]; c > 0 {
			lines = append(lines, "• "+t.T("tally.outcome_"+o)+": "+t.Num(c))
		}
		if o == storage.TallySameDossier && tl.SameDossierPaid > 0 { // what the online payments count beside the paid dossiers
			lines = append(lines, "   – "+t.T("tally.same_dossier_paid")+": "+t.Num(tl.SameDossierPaid))
		}
	}
	for _, r := range tl.Reasons {
		lines = append(lines, "   – "+t.T("reason."+r.Key)+": "+t.Num(r.N))
	}
	if len(tl.Modes) > 0 {
		lines = append(lines, "", t.T("tally.by_mode"))
		for _, m := range []string{guides.ModeFull, guides.ModePartial} {
			lines = append(lines, "• "+modeLabel(t, m)+": "+t.Num(tl.Modes[m]))
		}
	}
	kpis := tl.KPIs(h.countsOf)
	lines = append(lines, "", t.T("tally.kpis"))
	for _, k := range guides.KPIs {
		lines = append(lines, "• "+t.T("tally.kpi_"+k)+": "+t.Num(kpis[k]))
	}
	if months := monthLines(tl, h.now); len(months) > 0 {
		lines = append(lines, "", t.T("tally.by_month_heading"))
		shown := rows(byMonth)
		if len(months) > shown { // the latest; all of them in the spreadsheet
			lines = append(lines, t.T("tally.months_before", locales.Data{"Count": t.Num(len(months) - shown)}))
			months = months[len(months)-shown:]
		}
		for _, m := range months {
			lines = append(lines, "• "+monthLabel(t, m.Month)+" – "+t.Num(m.Cases))
		}
	}
	lines = append(lines, "", t.T("tally.top_procedures"))
	shown := rows(byProcedure)
	for i, p := range tl.Procedures[:min(shown, len(tl.Procedures))] {
		lines = append(lines, fmt.Sprintf("%d. %s – %s", i+1, h.guideTitle(t, p.Guide), t.Num(p.Cases)))
	}
	if len(tl.Procedures) > shown {
		lines = append(lines, t.T("tally.and_more", locales.Data{"Count": t.Num(len(tl.Procedures) - shown)}))
	}
	if listsUnits {
		lines = append(lines, "", t.T(unitsHeading(tl)))
		shown := rows(byUnit)
		for _, u := range units[:min(shown, len(units))] {
			lines = append(lines, "• "+u.Label+" – "+t.Num(u.Value))
		}
		if len(units) > shown {
			lines = append(lines, t.T("tally.and_more", locales.Data{"Count": t.Num(len(units) - shown)}))
		}
		if idle := idleCommunes(tl); idle > 0 {
			lines = append(lines, t.N("tally.idle_communes", idle))
		}
	}
	if tl.Scope.Volunteer == 0 {
		lines = append(lines, "", t.T("tally.top_volunteers"))
		people := tallyPeople(tl.Volunteers)
		_, names := volunteerNames(t, people, tl.Namesakes)
		shown := rows(byVolunteer)
		for i, p := range people[:min(shown, len(people))] {
			line := "• " + names[i] + " – " + t.Num(p.Cases)
			if len(p.Lines) > 1 { // one person, the communes named (until review 30 a line each)
				line = t.T("tally.volunteer_communes", locales.Data{"Line": line, "Communes": personCommunes(t, p)})
			}
			lines = append(lines, line)
		}
		if len(people) > shown {
			lines = append(lines, t.T("tally.and_more", locales.Data{"Count": t.Num(len(people) - shown)}))
		}
	}
	lines = append(lines, "", t.T("tally.median", locales.Data{"Time": spanText(t, tl.MedianMinutes)}))
	if stuck := tl.Stuck(min(5, n)); len(stuck) > 0 {
		lines = append(lines, "", t.T("tally.stuck"))
		for _, s := range stuck {
			lines = append(lines, "• "+stuckLine(t, s, h.guideTitle(t, s.Guide), h.stepTitle(t, s.Guide, s.StepID), h.errorLabel(t, s.Guide, s.StepID, s.Error)))
		}
	}
	f := tl.Followups
	if f == (storage.Followups{}) { // all zeros: a line that says nothing
		return strings.Join(lines, "\n")
	}
	lines = append(lines, "", followupLine(t, f))
	return strings.Join(lines, "\n")
}

// followupLine is the tally's follow-up line: the dossiers followed, then
// their results, problems and ratings, each part said only when it has
// something to say ("chưa hồ sơ nào có kết quả", not "0 đã có kết quả (0
// đúng hẹn, 0 trễ hẹn)").
func followupLine(t *locales.Localizer, f storage.Followups) string {
	line := t.T("tally.followups", locales.Data{"Followed": t.Num(f.Followed)})
	if f.Resolved > 0 {
		line += t.T("tally.followups_resolved", locales.Data{"Resolved": t.Num(f.Resolved), "OnTime": t.Num(f.Resolved - f.Late), "Late": t.Num(f.Late)})
	} else {
		line += t.T("tally.followups_none_resolved")
	}
	if f.Unresolved > 0 {
		line += t.T("tally.followups_problems", locales.Data{"Unresolved": t.Num(f.Unresolved)})
	}
	if f.Rated > 0 {
		line += t.T("tally.followups_rating", locales.Data{"Rating": decimal(t, strconv.FormatFloat(math.Round(f.AvgRating*10)/10, 'f', 1, 64)), "Rated": t.Num(f.Rated)})
	} else {
		line += t.T("tally.followups_unrated")
	}
	return line + "."
}

// stuckLine is a line of where residents got stuck: a step met once says
// its error, not "most often" (until walk W2 of review 26); one met each
// time with the same error says so; one met with several errors says the
// most common and how often, or, none met twice, that each time was a
// different problem (until review 27H "2 lần, hay gặp: …" named one of
// two errors met once each as the most often met).
func stuckLine(t *locales.Localizer, s storage.StuckStep, guide, step, errLabel string) string {
	data := locales.Data{"Guide": guide, "Step": s.Step, "StepTitle": step, "Error": errLabel,
		"Count": t.Num(s.Problems), "ErrorCount": t.Num(s.ErrorCount)}
	switch {
	case s.Problems <= 1:
		return t.T("tally.stuck_line_once", data)
	case s.ErrorCount >= s.Problems:
		return t.T("tally.stuck_line_same", data)
	case s.ErrorCount <= 1:
		return t.T("tally.stuck_line_mixed", data)
	}
	return t.N("tally.stuck_line", s.Problems, data)
}

// namesakes are the members of a tally's unit who bear the first name of
// one of its volunteer lines but have none of their own (Tally.Namesakes).
func namesakes(ctx context.Context, tx *storage.Tx, tl storage.Tally) ([]storage.VolunteerCount, error) {
	if tl.Scope.Volunteer != 0 || len(tl.Volunteers) == 0 {
		return nil, nil
	}
	lined := map[int64]bool{}
	var names []string
	for _, v := range tl.Volunteers {
		lined[v.ID] = true
		if v.FirstName != "" && !slices.Contains(names, v.FirstName) {
			names = append(names, v.FirstName)
		}
	}
	all, err := tx.Namesakes(ctx, tl.Scope, names)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(v storage.VolunteerCount) bool { return lined[v.ID] }), nil
}

// tallyPerson is one volunteer of a report: their lines — a line per
// commune of their cases (storage.VolunteerCount: a volunteer who moved,
// or helped in another commune) — added up, so that a person is one line
// of the text and one name on their rows of the volunteers sheet (until
// review 30 a line each, each labelled with its commune: read upward as
// two people).
type tallyPerson struct {
	storage.VolunteerCount                          // the person, their cases and those done added up; Commune: theirs, joined
	Lines                  []storage.VolunteerCount // most cases first
}

// tallyPeople adds up the lines of each volunteer, most cases first.
func tallyPeople(lines []storage.VolunteerCount) []tallyPerson {
	idx := map[int64]int{}
	var out []tallyPerson
	for _, v := range lines { // most cases first
		i, ok := idx[v.ID]
		if !ok {
			idx[v.ID] = len(out)
			out = append(out, tallyPerson{VolunteerCount: v})
			i = len(out) - 1
			out[i].Cases, out[i].Helped, out[i].Commune = 0, 0, ""
		}
		p := &out[i]
		p.Lines = append(p.Lines, v)
		p.Cases += v.Cases
		p.Helped += v.Helped
		if v.Commune != "" {
			p.Commune = strings.TrimPrefix(p.Commune+", "+v.Commune, ", ")
		}
	}
	slices.SortStableFunc(out, func(a, b tallyPerson) int {
		return cmp.Or(cmp.Compare(b.Cases, a.Cases), cmp.Compare(a.FirstName, b.FirstName), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// personCommunes names the communes of a person's cases, with how many
// each ("Phường An Hội Tây: 2, Phường Bến Thành: 1"): the text's line, so
// at most personCommunesShown, the others summed up ("2 xã/phường khác:
// 3"), all of them in the volunteers sheet.
func personCommunes(t *locales.Localizer, p tallyPerson) string {
	var parts []string
	others, cases := 0, 0
	for i, l := range p.Lines {
		if i >= personCommunesShown && len(p.Lines) > personCommunesShown+1 {
			others, cases = others+1, cases+l.Cases
			continue
		}
		parts = append(parts, t.T("tally.volunteer_commune_cases", locales.Data{"Commune": cmp.Or(l.Commune, t.T("tally.no_unit")), "Count": t.Num(l.Cases)}))
	}
	if others > 0 {
		parts = append(parts, t.N("tally.volunteer_other_communes", others, locales.Data{"Cases": t.Num(cases)}))
	}
	return strings.Join(parts, ", ")
}

// personCommunesShown is how many of a person's communes the text names.
const personCommunesShown = 3

// markedRoles are the roles a report names beside a name: a coordinator
// or an administrator who helped residents is not told as a volunteer.
var markedRoles = []string{storage.RoleCoordinator, storage.RoleProvinceCoordinator, storage.RoleAdmin}

// volunteerNames are the volunteers' names as a tally shows them: the first
// name (a member removed from their team, who has none, as a former
// member), and, where several people — or a person and a member of the
// unit with no line (others: Tally.Namesakes) — bear the same name, what
// tells them apart as /team does — the communes of their cases, then the
// day they joined (with the time when it was the same day), then a number
// — each added only for those still alike, and only where it differs
// among them; then the role of one who is no volunteer (a coordinator,
// storage.MarkVolunteers). A former member is named by their own number
// (VolunteerCount.Former), always, and in the text of a report of several
// communes (spansCommunes) by the commune of their cases too; members alike in all else are numbered
// by the order of their Telegram ids — the same in every report (until
// review 30 in each report's order: the same person "số 1" in one, "số 2"
// in another). Never their Telegram id: the report is pasted and forwarded,
// and a removed member's name was erased. short are the names the text
// gives: one of several communes told apart by them is named there without
// them, the communes following the count with their cases
// (personCommunes), where "Trang (Phường Nhiêu Lộc, Phường An Hội Tây) – 254
// (Phường Nhiêu Lộc: 234, Phường An Hội Tây: 20)" said them twice.
func volunteerNames(t *locales.Localizer, people []tallyPerson, others []storage.VolunteerCount) (names, short []string) {
	vs := make([]storage.VolunteerCount, 0, len(people)+len(others))
	for _, p := range people {
		vs = append(vs, p.VolunteerCount)
	}
	vs = append(vs, others...)
	names = make([]string, len(vs))
	byName := map[string][]int{}
	formerIn := map[int]string{} // the text's name of a former member of one commune, in a report of several
	several := spansCommunes(people)
	for i, v := range vs {
		names[i] = v.FirstName
		if names[i] == "" && v.Former > 0 {
			// Their number wherever they are shown, alone too: what a
			// reader matches across reports.
			nth := t.T("tally.volunteer_nth", locales.Data{"N": v.Former})
			names[i] = t.T("tally.volunteer_which", locales.Data{"Name": t.T("tally.volunteer_removed"), "Which": nth})
			// In a report of several communes, the text names the
			// commune of their cases, as a person's it tells apart (one
			// of several communes names them after the count); the
			// sheets have the commune's own cell.
			if several && i < len(people) && len(people[i].Lines) == 1 && v.Commune != "" {
				formerIn[i] = t.T("tally.volunteer_which", locales.Data{"Name": t.T("tally.volunteer_removed"), "Which": v.Commune + ", " + nth})
			}
			continue
		}
		if names[i] == "" {
			names[i] = t.T("tally.volunteer_removed")
		}
		byName[names[i]] = append(byName[names[i]], i)
	}
	parts := []func(i int, group []int) string{
		func(i int, _ []int) string { return vs[i].Commune },
		func(i int, group []int) string {
			if vs[i].Joined.IsZero() {
				return ""
			}
			day := vnDay(t, vs[i].Joined)
			for _, j := range group { // another who joined that day, at another time
				if vs[j].ID != vs[i].ID && !vs[j].Joined.Equal(vs[i].Joined) && !vs[j].Joined.IsZero() && dayOf(vs[j].Joined).Equal(dayOf(vs[i].Joined)) {
					return t.T("tally.volunteer_joined_time", locales.Data{"Day": day, "Time": vs[i].Joined.In(vietnam).Format("15:04")})
				}
			}
			return t.T("tally.volunteer_joined", locales.Data{"Day": day})
		},
		func(i int, group []int) string {
			var ids []int64 // the members of the group by their ids: 1, 2…
			for _, j := range group {
				ids = append(ids, vs[j].ID)
			}
			slices.Sort(ids)
			return t.T("tally.volunteer_nth", locales.Data{"N": slices.Index(slices.Compact(ids), vs[i].ID) + 1})
		},
	}
	which := map[int][]string{}
	byCommune := map[int]bool{} // told apart by their communes: which[i][0]
	for _, same := range byName {
		if len(same) < 2 {
			continue
		}
		for n, part := range parts {
			alike := map[string][]int{}
			for _, i := range same {
				k := strings.Join(which[i], ", ")
				alike[k] = append(alike[k], i)
			}
			for _, group := range alike {
				values := map[string]bool{}
				for _, i := range group {
					values[part(i, group)] = true
				}
				if len(values) < 2 { // tells none of them apart
					continue
				}
				for _, i := range group {
					if s := part(i, group); s != "" {
						which[i] = append(which[i], s)
						byCommune[i] = byCommune[i] || n == 0
					}
				}
			}
		}
	}
	short = make([]string, len(people))
	for i, p := range people {
		if slices.Contains(markedRoles, vs[i].Role) {
			which[i] = append(which[i], t.T("role."+vs[i].Role))
		}
		label := func(which []string) string {
			if len(which) == 0 {
				return names[i]
			}
			return t.T("tally.volunteer_which", locales.Data{"Name": names[i], "Which": strings.Join(which, ", ")})
		}
		short[i] = label(which[i])
		if byCommune[i] && len(p.Lines) > 1 { // the text names their communes after the count
			short[i] = label(which[i][1:])
		}
		if s, ok := formerIn[i]; ok {
			short[i] = s
		}
		names[i] = label(which[i])
	}
	return names[:len(people)], short
}

// spansCommunes reports whether a report's people have cases in more than
// one commune: a province's or the country's, mostly; never a commune's.
func spansCommunes(people []tallyPerson) bool {
	first := ""
	for _, p := range people {
		for _, l := range p.Lines {
			if first == "" {
				first = l.Commune
			} else if l.Commune != "" && l.Commune != first {
				return true
			}
		}
	}
	return false
}

// decimal writes a number's decimal point as the language does (12,5 in
// Vietnamese).
func decimal(t *locales.Localizer, s string) string {
	return strings.Replace(s, ".", t.T("format.decimal_point"), 1)
}

// countsOf is the KPIs a guide counts toward (none for a guide no longer
// in the catalog).
func (h *Handlers) countsOf(id string) []string {
	if g, ok := h.guides.Guide(id); ok {
		return g.Counts
	}
	return nil
}

func (h *Handlers) stepTitle(t *locales.Localizer, guide, stepID string) string {
	if g, ok := h.guides.Guide(guide); ok {
		for _, s := range g.Steps {
			if s.ID == stepID {
				return s.Title.In(t.Lang())
			}
		}
	}
	return stepID
}

func (h *Handlers) errorLabel(t *locales.Localizer, guide, stepID, id string) string {
	if g, ok := h.guides.Guide(guide); ok {
		for i := range g.Steps {
			if g.Steps[i].ID == stepID {
				if p, ok := g.Steps[i].Problem(id); ok {
					return p.Label.In(t.Lang())
				}
			}
		}
	}
	if id == "other" {
		return t.T("tally.error_other")
	}
	return id
}

// unitsHeading is the title of the by-unit list: communes, or provinces
// for the whole country.
func unitsHeading(tl storage.Tally) string {
	if tl.Scope.Country() {
		return "tally.by_province"
	}
	return "tally.by_commune"
}

// unitBars counts cases by commune, or by province for the whole country,
// most first.
func unitBars(t *locales.Localizer, tl storage.Tally) []render.Bar {
	var bars []render.Bar
	if !tl.Scope.Country() {
		for _, c := range tl.Communes {
			if c.Cases > 0 { // a province's communes with none are said apart (idleCommunes)
				bars = append(bars, render.Bar{Label: cmp.Or(c.Name, t.T("tally.no_unit")), Value: c.Cases})
			}
		}
		return bars
	}
	idx := map[string]int{}
	for _, c := range tl.Communes {
		name := cmp.Or(c.ProvinceName, t.T("tally.no_unit"))
		i, ok := idx[name]
		if !ok {
			i = len(bars)
			idx[name] = i
			bars = append(bars, render.Bar{Label: name})
		}
		bars[i].Value += c.Cases
	}
	slices.SortStableFunc(bars, func(a, b render.Bar) int { return cmp.Compare(b.Value, a.Value) })
	return bars
}

// idleCommunes counts a province's communes with no case in the tally.
func idleCommunes(tl storage.Tally) int {
	n := 0
	for _, c := range tl.Communes {
		if c.Cases == 0 && tl.Scope.Province != "" {
			n++
		}
	}
	return n
}

// chartBars is the top 12 and the rest summed as one bar (13 are drawn
// whole: one left over takes the rest's row).
const chartBars = 12

// tallyChart is the bar chart: the communes of a province (the provinces
// of the country), else the procedures; its title says the cases in all.
func (h *Handlers) tallyChart(t *locales.Localizer, tl storage.Tally, unit, when, by string) render.Chart {
	c := render.Chart{Subtitle: unit + " – " + when, Empty: t.T("tally.empty"), Number: t.Num}
	var bars []render.Bar
	others := "tally.others_procedures"
	switch months := monthLines(tl, h.now); {
	case len(months) > 0 && len(months) <= chartMonths:
		// In time's order, every month, none summed as "others".
		c.Title = t.T("tally.chart_months", locales.Data{"Cases": t.Num(tl.Cases)})
		for _, m := range months {
			bars = append(bars, render.Bar{Label: monthLabel(t, m.Month), Value: m.Cases})
		}
		c.Bars = bars
		return c
	case by == byVolunteer && tl.Scope.Volunteer == 0:
		c.Title = t.T("tally.chart_volunteers", locales.Data{"Cases": t.Num(tl.Cases)})
		people := tallyPeople(tl.Volunteers)
		_, names := volunteerNames(t, people, tl.Namesakes)
		for i, p := range people {
			bars = append(bars, render.Bar{Label: names[i], Value: p.Cases})
		}
		others = "tally.others_volunteers"
	case by != byProcedure && (tl.Scope.Province != "" || tl.Scope.Country()):
		c.Title = t.T("tally.chart_"+strings.TrimPrefix(unitsHeading(tl), "tally."), locales.Data{"Cases": t.Num(tl.Cases)})
		bars = unitBars(t, tl)
		others = "tally.others_communes"
		if tl.Scope.Country() {
			others = "tally.others_provinces"
		}
	default:
		c.Title = t.T("tally.chart_procedures", locales.Data{"Cases": t.Num(tl.Cases)})
		for _, p := range tl.Procedures {
			bars = append(bars, render.Bar{Label: h.guideTitle(t, p.Guide), Value: p.Cases})
		}
	}
	// One left over is drawn as itself (a row "Others" would hide it in
	// the same room); more are one row that says how many it sums.
	if len(bars) > chartBars+1 {
		rest := 0
		for _, b := range bars[chartBars:] {
			rest += b.Value
		}
		n := len(bars) - chartBars
		bars = append(bars[:chartBars:chartBars], render.Bar{Label: t.N(others, n, locales.Data{"Count": t.Num(n)}), Value: rest, Rest: true})
	}
	c.Bars = bars
	return c
}

// maxListedCases is the most cases a report's spreadsheet lists one by one
// (its last sheet, a row a case). More — a year of the whole country,
// "từ đầu" of it (977,528 cases in docs/benchmarks.md) — and the file
// would pass Telegram's 50 MB for a bot's file (about 63 bytes a case),
// then Excel's 1,048,576 rows, and take longer to write than an update
// may (13–30 µs a case on the 2-core machine): the list is left out, and
// the file says so. 200,000 keep the benchmark's country since 10/2026
// (198,330 cases, 12.6 MB, 2.5 s) whole.
const maxListedCases = 200_000

// caseListLeftOut says, in the spreadsheet's title and caption, that its
// case list was left out; "" when it is there.
func (h *Handlers) caseListLeftOut(t *locales.Localizer, tl storage.Tally) string {
	if tl.Cases <= h.caseListMax {
		return ""
	}
	return t.T("tally.case_list_left_out", locales.Data{"Cases": t.Num(tl.Cases), "Max": t.Num(h.caseListMax)})
}

// tallySheets are the spreadsheet's six sheets (five when there are too
// many cases to list: caseListLeftOut). Every sheet counts the same cases,
// so their totals agree; the case list is streamed from the database. The
// first sheet says whose numbers they are and for when, and every printed
// page does (the file is forwarded and renamed), up to when for a period
// still running (shown: periodAsOf).
func (h *Handlers) tallySheets(ctx context.Context, tx *storage.Tx, t *locales.Localizer, tl storage.Tally, unit, when, shown, note string) []reports.Sheet {
	total := t.T("tally.total")
	kpis := tl.KPIs(h.countsOf)
	var summary [][]any
	summary = append(summary,
		[]any{t.T("tally.row_cases"), tl.Cases, nil},
		[]any{t.T("tally.row_helped"), tl.Helped, nil})
	for _, o := range storage.TallyOutcomes {
		summary = append(summary, []any{t.T("tally.outcome_" + o), tl.Outcomes[o], nil})
		if o == storage.TallySameDossier && tl.SameDossierPaid > 0 {
			summary = append(summary, []any{t.T("tally.outcome_same_dossier") + " – " + t.T("tally.same_dossier_paid"), tl.SameDossierPaid, nil})
		}
	}
	for _, r := range tl.Reasons {
		summary = append(summary, []any{t.T("tally.outcome_not_done") + " – " + t.T("reason."+r.Key), r.N, nil})
	}
	for _, m := range []string{guides.ModeFull, guides.ModePartial} {
		mode := modeLabel(t, m)
		summary = append(summary, []any{t.T("tally.row_mode", locales.Data{"Mode": mode}), tl.Modes[m], nil})
	}
	for _, k := range guides.KPIs {
		summary = append(summary, []any{t.T("tally.kpi_" + k), kpis[k], nil})
	}
	var rating any // none rated: an empty cell, as the text's "–"
	if tl.Followups.Rated > 0 {
		rating = reports.Decimal(tl.Followups.AvgRating)
	}
	var median any // no case: no median (the text gives none), not 0 minutes
	if tl.Cases > 0 {
		median = tl.MedianMinutes
	}
	summary = append(summary,
		[]any{t.T("tally.row_problems"), tl.Problems, nil},
		[]any{t.T("tally.row_followups"), tl.Followups.Followed, nil},
		[]any{t.T("tally.row_resolved"), tl.Followups.Resolved, nil},
		[]any{t.T("tally.row_late"), tl.Followups.Late, nil},
		[]any{t.T("tally.row_unresolved"), tl.Followups.Unresolved, nil},
		[]any{t.T("tally.row_rated"), tl.Followups.Rated, nil},
		[]any{t.T("tally.row_rating"), rating, nil},
		[]any{t.T("tally.row_median"), nil, median},
		[]any{t.T("tally.row_unfinished"), tl.Unfinished, nil})

	// The texts of each text column are known before the rows are written
	// (the case list's communes, procedures and reasons are the tally's):
	// each column is as wide as its longest text, so that none is cut by
	// the cell beside it, and no wider, so that a sheet prints as large as
	// it can one page wide.
	texts := map[string][]string{}
	for _, r := range summary {
		texts["item"] = append(texts["item"], r[0].(string))
	}
	for _, c := range tl.Communes {
		texts["province"] = append(texts["province"], cmp.Or(c.ProvinceName, t.T("tally.no_unit")))
		texts["commune"] = append(texts["commune"], cmp.Or(c.Name, t.T("tally.no_unit")))
	}
	for _, p := range tl.Procedures {
		texts["procedure"] = append(texts["procedure"], h.guideTitle(t, p.Guide))
	}
	people := tallyPeople(tl.Volunteers)
	names, _ := volunteerNames(t, people, tl.Namesakes)
	texts["volunteer"] = names
	for _, v := range tl.Volunteers {
		texts["commune"] = append(texts["commune"], v.Commune)
	}
	for _, p := range tl.ProblemCounts {
		texts["step_title"] = append(texts["step_title"], h.stepTitle(t, p.Guide, p.StepID))
		texts["error"] = append(texts["error"], h.errorLabel(t, p.Guide, p.StepID, p.Problem))
	}
	for _, o := range storage.TallyOutcomes {
		texts["outcome"] = append(texts["outcome"], caseOutcome(t, storage.TallyCase{Outcome: o}))
	}
	texts["outcome"] = append(texts["outcome"], caseOutcome(t, storage.TallyCase{Outcome: storage.TallySameDossier, Paid: true}),
		caseOutcome(t, storage.TallyCase{Outcome: storage.TallySameDossier, Paid: true, SameDossierOf: sameDossierWidest}))
	for _, r := range tl.Reasons {
		texts["reason"] = append(texts["reason"], t.T("reason."+r.Key))
	}
	for _, m := range []string{guides.ModeFull, guides.ModePartial} {
		texts["mode"] = append(texts["mode"], modeLabel(t, m))
	}
	texts["mode"] = append(texts["mode"], t.T("tally.case_mode_same_dossier"))
	months := monthLines(tl, h.now)
	for _, m := range months {
		texts["month"] = append(texts["month"], monthLabel(t, m.Month))
	}
	widths := map[string]float64{"month": 12, "item": 30, "procedure": 30, "step_title": 24, "error": 24, "outcome": 16, "reason": 16,
		"commune": 16, "province": 16, "volunteer": 16, "mode": 16}
	col := func(id string, kind reports.ColumnKind) reports.Column {
		w := widths[id]
		if kind == reports.Text {
			w = max(w, reports.WidthFor(texts[id]...))
		}
		return reports.Column{Header: t.T("tally.col_" + id), Kind: kind, Width: w, NoTotal: id == "step"}
	}
	page := unit + " – " + shown
	// A province's or the country's volunteers with their commune: a
	// coordinator there asks the commune's, not the name alone.
	wide := tl.Scope.Commune == ""
	// The country's with the province too, as its units sheet: many
	// communes of the country share a name (until review 30 the commune
	// alone).
	country := tl.Scope.Country()
	provinceOf := map[string]string{}
	for _, c := range tl.Communes {
		provinceOf[c.Code] = c.ProvinceName
	}
	// A person's rows together, one a commune of their cases (they add up
	// with the units sheet commune by commune), each with the person's
	// name: until review 30 each row's name was told apart by its commune,
	// two people to a reader.
	volunteersSheet := reports.Sheet{Name: t.T("tally.sheet_volunteers"), Total: total,
		Columns: []reports.Column{col("volunteer", reports.Text), col("cases", reports.Int), col("helped", reports.Int)},
		Rows: func(yield func([]any) error) error {
			for i, p := range people {
				for _, v := range p.Lines {
					row := []any{names[i], v.Cases, v.Helped}
					switch {
					case country:
						row = []any{names[i], cmp.Or(provinceOf[v.CommuneCode], t.T("tally.no_unit")), cmp.Or(v.Commune, t.T("tally.no_unit")), v.Cases, v.Helped}
					case wide:
						row = []any{names[i], cmp.Or(v.Commune, t.T("tally.no_unit")), v.Cases, v.Helped}
					}
					if err := yield(row); err != nil {
						return err
					}
				}
			}
			return nil
		}}
	if wide {
		volunteersSheet.Columns = slices.Insert(volunteersSheet.Columns, 1, col("commune", reports.Text))
	}
	if country {
		volunteersSheet.Columns = slices.Insert(volunteersSheet.Columns, 1, col("province", reports.Text))
	}
	title := []string{t.T("tally.sheet_title", locales.Data{"Unit": unit}), t.T("tally.sheet_period", locales.Data{"Period": when, "Made": t.DateTime(h.now().In(vietnam))})}
	if note != "" {
		title = append(title, note)
	}
	leftOut := h.caseListLeftOut(t, tl)
	if leftOut != "" {
		title = append(title, leftOut)
	}
	sheets := []reports.Sheet{
		{Name: t.T("tally.sheet_summary"),
			Title:   title,
			Columns: []reports.Column{col("item", reports.Text), col("count", reports.Int), col("minutes", reports.Minutes)},
			Rows: func(yield func([]any) error) error {
				for _, r := range summary {
					if err := yield(r); err != nil {
						return err
					}
				}
				return nil
			}},
		{Name: t.T("tally.sheet_units"), Total: total,
			Columns: []reports.Column{col("province", reports.Text), col("commune", reports.Text), col("cases", reports.Int), col("helped", reports.Int)},
			Rows: func(yield func([]any) error) error {
				for _, c := range tl.Communes {
					if err := yield([]any{cmp.Or(c.ProvinceName, t.T("tally.no_unit")), cmp.Or(c.Name, t.T("tally.no_unit")), c.Cases, c.Helped}); err != nil {
						return err
					}
				}
				return nil
			}},
		{Name: t.T("tally.sheet_procedures"), Total: total,
			Columns: []reports.Column{col("procedure", reports.Text), col("cases", reports.Int), col("helped", reports.Int),
				col("not_done", reports.Int), col("not_needed", reports.Int)},
			Rows: func(yield func([]any) error) error {
				for _, p := range tl.Procedures {
					if err := yield([]any{h.guideTitle(t, p.Guide), p.Cases, p.Helped, p.Outcomes[storage.TallyNotDone], p.Outcomes[storage.TallyNotNeeded]}); err != nil {
						return err
					}
				}
				return nil
			}},
		volunteersSheet,
		{Name: t.T("tally.sheet_problems"), Total: total,
			Columns: []reports.Column{col("procedure", reports.Text), col("step", reports.Int), col("step_title", reports.Text), col("error", reports.Text), col("problems", reports.Int)},
			Rows: func(yield func([]any) error) error {
				for _, p := range tl.ProblemCounts {
					if err := yield([]any{h.guideTitle(t, p.Guide), p.Step, h.stepTitle(t, p.Guide, p.StepID), h.errorLabel(t, p.Guide, p.StepID, p.Problem), p.N}); err != nil {
						return err
					}
				}
				return nil
			}},
		{Name: t.T("tally.sheet_cases"), Total: total,
			Columns: []reports.Column{col("number", reports.ID), col("date", reports.DateTime), col("commune", reports.Text), col("procedure", reports.Text),
				col("mode", reports.Text), col("outcome", reports.Text), col("reason", reports.Text), col("minutes", reports.Int), // whole minutes, as the median
				col("steps_done", reports.Int), col("steps_skipped", reports.Int), col("problems", reports.Int)},
			Rows: func(yield func([]any) error) error {
				return tx.EachTallyCase(ctx, tl, func(c storage.TallyCase) error {
					mode, reason := "", ""
					switch {
					case c.Outcome == storage.TallySameDossier:
						// No dossier of its own: the summary's modes count
						// it with the other case's, and so does this column.
						mode = t.T("tally.case_mode_same_dossier")
					case c.Outcome == storage.TallyNotNeeded || c.Reason == reasonNotEligible:
						// Ended at its checklist: filed in no mode, as its
						// summary says (drawSummary).
					case c.Mode != "":
						mode = modeLabel(t, c.Mode)
					}
					if c.Reason != "" {
						reason = t.T("reason." + c.Reason)
					}
					return yield([]any{c.ID, c.FinishedAt, cmp.Or(c.CommuneName, t.T("tally.no_unit")),
						h.guideTitle(t, c.Guide), mode, caseOutcome(t, c), reason, c.Minutes, c.StepsDone, c.StepsSkipped, c.Problems})
				})
			}},
	}
	if leftOut != "" {
		sheets = sheets[:len(sheets)-1] // the case list, last
	}
	for i := range sheets {
		sheets[i].PageHeader = page
	}
	if len(months) > 0 {
		sheets = slices.Insert(sheets, 1, reports.Sheet{Name: t.T("tally.sheet_months"), Total: total,
			Columns: []reports.Column{col("month", reports.Text), col("cases", reports.Int), col("helped", reports.Int)},
			Rows: func(yield func([]any) error) error {
				for _, m := range months {
					if err := yield([]any{monthLabel(t, m.Month), m.Cases, m.Helped}); err != nil {
						return err
					}
				}
				return nil
			}})
	}
	return sheets
}

// modeLabel is a dossier's mode as the report names it, in the text, the
// summary sheet and the case list alike ("toàn trình (trước đây: mức độ
// 4)"; in English "fully online (toàn trình; formerly level 4)"), so that
// the list filtered by the summary's words finds its cases.
func modeLabel(t *locales.Localizer, mode string) string {
	level := 3
	if mode == guides.ModeFull {
		level = 4
	}
	return t.T("mode."+modeKey(mode), locales.Data{"Level": level})
}

// sameDossierWidest is the case number the case list's outcome column is
// made wide enough for, where a case names the case it was the same
// dossier as: seven digits.
const sameDossierWidest = 9_999_999

// caseOutcome is a case's outcome in the case list: the text's label, but
// short for a case that was the same dossier as another (the text's label
// explains itself at length, and the column is as wide as its longest
// label), which names that case where the case log does (review 22a: a
// coordinator passing the list upward matches the two rows) and says
// whether its fee was paid online (the online payments count it).
func caseOutcome(t *locales.Localizer, c storage.TallyCase) string {
	switch {
	case c.Outcome == storage.TallySameDossier && c.SameDossierOf != 0 && c.Paid:
		return t.T("tally.case_outcome_same_dossier_of_paid", locales.Data{"Case": c.SameDossierOf})
	case c.Outcome == storage.TallySameDossier && c.SameDossierOf != 0:
		return t.T("tally.case_outcome_same_dossier_of", locales.Data{"Case": c.SameDossierOf})
	case c.Outcome == storage.TallySameDossier && c.Paid:
		return t.T("tally.case_outcome_same_dossier_paid")
	case c.Outcome == storage.TallySameDossier:
		return t.T("tally.case_outcome_same_dossier")
	}
	return t.T("tally.outcome_" + c.Outcome)
}

// slug is a name in ASCII for a file name: "Phường An Hội Tây, Thành phố
// Hồ Chí Minh" → "phuong-an-hoi-tay-thanh-pho-ho-chi-minh".
func slug(s string) string {
	return strings.Join(strings.Fields(vntext.Fold(s)), "-")
}
