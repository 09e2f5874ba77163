package guides

import "testing"

// Review 23s: every word typed must be found in a guide's names, so a
// good query with a few words of the resident's situation after it found
// nothing: "cấp đổi CCCD vì đổi tên Đường" (the street was renamed),
// "làm khai sinh cho con nhà bên cạnh". A reason or whom for, typed after
// the procedure ("vì …", "do …", "cho …", "để …"), is dropped when the
// query finds nothing with it, as a place is; so are a few words no guide's
// name holds, nor any look like ("khai sinh gấp"), when the words left name
// one or two guides. Nonsense still finds nothing.
func TestAFewWordsOfTheSituationDoNotHideTheProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"cấp đổi CCCD vì đổi tên Đường", "the-can-cuoc"},
		{"cap doi cccd vi doi ten duong", "the-can-cuoc"},
		{"đổi căn cước do đổi tên đường", "the-can-cuoc"},
		{"làm khai sinh cho con nhà bên cạnh", "khai-sinh"},
		{"lam khai sinh cho con nha ben canh", "khai-sinh"},
		{"đăng ký tạm trú cho sinh viên thuê trọ", "tam-tru"},
		{"đăng ký tạm trú để con đi học", "tam-tru"},
		{"khai sinh gấp", "khai-sinh"},
		{"đổi bằng lái xe hết hạn vì chuyển nhà", "doi-gplx"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	for _, q := range []string{
		"nấu ăn", "con mèo nhà hàng xóm", "thời tiết hôm nay", "nấu ăn cho con", "mua rau vì con ốm",
		"con mèo nhà bên cạnh bị ốm", "đi chợ để nấu cơm", "sửa xe vì hỏng phanh",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}

// Found by the differential run: words no guide's name holds, dropped,
// must leave a phrase of one name, not words of two ("cách" … "phổ").
func TestUnknownWordsLeaveAPhraseOfAName(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"cách nấu phở", "1–2 minutes"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}

// Asked of no procedure, a question finds nothing still ("bao giờ có"):
// the bot asks which procedure.
func TestAQuestionOfNoProcedureIsNoSituation(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"bao giờ có", "bao gio co", "không phải lý do để gia hạn", "nếu không cần, dừng ở đây"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}

// Found by the differential run: "ví" (a wallet) folds to "vì"; what is
// before it must name a procedure, not only a loss ("báo mất ví điện tử").
// (Review 24S: "nộp bị cho nghỉ việc" holds the allowance guide's whole
// alias "bị cho nghỉ việc", and finds it as "em mới bị cho nghỉ việc tuần
// trước" does: volunteer_review24S_test.go.)
func TestALossBeforeAReasonIsNoProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"báo mất ví điện tử"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}
