package privacy

import "testing"

// A volunteer helping with a VNeID password (or an OTP that will not come,
// or a fine paid in VNeID) describes the problem in a note, and writes the
// very password or code the resident typed: "mật khẩu mới Lan@2024 báo
// không hợp lệ". The note passed every check (no name, no long number, no
// date) and was kept in the case log, though the consent read aloud
// promises that no password or OTP is ever recorded. A password, passcode,
// PIN or OTP written out after its name is refused; notes about them that
// hold no value are kept.
func TestNotesWithAPasswordOrOTPAreRefused(t *testing.T) {
	secret := []string{
		"mật khẩu mới Lan@2024 báo không hợp lệ",
		"mat khau moi lan@2024 khong duoc",
		"mk: Abc12345 bị từ chối",
		"MK là abc123!",
		"Mật khẩu = Hoa1990 sai",
		"matkhau hoa1990",
		"OTP 482913 hết hạn",
		"mã OTP là 482913 nhưng báo sai",
		"ma otp: 4829 13", // a code read out in two halves is still its digits
		"passcode 123456 sai 5 lần",
		"password Abc@1234 rejected",
		"new password is Abc@1234",
		"mã PIN 1234 bị khoá",
		"mã xác thực 482913 không đúng",
		"mật khẩu cũ là 12345678",
		"nhập passcode: ６５４３２１", // full width
		"mk:Abc@1234",
		"OTP=482913 sai",
	}
	for _, s := range secret {
		if got := NoteProblem(s); got != "secret" {
			t.Errorf("NoteProblem(%q) = %q, want %q", s, got, "secret")
		}
		if got := PersonalData(s); got != "secret" {
			t.Errorf("PersonalData(%q) = %q, want %q", s, got, "secret")
		}
	}
	kept := []string{
		"mật khẩu mới bị báo không hợp lệ",
		"mật khẩu phải từ 8 đến 20 ký tự",
		"mật khẩu 8-20 ký tự, có chữ hoa",
		"OTP không về sau 3 lần",
		"OTP hết hạn sau 120 giây",
		"mã OTP về chậm 5 phút",
		"passcode 6 số, người dân quên",
		"quên mk, đã đặt lại",
		"mã PIN bị khoá sau 5 lần",
		"nhập sai mật khẩu 5 lần, bị khoá 24h",
		"mật khẩu VNeID đã đổi ở bước 4",
		"OTP gửi về số cũ",
		"pass qua bước 2 rồi",
	}
	for _, s := range kept {
		if got := NoteProblem(s); got != "" {
			t.Errorf("NoteProblem(%q) = %q, want it kept", s, got)
		}
	}
}
