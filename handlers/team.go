package handlers

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// The team flow (/team): a coordinator sees the people of their unit — a
// commune coordinator their commune, a province coordinator every commune
// of their province — page by page, removes one (after a confirmation),
// and lists and revokes the unit's invites that can still be used. An
// admin first picks a province. Everything is checked against the unit
// the user holds now, on every press: the buttons only offer what is in
// scope, and each action checks again what it acts on, so a forged press,
// a double tap or a member moved meanwhile changes nothing it should not.

const flowTeam = "tm"

// Team flow screens.
const (
	teamProvinces = "provinces" // an admin picks the province
	teamMembers   = "members"
	teamConfirm   = "confirm" // remove this member?
	teamInvites   = "invites"
	teamRevoke    = "revoke" // revoke this invite?
)

const (
	membersPerPage = 10 // 10 lines of at most ~300 characters: far below 4,096
	invitesPerPage = 8
	buttonName     = 24     // a name on a button is cut to this many characters
	searchRunes    = 40     // a search is kept, and shown, cut to this many characters
	oldNamesShown  = 3      // old commune names a search named, said above the list
	maxTeamListed  = 100000 // more than any unit's members: the whole list
)

// teamState is the flow's data in the conversation row: the unit shown (a
// commune, or a whole province when Commune is empty), the pages, and the
// member or invite a confirmation is about. Search narrows the members
// to those it finds (storage.MatchesMember): typed while /team is open.
type teamState struct {
	Province string `json:"p,omitempty"`
	Commune  string `json:"c,omitempty"`
	Search   string `json:"q,omitempty"`
	Page     int    `json:"pg,omitempty"`
	Member   int64  `json:"m,omitempty"`
	// Number is the confirmed member's number on the list the
	// confirmation showed: the note of the removal names them by it.
	Number int    `json:"mn,omitempty"`
	Invite string `json:"i,omitempty"`
	IPage  int    `json:"ipg,omitempty"`
}

// teamView is where the chat stands in the team flow.
type teamView struct {
	*request
	h    *Handlers
	step string
	st   teamState
	ver  int
}

type (
	teamScreen = screen[*teamView]
	teamAction = action[*teamView]
)

// teamScreenOrder is the reading order of the graph.
var teamScreenOrder = []string{teamProvinces, teamMembers, teamConfirm, teamInvites, teamRevoke}

// teamScreens is the team flow, screen by screen (docs/team.md draws its
// graph).
var teamScreens map[string]teamScreen

