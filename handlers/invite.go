package handlers

import (
	"database/sql"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// The invite flow: an admin picks a province, then either the whole
// province (an invite for its province coordinator) or a commune (by
// buttons or by typing a name, old or new), then the role. A province
// coordinator starts at the communes of their province, and only theirs:
// the list, the search and every press keep to it. A commune coordinator
// gets a link for volunteers of their own commune at once: inviting to
// other communes is their coordinators' business. The result is a deep
// link https://t.me/<bot>?start=<code>.

// Invite flow steps.
const (
	stepProvince = "province"
	stepCommune  = "commune"
	stepResults  = "results"
	stepRole     = "role"
)

const (
	communesPerPage = 16
	searchResults   = 8
	maxQuery        = 100
)

// inviteState is the flow's data in the conversation row.
type inviteState struct {
	Province string `json:"p,omitempty"`
	Page     int    `json:"pg,omitempty"`
	Query    string `json:"q,omitempty"`
	Commune  string `json:"c,omitempty"`
	// Drawn is when the screen was drawn (the bot's clock, Unix
	// milliseconds): a link-making button pressed too soon after is the
	// second tap of a double tap on the screen before (tooSoon).
	Drawn int64 `json:"t,omitempty"`
}

func (h *Handlers) inviteStart(r *request, args string) error {
	switch {
	case r.role == storage.RoleAdmin:
		return h.inviteOpen(r, stepProvince, inviteState{}, args)
	case r.role == storage.RoleProvinceCoordinator && r.user.ProvinceCode.Valid:
		return h.inviteOpen(r, stepCommune, inviteState{Province: r.user.ProvinceCode.String}, args)
	case r.role == storage.RoleProvinceCoordinator:
		r.say(r.t.T("invite.no_unit"), nil)
		return nil
	case r.role != storage.RoleCoordinator:
		r.say(r.t.T("invite.not_allowed"), nil)
		return nil
	case !r.user.CommuneCode.Valid:
		r.say(r.t.T("invite.no_unit"), nil)
		return nil
	}
	others, err := h.otherCommunesNamed(r, args)
	if err != nil {
		return err
	}
	if len(others) == 0 {
		return h.inviteCreate(r, r.user.CommuneCode.String, storage.RoleVolunteer)
	}
	unit, err := h.unitName(r, r.user.CommuneCode.String)
	if err != nil {
		return err
	}
	query := strings.Join(strings.Fields(args), " ")
	if privacy.PersonName(args) {
		// "Thanh Hà": whom they invite as likely as Xã Thanh Hà — their
		// team's link, as /invite NAME is (docs/team.md), saying first
		// whose it is and whose it is not.
		return h.inviteCreateAbove(r, r.user.CommuneCode.String, storage.RoleVolunteer,
			r.t.N("invite.person_named", len(others), locales.Data{"Query": query, "Communes": communeNames(r.t, others, 2),
				"Count": len(others), "Unit": unit}))
	}
	if len(others) > 1 {
		r.say(r.t.T("invite.commune_only_many", locales.Data{"Query": query, "Count": len(others), "Unit": unit}), nil)
		return nil
	}
	r.say(r.t.T("invite.commune_only", locales.Data{"Commune": communeNames(r.t, others, 1), "Unit": unit}), nil)
	return nil
}

// communeNames names the first at most n of ms ("Xã Thanh Hà, Thành phố
// Hải Phòng; Phường Hội An Tây, Thành phố Đà Nẵng (trước đây: Phường Thanh
// Hà, …)"), today's names first, an old name that matched said.
func communeNames(t *locales.Localizer, ms []storage.CommuneMatch, n int) string {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b storage.CommuneMatch) int {
		switch {
		case a.IsCurrent == b.IsCurrent:
			return 0
		case a.IsCurrent:
			return -1
		}
		return 1
	})
	names := make([]string, 0, n)
	for _, m := range ms[:min(n, len(ms))] {
		name := m.FullName()
		if !m.IsCurrent {
			name += " (" + t.T("invite.old_name", locales.Data{"Old": m.Label}) + ")"
		}
		names = append(names, name)
	}
	return strings.Join(names, "; ")
}

