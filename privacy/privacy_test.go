package privacy

import "testing"

func TestDossierCode(t *testing.T) {
	tests := []struct{ in, code, problem string }{
		{" 000.00.12.h26-251127-0001 ", "000.00.12.H26-251127-0001", ""},
		{"H26.99-251127-0001", "H26.99-251127-0001", ""},
		{"G22.99.1-2511270001", "G22.99.1-2511270001", ""},
		{"abc 123 456", "ABC123456", ""},
		{"2511270001", "", "number"},   // 10 digits: a phone number
		{"001099012345", "", "number"}, // 12 digits: an ID card
		{"12345", "", "format"},
		{"KHAISINH", "", "format"},
		{"mã: 123456", "123456", ""},
		{"mã: 12*456", "", "format"},
		{"1234567890123", "1234567890123", ""},                     // 13 digits is neither
		{"Mã hồ sơ: H26.99‑251127–0001", "H26.99-251127-0001", ""}, // a label, and dashes from a PDF
		{"#G22.99-2511270001", "G22.99-2511270001", ""},
		{"ＨＳ２５１１２７０００１", "HS2511270001", ""}, // full width
		{"CCCD 001099012345", "", "number"},
		{"sdt 0912345678", "", "number"},
		{"SĐT 0912345678", "", "number"},
		{"ID 001099012345", "", "number"},
		{"Căn cước 001099012345", "", "number"},
		{"DINH DANH 001099012345", "", "number"},
		{"0084912345678", "", "number"},
		{"HS 2511270001", "HS2511270001", ""},
		{"0912/345/678", "", "number"},
		{"12/05/1985", "", "format"},
	}
	for _, tt := range tests {
		code, problem := DossierCode(tt.in)
		if code != tt.code || problem != tt.problem {
			t.Errorf("DossierCode(%q) = %q, %q; want %q, %q", tt.in, code, problem, tt.code, tt.problem)
		}
	}
}