func init() {
	closeFlow := teamAction{to: []string{leadsNowhere}, do: func(v *teamView, _ string) error { return endFlow(v.request, v.t.T("team.closed")) }}
	to := func(step string) teamAction {
		return teamAction{to: []string{step}, do: func(v *teamView, _ string) error { return v.goTo(step, v.st) }}
	}
	// A few letters of a name or of a commune's name, typed on the list
	// (or on its invites), narrow the list to the members they find. What
	// finds nobody there may name a unit instead (teamView.elsewhere): an
	// admin's search goes on in the country, a coordinator is told it is
	// outside their team.
	search := teamAction{to: []string{teamMembers, teamInvites, teamProvinces}, do: func(v *teamView, text string) error {
		text, err := v.query(text)
		if text == "" {
			return err
		}
		st := v.st
		st.Search, st.Page, st.Member, st.Invite = text, 0, 0, ""
		since := monthOf(v.h.now())
		_, total, err := v.tx.TeamMembers(v.ctx, st.Province, st.Commune, text, since, since.AddDate(0, 1, 0), 0, 0)
		if err != nil {
			return err
		}
		if total == 0 {
			if done, err := v.elsewhere(text); done || err != nil {
				return err
			}
		}
		return v.goTo(teamMembers, st)
	}}
	// A member's ✕ asks first, on the list and on the confirmation, which
	// keeps the list's ✕ rows where they were: a second tap, come after the
	// confirmation replaced the list, lands on the ✕ it repeats, which
	// changes nothing, never on "yes" (until review 30D "yes" sat where the
	// ✕ of members 3 and 4 had been).
	//
	// The ✕ carries its member and the number it showed (removeArg),
	// checked before (numbersMoved).
	pick := teamAction{to: []string{teamConfirm, teamMembers}, do: func(v *teamView, arg string) error {
		id, shown := removeArgs(arg) // its number checked first (numbersMoved)
		if v.step == teamConfirm && id == v.st.Member {
			return v.askedAlready("team.remove_asked", "team.remove_yes")
		}
		u, ok, err := v.removable(id)
		if err != nil {
			return err
		}
		if !ok {
			st := v.st
			st.Member, st.Number = 0, 0
			return v.goNote(teamMembers, st, v.t.T("team.remove_gone"))
		}
		st := v.st
		st.Member, st.Number = u.TelegramID, shown
		return v.goTo(teamConfirm, st)
	}}
	page := teamAction{to: []string{teamMembers}, do: func(v *teamView, arg string) error {
		page, _ := strconv.Atoi(arg)
		v.st.Page, v.st.Member = max(page, 0), 0
		return v.goTo(teamMembers, v.st)
	}}
	all := teamAction{to: []string{teamMembers}, do: func(v *teamView, _ string) error {
		v.st.Search, v.st.Page, v.st.Member = "", 0, 0
		return v.goTo(teamMembers, v.st)
	}}
	// A link's revoke button likewise.
	pickInvite := teamAction{to: []string{teamRevoke, teamInvites}, do: func(v *teamView, code string) error {
		if v.step == teamRevoke && code == v.st.Invite {
			return v.askedAlready("team.revoke_asked", "team.revoke_yes")
		}
		inv, ok, err := v.revocable(code)
		if err != nil {
			return err
		}
		if !ok {
			st := v.st
			st.Invite = ""
			return v.goNote(teamInvites, st, v.t.T("team.revoke_gone"))
		}
		st := v.st
		st.Invite = inv.Code
		return v.goTo(teamRevoke, st)
	}}
	ipage := teamAction{to: []string{teamInvites}, do: func(v *teamView, arg string) error {
		page, _ := strconv.Atoi(arg)
		v.st.IPage, v.st.Invite = max(page, 0), ""
		return v.goTo(teamInvites, v.st)
	}}
	teamScreens = map[string]teamScreen{
		teamProvinces: {
			// The grid of provinces; after a search that found members in
			// more than one (adminFind), those provinces, with how many.
			draw: func(v *teamView) (string, bot.Keyboard, error) {
				closeRow := []bot.Button{v.button(v.t.T("team.close"), "close", "")}
				if v.st.Search != "" {
					found, err := v.tx.MemberProvinces(v.ctx, v.st.Search)
					if err != nil {
						return "", nil, err
					}
					if len(found) > 0 {
						total := 0
						var buttons []bot.Button
						for _, p := range found {
							total += p.Members
							buttons = append(buttons, v.button(v.t.T("team.found_province", locales.Data{"Province": p.Name, "Count": p.Members}), "province", p.Code))
						}
						kb := append(grid(buttons, 2), []bot.Button{v.button(v.t.T("team.all_provinces"), "all", "")}, closeRow)
						return v.t.N("team.found_provinces", total, locales.Data{"Query": v.st.Search, "Count": total}), kb, nil
					}
				}
				kb, err := provinceGrid(v.request, func(name, code string) bot.Button { return v.button(name, "province", code) })
				if err != nil {
					return "", nil, err
				}
				return v.t.T("team.choose_province"), append(kb, closeRow), nil
			},
			on: map[string]teamAction{
				// The search that listed the province goes with it.
				"province": {to: []string{teamMembers}, do: func(v *teamView, code string) error {
					return v.goTo(teamMembers, teamState{Province: code, Search: v.st.Search})
				}},
				"all": {to: []string{teamProvinces}, do: func(v *teamView, _ string) error {
					return v.goTo(teamProvinces, teamState{})
				}},
				"close": closeFlow,
			},
			// A province's name typed ("tp hcm", "binh duong"), as /invite
			// takes it: its team, an old name's note above. Else a member's
			// name or a commune's, searched in every province (adminFind).
			typed: &teamAction{to: []string{teamMembers, teamProvinces}, do: func(v *teamView, text string) error {
				text, err := v.query(text)
				if text == "" {
					return err
				}
				if done, err := v.adminFind(text); done || err != nil {
					return err
				}
				v.st = teamState{}
				if broad, err := v.tooBroad("", "", "team.query_kinds_country", locales.Data{"Query": text}); broad != "" || err != nil {
					if err != nil {
						return err
					}
					return v.show(broad)
				}
				return v.show(v.t.T("team.province_unknown"))
			}},
		},
		teamMembers: {
			draw: func(v *teamView) (string, bot.Keyboard, error) { return v.drawMembers() },
			on: map[string]teamAction{
				"rm":   pick,
				"page": page,
				"invites": {to: []string{teamInvites}, do: func(v *teamView, _ string) error {
					v.st.IPage = 0
					return v.goTo(teamInvites, v.st)
				}},
				"all": all,
				"back": {to: []string{teamProvinces}, do: func(v *teamView, _ string) error { // an admin's only
					return v.goTo(teamProvinces, teamState{})
				}},
				"close": closeFlow,
			},
			typed: &search,
		},
		teamConfirm: {
			draw: func(v *teamView) (string, bot.Keyboard, error) {
				back := []bot.Button{v.button(v.t.T("button.back"), "back", "")}
				u, ok, err := v.removable(v.st.Member)
				if err != nil || !ok {
					return v.t.T("team.remove_gone"), bot.Keyboard{back}, err
				}
				unit, err := v.h.userUnit(v.request, u)
				if err != nil {
					return "", nil, err
				}
				text := v.t.T("team.confirm_remove", locales.Data{"Name": u.FirstName, "Role": v.t.T("role." + u.Role), "Unit": unit})
				// Another of that name in their commune: which one, by
				// their line of the list (its number is the button's).
				m, num, ok, err := v.listed(u.TelegramID)
				if err != nil {
					return "", nil, err
				}
				if ok && m.Namesake {
					text = v.t.T("team.confirm_namesake", locales.Data{"Name": u.FirstName, "Line": v.memberLine(m, num)}) + "\n\n" + text
				}
				// Cases they left open or paused: once removed, nobody
				// closes them (a removed member's buttons and /resume
				// refuse), and the tallies keep them as not counted yet.
				// One waiting only for its code closes on the removal.
				open, err := v.tx.CountCasesLeftUnfinished(v.ctx, u.TelegramID)
				if err != nil {
					return "", nil, err
				}
				if open > 0 {
					text += "\n\n" + v.t.N("team.remove_unfinished", open, locales.Data{"Name": u.FirstName, "Count": open})
				}
				// The list's ✕, paging and search rows stay in their places
				// (pick), "yes" where its invites were, Back last, where
				// Close was: a second tap on a ✕, come after this screen
				// replaced the list, lands on that ✕ again, counted from
				// the top or the bottom (until review 28 "yes" sat in the
				// first row, until review 30D in the second).
				_, kb, err := v.membersPage()
				if err != nil {
					return "", nil, err
				}
				return text, append(kb, []bot.Button{v.button(v.t.T("team.remove_yes"), "yes", "")}, back), nil
			},
			on: map[string]teamAction{
				"rm":   pick,
				"page": page,
				"all":  all,
				"yes":  {to: []string{teamMembers}, do: func(v *teamView, _ string) error { return v.remove() }},
				"back": {to: []string{teamMembers}, do: func(v *teamView, _ string) error {
					v.st.Member, v.st.Number = 0, 0
					return v.goTo(teamMembers, v.st)
				}},
			},
		},
		teamInvites: {
			draw: func(v *teamView) (string, bot.Keyboard, error) { return v.drawInvites() },
			on: map[string]teamAction{
				"revoke": pickInvite,
				"ipage":  ipage,
				"back":   to(teamMembers),
				"close":  closeFlow,
			},
			typed: &search,
		},
		teamRevoke: {
			draw: func(v *teamView) (string, bot.Keyboard, error) {
				back := []bot.Button{v.button(v.t.T("button.back"), "back", "")}
				inv, ok, err := v.revocable(v.st.Invite)
				if err != nil || !ok {
					return v.t.T("team.revoke_gone"), bot.Keyboard{back}, err
				}
				unit, err := v.h.inviteUnit(v.request, inv)
				if err != nil {
					return "", nil, err
				}
				text := v.t.T("team.confirm_revoke", locales.Data{"Role": v.t.T("role." + inv.Role), "Unit": unit, "Code": codeTail(inv.Code),
					"Uses": inv.Uses, "Max": inv.MaxUses, "Expires": vnDay(v.t, inv.ExpiresAt.Add(-time.Second))})
				// As to remove: the list's revoke and paging rows stay in
				// their places, "yes" where Close was (pickInvite).
				_, kb, err := v.invitesPage()
				if err != nil {
					return "", nil, err
				}
				return text, append(kb, []bot.Button{back[0], v.button(v.t.T("team.revoke_yes"), "yes", "")}), nil
			},
			on: map[string]teamAction{
				"revoke": pickInvite,
				"ipage":  ipage,
				"yes":    {to: []string{teamInvites}, do: func(v *teamView, _ string) error { return v.revoke() }},
				"back": {to: []string{teamInvites}, do: func(v *teamView, _ string) error {
					v.st.Invite = ""
					return v.goTo(teamInvites, v.st)
				}},
			},
		},
	}
}