// otherCommunesNamed are the communes args (what a commune coordinator
// typed after /invite) is the name of — current or old, with or without
// "xã"/"phường" and its province — when none is theirs: they invite only
// to their own team, and a link to it under another's name would be
// forwarded unread. Words that are no commune's whole name (whom they
// invite: "Lan", though Xã Mường Lạn holds it) give none.
func (h *Handlers) otherCommunesNamed(r *request, args string) ([]storage.CommuneMatch, error) {
	typed := vntext.Fold(args)
	if typed == "" || privacy.PersonalData(args) != "" || utf8.RuneCountInString(args) > maxQuery {
		return nil, nil
	}
	ms, err := searchFitting(r, args, "", 100)
	if err != nil {
		return nil, err
	}
	var others []storage.CommuneMatch
	for _, m := range ms {
		if !namesCommune(typed, m.Search) || slices.ContainsFunc(others, func(o storage.CommuneMatch) bool { return o.Code == m.Code }) {
			continue
		}
		if m.Code == r.user.CommuneCode.String {
			return nil, nil
		}
		others = append(others, m)
	}
	return others, nil
}

// namesCommune tells whether typed (folded) is the whole name a search
// text (storage.CommuneMatch.Search: " phuong an hoi dong | thanh pho ho
// chi minh ") stands for: its first part, with or without the kind of
// unit it begins with, alone or followed by more words ("…, TP HCM").
func namesCommune(typed, search string) bool {
	name := strings.TrimSpace(strings.Split(search, "|")[0])
	names := []string{name}
	for _, kind := range []string{"xa ", "phuong ", "dac khu ", "thi tran "} {
		if rest, ok := strings.CutPrefix(name, kind); ok {
			names = append(names, rest)
		}
	}
	for _, n := range names {
		if typed == n || strings.HasPrefix(typed, n+" ") {
			return true
		}
	}
	return false
}

// inviteView is where the chat stands in the invite flow.
type inviteView struct {
	*request
	h    *Handlers
	step string
	st   inviteState
	ver  int
}

func (v *inviteView) button(label, action, arg string) bot.Button {
	return bot.Button{Text: label, Data: callback{flow: flowInvite, action: action, arg: arg, version: v.ver}.String()}
}

// goTo puts the chat on a step of the flow and shows it.
func (v *inviteView) goTo(step string, st inviteState) error {
	return v.h.inviteGo(v.request, step, st)
}

type (
	inviteScreen = screen[*inviteView]
	inviteAction = action[*inviteView]
)

// inviteScreenOrder is the reading order of the graph.
var inviteScreenOrder = []string{stepProvince, stepCommune, stepResults, stepRole}

// inviteScreens is the invite flow, screen by screen (docs/architecture.md
// draws its graph).
var inviteScreens map[string]inviteScreen

