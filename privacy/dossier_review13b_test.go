package privacy

import "testing"

// A password or a one-time code typed at the dossier-code question, after
// its name ("mk Abc12345678", "otp 482913"), was kept as the code
// ("MKABC12345678"): the resident's secret in the case log and on the
// slip. It is refused as a secret, like in a note.
func TestDossierCodeNotASecret(t *testing.T) {
	for _, in := range []string{
		"mk Abc12345678", "otp 482913", "OTP: 4829 13", "mat khau Abcd123456", "mật khẩu: Lan@2024", "pass Abc12345678",
		"mã xác thực 482913",
	} {
		if code, problem := DossierCode(in); code != "" || problem != "secret" {
			t.Errorf("DossierCode(%q) = %q, %q; want it refused as a secret", in, code, problem)
		}
	}
	for _, tt := range []struct{ in, code string }{
		{"Mã hồ sơ: 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001"},
		{"HS 2511270001", "HS2511270001"},
		{"ma hs G22.50-251130-0001", "G22.50-251130-0001"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, code, problem, tt.code)
		}
	}
}
