package handlers

import (
	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// /digest: a coordinator (of a commune or a province) turns the weekly
// digest of their unit on or off ("/digest on", "/digest off"), or sees
// where it stands with a button for each ("/digest"). The buttons set a
// value rather than move a flow, so they work whenever pressed, by whoever
// may still use them.

const flowDigest = "dg"

// digestFor reports whether a role gets the weekly digest.
func digestFor(role string) bool {
	return role == storage.RoleCoordinator || role == storage.RoleProvinceCoordinator
}

func (h *Handlers) digest(r *request, arg string) error {
	// r.role is an administrator's from the configuration; one who also
	// coordinates a unit gets the digest by the stored role, and may stop it.
	if !digestFor(r.role) && !digestFor(r.user.Role) {
		r.say(r.t.T("digest.not_allowed"), nil)
		return nil
	}
	switch vntext.Fold(arg) { // "Bật", "bat", "ON" alike
	case "":
		r.say(h.digestScreen(r, r.user.Digest))
		return nil
	case "on", "bat":
		return h.setDigest(r, true)
	case "off", "tat":
		return h.setDigest(r, false)
	}
	text, kb := h.digestScreen(r, r.user.Digest)
	r.say(r.t.T("digest.usage")+"\n\n"+text, kb)
	return nil
}

// digestScreen says whether the digest is on, with a button for each
// choice.
func (h *Handlers) digestScreen(r *request, on bool) (string, bot.Keyboard) {
	state := "digest.state_off"
	if on {
		state = "digest.state_on"
	}
	button := func(label, arg string) bot.Button {
		return bot.Button{Text: r.t.T(label), Data: callback{flow: flowDigest, action: "set", arg: arg}.String()}
	}
	return r.t.T(state), bot.Keyboard{{button("digest.turn_on", "on"), button("digest.turn_off", "off")}}
}

func (h *Handlers) digestPress(r *request, cb callback) error {
	if !digestFor(r.role) && !digestFor(r.user.Role) {
		r.show(r.t.T("digest.not_allowed"), nil)
		return nil
	}
	switch cb.arg {
	case "on":
		return h.setDigest(r, true)
	case "off":
		return h.setDigest(r, false)
	}
	r.answer(r.t.T("button.done"))
	return nil
}

// setDigest stores the choice and shows the new state: in place of the
// pressed message, or as a new one.
func (h *Handlers) setDigest(r *request, on bool) error {
	if on != r.user.Digest {
		if err := r.tx.SetDigest(r.ctx, r.user.TelegramID, on); err != nil {
			return err
		}
		r.user.Digest = on
	}
	text, kb := h.digestScreen(r, on)
	r.answer(text) // a press of the choice in force edits nothing: the pop-up tells it was read
	r.show(text, kb)
	return nil
}
