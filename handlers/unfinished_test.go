package handlers_test

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// liveCase starts a case as the wizard does and leaves it open, paused or
// thrown away (a wrong pick).
func (w *world) liveCase(vol int64, commune string, start time.Time, status string) {
	w.t.Helper()
	ctx := context.Background()
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		c, err := tx.CreateCase(ctx, storage.Case{VolunteerID: vol, CommuneCode: sql.NullString{String: commune, Valid: true},
			GuideID: "khai-sinh", GuideChecked: start, Kind: "dossier", Mode: sql.NullString{String: "toan-trinh", Valid: true},
			StepsTotal: 5, Phase: storage.PhaseSteps, ConsentVersion: "vi-test", StartedAt: start})
		switch {
		case err != nil:
			return err
		case status == "discarded":
			return tx.DiscardCase(ctx, c.ID, start.Add(time.Minute))
		case status == storage.CasePaused:
			c.Status, c.UpdatedAt = storage.CasePaused, start.Add(time.Minute)
			return tx.SaveCase(ctx, c, storage.CaseEvent{CaseID: c.ID, At: c.UpdatedAt, Kind: "pause"})
		}
		return nil
	})
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) unfinishedLine(n int) string {
	t := w.texts.For("vi")
	return t.N("tally.unfinished", n, locales.Data{"Count": t.Num(n)})
}

// A tally counts closed cases only; the cases its period started that are
// still open or paused are said apart — in the text and the spreadsheet —,
// so a coordinator knows the log is not complete yet. A volunteer's /me
// names their own.
func TestTallySaysWhatIsUnfinished(t *testing.T) {
	w, an, binh := tallyWorld(t) // 27/11/2026 10:00; 4 cases closed in An Hội Tây in November
	chi := w.tallyMember("Chi2", benThanhCode, storage.RoleVolunteer)
	w.liveCase(an.ID, anHoiTayCode, nov(27, 9, 0), storage.CaseOpen)                            // today
	w.liveCase(binh.ID, anHoiTayCode, nov(20, 9, 0), storage.CasePaused)                        // this month
	w.liveCase(chi.ID, benThanhCode, nov(25, 9, 0), storage.CaseOpen)                           // another commune
	w.liveCase(an.ID, anHoiTayCode, time.Date(2026, 10, 30, 9, 0, 0, 0, ict), storage.CaseOpen) // October
	w.liveCase(binh.ID, anHoiTayCode, nov(26, 9, 0), "discarded")                               // a wrong pick

	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	only(t, w.send(coord, "/tally"))
	ms := w.press(coord, w.vi("tally.period_month"))
	if len(ms) != 3 || ms[2].Document == nil {
		t.Fatalf("want text, chart and spreadsheet; got %+v", ms)
	}
	if !strings.Contains(ms[0].Text, w.unfinishedLine(2)) {
		t.Errorf("the month's text does not say 2 cases are unfinished:\n%s", ms[0].Text)
	}
	f, err := excelize.OpenReader(bytes.NewReader(ms[2].Document.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, r := range rows {
		if len(r) > 1 && r[0] == w.vi("tally.row_unfinished") {
			got = r[1]
		}
	}
	if got != "2" {
		t.Errorf("the summary sheet's unfinished row is %q, want 2", got)
	}

	// Today nothing closed: the text says so, and that one case is under way.
	only(t, w.send(coord, "/tally"))
	ms = w.press(coord, w.vi("tally.period_today"))
	if !strings.Contains(ms[0].Text, w.vi("tally.empty")) || !strings.Contains(ms[0].Text, w.unfinishedLine(1)) {
		t.Errorf("today's text should be empty but for one unfinished case:\n%s", ms[0].Text)
	}

	// The province: both communes' unfinished cases of the month.
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, w.send(prov, "/tally"))
	ms = w.press(prov, w.vi("tally.period_month"))
	if !strings.Contains(ms[0].Text, w.unfinishedLine(3)) {
		t.Errorf("the province's month should have 3 unfinished:\n%s", ms[0].Text)
	}

	// An's own numbers name both of An's unfinished cases, October's too.
	me := only(t, w.send(an, "/me"))
	if !strings.Contains(me.Text, w.texts.For("vi").N("case.open_cases", 2)) {
		t.Errorf("/me does not name An's 2 unfinished cases:\n%s", me.Text)
	}
	// Once closed, a case is counted and no longer unfinished.
	if _, err := w.store.DB().Exec(`UPDATE cases SET status = 'closed', phase = 'done', outcome = 'submitted', finished_at = $2, updated_at = $2
		WHERE volunteer_id = $1 AND status = 'paused'`, binh.ID, nov(27, 9, 30)); err != nil {
		t.Fatal(err)
	}
	only(t, w.send(coord, "/tally"))
	ms = w.press(coord, w.vi("tally.period_month"))
	if !strings.Contains(ms[0].Text, w.unfinishedLine(1)) || strings.Contains(ms[0].Text, w.unfinishedLine(2)) {
		t.Errorf("after the paused case closed, 1 should be unfinished:\n%s", ms[0].Text)
	}
}
