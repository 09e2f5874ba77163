package guides

import (
	"slices"
	"sync"
	"testing"
)

// catalog24S is the shipped catalog, loaded once for these tests: the
// package is slow under -race in CI.
var catalog24S = sync.OnceValues(Shipped)

func shared24S(t *testing.T) *Catalog {
	t.Helper()
	c, err := catalog24S()
	if err != nil {
		t.Fatalf("shipped guides:\n%v", err)
	}
	return c
}

// Review 24S: volunteers open a question politely before the procedure
// ("dạ cho em hỏi khai sinh", "em muốn hỏi về…", "cho e hỏi", "anh chị ơi
// cho em hỏi…"): "dạ" and the "hỏi" of "cho em hỏi" were kept as words to
// find, and such queries found nothing. They find what the procedure's
// name alone finds.
func TestPoliteOpenersAreFillers(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, same string }{
		{"dạ cho em hỏi khai sinh", "khai sinh"},
		{"da cho em hoi khai sinh", "khai sinh"},
		{"cho em hỏi thủ tục làm khai sinh", "khai sinh"},
		{"cho e hỏi thủ tục khai tử", "khai tử"},
		{"dạ anh chị ơi cho em hỏi làm căn cước", "căn cước"},
		{"em muốn hỏi về đăng ký tạm trú", "đăng ký tạm trú"},
		{"mình muốn hỏi đăng ký kết hôn", "đăng ký kết hôn"},
		{"cho tui hỏi chút về hộ chiếu", "hộ chiếu"},
		{"dạ cho cháu hỏi lý lịch tư pháp ạ", "lý lịch tư pháp"},
		// An opener before a loss: "làm" of "làm sao để" is no loss.
		{"làm sao để làm lại căn cước", "làm lại căn cước"},
		{"cho em hỏi làm lại thẻ bhyt", "làm lại thẻ bhyt"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.same)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want what %q finds: %v", tt.query, got, tt.same, want)
		}
	}
	// Small talk is still none, and a name holding the words still found.
	for _, q := range []string{"dạ", "dạ vâng", "cho em hỏi", "dạ cho em hỏi ạ", "em muốn hỏi"} {
		if got := searchIDs(c, q); len(got) > 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}

// Volunteers abbreviate as they text: "ko" (không), "dc"/"đc" (được),
// "dki"/"dky"/"đk" (đăng ký). Only "dvc" was written out: "dki thuong tru"
// and "vneid ko dang nhap dc" found nothing.
func TestTextingAbbreviationsAreWrittenOut(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, same string }{
		{"dki thuong tru", "đăng ký thường trú"},
		{"dky tam tru cho sinh vien", "đăng ký tạm trú"},
		{"đk kết hôn", "đăng ký kết hôn"},
		{"đki xe máy mới", "đăng ký xe máy mới"},
		{"vneid ko dang nhap dc", "vneid không đăng nhập được"},
		{"ko đăng nhập đc vneid", "không đăng nhập được vneid"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.same)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want what %q finds: %v", tt.query, got, tt.same, want)
		}
	}
}

