package privacy

import (
	"strings"
	"testing"
)

// Review 22g: a product walk stored, word for word, problem notes that
// named the resident with "tên" ("người dân tên Hùng …"), gave their year
// of birth ("sinh năm 1958") or their street address ("ở 45 Nguyễn Trãi");
// an address was refused as a name. Each is refused now, for what it is;
// procedure words that look alike are kept.
func TestNotesWithNameBirthYearOrAddressAreRefused(t *testing.T) {
	for _, tt := range []struct{ note, want string }{
		// A name introduced by "tên" (named).
		{"người dân tên Hùng không nhớ mật khẩu", "name"},
		{"nguoi dan ten Lan khong nho mat khau", "name"},
		{"người dân tên là Lan", "name"},
		{"ten la Hung", "name"},
		{"bé tên: Mai", "name"},
		{"me ten Nguyễn Thị Hoa quên passcode", "name"},
		{"resident named Lan forgot her password", "name"},
		{"her name is Mai", "name"},
		{"khai sinh cho bé Mai", "name"},
		{"khai sinh cho be Mai", "name"},
		{"anh Tuấn quên mk", "name"},
		// A year of birth.
		{"nguoi dan ten Mai, sinh nam 1958", "date"},
		{"cụ sinh năm 1945 không có điện thoại", "date"},
		{"sn 1958", "date"},
		{"SN: 1958 chưa có VNeID", "date"},
		{"năm sinh 1958", "date"},
		{"nam sinh: 1960", "date"},
		{"born in 1958", "date"},
		{"resident born 1949, no phone", "date"},
		// A street address.
		{"ở 45 Nguyễn Trãi, chủ nhà không xác nhận", "address"},
		{"o 45 Nguyen Trai chu nha khong xac nhan", "address"},
		{"nhà số 12 hẻm 34 Lê Lợi chưa có số nhà", "address"},
		{"số 12 hẻm 34 Lê Lợi", "address"},
		{"12 Le Loi", "address"},
		{"12/3 Lê Lợi", "address"},
		{"45A Trần Hưng Đạo", "address"},
		{"o 12 le loi", "address"},
		{"lives at 12 Le Loi street", "address"},
		{"lives on Le Loi Street", "address"},
		{"ngõ 5 phố Huế", "address"},
		{"hem 34 khong co so nha", "address"},
		{"kiệt 12 chưa có tên", "address"},
		{"chủ nhà ở đường Nguyễn Trãi", "address"},
		{"nha o duong Le Loi", "address"},
		{"số nhà 45 sai", "address"},
		{"so nha 45", "address"},
		{"tạm trú tại 8 Hàng Bạc", "address"},
	} {
		if got := NoteProblem(tt.note); got != tt.want {
			t.Errorf("NoteProblem(%q) = %q, want %q", tt.note, got, tt.want)
		}
	}
}

// identityLookalikes are procedure words (many of them a guide's) that
// look like a name after "tên", a year after "sinh", or a house number:
// they must be kept, as notes and as searches.
var identityLookalikes = []string{
	"đổi tên", "doi ten", "cải chính tên", "cai chinh ten", "sai tên trên giấy khai sinh",
	"sai ten tren giay khai sinh", "thay đổi họ tên cho con", "thay doi ho ten cho con",
	"tên đăng nhập", "quên tên đăng nhập VNeID", "quen ten dang nhap vneid", "tên tài khoản sai",
	"tên thủ tục không có", "tên xã mới chưa có", "tên hiển thị sai", "tên đệm bị thiếu", "em bé chưa có tên",
	"ghi tên cha mẹ", "tên người dùng", "ten nguoi dung", "tên gọi khác", "tên chủ hộ", "the name field is empty",
	"user name is wrong", "ten days later", "name of the procedure",
	"thông tư 04/2020", "Thông tư 04/2020/TT-BTP của Bộ Tư pháp", "nghị định 120", "Nghị định 120 Chính phủ",
	"bước 3", "bước 3 Nhập thông tin", "Bước 2 Chọn Thủ tục", "mục 2 Lý do", "mẫu CT01", "mẫu CT01 Tờ khai",
	"năm 2025", "khai sinh năm 2025", "khai sinh", "giấy chứng sinh", "giấy chứng sinh 2024 bị mờ", "phát sinh năm 2025",
	"phí phát sinh 2025", "lỗi 500 Internal Server Error", "HTTP 404 Not Found", "step 3 Enter Code",
	"đường dẫn không mở được", "duong dan loi", "đường truyền chậm", "3 đường dẫn đều lỗi", "có 2 hồ sơ",
	"2 dang ky", "nộp 2 bộ hồ sơ", "trang 2 Đăng nhập", "sau 3 ngày", "phố cổ", "Cổng treo khi chọn xã",
	"số nhà chưa có", "chưa có số nhà", "hẻm nhỏ xe không vào", "ngõ cụt", "chờ 5 phút", "đợi 15 Phút",
	"bấm Nộp Hồ Sơ 2 lần", "địa chỉ thường trú sai", "sai địa chỉ", "sinh con thứ 3", "khai sinh cho con thứ 2",
	"khai sinh 2 con", "lệ phí 50.000", "tầng 3 UBND", "phòng 2 Bộ phận một cửa", "quầy 3 Tiếp nhận",
	"tạm trú ở Thành phố Hồ Chí Minh", "tam tru thanh pho Ho Chi Minh", "khu phố 3 chưa có trên cổng",
	"Bà Rịa - Vũng Tàu", "đường dây nóng 1900",
	"tên ngân hàng không có trong danh sách", "sim không đứng tên chính chủ",
	"chỉ ở 4G Viettel mới vào được", "hẹn 3 PM",
}

func TestIdentityLookalikesAreKept(t *testing.T) {
	for _, s := range identityLookalikes {
		if got := NoteProblem(s); got != "" {
			t.Errorf("NoteProblem(%q) = %q, want it kept", s, got)
		}
		if rest, dropped := WithoutIdentity(s); dropped || rest != strings.Join(strings.Fields(s), " ") {
			t.Errorf("WithoutIdentity(%q) = %q, %v: want it whole", s, rest, dropped)
		}
	}
}

// A search that names the resident or their address is searched without
// them: what is left is the procedure's words.
func TestWithoutIdentityKeepsTheProcedureWords(t *testing.T) {
	for in, want := range map[string]string{
		"khai sinh cho bé Mai":                  "khai sinh", // review 22n: no "cho" left dangling
		"khai sinh cho bé Nguyễn Thị Mai":       "khai sinh",
		"tam tru cho chu Ba o 12 Le Loi":        "tam tru",
		"bà Tư muốn làm căn cước":               "muốn làm căn cước",
		"me ten Nguyễn Thị Hoa quên passcode":   "me quên passcode",
		"người dân tên Hùng không nhớ mật khẩu": "người dân không nhớ mật khẩu",
		"tạm trú tại 8 Hàng Bạc":                "tạm trú",
		"tam tru o 12/3 Le Loi, quan 1":         "tam tru quan 1",
		"khai sinh cho nguyen van khai":         "khai sinh",
		"cấp căn cước cho TRẦN VĂN AN":          "cấp căn cước",
		"tam tru cho pham thi hoa, o tro":       "tam tru o tro",
		"bà Tư":                                 "",
		"ở 45 Nguyễn Trãi":                      "",
	} {
		if got, dropped := WithoutIdentity(in); got != want || !dropped {
			t.Errorf("WithoutIdentity(%q) = %q, %v; want %q, true", in, got, dropped, want)
		}
	}
}
