package privacy

import "testing"

// A code pasted with the words around it, unaccented (an SMS, a typed
// note), is read alone: the words beside it — a name, a phone or ID
// number, a date — are not glued to it and kept as the code.
func TestDossierCodeBesideOtherWords(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"G22.50-251130-0001 sdt 0912345678", "G22.50-251130-0001", ""},
		{"G22.50-251130-0001 0912345678", "G22.50-251130-0001", ""},
		{"G22.50-251130-0001 CCCD 001099012345", "G22.50-251130-0001", ""},
		{"Nguyen Van An G22.50-251130-0001", "G22.50-251130-0001", ""},
		{"Ma ho so G22.50-251130-0001 nguoi nop Tran Thi B", "G22.50-251130-0001", ""},
		{"Ho so G22.50-251130-0001 da duoc tiep nhan", "G22.50-251130-0001", ""},
		{"G22.50-251130-0001 15/03/1960", "G22.50-251130-0001", ""},
		// A code typed with spaces around its dashes is still one code.
		{"000.00.12.H26 - 251127 - 0001", "000.00.12.H26-251127-0001", ""},
		{"000.00.12.H26 -251127- 0001", "000.00.12.H26-251127-0001", ""},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}
