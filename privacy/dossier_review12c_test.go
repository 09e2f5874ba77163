package privacy

import "testing"

// A code of Circular 01/2018's shape typed with spaces in place of its
// dashes, with words after it (a note, a phone number, the rest of the
// portal's sentence), was kept as its unit's code alone ("000.00.12.H26"):
// a code that names no dossier, shown to the resident on the slip. The
// same code typed with its dashes was read whole. Two such codes were run
// together into one.
func TestDossierCodeSpacedCircularWithWordsAfter(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"000.00.12.H26 251127 0001 hẹn 3 ngày", "000.00.12.H26-251127-0001", ""},
		{"000.00.12.H26 - 251127 - 0001 hẹn 3 ngày", "000.00.12.H26-251127-0001", ""},
		{"mã hồ sơ 000.00.12.H26 251127 0001 hẹn 3 ngày", "000.00.12.H26-251127-0001", ""},
		{"Mã hồ sơ: H26.99 251127 0001 hẹn 3 ngày", "H26.99-251127-0001", ""},
		{"000.00.12.H26 251127 0001, hẹn thứ 6", "000.00.12.H26-251127-0001", ""},
		{"Ho so 000.00.12.H26 251127 0001 da tiep nhan", "000.00.12.H26-251127-0001", ""},
		{"000.00.12.H26 251127 0001 sdt 0912345678", "000.00.12.H26-251127-0001", ""},
		{"000.00.12.H26 251127 0001 0912345678", "000.00.12.H26-251127-0001", ""},
		{"38.98.H29 210519 0003 (bien nhan)", "38.98.H29-210519-0003", ""},
		// Pasted twice, or two different codes.
		{"000.00.12.H26 251127 0001 000.00.12.H26 251127 0001", "000.00.12.H26-251127-0001", ""},
		{"H26.99 251127 0001 G22.50 251130 0001", "", "two"},
		{"H26.99 251127 0001 G22.50-251130-0001", "", "two"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}
