package privacy

import "testing"

// Review 23p2, C: a relative's or a child's name still stored: after
// "ông xã", "bà xã"; after a spouse's or an in-law's word and "là"; a
// nickname after "Bé" in a note in Title Case or in capitals; after "Cu",
// "Thằng", "Cái"; after "biệt danh", "nickname"; after "bé đó tên".
func TestReview23p2RelativesAndNicknames(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "ông xã Hùng chưa ký", want: "name", name: true},
		{text: "Ông xã Hùng chưa ký", want: "name", name: true},
		{text: "bà xã Lan đi vắng", want: "name", name: true},
		{text: "Bà xã Thơm đi vắng", want: "name", name: true},
		{text: "bà xã của anh là Lan", want: "name", name: true},
		{text: "Vợ anh ấy là Hường", want: "name", name: true},
		{text: "Con dâu là Nhung", want: "name", name: true},
		{text: "Bé Na Chưa Có Thẻ BHYT", want: "name", name: true},
		{text: "Bé Xíu Sinh Non", want: "name", name: true},
		{text: "BÉ XÍU CHƯA CÓ GIẤY", want: "name", name: true},
		{text: "Bé Út chưa có BHYT", want: "name", name: true},
		{text: "Bé đó tên Bin", want: "name", name: true},
		{text: "Cu Tí chưa có mã định danh", want: "name", name: true},
		{text: "Thằng Cu Bin chưa khai sinh", want: "name", name: true},
		{text: "Cái Na chưa có thẻ BHYT", want: "name", name: true},
		{text: "Biệt danh Bo", want: "name", name: true},
		{text: "Nickname Su, 5 tuổi", want: "name", name: true},
		{text: "Dr Nguyen signed the birth paper", want: "name", name: true},
		// Not names.
		{text: "ông xã đi làm xa nên vợ làm thủ tục", rest: "="},
		{text: "bà xã không có mặt, cần ủy quyền", rest: "="},
		{text: "BÉ CHƯA CÓ GIẤY CHỨNG SINH", rest: "="},
		{text: "BÉ SINH NON CHƯA CÓ GIẤY", rest: "="},
		{text: "bé út chưa có BHYT", rest: "="},
		{text: "Bé Chưa Có Mã Định Danh", rest: "="},
		{text: "vợ là người nước ngoài", rest: "="},
		{text: "cái Form này lỗi", rest: "="},
		{text: "Dr appointment clashes with the visit", rest: "="},
		{text: "biệt danh không ghi vào giấy tờ", rest: "="},
	})
}

// Review 23p2, C: "s/n 1970" is a year of birth; "hộ chiếu C1234567"
// a passport's number (a letter and seven digits).
func TestReview23p2BirthYearAndPassport(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "s/n 1970", want: "date", data: "date"},
		{text: "hộ chiếu C1234567", want: "number", data: "number"},
		{text: "passport c1234567 expired", want: "number", data: "number"},
		// Not a passport's.
		{text: "hộ chiếu hết hạn, làm lại mất 8 ngày", rest: "="},
		{text: "lỗi E102 khi ký", rest: "="},
	})
}

// Review 23p2: after a kin word and "là", a capitalised word that opens a
// common word ("Công an", "Việt kiều") is no name.
func TestReview23p2KinIsAJob(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "chồng là Công an xã nên đi vắng", rest: "="},
		{text: "mẹ là Việt kiều, chưa có căn cước", rest: "="},
		{text: "vợ là Hường, chồng là Công an", want: "name", name: true},
	})
}
