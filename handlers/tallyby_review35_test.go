package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 35: coordinators ask for their figures "by procedure", "by
// volunteer", "by unit" ("/tally tháng này theo thủ tục"): until then the
// words after the period made it "a period I could not read". They now
// make the period's report, whose section for what was asked lists up to
// forty rows where the others keep ten (the rest is in the spreadsheet's
// sheet of that name); alone ("/tally theo thủ tục") they are kept for the
// period pressed next.

// byWorld is a commune with thirteen procedures and twelve volunteers'
// cases closed this month (one case each): more than the report's ten.
func byWorld(t *testing.T) (*world, int64) {
	t.Helper()
	w := newWorld(t, handlers.WithClock(func() time.Time { return time.Date(2026, 11, 28, 9, 0, 0, 0, ict) }))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	guides := []string{"khai-sinh", "khai-tu", "ket-hon", "tam-tru", "thuong-tru", "ly-lich-tu-phap", "doi-gplx",
		"ho-chieu", "chung-thuc", "dang-ky-xe", "nop-phat", "trich-luc-ho-tich", "xac-nhan-cu-tru"}
	var vols []int64
	for i := range 12 {
		vols = append(vols, w.tallyMember(fmt.Sprintf("TNV%02d", i), anHoiTayCode, storage.RoleVolunteer).ID)
	}
	for i, g := range guides {
		start := nov(2+i, 9, 0)
		w.closedCase(vols[i%12], anHoiTayCode, g, "dossier", "toan-trinh", "submitted", "", start, start.Add(20*time.Minute))
	}
	return w, coord.ID
}

// reportIn is the report among ms (a press edits the screen into it).
func reportIn(t *testing.T, w *world, ms []*telegramtest.Message) string {
	t.Helper()
	for _, m := range ms {
		if strings.Contains(m.Text, w.vi("tally.top_procedures")) {
			return m.Text
		}
	}
	t.Fatalf("no report among %q", texts(ms))
	return ""
}

// section is the lines of the report under heading, up to the blank line.
func section(text, heading string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != heading {
			continue
		}
		var out []string
		for _, l := range lines[i+1:] {
			if l == "" {
				break
			}
			out = append(out, l)
		}
		return out
	}
	return nil
}

func TestReview35TallyByWhatTheCoordinatorAsks(t *testing.T) {
	for _, tc := range []struct {
		name, typed        string
		full, cut          string // headings: listed whole, cut at ten
		fullRows, cutShown int
	}{
		{name: "by procedure", typed: "/tally tháng này theo thủ tục", full: "tally.top_procedures", cut: "tally.top_volunteers", fullRows: 13, cutShown: 10},
		{name: "by volunteer", typed: "/tally tháng này, theo từng tình nguyện viên", full: "tally.top_volunteers", cut: "tally.top_procedures", fullRows: 12, cutShown: 10},
		{name: "english words", typed: "/tally this month by procedure", full: "tally.top_procedures", cut: "tally.top_volunteers", fullRows: 13, cutShown: 10},
		{name: "grouping first", typed: "/tally theo tnv tháng 11", full: "tally.top_volunteers", cut: "tally.top_procedures", fullRows: 12, cutShown: 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, coord := byWorld(t)
			u := w.srv.User(coord)
			ms := fresh(w.send(u, tc.typed))
			if len(ms) == 0 || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 13, "Helped": 13})) {
				t.Fatalf("%q: %q, want the month's report of 13 cases", tc.typed, texts(ms))
			}
			full, cut := section(ms[0].Text, w.vi(tc.full)), section(ms[0].Text, w.vi(tc.cut))
			if len(full) != tc.fullRows {
				t.Errorf("%q: %d rows under %q, want all %d:\n%s", tc.typed, len(full), w.vi(tc.full), tc.fullRows, ms[0].Text)
			}
			if len(cut) != tc.cutShown+1 || !strings.Contains(cut[len(cut)-1], "…") {
				t.Errorf("%q: under %q %d lines, want %d and a line for the rest:\n%s", tc.typed, w.vi(tc.cut), len(cut), tc.cutShown+1, ms[0].Text)
			}
			if len(ms) != 3 {
				t.Errorf("%q: %d messages, want the text, the chart and the spreadsheet", tc.typed, len(ms))
			}
		})
	}
}

