package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

const benThanhFull = "Phường Bến Thành, Thành phố Hồ Chí Minh"

// firstLine is a message's first line: a report's head, unit and period.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// pickBenThanh takes a province coordinator on /tally to Phường Bến
// Thành's report of this month, and returns its text.
func (w *world) pickBenThanh(u *telegramtest.User, thisMonth string) string {
	w.t.Helper()
	only(w.t, fresh(w.send(u, "/tally")))
	only(w.t, fresh(w.send(u, "Bến Thành"))) // its period screen (review 33C; a list of one before)
	ms := w.press(u, thisMonth)
	if len(ms) < 1 || !strings.Contains(firstLine(ms[0].Text), "Phường Bến Thành") {
		w.t.Fatalf("Bến Thành's report: %d messages, %+v", len(ms), ms)
	}
	return ms[0].Text
}

// A province coordinator picks a commune on /tally and reads its report;
// then types another period, as the report's screen invites ("hoặc gõ:
// tuần trước…"). It came as the whole province's: the commune they were
// looking at was forgotten, and its head, one line above numbers six
// times larger, was easily missed by one passing the commune's figures
// upward. The same commune, the new period, now — in English too — until
// /tally is opened again (cancelled: its screen showed the province), when
// a period typed counts the province again.
func TestTallyTypedPeriodAfterACommunesReportKeepsTheCommune(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.pickBenThanh(prov, "Tháng này")

	head := func(unit, period string) string {
		return w.vi("tally.head", locales.Data{"Unit": unit, "Period": period})
	}
	for _, typed := range []struct{ text, period string }{
		{"tháng 10/2026", "tháng 10/2026"},
		{"tháng trước", "tháng 10/2026"}, // a second one: still the commune
	} {
		ms := fresh(w.send(prov, typed.text))
		if len(ms) == 0 {
			t.Fatalf("%q after Bến Thành's report: nothing", typed.text)
		}
		if got, want := firstLine(ms[0].Text), head(benThanhFull, typed.period); got != want {
			t.Errorf("%q typed after Bến Thành's report: %q, want %q", typed.text, got, want)
		}
	}
	// A quarter typed: the commune's quarter, its spreadsheet named so.
	ms := fresh(w.send(prov, "quý 4/2026"))
	if len(ms) != 3 || !strings.HasPrefix(firstLine(ms[0].Text), "📊 "+benThanhFull) ||
		ms[2].Document == nil || !strings.Contains(ms[2].Document.Name, "phuong-ben-thanh") {
		t.Errorf("a quarter typed after Bến Thành's report: %d messages, %+v", len(ms), ms)
	}

	// /tally opened again and cancelled: its screen named the province,
	// and so does the period typed next.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, w.press(prov, w.vi("button.cancel")))
	ms = fresh(w.send(prov, "tháng 10/2026"))
	if len(ms) == 0 || firstLine(ms[0].Text) != head("Thành phố Hồ Chí Minh", "tháng 10/2026") {
		t.Errorf("a period typed after /tally was cancelled: %+v, want the province's", ms)
	}

	// In English, "last month" after a commune's report.
	en := w.tallyMember("Peter", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(en, "/lang en")))
	w.pickBenThanh(en, w.en("tally.period_month"))
	ms = fresh(w.send(en, "last month"))
	if len(ms) == 0 || !strings.HasPrefix(firstLine(ms[0].Text), "📊 "+benThanhFull+" – ") {
		t.Errorf("\"last month\" after Bến Thành's report in English: %+v", ms)
	}
}

// A commune picked on a report, and then the weekly digest came — the
// province's: the report on screen is the digest's, and a period typed
// after it counts the province, not the commune picked days before. An
// administrator coordinating a commune, whose digest is the commune's,
// gets the commune's for a period typed after it, not the country's.
func TestTallyTypedPeriodAfterTheDigestCountsTheDigestsUnit(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 11, 29, 20, 0)) // a Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	ctx := context.Background()
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 24, 9, 0), vn(2026, 11, 24, 9, 20))
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, w.admin.ID, "Admin", anHoiTayCode, storage.RoleCoordinator)
	}); err != nil {
		t.Fatal(err)
	}
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.pickBenThanh(prov, "Tháng này")

	q := startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	clock.Set(vn(2026, 11, 30, 7, 31))
	q.waitFor("digest", 1)
	q.waitFor("digest_to", 2)
	for _, u := range []*telegramtest.User{prov, w.admin} {
		if got := w.settle(u); len(got) == 0 || !strings.HasPrefix(got[0].Text, w.vi("digest.head")) {
			t.Fatalf("no digest came to %s: %+v", u.FirstName, got)
		}
	}
	for _, c := range []struct {
		u    *telegramtest.User
		unit string
	}{{prov, "Thành phố Hồ Chí Minh"}, {w.admin, "Phường An Hội Tây, Thành phố Hồ Chí Minh"}} {
		ms := fresh(w.send(c.u, "tháng 10/2026"))
		want := w.vi("tally.head", locales.Data{"Unit": c.unit, "Period": "tháng 10/2026"})
		if len(ms) == 0 || firstLine(ms[0].Text) != want {
			t.Errorf("%s typed a period after the digest: %+v, want %q", c.u.FirstName, ms, want)
		}
	}
}

// A coordinator types a period to come, or a reversed range, outside any
// flow — after a report, as the report's screen invites: it
// was looked for as a procedure ("Không có thủ tục nào khớp “tháng
// sau”"), where /tally answers that the period has not started. It is
// answered as /tally answers it, for the unit of the report on screen.
func TestTallyPeriodToComeTypedAfterAReportIsAPeriod(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.pickBenThanh(prov, "Tháng này")
	for _, c := range []struct{ typed, want string }{
		{"tháng sau", w.vi("tally.period_future")},
		{"next month", w.vi("tally.period_future")},
		{"12/2027", w.vi("tally.period_future")},
		{"30/11/2026 - 1/11/2026", w.vi("tally.period_reversed")},
	} {
		m := only(t, fresh(w.send(prov, c.typed)))
		if !strings.HasPrefix(m.Text, c.want) || !strings.Contains(m.Text, "Phường Bến Thành") || !hasButton(m, "Tháng này") {
			t.Errorf("%q typed after a report: %q, want %q above Bến Thành's period screen", c.typed, m.Text, c.want)
		}
		only(t, w.press(prov, w.vi("button.cancel")))
		// The commune is forgotten once cancelled; the report made again.
		w.pickBenThanh(prov, "Tháng này")
	}
	// A decree's number that reads as a month not on the calendar, or
	// before 2020, is still looked for as a procedure.
	for _, typed := range []string{"13/2023", "45/2019"} {
		for _, m := range fresh(w.send(prov, typed)) {
			if strings.Contains(m.Text, "📊") || strings.HasPrefix(m.Text, w.vi("tally.no_such_date")) || strings.HasPrefix(m.Text, w.vi("tally.period_too_old")) {
				t.Errorf("%q typed after a report: %q, want it searched as before", typed, m.Text)
			}
		}
	}
}