// askedAlready answers a press, on a confirmation, of the button that
// asked it (a second tap, mostly): the question stays as it is, and a
// pop-up says which button answers it.
func (v *teamView) askedAlready(key, yes string) error {
	v.answer(v.t.T(key, locales.Data{"Yes": v.t.T(yes)}))
	v.landed = v.step
	return nil
}

// query is text typed on /team, to look for, spaces tidied (cut at a
// word to searchRunes); "" when it is none (no letter or digit) or a
// resident's data, answered here with the screen again.
func (v *teamView) query(text string) (string, error) {
	text = strings.Join(strings.Fields(text), " ")
	if vntext.Fold(text) == "" { // nothing to look for: a name is wanted, or a button
		return "", v.show(v.t.T("team.query_empty"))
	}
	if privacy.PersonalData(text) != "" {
		// A resident's number or e-mail in the wrong chat: neither kept
		// in the flow's state nor shown back (docs/privacy.md).
		return "", v.show(v.t.T("team.query_personal"))
	}
	return shortenAtWord(text, searchRunes), nil
}

// adminFind takes an admin's text as the unit or the members it names: a
// province's name, its team (an old name's note above); else the members
// it finds by their name or their commune's (a commune's old name too),
// in every province — in one, that province's list narrowed to them, in
// more, the provinces to choose from, each with how many. Nobody found,
// the communes it names whole (storage.CommunesNamed), which have no
// member then: of one province, its list says so; of more, the grid, with
// those communes named (their current name typed) or, an old name of many
// ("phường 1"), how to tell one apart. done is false when it names no
// province nor commune and finds nobody.
func (v *teamView) adminFind(text string) (done bool, err error) {
	p, ok, err := storage.ProvinceNamed(text)
	if err != nil {
		return false, err
	}
	if ok {
		note := ""
		if p.Old != "" {
			note = formerProvince(v.t, p)
		}
		return true, v.goNote(teamMembers, teamState{Province: p.Code}, note)
	}
	found, err := v.tx.MemberProvinces(v.ctx, text)
	if err != nil {
		return false, err
	}
	if len(found) == 0 {
		return v.namedEmpty(text)
	}
	note, err := v.namedElsewhere(text, found)
	if err != nil {
		return false, err
	}
	if len(found) == 1 {
		return true, v.goNote(teamMembers, teamState{Province: found[0].Code, Search: text}, note)
	}
	return true, v.goNote(teamProvinces, teamState{Search: text}, note)
}

// namedElsewhere is the note above the members an admin's search found
// (found: their provinces) when the text names whole, by its current name,
// a commune of one of those provinces and others of that name elsewhere,
// which have no member then: "Quảng Yên" lists the members of Xã Quảng
// Yên of Phú Thọ, and says Phường Quảng Yên of Quảng Ninh and Xã Quảng Yên
// of Thanh Hóa have none — the admin who meant one of those would else
// take the list for it. "" when there is none such.
func (v *teamView) namedElsewhere(text string, found []storage.ProvinceFound) (string, error) {
	named, err := v.tx.CommunesNamed(v.ctx, "", "", text)
	if err != nil || len(named) == 0 || !named[0].Current {
		return "", err
	}
	in := func(n storage.NamedCommune) bool {
		return slices.ContainsFunc(found, func(p storage.ProvinceFound) bool { return p.Code == n.ProvinceCode })
	}
	named = storage.PreferCurrent(named)
	if !slices.ContainsFunc(named, in) { // members found by their own name, not by the commune's
		return "", nil
	}
	var others []string
	for _, n := range named {
		if full := n.FullName(); !in(n) && !slices.Contains(others, full) {
			others = append(others, full)
		}
	}
	switch {
	case len(others) == 0:
		return "", nil
	case len(others) > communesListed:
		return v.t.N("team.named_also_many", len(others), locales.Data{"Query": text, "Count": len(others)}), nil
	}
	return v.t.T("team.named_also", locales.Data{"Query": text, "Communes": strings.Join(others, "; ")}), nil
}

// communesListed is how many communes an admin's note names by name, at
// most: more are told apart by their district instead.
const communesListed = 5

