package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 23h, item 1: a commune's name with a slip of the finger ("phuong
// go vpa", "an hoi tey") typed on /tally's first screen, which asks for
// the period, was answered "I could not read that period": read as a
// period. The unit screen read the same slip (review 22k); the period
// screen reads it too — the commune read within the scope is listed, to
// press, and then the period is asked; one read outside the scope is
// refused as that commune typed right is. A period mistyped is still one.
func TestTallyPeriodScreenReadsACommuneWithATypo(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const hcmc = "Thành phố Hồ Chí Minh"
	const anHoiTay = "Phường An Hội Tây, " + hcmc
	const goVap = "Phường Gò Vấp, " + hcmc
	for _, c := range []struct {
		lang, typed, read, unit string
	}{
		{"vi", "phuong go vpa", "phuong go vap", goVap},
		{"vi", "an hoi tey", "an hoi tay", anHoiTay},
		{"en", "phuong go vpa", "phuong go vap", goVap},
	} {
		w.setLang(prov, c.lang)
		tr := w.vi
		if c.lang == "en" {
			tr = w.en
		}
		only(t, fresh(w.send(prov, "/tally")))
		m := only(t, fresh(w.send(prov, c.typed)))
		note := tr("invite.typo", locales.Data{"Query": c.typed, "Read": c.read})
		if !strings.HasPrefix(m.Text, note) || !hasButton(m, c.unit) {
			t.Errorf("%s %q on the period screen: %q %q, want %q above %s", c.lang, c.typed, m.Text, buttonTexts(m), note, c.unit)
			fresh(w.send(prov, "/cancel"))
			continue
		}
		m = only(t, w.press(prov, c.unit))
		if !strings.Contains(m.Text, tr("tally.choose_period", locales.Data{"Unit": c.unit})) {
			t.Errorf("%s %q, the commune pressed: %q, want its period screen", c.lang, c.typed, m.Text)
		}
		fresh(w.send(prov, "/cancel"))
	}
	w.setLang(prov, "vi")

	// A commune's coordinator: their own commune mistyped is listed; another
	// commune mistyped is read and refused by its name.
	only(t, fresh(w.send(coord, "/tally")))
	m := only(t, fresh(w.send(coord, "an hoi tey")))
	if !strings.HasPrefix(m.Text, w.vi("invite.typo", locales.Data{"Query": "an hoi tey", "Read": "an hoi tay"})) || !hasButton(m, anHoiTay) {
		t.Errorf("their own commune mistyped: %q %q", m.Text, buttonTexts(m))
	}
	fresh(w.send(coord, "/cancel"))
	only(t, fresh(w.send(coord, "/tally")))
	m = only(t, fresh(w.send(coord, "phuong go vpa")))
	for _, want := range []string{
		w.vi("invite.typo", locales.Data{"Query": "phuong go vpa", "Read": "phuong go vap"}),
		w.vi("tally.commune_not_allowed", locales.Data{"Unit": goVap, "Own": anHoiTay}),
		w.vi("tally.choose_period", locales.Data{"Unit": anHoiTay}),
	} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("another commune mistyped by a commune's coordinator: %q, want %q in it", m.Text, want)
		}
	}
	if !hasButton(m, w.vi("tally.period_month")) {
		t.Errorf("the period's buttons are not offered again: %q", buttonTexts(m))
	}
	fresh(w.send(coord, "/cancel"))

	// A period mistyped is still answered as one, and so are words no
	// name is one slip away from ("khai sinh" is two from "hai binh").
	// ("thang muoi hai" is December since review 31B: "tahng muoi hai"
	// is it mistyped.)
	for _, typed := range []string{"tahng nay", "thsi month", "quyy 4", "tahng muoi hai", "khai sinh"} {
		only(t, fresh(w.send(prov, "/tally")))
		m := only(t, fresh(w.send(prov, typed)))
		if !strings.HasPrefix(m.Text, w.vi("tally.bad_period")) {
			t.Errorf("%q: %q, want the period's examples", typed, m.Text)
		}
		fresh(w.send(prov, "/cancel"))
	}
}

// The period screen opened by words typed outside any flow ("tháng sau":
// a period to come) looks for a procedure in words that are no period and
// no unit; a commune's name with a slip ("phuong go vpa") was searched as
// a procedure ("no procedure matches") there. It is read as the commune.
func TestTallyTypedPeriodScreenReadsACommuneWithATypo(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	const goVap = "Phường Gò Vấp, Thành phố Hồ Chí Minh"
	last(t, fresh(w.send(prov, "tháng sau")))
	m := last(t, fresh(w.send(prov, "phuong go vpa")))
	note := w.vi("invite.typo", locales.Data{"Query": "phuong go vpa", "Read": "phuong go vap"})
	if !strings.HasPrefix(m.Text, note) || !hasButton(m, goVap) {
		t.Errorf("a commune's slip after \"tháng sau\": %q %q, want %q above %s", m.Text, buttonTexts(m), note, goVap)
	}
	// Words that are no unit, even a slip away, still look for a procedure.
	fresh(w.send(prov, "/cancel"))
	last(t, fresh(w.send(prov, "tháng sau")))
	if m := last(t, fresh(w.send(prov, "khai sinh"))); strings.HasPrefix(m.Text, w.vi("tally.bad_period")) || strings.Contains(m.Text, "📊") {
		t.Errorf("a procedure after \"tháng sau\": %q", m.Text)
	}
}

// A commune and a period typed together on /tally's screen ("ben thanh
// tháng này", "tháng 11, Bến Thành") were answered "I could not read that
// period": the commune typed was lost. Both are read: the commune's report
// for that period.
func TestTallyCommuneAndPeriodTypedTogether(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, c := range []struct {
		u           *telegramtest.User
		typed, head string
	}{
		{prov, "ben thanh thang nay", "📊 Phường Bến Thành"},
		{prov, "tháng 11/2026, Bến Thành", "📊 Phường Bến Thành"},
		{prov, "Phường An Hội Tây tuần trước", "📊 Phường An Hội Tây"},
		{coord, "an hoi tay thang nay", "📊 Phường An Hội Tây"},
	} {
		only(t, fresh(w.send(c.u, "/tally")))
		ms := fresh(w.send(c.u, c.typed))
		if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), c.head) {
			var texts []string
			for _, m := range ms {
				texts = append(texts, m.Text)
			}
			t.Errorf("%q: %q, want the report of %s", c.typed, texts, c.head)
		}
		fresh(w.send(c.u, "/cancel"))
	}
}
