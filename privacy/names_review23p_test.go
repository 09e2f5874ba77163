package privacy

import "testing"

// Review 23p: a name after "tên … là" or after a person's word and "tên"
// is stored when it is no given name the lists know ("Xíu", "Bơ",
// "Bống": nicknames); so is one after "bé". Refused now, the kin word
// kept by a search, the name dropped.
func TestReview23pNicknameAfterTen(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "tên bé là Xíu", want: "name", name: true, rest: ""},
		{text: "bé tên là Xíu", want: "name", name: true, rest: ""},
		{text: "con tên là Bơ", want: "name", name: true, rest: ""},
		{text: "mẹ bé tên là Lan", want: "name", name: true, rest: ""},
		{text: "tên con là Bin", want: "name", name: true, rest: ""},
		{text: "tên mẹ là Nở", want: "name", name: true, rest: ""},
		{text: "tên ở nhà là Tôm", want: "name", name: true, rest: ""},
		{text: "tên khai sinh là Xíu", want: "name", name: true, rest: ""},
		{text: "bé tên Xíu chưa có mã định danh", want: "name", name: true, rest: "bé chưa có mã định danh"},
		{text: "con tên Bơ", want: "name", name: true, rest: ""},
		{text: "cháu nội tên Bống", want: "name", name: true, rest: "cháu nội"},
		{text: "bà cụ tên Gái", want: "name", name: true, rest: ""},
		{text: "ten be la Xiu", want: "name", name: true, rest: ""},
		{text: "be ten la Xiu", want: "name", name: true, rest: ""},
		{text: "con ten la Bo", want: "name", name: true, rest: ""},
		{text: "tên bé là Lan", want: "name", name: true, rest: ""},
		{text: "bé Xíu chưa có mã định danh", want: "name", name: true, rest: "chưa có mã định danh"},
		{text: "khai sinh cho bé Na", want: "name", name: true, rest: "khai sinh"},
		// Not names: a procedure's words around "tên".
		{text: "tên bé là gì cũng được, cán bộ chưa hỏi", rest: "="},
		{text: "tên đăng nhập là số định danh", rest: "="},
		{text: "tên phường mới là Phường 3", rest: "="},
		{text: "sai tên cha trên giấy khai sinh", rest: "="},
		{text: "nhập sai tên Cha trên tờ khai", rest: "="},
		{text: "đổi tên Zalo của xã", rest: "="},
		{text: "bé trai chưa có mã định danh", rest: "="},
		{text: "bé Sơ Sinh chưa có thẻ", rest: "="},
		{text: "ten dang nhap la so dinh danh", rest: "="},
		{text: "app tên là Zalo", rest: "="},
		{text: "trang web tên là Cổng dịch vụ công", rest: "="},
		{text: "giấy tờ có tên Cha nhưng không có tên Mẹ", rest: "="},
		{text: "chỉ tên Xã là bị sai", rest: "="},
	})
}

// Review 23p: an English title written as one ("Mr", "Mrs", "Ms",
// "Miss") before any capitalised word is a name, not only before a
// Vietnamese one ("Mrs Smith", "Miss Lee"); "MS Word", "Ms Excel" are
// programs, "Miss the deadline" a verb.
func TestReview23pEnglishTitleBeforeAnyName(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Mrs Smith lost her card", want: "name", name: true, rest: "lost her card"},
		{text: "Mr Smith needs a visa", want: "name", name: true, rest: "needs a visa"},
		{text: "Ms Johnson forgot her password", want: "name", name: true, rest: "forgot her password"},
		{text: "Miss Lee needs a passport", want: "name", name: true, rest: "needs a passport"},
		{text: "Mr. Smith's passport", want: "name", name: true, rest: "passport"},
		{text: "passport for Mrs Brown", want: "name", name: true, rest: "passport"},
		{text: "Mrs Mary Smith lost her card", want: "name", name: true, rest: "lost her card"},
		{text: "Mr Nguyen lost his ID card", want: "name", name: true, rest: "lost his ID card"},
		{text: "Ms. Lan said the OTP never came", want: "name", name: true, rest: "said the OTP never came"},
		// Not names.
		{text: "Ms Excel crashed", rest: "="},
		{text: "MS Word file not accepted, converted to PDF", rest: "="},
		{text: "Ms Word file rejected", rest: "="},
		{text: "Miss the deadline, must reapply", rest: "="},
		{text: "ms Teams call dropped", rest: "="},
	})
}