func init() {
	commune := inviteAction{to: []string{stepRole}, do: func(v *inviteView, code string) error {
		c, err := v.tx.Commune(v.ctx, code)
		if errors.Is(err, storage.ErrNotFound) || (err == nil && !v.mayInvite(c.ProvinceCode)) {
			return v.show("")
		} else if err != nil {
			return err
		}
		v.st.Commune = c.Code
		return v.goTo(stepRole, v.st)
	}}
	cancel := inviteAction{to: []string{leadsNowhere}, do: func(v *inviteView, _ string) error { return endFlow(v.request, v.t.T("invite.cancelled")) }}
	back := func(to ...string) inviteAction {
		return inviteAction{to: to, do: func(v *inviteView, _ string) error { return v.back() }}
	}
	// A typed name is a search at every step; nothing found keeps the step,
	// a province's name (one its user may invite to) opens its screen.
	search := func(from string) *inviteAction {
		to := []string{stepResults, from}
		if from != stepCommune {
			to = append(to, stepCommune)
		}
		return &inviteAction{to: to, do: func(v *inviteView, text string) error { return v.search(text) }}
	}
	inviteScreens = map[string]inviteScreen{
		stepProvince: {
			draw: func(v *inviteView) (string, bot.Keyboard, error) {
				kb, err := provinceGrid(v.request, func(name, code string) bot.Button { return v.button(name, "province", code) })
				if err != nil {
					return "", nil, err
				}
				return v.t.T("invite.choose_province"), append(kb, v.lastRow()), nil
			},
			on: map[string]inviteAction{
				"province": {to: []string{stepCommune}, do: func(v *inviteView, code string) error {
					return v.goTo(stepCommune, inviteState{Province: code})
				}},
				"cancel": cancel,
			},
			typed: search(stepProvince),
		},
		stepCommune: {
			draw: func(v *inviteView) (string, bot.Keyboard, error) {
				p, err := v.tx.Province(v.ctx, v.st.Province)
				if err != nil {
					return "", nil, err
				}
				cs, total, err := v.tx.Communes(v.ctx, v.st.Province, v.st.Page*communesPerPage, communesPerPage)
				if err != nil {
					return "", nil, err
				}
				pages := pages(total, communesPerPage)
				buttons := make([]bot.Button, len(cs))
				for i, c := range cs {
					buttons[i] = v.button(c.Name, "commune", c.Code)
				}
				kb := grid(buttons, 2)
				if v.role == storage.RoleAdmin {
					// The province itself: an invite for its province coordinator.
					kb = append(bot.Keyboard{{v.button(v.t.T("invite.whole_province"), "whole", "")}}, kb...)
				}
				nav := pageRow(v.t, v.st.Page, v.st.Page+1 < pages, func(label, p string) bot.Button { return v.button(label, "page", p) })
				if nav != nil {
					kb = append(kb, nav)
				}
				text := v.t.T("invite.choose_commune", locales.Data{"Province": p.Name, "Page": v.st.Page + 1, "Pages": pages})
				return text, append(kb, v.lastRow()), nil
			},
			on: map[string]inviteAction{
				"commune": commune,
				"whole": {to: []string{leadsNowhere, stepCommune}, do: func(v *inviteView, _ string) error {
					if v.role != storage.RoleAdmin {
						return v.show("")
					}
					if v.tooSoon("invite.whole_province") {
						return nil
					}
					return v.h.inviteCreateProvince(v.request, v.st.Province)
				}},
				"page": {to: []string{stepCommune}, do: func(v *inviteView, arg string) error {
					page, _ := strconv.Atoi(arg)
					v.st.Page = max(page, 0)
					return v.goTo(stepCommune, v.st)
				}},
				"back":   back(stepProvince),
				"cancel": cancel,
			},
			typed: search(stepCommune),
		},
		stepResults: {
			draw: func(v *inviteView) (string, bot.Keyboard, error) {
				ms, err := searchFitting(v.request, v.st.Query, v.st.Province, searchResults+1)
				if err != nil {
					return "", nil, err
				}
				text, kb := resultsScreen(v, v.st.Query, ms)
				if p, ok, err := v.namedProvince(v.st.Query); err != nil {
					return "", nil, err
				} else if ok {
					// "bình định": Xã Bình Định, Hưng Yên, and the old
					// province, now in Gia Lai.
					line := v.t.T("invite.province_line", locales.Data{"Province": p.Name})
					if p.Old != "" {
						line = formerProvince(v.t, p) + " " + line
					}
					text += "\n\n" + line
					kb = append(bot.Keyboard{{v.button(v.t.T("invite.province_button", locales.Data{"Province": p.Name}), "province", p.Code)}}, kb...)
				}
				return text, append(kb, v.lastRow()), nil
			},
			on: map[string]inviteAction{
				"commune": commune,
				// The province the query names too (one its user may
				// invite to): its screen.
				"province": {to: []string{stepCommune}, do: func(v *inviteView, code string) error {
					if !v.mayInvite(code) {
						return v.show("")
					}
					if _, err := v.tx.Province(v.ctx, code); errors.Is(err, storage.ErrNotFound) {
						return v.show("")
					} else if err != nil {
						return err
					}
					return v.goTo(stepCommune, inviteState{Province: code})
				}},
				"back":   back(stepCommune, stepProvince),
				"cancel": cancel,
			},
			typed: search(stepResults),
		},
		stepRole: {
			draw: func(v *inviteView) (string, bot.Keyboard, error) {
				c, err := v.tx.Commune(v.ctx, v.st.Commune)
				if err != nil {
					return "", nil, err
				}
				kb := bot.Keyboard{{
					v.button(v.t.T("invite.role_volunteer"), "role", storage.RoleVolunteer),
					v.button(v.t.T("invite.role_coordinator"), "role", storage.RoleCoordinator),
				}}
				return v.t.T("invite.choose_role", locales.Data{"Unit": c.FullName()}), append(kb, v.lastRow()), nil
			},
			on: map[string]inviteAction{
				"role": {to: []string{leadsNowhere, stepRole}, do: func(v *inviteView, role string) error {
					c, err := v.tx.Commune(v.ctx, v.st.Commune)
					if err != nil {
						return err
					}
					if !v.mayInvite(c.ProvinceCode) || (role != storage.RoleVolunteer && role != storage.RoleCoordinator) {
						return v.show("")
					}
					if v.tooSoon("invite.role_" + role) {
						return nil
					}
					return v.h.inviteCreate(v.request, v.st.Commune, role)
				}},
				"back":   back(stepResults, stepCommune, stepProvince),
				"cancel": cancel,
			},
			typed: search(stepRole),
		},
	}
}