// namedEmpty answers an admin's text that finds no member anywhere when it
// names communes whole (they have no member, then): of one province, its
// list, narrowed to the search, which says so (drawMembers); of more, the
// grid, with them named, or how many and how to tell one apart. done is
// false when it names none.
func (v *teamView) namedEmpty(text string) (done bool, err error) {
	named, err := v.tx.CommunesNamed(v.ctx, "", "", text)
	if err != nil || len(named) == 0 {
		return false, err
	}
	named = storage.PreferCurrent(named)
	var provinces, communes []string
	for _, n := range named {
		if !slices.Contains(provinces, n.ProvinceCode) {
			provinces = append(provinces, n.ProvinceCode)
		}
		if full := n.FullName(); !slices.Contains(communes, full) {
			communes = append(communes, full)
		}
	}
	if len(provinces) == 1 {
		return true, v.goTo(teamMembers, teamState{Province: provinces[0], Search: text})
	}
	note := v.t.N("team.named_many", len(communes), locales.Data{"Query": text, "Count": len(communes)})
	if named[0].Current && len(communes) <= communesListed {
		note = v.t.T("team.named_empty", locales.Data{"Communes": strings.Join(communes, "; ")})
	}
	return true, v.goNote(teamProvinces, teamState{}, note)
}

// elsewhere answers a search that found nobody in the unit shown when
// its text names something outside it: for an admin, whatever adminFind
// finds in the country (another province, members elsewhere); for a
// province coordinator their own province's name is their whole list; and
// another province's name, or a commune's outside their unit, is said to
// be outside what they may see. done is false for anything else (a search
// that finds nobody, as before).
func (v *teamView) elsewhere(text string) (done bool, err error) {
	if v.role == storage.RoleAdmin {
		return v.adminFind(text)
	}
	own, err := v.unitName()
	if err != nil {
		return false, err
	}
	p, ok, err := storage.ProvinceNamed(text)
	if err != nil {
		return false, err
	}
	if ok && v.st.Commune == "" && p.Code == v.st.Province {
		note := ""
		if p.Old != "" {
			note = formerProvince(v.t, p)
		}
		st := v.st
		st.Search, st.Page, st.Member, st.Invite = "", 0, 0, ""
		return true, v.goNote(teamMembers, st, note)
	}
	if ok {
		return true, v.show(v.t.T("team.outside", locales.Data{"Unit": p.Name, "Own": own}))
	}
	// A commune's name typed whole (its current name or an old one): one
	// of the unit's is the search's to answer (drawMembers: it has no
	// member yet; "phường 1", an old name of many, names the unit's first).
	// Else the one commune it means (storage.PreferCurrent: "Phường Đại
	// Mỗ" the ward of Hà Nội, not also the old one of Tây Mỗ) is outside
	// the unit; unless it means several, or also names by an old name a
	// commune of the user's province ("nhơn phú", in Gia Lai the old
	// Phường Nhơn Phú, besides Xã Nhơn Phú of Vĩnh Long): a search that
	// finds nobody, as before.
	if in, err := v.tx.CommunesNamed(v.ctx, v.st.Province, v.st.Commune, text); err != nil || len(in) > 0 {
		return false, err
	}
	named, err := v.tx.CommunesNamed(v.ctx, "", "", text)
	if err != nil || len(named) == 0 {
		return false, err
	}
	meant := storage.PreferCurrent(named)
	for _, n := range named {
		if n.Code != meant[0].Code && (slices.Contains(meant, n) || n.ProvinceCode == v.st.Province) {
			return false, nil // several communes of that name
		}
	}
	return true, v.show(v.t.T("team.outside", locales.Data{"Unit": meant[0].FullName(), "Own": own}))
}

// teamStart is /team.
func (h *Handlers) teamStart(r *request, args string) error {
	if r.role == storage.RoleAdmin {
		return h.teamOpen(r, teamProvinces, teamState{}, args)
	}
	if r.role != storage.RoleCoordinator && r.role != storage.RoleProvinceCoordinator {
		r.say(r.t.T("team.not_allowed"), nil)
		return nil
	}
	province, commune, ok, err := h.ownUnit(r)
	if err != nil {
		return err
	}
	if !ok {
		r.say(r.t.T("invite.no_unit"), nil)
		return nil
	}
	return h.teamOpen(r, teamMembers, teamState{Province: province, Commune: commune}, args)
}

// ownUnit is the unit a coordinator holds now: their province (commune
// empty), or their commune and its province.
func (h *Handlers) ownUnit(r *request) (province, commune string, ok bool, err error) {
	switch {
	case r.role == storage.RoleProvinceCoordinator && r.user.ProvinceCode.Valid:
		return r.user.ProvinceCode.String, "", true, nil
	case r.role == storage.RoleCoordinator && r.user.CommuneCode.Valid:
		c, err := r.tx.Commune(r.ctx, r.user.CommuneCode.String)
		if err != nil {
			return "", "", false, err
		}
		return c.ProvinceCode, c.Code, true, nil
	}
	return "", "", false, nil
}

// teamGo saves the flow at step and shows it, with note above it.
func (h *Handlers) teamGo(r *request, step string, st teamState, note string) error {
	v, err := h.teamSaved(r, step, st)
	if err != nil {
		return err
	}
	return v.draw(note)
}

// teamSaved saves the chat at step of /team, at a new version, and is its
// view, not drawn yet.
func (h *Handlers) teamSaved(r *request, step string, st teamState) (*teamView, error) {
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return nil, err
	}
	version, err := r.tx.SaveConversation(r.ctx, r.chat, flowTeam, step, st, r.liveMessage())
	if err != nil {
		return nil, err
	}
	return &teamView{request: r, h: h, step: step, st: st, ver: version}, nil
}

