package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// /help said "/cancel – huỷ thao tác đang làm" ("cancel what you are
// doing"), while in a case /cancel only pauses it (it is not lost, /resume
// goes on with it). Every role's /help now says so, in both languages.
func TestReview23fHelpSaysCancelPausesACase(t *testing.T) {
	w := newWorld(t)
	for _, u := range []struct {
		role string
		user *telegramtest.User
	}{
		{"admin", w.admin},
		{"volunteer", w.volunteer("Vân")},
		{"coordinator", w.member("Cường", storage.RoleCoordinator, anHoiTayCode)},
		{"province_coordinator", w.member("Tỉnh", storage.RoleProvinceCoordinator, "")},
	} {
		for _, c := range []struct{ lang, wrong, want string }{
			{"vi", "huỷ thao tác", "tạm dừng, không mất"},
			{"en", "cancel what you are doing", "paused, not lost"},
		} {
			w.send(u.user, "/lang "+c.lang)
			help := last(t, w.send(u.user, "/help")).Text
			var line string
			for l := range strings.Lines(help) {
				if strings.HasPrefix(l, "/cancel") {
					line = l
				}
			}
			if line == "" || strings.Contains(line, c.wrong) || !strings.Contains(line, c.want) {
				t.Errorf("%s's /help in %s: /cancel line %q, want it to say a case is %q", u.role, c.lang, line, c.want)
			}
		}
	}
}