// tooSoon tells whether a press of the button labelled by key, one that
// makes a link, came too soon after its screen was drawn (WithTapGuard):
// the second tap of a double tap on a commune or a province, come after
// this screen replaced that one, lands on a role or "Cả tỉnh" at once, and
// made a link with a role nobody chose. Such a press is answered by a
// pop-up asking that it be made again, and the screen stays as it is.
func (v *inviteView) tooSoon(key string) bool {
	if !v.h.tooSoon(v.request, drawnAt(v.st.Drawn), "invite.too_soon", v.t.T(key)) {
		return false
	}
	v.landed = v.step
	return true
}

// inviteGo saves the flow at step and shows that step's screen.
func (h *Handlers) inviteGo(r *request, step string, st inviteState) error {
	return h.inviteGoNote(r, step, st, "")
}

// inviteGoNote is inviteGo with note above the screen.
func (h *Handlers) inviteGoNote(r *request, step string, st inviteState, note string) error {
	v, err := h.inviteSaved(r, step, st)
	if err != nil {
		return err
	}
	return v.draw(note)
}

// inviteSaved saves the chat at step of /invite, at a new version, and is
// its view, not drawn yet.
func (h *Handlers) inviteSaved(r *request, step string, st inviteState) (*inviteView, error) {
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return nil, err
	}
	st.Drawn = h.now().UnixMilli()
	version, err := r.tx.SaveConversation(r.ctx, r.chat, flowInvite, step, st, r.liveMessage())
	if err != nil {
		return nil, err
	}
	return &inviteView{request: r, h: h, step: step, st: st, ver: version}, nil
}

// inviteOpen opens /invite at step, with the words typed after the command
// (typedAtStart: "/invite gia lai" as "gia lai" typed on its first screen).
func (h *Handlers) inviteOpen(r *request, step string, st inviteState, args string) error {
	v, err := h.inviteSaved(r, step, st)
	if err != nil {
		return err
	}
	return typedAtStart(h, r, flowInvite, step, inviteScreens[step], v, args, v.draw)
}

// show draws the view's step in front of the user, with note above it: in
// place of the pressed message, or as a new message at a new version, so
// that an older copy's buttons, pressed before they went, are out of date.
func (v *inviteView) show(note string) error {
	if v.liveMessage() == 0 {
		return v.h.inviteGoNote(v.request, v.step, v.st, note)
	}
	return v.draw(note)
}

// draw draws the view's step, saved at v.ver, with note above it
// (redrawing).
func (v *inviteView) draw(note string) error {
	if err := v.redrawing(flowInvite, v.ver); err != nil {
		return err
	}
	return showScreen(v.request, v.step, inviteScreens[v.step], v, note)
}

// lastRow is every step's Back (where there is a way back) and Cancel.
func (v *inviteView) lastRow() []bot.Button {
	row := []bot.Button{v.button(v.t.T("button.cancel"), "cancel", "")}
	if v.step != stepProvince && !(v.step == stepCommune && v.role != storage.RoleAdmin) {
		row = append([]bot.Button{v.button(v.t.T("button.back"), "back", "")}, row...)
	}
	return row
}

