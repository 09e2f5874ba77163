package privacy

import "testing"

// A dossier code typed with a resident's name or ID number after it was
// kept alone, and the volunteer not told the rest was dropped (review
// 36E): OtherWords says when DossierCode read the code out of a text that
// held more, so that the bot can say only the code was kept. A label, the
// code pasted twice, spaces, dashes and a full stop are no more; a text
// refused is not either.
func TestOtherWordsBesideDossierCode(t *testing.T) {
	for _, tt := range []struct {
		in, code string
	}{
		{"G22.99-251205-0007 Nguyễn Văn An", "G22.99-251205-0007"},
		{"G22.99-251205-0007 079203001234", "G22.99-251205-0007"},
		{"Nguyễn Văn An G22.99-251205-0007", "G22.99-251205-0007"},
		{"Nộp hồ sơ thành công. Mã hồ sơ: G22.50-251130-0001", "G22.50-251130-0001"},
		{"Mã hồ sơ của bà Lan: G22.50-251130-0001", "G22.50-251130-0001"},
		{"HS2511270001 (đã nộp)", "HS2511270001"},
		{"G22.50-251202-0006 đã nộp", "G22.50-251202-0006"},
		{"000.00.12.H26 251127 0001 hẹn 3 ngày", "000.00.12.H26-251127-0001"},
	} {
		code, problem := DossierCode(tt.in)
		if code != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, code, problem, tt.code)
		}
		if !OtherWords(tt.in) {
			t.Errorf("OtherWords(%q) = false, want true", tt.in)
		}
	}
	for _, in := range []string{
		"G22.99-251205-0007",
		"G22.99-251205-0007.",
		"  G22.99-251205-0007 ✅",
		"Mã hồ sơ: G22.50-251130-0001",
		"Mã hồ sơ:G22.50-251130-0001",
		"mã hồ sơ là G22.50-251130-0001",
		"ma hs: G22.50 251202 0003",
		"G22.50 - 251202 - 0002",
		"000.00.12.H26 - 251127 - 0001",
		"HS 2511270001",
		"Receipt #123456",
		"OOO.OO.12.H26-251202-OOO5",
		"G22.50-251130-0001 G22.50-251130-0001",
		"G22.50-251130-0001\nG22.50-251130-0001",
		// Refused: the refusals say why, nothing is kept.
		"G22.50-251130-0001 G22.50-251130-0002",
		"079203001234",
		"mk Abc12345678 G22.50-251130-0001",
		"chua co ma 2 ngay nua",
	} {
		if OtherWords(in) {
			code, problem := DossierCode(in)
			t.Errorf("OtherWords(%q) = true, want false (DossierCode: %q, %q)", in, code, problem)
		}
	}
}
