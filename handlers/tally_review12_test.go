package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// "Theo dõi: 4 người dân đồng ý nhận nhắc; 0 đã có kết quả …" counted the
// residents who said yes at the start of a case. A coordinator reads the
// line as a funnel — so many followed, of them so many got their result —
// but of four residents who said yes, one's dossier closed with "Không có
// mã hồ sơ" and one's "Chưa nộp được": no code, no follow-up, no reminder,
// ever. The line counts the dossiers actually followed up: those whose
// code was kept, also when the resident withdrew since (/forget).
func TestTallyCountsDossiersFollowed(t *testing.T) {
	clk := newClock() // 27/11/2026
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")

	// 1. Filed, its code kept: followed.
	w.finishWithCode(v, "000.00.12.H26-261127-0001")
	// 2. Filed, "Không có mã hồ sơ": nothing to follow.
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	w.press(v, w.vi("case.no_dossier"))
	// 3. "Chưa nộp được": nothing to follow.
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.not_submitted"))
	w.press(v, w.vi("reason.missing_doc"))
	// 4. Filed, its code kept; the resident opened the link and then had it
	// all deleted (/forget): it was followed.
	w.finishWithCode(v, "000.00.12.H26-261127-0002")
	forgotten, _ := w.lastCase(v)
	var token string
	if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, forgotten.ID); err != nil {
		t.Fatal(err)
	}
	res := w.srv.NewUser("Bà Tư", "vi")
	w.send(res, "/start "+token)
	if got := last(t, w.forgetConfirmed(res)); got.Text != w.vi("followup.forgotten") {
		t.Fatalf("/forget: %q", got.Text)
	}

	var consented, kept int
	if err := w.store.DB().QueryRow(`SELECT count(*) FILTER (WHERE followup_consent), (SELECT count(*) FROM followups)
		FROM cases WHERE volunteer_id = $1 AND status = 'closed'`, v.ID).Scan(&consented, &kept); err != nil {
		t.Fatal(err)
	}
	if consented != 4 || kept != 1 {
		t.Fatalf("%d cases consented at the start, %d follow-ups kept: want 4 and 1", consented, kept)
	}

	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	text, f := monthTally(t, w, coord, "Tháng này")
	// Nothing resolved nor rated yet: said so, not in zeros (review 24).
	line := w.vi("tally.followups", locales.Data{"Followed": 2}) + w.vi("tally.followups_none_resolved") + w.vi("tally.followups_unrated") + "."
	if !strings.Contains(text, line) {
		t.Errorf("the follow-up line %q is not in:\n%s", line, text)
	}
	rows, err := f.GetRows(w.vi("tally.sheet_summary"))
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, r := range rows {
		if len(r) > 1 && r[0] == w.vi("tally.row_followups") {
			got = r[1]
		}
	}
	if got != "2" {
		t.Errorf("the summary sheet's %q: %q, want 2", w.vi("tally.row_followups"), got)
	}
	// The texts say what is counted: dossiers followed up, not residents
	// who agreed.
	for _, s := range []string{line, w.vi("tally.row_followups")} {
		if !strings.Contains(s, "hồ sơ được theo dõi") && !strings.Contains(s, "Hồ sơ được theo dõi") || strings.Contains(s, "đồng ý") {
			t.Errorf("%q does not say dossiers followed up", s)
		}
	}
	for _, s := range []string{w.en("tally.followups", locales.Data{"Followed": 2}), w.en("tally.row_followups")} {
		if !strings.Contains(strings.ToLower(s), "dossiers followed up") || strings.Contains(s, "agreed") {
			t.Errorf("%q does not say dossiers followed up", s)
		}
	}
}
