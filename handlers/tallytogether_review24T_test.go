package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// headOf is a report's first line: its unit and period.
func headOf(text string) string {
	head, _, _ := strings.Cut(text, "\n")
	return head
}

// Review 24T, item 1: a commune and a period typed together on /tally's
// screen were read only when the commune's words found exactly one unit:
// "binh thanh tháng này" (Phường Bình Thạnh, and the communes that took in
// the wards of old Quận Bình Thạnh) and "phuong 12 go vap tháng này" (an
// old name) were answered "I could not read that period". They are
// answered as the commune typed alone is (the same list, or the same
// refusal), and the period typed is kept: the unit pressed then makes its
// report for that period.
func TestTallyCommuneAndPeriodTogetherAsTheCommuneAlone(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const anHoiTay = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	for _, c := range []struct {
		who          string
		u            *telegramtest.User
		name, period string
		pick         string // the unit to press in the list; "" a refusal
	}{
		{"province", prov, "binh thanh", "tháng này", "Phường Gia Định, Thành phố Hồ Chí Minh"},
		{"province", prov, "phuong 12 go vap", "tháng này", anHoiTay},
		{"province", prov, "binh thanh", "tuần trước", "Phường Bình Thạnh, Thành phố Hồ Chí Minh"},
		// A commune's coordinator's "phuong 12 go vap", which finds their
		// commune better than any other, is its report since review 30
		// (tallyownname_review30A_test.go).
		{"commune", coord, "binh thanh", "tháng này", ""},
	} {
		only(t, fresh(w.send(c.u, "/tally")))
		alone := only(t, fresh(w.send(c.u, c.name)))
		fresh(w.send(c.u, "/cancel"))

		only(t, fresh(w.send(c.u, "/tally")))
		ms := fresh(w.send(c.u, c.name+" "+c.period))
		if hasReport(ms) {
			t.Errorf("%s %q: a report %q, want %q as the commune alone", c.who, c.name+" "+c.period, firstReport(ms), alone.Text)
			fresh(w.send(c.u, "/cancel"))
			continue
		}
		m := only(t, ms)
		if !strings.Contains(m.Text, alone.Text) || !slices.Equal(buttonTexts(m), buttonTexts(alone)) {
			t.Errorf("%s %q: %q %q, want as %q alone: %q %q", c.who, c.name+" "+c.period, m.Text, buttonTexts(m), c.name, alone.Text, buttonTexts(alone))
			fresh(w.send(c.u, "/cancel"))
			continue
		}
		if c.pick == "" {
			fresh(w.send(c.u, "/cancel"))
			continue
		}
		got := w.press(c.u, c.pick)
		fresh(w.send(c.u, "/cancel"))

		// The same unit and period asked for by the unit's full name.
		only(t, fresh(w.send(c.u, "/tally")))
		want := fresh(w.send(c.u, c.pick+" "+c.period))
		if !hasReport(want) {
			t.Fatalf("%s %q: no report", c.who, c.pick+" "+c.period)
		}
		if !hasReport(got) || headOf(firstReport(got)) != headOf(firstReport(want)) {
			var texts []string
			for _, m := range got {
				texts = append(texts, m.Text)
			}
			t.Errorf("%s %q, %s pressed: %q, want the report %q", c.who, c.name+" "+c.period, c.pick, texts, headOf(firstReport(want)))
		}
		fresh(w.send(c.u, "/cancel"))
	}
}

// The period kept is said on the list, and Back to the period screen
// leaves it: the unit pressed from there is asked its period again.
func TestTallyCommuneAndPeriodTogetherBack(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	m := only(t, fresh(w.send(prov, "binh thanh tháng này")))
	label := w.vi("tally.label_month", locales.Data{"Month": "11", "Year": 2026})
	if !strings.Contains(m.Text, label) {
		t.Errorf("the list does not name the period kept (%q): %q", label, m.Text)
	}
	only(t, w.press(prov, w.vi("button.back")))
	only(t, w.press(prov, w.vi("tally.change_unit")))
	only(t, fresh(w.send(prov, "binh thanh")))
	const giaDinh = "Phường Gia Định, Thành phố Hồ Chí Minh"
	if m := only(t, w.press(prov, giaDinh)); m.Text != w.vi("tally.choose_period", locales.Data{"Unit": giaDinh}) {
		t.Errorf("the period kept outlived Back: %q, want Gia Định's period screen", m.Text)
	}
}

