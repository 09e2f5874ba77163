package privacy

import "testing"

// Review 23p: a birth date said in words ("sinh ngày 5 tháng 7 năm
// 1990") and a year of birth of two digits after "sinh năm" or "năm
// sinh" ("sinh năm 58", as people say it) were stored.
func TestReview23pBirthDateInWords(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "sinh ngày 5 tháng 7 năm 1990", want: "date", data: "date"},
		{text: "ngày sinh 5 tháng 7 năm 1990", want: "date", data: "date"},
		{text: "người dân sinh ngày 12 tháng 3 năm 1960, mất CCCD", want: "date", data: "date"},
		{text: "sinh nam 1958", want: "date", data: "date"},
		{text: "người dân sinh năm 58", want: "date", data: "date"},
		{text: "năm sinh 72, quên mật khẩu", want: "date", data: "date"},
		{text: "sinh nam 58", want: "date", data: "date"},
		// Not a resident's.
		{text: "khai sinh ngày 5 tháng 7 năm 2025", rest: "="},
		{text: "người sinh năm 75 trở về trước", rest: "="},
		{text: "hẹn ngày 5 tháng 7 năm 2026 trả kết quả", rest: "="},
		{text: "sinh năm 2 con thì được hỗ trợ", rest: "="},
		{text: "sinh con thứ 3 năm 2025", rest: "="},
		{text: "phát sinh năm 25 lỗi", rest: "="},
	})
}

// Review 23p: "DOB 1960", "YOB 1958" (date or year of birth, in English
// shorthand) were stored.
func TestReview23pDOBYear(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "DOB 1960", want: "date", data: "date"},
		{text: "YOB 1958, lost ID card", want: "date", data: "date"},
		{text: "dob: 1960", want: "date", data: "date"},
		// Not a resident's.
		{text: "DOB field rejects dates before 1900", rest: "="},
	})
}
