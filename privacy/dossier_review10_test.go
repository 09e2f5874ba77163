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
