package handlers

import (
	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// menu lists the commands that fit a role; the menu only shows them, the
// handlers check the role again on every command.
func menu(t *locales.Localizer, role string) []bot.Command {
	var names []string
	switch role {
	case storage.RoleVolunteer:
		names = []string{"new", "resume", "me", "start", "help", "lang", "cancel"}
	case storage.RoleCoordinator, storage.RoleProvinceCoordinator:
		names = []string{"new", "resume", "team", "tally", "me", "invite", "digest", "start", "help", "lang", "cancel"}
	case storage.RoleAdmin:
		names = []string{"new", "resume", "team", "tally", "me", "invite", "guides", "flags", "start", "help", "lang", "cancel"}
	default:
		// Residents among them: /forget stops the reminders and deletes
		// what the follow-up keeps (docs/privacy.md).
		names = []string{"start", "help", "lang", "forget"}
	}
	cmds := make([]bot.Command, len(names))
	for i, n := range names {
		cmds[i] = bot.Command{Name: n, Description: t.T("cmd." + n)}
	}
	return cmds
}

// menuFor sets one chat's menu to the user's role and language.
func (h *Handlers) menuFor(chat int64, t *locales.Localizer, role string) bot.Reply {
	return bot.Commands{ChatID: chat, Commands: menu(t, role)}
}

// DefaultMenus are the menus of people the bot has not met: the default
// language's for everyone, and each other language's for Telegram clients
// set to it. Sent once at start-up.
func (h *Handlers) DefaultMenus() []bot.Reply {
	var out []bot.Reply
	for _, lang := range locales.Languages {
		code := lang
		if lang == h.texts.Default() {
			code = ""
		}
		out = append(out, bot.Commands{Language: code, Commands: menu(h.texts.For(lang), storage.RoleGuest)})
	}
	return out
}
