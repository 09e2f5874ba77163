package workdays

import (
	"strings"
	"testing"
)

// fixture is a small valid file for one year, 2030. Its days are made up
// (shaped like a real year, 11 holidays and one swap), not a calendar.
const fixture = `
sources:
  - id: law
    title: "Bộ luật Lao động số 45/2019/QH14, Điều 112"
    issuer: Quốc hội
    date: 2019-11-20
    url: https://example.org/law
    checked_on: 2026-11-30
  - id: notice
    title: "Thông báo nghỉ lễ 2030 (fixture)"
    issuer: Bộ Nội vụ
    date: 2029-10
    url: https://example.org/notice
    also: [https://example.org/report]
    checked_on: 2026-11-30
years:
  - year: 2030
    confirmed: true
    statutory_days: 11
    days:
      - {date: 2030-01-01, kind: holiday, name: Tết Dương lịch, sources: [law]}
      - {date: 2030-02-04, kind: holiday, name: Tết 1, sources: [notice]}
      - {date: 2030-02-05, kind: holiday, name: Tết 2, sources: [notice]}
      - {date: 2030-02-06, kind: holiday, name: Tết 3, sources: [notice]}
      - {date: 2030-02-07, kind: holiday, name: Tết 4, sources: [notice]}
      - {date: 2030-02-08, kind: holiday, name: Tết 5, sources: [notice]}
      - {date: 2030-04-12, kind: holiday, name: Giỗ Tổ, sources: [notice]}
      - {date: 2030-04-30, kind: holiday, name: Chiến thắng, sources: [law]}
      - {date: 2030-05-01, kind: holiday, name: Quốc tế lao động, sources: [law]}
      - {date: 2030-05-03, kind: swapped_off, name: Nghỉ hoán đổi, swap: 2030-05-11, sources: [notice]}
      - {date: 2030-05-11, kind: swapped_work, name: Làm bù, swap: 2030-05-03, sources: [notice]}
      - {date: 2030-09-02, kind: holiday, name: Quốc khánh, sources: [law]}
      - {date: 2030-09-03, kind: holiday, name: Quốc khánh 2, sources: [notice]}
    leads:
      - {date: 2030-11-24, name: Ngày Văn hóa Việt Nam, sources: [notice]}
`

