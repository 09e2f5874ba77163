package handlers

import (
	"errors"
	"regexp"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// invitePayload is the shape of a deep-link payload Telegram can carry.
var invitePayload = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// start greets the user, or, when they came through an invite link
// (/start <code>), makes them a member of the invite's commune.
func (h *Handlers) start(r *request, payload string) error {
	if isFollowupToken(payload) {
		return h.openFollowup(r, payload) // a resident's follow-up link
	}
	if payload != "" {
		return h.join(r, payload)
	}
	name := r.user.FirstName
	switch {
	case r.role == storage.RoleAdmin:
		r.say(r.t.T("start.admin", locales.Data{"Name": name}), nil)
	case r.member():
		unit, err := h.unitName(r, r.user.CommuneCode.String)
		if err != nil {
			return err
		}
		r.say(r.t.T("start.member", locales.Data{"Name": name, "Role": r.t.T("role." + r.role), "Unit": unit}), nil)
	default:
		r.say(r.t.T("start.guest", locales.Data{"Name": name}), nil)
	}
	r.replies = append(r.replies, h.menuFor(r.chat, r.t, r.role))
	return nil
}

func (h *Handlers) help(r *request) error {
	switch r.role {
	case storage.RoleAdmin:
		text := r.t.T("help.admin")
		if due := len(h.guides.PastDue(h.now())); due > 0 {
			text += "\n\n" + r.t.N("help.admin_due", due)
		}
		r.say(text, nil)
	case storage.RoleCoordinator:
		r.say(r.t.T("help.coordinator"), nil)
	case storage.RoleVolunteer:
		r.say(r.t.T("help.volunteer"), nil)
	default:
		r.say(r.t.T("help.guest"), nil)
	}
	return nil
}

// join uses an invite: it expires, has a use limit, is not for the person
// who made it, and never lowers anyone's role.
func (h *Handlers) join(r *request, code string) error {
	if !invitePayload.MatchString(code) {
		r.say(r.t.T("join.not_found"), nil)
		return nil
	}
	inv, err := r.tx.Invite(r.ctx, code)
	if errors.Is(err, storage.ErrNotFound) {
		r.say(r.t.T("join.not_found"), nil)
		return nil
	}
	if err != nil {
		return err
	}
	unit, err := h.unitName(r, inv.CommuneCode)
	if err != nil {
		return err
	}
	switch {
	case inv.CreatedBy == r.user.TelegramID:
		r.say(r.t.T("join.own_invite"), nil)
		return nil
	case r.user.CommuneCode.String == inv.CommuneCode && storage.RoleRank(r.user.Role) >= storage.RoleRank(inv.Role):
		r.say(r.t.T("join.already", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": unit}), nil)
		return nil
	case storage.RoleRank(r.user.Role) > storage.RoleRank(inv.Role):
		// A coordinator tapping a volunteer's link would lose their rights.
		current, err := h.unitName(r, r.user.CommuneCode.String)
		if err != nil {
			return err
		}
		r.say(r.t.T("join.would_demote", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": current}), nil)
		return nil
	}
	switch err := r.tx.UseInvite(r.ctx, inv, h.now()); {
	case errors.Is(err, storage.ErrInviteExpired):
		r.say(r.t.T("join.expired"), nil)
		return nil
	case errors.Is(err, storage.ErrInviteUsedUp):
		r.say(r.t.T("join.used_up"), nil)
		return nil
	case err != nil:
		return err
	}
	if err := r.tx.SetMembership(r.ctx, r.user.TelegramID, r.user.FirstName, inv.CommuneCode, inv.Role); err != nil {
		return err
	}
	if r.role != storage.RoleAdmin {
		r.role = inv.Role
	}
	r.say(r.t.T("join.welcome", locales.Data{"Unit": unit, "Role": r.t.T("role." + inv.Role)}), nil)
	r.replies = append(r.replies, h.menuFor(r.chat, r.t, r.role))

	// Tell whoever made the invite, in their language, that it worked.
	inviter, err := r.tx.User(r.ctx, inv.CreatedBy)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	it := h.texts.For(inviter.Language)
	r.replies = append(r.replies, bot.Message{ChatID: inv.CreatedBy, Text: it.T("invite.joined_notice",
		locales.Data{"Name": r.user.FirstName, "Unit": unit, "Role": it.T("role." + inv.Role)})})
	return nil
}

// unitName is "commune, province" for a commune code.
func (h *Handlers) unitName(r *request, code string) (string, error) {
	if code == "" {
		return "", nil
	}
	c, err := r.tx.Commune(r.ctx, code)
	if err != nil {
		return "", err
	}
	return c.FullName(), nil
}
