package privacy

import "testing"

// "người dân sinh năm 1958" is the commonest way a volunteer would write a
// resident's year of birth, and it passed: "dân sinh" (livelihood) keeps a
// "sinh" after "dân" from being a birth — but not after "người dân".
func TestResidentsBirthYearIsRefused(t *testing.T) {
	for _, s := range []string{
		"người dân sinh năm 1958 không nhớ mật khẩu",
		"nguoi dan sinh nam 1958 khong nho mat khau",
		"Người dân sinh năm 1962, quên passcode",
	} {
		if got := NoteProblem(s); got == "" {
			t.Errorf("NoteProblem(%q) = %q, want it refused", s, got)
		}
	}
	for _, s := range []string{
		"hồ sơ an sinh xã hội, dân sinh năm 2025 khó khăn", // livelihood, not a birth
		"người dân sinh hoạt ở tổ 5 chưa có tài khoản",
	} {
		if got := NoteProblem(s); got != "" {
			t.Errorf("NoteProblem(%q) = %q, want it kept", s, got)
		}
	}
}