// inviteView reads the flow's state from the conversation.
func (h *Handlers) inviteView(r *request, conv storage.Conversation) (*inviteView, error) {
	var st inviteState
	step, err := stepOf(conv, &st, inviteScreens, stepProvince)
	if err != nil {
		return nil, err
	}
	return &inviteView{request: r, h: h, step: step, st: st, ver: conv.Version}, nil
}

// invitePress moves the flow on by a button.
func (h *Handlers) invitePress(r *request, cb callback) error {
	conv, ok, err := flowOf(r, flowInvite)
	if !ok {
		return err
	}
	v, err := h.inviteView(r, conv)
	if err != nil {
		return err
	}
	if !v.mayUseFlow() {
		text, err := h.inviteRefused(r)
		if err != nil {
			return err
		}
		return endFlow(r, text)
	}
	if olderCopy(r, conv, cb) {
		return nil
	}
	return press(h, r, flowInvite, v.step, inviteScreens[v.step], v, conv, cb)
}

// back goes one screen back: from the role to the search results or the
// commune list it came from, from there to the provinces.
func (v *inviteView) back() error {
	st := v.st
	switch {
	case v.step == stepRole && st.Query != "":
		st.Commune = ""
		return v.goTo(stepResults, st)
	case (v.step == stepRole || v.step == stepResults) && st.Province != "":
		st.Commune, st.Query = "", ""
		return v.goTo(stepCommune, st)
	}
	return v.goTo(stepProvince, inviteState{})
}

// inviteRefused says why the flow on screen stops: its user may invite
// no one now, or (a province coordinator moved to another province) only
// to the unit they coordinate now, which /invite starts at.
func (h *Handlers) inviteRefused(r *request) (string, error) {
	if r.role != storage.RoleProvinceCoordinator || !r.user.ProvinceCode.Valid {
		return r.t.T("invite.not_allowed"), nil
	}
	unit, err := h.userUnit(r, r.user)
	if err != nil {
		return "", err
	}
	return r.t.T("invite.unit_changed", locales.Data{"Unit": unit}), nil
}

// inviteText takes a typed commune name, at any step, as a search.
func (h *Handlers) inviteText(r *request, conv storage.Conversation) error {
	v, err := h.inviteView(r, conv)
	if err != nil {
		return err
	}
	if !v.mayUseFlow() {
		return h.inviteStopped(r)
	}
	_, err = typed(h, r, flowInvite, v.step, inviteScreens[v.step], v) // every step takes a typed name
	return err
}

// inviteStopped ends the flow of one who may no longer use it, said why
// (inviteRefused) below what they sent.
func (h *Handlers) inviteStopped(r *request) error {
	text, err := h.inviteRefused(r)
	if err != nil {
		return err
	}
	r.say(text, nil)
	return r.tx.EndConversation(r.ctx, r.chat)
}

// inviteAgain shows the flow's step again as a new message, below note or
// below an answer given while it was open (/help, /start, /me, /lang:
// caseBelow); the copy above loses its buttons. One who may no longer use
// the flow is told why below note, and it ends.
func (h *Handlers) inviteAgain(r *request, conv storage.Conversation, note string) error {
	v, err := h.inviteView(r, conv)
	if err != nil {
		return err
	}
	v.cb = nil
	if !v.mayUseFlow() {
		if note != "" {
			r.say(note, nil)
		}
		return h.inviteStopped(r)
	}
	return v.show(note)
}

