package handlers_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// sameDossierTally is this month's /tally of Phường An Hội Tây as its
// coordinator gets it: the text, the summary sheet's values by row, and
// the case list's outcome by case number.
func (w *world) sameDossierTally(coord *telegramtest.User) (string, map[string]string, map[string]string) {
	w.t.Helper()
	w.send(coord, "/tally")
	ms := w.press(coord, "Tháng này")
	if len(ms) != 3 || ms[2].Document == nil {
		w.t.Fatalf("/tally, this month: want the text, a photo and a document; got %+v", ms)
	}
	f, err := excelize.OpenReader(bytes.NewReader(ms[2].Document.Data))
	if err != nil {
		w.t.Fatal(err)
	}
	defer f.Close()
	summary, _ := sheetTotals(w.t, f, "Tổng hợp")
	values := map[string]string{}
	for _, r := range summary {
		if len(r) > 1 {
			values[r[0]] = r[1]
		}
	}
	list, _ := sheetTotals(w.t, f, "Danh sách ca")
	outcomes := map[string]string{}
	for _, r := range list {
		if len(r) > 5 {
			outcomes[r[0]] = r[5]
		}
	}
	return ms[0].Text, values, outcomes
}

// checkDossiers checks that the tally counts cases (all helped) and, of
// them, dossiers filed (toàn trình, the scheme's dossier_online) and cases
// that were the same dossier as another, in the text and the spreadsheet.
func (w *world) checkDossiers(what string, text string, values map[string]string, cases, dossiers, same int) {
	w.t.Helper()
	wants := []string{
		w.vi("tally.cases", locales.Data{"Cases": cases, "Helped": cases}),
		w.vi("tally.outcome_submitted") + ": " + strconv.Itoa(dossiers),
		"toàn trình (trước đây: mức độ 4): " + strconv.Itoa(dossiers),
		w.vi("tally.kpi_dossier_online") + ": " + strconv.Itoa(dossiers),
	}
	if same > 0 {
		wants = append(wants, w.vi("tally.outcome_same_dossier")+": "+strconv.Itoa(same))
	} else if strings.Contains(text, w.vi("tally.outcome_same_dossier")) {
		w.t.Errorf("%s: the text has a line of cases that were the same dossier:\n%s", what, text)
	}
	for _, want := range wants {
		if !strings.Contains(text, want) {
			w.t.Errorf("%s: the text lacks %q:\n%s", what, want, text)
		}
	}
	for row, want := range map[string]int{
		w.vi("tally.row_cases"): cases, w.vi("tally.row_helped"): cases, w.vi("tally.outcome_submitted"): dossiers,
		"Hồ sơ đã nộp (kể cả nhận kết quả ngay) – toàn trình (trước đây: mức độ 4)": dossiers, w.vi("tally.kpi_dossier_online"): dossiers,
		w.vi("tally.outcome_same_dossier"): same,
	} {
		if values[row] != strconv.Itoa(want) {
			w.t.Errorf("%s: the summary sheet's %q is %q, want %d", what, row, values[row], want)
		}
	}
}

// A resident came back for the same dossier (a supplement, the fee): the
// volunteer ran a second case, typed the code case #A keeps and pressed
// "🔗 Same dossier as case #A". The coordinator's tally counted two
// dossiers filed — two toàn trình, two for the scheme's dossier_online —
// where the resident filed one. The volunteer's help still counts (two
// cases, both helped); the dossier counts once, the second case on a line
// of its own, in the text and in the spreadsheet, and so it stays after
// /cancel and a restart (the case closed at the press).
func TestSameDossierCountsOneDossier(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Cùng hồ sơ")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	b := caseNo(w, v)
	w.send(v, code)
	m := last(t, w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a})))
	if !strings.Contains(m.Text, w.vi("case.same_dossier_done", locales.Data{"Case": b, "Kept": a})) {
		t.Fatalf("\"same dossier as case #%d\" pressed: %q", a, m.Text)
	}
	text, values, outcomes := w.sameDossierTally(coord)
	w.checkDossiers("after \"same dossier\"", text, values, 2, 1, 1)
	// The case list names it short (review 21a2: the text's long label
	// widened the column), with the case it shares the dossier with
	// (review 22a).
	if got, want := outcomes[strconv.Itoa(int(b))], w.vi("tally.case_outcome_same_dossier_of", locales.Data{"Case": a}); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", b, got, want)
	}
	if got, want := outcomes[strconv.Itoa(int(a))], w.vi("tally.outcome_submitted"); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", a, got, want)
	}

	// The case closed at the press: /cancel and a restart change nothing.
	w.send(v, "/cancel")
	w.restart()
	text, values, _ = w.sameDossierTally(coord)
	w.checkDossiers("after /cancel and a restart", text, values, 2, 1, 1)
}