// teamOpen opens /team at step, with the words typed after the command
// (typedAtStart).
func (h *Handlers) teamOpen(r *request, step string, st teamState, args string) error {
	v, err := h.teamSaved(r, step, st)
	if err != nil {
		return err
	}
	return typedAtStart(h, r, flowTeam, step, teamScreens[step], v, args, v.draw)
}

func (v *teamView) goTo(step string, st teamState) error { return v.h.teamGo(v.request, step, st, "") }

func (v *teamView) goNote(step string, st teamState, note string) error {
	return v.h.teamGo(v.request, step, st, note)
}

func (v *teamView) button(label, action, arg string) bot.Button {
	return bot.Button{Text: label, Data: callback{flow: flowTeam, action: action, arg: arg, version: v.ver}.String()}
}

// show draws the view's step in front of the user, with note above it: in
// place of the pressed message, or as a new message at a new version, as
// the invite flow's screens are (inviteView.show).
func (v *teamView) show(note string) error {
	if v.liveMessage() == 0 {
		return v.h.teamGo(v.request, v.step, v.st, note)
	}
	return v.draw(note)
}

// draw draws the view's step, saved at v.ver, with note above it
// (redrawing).
func (v *teamView) draw(note string) error {
	if err := v.redrawing(flowTeam, v.ver); err != nil {
		return err
	}
	return showScreen(v.request, v.step, teamScreens[v.step], v, note)
}

// teamView reads the flow's state from the conversation.
func (h *Handlers) teamView(r *request, conv storage.Conversation) (*teamView, error) {
	var st teamState
	step, err := stepOf(conv, &st, teamScreens, teamMembers)
	if err != nil {
		return nil, err
	}
	return &teamView{request: r, h: h, step: step, st: st, ver: conv.Version}, nil
}

// allowed reports whether the user may see the unit the flow shows: an
// admin any, a coordinator the unit they hold now and no other.
func (v *teamView) allowed() (bool, error) {
	if v.role == storage.RoleAdmin {
		return v.step == teamProvinces || v.st.Province != "", nil
	}
	province, commune, ok, err := v.h.ownUnit(v.request)
	return ok && province == v.st.Province && commune == v.st.Commune, err
}

// teamPress moves the flow on by a button.
func (h *Handlers) teamPress(r *request, cb callback) error {
	conv, ok, err := flowOf(r, flowTeam)
	if !ok {
		return err
	}
	v, err := h.teamView(r, conv)
	if err != nil {
		return err
	}
	if ok, err := v.allowed(); err != nil || !ok {
		if err != nil {
			return err
		}
		// No longer a coordinator of this unit (removed, moved): the flow
		// ends here.
		return endFlow(r, r.t.T("team.not_allowed"))
	}
	if olderCopy(r, conv, cb) {
		return nil
	}
	if moved, err := v.numbersMoved(conv, cb); moved || err != nil {
		return err
	}
	return press(h, r, flowTeam, v.step, teamScreens[v.step], v, conv, cb)
}

// numbersMoved answers a ✕ pressed on a list whose numbers moved since it
// was drawn, and says whether it did. A number is a member's place in the
// list, and the list may change under a screen left open: another
// coordinator removed someone, someone joined. The ✕ carries its member
// and the number it showed (removeArg); one whose number is no longer its
// member's asks nothing: the list comes again as it is, saying so and
// which number the member has now (team.numbers_moved). Until review 32B
// it asked, and the confirmation showed the member's new number, which on
// the list read was another person's ("✕ 6. Lan" pressed, "Người bạn
// chọn: 5. Lan", the other Lan's number there), its ✕ rows renumbered
// under the finger. A ✕ of the list as it is asks as before (pick).
func (v *teamView) numbersMoved(conv storage.Conversation, cb callback) (bool, error) {
	if cb.action != "rm" || cb.version != conv.Version || (v.step != teamMembers && v.step != teamConfirm) {
		return false, nil
	}
	id, shown := removeArgs(cb.arg)
	if shown == 0 || v.step == teamConfirm && id == v.st.Member {
		return false, nil
	}
	u, ok, err := v.removable(id)
	if err != nil || !ok {
		return false, err // gone: pick says so
	}
	_, num, listed, err := v.listed(u.TelegramID)
	if err != nil || !listed || num == shown {
		return false, err
	}
	st := v.st
	st.Member, st.Number, st.Page = 0, 0, (num-1)/membersPerPage
	return true, v.goNote(teamMembers, st, v.t.T("team.numbers_moved", locales.Data{
		"Pressed": v.t.T("team.remove_button", locales.Data{"Number": shown, "Name": short(u.FirstName)}),
		"Name":    u.FirstName, "Number": num}))
}

// teamText answers a typed text in the team flow: on the list (or its
// invites) a search; elsewhere a button is wanted, so a hint and the
// screen again, below.
func (h *Handlers) teamText(r *request, conv storage.Conversation) error {
	v, err := h.teamView(r, conv)
	if err != nil {
		return err
	}
	if ok, err := v.allowed(); err != nil || !ok {
		return v.refused(err)
	}
	if done, err := typed(h, r, flowTeam, v.step, teamScreens[v.step], v); done || err != nil {
		return err
	}
	v.cb = nil
	return v.show(r.t.T("team.use_buttons"))
}

// refused ends the flow of one who may no longer see the unit it shows
// (allowed), said so below what they sent; err, from allowed, first.
func (v *teamView) refused(err error) error {
	if err != nil {
		return err
	}
	v.say(v.t.T("team.not_allowed"), nil)
	return v.tx.EndConversation(v.ctx, v.chat)
}

// teamAgain draws the /team screen the chat is on again as a new message,
// below an answer given while it was open (/help, /start, /me, /lang:
// caseBelow), where it stood; the copy above loses its buttons. One who
// may no longer see its unit is told so, and the flow ends.
func (h *Handlers) teamAgain(r *request, conv storage.Conversation) error {
	v, err := h.teamView(r, conv)
	if err != nil {
		return err
	}
	v.cb = nil // a new message, not in place of the language question pressed
	if ok, err := v.allowed(); err != nil || !ok {
		return v.refused(err)
	}
	return v.show("")
}

