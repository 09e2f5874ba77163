package handlers

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// The invite flow: an admin picks a province, then a commune (by buttons or
// by typing a name, old or new), then the role. A coordinator gets a link
// for volunteers of their own commune at once: inviting to other communes
// is their coordinators' business. The result is a deep link
// https://t.me/<bot>?start=<code>.

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
}

func (h *Handlers) inviteStart(r *request) error {
	switch {
	case r.role == storage.RoleAdmin:
		return h.inviteGo(r, stepProvince, inviteState{})
	case r.role != storage.RoleCoordinator:
		r.say(r.t.T("invite.not_allowed"), nil)
		return nil
	case !r.user.CommuneCode.Valid:
		r.say(r.t.T("invite.no_unit"), nil)
		return nil
	}
	return h.inviteCreate(r, r.user.CommuneCode.String, storage.RoleVolunteer)
}

// inviteGo saves the flow at step and shows that step's screen.
func (h *Handlers) inviteGo(r *request, step string, st inviteState) error {
	if err := h.leaveCase(r, 0); err != nil { // a case on screen is paused, not lost
		return err
	}
	version, err := r.tx.SaveConversation(r.ctx, r.chat, flowInvite, step, st, 0)
	if err != nil {
		return err
	}
	return h.inviteShow(r, step, st, version, "")
}

func (h *Handlers) inviteShow(r *request, step string, st inviteState, version int, note string) error {
	text, kb, err := h.inviteScreen(r, step, st, version)
	if err != nil {
		return err
	}
	if note != "" {
		text = note + "\n\n" + text
	}
	r.show(text, kb)
	return nil
}

// inviteScreen draws one step: its text and buttons, which carry version.
func (h *Handlers) inviteScreen(r *request, step string, st inviteState, version int) (string, bot.Keyboard, error) {
	data := inviteData(version)
	var (
		text string
		kb   bot.Keyboard
	)
	switch step {
	case stepProvince:
		ps, err := r.tx.Provinces(r.ctx)
		if err != nil {
			return "", nil, err
		}
		text = r.t.T("invite.choose_province")
		buttons := make([]bot.Button, len(ps))
		for i, p := range ps {
			buttons[i] = bot.Button{Text: p.Name, Data: data("p", p.Code)}
		}
		kb = grid(buttons, 2)
	case stepCommune:
		p, err := r.tx.Province(r.ctx, st.Province)
		if err != nil {
			return "", nil, err
		}
		cs, total, err := r.tx.Communes(r.ctx, st.Province, st.Page*communesPerPage, communesPerPage)
		if err != nil {
			return "", nil, err
		}
		pages := max(1, (total+communesPerPage-1)/communesPerPage)
		text = r.t.T("invite.choose_commune", locales.Data{"Province": p.Name, "Page": st.Page + 1, "Pages": pages})
		buttons := make([]bot.Button, len(cs))
		for i, c := range cs {
			buttons[i] = bot.Button{Text: c.Name, Data: data("c", c.Code)}
		}
		kb = grid(buttons, 2)
		var nav []bot.Button
		if st.Page > 0 {
			nav = append(nav, bot.Button{Text: r.t.T("button.prev"), Data: data("pg", strconv.Itoa(st.Page-1))})
		}
		if st.Page+1 < pages {
			nav = append(nav, bot.Button{Text: r.t.T("button.next"), Data: data("pg", strconv.Itoa(st.Page+1))})
		}
		if nav != nil {
			kb = append(kb, nav)
		}
	case stepResults:
		ms, err := r.tx.SearchCommunes(r.ctx, st.Query, st.Province, searchResults+1)
		if err != nil {
			return "", nil, err
		}
		text, kb = resultsScreen(r, st.Query, ms, data)
	case stepRole:
		c, err := r.tx.Commune(r.ctx, st.Commune)
		if err != nil {
			return "", nil, err
		}
		text = r.t.T("invite.choose_role", locales.Data{"Unit": c.FullName()})
		kb = bot.Keyboard{{
			{Text: r.t.T("invite.role_volunteer"), Data: data("r", storage.RoleVolunteer)},
			{Text: r.t.T("invite.role_coordinator"), Data: data("r", storage.RoleCoordinator)},
		}}
	}
	return text, append(kb, h.inviteLastRow(r, step, version)), nil
}

// inviteLastRow is every screen's Back (where there is a way back) and
// Cancel.
func (h *Handlers) inviteLastRow(r *request, step string, version int) []bot.Button {
	data := inviteData(version)
	row := []bot.Button{{Text: r.t.T("button.cancel"), Data: data("x", "")}}
	if step != stepProvince {
		row = append([]bot.Button{{Text: r.t.T("button.back"), Data: data("b", "")}}, row...)
	}
	return row
}

// inviteData makes the callback data of the flow's buttons at a version.
func inviteData(version int) func(action, arg string) string {
	return func(action, arg string) string {
		return callback{flow: flowInvite, action: action, arg: arg, version: version}.String()
	}
}

