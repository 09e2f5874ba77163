package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Found walking the demo as a province coordinator: on /tally's list of
// communes ("or type a name to search"), a name over 100 characters was
// answered "I could not read that period", a question the screen had not
// asked. It is told as /invite's search tells it: the name is too long.
func TestTallyUnitNameTooLongSaysSo(t *testing.T) {
	w := newWorld(t, at27Nov())
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	for _, long := range []string{strings.Repeat("a", 101), strings.Repeat("phuong ", 60)} {
		m := last(t, w.send(prov, long))
		if !strings.Contains(m.Text, w.vi("invite.query_too_long", locales.Data{"Max": 100})) {
			t.Errorf("a name of %d characters on the list of communes is answered %q", len(long), m.Text)
		}
	}
}
