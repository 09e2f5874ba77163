package privacy

import "testing"

// Review 23p2, D: a full date right after "từ (ngày)", "hiệu lực",
// "ban hành" is a rule's; after "sinh", "ngày sinh", "DOB", or next to a
// person's word, it stays a birth date.
func TestReview23p2RuleDates(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Theo Nghị định 63/2024/NĐ-CP từ 01/07/2024 không cần nộp bản giấy", rest: "="},
		{text: "Từ ngày 1/1/2025 bỏ sổ hộ khẩu giấy", rest: "="},
		{text: "Luật Căn cước 2023 có hiệu lực từ 1/7/2024", rest: "="},
		{text: "Sáp nhập tỉnh từ 1/7/2025, cổng vẫn hiện tên cũ", rest: "="},
		{text: "Thông tư ban hành ngày 15/5/2024", rest: "="},
		{text: "Nghị định 63/2024/NĐ-CP ngày 10/6/2024 bỏ bản giấy", rest: "="},
		// Still birth dates.
		{text: "sinh ngày 12/3/1960", want: "date", data: "date"},
		{text: "bé 12/03/2024", want: "date", data: "date"},
		{text: "bé sinh từ ngày 12/03/2024", want: "date", data: "date"},
		{text: "DOB từ 12/03/1960", want: "date", data: "date"},
		{text: "ngày sinh từ 1/1/1990", want: "date", data: "date"},
		{text: "từ 1/1/1990 là ngày sinh", want: "date", data: "date"},
		{text: "12/03/1960", want: "date", data: "date"},
		{text: "ông ấy từ 12/03/1960, sinh ở Huế", want: "date", data: "date"},
		// An appointment's date is no birth date (review 24P).
		{text: "hẹn ngày 12/03/2026", rest: "="},
	})
}
