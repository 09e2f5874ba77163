package privacy

import "testing"

// Review 23p2, D: hamlets, villages and residential groups are named
// after people like communes ("Thôn Lê Lợi", "Tổ dân phố Nguyễn Trãi");
// "cô văn thư", "chú văn hóa" are jobs; "anh em đoàn viên", "Mẹ Việt Nam
// Anh hùng" no names; "Mục đó tên là Thông Tin Cá Nhân" a form's field.
func TestReview23p2HamletsJobsAndFields(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Thôn Lê Lợi mất điện", rest: "="},
		{text: "Thôn Trần Phú mất điện", rest: "="},
		{text: "Ấp Lê Lợi ngập nước", rest: "="},
		{text: "Tổ dân phố Nguyễn Trãi đề nghị hỗ trợ", rest: "="},
		{text: "xóm Nguyễn Huệ chưa có wifi", rest: "="},
		{text: "Cô văn thư đi vắng", rest: "="},
		{text: "chú văn hóa xã hỗ trợ", rest: "="},
		{text: "Anh em đoàn viên hỗ trợ cuối tuần", rest: "="},
		{text: "Mẹ Việt Nam Anh hùng được miễn lệ phí", rest: "="},
		{text: "Mục đó tên là Thông Tin Cá Nhân", rest: "="},
		{text: "Ô đó tên là Quê Quán", rest: "="},
		// Still names.
		{text: "chị Lan ở thôn Lê Lợi", want: "name", name: true},
		{text: "anh Hùng quên mật khẩu", want: "name", name: true},
		{text: "cô Văn đi vắng", want: "name", name: true},
		{text: "ông Nguyễn Văn Thư quên mật khẩu", want: "name", name: true},
	})
}