// search looks for a commune by a typed name, within the province chosen
// when there is one.
func (v *inviteView) search(text string) error {
	if privacy.Meaningless(text) {
		return v.show(v.t.T("invite.no_results", locales.Data{"Query": text}))
	}
	if privacy.PersonalData(text) != "" {
		// A resident's data in the wrong field: neither kept nor shown back.
		return v.show(v.t.T("case.unit_personal"))
	}
	if utf8.RuneCountInString(text) > maxQuery {
		return v.show(v.t.T("invite.query_too_long", locales.Data{"Max": maxQuery}))
	}
	// A province's name (any for an admin, a province coordinator's own),
	// current or merged in 2025: that province's screen, unless it is a
	// commune's own name too.
	if p, ok, err := v.namedProvince(text); err != nil {
		return err
	} else if ok {
		within := "" // where a commune of that name is searched: an admin's anywhere
		if v.role != storage.RoleAdmin {
			within = p.Code
		}
		own, err := v.tx.SearchCommunes(v.ctx, text, within, 1)
		if err != nil {
			return err
		}
		if len(own) == 0 || own[0].Rank > 0 {
			note := ""
			if p.Old != "" {
				note = formerProvince(v.t, p)
			}
			return v.h.inviteGoNote(v.request, stepCommune, inviteState{Province: p.Code}, note)
		}
		return v.goTo(stepResults, inviteState{Province: within, Query: text})
	}
	province := ""
	switch {
	case v.role != storage.RoleAdmin:
		province = v.st.Province // a province coordinator's own, always (mayUseFlow)
	case v.step == stepCommune || v.step == stepResults:
		province = v.st.Province
	}
	ms, err := searchFitting(v.request, text, province, searchResults+1)
	if err != nil {
		return err
	}
	if len(ms) == 0 && province != "" {
		// Nothing in the province: a commune of another one, every typed
		// word whole in one of its names ("phuong 12 go vap")? A match
		// that only begins a word was likely no name at all.
		all, err := searchFitting(v.request, text, "", 1)
		if err != nil {
			return err
		}
		if len(all) > 0 && all[0].Rank <= 2 {
			if v.role == storage.RoleAdmin { // an admin invites anywhere
				return v.goTo(stepResults, inviteState{Query: text})
			}
			name, err := v.h.provinceName(v.request, province)
			if err != nil {
				return err
			}
			return v.show(v.t.T("invite.outside_province", locales.Data{"Query": text, "Province": name}))
		}
	}
	if len(ms) == 0 {
		// A slip of the finger ("an hoi tey"): the communes of the reading
		// one typo away, saying which was read. An admin's search within a
		// province that finds nothing there looks everywhere too.
		where := []string{province}
		if v.role == storage.RoleAdmin && province != "" {
			where = append(where, "")
		}
		for _, p := range where {
			read, err := v.tx.CorrectCommuneQuery(v.ctx, text, p)
			if err != nil {
				return err
			}
			if read != "" {
				return v.h.inviteGoNote(v.request, stepResults, inviteState{Province: p, Query: read},
					v.t.T("invite.typo", locales.Data{"Query": text, "Read": read}))
			}
		}
		if v.role != storage.RoleAdmin {
			// A province coordinator's slip in another province's commune
			// ("an hoi tey" in Gia Lai): read, and answered as that name
			// typed right is, outside their province.
			read, err := v.tx.CorrectCommuneQuery(v.ctx, text, "")
			if err != nil || read == "" {
				return orShow(v, err, text)
			}
			all, err := v.tx.SearchCommunes(v.ctx, read, "", 1)
			if err != nil || len(all) == 0 || all[0].Rank > 2 {
				return orShow(v, err, text)
			}
			name, err := v.h.provinceName(v.request, province)
			if err != nil {
				return err
			}
			return v.show(v.t.T("invite.typo", locales.Data{"Query": text, "Read": read}) + "\n" +
				v.t.T("invite.outside_province", locales.Data{"Query": read, "Province": name}))
		}
		return v.show(v.t.T("invite.no_results", locales.Data{"Query": text}))
	}
	return v.goTo(stepResults, inviteState{Province: province, Query: text})
}

// searchFitting is storage.SearchCommunes (at most limit) without the
// communes whose name has other marks than those typed (vntext.MarksFit),
// as /team reads a name: "Lân" finds Xã Tân Lân and the old Xã Hữu Lân,
// not Xã Mường Lạn nor Phường Cầu Ông Lãnh; "lan", typed without marks,
// all of them. Until review 30D marks typed only ranked the names that
// had them first, and a commune coordinator's "/invite Dũng" (whom they
// invite) was refused as the old Thị trấn Dùng.
func searchFitting(r *request, query, province string, limit int) ([]storage.CommuneMatch, error) {
	ms, err := r.tx.SearchCommunes(r.ctx, query, province, max(limit, 100))
	if err != nil {
		return nil, err
	}
	fit := ms[:0]
	for _, m := range ms {
		if vntext.MarksFit(query, m.Label, m.Name, m.ProvinceName) {
			fit = append(fit, m)
		}
	}
	return fit[:min(limit, len(fit))], nil
}

