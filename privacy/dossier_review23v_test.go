package privacy

import "testing"

// A dossier code typed outside the code question, copied from the portal's
// SMS with spaces around its dashes or after a label, was no code
// (LooksLikeDossierCode took one word only) and the bot refused it as an
// ID or phone number, while the code question read it (review 23v). It is
// one now when the words are the code's own — spaced around its
// separators, a label before it, a note after it — and DossierCode reads
// it; a phone or ID number, a plate, words, are still none.
func TestLooksLikeDossierCodeSpacedOrLabelled(t *testing.T) {
	for _, in := range []string{
		"G22.50 - 251202 - 0002",
		"Mã hồ sơ: G22.50 251202 0003",
		"ma hs: G22.50-251202-0201",
		"G22.50 251202 0004",
		"000.00.12.H26 - 251127 - 0001",
		"Mã hồ sơ: 000.00.12.H26-251127-0001",
		"Số biên nhận G22.50-251202-0005",
		"G22.50-251202-0006 đã nộp",
	} {
		if !LooksLikeDossierCode(in) {
			code, problem := DossierCode(in)
			t.Errorf("LooksLikeDossierCode(%q) = false (DossierCode: %q, %q)", in, code, problem)
		}
	}
	for _, in := range []string{
		"0912 345 678", "ma hs: 0912 345 678", "HS 0912 345 678", "G22.50 - 0912 345 678",
		"CCCD 079 203 001 234", "59-X1 123.45", "51F 123.45", "khai sinh 2025-0001",
		"sdt 0912.345.678", "Nộp hồ sơ thành công, gọi 0912345678",
		"ma hs: chua co",
	} {
		if LooksLikeDossierCode(in) {
			code, problem := DossierCode(in)
			t.Errorf("LooksLikeDossierCode(%q) = true (DossierCode: %q, %q)", in, code, problem)
		}
	}
}
