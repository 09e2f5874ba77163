package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 32B, item 1: on /tally's screen "tháng mười ba" (there is no
// thirteenth month) was read as October and a commune named "ba": "Các
// xã/phường khớp “ba” nằm ngoài phạm vi bạn được xem". It is answered as
// "tháng 13" is: a year has twelve months. Item 2: "tháng năm nay" (May
// of this year) was not understood; it is May 2026's report.
func TestTallyMonthBeyondTwelveAndMayThisYear(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, u := range []struct {
		name string
		user *telegramtest.User
	}{{"coordinator", coord}, {"province coordinator", prov}} {
		user := u.user
		for _, typed := range []string{"tháng mười ba", "thang muoi ba", "tháng 13", "tháng mười lăm năm nay", "thang muoi sau", "quý 5", "quý sáu"} {
			only(t, fresh(w.send(user, "/tally")))
			ms := fresh(w.send(user, typed))
			if hasReport(ms) {
				t.Errorf("%s, %q: a report %q", u.name, typed, firstLine(firstReport(ms)))
				continue
			}
			m := only(t, ms)
			want := w.vi("tally.no_such_month")
			if strings.HasPrefix(typed, "quý") {
				want = w.vi("tally.no_such_quarter")
			}
			if !strings.HasPrefix(m.Text, want) {
				t.Errorf("%s, %q: %q, want it to say %q", u.name, typed, m.Text, want)
			}
			if strings.Contains(m.Text, "“ba”") || strings.Contains(m.Text, "phạm vi") {
				t.Errorf("%s, %q: a word of the month read as a commune: %q", u.name, typed, m.Text)
			}
			fresh(w.send(user, "/cancel"))
		}
		for typed, want := range map[string]string{
			"tháng năm nay":            "tháng 5/2026",
			"thang nam nay":            "tháng 5/2026",
			"tháng này":                "tháng 11/2026",
			"an hội tây tháng năm nay": "tháng 5/2026",
		} {
			only(t, fresh(w.send(user, "/tally")))
			ms := fresh(w.send(user, typed))
			if !hasReport(ms) {
				t.Errorf("%s, %q: %q, want a report", u.name, typed, firstText(ms))
				continue
			}
			if first := firstLine(firstReport(ms)); !strings.Contains(first, want) {
				t.Errorf("%s, %q: the report of %q, want %s", u.name, typed, first, want)
			}
		}
	}
}

// Review 32B, the demo: "tháng năm ngoái" (not understood: no month is
// "ngoái") was split into a commune "tháng" and the period "năm ngoái":
// "Các xã/phường khớp “tháng” nằm ngoài phạm vi…" to a commune's
// coordinator, a list of communes with "Thắng" in their names, last
// year kept, to a province coordinator. Words of a period alone are no
// unit's name: the period is not understood, and said so.
func TestTallyPeriodWordsAreNoUnitName(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, user := range []*telegramtest.User{coord, prov} {
		for _, typed := range []string{"tháng năm ngoái", "tháng tuần trước"} {
			only(t, fresh(w.send(user, "/tally")))
			m := only(t, fresh(w.send(user, typed)))
			if !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) || strings.Contains(m.Text, "“tháng”") || hasButton(m, "Phường Tam Thắng, Thành phố Hồ Chí Minh") {
				t.Errorf("%q: %q %q, want it not understood", typed, m.Text, buttonTexts(m))
			}
			fresh(w.send(user, "/cancel"))
		}
	}
}
