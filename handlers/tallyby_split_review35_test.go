package handlers

import "testing"

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
		{"theo tháng", "theo tháng", ""},
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
