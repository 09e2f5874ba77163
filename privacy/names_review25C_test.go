package privacy

import "testing"

// Review 25C: two misses review 24P left (notes_review24P_test.go). An
// English given name no list knows, opening a sentence as its subject,
// with the subject's own kin said after it ("Kevin needs a passport for
// his son": whose son, the name says) was stored; without a kin word it
// was kept ("Tom needs a copy of the VNeID form") until review 25L refused
// a common given name as a subject with or without it. A child's
// nickname no list knows, capitalised after "con" or "cái" ("con Sóc"),
// or in small letters after "bé" ("bé sóc"), was stored; "con Samsung" (a
// phone: no Vietnamese letters), "con số", "con dấu", "con sóc" (in small
// letters, the animal), "bé quá" and the province "Sóc Trăng" are kept.
func TestReview25CNamesKinAndNicknames(t *testing.T) {
	checkReview22p(t, []review22p{
		{text: "Kevin needs a passport for his son", want: "name", name: true, rest: "needs a passport for his son"},
		{text: "Kevin lost the birth certificate of her daughter", want: "name", name: true, rest: "lost the birth certificate of her daughter"},
		{text: "Anna wants temporary residence for her mother", want: "name", name: true, rest: "wants temporary residence for her mother"},
		{text: "Kevin Tran needs a passport for his son", want: "name", name: true, rest: "needs a passport for his son"},
		{text: "OTP failed. Kevin needs a passport for his son", want: "name", name: true, rest: "OTP failed. needs a passport for his son"},
		{text: "con Sóc", want: "name", name: true, rest: ""},
		{text: "con Sóc chưa có giấy khai sinh", want: "name", name: true, rest: "chưa có giấy khai sinh"},
		{text: "làm căn cước cho con Sóc", want: "name", name: true, rest: "làm căn cước"},
		{text: "cái Sóc chưa có thẻ BHYT", want: "name", name: true, rest: "chưa có thẻ BHYT"},
		{text: "bé Sóc", want: "name", name: true, rest: ""},
		{text: "bé sóc chưa có mã định danh", want: "name", name: true, rest: "chưa có mã định danh"},
		{text: "khai sinh cho bé sóc", want: "name", name: true, rest: "khai sinh"},
		// Not names.
		// A common given name is refused without the kin too (review 25L).
		{text: "Tom needs a copy of the VNeID form", want: "name", name: true, rest: "needs a copy of the VNeID form"},
		{text: "Kevin needs a passport", want: "name", name: true, rest: "needs a passport"},
		{text: "He needs a passport for his son", rest: "="},
		{text: "Someone needs a passport for her daughter", rest: "="},
		{text: "Resident needs a passport for his son", rest: "="},
		{text: "Mother needs a passport for her son", rest: "="},
		{text: "Grandpa wants a new ID card for his grandson", rest: "="},
		{text: "Passport needs a photo of his son", rest: "="},
		{text: "Form needs her mother's signature", rest: "="},
		{text: "VNeID needs his son's phone", rest: "="},
		{text: "My Son Needs A Passport For His Daughter", rest: "="},
		{text: "con số", rest: "="},
		{text: "con số định danh chưa có", rest: "="},
		{text: "con dấu bị mờ", rest: "="},
		{text: "con sóc", rest: "="},
		{text: "con Samsung bị hỏng", rest: "="},
		{text: "con Sóc Trăng", rest: "="},
		{text: "bé quá", rest: "="},
		{text: "chữ bé quá không đọc được", rest: "="},
		{text: "Sóc Trăng", rest: "="},
		{text: "đăng ký tạm trú ở Sóc Trăng", rest: "="},
		{text: "con gái chưa có thẻ", rest: "="},
	})
}