// Review 23p: "sinh" in small letters after an honorific is what the
// person did ("chị sinh con thứ 2"), not one called Sinh; capitalised it
// is a name still.
func TestReview23pHonorificThenSinh(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "chị sinh con thứ 2 cần khai sinh", rest: "="},
		{text: "em sinh con ở bệnh viện tỉnh, chưa có giấy chứng sinh", rest: "="},
		{text: "bà sinh năm 1958", want: "date", data: "date"},
		// Still names.
		{text: "chị Sinh cần khai sinh cho con", want: "name", name: true, rest: "cần khai sinh cho con"},
		{text: "anh Trần Sinh quên mật khẩu", want: "name", name: true},
	})
}

// Review 23p: a name written as a form's field ("họ tên: Xíu", "Tên bé:
// Xíu", "name: Smith") or after whose name it is in English ("her name
// is Smith", "his mother's name is Brown") was stored when no list knew
// it.
func TestReview23pNameAsAField(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "họ tên: Xíu", want: "name", name: true, rest: ""},
		{text: "Tên bé: Xíu", want: "name", name: true, rest: ""},
		{text: "tên: Bơ, chưa có mã định danh", want: "name", name: true, rest: "chưa có mã định danh"},
		{text: "ten: Xiu", want: "name", name: true, rest: ""},
		{text: "name: Smith", want: "name", name: true, rest: ""},
		{text: "her name is Smith", want: "name", name: true, rest: ""},
		{text: "his mother's name is Brown", want: "name", name: true, rest: ""},
		{text: "resident's name is Johnson", want: "name", name: true, rest: "resident's"},
		// Not names.
		{text: "tên: Phường mới chưa cập nhật", rest: "="},
		{text: "ô Tên: Không được để trống", rest: "="},
		{text: "Name: Required field error", rest: "="},
		{text: "the app's name is VNeID", rest: "="},
		{text: "her name is Wrong on the card", rest: "="},
	})
}

// Review 23p: the capitalised words taken for a name no list knows, after
// "bé", "tên" or "Mrs", must be one: not a note typed in Title Case
// ("Bé Chưa Có Mã Định Danh"), not a word that is never a name ("con
// tên: Chưa đặt", "bé tên Gì cũng được", "Mr. And Mrs.").
func TestReview23pUnknownNamesAreNames(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Khai Sinh Cho Bé Chưa Có Giấy Chứng Sinh", rest: "="},
		{text: "Bé Chưa Có Mã Định Danh", rest: "="},
		{text: "Làm Căn Cước Cho Bé Dưới 14 Tuổi", rest: "="},
		{text: "con tên: Chưa đặt", rest: "="},
		{text: "Tên Con: Chưa Đặt", rest: "="},
		{text: "bé tên Gì cũng được", rest: "="},
		{text: "bé tên Không có trên giấy chứng sinh", rest: "="},
		{text: "Mr. And Mrs. came together", rest: "="},
		{text: "Mr Smith And His Wife", want: "name", name: true},
		// Still names.
		{text: "bé Xíu chưa có mã định danh", want: "name", name: true, rest: "chưa có mã định danh"},
		{text: "Hồ sơ của Bé Na", want: "name", name: true, rest: "Hồ sơ"},
		{text: "con tên: Bơ", want: "name", name: true},
		{text: "Mrs Smith", want: "name", name: true, rest: ""},
	})
}

// Review 23p: "tên là Xíu" opening a note (or a clause) names whoever the
// note is about.
func TestReview23pTenLaOpeningANote(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "tên là Xíu", want: "name", name: true, rest: ""},
		{text: "khai sinh. Tên là Bơ", want: "name", name: true, rest: "khai sinh."},
		{text: "ten la Xiu", want: "name", name: true, rest: ""},
		// Not names.
		{text: "tên là Phường 3 cũ", rest: "="},
		{text: "tên là Chưa đặt", rest: "="},
		{text: "app tên là Zalo", rest: "="},
	})
}

// Review 23p: "đó" before "tên" is a thing as often as a person ("ô đó
// tên Tiếng Anh"): a capitalised word after it must be a name the lists
// know.
func TestReview23pDoTenIsAThing(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "ô đó tên Tiếng Anh nên khó hiểu", rest: "="},
		{text: "file đó tên Scan bị lỗi", rest: "="},
		// Still names.
		{text: "chị ấy tên Xíu", want: "name", name: true},
		{text: "người đó tên Lan", want: "name", name: true},
	})
}