// A vague trouble with VNeID ("vneid không được", "vneid bị lỗi", "không
// vào được vneid") is no particular one: "vneid không được" found the
// password's guide alone (its alias "không đăng nhập được VNeID" held
// every word), "bị lỗi", "treo", "có vấn đề" found nothing or the absence
// declaration. Such a query is read as "vneid bị hỏng" is: the short
// choice of the account guides, the app's own (activation, level 2)
// first, the password's among them. A trouble named ("không đăng nhập
// được", "bị khoá") keeps its guide first; a procedure in trouble is that
// procedure.
func TestAVagueVNeIDTroubleOffersTheAccountGuides(t *testing.T) {
	c := shared24S(t)
	want := searchIDs(c, "vneid bị hỏng")
	if len(want) == 0 || want[0] == "vneid-mat-khau" || !slices.Contains(want, "vneid-mat-khau") {
		t.Fatalf("Search(vneid bị hỏng) = %v, want the account guides, the password's not first", want)
	}
	for _, q := range []string{
		"vneid không được", "vneid khong duoc", "vneid bị lỗi", "vneid lỗi", "lỗi vneid", "vneid báo lỗi",
		"không vào được vneid", "vneid ko vao dc", "vneid không mở được", "vneid bị treo", "vneid có vấn đề",
		"vneid trục trặc", "vneid không hoạt động", "vneid not working", "vneid error", "vneid doesn't work",
	} {
		if got := searchIDs(c, q); !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want what a broken VNeID finds: %v", q, got, want)
		}
	}
	for _, tt := range []struct{ query, want string }{
		{"vneid không đăng nhập được", "vneid-mat-khau"},
		{"không đăng nhập được vneid", "vneid-mat-khau"},
		{"tài khoản vneid bị khóa", "vneid-mat-khau"},
		{"vneid bị khoá", "vneid-mat-khau"},
		{"thanh toán bị lỗi", "thanh-toan"},
		{"tam tru bi loi", "tam-tru"},
		{"cccd bị lỗi", "the-can-cuoc"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// A resident's situation told around the procedure ("con mới sinh chưa có
// giấy khai sinh", "mới nghỉ việc muốn lãnh trợ cấp thất nghiệp", "đăng ký
// xe máy mới mua"): only a reason after the procedure, or a few words no
// guide's name holds, were left out, and such sentences found nothing.
// When nothing is found, the words of a guide's title (two at least) or a
// guide's whole name typed among them are searched alone, if they name a
// few guides clearly.
func TestASituationAroundTheProcedureFindsIt(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, want string }{
		{"con mới sinh chưa có giấy khai sinh", "khai-sinh"},
		{"con mới sinh chưa có giấy khai sinh thì làm thế nào", "khai-sinh"},
		{"mới nghỉ việc muốn lãnh trợ cấp thất nghiệp", "tro-cap-that-nghiep"},
		{"đăng ký xe máy mới mua", "dang-ky-xe"},
		{"cmnd hết hạn đổi sang căn cước", "the-can-cuoc"},
		{"bà ngoại năm nay tám mươi muốn gia hạn thẻ bhyt hộ gia đình", "bhyt-ho-gia-dinh"},
		{"vợ chồng em mới cưới tuần trước giờ muốn đăng ký kết hôn", "ket-hon"},
		{"em mới bị cho nghỉ việc tuần trước", "tro-cap-that-nghiep"},
		{"nộp bị cho nghỉ việc", "tro-cap-that-nghiep"}, // the guide's alias whole
		// A one-word name no Vietnamese word is spelt as: an abbreviation, a
		// word of English.
		{"cccd bị sai thông tin", "the-can-cuoc"},
		{"passport hết hạn làm lại", "ho-chieu"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	// What names no procedure still finds nothing.
	for _, q := range []string{
		"hôm nay trời đẹp quá", "con mèo nhà bên cạnh bị ốm", "cách nấu phở", "em đang xem giúp bà đây",
		"điện thoại hết pin rồi", "nhà bà ở đâu ạ", "để em hỏi lại cán bộ", "ông bị ốm nằm viện",
		"bà có mang theo giấy tờ không", "số điện thoại của bà là gì", "mai em quay lại",
		// A part of a name, a name of fillers, a loss of no paper.
		"không phải lý do để gia hạn", "xin giấy phép bán thuốc tây", "lệ phí là bao nhiêu", "báo mất ví điện tử",
	} {
		if got := searchIDs(c, q); len(got) > 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}

// A paper torn, smudged or worn out ("giấy khai sinh bị rách", "căn cước
// bị nhoè") is damaged as a broken one is: "rách" was a word of one alias
// only ("thẻ bhyt bị rách"), and "giấy khai sinh bị rách" found the birth
// registration, not the copy that replaces the paper.
func TestATornPaperIsADamagedOne(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, same string }{
		{"giấy khai sinh bị rách", "giấy khai sinh bị hỏng"},
		{"khai sinh bi rach", "khai sinh bị hỏng"},
		{"căn cước bị rách", "căn cước bị hỏng"},
		{"cccd bị nhoè ảnh", "cccd bị hỏng"},
		{"bằng lái bị nát", "bằng lái bị hỏng"},
		{"torn birth certificate", "damaged birth certificate"},
		{"thẻ bhyt bị rách", "thẻ bhyt bị hỏng"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.same)
		if len(want) == 0 || len(got) == 0 || got[0] != want[0] {
			t.Errorf("Search(%q) = %v, want first what %q finds first: %v", tt.query, got, tt.same, want)
		}
	}
	// "Rạch" is also a canal: a birth registered in Rạch Giá is no damage.
	if got := searchIDs(c, "khai sinh ở Rạch Giá"); len(got) == 0 || got[0] != "khai-sinh" {
		t.Errorf("Search(khai sinh ở Rạch Giá) = %v, want khai-sinh first", got)
	}
}

// The app named ("app vneid", "ứng dụng VNeID") is VNeID, and a paper put
// "lên"/"vào" VNeID or its wallet is one "trên VNeID": "cài app vneid",
// "quên mật khẩu ứng dụng vneid", "đưa bằng lái lên vneid", "thêm thẻ bhyt
// vào ví vneid" found nothing.
func TestTheAppAndWhatIsPutOnIt(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, want string }{
		{"cài app vneid", "vneid-muc-2"},
		{"cài ứng dụng vneid", "vneid-muc-2"},
		{"quên mật khẩu ứng dụng vneid", "vneid-mat-khau"},
		{"quen mat khau app vneid", "vneid-mat-khau"},
		{"đưa bằng lái lên vneid", "tich-hop-giay-to"},
		{"đồng bộ bằng lái lên vneid", "tich-hop-giay-to"},
		{"thêm thẻ bhyt vào ví vneid", "tich-hop-giay-to"},
		{"đưa thẻ bhyt vào vneid", "tich-hop-giay-to"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// A name volunteers use that the level-2 guide lacked: "nâng cấp vneid
// lên mức 2" found nothing.
func TestCommonNamesFindTheirGuides(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, want string }{
		{"nâng cấp vneid lên mức 2", "vneid-muc-2"},
		{"nang cap vneid len muc 2", "vneid-muc-2"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// A filler inside a guide's name ("minh" of "chứng minh nhân dân", also
// "mình") was dropped when the query held another filler ("làm chứng
// minh nhân dân": "chứng … nhân dân" found the household business's
// "giấy chứng nhận" first). The words but for the fillers at either end,
// a phrase of a name with a filler inside, are searched as that phrase.
func TestAFillerInsideANameIsKept(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, same string }{
		{"làm chứng minh nhân dân", "chứng minh nhân dân"},
		{"xin làm chứng minh nhân dân cho mẹ", "chứng minh nhân dân"},
		{"lam chung minh nhan dan", "chứng minh nhân dân"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.same)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want what %q finds: %v", tt.query, got, tt.same, want)
		}
	}
}

// A question's tail as volunteers say it ("như nào", "ra sao", "làm thế
// nào", "cần làm gì", "phải làm sao"): only "thế nào" and "như thế nào"
// were fillers, and "bằng lái hết hạn đổi như nào" found nothing.
func TestAQuestionsTailIsAFiller(t *testing.T) {
	c := shared24S(t)
	for _, tt := range []struct{ query, same string }{
		{"bằng lái hết hạn đổi như nào", "bằng lái hết hạn đổi"},
		{"đăng ký tạm trú như nào", "đăng ký tạm trú"},
		{"khai sinh cho con ra sao", "khai sinh"},
		{"mất thẻ bhyt phải làm sao", "mất thẻ bhyt"},
		{"hộ chiếu cần làm gì", "hộ chiếu"},
		{"thường trú làm như nào", "thường trú"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.same)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want what %q finds: %v", tt.query, got, tt.same, want)
		}
	}
	// A relative's death asked so is still a death.
	if got := searchIDs(c, "mẹ mất cần làm gì"); len(got) == 0 || got[0] != "khai-tu" {
		t.Errorf("Search(mẹ mất cần làm gì) = %v, want khai-tu first", got)
	}
}

// A tenant's words name the temporary residence ("thuê trọ", "ở trọ"):
// "ở trọ" listed the unemployment allowance first ("trợ"), and a
// student's situation told around "thuê trọ" found nothing, the words no
// whole name of the guide.
func TestATenantsWordsNameTheTemporaryResidence(t *testing.T) {
	c := shared24S(t)
	for _, q := range []string{"ở trọ", "o tro", "thuê trọ", "sinh viên năm nhất mới lên thành phố thuê trọ cần làm gì",
		"em mới ra ở trọ gần trường"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "tam-tru" {
			t.Errorf("Search(%q) = %v, want tam-tru first", q, got)
		}
	}
}

// What a volunteer says beside the resident while waiting or while the
// network is slow ("bà ơi ngồi chờ chút nhé", "mạng yếu quá") found a
// guide: "ngồi" was read as a typo of "người" and "chút" of "chết" (the
// death registration), "mạng yếu" as the stay notice. Waiting and a weak
// or lost network are small talk.
func TestWaitingAndASlowNetworkAreSmallTalk(t *testing.T) {
	c := shared24S(t)
	for _, q := range []string{
		"bà ơi ngồi chờ chút nhé", "bà ngồi đây đợi em tí", "ngồi chờ xíu ạ", "mạng yếu quá", "mang yeu qua",
		"mạng chậm quá", "rớt mạng rồi", "mạng lag quá bà ơi", "wifi yếu quá",
	} {
		if got := searchIDs(c, q); len(got) > 0 {
			t.Errorf("Search(%q) = %v, want nothing: small talk", q, got)
		}
	}
	// A guide's words with them are still searched.
	for _, tt := range []struct{ query, want string }{
		{"mạng yếu quá, khai sinh", "khai-sinh"},
		{"chờ chút em tìm đăng ký tạm trú", "tam-tru"},
		{"người nhà mất", "khai-tu"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// Found by running every string of the tests through the search before
// and after review 24S: a one-word name inside a sentence ("cưới", folded
// "cuoi", is "cuối": "6 tháng cuối năm", a coordinator's period, found
// the marriage), "lời" read as "lỗi" ("nhận lời nhắc"), a trouble left
// with a short word ("Lê Lợi": "lệ" phí), "đã" dropped as "dạ" ("Đã nộp",
// "đã hết hạn"), "hỏi lại" left "lại" of every reissue, and "lên" a word
// of a name. They find what they found before.
func TestWhatFoundNothingStillDoes(t *testing.T) {
	c := shared24S(t)
	for _, q := range []string{
		"6 tháng cuối năm", "3 tháng cuối năm 2025", "Bước cuối", "nút gửi nằm ở cuối trang", "Cuối giờ",
		"nhận lời nhắc", "Le Loi", "portal_error", "cong bao loi tai trang", "Đã nộp", "đã hết hạn", "hồ sơ đã nộp",
		"cho mình hỏi lại", "Lên",
	} {
		if got := searchIDs(c, q); len(got) > 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
	// "Đã nhận" with "đã" dropped found eight guides by "nhận".
	if got := searchIDs(c, "Đã nhận"); len(got) > 4 {
		t.Errorf("Search(Đã nhận) = %v, want the four found before", got)
	}
}
