package privacy

import "testing"

// A label, then a code whose letter part has vowels only ("HUE 2025
// 0001"): the letter part was read as a word between the label and the
// code ("mã hồ sơ là …") and dropped, keeping "20250001", a code that names
// no dossier. It is kept when a colon ends the label, or when it is written
// in capitals after a label that is not; when that cannot be told ("ma ho
// so hue 2025 0001", all in one case), the text is refused, not cut.
func TestDossierCodeLabelKeepsVowelLetters(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"Mã hồ sơ: HUE 2025 0001", "HUE20250001", ""},
		{"ma ho so: HUE 2025 0001", "HUE20250001", ""},
		{"MÃ HỒ SƠ: HUE 2025 0001", "HUE20250001", ""},
		{"ma ho so : hue 2025 0001", "HUE20250001", ""},
		{"Số biên nhận: HUE 2025 0001", "HUE20250001", ""},
		{"mã hồ sơ HUE 2025 0001", "HUE20250001", ""},
		{"Mã hồ sơ là HUE 2025 0001", "HUE20250001", ""},
		{"Mã hồ sơ của bạn là: HUE 2025 0001", "HUE20250001", ""},
		{"Mã hồ sơ của bà: AE 2025 0001", "AE20250001", ""},
		// The words passed are words: what follows is the code.
		{"Mã hồ sơ là 2025 0001", "20250001", ""},
		{"Ma ho so la 2025 0001", "20250001", ""},
		{"mã hồ sơ là H26.99 - 251127 - 0001", "H26.99-251127-0001", ""},
		{"Mã hồ sơ là: HS 2511270001", "HS2511270001", ""},
		// Neither can be told: refused, never cut.
		{"ma ho so hue 2025 0001", "", "words"},
		{"MA HO SO HUE 2025 0001", "", "words"},
		{"ma ho so la 2025 0001", "", "words"},
		// Still a sentence.
		{"Mã hồ sơ của bà: chưa có", "", "words"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}
