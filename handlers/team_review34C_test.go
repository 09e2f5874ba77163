package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 34C, item 2: a ✕ drawn before review 32B carries its member
// alone ("tm:rm:<id>:<version>"), not the number it showed, and
// numbersMoved does not check it ("not checked", said the docs). Pressed
// at the list's version, it cannot tell whether that number still is its
// member's — but it is answered out of date all the same, asking nothing:
// press takes only a button the list drawn now offers, and none has its
// data. Not a defect; this keeps it so.
func TestReview34COldRemoveButtonIsOutOfDate(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, quyNhon)
	an := w.member("An", storage.RoleVolunteer, quyNhon)
	list := only(t, w.send(coord, "/team"))
	data := dataOf(t, list, "✕ 2. An")
	id, _, ok := strings.Cut(strings.TrimPrefix(data, "tm:rm:"), ".")
	if !ok || !strings.HasPrefix(data, "tm:rm:") {
		t.Fatalf("a ✕'s data: %q", data)
	}
	old := "tm:rm:" + id + data[strings.LastIndex(data, ":"):] // as drawn before review 32B
	tap, err := coord.PressData(list.ID, old)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, tap)
	ms := drain(coord)
	if a := lastAnswer(t, coord); a != w.vi("button.stale") {
		t.Errorf("an old ✕ pressed: answered %q, want %q", a, w.vi("button.stale"))
	}
	for _, m := range ms {
		if hasButton(m, w.vi("team.remove_yes")) {
			t.Errorf("an old ✕ asked to remove: %q", m.Text)
		}
	}
	if u := w.userRow(an); u.Role != storage.RoleVolunteer {
		t.Errorf("An is %s", u.Role)
	}
}

// Review 34C, item 2, the tally's side: "📅 Ý tôi là quý 4/2025" drawn
// before review 33C carried no year ("q" alone). Pressed after the
// quarter turned it is out of date as the button with its year is: no
// report under the old label.
func TestReview34COldBarePeriodButtonIsOutOfDate(t *testing.T) {
	clock := &jobs.Clock{}
	w := newWorld(t, handlers.WithClock(clock.Now))
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	clock.Set(time.Date(2026, 9, 30, 21, 0, 0, 0, ict))
	only(t, fresh(w.send(prov, "/tally")))
	meant := w.vi("tally.bare_period", locales.Data{"Period": w.vi("tally.label_quarter", locales.Data{"Quarter": 4, "Year": 2025}), "Unit": "Thành phố Hồ Chí Minh"})
	m := only(t, fresh(w.send(prov, "Q4")))
	data := dataOf(t, m, meant)
	i := strings.Index(data, ":q:")
	j := strings.LastIndex(data, ":")
	if i < 0 || j <= i+3 {
		t.Fatalf("the button's data: %q", data)
	}
	old := data[:i+3] + data[j:] // as drawn before review 33C: no year
	clock.Set(time.Date(2026, 10, 1, 8, 0, 0, 0, ict))
	tap, err := prov.PressData(m.ID, old)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, tap)
	if ms := drain(prov); hasReport(ms) {
		t.Errorf("an old %q pressed on 1/10/2026: %q, want no report", meant, firstReport(ms))
	}
	if a := lastAnswer(t, prov); a != w.vi("button.stale") {
		t.Errorf("an old %q pressed on 1/10/2026: answered %q, want %q", meant, a, w.vi("button.stale"))
	}
}