// "Same dossier" pressed by mistake, the case's own code typed a minute
// later and attached: it is a dossier of its own again, and the tally
// counts two.
func TestSameDossierThenItsOwnCodeCountsTwoDossiers(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Bấm nhầm")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.finishWithCode(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	b := caseNo(w, v)
	w.send(v, code)
	w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a}))
	text, values, _ := w.sameDossierTally(coord)
	w.checkDossiers("after \"same dossier\"", text, values, 2, 1, 1)

	clk.advance(time.Minute)
	w.send(v, "000.00.12.H26-251127-0051")
	w.press(v, w.vi("case.attach_button", locales.Data{"Case": b}))
	if got, _, _ := followup(w, b); got != "000.00.12.H26-251127-0051" {
		t.Fatalf("case #%d keeps %q", b, got)
	}
	text, values, outcomes := w.sameDossierTally(coord)
	w.checkDossiers("after its own code", text, values, 2, 2, 0)
	if got, want := outcomes[strconv.Itoa(int(b))], w.vi("tally.outcome_submitted"); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", b, got, want)
	}
}

// The resident came back to pay the fee online: case #A was submitted
// only (the payment had failed), case #B, the same dossier, ended "paid".
// One dossier, and one payment made online: the scheme's payment_online
// counted none (case #B on the same-dossier line, case #A not paid). It
// counts one now, and the text, the summary sheet and the case list say
// where it comes from.
func TestSameDossierPaidOnlineCountsThePayment(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Trả phí")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H26-251127-0043"
	w.toOutcome(v, "ly-lich-tu-phap", true)
	w.press(v, w.vi("outcome.submitted"))
	w.send(v, code)
	a := caseNo(w, v)
	clk.advance(time.Hour)
	w.toOutcome(v, "ly-lich-tu-phap", true)
	w.press(v, w.vi("outcome.paid"))
	b := caseNo(w, v)
	w.send(v, code)
	m := last(t, w.press(v, w.vi("case.same_dossier_button", locales.Data{"Case": a})))
	if !strings.Contains(m.Text, w.vi("case.same_dossier_done", locales.Data{"Case": b, "Kept": a})) {
		t.Fatalf("\"same dossier as case #%d\" pressed: %q", a, m.Text)
	}
	text, values, outcomes := w.sameDossierTally(coord)
	paidLine := w.vi("tally.outcome_same_dossier") + " – " + w.vi("tally.same_dossier_paid")
	for _, want := range []string{
		w.vi("tally.outcome_submitted") + ": 1",
		w.vi("tally.outcome_same_dossier") + ": 1\n   – " + w.vi("tally.same_dossier_paid") + ": 1",
		w.vi("tally.kpi_dossier_online") + ": 1",
		w.vi("tally.kpi_payment_online") + ": 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, w.vi("tally.outcome_paid")) {
		t.Errorf("the text counts a dossier paid online, where case #%d was the same dossier:\n%s", b, text)
	}
	for row, want := range map[string]string{
		w.vi("tally.outcome_submitted"): "1", w.vi("tally.outcome_paid"): "0", w.vi("tally.outcome_same_dossier"): "1",
		paidLine: "1", w.vi("tally.kpi_dossier_online"): "1", w.vi("tally.kpi_payment_online"): "1",
	} {
		if values[row] != want {
			t.Errorf("the summary sheet's %q is %q, want %s", row, values[row], want)
		}
	}
	if got, want := outcomes[strconv.Itoa(int(b))], w.vi("tally.case_outcome_same_dossier_of_paid", locales.Data{"Case": a}); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", b, got, want)
	}
	if got, want := outcomes[strconv.Itoa(int(a))], w.vi("tally.outcome_submitted"); got != want {
		t.Errorf("the case list's outcome of case #%d: %q, want %q", a, got, want)
	}
}
