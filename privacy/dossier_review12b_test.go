package privacy

import "testing"

// Real dossier codes, however a volunteer types them at the question, are
// never refused (review 12b): refusing one leaves the volunteer stuck beside
// the resident, which is worse than keeping a sentence.
//
// The shapes, and where they were seen:
//   - Circular 01/2018/TT-VPCP Art. 19, V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX,
//     "000.00.12.H26-251127-0001" (domain.md; seongay.com/ma-tu-tang-cua-ho-so-la-gi).
//   - A Hồ Chí Minh City receipt paid through VNPay: "Thanh toán cho hồ sơ
//     có số biên nhận số : 38.98.H29-210519-0003" (a payment test in a public
//     repository, code corpus id 44649986102).
//   - A dossier look-up form's hint, "Ví dụ: 000.00.01.H29-260310-0420"
//     (code corpus id 55819096249).
//   - The dichvucong MCP server's README asks about "hồ sơ số
//     HS.000.000.000" (raw.githubusercontent.com/phake-studio/mcp-dichvucong).
//   - The shapes the project's tests already keep: "G22.50-251130-0001",
//     "G22.99.1-2511270001", "H26 251127 0001", "HS 2511270001".
//
// No source opened showed the Ministry of Public Security's, VNeID's,
// driving-licence, vehicle-registration or social-insurance codes; they are
// read by the same rules (letters and digits with . - / _), and the cases
// below with a procedure's letters before digits ("GPLX", "BHXH")
// stand for them.
func TestDossierCodeRealShapesTyped(t *testing.T) {
	for _, tt := range []struct{ in, code string }{
		// As read off the screen.
		{"000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001"},
		{"38.98.H29-210519-0003", "38.98.H29-210519-0003"},
		{"000.00.01.H29-260310-0420", "000.00.01.H29-260310-0420"},
		{"HS.000.000.000", "HS.000.000.000"},
		{"G22.50-251130-0001", "G22.50-251130-0001"},
		{"G22.99.1-2511270001", "G22.99.1-2511270001"},
		// Lower case, odd dashes, full-width characters.
		{"000.00.12.h26-251127-0001", "000.00.12.H26-251127-0001"},
		{"h26.99‑251127–0001", "H26.99-251127-0001"},
		{"０００.００.１２.Ｈ２６－２５１１２７－０００１", "000.00.12.H26-251127-0001"},
		// Spaces around the dashes, or in their place: the dashes come back
		// in the Circular's shape (unit, date, serial), never a part lost.
		{"000.00.12.H26 - 251127 - 0001", "000.00.12.H26-251127-0001"},
		{"000.00.12.H26 251127 0001", "000.00.12.H26-251127-0001"},
		{"000.00.12.h26 251127 0001", "000.00.12.H26-251127-0001"},
		{"38.98.H29 210519 0003", "38.98.H29-210519-0003"},
		{"000.00.12.H26-251127 0001", "000.00.12.H26-251127-0001"},
		{"000.00.12.H26 251127-0001", "000.00.12.H26-251127-0001"},
		{"G22.50 251130 0001", "G22.50-251130-0001"},
		{"H26 251127 0001", "H262511270001"},
		{"HS 2511270001", "HS2511270001"},
		// Split over two lines.
		{"000.00.12.H26-\n251127-0001", "000.00.12.H26-251127-0001"},
		{"000.00.12.\nH26-251127-0001", "000.00.12.H26-251127-0001"},
		{"000.00.12.H26\n251127-0001", "000.00.12.H26-251127-0001"},
		{"000.00.12.H26-251127\n-0001", "000.00.12.H26-251127-0001"},
		// A label before it.
		{"Mã hồ sơ: 000.00.12.H26-251127-0001", "000.00.12.H26-251127-0001"},
		{"Mã hồ sơ: 000.00.12.H26 - 251127 - 0001", "000.00.12.H26-251127-0001"},
		{"mã hồ sơ 000.00.12.H26 251127 0001", "000.00.12.H26-251127-0001"},
		{"Số biên nhận: 38.98.H29-210519-0003", "38.98.H29-210519-0003"},
		{"Số biên nhận 38.98.H29 - 210519 - 0003", "38.98.H29-210519-0003"},
		{"so bien nhan 38.98.h29 210519 0003", "38.98.H29-210519-0003"},
		{"biên nhận số 38.98.H29 210519 0003", "38.98.H29-210519-0003"},
		{"Biên nhận: HS 2511270001", "HS2511270001"},
		{"Mã tra cứu: G22.50-251130-0001", "G22.50-251130-0001"},
		{"ma tra cuu G22.50 251130 0001", "G22.50-251130-0001"},
		{"Mã số hồ sơ: H26.99-251127-0001", "H26.99-251127-0001"},
		{"mã hồ sơ là H26.99 - 251127 - 0001", "H26.99-251127-0001"},
		{"Mã hồ sơ là: HS 2511270001", "HS2511270001"},
		{"Mã HS: H26.99-251127-0001", "H26.99-251127-0001"},
		{"ma hs h26.99 251127 0001", "H26.99-251127-0001"},
		{"mhs h26.99 251127 0001", "H26.99-251127-0001"},
		{"MHS: H26.99-251127-0001", "H26.99-251127-0001"},
		{"Số hồ sơ: H26.99 - 251127 - 0001", "H26.99-251127-0001"},
		{"Mã hồ sơ của bà: H26.99 - 251127 - 0001", "H26.99-251127-0001"},
		{"mã hồ sơ hộ chiếu G22.50 - 251130 - 0001", "G22.50-251130-0001"},
		{"Mã hồ sơ đăng ký tạm trú: G22.50-251130-0001", "G22.50-251130-0001"},
		{"Mã hồ sơ: HS 2511270001", "HS2511270001"},
		{"#G22.99-2511270001", "G22.99-2511270001"},
		{"№ G22.50-251130-0001", "G22.50-251130-0001"},
		// A line pasted from an SMS or the portal's screen.
		{"Ho so 000.00.12.H26-251127-0001 da duoc tiep nhan", "000.00.12.H26-251127-0001"},
		{"Hồ sơ 000.00.12.H26-251127-0001 đã được tiếp nhận", "000.00.12.H26-251127-0001"},
		{"Nộp hồ sơ thành công. Mã hồ sơ: G22.50-251130-0001", "G22.50-251130-0001"},
		{"Mã hồ sơ: G22.50-251130-0001.", "G22.50-251130-0001"},
		{"Mã hồ sơ: H26.99-251127-0001 hẹn 3 ngày", "H26.99-251127-0001"},
		{"H26.99-251127-0001 mai co ket qua", "H26.99-251127-0001"},
		// A procedure's letters before the digits.
		{"GPLX 2511270001", "GPLX2511270001"},
		{"BHXH 2511270001", "BHXH2511270001"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != "" {
			t.Errorf("DossierCode(%q) = %q, %q; want %q", tt.in, code, problem, tt.code)
		}
	}
}

// What volunteers type instead of a code — no code yet, later, do not know,
// not submitted, with or without accents, with a number of days — is
// refused, never kept as a code.
func TestDossierCodeSentencesRefused(t *testing.T) {
	for _, in := range []string{
		"chưa có mã", "chua co ma", "chưa có mã hồ sơ", "chua co ma ho so", "để sau", "de sau", "để mai",
		"không biết", "khong biet", "k biet", "ko bt", "kb", "chưa nộp", "chua nop", "chưa", "ko co", "khong co ma",
		"2 ngay nua", "3 ngày nữa có", "sau 3 ngay", "cho 2 ngay", "để sau 2 ngày", "hẹn 5 ngày", "15 phut nua",
		"chưa có mã, 3 ngày nữa", "chua co ma 2 ngay nua", "Mã hồ sơ: chưa có", "ma ho so chua co",
		"mã hồ sơ chưa có, 2 ngày nữa", "so bien nhan chua co", "dang cho", "đang chờ 15p", "chua nhan duoc sms",
		"chưa nhận được tin nhắn", "loi 404 khong nop duoc", "no code yet", "later", "n/a", "mai 9h",
	} {
		if code, problem := DossierCode(in); code != "" || problem == "" {
			t.Errorf("DossierCode(%q) = %q, %q; want it refused", in, code, problem)
		}
	}
}

// Spaces in place of the dashes do not glue a phone or ID number to a
// unit's code: the Circular's shape asks for a date (YYMMDD) after it.
func TestDossierCodeSpacedNotANumber(t *testing.T) {
	for _, tt := range []struct{ in, code, problem string }{
		{"000.00.12.H26 0912345678", "000.00.12.H26", ""},
		{"000.00.12.H26 001099012345", "000.00.12.H26", ""},
		{"G22.50-251130-0001 0912345678", "G22.50-251130-0001", ""},
		{"Số điện thoại 0912345678", "", "number"},
	} {
		if code, problem := DossierCode(tt.in); code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}

// The words a label is read past are not those that say there is no code
// yet: what follows them is not taken for the code.
func TestDossierCodeLabelNotPastNotYet(t *testing.T) {
	for _, in := range []string{
		"mã hồ sơ chưa có 123456", "ma ho so chua co 123456", "mã hồ sơ để sau 123456", "ma hs khong biet 2511270001",
	} {
		if code, problem := DossierCode(in); code != "" || problem == "" {
			t.Errorf("DossierCode(%q) = %q, %q; want it refused", in, code, problem)
		}
	}
}
