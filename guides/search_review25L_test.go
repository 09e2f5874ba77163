package guides

import "testing"

// Walk W1 (review 25): "no guide yet" was said of every query with
// "nước ngoài" or "abroad" in it, and it tells the volunteer not to follow
// the guide that looks alike — of "làm hộ chiếu đi nước ngoài", whose
// guide is the passport's. Going abroad is why most people need a
// passport or a judicial record: only a procedure done at a mission
// abroad, a marriage with a foreigner and what no guide covers
// ("sang tên") are said to have no guide; the rest is searched as before.
func TestReview25LAbroadAsAPurposeIsNoNoGuide(t *testing.T) {
	c := shippedCatalog(t)
	for q, want := range map[string]string{
		"làm hộ chiếu đi nước ngoài": "ho-chieu", "hộ chiếu đi du lịch nước ngoài": "ho-chieu", "passport to travel abroad": "ho-chieu",
		"lý lịch tư pháp để đi nước ngoài": "ly-lich-tu-phap", "judicial record for working abroad": "ly-lich-tu-phap",
		"xác nhận tình trạng hôn nhân để kết hôn với người nước ngoài": "xac-nhan-hon-nhan",
		"chứng thực bản sao để nộp nước ngoài":                         "chung-thuc",
	} {
		if c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = true: the volunteer is told not to follow the guide that fits", q)
		}
		if got := searchIDs(c, q); len(got) == 0 || got[0] != want {
			t.Errorf("Search(%q) = %v, want %s first: going abroad is why, not where", q, got, want)
		}
	}
	for _, q := range []string{
		"sang tên xe", "kết hôn với người nước ngoài", "đăng ký kết hôn có yếu tố nước ngoài",
		"marriage with a foreigner", "đăng ký khai sinh tại đại sứ quán", "passport at the embassy",
		"transfer motorbike", "motorbike transfer", "sang tên sổ đỏ",
	} {
		if !c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = false, want true", q)
		}
	}
}
