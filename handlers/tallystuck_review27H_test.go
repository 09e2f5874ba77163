package handlers

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 27H, item 3: where residents get stuck read oddly: a step met
// once with another problem "1 lần, lỗi: lỗi khác", one met twice with two
// different errors "2 lần, hay gặp: …" (neither was met more than once),
// and in English "once: Phone number has changed". A step met once says
// what it was; one met each time with the same error says so; one met
// with several says the most common and how often, or, none met more
// than once, that each time was a different problem; "other" is named
// plainly as a problem the guide does not list.
func TestReview27HStuckLinesReadNaturally(t *testing.T) {
	c, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang             string
		problems, errorN int
		errLabel, want   string
	}{
		{"vi", 1, 1, "Đã đổi số điện thoại", "Khai tử, bước 2 «Đăng nhập»: vướng 1 lần – Đã đổi số điện thoại"},
		{"vi", 1, 1, "", "Khai tử, bước 2 «Đăng nhập»: vướng 1 lần – Lỗi khác (ngoài các lỗi hướng dẫn liệt kê)"},
		{"vi", 3, 3, "Đã đổi số điện thoại", "Khai tử, bước 2 «Đăng nhập»: vướng 3 lần, lần nào cũng là: Đã đổi số điện thoại"},
		{"vi", 5, 3, "Đã đổi số điện thoại", "Khai tử, bước 2 «Đăng nhập»: vướng 5 lần, nhiều nhất là: Đã đổi số điện thoại (3 lần)"},
		{"vi", 2, 1, "Đã đổi số điện thoại", "Khai tử, bước 2 «Đăng nhập»: vướng 2 lần, mỗi lần một lỗi khác nhau"},
		{"en", 1, 1, "Phone number has changed", "Khai tử, step 2 «Đăng nhập»: stuck once – Phone number has changed"},
		{"en", 1, 1, "", "Khai tử, step 2 «Đăng nhập»: stuck once – Another problem (not one the guide lists)"},
		{"en", 3, 3, "Phone number has changed", "Khai tử, step 2 «Đăng nhập»: stuck 3 times, every time: Phone number has changed"},
		{"en", 5, 3, "Phone number has changed", "Khai tử, step 2 «Đăng nhập»: stuck 5 times, most often: Phone number has changed (3 times)"},
		{"en", 2, 1, "Phone number has changed", "Khai tử, step 2 «Đăng nhập»: stuck 2 times, a different problem each time"},
	} {
		tr := c.For(tt.lang)
		label := tt.errLabel
		if label == "" {
			label = tr.T("tally.error_other") // errorLabel's name for "other"
		}
		got := stuckLine(tr, storage.StuckStep{Step: 2, Problems: tt.problems, ErrorCount: tt.errorN}, "Khai tử", "Đăng nhập", label)
		if got != tt.want {
			t.Errorf("%s, %d problems, the most common met %d times: %q, want %q", tt.lang, tt.problems, tt.errorN, got, tt.want)
		}
	}
}
