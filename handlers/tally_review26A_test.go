package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 26A, item 1: a province coordinator of Thành phố Hồ Chí Minh who
// typed a bare "Q4" on /tally got the communes of Quận 4 and "📅 I meant
// Q4/2026 – …"; the year they typed next ("2026", "năm 2025") made the
// whole year's report. A year typed right after a bare quarter completes
// that quarter, for the unit the flow is on; typed after another step
// (a commune pressed) it is the whole year still. Since review 27H only a
// bare year ("2025") completes it: "năm 2025" asks for the whole year.
func TestReview26AYearTypedAfterBareQuarter(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Hà", "", storage.RoleProvinceCoordinator)
	quarter := func(lang string, q, y int) string {
		return w.texts.For(lang).T("tally.label_quarter", locales.Data{"Quarter": q, "Year": y})
	}
	year := func(lang string, y int) string {
		return w.texts.For(lang).T("tally.label_year", locales.Data{"Year": y})
	}
	meant := w.vi("tally.bare_period", locales.Data{"Period": quarter("vi", 4, 2026), "Unit": "Thành phố Hồ Chí Minh"})

	for _, c := range []struct {
		typed, want string
	}{
		{"2026", quarter("vi", 4, 2026)},
		{"2025", quarter("vi", 4, 2025)},
		{"năm 2025", year("vi", 2025)}, // a year in words: the whole year (review 27H)
	} {
		only(t, fresh(w.send(prov, "/tally")))
		if m := only(t, fresh(w.send(prov, "Q4"))); !hasButton(m, meant) {
			t.Fatalf("\"Q4\": %q %v, want the communes and %q", m.Text, m.Buttons(), meant)
		}
		ms := fresh(w.send(prov, c.typed))
		if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh – "+c.want) {
			t.Fatalf("%q after \"Q4\": %q, want the province's report for %s", c.typed, firstText(ms), c.want)
		}
	}

	// Typed outside any flow, right after a report: the same.
	only(t, fresh(w.send(prov, "Q4")))
	ms := fresh(w.send(prov, "2025"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh – "+quarter("vi", 4, 2025)) {
		t.Fatalf("\"2025\" after \"Q4\" typed outside /tally: %q, want Q4/2025", firstText(ms))
	}

	// A year to come: Q4/2027 has not begun.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, fresh(w.send(prov, "Q4")))
	if m := only(t, fresh(w.send(prov, "2027"))); !strings.Contains(m.Text, w.vi("tally.period_future")) {
		t.Fatalf("\"2027\" after \"Q4\": %q, want %q", m.Text, w.vi("tally.period_future"))
	}

	// After another step (a commune pressed from that list), the year
	// is the whole year, as on any period screen.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, fresh(w.send(prov, "Q4")))
	only(t, w.press(prov, "Phường Khánh Hội, Thành phố Hồ Chí Minh"))
	ms = fresh(w.send(prov, "2025"))
	if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Phường Khánh Hội, Thành phố Hồ Chí Minh – "+year("vi", 2025)) {
		t.Fatalf("\"2025\" after a commune pressed: %q, want Khánh Hội's year 2025", firstText(ms))
	}

	// In English.
	fresh(w.send(prov, "/lang en"))
	for _, typed := range []string{"2025"} { // "year 2025": the whole year (review 27H)
		only(t, fresh(w.send(prov, "/tally")))
		only(t, fresh(w.send(prov, "Q4")))
		ms = fresh(w.send(prov, typed))
		if !hasReport(ms) || !strings.HasPrefix(firstReport(ms), "📊 Thành phố Hồ Chí Minh – "+quarter("en", 4, 2025)) {
			t.Fatalf("%q after \"Q4\" in English: %q, want Q4/2025", typed, firstText(ms))
		}
	}
}

