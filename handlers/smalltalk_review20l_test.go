package handlers

import "testing"

// Words were matched folded, so a comment typed with diacritics whose
// words fold to the words of "đã nhận rồi" (rối = rồi, ổn = ơn, kẹt = kết,
// còn = con, chỉ = chị, bận = bạn, ảnh = anh) was taken for "only says the
// result came" and not kept; a thanks is what the comment question asks
// for, and was not kept either. Text typed with diacritics is now matched
// as typed (folded only when typed without any), and a thanks is a
// comment. clauseOnlySaysReceived finds such a comment that also says the
// result came: one of its parts says only that.
func TestOnlySaysReceivedKeepsRealComments(t *testing.T) {
	comments := []string{
		"Nhận được rồi, rối quá",
		"Đã nhận rồi, quá ổn",
		"Có kết quả rồi, còn kẹt",
		"Đã nhận được, chỉ có giấy",
		"đã nhận được rồi, kết quả có ảnh",
		"nhận được rồi, bận quá",
		"Đã nhận được rồi, em cảm ơn anh chị nhé",
		"Đã nhận, cám ơn các bạn nhiều",
		"Có kết quả rồi, cảm ơn cháu",
		"I got it, thanks",
		"nhan duoc roi, cam on nhieu",
	}
	for _, text := range comments {
		if onlySaysReceived(text) {
			t.Errorf("onlySaysReceived(%q) = true: a comment", text)
		}
		if !clauseOnlySaysReceived(text) {
			t.Errorf("clauseOnlySaysReceived(%q) = false: it says the result came", text)
		}
	}
	for _, text := range []string{
		"Đã nhận rồi cháu ơi",
		"nhận được kết quả rồi ạ",
		"nhận đc rồi nhé",
		"Đã nhận rồi các bạn ạ",
		"Con nhận được rồi",
		"nhan duoc roi nha",
		"da nhan roi chau oi",
		"received",
		"The result arrived",
	} {
		if !onlySaysReceived(text) {
			t.Errorf("onlySaysReceived(%q) = false: it only says the result came", text)
		}
	}
	for _, text := range []string{
		"Đã nhận được sự hỗ trợ rất nhiệt tình",
		"đã nhận được hướng dẫn tận tình",
		"I received very kind help",
		"chưa nhận được ạ, cảm ơn",
		"cảm ơn",
		"rất tốt, nhanh gọn",
	} {
		if clauseOnlySaysReceived(text) {
			t.Errorf("clauseOnlySaysReceived(%q) = true: it does not say the result came", text)
		}
	}
}
