package privacy

import (
	"fmt"
	"strings"
	"testing"
)

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

// A short prefix and a phone or ID number, typed with spaces, dots or
// dashes or glued, was kept as one code ("HS 0912 345 678" became
// "HS0912345678"): the case log held the resident's phone number. It is
// refused, whatever the prefix; the codes of the portals' shapes, whose
// digits are a date and a serial, are not.
func TestDossierCodePhoneAfterPrefix(t *testing.T) {
	for _, in := range []string{
		"HS 0912 345 678", "HS 091 234 5678", "Mã hồ sơ: HS 0912 345 678", "HS0912345678", "hs0912345678",
		"HS-0912-345-678", "HS 0912.345.678", "HS.0912.345.678", "GPLX 0912 345 678", "A 0912 345 678",
		"HS0912 345 678", "HS 028 3821 2345", "HS 001099012345", "HS 001 099 012 345", "HS 84912345678",
		"G22.50 0912345678", "G22.50-0912345678", "HS 2511270001 0912345678", "H26 251127 0001 0912 345 678",
	} {
		if code, problem := DossierCode(in); code != "" || problem != "number" {
			t.Errorf("DossierCode(%q) = %q, %q; want it refused as a number", in, code, problem)
		}
	}
	for _, tt := range []struct{ in, code string }{
		{"HS 2511270001", "HS2511270001"},
		{"GPLX 2511270001", "GPLX2511270001"},
		{"HS.000.000.000", "HS.000.000.000"},
		{"H26 251127 0001", "H262511270001"},
		{"HS-2025-000123", "HS-2025-000123"},
		{"000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001"},
		{"000.00.01.H29-260310-0420", "000.00.01.H29-260310-0420"},
		{"38.98.H29 210519 0003", "38.98.H29-210519-0003"},
		{"G22.99.1-2511270001", "G22.99.1-2511270001"},
		{"1234567890123", "1234567890123"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, code, problem, tt.code)
		}
	}
}

// Ten digits alone are refused (the comment at idOrPhone says why): a
// mobile number, a tax code, or a code's date and serial without the unit
// that makes it a code.
func TestDossierCodeTenDigits(t *testing.T) {
	for _, in := range []string{"2511270001", "0912345678", "8012345678", "Mã hồ sơ: 2511270001", "251127 0001", "251127-0001"} {
		if code, problem := DossierCode(in); code != "" || problem != "number" {
			t.Errorf("DossierCode(%q) = %q, %q; want it refused as a number", in, code, problem)
		}
	}
}