// orShow returns err, or without one shows that nothing matches text.
func orShow(v *inviteView, err error, text string) error {
	if err != nil {
		return err
	}
	return v.show(v.t.T("invite.no_results", locales.Data{"Query": text}))
}

// namedProvince is the province query names whole, one its user may
// invite to: any for an admin, a province coordinator's own (where their
// /invite starts); ok is false otherwise.
func (v *inviteView) namedProvince(query string) (storage.ProvinceMatch, bool, error) {
	if v.role != storage.RoleAdmin && v.role != storage.RoleProvinceCoordinator {
		return storage.ProvinceMatch{}, false, nil
	}
	p, ok, err := storage.ProvinceNamed(query)
	if err != nil || !ok || !v.mayInvite(p.Code) {
		return storage.ProvinceMatch{}, false, err
	}
	return p, true, nil
}

// resultsScreen lists the communes a search found (up to searchResults; ms
// may hold one more, to tell that there are more), saying which old name
// matched when it was not the current one.
func resultsScreen(v *inviteView, query string, ms []storage.CommuneMatch) (string, bot.Keyboard) {
	r := v.request
	head := r.t.N("invite.results", len(ms), locales.Data{"Query": query})
	if len(ms) > searchResults {
		ms = ms[:searchResults]
		head = r.t.T("invite.results_more", locales.Data{"Query": query, "Count": searchResults})
	}
	listed, kb := communeList(r.t, ms, func(m storage.CommuneMatch) bot.Button { return v.button(m.FullName(), "commune", m.Code) })
	return head + listed, kb
}

// communeList is the lines ("\n• Phường An Nhơn, … (formerly: Phường 6,
// Quận Gò Vấp, …)") and the buttons of the communes a search found, both
// from the one list: a line and a button for each commune, in its order,
// by the same name, a commune found twice (by its name and an old one)
// listed once; a name from before 2025 that found it is said.
func communeList(t *locales.Localizer, ms []storage.CommuneMatch, button func(storage.CommuneMatch) bot.Button) (string, bot.Keyboard) {
	var text strings.Builder
	var kb bot.Keyboard
	seen := map[string]bool{}
	for _, m := range ms {
		if seen[m.Code] {
			continue
		}
		seen[m.Code] = true
		text.WriteString("\n• " + m.FullName())
		if !m.IsCurrent {
			text.WriteString(" (" + t.T("invite.old_name", locales.Data{"Old": m.Label}) + ")")
		}
		kb = append(kb, []bot.Button{button(m)})
	}
	return text.String(), kb
}

// mayUseFlow reports whether the user may walk the invite flow as it
// stands: an admin anywhere, a province coordinator in their own province.
func (v *inviteView) mayUseFlow() bool {
	switch v.role {
	case storage.RoleAdmin:
		return true
	case storage.RoleProvinceCoordinator:
		return v.user.ProvinceCode.Valid && v.st.Province == v.user.ProvinceCode.String
	}
	return false
}

// mayInvite reports whether the user may invite to a commune of province.
func (v *inviteView) mayInvite(province string) bool {
	return v.role == storage.RoleAdmin || (v.role == storage.RoleProvinceCoordinator && v.user.ProvinceCode.String == province)
}

// inviteExpiry is when an invite made now expires: the end of the day, as
// the message says.
func (h *Handlers) inviteExpiry() time.Time {
	y, m, d := h.now().In(vietnam).Add(h.inviteTTL).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, vietnam)
}

// inviteCreate makes the invite to a commune's team and ends the flow with
// its link.
func (h *Handlers) inviteCreate(r *request, commune, role string) error {
	return h.inviteCreateAbove(r, commune, role, "")
}

