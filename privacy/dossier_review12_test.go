package privacy

import "testing"

// Words typed at the dossier-code question instead of a code are not run
// together into one ("chua co ma 2 ngay nua" was kept as
// "CHUACOMA2NGAYNUA"); a code typed with spaces, or after a short prefix,
// still is one, and an ID or phone number is still said to be one.
func TestDossierCodeNotASentence(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"chua co ma 2 ngay nua", "", "words"},
		{"de sau 3 ngay", "", "words"},
		{"cho 15 phut", "", "words"},
		{"mai gui 2", "", "words"},
		{"chưa có mã, để sau", "", "words"},
		{"không biết", "", "words"},
		{"đã nộp rồi nhưng chưa có mã", "", "words"},
		{"no code yet, in 2 days", "", "words"},
		{"Mã hồ sơ: chưa có", "", "words"},
		{"khongbiet", "", "format"},
		{"Căn cước 001099012345", "", "number"},
		{"H26 251127 0001", "H262511270001", ""},
		{"HS 2511270001", "HS2511270001", ""},
		{"HS HCM 2025 0001", "HSHCM20250001", ""},
		{"abc 123 456", "ABC123456", ""},
		{"Nộp hồ sơ thành công. Mã hồ sơ: G22.50-251130-0001", "G22.50-251130-0001", ""},
		{"Ho so G22.50-251130-0001 da duoc tiep nhan", "G22.50-251130-0001", ""},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}