func TestNoteProblem(t *testing.T) {
	tests := map[string]string{
		"Cổng treo khi chọn xã":         "",
		"OTP không về sau 3 lần":        "",
		"lỗi mã 500 lúc 10:45":          "",
		"sđt 0912 345 678":              "number",
		"0912.345.678":                  "number",
		"CCCD 001099012345":             "number",
		"gọi lại: 0912–345–678":         "number",
		"0912—345—678":                  "number",
		"0912_345_678, 0912*345*678":    "number",
		"số 0912:345:678":               "number",
		"(+84) 912 / 345 / 678":         "number",
		"bước 2, 3 và 4 lỗi":            "",
		"0912    345     678":           "number",
		"email lan.nguyen@gmail.com":    "email",
		"email tôi lan @ gmail . com":   "email",
		"lan@gmail .com":                "email",
		"sinh 1950-03-05":               "date",
		"bé 2024/03/05":                 "date",
		"hẹn 2026/12/02":                "", // an appointment (review 24P)
		string(make([]rune, MaxNote+1)): "long",
	}
	for in, want := range tests {
		if got := NoteProblem(in); got != want {
			t.Errorf("NoteProblem(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNotesWithNamesAreRefused: a note that names a person — an honorific
// and a name, or a surname and one or two more names — is refused, with or
// without diacritics, in any case; ordinary notes are kept.
func TestNotesWithNamesAreRefused(t *testing.T) {
	names := []string{
		"ong Nguyen Van Binh khong nho mat khau",
		"ông Nguyễn Văn Bình không nhớ mật khẩu",
		"bà Lan quên mật khẩu",
		"ba Lan quen mat khau",
		"chị Hoa không có VNeID",
		"anh tuấn quên mk",
		"cô Hằng chưa có sim chính chủ",
		"chú Ba không nhận được OTP",
		"bác Tư chưa cập nhật ứng dụng",
		"em Ngọc chưa đủ 14 tuổi",
		"cháu Minh bị lỗi khi đăng nhập",
		"cụ Tý không nghe rõ",
		"Trần Thị Mai chưa có tài khoản",
		"tran thi mai chua co tai khoan",
		"TRẦN VĂN AN",
		"Lê Văn Tám hỏi lệ phí",
		"le van tam hoi le phi",
		"Phạm Minh Chính",
		"hoàng thị lan",
		"Huỳnh Ngọc Hân nộp giúp con",
		"Võ Thị Sáu chưa có VNeID",
		"Đặng Thu Thảo",
		"dang thu thao nop ho so",
		"Bùi Tiến Dũng",
		"Đỗ Mỹ Linh quên mật khẩu",
		"Ngô Bảo Châu",
		"hồ văn cường",
		"Dương Văn Hùng",
		"Lý Thị Nga cần trích lục",
		"người nộp: Nguyễn Hải",
		"hồ sơ của bà Nguyễn Thị Lan",
		// Without diacritics: a surname and a middle name, or a surname or an
		// honorific and a given name.
		"Phan Van Khai quen mat khau",
		"vu duc dam quen mk",
		"Vo Van Kiet",
		"nguyen lan",
		"do hung",
		"nguyen van khai",
		"ong binh khong nho mat khau",
		"ba lan quen mat khau",
		"Trần Khải quên mật khẩu",
		"nhờ chị Nguyễn Thu Hà nộp giúp",
		"hoang minh tuan quen mk",
		"pham thi hoa",
		"bui xuan huy chua co VNeID",
		"huynh ngoc anh",
		"ong Tran khong nho mat khau",
		"chau Nguyen Gia Bao",
		"em Phuong chua co sdt",
		"Vu Hoang Long",
		// Found in review: an unaccented full name in a note with
		// diacritics, "thầy", "bạn" and a capitalised name.
		"Cảm ơn Le Van Tam nhiều",
		"Cảm ơn Do Thi Hoa đã giúp",
		"Cảm ơn bạn Minh nhiều",
		"Cảm ơn thầy Hải",
		"do van nam",
		"hoang anh dung",
		"bà Trần nộp giúp con",
		"nộp giúp ông Phạm Văn Đồng",
	}
	ordinary := []string{
		"cảm ơn bạn nhiều", "bạn an tâm nhé", "thầy cô nhiệt tình", "Bạn hướng dẫn rất kỹ", "hạn 12/2026 mới có",
		"phí 50.000, 100.000 và 20.000", "hẹn 15/12, 16/12, 17/12", "giờ làm 7:30-11:30, 13:30-17:00",
		"làm bước 1, 2, 3, 4, 5, 6, 7, 8, 9", "phí: 1.500.000; 2.000.000", "Đã nộp ở Ho Chi Minh", "nhắn @ zalo. Xong",
		"OTP không về",
		"cổng báo lỗi hệ thống",
		"chưa có hợp đồng thuê nhà",
		"hồ sơ bị trả về",
		"hồ sơ thiếu giấy chứng sinh",
		"lệ phí chưa thanh toán được",
		"le phi chua thanh toan",
		"lý do: thiếu giấy tờ",
		"ly do thieu giay to",
		"chị ấy quên mật khẩu",
		"anh ấy không mang điện thoại",
		"bà con đông, cổng chậm",
		"bác sĩ chưa ký giấy chứng sinh",
		"cô giáo hỏi về thủ tục",
		"em bé chưa có giấy chứng sinh",
		"ông bà nội đi cùng",
		"ngày mai quay lại",
		"mai quay lại nộp tiếp",
		"đỗ xe xa nên về lấy giấy",
		"Hà Nội chưa hiện trong danh sách",
		"Cổng treo khi chọn xã",
		"trang VNeID báo bảo trì",
		"người dân đổi ý",
		"phải ra công an xã",
		"không nhớ mật khẩu",
		"mất sóng lúc nhập OTP",
		// Words that, without diacritics, are also surnames or honorifics.
		"ho so bi tra ve",
		"hồ sơ thiếu giấy",
		"le phi chua thanh toan",
		"lệ phí sai",
		"do loi mang",
		"do mất sóng",
		"ly do khong ro",
		"lý do khác",
		"duong truyen cham",
		"vu viec chua xu ly",
		"ông ấy quên mật khẩu",
		"bà không nhớ mật khẩu",
		"anh ấy chưa có VNeID",
		"chị chưa mang CCCD",
		"em bé chưa có tên",
		"cô ấy không có điện thoại",
		"bac si chua ky",
		"co loi khi tai anh",
		"anh chup bi mo",
		"chu ky so loi",
		"em khong dang nhap duoc",
		"ong ay quen mat khau",
		"ba khong nho",
		"cu gia khong nghe ro",
		"ho van chua nhan duoc OTP",
		"do van bao loi",
		"thu ba lan van loi",
		"nhap sai mat khau nhieu lan",
		"em lan dau dang ky",
		"co ho so roi",
		"dang thu lai",
		"dang xu ly thanh toan",
		"phan mem bi treo",
		"phan anh voi xa",
		"nguyen nhan chua ro",
		"tu van vien hen mai",
		"dich vu cong bao loi",
		"to khai bi tra ve",
		"ho khai sai ngay sinh",
		"vo chong cung den",
		"do cong bao tri",
		"ho gia dinh chua co ma",
		"mai quay lai nop tiep",
		"co hoa don roi",
		"can co tam tru",
		"xử lý thanh toán chậm",
		"đoàn thanh niên hỗ trợ",
		"em mai quay lại",
		"chị sang xã hỏi",
		"tp ho chi minh",
		"Hồ Chí Minh chưa hiện",
		"binh thuong van vao duoc",
		"em nam nay 14 tuoi",
		"ong dung app khac",
		"ba thanh toan tien mat",
		"cong an xa chua duyet",
		"ho tro nguoi cao tuoi",
		"chu ho khong co mat",
		"co giao chu nhiem xac nhan",
		"chu nhat cong bao tri",
		"ong ba, cha me, con, chau, anh chi em ruot",
		"Chi dieu phoi vien moi tao duoc link",
		"Co thanh vien khong cung dia chi voi chu ho",
	}
	for _, n := range names {
		if got := NoteProblem(n); got != "name" {
			t.Errorf("NoteProblem(%q) = %q, want name", n, got)
		}
	}
	for _, n := range ordinary {
		if got := NoteProblem(n); got != "" {
			t.Errorf("NoteProblem(%q) = %q, want it kept", n, got)
		}
	}
	if len(names)+len(ordinary) < 70 {
		t.Fatalf("only %d notes in the table", len(names)+len(ordinary))
	}
}
