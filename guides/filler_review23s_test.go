package guides

import (
	"slices"
	"testing"
)

// Review 23s: "trên" (on) is typed before where a procedure is done
// ("nộp trên vneid", "làm trên cổng dịch vụ công", "khai sinh trên điện
// thoại"): it names no guide, but it was not dropped, so such queries found
// nothing, or guides whose names only half matched it.
func TestTrenIsAFiller(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, same string }{
		{"nộp trên vneid", "nộp vneid"},
		{"làm trên cổng dịch vụ công", "cổng dịch vụ công"},
		{"làm trên cổng dvc", "cổng dịch vụ công"},
		{"nộp trên cổng dịch vụ công", "nộp"},
		{"đăng ký thường trú trên cổng dịch vụ công", "đăng ký thường trú"},
		{"khai sinh trên điện thoại", "khai sinh"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.same)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want what %q finds: %v", tt.query, got, tt.same, want)
		}
	}
	// A guide's name holding "trên" is still found by it.
	for _, tt := range []struct{ query, want string }{
		{"giấy tờ trên vneid", "tich-hop-giay-to"},
		{"bằng lái trên vneid", "tich-hop-giay-to"},
		{"đăng ký tạm trú trên vneid", "tam-tru"},
		{"tam tru tren vneid", "tam-tru"},
		// Where it is done, dropped when nothing is found with it.
		{"khai sinh trên vneid", "khai-sinh"},
		{"xác nhận cư trú trên vneid của mẹ", "xac-nhan-cu-tru"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// A place after a relative's death ("người nhà mất ở phường 5", "… trên
// điện thoại") left "mất" last once the place was dropped, but the words
// were not read again for a death: the search listed seven guides covering
// a lost paper, not the death registration.
func TestADeathBeforeAPlaceIsADeath(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"người nhà mất ở phường 5", "nguoi nha mat o phuong 5", "người nhà mất trên điện thoại", "xoá thường trú người mất ở quê"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "khai-tu" {
			t.Errorf("Search(%q) = %v, want khai-tu first", q, got)
		}
	}
}

// Words but the fillers that are a phrase of a guide's name are searched
// as that phrase: "can" (cần) of "căn cước" was dropped ("thẻ căn cước cho
// con" listed certification too), "làm cổng dịch vụ công" kept "cổng"
// alone, a word of every guide's "dịch vụ công".
func TestAPhraseButForFillersIsThatPhrase(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"the can cuoc cho con", []string{"the-can-cuoc"}},
		{"làm cổng dịch vụ công", []string{"dang-nhap-vneid"}},
		{"làm cổng dvc", []string{"dang-nhap-vneid"}},
	} {
		if got := searchIDs(c, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}