// invitePress moves the flow on by a button.
func (h *Handlers) invitePress(r *request, cb callback) error {
	conv, err := r.tx.Conversation(r.ctx, r.chat)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if conv.Flow != flowInvite {
		r.answer(r.t.T("button.done"))
		return nil
	}
	var st inviteState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	if cb.version != conv.Version {
		// An old message, or the second tap of a double tap: say so and
		// show where the flow really is.
		r.answer(r.t.T("button.stale"))
		return h.inviteShow(r, conv.Step, st, conv.Version, "")
	}
	if r.role != storage.RoleAdmin {
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
		r.show(r.t.T("invite.not_allowed"), nil)
		return nil
	}
	switch cb.action {
	case "p":
		return h.inviteGo(r, stepCommune, inviteState{Province: cb.arg})
	case "pg":
		page, _ := strconv.Atoi(cb.arg)
		st.Page = max(page, 0)
		return h.inviteGo(r, stepCommune, st)
	case "c":
		c, err := r.tx.Commune(r.ctx, cb.arg)
		if errors.Is(err, storage.ErrNotFound) {
			break
		} else if err != nil {
			return err
		}
		st.Commune = c.Code
		return h.inviteGo(r, stepRole, st)
	case "r":
		if cb.arg != storage.RoleVolunteer && cb.arg != storage.RoleCoordinator {
			break
		}
		return h.inviteCreate(r, st.Commune, cb.arg)
	case "b":
		return h.inviteBack(r, conv.Step, st)
	case "x":
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
		r.show(r.t.T("invite.cancelled"), nil)
		return nil
	}
	// A button this step does not have: show the step again.
	r.answer(r.t.T("button.stale"))
	return h.inviteShow(r, conv.Step, st, conv.Version, "")
}

func (h *Handlers) inviteBack(r *request, step string, st inviteState) error {
	switch {
	case step == stepRole && st.Query != "":
		st.Commune = ""
		return h.inviteGo(r, stepResults, st)
	case (step == stepRole || step == stepResults) && st.Province != "":
		st.Commune, st.Query = "", ""
		return h.inviteGo(r, stepCommune, st)
	}
	return h.inviteGo(r, stepProvince, inviteState{})
}

// inviteText takes a typed commune name, at any step, as a search.
func (h *Handlers) inviteText(r *request, conv storage.Conversation) error {
	var st inviteState
	if err := conv.Decode(&st); err != nil {
		return err
	}
	if r.role != storage.RoleAdmin {
		r.say(r.t.T("invite.not_allowed"), nil)
		return r.tx.EndConversation(r.ctx, r.chat)
	}
	if utf8.RuneCountInString(r.text) > maxQuery {
		return h.inviteShow(r, conv.Step, st, conv.Version, r.t.T("invite.query_too_long", locales.Data{"Max": maxQuery}))
	}
	province := ""
	if conv.Step == stepCommune || conv.Step == stepResults {
		province = st.Province
	}
	ms, err := r.tx.SearchCommunes(r.ctx, r.text, province, searchResults+1)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return h.inviteShow(r, conv.Step, st, conv.Version, r.t.T("invite.no_results", locales.Data{"Query": r.text}))
	}
	version, err := r.tx.SaveConversation(r.ctx, r.chat, flowInvite, stepResults, inviteState{Province: province, Query: r.text}, 0)
	if err != nil {
		return err
	}
	text, kb := resultsScreen(r, r.text, ms, inviteData(version))
	r.show(text, append(kb, h.inviteLastRow(r, stepResults, version)))
	return nil
}

// resultsScreen lists the communes a search found (up to searchResults; ms
// may hold one more, to tell that there are more), saying which old name
// matched when it was not the current one.
func resultsScreen(r *request, query string, ms []storage.CommuneMatch, data func(action, arg string) string) (string, bot.Keyboard) {
	head := r.t.N("invite.results", len(ms), locales.Data{"Query": query})
	if len(ms) > searchResults {
		ms = ms[:searchResults]
		head = r.t.T("invite.results_more", locales.Data{"Query": query, "Count": searchResults})
	}
	lines := []string{head}
	var kb bot.Keyboard
	for _, m := range ms {
		line := "• " + m.FullName()
		if !m.IsCurrent {
			line += " (" + r.t.T("invite.old_name", locales.Data{"Old": m.Label}) + ")"
		}
		lines = append(lines, line)
		kb = append(kb, []bot.Button{{Text: m.FullName(), Data: data("c", m.Code)}})
	}
	return strings.Join(lines, "\n"), kb
}

// inviteCreate makes the invite and ends the flow with its link.
func (h *Handlers) inviteCreate(r *request, commune, role string) error {
	c, err := r.tx.Commune(r.ctx, commune)
	if err != nil {
		return err
	}
	uses := h.volunteerInviteMax
	if role == storage.RoleCoordinator {
		uses = h.coordInviteMax
	}
	// Valid to the end of the day, as the message says.
	y, m, d := h.now().In(vietnam).Add(h.inviteTTL).Date()
	expires := time.Date(y, m, d+1, 0, 0, 0, 0, vietnam)
	inv, err := r.tx.CreateInvite(r.ctx, c.Code, role, r.user.TelegramID, expires, uses)
	if err != nil {
		return err
	}
	if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
		return err
	}
	link := "https://t.me/" + h.botUsername + "?start=" + inv.Code
	r.show(r.t.T("invite.created", locales.Data{
		"Unit":    c.FullName(),
		"Role":    r.t.T("role." + role),
		"Link":    link,
		"MaxUses": uses,
		"Expires": expires.Add(-time.Second).Format("02/01/2006"),
	}), bot.Keyboard{{{Text: r.t.T("invite.share"), URL: "https://t.me/share/url?url=" + url.QueryEscape(link)}}})
	return nil
}

// grid lays buttons out in rows of n.
func grid(buttons []bot.Button, n int) bot.Keyboard {
	var kb bot.Keyboard
	for len(buttons) > 0 {
		k := min(n, len(buttons))
		kb = append(kb, buttons[:k])
		buttons = buttons[k:]
	}
	return kb
}