func TestParseFixture(t *testing.T) {
	c, err := Parse([]byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		date           string
		working, known bool
	}{
		{"2030-05-03", false, true}, // Friday swapped off
		{"2030-05-11", true, true},  // Saturday worked
		{"2030-11-25", true, true},  // a plain Monday
		{"2030-12-31", true, true},  // the year's last day, a Tuesday
		{"2031-01-01", true, false}, // not in the file: a Wednesday, by weekday only
	} {
		working, known := c.IsWorkingDay(at(tt.date, 9, 0))
		if working != tt.working || known != tt.known {
			t.Errorf("%s: %v, %v; want %v, %v", tt.date, working, known, tt.working, tt.known)
		}
	}
	// Received Mon 30/12/2030; Tue 31 (1): every day counted is in 2030.
	due, known := c.Due(at("2030-12-30", 10, 0), 1)
	checkMidnight(t, due, "2030-12-31")
	if !known {
		t.Error("a due date inside the file's year is not known")
	}
	// Tue 31 (1), Wed 1/1/2031 (2): 2031 is not in the file, so its 1 January
	// counts as a plain Wednesday and the answer is only an estimate.
	due, known = c.Due(at("2030-12-30", 10, 0), 2)
	checkMidnight(t, due, "2031-01-01")
	if known {
		t.Error("a due date past the file's last year is known")
	}
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // replace old by new in the fixture; old "" means the whole file
		want     string // a part of the error
	}{
		{"empty file", "", "", "the holidays file is empty"},
		{"not YAML", "", "years: [", "workdays:"},
		{"no years", "", "sources: []\nyears: []\n", "no years listed"},
		{"unknown field", "sources: [notice]}\n    leads:", "soruces: [notice]}\n    leads:", "field soruces not found"},
		{"duplicate date",
			"      - {date: 2030-09-03,",
			"      - {date: 2030-05-01, kind: holiday, name: again, sources: [law]}\n      - {date: 2030-09-03,",
			"2030-05-01 is already listed"},
		{"date outside its year",
			"{date: 2030-09-03,", "{date: 2031-09-03,", "2031-09-03 is outside year 2030"},
		{"lead on a listed day",
			"{date: 2030-11-24,", "{date: 2030-09-03,", "2030-09-03 is already listed"},
		{"malformed date", "{date: 2030-04-12,", "{date: 2030-4-12,", `"2030-4-12" is not a date`},
		{"entry without a source", "name: Giỗ Tổ, sources: [notice]", "name: Giỗ Tổ, sources: []", "day 2030-04-12: no source"},
		{"unknown source", "name: Giỗ Tổ, sources: [notice]", "name: Giỗ Tổ, sources: [press]", `unknown source "press"`},
		{"source without url", "    url: https://example.org/law\n", "", `source "law": "" is not an http(s) address`},
		{"source url not a web address", "https://example.org/report", "example.org/report", `"example.org/report" is not an http(s) address`},
		{"source without checked_on", "    checked_on: 2026-11-30\n  - id: notice", "  - id: notice", `source "law": checked_on "" is not a date`},
		{"source without title", `    title: "Thông báo nghỉ lễ 2030 (fixture)"` + "\n", "", `source "notice": no title`},
		{"source without issuer", "    issuer: Quốc hội\n", "", `source "law": no issuer`},
		{"source listed twice", "  - id: notice", "  - id: law", `source "law": listed twice`},
		{"source nobody cites",
			"years:", "  - {id: spare, title: t, issuer: i, date: 2026-01, url: https://example.org/s, checked_on: 2026-11-30}\nyears:",
			`source "spare": no entry cites it`},
		{"swapped Saturday on a weekday", "{date: 2030-05-11, kind: swapped_work", "{date: 2030-05-10, kind: swapped_work", "must be a Saturday or Sunday, this is a Friday"},
		{"swap not paired", "swap: 2030-05-11, sources", "swap: 2030-05-18, sources", "swapped with 2030-05-18"},
		{"swap missing", "swap: 2030-05-11, ", "", "needs swap:"},
		{"compensatory day on a weekend",
			"      - {date: 2030-09-02,", "      - {date: 2030-09-07, kind: compensatory, name: Nghỉ bù, sources: [law]}\n      - {date: 2030-09-02,",
			"a compensatory day must be a weekday, this is a Saturday"},
		{"unknown kind", "kind: holiday, name: Giỗ Tổ", "kind: bridge, name: Giỗ Tổ", `kind "bridge" is not one of`},
		{"unconfirmed day in a confirmed year", "name: Giỗ Tổ, sources", "name: Giỗ Tổ, confirmed: false, sources", "unconfirmed in a confirmed year"},
		{"year without confirmed", "    confirmed: true\n", "", "say confirmed: true"},
		{"holidays miscounted", "statutory_days: 11", "statutory_days: 12", "11 holiday days listed, statutory_days says 12"},
		{"fixed holiday missing", "{date: 2030-04-30, kind: holiday", "{date: 2030-04-29, kind: holiday", "2030-04-30 is a holiday by the Labor Code"},
		{"year listed twice", "", fixture + "  - {year: 2030, confirmed: true, statutory_days: 11, days: []}\n", "year 2030: listed twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.new
			if tt.old != "" {
				if !strings.Contains(fixture, tt.old) {
					t.Fatalf("the fixture has no %q", tt.old)
				}
				data = strings.Replace(fixture, tt.old, tt.new, 1)
			}
			c, err := Parse([]byte(data))
			if err == nil {
				t.Fatalf("accepted; want an error with %q", tt.want)
			}
			if c != nil {
				t.Error("a calendar returned with the error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to say %q", err, tt.want)
			}
		})
	}
}
