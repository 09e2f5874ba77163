package privacy

import "testing"

// A code whose day's serial is 7 digits (dateSerial takes 3–7: a ministry's
// system numbers more per day than a province's 4), typed with spaces in
// place of its dashes, is read with its dashes like one of 4 digits, not run
// together into one string of the unit, the date and the serial (review 18).
func TestDossierCodeSevenDigitSerialTypedWithSpaces(t *testing.T) {
	for _, tt := range []struct{ in, code string }{
		{"G22.50-251130-1800123", "G22.50-251130-1800123"},
		{"G22.50 251130 1800123", "G22.50-251130-1800123"},
		{"G22.50 - 251130 - 1800123", "G22.50-251130-1800123"},
		{"Mã hồ sơ: G22.50 251130 1800123", "G22.50-251130-1800123"},
		{"G22.50 251130 180012", "G22.50-251130-180012"},
	} {
		if got, problem := DossierCode(tt.in); got != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, got, problem, tt.code)
		}
	}
}
