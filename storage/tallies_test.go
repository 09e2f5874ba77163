package storage_test

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

const benThanh = "26743" // Phường Bến Thành, Thành phố Hồ Chí Minh

func at(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, ict) }

// november is November 2026 in Vietnam.
var november = storage.Period{From: at(1, 0, 0), To: time.Date(2026, 12, 1, 0, 0, 0, 0, ict)}

// fixtureCase is a case as a test writes it: its events go in one by one,
// then it closes (or not) as the wizard closes it.
type fixtureCase struct {
	volunteer             int64
	commune, guide, kind  string
	mode, outcome, reason string
	start, finish         time.Time
	status                string // "" closed
	events                []storage.CaseEvent
	followup              bool
}

func ev(kind string, at time.Time, step int, stepID, problem string) storage.CaseEvent {
	e := storage.CaseEvent{Kind: kind, At: at}
	if step > 0 {
		e.Step = sql.NullInt32{Int32: int32(step), Valid: true}
		e.StepID = sql.NullString{String: stepID, Valid: true}
	}
	if problem != "" {
		e.Problem = sql.NullString{String: problem, Valid: true}
	}
	return e
}

func addCase(ctx context.Context, t testing.TB, tx *storage.Tx, f fixtureCase) storage.Case {
	t.Helper()
	c, err := tx.CreateCase(ctx, storage.Case{
		VolunteerID: f.volunteer, CommuneCode: sql.NullString{String: f.commune, Valid: f.commune != ""},
		GuideID: f.guide, GuideChecked: f.start, Kind: f.kind, Mode: sql.NullString{String: f.mode, Valid: f.mode != ""},
		StepsTotal: 5, Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: f.start, FollowupConsent: f.followup,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.events {
		e.CaseID = c.ID
		if err := tx.AddCaseEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	switch f.status {
	case storage.CaseDiscarded:
		if err := tx.DiscardCase(ctx, c.ID, f.finish); err != nil {
			t.Fatal(err)
		}
		return c
	case storage.CaseOpen:
		return c
	}
	c.Status, c.Phase, c.UpdatedAt = storage.CaseClosed, storage.PhaseDone, f.finish
	c.Outcome = sql.NullString{String: f.outcome, Valid: true}
	c.Reason = sql.NullString{String: f.reason, Valid: f.reason != ""}
	c.FinishedAt = sql.NullTime{Time: f.finish, Valid: true}
	if err := tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: f.finish, Kind: "outcome"}); err != nil {
		t.Fatal(err)
	}
	if f.followup {
		if _, err := tx.SaveFollowup(ctx, c.ID, "H26.99-261101-0001", time.Time{}, false); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// seedFixture writes the hand-counted fixture of TestTally: for Phường An
// Hội Tây in November 2026, 6 closed cases (an open, a discarded, an
// October one and one closed at the first instant of December do not
// count); one more in Bến Thành (same city), one in Đà Nẵng.
func seedFixture(ctx context.Context, t testing.TB, tx *storage.Tx) {
	t.Helper()
	for _, m := range []struct {
		id      int64
		name    string
		commune string
	}{{1, "An", anHoiTay}, {2, "Bình", anHoiTay}, {3, "Chi", benThanh}, {4, "Dũng", hoiAnTay}} {
		if err := tx.SetMembership(ctx, m.id, m.name, m.commune, storage.RoleVolunteer); err != nil {
			t.Fatal(err)
		}
	}
	cases := []fixtureCase{
		// 10 active minutes: 20 in all, 10 paused. 3 steps done, a problem.
		{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", outcome: "submitted",
			start: at(3, 9, 0), finish: at(3, 9, 20), followup: true, events: []storage.CaseEvent{
				ev("done", at(3, 9, 1), 1, "dang-nhap", ""), ev("pause", at(3, 9, 5), 2, "to-khai", ""),
				ev("resume", at(3, 9, 15), 2, "to-khai", ""), ev("problem", at(3, 9, 16), 2, "to-khai", "x"),
				ev("done", at(3, 9, 17), 2, "to-khai", ""), ev("done", at(3, 9, 18), 3, "nop", "")}},
		{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", outcome: "paid",
			start: at(4, 10, 0), finish: at(4, 10, 30), events: []storage.CaseEvent{ev("problem", at(4, 10, 5), 2, "to-khai", "x")}},
		{volunteer: 2, commune: anHoiTay, guide: "vneid-muc-2", kind: "account", outcome: "done",
			start: at(5, 14, 0), finish: at(5, 14, 6), events: []storage.CaseEvent{
				ev("problem", at(5, 14, 1), 1, "otp", "otp"), ev("problem", at(5, 14, 2), 1, "otp", "otp"), ev("done", at(5, 14, 3), 1, "otp", "")}},
		{volunteer: 2, commune: anHoiTay, guide: "thanh-toan", kind: "payment", outcome: "not_done", reason: "no_account",
			start: at(6, 15, 0), finish: at(6, 15, 4)},
		{volunteer: 2, commune: anHoiTay, guide: "tam-tru", kind: "dossier", mode: "mot-phan", outcome: "not_submitted", reason: "missing_doc",
			start: at(7, 16, 0), finish: at(7, 16, 20), events: []storage.CaseEvent{ev("skip", at(7, 16, 5), 1, "dang-nhap", "")}},
		// Closed at the first instant of November: counted, 10 minutes.
		{volunteer: 2, commune: anHoiTay, guide: "ly-lich-tu-phap", kind: "dossier", mode: "toan-trinh", outcome: "submitted",
			start: time.Date(2026, 10, 31, 23, 50, 0, 0, ict), finish: at(1, 0, 0)},
		// Not counted: October, the first instant of December, open, discarded.
		{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", outcome: "on_the_spot",
			start: time.Date(2026, 10, 31, 23, 0, 0, 0, ict), finish: time.Date(2026, 10, 31, 23, 30, 0, 0, ict)},
		{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", outcome: "submitted",
			start: time.Date(2026, 11, 30, 23, 40, 0, 0, ict), finish: november.To},
		{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", status: storage.CaseOpen, start: at(8, 9, 0)},
		{volunteer: 1, commune: anHoiTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", status: storage.CaseDiscarded,
			start: at(8, 10, 0), finish: at(8, 10, 1)},
		// Elsewhere in the city, and in another province.
		{volunteer: 3, commune: benThanh, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", outcome: "submitted",
			start: at(9, 9, 0), finish: at(9, 9, 8)},
		{volunteer: 4, commune: hoiAnTay, guide: "khai-sinh", kind: "dossier", mode: "toan-trinh", outcome: "submitted",
			start: at(9, 9, 0), finish: at(9, 9, 12)},
	}
	for _, c := range cases {
		addCase(ctx, t, tx, c)
	}
}

func TestScopeOf(t *testing.T) {
	t.Parallel()
	str := func(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
	tests := []struct {
		name  string
		u     storage.User
		admin bool
		want  storage.Scope
		ok    bool
	}{
		{"admin by configuration", storage.User{TelegramID: 9, Role: storage.RoleGuest}, true, storage.Scope{}, true},
		{"province coordinator", storage.User{TelegramID: 9, Role: storage.RoleProvinceCoordinator, ProvinceCode: str(hcmc)}, false, storage.Scope{Province: hcmc}, true},
		{"coordinator", storage.User{TelegramID: 9, Role: storage.RoleCoordinator, CommuneCode: str(anHoiTay)}, false, storage.Scope{Commune: anHoiTay}, true},
		{"coordinator without a commune", storage.User{TelegramID: 9, Role: storage.RoleCoordinator}, false, storage.Scope{}, false},
		{"volunteer", storage.User{TelegramID: 9, Role: storage.RoleVolunteer, CommuneCode: str(anHoiTay)}, false, storage.Scope{Volunteer: 9}, true},
		{"guest", storage.User{TelegramID: 9, Role: storage.RoleGuest}, false, storage.Scope{}, false},
	}
	for _, tt := range tests {
		got, ok := storage.ScopeOf(tt.u, tt.admin)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: ScopeOf = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestScopeCovers(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	country, hcm, dn := storage.Scope{}, storage.Scope{Province: hcmc}, storage.Scope{Province: daNang}
	a, b, other := storage.Scope{Commune: anHoiTay}, storage.Scope{Commune: benThanh}, storage.Scope{Commune: hoiAnTay}
	tests := []struct {
		outer, inner storage.Scope
		want         bool
	}{
		{country, country, true}, {country, hcm, true}, {country, a, true}, {country, storage.Scope{Volunteer: 5}, true},
		{hcm, hcm, true}, {hcm, a, true}, {hcm, b, true}, {hcm, other, false}, {hcm, dn, false}, {hcm, country, false},
		{hcm, storage.Scope{Commune: "99999"}, false}, {hcm, storage.Scope{Province: daNang, Commune: anHoiTay}, false},
		{a, a, true}, {a, b, false}, {a, hcm, false}, {a, country, false}, {a, storage.Scope{Volunteer: 5}, false},
		{storage.Scope{Volunteer: 5}, storage.Scope{Volunteer: 5}, true}, {storage.Scope{Volunteer: 5}, a, false},
	}
	inTx(t, st, func(tx *storage.Tx) error {
		for _, tt := range tests {
			got, err := tx.ScopeCovers(ctx, tt.outer, tt.inner)
			if err != nil {
				return err
			}
			if got != tt.want {
				t.Errorf("ScopeCovers(%+v, %+v) = %v, want %v", tt.outer, tt.inner, got, tt.want)
			}
		}
		return nil
	})
}

func TestTally(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		seedFixture(ctx, t, tx)
		return nil
	})
	// The residents' answers: the first case's result came, rated 4; the
	// second's came late, rated 5 (its code was kept too: its follow-up was
	// deleted by retention since).
	if _, err := st.DB().ExecContext(ctx, `UPDATE cases SET rating = 4, followup_result = 'received' WHERE started_at = $1`, at(3, 9, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE cases SET rating = 5, followup_result = 'received_late', followup_kept = true WHERE started_at = $1`, at(4, 10, 0)); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		tl, err := tx.Tally(ctx, storage.Scope{Commune: anHoiTay}, november)
		if err != nil {
			return err
		}
		if tl.Cases != 6 || tl.Helped != 4 {
			t.Errorf("cases %d, helped %d; want 6, 4", tl.Cases, tl.Helped)
		}
		wantOutcomes := map[string]int{storage.TallySubmitted: 2, storage.TallyPaid: 1, storage.TallyAccountDone: 1, storage.TallyNotDone: 2}
		for _, o := range storage.TallyOutcomes {
			if tl.Outcomes[o] != wantOutcomes[o] {
				t.Errorf("outcome %s: %d, want %d", o, tl.Outcomes[o], wantOutcomes[o])
			}
		}
		if want := []storage.Count{{Key: "missing_doc", N: 1}, {Key: "no_account", N: 1}}; !slices.Equal(tl.Reasons, want) {
			t.Errorf("reasons %v, want %v", tl.Reasons, want)
		}
		// Dossiers filed, by mode: the tam-tru case (một phần) was not
		// submitted, so it is no dossier of its mode (found in review: the
		// modes counted every dossier case, filed or not, and disagreed
		// with the outcomes and the online-dossier target beside them).
		if tl.Modes["toan-trinh"] != 3 || tl.Modes["mot-phan"] != 0 {
			t.Errorf("modes %v, want toan-trinh 3 and mot-phan 0", tl.Modes)
		}
		var procs []string
		for _, p := range tl.Procedures {
			procs = append(procs, p.Guide+":"+strconv.Itoa(p.Cases))
		}
		if want := []string{"khai-sinh:2", "ly-lich-tu-phap:1", "tam-tru:1", "thanh-toan:1", "vneid-muc-2:1"}; !slices.Equal(procs, want) {
			t.Errorf("procedures %v, want %v", procs, want)
		}
		if len(tl.Volunteers) != 2 || tl.Volunteers[0].FirstName != "Bình" || tl.Volunteers[0].Cases != 4 || tl.Volunteers[0].Helped != 2 ||
			tl.Volunteers[1].FirstName != "An" || tl.Volunteers[1].Cases != 2 {
			t.Errorf("volunteers %+v", tl.Volunteers)
		}
		if len(tl.Communes) != 1 || tl.Communes[0].Name != "Phường An Hội Tây" || tl.Communes[0].ProvinceName != "Thành phố Hồ Chí Minh" || tl.Communes[0].Cases != 6 {
			t.Errorf("communes %+v", tl.Communes)
		}
		// Active minutes 10 (20 less a 10-minute pause), 30, 6, 4, 20, 10.
		if tl.MedianMinutes != 10 {
			t.Errorf("median minutes %v, want 10", tl.MedianMinutes)
		}
		if tl.StepsDone != 4 || tl.StepsSkipped != 1 || tl.Problems != 4 {
			t.Errorf("steps done %d, skipped %d, problems %d; want 4, 1, 4", tl.StepsDone, tl.StepsSkipped, tl.Problems)
		}
		if want := (storage.Followups{Followed: 2, Resolved: 2, Late: 1, Rated: 2, AvgRating: 4.5}); tl.Followups != want {
			t.Errorf("follow-ups %+v, want %+v", tl.Followups, want)
		}
		stuck := tl.Stuck(5)
		if len(stuck) != 2 || stuck[0].Guide != "khai-sinh" || stuck[0].StepID != "to-khai" || stuck[0].Step != 2 || stuck[0].Problems != 2 ||
			stuck[0].Error != "x" || stuck[1].Guide != "vneid-muc-2" || stuck[1].Error != "otp" || stuck[1].Problems != 2 {
			t.Errorf("stuck %+v", stuck)
		}
		kpis := tl.KPIs(func(g string) []string {
			return map[string][]string{
				"khai-sinh": {"dossier_online", "payment_online"}, "vneid-muc-2": {"vneid_level2", "dossier_online"},
				"thanh-toan": {"payment_online"}, "tam-tru": {"dossier_online"}, "ly-lich-tu-phap": {"dossier_online"},
			}[g]
		})
		// vneid-muc-2 claims dossier_online, but an account task is never a dossier.
		if want := map[string]int{"dossier_online": 3, "payment_online": 1, "vneid_level2": 1}; !equalMaps(kpis, want) {
			t.Errorf("KPIs %v, want %v", kpis, want)
		}

		// The case list is the same cases, and its columns add up.
		var n, done, skipped, problems int
		var minutes []int
		err = tx.EachTallyCase(ctx, tl, func(c storage.TallyCase) error {
			n++
			done, skipped, problems = done+c.StepsDone, skipped+c.StepsSkipped, problems+c.Problems
			minutes = append(minutes, c.Minutes)
			if c.CommuneName != "Phường An Hội Tây" {
				t.Errorf("case %d in %q", c.ID, c.CommuneName)
			}
			if (c.Outcome == storage.TallyNotDone) != (c.Reason != "") {
				t.Errorf("case %d: outcome %s with reason %q", c.ID, c.Outcome, c.Reason)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if want := []int{10, 10, 30, 6, 4, 20}; n != 6 || done != 4 || skipped != 1 || problems != 4 || !slices.Equal(minutes, want) {
			t.Errorf("case list: %d cases, %d done, %d skipped, %d problems, minutes %v", n, done, skipped, problems, minutes)
		}

		// Wider and narrower scopes.
		for _, tt := range []struct {
			scope    storage.Scope
			cases    int
			communes int
		}{
			{storage.Scope{Province: hcmc}, 7, 2},
			{storage.Scope{Province: daNang}, 1, 1},
			{storage.Scope{}, 8, 3},
			{storage.Scope{Volunteer: 1}, 2, 1},
			{storage.Scope{Commune: benThanh}, 1, 1},
		} {
			tl, err := tx.Tally(ctx, tt.scope, november)
			if err != nil {
				return err
			}
			if tl.Cases != tt.cases || len(tl.Communes) != tt.communes {
				t.Errorf("%+v: %d cases in %d communes, want %d in %d", tt.scope, tl.Cases, len(tl.Communes), tt.cases, tt.communes)
			}
		}
		// From the beginning: the October case too, not December's.
		all, err := tx.Tally(ctx, storage.Scope{Commune: anHoiTay}, storage.Period{To: november.To})
		if err != nil {
			return err
		}
		if all.Cases != 7 {
			t.Errorf("from the beginning: %d cases, want 7", all.Cases)
		}
		return nil
	})
}

func TestTallyEmptyIsZero(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	inTx(t, st, func(tx *storage.Tx) error {
		tl, err := tx.Tally(ctx, storage.Scope{Commune: anHoiTay}, november)
		if err != nil {
			return err
		}
		if tl.Cases != 0 || tl.Helped != 0 || tl.MedianMinutes != 0 || tl.Followups != (storage.Followups{}) || len(tl.Procedures) != 0 || len(tl.Stuck(5)) != 0 ||
			math.IsNaN(tl.MedianMinutes) || len(tl.KPIs(func(string) []string { return []string{"dossier_online"} })) != 0 {
			t.Errorf("empty tally: %+v", tl)
		}
		return tx.EachTallyCase(ctx, tl, func(c storage.TallyCase) error {
			t.Errorf("a case in an empty tally: %+v", c)
			return nil
		})
	})
}

func equalMaps(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
