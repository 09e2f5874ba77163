package workdays

import "testing"

// What the file holds for 2027 after the search of 2026-12-01 (review 13).
// Neither Văn bản 10065/VPCP-KGVX (Tết 2027, Quốc khánh 2027, 24/11/2026)
// nor Resolution 28/2026/QH16 (24/11 a day off) could be opened: third
// parties' files say the letter gives Tết 4–10/2/2027 and Quốc khánh
// 2–5/9/2027, which is the file's estimate, and the year stays unconfirmed
// (every answer in it "có thể thay đổi"). 24/11/2027 stays a lead: listed,
// not counted, so a Wednesday like any other until the resolution is read.
func TestYear2027HoldsTheEstimateTheLettersAreSaidToConfirm(t *testing.T) {
	c := Default()
	for _, tt := range []struct {
		name    string
		date    string
		working bool
	}{
		{"Wednesday 3/2/2027, the last day before Tết", "2027-02-03", true},
		{"Thursday 4/2/2027, 28 tháng Chạp", "2027-02-04", false},
		{"Monday 8/2/2027, mùng 3", "2027-02-08", false},
		{"Tuesday 9/2/2027, nghỉ bù for mùng 1 on a Saturday", "2027-02-09", false},
		{"Wednesday 10/2/2027, nghỉ bù for mùng 2 on a Sunday", "2027-02-10", false},
		{"Thursday 11/2/2027, back to work", "2027-02-11", true},
		{"Friday 16/4/2027, Giỗ Tổ (10/3 âm lịch)", "2027-04-16", false},
		{"Friday 3/9/2027, the day beside Quốc khánh", "2027-09-03", false},
		{"Wednesday 24/11/2027, only a lead: counted as a working day", "2027-11-24", true},
	} {
		working, known := c.IsWorkingDay(at(tt.date, 9, 0))
		if working != tt.working || known {
			t.Errorf("%s: IsWorkingDay = %v, %v; want %v, false (2027 is not announced)", tt.name, working, known, tt.working)
		}
	}
	// Submitted Wednesday 3/2/2027 at 10:00 with 3 working days: Tết and its
	// two nghỉ bù (4–10/2) are skipped – Thu 11 (1), Fri 12 (2), Mon 15 (3).
	due, known := c.Due(at("2027-02-03", 10, 0), 3)
	checkMidnight(t, due, "2027-02-15")
	if known {
		t.Error("a due date in unannounced 2027 is said to be sure")
	}
}