// unitName names the unit the flow shows.
func (v *teamView) unitName() (string, error) {
	if v.st.Commune != "" {
		return v.h.unitName(v.request, v.st.Commune)
	}
	return v.h.provinceName(v.request, v.st.Province)
}

// vnDay shows a date, Vietnam time, as the user's language writes it
// (locales.Localizer.Date: 27/11/2026, 27 Nov 2026).
func vnDay(l *locales.Localizer, t time.Time) string { return l.Date(t.In(vietnam)) }

// nav is the row of a list's Previous and Next buttons, if any.
func (v *teamView) nav(action string, page, pages int) []bot.Button {
	return pageRow(v.t, page, page+1 < pages, func(label, p string) bot.Button { return v.button(label, action, p) })
}

// short cuts a name for a button, at a word.
func short(s string) string { return shortenAtWord(s, buttonName) }

// membersPage is the list's page as the flow stands: its lines, and its
// ✕, paging and search rows, which the confirmation of a removal keeps in
// their places (teamConfirm) — all but the list's last two rows.
func (v *teamView) membersPage() ([]string, bot.Keyboard, error) {
	unit, err := v.unitName()
	if err != nil {
		return nil, nil, err
	}
	since := monthOf(v.h.now())
	until := since.AddDate(0, 1, 0)
	page := v.st.Page
	ms, total, err := v.tx.TeamMembers(v.ctx, v.st.Province, v.st.Commune, v.st.Search, since, until, page*membersPerPage, membersPerPage)
	if err != nil {
		return nil, nil, err
	}
	n := pages(total, membersPerPage)
	if page >= n { // the list shrank under a later page (a removal)
		page = n - 1
		if ms, total, err = v.tx.TeamMembers(v.ctx, v.st.Province, v.st.Commune, v.st.Search, since, until, page*membersPerPage, membersPerPage); err != nil {
			return nil, nil, err
		}
	}
	lines := []string{v.t.N("team.members_head", total, locales.Data{"Unit": unit, "Page": page + 1, "Pages": n})}
	switch {
	case v.st.Search != "" && total == 0:
		none, err := v.searchNone(unit)
		if err != nil {
			return nil, nil, err
		}
		lines = []string{none}
	case v.st.Search != "":
		lines = []string{v.t.N("team.search_head", total, locales.Data{"Query": v.st.Search, "Unit": unit, "Page": page + 1, "Pages": n})}
	case total == 0:
		lines = append(lines, v.t.T("team.no_members"))
	}
	if v.st.Search != "" {
		// Which communes an old name typed is part of now.
		olds, err := v.tx.OldNamesNamed(v.ctx, v.st.Province, v.st.Commune, v.st.Search)
		if err != nil {
			return nil, nil, err
		}
		for i, o := range olds {
			if i == oldNamesShown {
				lines = append(lines, v.t.N("team.search_old_more", len(olds)-i, locales.Data{"Count": len(olds) - i}))
				break
			}
			lines = append(lines, v.t.T("team.search_old", locales.Data{"Old": o.Label, "Commune": o.CommuneName}))
		}
	}
	var remove []bot.Button
	for i, m := range ms {
		num := page*membersPerPage + i + 1
		lines = append(lines, v.memberLine(m, num))
		if v.mayRemove(m.TelegramID, m.Role) {
			remove = append(remove, v.button(v.t.T("team.remove_button", locales.Data{"Number": num, "Name": short(m.FirstName)}),
				"rm", removeArg(m.TelegramID, num)))
		}
	}
	kb := grid(remove, 2)
	if row := v.nav("page", page, n); row != nil {
		kb = append(kb, row)
	}
	if v.st.Search != "" {
		kb = append(kb, []bot.Button{v.button(v.t.T("team.search_clear"), "all", "")})
	} else if n > 1 {
		lines = append(lines, "", v.t.T("team.search_tip"))
	}
	return lines, kb, nil
}

func (v *teamView) drawMembers() (string, bot.Keyboard, error) {
	lines, kb, err := v.membersPage()
	if err != nil {
		return "", nil, err
	}
	kb = append(kb, []bot.Button{v.button(v.t.T("team.invites_button"), "invites", "")})
	last := []bot.Button{v.button(v.t.T("team.close"), "close", "")}
	if v.role == storage.RoleAdmin {
		last = append([]bot.Button{v.button(v.t.T("button.back"), "back", "")}, last...)
	}
	return strings.Join(lines, "\n"), append(kb, last), nil
}

// searchNone is the head of a search that found nobody in the unit: a
// commune of the unit it names whole (storage.CommunesNamed) has no member
// yet, and /invite brings some; a search of nothing but kinds ("phường")
// is too broad to be one; else nobody has that name.
func (v *teamView) searchNone(unit string) (string, error) {
	named, err := v.tx.CommunesNamed(v.ctx, v.st.Province, v.st.Commune, v.st.Search)
	if err != nil {
		return "", err
	}
	named = storage.PreferCurrent(named)
	data := locales.Data{"Query": v.st.Search, "Unit": unit}
	if len(named) > 0 && !slices.ContainsFunc(named, func(n storage.NamedCommune) bool { return n.Code != named[0].Code }) {
		data["Commune"] = named[0].Name
		return v.t.T("team.commune_empty", data), nil
	}
	if broad, err := v.tooBroad(v.st.Province, v.st.Commune, "team.query_kinds", data); broad != "" || err != nil {
		return broad, err
	}
	return v.t.T("team.search_none", data), nil
}

