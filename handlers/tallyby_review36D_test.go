package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 36D: "theo thủ tục" alone, typed by a coordinator outside any
// flow (right after a report, to see it by procedure, or not), was
// searched as a procedure: "Tìm thấy 1 thủ tục khớp “theo thủ tục”:
// Chứng thực bản sao điện tử…". It is /tally's period screen with the
// words kept, as "/tally theo thủ tục" is.
func TestReview36DTallyByAloneTypedOutsideTheFlow(t *testing.T) {
	for _, after := range []bool{true, false} {
		t.Run(fmt.Sprint("after a report: ", after), func(t *testing.T) {
			w, coord := byWorld(t)
			u := w.srv.User(coord)
			if after {
				reportIn(t, w, w.send(u, "/tally tháng này"))
			}
			screen := only(t, fresh(w.send(u, "theo thu tuc")))
			if !strings.Contains(screen.Text, w.vi("tally.by_kept", locales.Data{"By": w.vi("tally.by_procedure")})) {
				t.Fatalf("“theo thu tuc” typed: %q, want the period screen saying the procedures will be listed", screen.Text)
			}
			m := reportIn(t, w, w.press(u, w.vi("tally.period_month")))
			if rows := section(m, w.vi("tally.top_procedures")); len(rows) != 13 {
				t.Errorf("period pressed after “theo thu tuc”: %d rows under the procedures, want 13:\n%s", len(rows), m)
			}
		})
	}
}

// A volunteer's "theo thủ tục" is still a search: they have no report.
func TestReview36DTallyByAloneFromAVolunteerIsSearched(t *testing.T) {
	w, _ := byWorld(t)
	vol := w.tallyMember("Vân", anHoiTayCode, storage.RoleVolunteer)
	for _, m := range fresh(w.send(vol, "theo thủ tục")) {
		if strings.Contains(m.Text, w.vi("tally.by_kept", locales.Data{"By": w.vi("tally.by_procedure")})) {
			t.Fatalf("a volunteer's “theo thủ tục”: %q, want no report's screen", m.Text)
		}
	}
}

// Typed on the unit screen, the words are kept, and the note says to pick
// a unit first: until review 36D it said "choose or type a period" above
// a list of units, where a period typed is refused.
func TestReview36DTallyByOnTheUnitScreen(t *testing.T) {
	w, _ := byWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	only(t, fresh(w.send(prov, "/tally")))
	fresh(w.press(prov, w.vi("tally.change_unit")))
	screen := only(t, fresh(w.send(prov, "theo tình nguyện viên")))
	want := w.vi("tally.by_kept_unit", locales.Data{"By": w.vi("tally.by_volunteer")})
	if !strings.Contains(screen.Text, want) {
		t.Fatalf("“theo tình nguyện viên” on the unit screen: %q, want %q", screen.Text, want)
	}
	if strings.Contains(screen.Text, w.vi("tally.by_kept", locales.Data{"By": w.vi("tally.by_volunteer")})) {
		t.Errorf("on the unit screen: %q, still asks for a period", screen.Text)
	}
}

// Asked politely with no period ("cho em xin số liệu theo thủ tục ạ",
// "thống kê theo xã", "theo TNV ạ"), the words are kept as alone: until
// review 36D the polite words left over were a period "not understood"
// on /tally's screen, and searched as a procedure outside it.
func TestReview36DTallyByAskedPolitely(t *testing.T) {
	for _, tc := range []struct{ typed, by string }{
		{"cho em xin số liệu theo thủ tục ạ", "tally.by_procedure"},
		{"Theo TNV ạ", "tally.by_volunteer"},
		{"thống kê theo từng xã nhé", "tally.by_unit"},
		{"báo cáo theo tháng", "tally.by_month"},
	} {
		for _, screen := range []bool{true, false} {
			t.Run(fmt.Sprint(tc.typed, " on the screen: ", screen), func(t *testing.T) {
				w, coord := byWorld(t)
				u := w.srv.User(coord)
				if screen {
					only(t, fresh(w.send(u, "/tally")))
				}
				m := only(t, fresh(w.send(u, tc.typed)))
				if want := w.vi("tally.by_kept", locales.Data{"By": w.vi(tc.by)}); !strings.Contains(m.Text, want) {
					t.Errorf("%q: %q, want %q", tc.typed, m.Text, want)
				}
			})
		}
	}
}

// A commune's name, a period and what the report is asked by, typed by a
// province coordinator outside any flow ("An Hội Tây tháng 11 theo thủ
// tục"), are that commune's report so asked, as on /tally's screen: until
// review 36D they were searched as a procedure ("no procedure matches").
func TestReview36DTallyByWithAUnitNamedOutsideTheFlow(t *testing.T) {
	w, _ := byWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	ms := fresh(w.send(prov, "An Hội Tây tháng này theo thủ tục"))
	if len(ms) == 0 || !strings.Contains(ms[0].Text, "Phường An Hội Tây") {
		t.Fatalf("“An Hội Tây tháng này theo thủ tục”: %q, want An Hội Tây's report", texts(ms))
	}
	if rows := section(ms[0].Text, w.vi("tally.top_procedures")); len(rows) != 13 {
		t.Errorf("%d rows under the procedures, want all 13:\n%s", len(rows), ms[0].Text)
	}
}