// inviteCreateAbove is inviteCreate with above said before the link.
func (h *Handlers) inviteCreateAbove(r *request, commune, role, above string) error {
	c, err := r.tx.Commune(r.ctx, commune)
	if err != nil {
		return err
	}
	uses := h.volunteerInviteMax
	if role == storage.RoleCoordinator {
		uses = h.coordInviteMax
	}
	return h.inviteMake(r, sql.NullString{String: c.Code, Valid: true}, sql.NullString{}, role, uses, c.FullName(), above)
}

// inviteCreateProvince makes an invite for a province's coordinator (an
// admin's) and ends the flow with its link.
func (h *Handlers) inviteCreateProvince(r *request, province string) error {
	p, err := r.tx.Province(r.ctx, province)
	if err != nil {
		return err
	}
	return h.inviteMake(r, sql.NullString{}, sql.NullString{String: p.Code, Valid: true}, storage.RoleProvinceCoordinator, h.coordInviteMax, p.Name, "")
}

// inviteMake ends the flow with a link to the team (a commune's, or a
// province's) with the role, for uses people. A link for several people
// (volunteers') the user made and is still usable is given back rather
// than another made (every /invite made one, and a team had as many live
// ways in to keep track of), if it has room left for a group
// (storage.GiveBackRoom) and was made within a new link's life: given
// back, it is good until a new link would be, so it lives at most twice
// that, and one posted long ago is not kept alive by every /invite. Else
// a new one is made, saying how many older ones still usable are there.
// A link for one person is made anew (two coordinators need two), saying
// how many of the user's links of that kind nobody used yet. above, if
// any, is said before the link.
func (h *Handlers) inviteMake(r *request, commune, province sql.NullString, role string, uses int, unit, above string) error {
	expires := h.inviteExpiry()
	countKey, count := "invite.others", r.tx.UntouchedInvites
	if uses > 1 {
		inv, ok, err := r.tx.UsableInviteOf(r.ctx, r.user.TelegramID, commune, province, role, h.now(), h.now().Add(-h.inviteTTL))
		if err != nil {
			return err
		}
		if ok {
			if inv, err = r.tx.ExtendInvite(r.ctx, inv, expires); err != nil {
				return err
			}
			return h.inviteCreated(r, inv, unit, "invite.again", above, "")
		}
		countKey, count = "invite.older", r.tx.UsableInvites
	}
	others, err := count(r.ctx, r.user.TelegramID, commune, province, role, h.now())
	if err != nil {
		return err
	}
	var inv storage.Invite
	if province.Valid {
		inv, err = r.tx.CreateProvinceInvite(r.ctx, province.String, r.user.TelegramID, expires, uses)
	} else {
		inv, err = r.tx.CreateInvite(r.ctx, commune.String, role, r.user.TelegramID, expires, uses)
	}
	if err != nil {
		return err
	}
	note := ""
	if others > 0 {
		note = r.t.N(countKey, others, locales.Data{"Count": others, "Role": r.t.T("role." + role), "Unit": unit})
	}
	return h.inviteCreated(r, inv, unit, "invite.created", above, note)
}

// inviteCreated ends the flow with the invite's link, said by the text
// key, above before it and note below it.
func (h *Handlers) inviteCreated(r *request, inv storage.Invite, unit, key, above, note string) error {
	// A coordinator's /invite comes straight here, maybe from a case.
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return err
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	link := "https://t.me/" + h.botUsername + "?start=" + inv.Code
	text := r.t.T(key, locales.Data{
		"Unit":    unit,
		"Role":    r.t.T("role." + inv.Role),
		"Link":    link,
		"Uses":    inv.Uses,
		"MaxUses": inv.MaxUses,
		"Expires": vnDay(r.t, inv.ExpiresAt.Add(-time.Second)),
	})
	if note != "" {
		text += "\n\n" + note
	}
	if above != "" {
		text = above + "\n\n" + text
	}
	r.landed = leadsNowhere
	r.show(text, bot.Keyboard{{{Text: r.t.T("invite.share"), URL: "https://t.me/share/url?url=" + url.QueryEscape(link)}}})
	return nil
}
