package privacy

import "testing"

// Review 22p: false positives of today's name, birth-year and address
// checks (each passed at a9a6665), and a few misses.
//
// want: "" when the note is stored; else what NoteProblem gives. name,
// data, addr: what NamesPerson, PersonalData and Address give ("" for
// PersonalData when none); rest: what WithoutIdentity keeps ("=" for the
// text whole, nothing dropped).
type review22p struct {
	text       string
	want       string
	name, addr bool
	data       string
	rest       string
}

func checkReview22p(t *testing.T, cases []review22p) {
	t.Helper()
	for _, tt := range cases {
		if got := NoteProblem(tt.text); got != tt.want {
			t.Errorf("NoteProblem(%q) = %q; want %q", tt.text, got, tt.want)
		}
		if got := NamesPerson(tt.text); got != tt.name {
			t.Errorf("NamesPerson(%q) = %v; want %v", tt.text, got, tt.name)
		}
		if got := PersonalData(tt.text); got != tt.data {
			t.Errorf("PersonalData(%q) = %q; want %q", tt.text, got, tt.data)
		}
		if got := Address(tt.text); got != tt.addr {
			t.Errorf("Address(%q) = %v; want %v", tt.text, got, tt.addr)
		}
		if tt.rest == "" {
			continue
		}
		rest, dropped := WithoutIdentity(tt.text)
		if tt.rest == "=" {
			if dropped || rest != tt.text {
				t.Errorf("WithoutIdentity(%q) = %q, %v; want it whole", tt.text, rest, dropped)
			}
		} else if !dropped || rest != tt.rest {
			t.Errorf("WithoutIdentity(%q) = %q, %v; want %q", tt.text, rest, dropped, tt.rest)
		}
	}
}

// 1. A unit's or a place's name after "tên" names no one.
func TestReview22pUnitNameAfterTen(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "tên Phường mới chưa cập nhật", rest: "="},
		{text: "tên Quận cũ", rest: "="},
		{text: "tên Tỉnh mới", rest: "="},
		{text: "tên Đường mới", rest: "="},
		{text: "tên Huyện", rest: "="},
		{text: "tên Xã mới", rest: "="},
		{text: "tên Thị Trấn mới", rest: "="},
		{text: "ten Phuong moi chua cap nhat", rest: "="},
		{text: "cấp đổi CCCD vì đổi tên Đường", rest: "="},
		{text: "tên An Giang không có trong danh sách tỉnh", rest: "="},
		{text: "tên Hà Nội cũ", rest: "="},
		// Still names.
		{text: "người dân tên Phương", want: "name", name: true, rest: ""},
		{text: "mình tên Lan", want: "name", name: true, rest: ""},
		{text: "ten la Mai", want: "name", name: true, rest: ""},
	})
}

// 2. "bé sinh…" is a baby born, not a baby called Sinh.
func TestReview22pBeSinh(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "bé sinh non", rest: "="},
		{text: "bé sinh ra ở nước ngoài", rest: "="},
		{text: "khai sinh cho bé sinh ở nước ngoài", rest: "="},
		{text: "bé trai chưa có mã định danh", rest: "="},
		{text: "bé gái mới sinh", rest: "="},
		{text: "bé mới sinh", rest: "="},
		{text: "bé nhỏ quá chưa làm căn cước", rest: "="},
		// Still names.
		{text: "bé Mai chưa có mã định danh", want: "name", name: true, rest: "chưa có mã định danh"},
		{text: "be Mai chua co ma dinh danh", want: "name", name: true, rest: "chua co ma dinh danh"},
		{text: "khai sinh cho bé Mai", want: "name", name: true, rest: "khai sinh"},
	})
}

// 3. A count after "ở", "tại", "ô" before a capitalised word is no house
// number; "Đường Dây Nóng" is the hotline.
func TestReview22pCountsAreNoAddress(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "người dân ở 2 Quận", rest: "="},
		{text: "ở 2 Xã bên cạnh", rest: "="},
		{text: "tại 3 Phường", rest: "="},
		{text: "ở 3 Lần", rest: "="},
		{text: "ở 5 Nơi khác nhau", rest: "="},
		{text: "điền ở 2 Nơi", rest: "="},
		{text: "tại 3 Giấy Tờ Đính Kèm", rest: "="},
		{text: "ở 3 Mục Nơi Cư Trú", rest: "="},
		{text: "ô 2 Ngày Sinh", rest: "="},
		{text: "ô 3 Họ và tên bị khóa", rest: "="},
		{text: "nhà 3 Thế Hệ", rest: "="},
		{text: "Đường Dây Nóng không trả lời", rest: "="},
		// Still addresses.
		{text: "ở 45 Nguyễn Trãi", want: "address", addr: true, rest: ""},
		{text: "tại 8 Hàng Bạc", want: "address", addr: true},
		{text: "12 Le Loi", want: "address", addr: true},
		{text: "hẻm 34 Lê Lợi", want: "address", addr: true, name: true},
		{text: "đường Nguyễn Trãi bị ngập", want: "address", addr: true},
	})
}

// 4. An eligibility rule with a year of birth is no one's.
func TestReview22pEligibilityYears(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "người sinh năm 1975 trở về trước", rest: "="},
		{text: "trẻ sinh năm 2024 được miễn phí", rest: "="},
		{text: "trẻ em sinh sau 2016", rest: "="},
		{text: "những người sinh năm 1960 trở về trước", rest: "="},
		{text: "các bé sinh năm 2020 trở đi", rest: "="},
		{text: "ai sinh năm 2000 trở lên", rest: "="},
		{text: "sinh tháng 12 năm 2025 nên chưa có mã định danh", rest: "="},
		// Still a birth year.
		{text: "người dân tên Mai, sinh năm 1958", want: "date", data: "date", name: true},
		{text: "sn 1958", want: "date", data: "date"},
		{text: "born in 1958", want: "date", data: "date"},
		{text: "ông ấy sinh năm 1958", want: "date", data: "date"},
	})
}

// 5. Misses: an English possessive is the name's ("Hung's"); "số 7 Hàng
// Bạc" is an address; a phone or ID number typed with the letter O for
// its zero is no dossier code; a title before a word that is no name
// ("Ms Excel") names no one. A newborn's recent year, given as why a
// paper is not there yet, is no one's.
func TestReview22pMisses(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "my dad Hung's card expired", want: "name", name: true, rest: "my dad card expired"},
		{text: "Mrs. Hoa's passport", want: "name", name: true, rest: "passport"},
		{text: "số 7 Hàng Bạc", want: "address", addr: true, rest: ""},
		{text: "Ms Excel crashed", rest: "="},
		{text: "bé sinh năm 2025 chưa có mã định danh", rest: "="},
		// Still names.
		{text: "Ms Hoa needs a passport", want: "name", name: true, rest: "needs a passport"},
		{text: "Mr. Tuan lost his ID card", want: "name", name: true, rest: "lost his ID card"},
	})
	for _, s := range []string{"O912 345 678", "SĐT O912345678", "CCCD O79203001234", "o912345678"} {
		if code, problem := DossierCode(s); problem != "number" {
			t.Errorf("DossierCode(%q) = %q, %q; want problem \"number\"", s, code, problem)
		}
	}
}