// Review 26A, item 2: /tally's list of the communes a typed name finds
// said in its text only those found by a name from before 2025 ("• Phường
// An Nhơn… (formerly: Phường 6, Quận Gò Vấp…)"), above a button for each:
// "go vap" showed 5 lines above 6 buttons, Phường Gò Vấp itself not said.
// The text lists every commune of the buttons, in their order, by the
// buttons' names.
func TestReview26AUnitSearchTextListsTheButtons(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, c := range []struct {
		u     *telegramtest.User
		typed string
	}{
		{prov, "go vap"},
		{prov, "Gò Vấp"},
		{w.admin, "go vap"},
	} {
		m := w.onTallyUnitScreen(c.u, c.typed)
		var bullets []string
		for _, l := range lines(m) {
			if strings.HasPrefix(l, "• ") {
				bullets = append(bullets, l)
			}
		}
		var communes []string
		for _, b := range m.Buttons() {
			if strings.HasPrefix(b.Text, "Phường ") || strings.HasPrefix(b.Text, "Xã ") || strings.HasPrefix(b.Text, "Đặc khu ") {
				communes = append(communes, b.Text)
			}
		}
		if len(communes) < 2 || !slices.Contains(communes, "Phường Gò Vấp, Thành phố Hồ Chí Minh") || !slices.Contains(communes, "Phường An Hội Tây, Thành phố Hồ Chí Minh") {
			t.Fatalf("%q: buttons %v, want Phường Gò Vấp and those of its old names", c.typed, buttonTexts(m))
		}
		if len(bullets) != len(communes) {
			t.Errorf("%q: %d lines of text above %d communes' buttons:\n%s\n%v", c.typed, len(bullets), len(communes), m.Text, communes)
			continue
		}
		for i, b := range bullets {
			if b != "• "+communes[i] && !strings.HasPrefix(b, "• "+communes[i]+" (") {
				t.Errorf("%q: line %d %q, button %q", c.typed, i+1, b, communes[i])
			}
		}
		fresh(w.send(c.u, "/cancel"))
	}
}

// Review 26A, walk: a province's name typed on /tally's unit screen
// ("tp hcm") listed the whole province alone under "Units matching “tp
// hcm”: a whole province or a commune. Choose one:": no commune was
// there to choose. The text says what the buttons offer; with a commune
// of that name too ("binh duong": Phường Bình Dương) it offers both.
func TestReview26AProvinceAloneSaysNoCommune(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, c := range []struct {
		u           *telegramtest.User
		lang, typed string
		key         string
		communesToo bool
	}{
		// A province's current name alone is taken, no list (review 32B:
		// tallyprovince_review32B_test.go); one merged into it is listed.
		{prov, "vi", "Bà Rịa - Vũng Tàu", "tally.unit_results_province_only", false},
		{w.admin, "vi", "ba ria vung tau", "tally.unit_results_province_only", false},
		{w.admin, "vi", "binh duong", "tally.unit_results_province", true},
		{prov, "en", "Bà Rịa - Vũng Tàu", "tally.unit_results_province_only", false},
	} {
		if c.lang == "en" {
			fresh(w.send(c.u, "/lang en"))
		}
		only(t, fresh(w.send(c.u, "/tally")))
		only(t, w.press(c.u, w.texts.For(c.lang).T("tally.change_unit")))
		m := only(t, fresh(w.send(c.u, c.typed)))
		want := w.texts.For(c.lang).T(c.key, locales.Data{"Query": c.typed})
		whole := w.texts.For(c.lang).T("tally.whole_province", locales.Data{"Province": "Thành phố Hồ Chí Minh"})
		if !strings.Contains(m.Text, want) || !hasButton(m, whole) || hasButton(m, "Phường Bình Dương, Thành phố Hồ Chí Minh") != c.communesToo {
			t.Errorf("%s %q: %q %v, want %q above %q", c.lang, c.typed, m.Text, buttonTexts(m), want, whole)
		}
		fresh(w.send(c.u, "/cancel"))
	}
}