// What a volunteer types at the counter around a code without separators
// (a note after it, the portal's SMS around it) was refused as a sentence,
// or glued to it and kept ("HS2511270001HEN05/12/2025", two codes as one).
func TestDossierCodeWithNoteAround(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"HS 2511270001 (đã nộp)", "HS2511270001", ""},
		{"HS2511270001 (da nop)", "HS2511270001", ""},
		{"Mã hồ sơ: HS 2511270001 (đã nộp)", "HS2511270001", ""},
		{"Ma hs: HS2511270001 da nop", "HS2511270001", ""},
		{"HCM 2025 0001 (đã nộp)", "HCM20250001", ""},
		{"HUE 2025 0001 (đã nộp)", "HUE20250001", ""},
		{"mã hồ sơ HCM 2025 0001 (đã nộp)", "HCM20250001", ""},
		{"Mã hồ sơ là HUE 2025 0001 (đã nộp)", "HUE20250001", ""},
		{"HCM 2025 0001 đã nộp", "HCM20250001", ""},
		{"HS 2511270001 hẹn 3 ngày", "HS2511270001", ""},
		{"HS2511270001 hen 05/12/2025", "HS2511270001", ""},
		{"HS2511270001 hen 05/12", "HS2511270001", ""},
		{"Ho so HS2511270001 da duoc tiep nhan", "HS2511270001", ""},
		{"Hồ sơ HS2511270001 đã được tiếp nhận.", "HS2511270001", ""},
		{"Ho so HS 2511270001 da duoc tiep nhan", "HS2511270001", ""},
		{"Hồ sơ số HS 2511270001 đã được tiếp nhận.", "HS2511270001", ""},
		{"hồ sơ số: HUE 2025 0001", "HUE20250001", ""},
		{"HS 2511270001 (ĐÃ NỘP)", "HS2511270001", ""},
		{"H26.99-251127-0001 - đã nộp", "H26.99-251127-0001", ""},
		{"HS 2511270001 - đã nộp", "HS2511270001", ""},
		{"Mã hồ sơ:000.00.12.H26-251127-0001 - Thủ tục: Đăng ký khai sinh", "000.00.12.H26-251127-0001", ""},
		{"HS2511270001 va HS2511270002", "", "two"},
		{"HS2511270001 Nguyen Van An", "HS2511270001", ""},
		{"HS2511270001 0912345678", "HS2511270001", ""},
		{"HS2511270001 sdt 0912345678", "HS2511270001", ""},
		// Still refused.
		{"loi 404 khong nop duoc", "", "words"},
		{"loi 404 (khong nop duoc)", "", "words"},
		{"mã hồ sơ loi 404 (khong nop duoc)", "", "words"},
		{"abc 123 456 da nop", "", "words"},
		{"123456 ngay nua", "", "words"},
		{"HS 2511270001 (0912345678)", "", "number"},
		{"hồ sơ chưa nộp", "", "words"},
		{"mat khau Abcd123456 sai", "", "secret"},
		{"chua co ma 2 ngay nua", "", "words"},
		{"cho 15 phut", "", "words"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}

// A code copied from an app or a web page may bring an invisible character
// (a zero-width space, a byte-order mark, a soft hyphen) or the marks of a
// bold or code span around it: the real code was refused as no code's
// form. Such a character parts words like a space; the marks are dropped.
func TestDossierCodeCopiedWithInvisibles(t *testing.T) {
	for _, tt := range []struct{ in, code string }{
		{"Mã hồ sơ:\u200b000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001"},
		{"\ufeff000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001"},
		{"000.00.12.H26-251127-0001\u200b", "000.00.12.H26-251127-0001"},
		{"000.00.12.H26-\u00ad251127-0001", "000.00.12.H26-251127-0001"},
		{"Mã hồ sơ:\u2060HS2511270001", "HS2511270001"},
		{"Mã hồ sơ: *000.00.12.H26-251127-0001*", "000.00.12.H26-251127-0001"},
		{"Mã hồ sơ: `000.00.12.H26-251127-0001`", "000.00.12.H26-251127-0001"},
		{"*HS2511270001*", "HS2511270001"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, code, problem, tt.code)
		}
	}
	// An invisible character inside a phone number does not hide it.
	for _, in := range []string{"0912\u200b345678", "HS 0912\u200b345\u200b678"} {
		if code, problem := DossierCode(in); code != "" || problem != "number" {
			t.Errorf("DossierCode(%q) = %q, %q; want it refused as a number", in, code, problem)
		}
	}
}

// Long texts of many short words (a paste gone wrong, the fuzzer's) are
// read in linear time or near it: reading the groups of digits of "1 1 1 …"
// for a phone number, or the words after "1" for a note, once took seconds
// for 4,000 characters. A benchmark, not a timed test (docs/benchmarks.md):
// go test ./privacy -run XXX -bench DossierCodeLongTexts
func BenchmarkDossierCodeLongTexts(b *testing.B) {
	for _, in := range []string{
		strings.Repeat("1 ", 2000), "HS " + strings.Repeat("1 ", 2000), strings.Repeat("1.", 2000),
		strings.Repeat("a 1 ", 1000), "1 " + strings.Repeat("đã ", 1300), "ma ho so " + strings.Repeat("la ", 1300) + "1",
	} {
		b.Run(fmt.Sprintf("%d-chars-%q", len(in), in[:6]), func(b *testing.B) {
			for b.Loop() {
				DossierCode(in)
			}
		})
	}
}
