package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 19l, item 1: /tally's screen (its period buttons) stayed live
// under /team, /invite or /leave typed next, until pressed; /cancel took
// them off. Another flow started takes them off too, and /tally started
// takes them off a /team or /invite screen. /help or /me, which leave the
// chat on its screen, kept them; since review 24T the screen comes back
// below their answer.
func TestTallyScreenUnbuttonedWhenAnotherFlowStarts(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w := newWorld(t)
			coord := w.member("Cường", storage.RoleCoordinator, quyNhon)
			tr := w.vi
			if lang == "en" {
				w.setLang(coord, "en")
				tr = w.en
			}
			tally := func(what string) *telegramtest.Message {
				t.Helper()
				m := only(t, fresh(w.send(coord, "/tally")))
				if len(m.Buttons()) == 0 {
					t.Fatalf("/tally before %s: no buttons (%q)", what, m.Text)
				}
				return m
			}
			for _, cmd := range []string{"/team", "/invite", "/leave", "/new"} {
				screen := tally(cmd)
				w.send(coord, cmd)
				noButtons(t, coord, screen.ID, "/tally, then "+cmd)
				w.send(coord, "/cancel")
			}
			// The question of /leave answered "stay" leaves no flow behind.
			w.press(coord, tr("leave.no"))

			// /help keeps the chat on /tally's screen: since review 24T the
			// screen comes back below the help, as a case's does, its
			// buttons there (tallyhelp_review24T_test.go), the copy above
			// without them.
			screen := tally("/help")
			if m := last(t, fresh(w.send(coord, "/help"))); len(m.Buttons()) == 0 {
				t.Errorf("/help left no buttons of /tally's screen below it (%q)", m.Text)
			}
			noButtons(t, coord, screen.ID, "/tally, then /help")
			w.send(coord, "/cancel")

			// /tally after /team's screen, and after /invite's of a
			// province's coordinator (a commune's gets its link at once,
			// whose share button stays).
			prov := w.member("Phương", storage.RoleProvinceCoordinator, "")
			if lang == "en" {
				w.setLang(prov, "en")
			}
			for _, c := range []struct {
				who *telegramtest.User
				cmd string
			}{{coord, "/team"}, {prov, "/invite"}, {prov, "/team"}} {
				screen := only(t, fresh(w.send(c.who, c.cmd)))
				if len(screen.Buttons()) == 0 {
					t.Fatalf("%s: no buttons (%q)", c.cmd, screen.Text)
				}
				if m := only(t, fresh(w.send(c.who, "/tally"))); len(m.Buttons()) == 0 {
					t.Fatalf("/tally after %s: no buttons (%q)", c.cmd, m.Text)
				}
				noButtons(t, c.who, screen.ID, c.cmd+", then /tally")
				w.send(c.who, "/cancel")
			}
		})
	}
}

// setLang stores u's language as /lang would.
func (w *world) setLang(u *telegramtest.User, lang string) {
	w.t.Helper()
	if _, err := w.store.DB().Exec(`UPDATE users SET language = $2 WHERE telegram_id = $1`, u.ID, lang); err != nil {
		w.t.Fatal(err)
	}
}
