package privacy

import "testing"

// Review 23p2, A: identity stored since r23p. After a hospital's or a
// school's word with no kind ("BV", "bệnh viện", "trường"; not "trường
// THPT"), three words with "Văn" or "Thị" in the middle are a person's
// name unless they are a famous namesake of schools and hospitals
// (famousNamesakes: "Lê Văn Thịnh", "Nguyễn Văn Cừ"…); "mai" in small
// letters then a capitalised "Anh" is a name, not "tomorrow he".
func TestReview23p2InstitutionThenPersonName(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "BV Nguyễn Văn Hưng", want: "name", name: true},
		{text: "Học sinh trường Nguyễn Thị Hoa", want: "name", name: true},
		{text: "bệnh viện Trần Văn Nam chưa trả giấy", want: "name", name: true},
		{text: "mai Anh quay lại làm tiếp", want: "name", name: true},
		// Still places, still tomorrow.
		{text: "bệnh viện Lê Văn Thịnh cấp giấy chứng sinh", rest: "="},
		{text: "BV Nguyễn Tri Phương chưa gửi giấy", rest: "="},
		{text: "trường Nguyễn Thị Minh Khai cần xác nhận", rest: "="},
		{text: "trường Lê Quý Đôn cần giấy xác nhận cư trú", rest: "="},
		{text: "trường Võ Thị Sáu yêu cầu bổ sung", rest: "="},
		{text: "trường THPT Nguyễn Văn Hưng yêu cầu bổ sung", rest: "="},
		{text: "mai anh quay lại nộp bản gốc nhé", rest: "="},
	})
}
