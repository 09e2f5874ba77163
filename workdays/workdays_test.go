package workdays

import (
	"testing"
	"time"
)

// at is a time on Vietnam's clock.
func at(date string, hour, minute int) time.Time {
	d, err := time.ParseInLocation(time.DateOnly, date, vietnam)
	if err != nil {
		panic(err)
	}
	return d.Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)
}

// checkMidnight fails unless t is midnight in Vietnam (UTC+7) on date.
func checkMidnight(t *testing.T, got time.Time, date string) {
	t.Helper()
	if _, off := got.Zone(); off != 7*60*60 {
		t.Errorf("%v: offset %ds, want UTC+7", got, off)
	}
	if got.Format(time.DateOnly) != date || got.Hour() != 0 || got.Minute() != 0 || got.Second() != 0 || got.Nanosecond() != 0 {
		t.Errorf("got %v, want %s 00:00 in Vietnam", got, date)
	}
}

// The embedded file parses: a broken holidays.yaml fails here, not in the bot.
func TestDefaultParses(t *testing.T) {
	if _, err := Parse(holidaysYAML); err != nil {
		t.Fatalf("holidays.yaml: %v", err)
	}
	c := Default()
	if c != Default() {
		t.Error("Default parsed the file twice")
	}
	years, confirmed := c.Years()
	want := []struct {
		year      int
		confirmed bool
	}{{2025, true}, {2026, true}, {2027, false}}
	if len(years) != len(want) {
		t.Fatalf("years %v, want 2025–2027", years)
	}
	for i, w := range want {
		if years[i] != w.year || confirmed[i] != w.confirmed {
			t.Errorf("year %d confirmed=%v, want %d confirmed=%v", years[i], confirmed[i], w.year, w.confirmed)
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := Default()
	tests := []struct {
		name           string
		day            time.Time
		working, known bool
	}{
		{"plain Monday after Tết 2026", at("2026-02-23", 9, 0), true, true},
		{"plain Saturday", at("2026-01-17", 9, 0), false, true},
		{"plain Sunday", at("2026-01-18", 9, 0), false, true},
		{"Saturday 10/1/2026 worked for Friday 2/1 (làm bù)", at("2026-01-10", 9, 0), true, true},
		{"Friday 2/1/2026 given off in the swap", at("2026-01-02", 9, 0), false, true},
		{"Tết Dương lịch 2026", at("2026-01-01", 9, 0), false, true},
		{"Tết 2026, 29 tháng Chạp", at("2026-02-16", 9, 0), false, true},
		{"Tết 2026, mùng 4", at("2026-02-20", 9, 0), false, true},
		{"Tết 2025, Monday 27/1", at("2025-01-27", 9, 0), false, true},
		{"Giỗ Tổ 2025, Monday 7/4", at("2025-04-07", 9, 0), false, true},
		{"Saturday 26/4/2025 worked for Friday 2/5 (làm bù)", at("2025-04-26", 9, 0), true, true},
		{"Friday 2/5/2025 given off in the swap", at("2025-05-02", 9, 0), false, true},
		{"Giỗ Tổ 2026 on a Sunday", at("2026-04-26", 9, 0), false, true},
		{"its compensatory Monday 27/4/2026 (nghỉ bù)", at("2026-04-27", 9, 0), false, true},
		{"Tuesday 28/4/2026 between the holidays", at("2026-04-28", 9, 0), true, true},
		{"Quốc khánh 2025, the adjacent Monday 1/9", at("2025-09-01", 9, 0), false, true},
		{"Quốc khánh 2025, Tuesday 2/9", at("2025-09-02", 9, 0), false, true},
		{"Wednesday 3/9/2025, back to work", at("2025-09-03", 9, 0), true, true},
		{"Quốc khánh 2026: Monday 31/8 given off in the swap", at("2026-08-31", 9, 0), false, true},
		{"Quốc khánh 2026: the adjacent Tuesday 1/9", at("2026-09-01", 9, 0), false, true},
		{"Saturday 22/8/2026 worked for Monday 31/8", at("2026-08-22", 9, 0), true, true},
		{"Thursday 3/9/2026, back to work", at("2026-09-03", 9, 0), true, true},
		{"24/11/2026 is only a lead: a working day", at("2026-11-24", 9, 0), true, true},
		// 18:00 UTC on 15/2 is 01:00 on Monday 16/2 in Vietnam: a Tết day.
		{"an instant in UTC is placed in Vietnam", time.Date(2026, 2, 15, 18, 0, 0, 0, time.UTC), false, true},
		{"2027 is not announced: 1/1 is off by law, but unconfirmed", at("2027-01-01", 9, 0), false, false},
		{"2027 Monday", at("2027-01-04", 9, 0), true, false},
		{"2028 is not in the file: Monday by weekday", at("2028-01-03", 9, 0), true, false},
		{"2028 is not in the file: Saturday by weekday", at("2028-01-01", 9, 0), false, false},
		{"2024 is not in the file", at("2024-12-31", 9, 0), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			working, known := c.IsWorkingDay(tt.day)
			if working != tt.working || known != tt.known {
				t.Errorf("IsWorkingDay(%v) = %v, %v; want %v, %v", tt.day, working, known, tt.working, tt.known)
			}
		})
	}
}

func TestDue(t *testing.T) {
	c := Default()
	tests := []struct {
		name     string
		received time.Time
		days     int
		due      string
		known    bool
	}{
		// Received Fri 13/2 (not counted). Sat 14, Sun 15, Tết Mon 16–Fri 20,
		// Sat 21, Sun 22; Mon 23 (1), Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5).
		{"Friday before Tết 2026, 10:00, 5 days", at("2026-02-13", 10, 0), 5, "2026-02-27", true},
		// After 17:00: received on the next working day, Mon 23/2 (not counted);
		// Tue 24 (1), Wed 25 (2), Thu 26 (3), Fri 27 (4), Mon 2/3 (5).
		{"Friday before Tết 2026, 18:00, 5 days", at("2026-02-13", 18, 0), 5, "2026-03-02", true},
		{"Friday before Tết 2026, 16:59 is still that day", at("2026-02-13", 16, 59), 5, "2026-02-27", true},
		{"Friday before Tết 2026, 17:00 sharp is after hours", at("2026-02-13", 17, 0), 5, "2026-03-02", true},
		// 11:00 UTC is 18:00 in Vietnam: as the 18:00 case.
		{"the same 18:00 given in UTC", time.Date(2026, 2, 13, 11, 0, 0, 0, time.UTC), 5, "2026-03-02", true},
		// Sunday 15/2: received Mon 23/2 (not counted), then as above.
		{"submitted on the Sunday of Tết week", at("2026-02-15", 9, 0), 5, "2026-03-02", true},
		// A plain week: received Mon 9/3 (not counted); Tue 10 (1), Wed 11 (2),
		// Thu 12 (3), Fri 13 (4), Mon 16 (5).
		{"plain Monday 10:00, 5 days", at("2026-03-09", 10, 0), 5, "2026-03-16", true},
		// 18:00: received Tue 10/3; Wed 11 (1), Thu 12 (2), Fri 13 (3), Mon 16 (4), Tue 17 (5).
		{"plain Monday 18:00, 5 days", at("2026-03-09", 18, 0), 5, "2026-03-17", true},
		// Received Thu 8/1; Fri 9 (1), Sat 10 is làm bù (2).
		{"a swapped Saturday is counted", at("2026-01-08", 9, 0), 2, "2026-01-10", true},
		// Submitted on the làm bù Saturday 10/1 itself: received that day; Sun 11 off; Mon 12 (1).
		{"submitted on a swapped Saturday", at("2026-01-10", 10, 0), 1, "2026-01-12", true},
		// A plain Saturday 17/1: received Mon 19 (not counted); Tue 20 (1).
		{"submitted on a plain Saturday", at("2026-01-17", 10, 0), 1, "2026-01-20", true},
		// Received Wed 31/12/2025; Thu 1/1 holiday, Fri 2/1 swapped off, Sat 3,
		// Sun 4; Mon 5 (1), Tue 6 (2), Wed 7 (3).
		{"over Tết Dương lịch 2026 and its swap", at("2025-12-31", 10, 0), 3, "2026-01-07", true},
		// Received Fri 29/8/2025; Sat 30, Sun 31, Mon 1/9 (adjacent day) and Tue
		// 2/9 off; Wed 3 (1), Thu 4 (2), Fri 5 (3).
		{"over Quốc khánh 2025 and its adjacent day", at("2025-08-29", 10, 0), 3, "2025-09-05", true},
		// Received Thu 27/8/2026; Fri 28 (1); Sat 29, Sun 30, Mon 31 (swapped
		// off), Tue 1/9, Wed 2/9 off; Thu 3/9 (2).
		{"over Quốc khánh 2026 and its swap", at("2026-08-27", 9, 0), 2, "2026-09-03", true},
		// Received Fri 21/8/2026; Sat 22 is làm bù (1).
		{"due on the swapped Saturday before Quốc khánh 2026", at("2026-08-21", 16, 0), 1, "2026-08-22", true},
		// Received Tue 29/4/2025; Wed 30/4, Thu 1/5 holidays, Fri 2/5 swapped
		// off, Sat 3, Sun 4; Mon 5 (1), Tue 6 (2).
		{"over 30/4–1/5 2025", at("2025-04-29", 10, 0), 2, "2025-05-06", true},
		// Received Fri 24/4/2026; Sat 25, Sun 26 (Giỗ Tổ), Mon 27 (nghỉ bù); Tue 28 (1).
		{"over Giỗ Tổ 2026 and its compensatory day", at("2026-04-24", 10, 0), 1, "2026-04-28", true},
		// Received Wed 30/12/2026; Thu 31 (1); Fri 1/1/2027 holiday, Sat 2,
		// Sun 3; Mon 4 (2), Tue 5 (3). 2027 is not announced: dự kiến.
		{"into unannounced 2027", at("2026-12-30", 10, 0), 3, "2027-01-05", false},
		// 2028 is not in the file: weekdays only (Tết 2028 is not known).
		// Received Wed 26/1/2028; Thu 27 (1), Fri 28 (2).
		{"in 2028, by weekdays only", at("2028-01-26", 10, 0), 2, "2028-01-28", false},
		// 0 days: the day of receipt, Mon 23/2 for a Friday evening before Tết.
		{"0 days is the day of receipt", at("2026-02-13", 18, 0), 0, "2026-02-23", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, known := c.Due(tt.received, tt.days)
			checkMidnight(t, due, tt.due)
			if known != tt.known {
				t.Errorf("known = %v, want %v", known, tt.known)
			}
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := Default()
	tests := []struct {
		name  string
		from  time.Time
		n     int
		want  string
		known bool
	}{
		// Tue 24/11/2026: Wed 25 (1), Thu 26 (2), Fri 27 (3).
		{"a plain week", at("2026-11-24", 9, 0), 3, "2026-11-27", true},
		// Thu 26/11/2026: Fri 27 (1), Sat 28, Sun 29, Mon 30 (2), Tue 1/12 (3).
		{"over a weekend", at("2026-11-26", 9, 0), 3, "2026-12-01", true},
		// Fri 13/2/2026 in the evening: Tết Mon 16–Fri 20; Mon 23 (1), Tue 24 (2), Wed 25 (3).
		{"over Tết 2026", at("2026-02-13", 20, 0), 3, "2026-02-25", true},
		// Thu 8/1/2026: Fri 9 (1), Sat 10 làm bù (2).
		{"onto a swapped Saturday", at("2026-01-08", 9, 0), 2, "2026-01-10", true},
		{"0 days is the same date", at("2026-11-30", 15, 0), 0, "2026-11-30", true},
		// Thu 31/12/2026: Fri 1/1/2027 holiday, Sat 2, Sun 3; Mon 4 (1).
		{"into unannounced 2027", at("2026-12-31", 9, 0), 1, "2027-01-04", false},
		// Tue 4/1/2028: Wed 5 (1), Thu 6 (2), Fri 7 (3).
		{"in 2028, by weekdays only", at("2028-01-04", 9, 0), 3, "2028-01-07", false},
		// Past the file, whole weeks are jumped. From Wed 5/1/2028: Thu 6 (1),
		// Fri 7 (2), Mon 10–Fri 14 (3–7), Mon 17 (8), Tue 18 (9), Wed 19 (10),
		// Thu 20 (11), Fri 21 (12).
		{"12 days in 2028", at("2028-01-05", 9, 0), 12, "2028-01-21", false},
		// From Sat 1/1/2028 no week is jumped from the Saturday: Mon 3 (1) … Fri 7 (5).
		{"5 days from a Saturday in 2028", at("2028-01-01", 9, 0), 5, "2028-01-07", false},
		// 1,000,000 working days from Mon 3/1/2028 is 200,000 weeks: 1,400,000
		// days later (date arithmetic: Mon 28/1/5861).
		{"a huge count returns at once", at("2028-01-03", 9, 0), 1_000_000, "5861-01-28", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, known := c.AddWorkingDays(tt.from, tt.n)
			checkMidnight(t, got, tt.want)
			if known != tt.known {
				t.Errorf("known = %v, want %v", known, tt.known)
			}
		})
	}
}
