package privacy

import "testing"

// A code of the receiving unit's identifier, the day and the day's serial
// whose identifier has a group starting with 0 ("H15.50.05.13-261008-0975",
// Đắk Lắk, 2026: guides/README.md, review 17) was refused as a phone
// number: the identifier's "05.13" and the date "261008" ran together into
// "0513261008". The date and serial of such a code are not joined to the
// identifier's digits; a phone or ID number in the identifier, or in place
// of the date and serial, is still refused.
func TestDossierCodeUnitGroupBeforeDate(t *testing.T) {
	for _, tt := range []struct{ in, code string }{
		{"H15.50.05.13-261008-0975", "H15.50.05.13-261008-0975"},
		{"Mã hồ sơ: H15.50.05.13-261008-0975", "H15.50.05.13-261008-0975"},
		{"H15.50.05.13 261008 0975", "H15.50.05.13-261008-0975"},
		{"000.00.05.H15-261008-0975", "000.00.05.H15-261008-0975"},
		{"000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, code, problem, tt.code)
		}
		if !LooksLikeDossierCode(tt.code) {
			t.Errorf("LooksLikeDossierCode(%q) = false", tt.code)
		}
	}
	for _, in := range []string{
		"H15.0912345678-261008-0975", "H15.0912.345.678-261008-0975", "H15.50-0912345678",
		"G22.50-0912345678", "HS.0912.345.678", "H15.50.0-261008-0975-0912345678",
	} {
		if code, problem := DossierCode(in); code != "" || problem != "number" {
			t.Errorf("DossierCode(%q) = %q, %q; want it refused as a number", in, code, problem)
		}
	}
}
