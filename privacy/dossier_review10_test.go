package privacy

import "testing"

// A code pasted twice is read once; two different whole codes are refused;
// a code typed with spaces inside is still one code.
func TestDossierCodePastedTwice(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"G22.50-251130-0001 G22.50-251130-0001", "G22.50-251130-0001", ""},
		{"G22.50-251130-0001\nG22.50-251130-0001\n", "G22.50-251130-0001", ""},
		{"000.00.12.H26-251127-0001 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001", ""},
		{"Mã hồ sơ: H26.99-251127-0001 H26.99-251127-0001", "H26.99-251127-0001", ""},
		{"G22.50 - 251130 - 0001 G22.50 - 251130 - 0001", "G22.50-251130-0001", ""},
		{"G22.50-251130-0001 G22.50-251130-0002", "", "two"},
		{"G22.50 - 251130 - 0001", "G22.50-251130-0001", ""},
		{"000.00.12.H26 - 251127 - 0001", "000.00.12.H26-251127-0001", ""},
		{"0912345678 0912345678", "", "number"},
		{"123 123", "123123", ""}, // too short to be a code pasted twice: as before
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}

// A code copied with the portal's sentence around it is read alone; a
// sentence with a date or a phone number beside the code is no second code.
func TestDossierCodeInASentence(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"Nộp hồ sơ thành công. Mã hồ sơ: G22.50-251130-0001", "G22.50-251130-0001", ""},
		{"Hồ sơ 000.00.12.H26-251127-0001 đã được tiếp nhận.", "000.00.12.H26-251127-0001", ""},
		{"DVCQG: Ho so (000.00.12.H26-251127-0001) da duoc tiep nhan ngay 30/11/2025", "000.00.12.H26-251127-0001", ""},
		{"mã G22.50-251130-0001, sđt 0912.345.678", "G22.50-251130-0001", ""},
		{"Mã hồ sơ: G22.50-251130-0001 và G22.50-251130-0002", "", "two"},
		{"đã nộp rồi nhưng chưa có mã", "", "words"}, // a sentence, said to be one (review 12)
		{"ngày 30/11/2025", "", "format"},
		{"CCCD 001099012345", "", "number"},
		{"000.00.12.H26-251127-\n0001", "000.00.12.H26-251127-0001", ""}, // cut at a dash
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}