// tooBroad is what a search of kinds only ("phường", storage.OnlyKinds) is
// told, by key, when it would have found members of the unit by their
// commune's kind alone (storage.KindMembers); "" when it is no such search.
func (v *teamView) tooBroad(province, commune, key string, data locales.Data) (string, error) {
	if !storage.OnlyKinds(data["Query"].(string)) {
		return "", nil
	}
	n, err := v.tx.KindMembers(v.ctx, province, commune, data["Query"].(string))
	if err != nil || n == 0 {
		return "", err
	}
	data["Count"] = n
	return v.t.N(key, n, data), nil
}

// memberLine is member m's line of the list, numbered num: the time they
// joined too where a namesake of their commune joined the same day.
func (v *teamView) memberLine(m storage.Member, num int) string {
	joined := "—"
	if m.JoinedAt.Valid {
		joined = vnDay(v.t, m.JoinedAt.Time)
		if m.NamesakeSameDay {
			joined = v.t.T("team.joined_time", locales.Data{"Day": joined, "Time": m.JoinedAt.Time.In(vietnam).Format("15:04")})
		}
	}
	key := "team.member_line"
	if v.st.Commune == "" && m.CommuneName.Valid {
		key = "team.member_line_commune"
	}
	return v.t.T(key, locales.Data{"Number": num, "Name": m.FirstName, "Role": v.t.T("role." + m.Role),
		"Commune": m.CommuneName.String, "Joined": joined, "Cases": m.CasesInPeriod, "Active": vnDay(v.t, m.LastActive)})
}

// removeArg is a ✕ button's argument: its member and the number it shows
// ("123456789.6").
func removeArg(id int64, num int) string {
	return strconv.FormatInt(id, 10) + "." + strconv.Itoa(num)
}

// removeArgs reads a ✕ button's argument (removeArg): the member, and the
// number the button showed, 0 on a button drawn before review 32B (the
// member's id alone). numbersMoved leaves such a ✕ to press, which
// answers it out of date: the list drawn now offers no button with its
// data (TestReview34COldRemoveButtonIsOutOfDate).
func removeArgs(arg string) (id int64, num int) {
	idText, numText, _ := strings.Cut(arg, ".")
	id, _ = strconv.ParseInt(idText, 10, 64)
	num, _ = strconv.Atoi(numText)
	return id, max(num, 0)
}

// listed is member id as the list open shows them (its page first, then
// the whole list, should it have changed), with their number in it.
func (v *teamView) listed(id int64) (storage.Member, int, bool, error) {
	since := monthOf(v.h.now())
	until := since.AddDate(0, 1, 0)
	for _, offset := range []int{v.st.Page * membersPerPage, 0} {
		limit := membersPerPage
		if offset == 0 {
			limit = maxTeamListed
		}
		ms, _, err := v.tx.TeamMembers(v.ctx, v.st.Province, v.st.Commune, v.st.Search, since, until, offset, limit)
		if err != nil {
			return storage.Member{}, 0, false, err
		}
		for i, m := range ms {
			if m.TelegramID == id {
				return m, offset + i + 1, true, nil
			}
		}
	}
	return storage.Member{}, 0, false, nil
}

// invitesPage is the invites' page as the flow stands: its lines, and its
// revoke and paging rows, which the confirmation of a revocation keeps in
// their places (teamRevoke) — all but the list's last row.
func (v *teamView) invitesPage() ([]string, bot.Keyboard, error) {
	unit, err := v.unitName()
	if err != nil {
		return nil, nil, err
	}
	now := v.h.now()
	page := v.st.IPage
	is, total, err := v.tx.UnusedInvites(v.ctx, v.st.Province, v.st.Commune, now, page*invitesPerPage, invitesPerPage)
	if err != nil {
		return nil, nil, err
	}
	n := pages(total, invitesPerPage)
	if page >= n {
		page = n - 1
		if is, total, err = v.tx.UnusedInvites(v.ctx, v.st.Province, v.st.Commune, now, page*invitesPerPage, invitesPerPage); err != nil {
			return nil, nil, err
		}
	}
	lines := []string{v.t.N("team.invites_head", total, locales.Data{"Unit": unit, "Page": page + 1, "Pages": n})}
	var revoke []bot.Button
	for i, inv := range is {
		num := page*invitesPerPage + i + 1
		where := inv.CommuneName.String
		if inv.ProvinceCode.Valid {
			where = unit
		}
		lines = append(lines, v.t.T("team.invite_line", locales.Data{"Number": num, "Role": v.t.T("role." + inv.Role), "Unit": where, "Code": codeTail(inv.Code),
			"Uses": inv.Uses, "Max": inv.MaxUses, "Created": vnDay(v.t, inv.CreatedAt), "Expires": vnDay(v.t, inv.ExpiresAt.Add(-time.Second))}))
		if v.mayRevoke(inv.Invite) {
			revoke = append(revoke, v.button(v.t.T("team.revoke_button", locales.Data{"Number": num}), "revoke", inv.Code))
		}
	}
	kb := grid(revoke, 4)
	if row := v.nav("ipage", page, n); row != nil {
		kb = append(kb, row)
	}
	return lines, kb, nil
}

func (v *teamView) drawInvites() (string, bot.Keyboard, error) {
	lines, kb, err := v.invitesPage()
	if err != nil {
		return "", nil, err
	}
	kb = append(kb, []bot.Button{v.button(v.t.T("button.back"), "back", ""), v.button(v.t.T("team.close"), "close", "")})
	return strings.Join(lines, "\n"), kb, nil
}

// codeTail is how /team tells a link apart: the last characters of its
// code, as the link its maker was given ends. Not the whole code: the list
// is shown to whoever may see the team, and a link is a way in (a
// coordinator's, made by an admin, into a commune coordinator's list).
func codeTail(code string) string {
	const tail = 4
	if len(code) <= tail {
		return code
	}
	return code[len(code)-tail:]
}

// mayRemove reports whether the user may remove someone of this role: never
// themselves, nor an administrator (by the configuration, whatever unit
// they also joined: removing them would revoke every link they made); an
// admin anyone else; a coordinator only someone of a lower rank (a
// coordinator's peers and superiors are their superiors' business).
func (v *teamView) mayRemove(id int64, role string) bool {
	if id == v.user.TelegramID || v.h.admins[id] {
		return false
	}
	return v.role == storage.RoleAdmin || storage.RoleRank(role) < storage.RoleRank(v.role)
}

