package handlers_test

import (
	"bytes"
	"context"
	"database/sql"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// caseListCells is the case list of the report that text (a /tally with
// its period) sends coord, in coord's language tr: each listed case's
// mode and outcome cells by case number.
func (w *world) caseListCells(coord *telegramtest.User, text string, tr func(string, ...locales.Data) string) (modes, outcomes map[string]string) {
	w.t.Helper()
	var doc *telegramtest.Message
	for _, m := range fresh(w.send(coord, text)) {
		if m.Document != nil {
			doc = m
		}
	}
	if doc == nil {
		w.t.Fatalf("%q: no spreadsheet", text)
	}
	f, err := excelize.OpenReader(bytes.NewReader(doc.Document.Data))
	if err != nil {
		w.t.Fatal(err)
	}
	defer f.Close()
	list, _ := sheetTotals(w.t, f, tr("tally.sheet_cases"))
	modes, outcomes = map[string]string{}, map[string]string{}
	for _, r := range list {
		if len(r) > 5 {
			modes[r[0]], outcomes[r[0]] = r[4], r[5]
		}
	}
	return modes, outcomes
}

// sameAs ends a new birth registration of v, submitted (or paid), as the
// same dossier as case kept, whose code is code; its number.
func (w *world) sameAs(v *telegramtest.User, outcome string, kept int64, code string) int64 {
	w.t.Helper()
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi(outcome))
	b := caseNo(w, v)
	w.send(v, code)
	w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": kept}))
	return b
}

// sameDossierOf is what the case log keeps of the case b is the same
// dossier as (cases.same_dossier_of; NULL: none).
func (w *world) sameDossierOf(b int64) sql.NullInt64 {
	w.t.Helper()
	var of sql.NullInt64
	if err := w.store.DB().Get(&of, `SELECT same_dossier_of FROM cases WHERE id = $1`, b); err != nil {
		w.t.Fatal(err)
	}
	return of
}

// Review 22a: a case that ended "🔗 Same dossier as case #A" read in the
// coordinator's case list "Cùng hồ sơ ca khác": the coordinator passing
// the spreadsheet upward could not tell which row filed its dossier. The
// row names case #A now, in Vietnamese and in English, paid online or not.
func TestSameDossierCaseListNamesTheKeptCase(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Cùng hồ sơ")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	b := w.sameAs(v, "outcome.submitted", a, code)
	clk.advance(time.Hour)
	c := w.sameAs(v, "outcome.paid", a, code)
	if got := w.sameDossierOf(b); got != (sql.NullInt64{Int64: a, Valid: true}) {
		t.Errorf("case #%d's same_dossier_of: %+v, want %d", b, got, a)
	}
	for _, lang := range []string{"vi", "en"} {
		tr, period := w.vi, "/tally tháng này"
		if lang == "en" {
			w.setLang(coord, "en")
			tr, period = w.en, "/tally this month"
		}
		_, outcomes := w.caseListCells(coord, period, tr)
		for id, want := range map[int64]string{
			a: tr("tally.outcome_submitted"),
			b: tr("tally.case_outcome_same_dossier_of", locales.Data{"Case": a}),
			c: tr("tally.case_outcome_same_dossier_of_paid", locales.Data{"Case": a}),
		} {
			if got := outcomes[strconv.FormatInt(id, 10)]; got != want {
				t.Errorf("%s: the case list's outcome of case #%d: %q, want %q", lang, id, got, want)
			}
		}
	}
}

// The case it shares the dossier with closed the evening before: a report
// of today lists this case alone, and its row still names that case.
func TestSameDossierCaseListNamesAKeptCaseOutsideThePeriod(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Hôm trước")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code) // 16:00 on 27/11
	a := caseNo(w, v)
	clk.advance(10 * time.Hour) // 02:00 on 28/11, within a day
	b := w.sameAs(v, "outcome.submitted", a, code)
	modes, outcomes := w.caseListCells(coord, "/tally hôm nay", w.vi)
	if _, ok := outcomes[strconv.FormatInt(a, 10)]; ok || len(outcomes) != 1 {
		t.Fatalf("today's case list: %v, want case #%d alone", outcomes, b)
	}
	if got, want := outcomes[strconv.FormatInt(b, 10)], w.vi("tally.case_outcome_same_dossier_of", locales.Data{"Case": a}); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", b, got, want)
	}
	if got, want := modes[strconv.FormatInt(b, 10)], w.vi("tally.case_mode_same_dossier"); got != want {
		t.Errorf("the case list's mode of case #%d: %q, want %q", b, got, want)
	}
}

// "Same dossier" pressed by mistake, the case's own code attached a minute
// later: a dossier of its own, which names no other case, in the case log
// or the case list.
func TestSameDossierThenItsOwnCodeNamesNoCase(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Bấm nhầm")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	b := w.sameAs(v, "outcome.submitted", a, code)
	if got := w.sameDossierOf(b); got != (sql.NullInt64{Int64: a, Valid: true}) {
		t.Fatalf("case #%d's same_dossier_of: %+v, want %d", b, got, a)
	}
	clk.advance(time.Minute)
	w.send(v, "000.00.12.H26-251127-0051")
	w.press(v, w.vi("case.attach_button", locales.Data{"Case": b}))
	if got := w.sameDossierOf(b); got.Valid {
		t.Errorf("case #%d, its own code kept: same_dossier_of %d", b, got.Int64)
	}
	_, outcomes := w.caseListCells(coord, "/tally tháng này", w.vi)
	if got, want := outcomes[strconv.FormatInt(b, 10)], w.vi("tally.outcome_submitted"); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", b, got, want)
	}
}

// A case marked the same dossier before the case log kept which (a
// version before 00030 closed it; the migration found no one case it can
// be): the row says "another case", as it did.
func TestSameDossierUnknownKeptCaseSaysAnother(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Không rõ")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	b := w.sameAs(v, "outcome.submitted", a, code)
	if _, err := w.store.DB().Exec(`UPDATE cases SET same_dossier_of = NULL WHERE id = $1`, b); err != nil {
		t.Fatal(err)
	}
	_, outcomes := w.caseListCells(coord, "/tally tháng này", w.vi)
	if got, want := outcomes[strconv.FormatInt(b, 10)], w.vi("tally.case_outcome_same_dossier"); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", b, got, want)
	}
}

// The volunteer moved to Bến Thành between the two visits: Bến Thành's
// coordinator lists this case alone, and its row still names case #A, An
// Hội Tây's.
func TestSameDossierCaseListNamesAKeptCaseOutsideTheUnit(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Chuyển phường")
	coord := w.tallyMember("Bảo", benThanhCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, v.ID, "Chuyển phường", benThanhCode, storage.RoleVolunteer)
	}); err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	b := w.sameAs(v, "outcome.submitted", a, code)
	_, outcomes := w.caseListCells(coord, "/tally tháng này", w.vi)
	if _, ok := outcomes[strconv.FormatInt(a, 10)]; ok || len(outcomes) != 1 {
		t.Fatalf("Bến Thành's case list: %v, want case #%d alone", outcomes, b)
	}
	if got, want := outcomes[strconv.FormatInt(b, 10)], w.vi("tally.case_outcome_same_dossier_of", locales.Data{"Case": a}); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", b, got, want)
	}
}