// Plain /tally keeps ten of each; the grouping alone is kept for the
// period pressed next, said on the period screen; Cancel forgets it.
func TestReview35TallyByKeptForThePeriodPressed(t *testing.T) {
	w, coord := byWorld(t)
	u := w.srv.User(coord)

	only(t, fresh(w.send(u, "/tally")))
	m := reportIn(t, w, w.press(u, w.vi("tally.period_month")))
	if rows := section(m, w.vi("tally.top_procedures")); len(rows) != 11 {
		t.Fatalf("plain /tally: %d lines under the procedures, want ten and the rest's:\n%s", len(rows), m)
	}

	screen := only(t, fresh(w.send(u, "/tally theo thủ tục")))
	if !strings.Contains(screen.Text, w.vi("tally.by_kept", locales.Data{"By": w.vi("tally.by_procedure")})) {
		t.Fatalf("/tally theo thủ tục: %q, want the period screen saying the procedures will be listed", screen.Text)
	}
	m = reportIn(t, w, w.press(u, w.vi("tally.period_month")))
	if rows := section(m, w.vi("tally.top_procedures")); len(rows) != 13 {
		t.Errorf("period pressed after /tally theo thủ tục: %d rows under the procedures, want 13:\n%s", len(rows), m)
	}

	// The next report, asked plainly, is plain again.
	m = reportIn(t, w, w.send(u, "/tally tháng này"))
	if rows := section(m, w.vi("tally.top_procedures")); len(rows) != 11 {
		t.Errorf("/tally tháng này after a grouped report: %d lines, want ten and the rest's:\n%s", len(rows), m)
	}

	// Kept on the screen, then cancelled: the next /tally is plain.
	only(t, fresh(w.send(u, "/tally theo tình nguyện viên")))
	fresh(w.press(u, w.vi("button.cancel")))
	only(t, fresh(w.send(u, "/tally")))
	m = reportIn(t, w, w.press(u, w.vi("tally.period_month")))
	if rows := section(m, w.vi("tally.top_volunteers")); len(rows) != 11 {
		t.Errorf("after a grouping cancelled: %d lines under the volunteers, want ten and the rest's:\n%s", len(rows), m)
	}
}

// Typed outside any flow, right after a report or not, as a period alone
// is.
func TestReview35TallyByTypedOutsideTheFlow(t *testing.T) {
	for _, after := range []bool{true, false} {
		t.Run(fmt.Sprint("after a report: ", after), func(t *testing.T) {
			w, coord := byWorld(t)
			u := w.srv.User(coord)
			if after {
				fresh(w.send(u, "/tally tuần này"))
			}
			ms := fresh(w.send(u, "tháng này theo thủ tục"))
			if len(ms) == 0 || len(section(ms[0].Text, w.vi("tally.top_procedures"))) != 13 {
				t.Fatalf("“tháng này theo thủ tục”: %q, want the month by procedure", texts(ms))
			}
		})
	}
}

// What the report is asked by is kept on the screen across a restart and
// through the unit screen and back.
func TestReview35TallyByKeptAcrossRestartAndBack(t *testing.T) {
	w, coord := byWorld(t)
	u := w.srv.User(coord)
	only(t, fresh(w.send(u, "/tally theo tình nguyện viên")))
	w.restart()
	m := reportIn(t, w, w.press(u, w.vi("tally.period_month")))
	if rows := section(m, w.vi("tally.top_volunteers")); len(rows) != 12 {
		t.Errorf("after a restart: %d rows under the volunteers, want 12:\n%s", len(rows), m)
	}
}

// A commune's report has no units to list: said, the report made.
func TestReview35TallyByUnitOfOneCommune(t *testing.T) {
	w, coord := byWorld(t)
	u := w.srv.User(coord)
	ms := fresh(w.send(u, "/tally tháng này theo xã"))
	if len(ms) == 0 || !strings.Contains(ms[0].Text, w.vi("tally.cases", locales.Data{"Cases": 13, "Helped": 13})) {
		t.Fatalf("/tally tháng này theo xã: %q, want the report", texts(ms))
	}
	if !strings.Contains(ms[0].Text, w.vi("tally.by_one_unit")) {
		t.Errorf("/tally tháng này theo xã of one commune: no word that there is one unit:\n%s", ms[0].Text)
	}
}