// mayRevoke reports whether the user may revoke an invite of their unit:
// an admin any; a coordinator their own, and those for a lower role.
func (v *teamView) mayRevoke(inv storage.Invite) bool {
	return v.role == storage.RoleAdmin || inv.CreatedBy == v.user.TelegramID || storage.RoleRank(inv.Role) < storage.RoleRank(v.role)
}

// inUnit reports whether a commune (or a province, for a province-level
// row) is within the unit the flow shows.
func (v *teamView) inUnit(commune, province string) (bool, error) {
	switch {
	case v.st.Commune != "":
		return commune == v.st.Commune, nil
	case province != "":
		return province == v.st.Province, nil
	case commune == "":
		return false, nil
	}
	c, err := v.tx.Commune(v.ctx, commune)
	if errors.Is(err, storage.ErrNotFound) {
		return false, nil
	}
	return err == nil && c.ProvinceCode == v.st.Province, err
}

// removable reads a member as they are now and reports whether the user
// may remove them: still a member of the unit shown, and of a rank the
// user may remove.
func (v *teamView) removable(id int64) (storage.User, bool, error) {
	u, err := v.tx.User(v.ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return u, false, nil
	} else if err != nil {
		return u, false, err
	}
	if storage.RoleRank(u.Role) == 0 || v.h.roleOf(u) == storage.RoleAdmin || !v.mayRemove(u.TelegramID, u.Role) {
		return u, false, nil
	}
	in, err := v.inUnit(u.CommuneCode.String, u.ProvinceCode.String)
	return u, in, err
}

// remove takes the confirmed member out of the team, tells them, and goes
// back to the list.
func (v *teamView) remove() error {
	st := v.st
	st.Member, st.Number = 0, 0
	u, ok, err := v.removable(v.st.Member)
	if err != nil {
		return err
	}
	them := v.h.texts.For(u.Language)
	done := v.t.T("team.removed", locales.Data{"Name": u.FirstName})
	if ok {
		// One of a namesake is told apart by their line of the list, as
		// the confirmation showed it: read before they leave it.
		m, num, listed, err := v.listed(u.TelegramID)
		if err != nil {
			return err
		}
		if listed && m.Namesake {
			// By the number the confirmation showed, should the list have
			// changed since (review 32B).
			done = v.t.T("team.removed_namesake", locales.Data{"Name": u.FirstName, "Line": v.memberLine(m, cmp.Or(v.st.Number, num))})
		}

		// Their chat's conversation is locked first, their row second: the
		// order their own updates take them in (SeeUser), so a removal and
		// a message of theirs at the same moment cannot deadlock.
		conv, err := v.tx.Conversation(v.ctx, u.TelegramID)
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		// Whatever they were doing with the bot ends; their cases stay, the
		// one on their screen paused (its clock stops now).
		their := &request{ctx: v.ctx, tx: v.tx, user: u, role: u.Role, t: them, chat: u.TelegramID}
		if ok, err = v.h.takeOut(their, u, true); err != nil {
			return err
		}
		if ok && conv.MessageID != 0 && (conv.Flow == flowTally || conv.Flow == flowTeam || conv.Flow == flowInvite) {
			// The screen of a coordinator's flow (/tally, /team, /invite)
			// offers what they may no longer do: its buttons go.
			v.replies = append(v.replies, bot.EditButtons{ChatID: u.TelegramID, MessageID: conv.MessageID})
		}
	}
	if !ok { // someone else was quicker
		return v.goNote(teamMembers, st, v.t.T("team.remove_gone"))
	}
	unit, err := v.h.userUnit(v.request, u)
	if err != nil {
		return err
	}
	// The cases they leave unfinished are kept as they are: theirs again
	// (/resume) if they are invited again.
	open, err := v.tx.CountOpenCases(v.ctx, u.TelegramID)
	if err != nil {
		return err
	}
	v.replies = append(v.replies,
		bot.Message{ChatID: u.TelegramID, Text: them.T("team.removed_notice", locales.Data{"Unit": unit}) + unfinishedNote(them, open)},
		v.h.menuFor(u.TelegramID, them, v.h.roleOf(storage.User{TelegramID: u.TelegramID, Role: storage.RoleGuest})))
	return v.goNote(teamMembers, st, done)
}

// revocable reads an invite as it is now and reports whether the user may
// revoke it: of the unit shown, still usable, and theirs to revoke.
func (v *teamView) revocable(code string) (storage.Invite, bool, error) {
	if !invitePayload.MatchString(code) {
		return storage.Invite{}, false, nil
	}
	inv, err := v.tx.Invite(v.ctx, code)
	if errors.Is(err, storage.ErrNotFound) {
		return inv, false, nil
	} else if err != nil {
		return inv, false, err
	}
	usable := !inv.RevokedAt.Valid && v.h.now().Before(inv.ExpiresAt) && inv.Uses < inv.MaxUses
	if !usable || !v.mayRevoke(inv) {
		return inv, false, nil
	}
	in, err := v.inUnit(inv.CommuneCode.String, inv.ProvinceCode.String)
	return inv, in, err
}

// revoke ends the confirmed invite and goes back to the list.
func (v *teamView) revoke() error {
	st := v.st
	st.Invite = ""
	inv, ok, err := v.revocable(v.st.Invite)
	if err != nil {
		return err
	}
	if ok {
		if ok, err = v.tx.RevokeInvite(v.ctx, inv.Code, v.h.now()); err != nil {
			return err
		}
	}
	if !ok {
		return v.goNote(teamInvites, st, v.t.T("team.revoke_gone"))
	}
	return v.goNote(teamInvites, st, v.t.T("team.revoked"))
}