// Words that find communes of theirs only begun, typed with a period ("ca
// tháng này": the cases of this month; "ca" begins Xã Cần Giờ, Phường Cát
// Lái…, and is whole in communes of other provinces), are still a period
// not understood, not a list of communes.
func TestTallyLooseWordsAndPeriodAreNoName(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, typed := range []string{"ca tháng này", "số ca tháng này"} {
		only(t, fresh(w.send(prov, "/tally")))
		m := only(t, fresh(w.send(prov, typed)))
		if !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) {
			t.Errorf("%q: %q %q, want the period's examples", typed, m.Text, buttonTexts(m))
		}
		fresh(w.send(prov, "/cancel"))
	}
}

// Found while walking /tally: outside any flow, "tuần trước" alone makes
// the report, and a commune with it ("an hội tây tuần trước") was
// searched as a procedure ("no procedure matches"). It opens /tally as if
// typed there: the commune's report, or the list of the units its name
// finds with the period kept. A procedure with a period's words is still
// searched.
func TestTallyCommuneAndPeriodTypedOutsideAnyFlow(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	ms := fresh(w.send(coord, "an hội tây tuần trước"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường An Hội Tây") {
		t.Errorf("\"an hội tây tuần trước\" outside any flow: %q, want An Hội Tây's report", firstText(ms))
	}
	m := last(t, fresh(w.send(prov, "binh thanh tháng này")))
	label := w.vi("tally.label_month", locales.Data{"Month": "11", "Year": 2026})
	if !hasButton(m, "Phường Gia Định, Thành phố Hồ Chí Minh") || !strings.Contains(m.Text, label) {
		t.Errorf("\"binh thanh tháng này\" outside any flow: %q %q, want the list, the period kept", m.Text, buttonTexts(m))
	}
	fresh(w.send(prov, "/cancel"))
	if ms := fresh(w.send(prov, "khai sinh tháng này")); hasReport(ms) || len(ms) == 0 || strings.HasPrefix(ms[0].Text, w.vi("tally.bad_period")) ||
		strings.Contains(ms[0].Text, w.vi("tally.unit_results", locales.Data{"Query": "khai sinh"})) {
		t.Errorf("\"khai sinh tháng này\" outside any flow: %q, want the procedure search", firstText(ms))
	}
}

// A commune typed with a period the bot cannot count ("bến thành tháng
// sau": to come; "an hội tây 31/11/2026": no such day) was answered "I
// could not read that period", as words not understood: the period's own
// problem is said, as for the period typed alone.
func TestTallyCommuneWithAPeriodItCannotCount(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, c := range []struct{ typed, want string }{
		{"ben thanh tháng sau", "tally.period_future"},
		{"binh thanh tháng sau", "tally.period_future"},
		{"an hội tây 31/11/2026", "tally.no_such_date"},
		{"tháng 13/2026 bến thành", "tally.no_such_month"},
	} {
		only(t, fresh(w.send(prov, "/tally")))
		m := only(t, fresh(w.send(prov, c.typed)))
		if !strings.HasPrefix(m.Text, w.vi(c.want)) {
			t.Errorf("%q: %q, want %q", c.typed, m.Text, w.vi(c.want))
		}
		fresh(w.send(prov, "/cancel"))
	}
}

// The list of units a name and a period found, its unit pressed twice (a
// double tap): one report, the second tap answered as a finished button.
func TestTallyKeptPeriodPressedTwice(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	const giaDinh = "Phường Gia Định, Thành phố Hồ Chí Minh"
	only(t, fresh(w.send(prov, "/tally")))
	list := only(t, fresh(w.send(prov, "binh thanh tháng này")))
	data := dataOf(t, list, giaDinh)
	first := w.pressOld(prov, list.ID, data)
	if !hasReport(first) || !strings.HasPrefix(firstReport(first), "📊 "+giaDinh) {
		t.Fatalf("the unit pressed: %q, want its report", firstText(first))
	}
	if again := w.pressOld(prov, list.ID, data); hasReport(again) {
		t.Errorf("the second tap made another report: %q", firstReport(again))
	}
	if got := lastAnswer(t, prov); got != w.vi("button.done") {
		t.Errorf("the second tap was answered %q, want %q", got, w.vi("button.done"))
	}
}
