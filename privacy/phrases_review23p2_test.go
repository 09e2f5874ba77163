package privacy

import "testing"

// Review 23p2, B: notes refused since r23p. After "tên là" with no
// person's word before, a run of capitalised words that are not all given
// names is a phrase ("Tiếng Việt", "Bắt Buộc"), not a nickname; after
// "bé", a capitalised verb ("Ghi", "Xong") is none; "Miss World", "Mr
// Bean" are no residents.
func TestReview23p2TitleCasePhrasesAreNoNames(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Cổng lỗi, tên là Bắt Buộc nhưng không nhập được", rest: "="},
		{text: "Tên là Tiếng Việt có dấu mới qua", rest: "="},
		{text: "Ghi chú: tên là Tiếng Anh thì lỗi", rest: "="},
		{text: "Giấy khai sinh của bé Ghi sai ngày", rest: "="},
		{text: "Làm BHYT cho bé Xong rồi", rest: "="},
		{text: "Miss World contest venue closed the road", rest: "="},
		{text: "Mr Bean meme aside, the portal is down", rest: "="},
		// Still names.
		{text: "tên là Xíu", want: "name", name: true, rest: ""},
		{text: "tên là Mai Anh", want: "name", name: true},
		{text: "tên là Nguyễn Thị Xíu", want: "name", name: true},
		{text: "bé Xíu chưa có mã định danh", want: "name", name: true},
	})
}
