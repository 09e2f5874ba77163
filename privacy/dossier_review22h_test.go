package privacy

import "testing"

// A code of the Circular's full shape whose unit (000.00.12.H26) is typed
// with spaces in place of its dots is read with its dots — not run together
// ("0000012H26-…"), nor cut to its last part ("H26-…") —, and one typed with
// the letter O where the shape asks digits (the unit's numbers, the date,
// the serial) is read with zeros (review 22h).
func TestDossierCodeCircularUnitSpacedOrWithLetterO(t *testing.T) {
	for _, tt := range []struct{ in, code string }{
		{"mã hồ sơ: 000 00 12 h26 - 251202 - 0001", "000.00.12.H26-251202-0001"},
		{"000 00 12 h26 - 251202 - 0001", "000.00.12.H26-251202-0001"},
		{"000 00 12 H26 251202 0001", "000.00.12.H26-251202-0001"},
		{"000 00 12 H26-251202-0001", "000.00.12.H26-251202-0001"},
		{"000.00.12 H26-251202-0001", "000.00.12.H26-251202-0001"},
		{"000 00 12 H26 2512020001", "000.00.12.H26-251202-0001"},
		{"OOO.OO.12.H26-261202-OOO5", "000.00.12.H26-261202-0005"},
		{"Mã hồ sơ: ooo.oo.12.h26-261202-ooo5", "000.00.12.H26-261202-0005"},
		{"OOO OO 12 H26 - 261202 - OOO5", "000.00.12.H26-261202-0005"},
		{"000.00.12.H26-2512O2-0001", "000.00.12.H26-251202-0001"},
		// As before: the dotted code, other shapes.
		{"000.00.12.H26-251202-0001", "000.00.12.H26-251202-0001"},
		{"000.00.12.H26 251202 0001", "000.00.12.H26-251202-0001"},
		{"G22.50 251130 0001", "G22.50-251130-0001"},
		{"HS 2511270001", "HS2511270001"},
	} {
		if got, problem := DossierCode(tt.in); got != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, got, problem, tt.code)
		}
	}
	// The letter O is read as a zero only in the Circular's shape: a code
	// of another shape keeps its letters as typed.
	for _, in := range []string{"HSO2511270001", "G22.50-251130-0001", "ABO-123456"} {
		if ReadsOAsZero(in) {
			t.Errorf("ReadsOAsZero(%q) = true, want false", in)
		}
	}
	for _, in := range []string{"OOO.OO.12.H26-261202-OOO5", "mã hồ sơ 000.00.12.H26-261202-000o"} {
		if !ReadsOAsZero(in) {
			t.Errorf("ReadsOAsZero(%q) = false, want true", in)
		}
	}
}
