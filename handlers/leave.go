package handlers

import (
	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// flowLeave names the buttons of /leave's question.
const flowLeave = "lv"

// leave asks a team member whether to leave their team (a volunteer who
// moves away or stops volunteering; an administrator who joined a team to
// try it): nobody else can take an administrator out, and a member should
// not need a coordinator to go.
func (h *Handlers) leave(r *request) error {
	if storage.RoleRank(r.user.Role) == 0 {
		r.say(r.t.T("leave.not_member"), nil)
		return nil
	}
	unit, err := h.userUnit(r, r.user)
	if err != nil {
		return err
	}
	// As a removal's confirmation counts them: a case waiting only for its
	// code closes on leaving, and counts.
	open, err := r.tx.CountCasesLeftUnfinished(r.ctx, r.user.TelegramID)
	if err != nil {
		return err
	}
	if redrawnFlows[r.aboveFlow] {
		// The screen of /tally, /team or /invite open above: the chat
		// turns to the question, and that flow ends as on /cancel (its
		// buttons go; unbuttonLeft).
		if err := r.tx.EndConversation(r.ctx, r.chat); err != nil {
			return err
		}
	}
	ask := "leave.ask"
	if h.admins[r.user.TelegramID] { // their links stay (takeOut)
		ask = "leave.ask_admin"
	}
	text := r.t.T(ask, locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": unit}) + unfinishedNote(r.t, open)
	r.say(text, bot.Keyboard{
		{{Text: r.t.T("leave.yes"), Data: callback{flow: flowLeave, action: "yes", arg: teamKey(r.user)}.String()}},
		{{Text: r.t.T("leave.no"), Data: callback{flow: flowLeave, action: "no", arg: teamKey(r.user)}.String()}},
	})
	return nil
}

// teamKey names the team a member is in, as the question was asked about:
// a press after they moved to another team must not take them out of it.
func teamKey(u storage.User) string {
	if u.ProvinceCode.Valid {
		return u.Role + "-p" + u.ProvinceCode.String
	}
	return u.Role + "-c" + u.CommuneCode.String
}

// leavePress takes the answer to /leave's question.
func (h *Handlers) leavePress(r *request, cb callback) error {
	if storage.RoleRank(r.user.Role) == 0 || cb.arg != teamKey(r.user) {
		// Left already (a double tap: the first answer stays on the
		// message), removed, or in another team since.
		r.answer(r.t.T("leave.gone"))
		return nil
	}
	unit, err := h.userUnit(r, r.user)
	if err != nil {
		return err
	}
	if cb.action != "yes" {
		r.show(r.t.T("leave.stayed", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": unit}), nil)
		// /leave typed mid-case: the case's screen comes back below, as
		// after /help (once, however many taps: caseBelow).
		return h.caseBelow(r, true)
	}
	left := r.user
	// Their own choice, not a removal: /start does not tell them they were
	// removed, and their team's links take them back.
	if ok, err := h.takeOut(r, left, false); err != nil || !ok {
		if err == nil {
			r.answer(r.t.T("leave.gone"))
		}
		return err
	}
	r.role = h.roleOf(storage.User{TelegramID: left.TelegramID, Role: storage.RoleGuest})
	if r.role == storage.RoleAdmin {
		// An administrator keeps their name: their cases are listed by it.
		if err := r.tx.KeepUser(r.ctx, left.TelegramID, left.FirstName); err != nil {
			return err
		}
	}
	r.show(r.t.T("leave.done", locales.Data{"Unit": unit}), nil)
	r.replies = append(r.replies, h.menuFor(r.chat, r.t, r.role))

	coordinators, err := r.tx.UnitCoordinators(r.ctx, left.ProvinceCode.String, left.CommuneCode.String, left.TelegramID)
	if err == nil && len(coordinators) == 0 && left.CommuneCode.Valid {
		// A commune with no coordinator (now, or already): its province
		// coordinators are the ones who can invite there.
		var c storage.Commune
		if c, err = r.tx.Commune(r.ctx, left.CommuneCode.String); err == nil {
			coordinators, err = r.tx.UnitCoordinators(r.ctx, c.ProvinceCode, "", left.TelegramID)
		}
	}
	if err != nil {
		return ignoreGone(err)
	}
	for _, c := range coordinators {
		ct := h.texts.For(c.Language)
		r.replies = append(r.replies, bot.Message{ChatID: c.TelegramID, Text: ct.T("leave.notice",
			locales.Data{"Name": left.FirstName, "Role": ct.T("role." + left.Role), "Unit": unit})})
	}
	return nil
}

// takeOut takes u out of their team, as a removal (teamView.remove,
// removal true) and /leave do: their row made a guest's (RemoveMember or
// LeaveTeam: no name, their unused links revoked, but an administrator's),
// then the case on their
// screen paused (one waiting only for its code closes) and their flow
// ended. r speaks for u's chat, whose conversation is locked already. It
// changes nothing, and reports false, when u is no longer what it was read
// as.
func (h *Handlers) takeOut(r *request, u storage.User, removal bool) (bool, error) {
	out := r.tx.LeaveTeam
	switch {
	case removal:
		out = r.tx.RemoveMember
	case h.admins[u.TelegramID]:
		// An administrator's links are for any unit, not their team's:
		// they stay, as when they join or move.
		out = r.tx.AdminLeavesTeam
	}
	ok, err := out(r.ctx, u)
	if err != nil || !ok {
		return false, err
	}
	if err := h.leaveCase(r, 0); err != nil {
		return false, err
	}
	r.closedAtCode = 0 // out of the team: no /new to send its code by
	return true, r.tx.EndConversation(r.ctx, r.chat)
}

// unfinishedNote is what t says, below a text, of the open cases someone
// out of their team leaves ("" with none): kept where they stopped, theirs
// to /resume if invited again.
func unfinishedNote(t *locales.Localizer, open int) string {
	if open == 0 {
		return ""
	}
	return "\n\n" + t.N("team.removed_unfinished", open, locales.Data{"Count": open})
}
