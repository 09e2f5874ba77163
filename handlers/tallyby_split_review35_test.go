package handlers

import (
	"fmt"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

func TestReview35SplitBy(t *testing.T) {
	for _, tc := range []struct{ text, rest, by string }{
		{"tháng này theo thủ tục", "tháng này", byProcedure},
		{"tháng này, theo từng tình nguyện viên", "tháng này", byVolunteer},
		{"Theo xã/phường tháng 11", "tháng 11", byUnit},
		{"quý 3 chia theo thủ tục hành chính", "quý 3", byProcedure},
		{"theo TNV", "", byVolunteer},
		{"this month by procedure", "this month", byProcedure},
		{"last week per commune", "last week", byUnit},
		{"năm nay theo tỉnh/thành phố", "năm nay", byUnit},
		{"từ 1/10 đến 15/10 theo đơn vị", "từ 1/10 đến 15/10", byUnit},
		// Not what a report is asked by: left whole.
		{"tháng này", "tháng này", ""},
		{"theo tháng", "", byMonth},
		{"năm nay theo từng tháng", "năm nay", byMonth},
		{"this year by month", "this year", byMonth},
		{"theo tháng 11", "theo tháng 11", ""},
		{"theo tháng này", "theo tháng này", ""},
		{"theo tháng trước", "theo tháng trước", ""},
		{"theo", "theo", ""},
		{"bến thành tháng này", "bến thành tháng này", ""},
		{"theo xãx", "theo xãx", ""},
	} {
		rest, by := splitBy(tc.text)
		if rest != tc.rest || by != tc.by {
			t.Errorf("splitBy(%q) = %q, %q; want %q, %q", tc.text, rest, by, tc.rest, tc.by)
		}
	}
}

// The chart follows what the report is asked by: a province's chart is of
// its communes unless asked by procedure or volunteer; a commune's is of
// procedures unless asked by volunteer.
func TestReview35ChartFollowsBy(t *testing.T) {
	c, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := c.For("vi")
	shipped, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	tally := func(scope storage.Scope) storage.Tally {
		tl := storage.Tally{Scope: scope, Cases: 6}
		tl.Communes = []storage.CommuneCount{{Code: "1", Name: "Phường Một", Cases: 4}, {Code: "2", Name: "Phường Hai", Cases: 2}}
		tl.Procedures = []storage.ProcedureCount{{Guide: "khai-sinh", Cases: 3}, {Guide: "khai-tu", Cases: 2}, {Guide: "ket-hon", Cases: 1}}
		for i, n := range []int{2, 1, 1, 1, 1} {
			tl.Volunteers = append(tl.Volunteers, storage.VolunteerCount{ID: int64(i + 1), FirstName: fmt.Sprint("TNV", i), Cases: n, Role: storage.RoleVolunteer})
		}
		return tl
	}
	province, commune := storage.Scope{Province: "79"}, storage.Scope{Commune: "26882"}
	for _, tc := range []struct {
		scope storage.Scope
		by    string
		title string
		bars  int
	}{
		{province, "", "tally.chart_by_commune", 2},
		{province, byUnit, "tally.chart_by_commune", 2},
		{province, byProcedure, "tally.chart_procedures", 3},
		{province, byVolunteer, "tally.chart_volunteers", 5},
		{commune, "", "tally.chart_procedures", 3},
		{commune, byUnit, "tally.chart_procedures", 3},
		{commune, byVolunteer, "tally.chart_volunteers", 5},
	} {
		ch := (&Handlers{guides: shipped}).tallyChart(tr, tally(tc.scope), "u", "p", tc.by)
		if want := tr.T(tc.title, locales.Data{"Cases": "6"}); ch.Title != want || len(ch.Bars) != tc.bars {
			t.Errorf("%+v by %q: chart %q with %d bars, want %q with %d", tc.scope, tc.by, ch.Title, len(ch.Bars), want, tc.bars)
		}
	}
}
