package handlers

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// invitePayload is the shape of a deep-link payload Telegram can carry.
var invitePayload = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// pastedLink finds a follow-up link in text someone pasted rather than
// tapped: the bot's deep link (…?start=<token>) or the web page's
// (…/f/<token>), whole or cut at the token.
var pastedLink = regexp.MustCompile(`(?:[?&]start=|/f/)([A-Za-z0-9_-]{16,64})(?:$|[^A-Za-z0-9_-])`)

// linkToken is the follow-up token of a pasted link, or "".
func linkToken(text string) string {
	if m := pastedLink.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// start greets the user; a payload is what a deep link carried: an invite
// code (/start <code>) makes them a member of the invite's unit, a
// follow-up token opens the follow-up. A whole link pasted after /start
// is read for its token.
func (h *Handlers) start(r *request, payload string) error {
	if token := linkToken(payload); token != "" {
		payload = token
	}
	switch {
	case payload == "":
		return h.greet(r)
	case isFollowupToken(payload):
		return h.openFollowup(r, payload) // a resident's follow-up link
	default:
		return h.join(r, payload)
	}
}

// badLink answers a link that opens nothing. A code of an invite's length,
// or anyone on a team, gets the invite's answer; anyone else may as well
// be a resident whose follow-up link lost or gained a character (typed off
// the slip, cut when copied), and is told what to do in either case. A
// resident who follows a dossier is told as a resident ("ông/bà", no
// invite), their dossiers shown below.
func (h *Handlers) badLink(r *request, code string) error {
	if len(code) == inviteCodeLen || r.member() {
		r.say(r.t.T("join.not_found"), nil)
		return nil
	}
	return h.mistypedLink(r)
}

// mistypedLink answers a link that lost or gained a character: what to do
// if it was a follow-up's or an invite's; a resident is told as a
// resident, their dossiers shown below.
func (h *Handlers) mistypedLink(r *request) error {
	if shown, err := h.followupsAgain(r, r.t.T("start.bad_link_resident")); shown || err != nil {
		return err
	}
	r.say(r.t.T("start.bad_link"), nil)
	return nil
}

// inviteCodeLen is how long an invite's code is (storage's newInviteCode).
const inviteCodeLen = 12

// askedBackFor is how long after a resident came back (unblocking the bot)
// and was asked a reminder's question their first update may be the
// /start of the same "Restart" (MarkAskedBack).
const askedBackFor = 10 * time.Minute

// greet says who the user is to the bot and sets their menu; a resident
// (who opened a follow-up link) is shown their follow-ups again, as their
// links would show them — but for a question the unblock right before
// this /start asked (Telegram's "Restart" sends both): it is the message
// just above, and the greeting says so.
func (h *Handlers) greet(r *request) error {
	name := r.user.FirstName
	// The follow-ups shown below ask for no comment: a comment question
	// left open above is over (what is typed next is not kept as one).
	if err := h.endFollowupConversation(r); err != nil {
		return err
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil {
		return err
	}
	asked, shown := 0, fs[:0:0]
	for _, f := range fs {
		if at, ok := r.user.AskedBack[f.CaseID]; ok && h.now().Sub(at) < askedBackFor {
			asked++
			continue
		}
		shown = append(shown, f)
	}
	switch {
	case asked > 0 && !r.member():
		text := r.t.N("start.resident_asked", asked)
		if len(shown) > 0 {
			text += "\n\n" + r.t.N("start.resident_others", len(shown))
		}
		r.say(text, nil)
	case len(fs) > 0 && !r.member():
		r.say(r.t.N("start.resident", len(fs)), nil)
	case r.role == storage.RoleAdmin:
		r.say(r.t.T("start.admin", locales.Data{"Name": name}), nil)
	case r.member():
		unit, err := h.userUnit(r, r.user)
		if err != nil {
			return err
		}
		r.say(r.t.T("start.member", locales.Data{"Name": name, "Role": r.t.T("role." + r.role), "Unit": unit}), nil)
	default:
		text, err := h.guestGreeting(r)
		if err != nil {
			return err
		}
		r.say(text, nil)
	}
	r.replies = append(r.replies, h.menuFor(r.chat, r.t, r.role))
	return h.showFollowups(r, shown)
}

// guestGreeting greets someone in no team. One removed from a team is
// told so, not that they have not joined one yet: the removal's notice
// never reached them if they had blocked the bot then (it is dropped, not
// kept for their return), and their return is /start.
func (h *Handlers) guestGreeting(r *request) (string, error) {
	at, err := r.tx.RemovedAt(r.ctx, r.user.TelegramID)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && !at.Valid) {
		return r.t.T("start.guest", locales.Data{"Name": r.user.FirstName}), nil
	}
	if err != nil {
		return "", err
	}
	open, err := r.tx.CountOpenCases(r.ctx, r.user.TelegramID)
	if err != nil {
		return "", err
	}
	return r.t.T("start.removed", locales.Data{"Name": r.user.FirstName, "Date": vnDay(r.t, at.Time)}) + unfinishedNote(r.t, open), nil
}

// showFollowups shows each follow-up where it stands, with its buttons,
// in a message of its own — first, once, that its dossier code was
// corrected while the chat had blocked the bot (codeCorrected).
func (h *Handlers) showFollowups(r *request, fs []storage.Followup) error {
	for _, f := range fs {
		text, kb := h.followupNext(r, f)
		if f.CodeUntoldFrom.Valid {
			if err := r.tx.CodeTold(r.ctx, f.CaseID); err != nil {
				return err
			}
			text = r.t.T("followup.code_corrected", locales.Data{"Old": f.CodeUntoldFrom.String, "Code": f.DossierCode}) + "\n\n" + text
		}
		// Each names its dossier: forgetting one (the web page's erase, its
		// /forget button) takes back its message, not the others'. One that
		// says a correction is kept again if Telegram refuses it
		// (codesRefused).
		topic := followupTopic(f.CaseID)
		if f.CodeUntoldFrom.Valid {
			topic = correctionTopic(f.CaseID, f.CodeUntoldFrom.String)
			f.CodeCorrected = false // said once: the line above names both codes
		}
		r.replies = append(r.replies, bot.About{Topic: topic,
			Reply: bot.Message{ChatID: r.chat, Text: h.followupDetails(r.t, f) + "\n\n" + text, Keyboard: kb}})
	}
	r.cardsShown(fs)
	return nil
}

// followupsAgain answers what a resident sent outside any question — "đã
// nhận rồi" or "chưa" typed under a reminder, a sticker — which is not
// read: note, then their follow-ups where they stand, with their buttons,
// as /start shows them (the question they meant to answer may be far up
// the chat). false when the chat is a team member's or follows nothing.
func (h *Handlers) followupsAgain(r *request, note string) (bool, error) {
	if r.member() {
		return false, nil
	}
	fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
	if err != nil || len(fs) == 0 {
		return false, err
	}
	r.say(note, nil)
	return true, h.showFollowups(r, fs)
}

func (h *Handlers) help(r *request) error {
	switch r.role {
	case storage.RoleAdmin:
		text := r.t.T("help.admin")
		if due := len(h.guides.PastDue(h.now())); due > 0 {
			text += "\n\n" + r.t.N("help.admin_due", due)
		}
		r.say(text, nil)
	case storage.RoleProvinceCoordinator:
		r.say(r.t.T("help.province_coordinator"), nil)
	case storage.RoleCoordinator:
		r.say(r.t.T("help.coordinator"), nil)
	case storage.RoleVolunteer:
		r.say(r.t.T("help.volunteer"), nil)
	default:
		// A resident (who opened a follow-up link) is not told to find an
		// invite link.
		fs, err := r.tx.FollowupsOfChat(r.ctx, r.chat)
		if err != nil {
			return err
		}
		if len(fs) > 0 {
			r.say(r.t.T("help.resident"), nil)
			return nil
		}
		r.say(r.t.T("help.guest"), nil)
	}
	return nil
}

// join uses an invite: it expires, has a use limit, is not for the person
// who made it, and never lowers anyone's role. Someone already in another
// team is asked first (join.move): the invite would take them out of it;
// so is an administrator (join.admin).
func (h *Handlers) join(r *request, code string) error { return h.joinInvite(r, code, false) }

// flowJoin names the buttons of the question whether to move to another
// team; they carry the invite's code, and a press checks everything again.
const flowJoin = "jn"

// joinPress answers the question: "move" uses the invite, "stay" leaves
// everything as it is.
func (h *Handlers) joinPress(r *request, cb callback) error {
	// The buttons carry, after the code, the team the question was asked
	// from (teamKey).
	code, asked, _ := strings.Cut(cb.arg, ".")
	if invitePayload.MatchString(code) {
		cb.arg = code
	}
	switch {
	case cb.action == "move" && invitePayload.MatchString(cb.arg) && asked != teamKey(r.user):
		// In another team than the question named (moved by another link,
		// removed, joined one): it is asked again, about the team they are
		// in now, not answered for one it never named. Until review 30D
		// "yes" took them out of whatever team they were in. A second tap
		// on "yes", the first having moved them, is answered as one.
		inv, err := r.tx.Invite(r.ctx, cb.arg)
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		if err == nil && alreadyIn(r.user, inv) {
			return h.joinInvite(r, cb.arg, true)
		}
		n := len(r.replies)
		if err := h.joinInvite(r, cb.arg, false); err != nil {
			return err
		}
		for _, reply := range r.replies[n:] {
			if e, ok := reply.(bot.Edit); ok && len(e.Keyboard) > 0 { // asked again, not joined or refused
				r.answer(r.t.T("join.asked_again"))
			}
		}
		return nil
	case cb.action == "move" && invitePayload.MatchString(cb.arg):
		return h.joinInvite(r, cb.arg, true)
	case cb.action == "stay" && invitePayload.MatchString(cb.arg):
		// "Move" tapped first (both buttons were still on screen): the
		// link was used, and the welcome it left on the question stays.
		inv, err := r.tx.Invite(r.ctx, cb.arg)
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		if err == nil && alreadyIn(r.user, inv) {
			unit, err := h.inviteUnit(r, inv)
			if err != nil {
				return err
			}
			r.answer(r.t.T("join.already", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": unit}))
			return nil
		}
		cb.arg = ""
		return h.joinPress(r, cb)
	case cb.action == "stay" && storage.RoleRank(r.user.Role) > 0:
		unit, err := h.userUnit(r, r.user)
		if err != nil {
			return err
		}
		r.show(r.t.T("join.stayed", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": unit}), nil)
		return nil
	case cb.action == "stay":
		r.show(r.t.T("join.not_used"), nil) // an administrator in no team
		return nil
	}
	r.answer(r.t.T("button.done"))
	return nil
}

// inUnitOf says whether u is in the team inv is for.
func inUnitOf(u storage.User, inv storage.Invite) bool {
	return u.CommuneCode == inv.CommuneCode && u.ProvinceCode == inv.ProvinceCode
}

// alreadyIn says whether u has what inv gives already: its team, with its
// role or a higher one.
func alreadyIn(u storage.User, inv storage.Invite) bool {
	return inUnitOf(u, inv) && storage.RoleRank(u.Role) >= storage.RoleRank(inv.Role)
}

// joinInvite is join; move says the user chose to leave their team for the
// invite's. Every answer replaces the question when it was pressed.
func (h *Handlers) joinInvite(r *request, code string, move bool) error {
	if !invitePayload.MatchString(code) {
		return h.badLink(r, code)
	}
	inv, err := r.tx.Invite(r.ctx, code)
	if errors.Is(err, storage.ErrNotFound) {
		return h.badLink(r, code)
	}
	if err != nil {
		return err
	}
	unit, err := h.inviteUnit(r, inv)
	if err != nil {
		return err
	}
	sameUnit := inUnitOf(r.user, inv)
	dead := inv.RevokedAt.Valid
	if !dead && inv.CreatedBy != r.user.TelegramID && !h.admins[inv.CreatedBy] {
		// Its maker moved or left before moves revoked their links: the
		// link was that team's to hand out while it was theirs.
		if dead, err = r.tx.InviteOutsideMaker(r.ctx, inv); err != nil {
			return err
		}
		if dead {
			if _, err := r.tx.RevokeInvite(r.ctx, inv.Code, h.now()); err != nil {
				return err
			}
		}
	}
	switch {
	case inv.CreatedBy == r.user.TelegramID:
		r.show(r.t.T("join.own_invite"), nil)
		return nil
	case dead:
		// Said before anything about the user's own role: the link is dead
		// for everyone.
		r.show(r.t.T("join.revoked"), nil)
		return nil
	case alreadyIn(r.user, inv):
		already := r.t.T("join.already", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": unit})
		if move {
			// A second tap on "move" (the first moved them): the welcome
			// it left on the question stays.
			r.answer(already)
			return nil
		}
		r.show(already, nil)
		return nil
	case storage.RoleRank(r.user.Role) > storage.RoleRank(inv.Role):
		// A coordinator tapping another team's volunteer link would leave
		// their team and lose their rights (their own team's is alreadyIn).
		current, err := h.userUnit(r, r.user)
		if err != nil {
			return err
		}
		r.show(r.t.T("join.would_demote", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": current,
			"NewRole": r.t.T("role." + inv.Role), "NewUnit": unit}), nil)
		return nil
	}
	// Removed from this team after this link was made: the link was for
	// the team they had, not a way back (a new link is). Another team's
	// link takes them.
	if removed, err := r.tx.RemovedSince(r.ctx, r.user.TelegramID, inv.CreatedAt, inv.CommuneCode, inv.ProvinceCode); err != nil || removed {
		if removed {
			r.show(r.t.T("join.removed"), nil)
		}
		return err
	}
	// Someone back by the link they joined by (after /leave) takes no
	// second use of it: a link is for so many people.
	usedBefore, usable := r.tx.UsableBy(r.ctx, inv, r.user.TelegramID, h.now())
	if refused, err := h.joinRefused(r, usable); refused || err != nil {
		return err
	}
	switch {
	case move:
	case storage.RoleRank(r.user.Role) > 0 && !sameUnit:
		// In a team already: the invite would take them out of it. A link
		// forwarded in a district's group chat must not move a commune's
		// coordinator away by a tap.
		current, err := h.userUnit(r, r.user)
		if err != nil {
			return err
		}
		r.show(r.t.T("join.move", locales.Data{"Role": r.t.T("role." + r.user.Role), "Unit": current,
			"NewRole": r.t.T("role." + inv.Role), "NewUnit": unit}), joinQuestion(r, inv, "join.move_yes", "join.move_no"))
		return nil
	case r.role == storage.RoleAdmin && !sameUnit:
		// An administrator is in no team by the configuration: opening a
		// team's link (to check it) would spend one of its uses and put
		// them in that team, where no coordinator may remove them.
		r.show(r.t.T("join.admin", locales.Data{"NewRole": r.t.T("role." + inv.Role), "NewUnit": unit}),
			joinQuestion(r, inv, "join.admin_yes", "join.admin_no"))
		return nil
	}
	if !usedBefore {
		if refused, err := h.joinRefused(r, r.tx.UseInvite(r.ctx, inv, h.now())); refused || err != nil {
			return err
		}
	}
	left := r.user // the team they leave, if they were in another
	if inv.ProvinceCode.Valid {
		err = r.tx.SetProvinceMembership(r.ctx, r.user.TelegramID, r.user.FirstName, inv.ProvinceCode.String)
	} else {
		err = r.tx.SetMembership(r.ctx, r.user.TelegramID, r.user.FirstName, inv.CommuneCode.String, inv.Role)
	}
	if err != nil {
		return err
	}
	if err := r.tx.InviteUsedBy(r.ctx, inv.Code, r.user.TelegramID); err != nil {
		return err
	}
	welcome := r.t.T("join.welcome", locales.Data{"Unit": unit, "Role": r.t.T("role." + inv.Role)})
	if r.role != storage.RoleAdmin {
		r.role = inv.Role
		// The links they made as the coordinator of the team they left
		// were that team's to hand out: they end, as on a removal.
		revoked, err := r.tx.RevokeInvitesOutside(r.ctx, r.user.TelegramID)
		if err != nil {
			return err
		}
		if revoked > 0 {
			welcome += "\n\n" + r.t.N("join.links_revoked", revoked, locales.Data{"Count": revoked})
		}
	}
	r.show(welcome, nil)
	r.replies = append(r.replies, h.menuFor(r.chat, r.t, r.role))
	if storage.RoleRank(left.Role) > 0 && !sameUnit {
		if err := h.tellLeft(r, left, inv, unit); err != nil {
			return err
		}
	}

	// Tell whoever made the invite, in their language, that it worked —
	// if they are still on a team (or an administrator).
	inviter, err := r.tx.User(r.ctx, inv.CreatedBy)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if !h.admins[inv.CreatedBy] && (err != nil || inviter.Role == storage.RoleGuest) {
		return nil
	}
	it := h.texts.For(inviter.Language)
	r.replies = append(r.replies, bot.Message{ChatID: inv.CreatedBy, Text: it.T("invite.joined_notice",
		locales.Data{"Name": r.user.FirstName, "Unit": unit, "Role": it.T("role." + inv.Role)})})
	return nil
}

// tellLeft tells the coordinators of the team a member left for the
// invite's (but the member, and whoever made the invite, told of the join
// already), each in their language, as the inviter is told of a join.
func (h *Handlers) tellLeft(r *request, left storage.User, inv storage.Invite, newUnit string) error {
	province, commune := left.ProvinceCode.String, left.CommuneCode.String
	coordinators, err := r.tx.UnitCoordinators(r.ctx, province, commune, left.TelegramID)
	if err != nil || len(coordinators) == 0 {
		return err
	}
	oldUnit, err := h.userUnit(r, left)
	if err != nil {
		return err
	}
	for _, c := range coordinators {
		if c.TelegramID == inv.CreatedBy {
			continue
		}
		ct := h.texts.For(c.Language)
		r.replies = append(r.replies, bot.Message{ChatID: c.TelegramID, Text: ct.T("invite.left_notice", locales.Data{
			"Name": r.user.FirstName, "Role": ct.T("role." + left.Role), "Unit": oldUnit,
			"NewRole": ct.T("role." + inv.Role), "NewUnit": newUnit})})
	}
	return nil
}

// joinQuestion is the buttons of the question whether to use the invite.
// Both carry the invite's code and the team the user is in when asked
// (teamKey): "move" from another team asks again.
func joinQuestion(r *request, inv storage.Invite, yes, no string) bot.Keyboard {
	arg := inv.Code + "." + teamKey(r.user)
	return bot.Keyboard{
		{{Text: r.t.T(yes), Data: callback{flow: flowJoin, action: "move", arg: arg}.String()}},
		// Stay carries the code too: pressed after move, it is not "not used".
		{{Text: r.t.T(no), Data: callback{flow: flowJoin, action: "stay", arg: arg}.String()}},
	}
}

// joinRefused tells why an invite cannot be used, if err says so.
func (h *Handlers) joinRefused(r *request, err error) (bool, error) {
	switch {
	case errors.Is(err, storage.ErrInviteRevoked):
		r.show(r.t.T("join.revoked"), nil)
	case errors.Is(err, storage.ErrInviteExpired):
		r.show(r.t.T("join.expired"), nil)
	case errors.Is(err, storage.ErrInviteUsedUp):
		r.show(r.t.T("join.used_up"), nil)
	default:
		return err != nil, err
	}
	return true, nil
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

// provinceName is a province's name.
func (h *Handlers) provinceName(r *request, code string) (string, error) {
	p, err := r.tx.Province(r.ctx, code)
	if err != nil {
		return "", err
	}
	return p.Name, nil
}

// userUnit names a member's unit: their commune, or their province for a
// province coordinator.
func (h *Handlers) userUnit(r *request, u storage.User) (string, error) {
	if u.ProvinceCode.Valid {
		return h.provinceName(r, u.ProvinceCode.String)
	}
	return h.unitName(r, u.CommuneCode.String)
}

// inviteUnit names the unit an invite is for.
func (h *Handlers) inviteUnit(r *request, inv storage.Invite) (string, error) {
	if inv.ProvinceCode.Valid {
		return h.provinceName(r, inv.ProvinceCode.String)
	}
	return h.unitName(r, inv.CommuneCode.String)
}
