package privacy

import "testing"

// The bot asks its English users for "the dossier code (on the screen
// after submitting, or on the receipt)", and they type its English label
// before it as the Vietnamese type theirs ("Mã hồ sơ:"). Only a code of
// the portals' whole shape was read after one; any other was refused as
// words or a bad format ("Receipt number 123456", "Code: ABC123",
// "Dossier code: HUE 2025 0001"), or kept with the label run into it
// ("code 123456" became "CODE123456", a code that names no dossier).
func TestDossierCodeEnglishLabels(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"Code: 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001", ""},
		{"Dossier code: 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001", ""},
		{"Receipt number: 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001", ""},
		{"Receipt no. 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001", ""},
		{"Application code 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001", ""},
		{"Code: ABC123", "ABC123", ""},
		{"code 123456", "123456", ""},
		{"Code:123456", "123456", ""},
		{"CODE: 12-345", "12-345", ""},
		{"Receipt number 123456", "123456", ""},
		{"receipt no 123456", "123456", ""},
		{"Receipt No. 123456", "123456", ""},
		{"Receipt #123456", "123456", ""},
		{"Receipt code: 123456", "123456", ""},
		{"Dossier no. 123456", "123456", ""},
		{"Dossier number: 123456", "123456", ""},
		{"Application number 123456", "123456", ""},
		{"Application no.: 123456", "123456", ""},
		{"Dossier code: HUE 2025 0001", "HUE20250001", ""},
		{"Dossier code HUE 2025 0001", "HUE20250001", ""},
		{"Application code: HS 2511270001", "HS2511270001", ""},
		{"Receipt number: H26.99 - 251127 - 0001", "H26.99-251127-0001", ""},
		// As after a Vietnamese label: a phone or ID number is refused,
		// the label alone is a code's format missed, words stay words.
		{"Code: 0912345678", "", "number"},
		{"Receipt no. 0912 345 678", "", "number"},
		{"Dossier code: 001099012345", "", "number"},
		{"Dossier code", "", "format"},
		{"Receipt number:", "", "format"},
		{"Dossier code: not yet, in 2 days", "", "words"},
		{"code 2 days later", "", "words"},
		{"no code yet", "", "words"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}

// A full stop after a code is the sentence's, and is dropped; one typed
// after a space was not, nor were those before it (found by
// FuzzDossierCode): "0.............. .." was kept as "0..............",
// which read again is refused.
func TestDossierCodeStopsAfterASpace(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"0.............. ..", "", "format"},
		{"Mã hồ sơ: G22.50-251130-0001 .", "G22.50-251130-0001", ""},
		{"123456 .", "123456", ""},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}
