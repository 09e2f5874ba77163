package handlers_test

import (
	"context"
	"slices"
	"testing"

	"github.com/go-telegram/bot/models"
)

// A resident's menu (everyone's, before they join a team) names /forget:
// the way to stop the reminders and have the follow-up deleted was only in
// /help and on the dossier's screens, not where Telegram lists commands.
func TestResidentsMenuNamesForget(t *testing.T) {
	w := newWorld(t)
	for _, r := range w.h.DefaultMenus() {
		if err := w.bot.Sender.Send(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	for lang, want := range map[string]string{"": w.vi("cmd.forget"), "en": w.en("cmd.forget")} {
		menu := w.srv.Commands("default", lang)
		i := slices.IndexFunc(menu, func(c models.BotCommand) bool { return c.Command == "forget" })
		if i < 0 || menu[i].Description != want {
			t.Errorf("default menu (%q) = %+v, want /forget: %q", lang, menu, want)
		}
	}
}
