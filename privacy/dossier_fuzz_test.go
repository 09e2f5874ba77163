package privacy

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// bareNumber is what dossierCode must never accept: an ID card or a phone
// number, 9–12 digits however they are grouped by the separators a code
// may hold.
var bareNumber = regexp.MustCompile(`^[0-9]{9,12}$`)

// FuzzDossierCode reads arbitrary text as a typed dossier code. An accepted
// code is a fixed point of the reading (typing it again gives it back), is
// upper-case ASCII of the allowed shape, and is never a bare 9–12 digit
// number; a refusal says "format", "number", "two", "words" or "secret"
// and gives no code.
func FuzzDossierCode(f *testing.F) {
	for _, s := range []string{
		" 000.00.12.h26-251127-0001 ", "H26.99-251127-0001", "G22.99.1-2511270001", "abc 123 456",
		"2511270001", "001099012345", "12345", "KHAISINH", "mã: 123456", "mã: 12*456", "1234567890123",
		"Mã hồ sơ: H26.99‑251127–0001", "#G22.99-2511270001", "ＨＳ２５１１２７０００１", "CCCD 001099012345",
		"sdt 0912345678", "0912/345/678", "12/05/1985", "số hồ sơ 000.00.12.H26-251127-0001", "ma hs: ",
		"№ 123-456", "0912.345.678", "ĐT 0912 345 678", "\x00123456", "\u200b000.00.12.H26", "ß123456", "ﬀ123456",
		"ma ma ma 123456", "so: 0912345678", "1/2/2025", "2025-11-27",
		"G22.50-251130-0001 G22.50-251130-0001", "G22.50-251130-0001 G22.50-251130-0002", "0912345678 0912345678",
		"Mã hồ sơ: HUE 2025 0001", "ma ho so hue 2025 0001", "HS 0912 345 678", "HS0912345678", "G22.50-0912345678",
		"HS 2511270001 (đã nộp)", "HCM 2025 0001 đã nộp", "HS2511270001 sdt 0912345678", "Hồ sơ số HS 2511270001",
		"mk Abc12345678", "otp 482913", "Mã hồ sơ:\u200b000.00.12.H26-251127-0001", "*HS2511270001*",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		code, problem := DossierCode(in)
		looks := LooksLikeDossierCode(in)
		if problem != "" {
			if code != "" || (problem != "format" && problem != "number" && problem != "two" && problem != "words" && problem != "secret") {
				t.Fatalf("DossierCode(%q) = %q, %q", in, code, problem)
			}
			if looks {
				t.Fatalf("LooksLikeDossierCode(%q) for a refused code (%s)", in, problem)
			}
			return
		}
		if !utf8.ValidString(code) || !norm.NFC.IsNormalString(code) {
			t.Fatalf("DossierCode(%q) = %q: not NFC UTF-8", in, code)
		}
		if n := utf8.RuneCountInString(code); n < 6 || n > 40 {
			t.Fatalf("DossierCode(%q) = %q: %d characters", in, code, n)
		}
		if code != strings.ToUpper(code) || strings.ContainsFunc(code, func(r rune) bool {
			return r > unicode.MaxASCII || unicode.IsSpace(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".-/_", r))
		}) {
			t.Fatalf("DossierCode(%q) = %q: not upper-case letters, digits and . - / _", in, code)
		}
		if !strings.ContainsFunc(code, unicode.IsDigit) {
			t.Fatalf("DossierCode(%q) = %q: no digit", in, code)
		}
		if bare := strings.NewReplacer(".", "", "-", "", "/", "", "_", "").Replace(code); bareNumber.MatchString(bare) {
			t.Fatalf("DossierCode(%q) = %q: an ID card or phone number accepted as a code", in, code)
		}
		// Idempotent: the stored code read again is itself.
		if again, p := DossierCode(code); again != code || p != "" {
			t.Fatalf("DossierCode(%q) = %q, but DossierCode(%q) = %q, %q", in, code, code, again, p)
		}
		// Whatever surrounds it, the code is read the same.
		if again, p := DossierCode("  " + code + "\n"); again != code || p != "" {
			t.Fatalf("DossierCode(%q) = %q, %q with spaces around", code, again, p)
		}
	})
}

// TestDossierCodeLabelGluedByPunctuation: a label joined to the code by
// punctuation folds like "ma hs 123456" but is one word; reading it once
// panicked (found by FuzzDossierCode), parking the update of a volunteer
// who typed it at the question or in a search.
func TestDossierCodeLabelGluedByPunctuation(t *testing.T) {
	tests := []struct{ in, code, problem string }{
		{"mA!hs!0", "", "format"},
		{"mã.hs.123456", "", "format"},
		{"ma:hs:123456", "", "format"},
		{"mã/hs/123", "", "format"},
		{"số.hồ.sơ H26.99-251127-0001", "H26.99-251127-0001", ""}, // the whole code beside it is read alone
		{"mã hs!123456", "", "format"},
		{"mã hs: 123456", "123456", ""},
		{"Mã hồ sơ: H26.99-251127-0001", "H26.99-251127-0001", ""},
		{"mã: 123456", "123456", ""},
		{"Mã hồ sơ:H26.99-251127-0001", "H26.99-251127-0001", ""},
		{"Mã HS:000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001", ""},
		{"ma ho so", "", "format"},
	}
	for _, tt := range tests {
		code, problem := DossierCode(tt.in)
		if code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}
