package privacy

import "testing"

// Paying a traffic fine or registering a motorbike, a volunteer notes the
// problem with the vehicle's plate: "tra biển số 51F-123.45 không thấy
// quyết định", "bấm được biển 59X1-123.45 nhưng lỗi thanh toán". A plate is
// its owner's identifier (biển số định danh: it follows the owner) and
// leads to their penalties, which the case log must never hold; it passed
// every check (seven digits, no name, no date) and was kept. A plate, as
// people write them, is refused; numbers that are no plate are kept.
func TestNotesWithAPlateAreRefused(t *testing.T) {
	plates := []string{
		"tra biển số 51F-123.45 không thấy quyết định",
		"bấm được biển 59X1-123.45 nhưng lỗi thanh toán",
		"xe 59-X1 123.45 bị phạt nguội",
		"bien so 30a12345 khong tra duoc",
		"biển 29B1 12345 đã có quyết định",
		"ô tô 30K-1234 chưa có thông báo",
		"xe 51F 123.45",
		"biển số ５１Ｆ－１２３．４５", // full width
	}
	for _, s := range plates {
		if got := NoteProblem(s); got != "plate" {
			t.Errorf("NoteProblem(%q) = %q, want %q", s, got, "plate")
		}
		if got := PersonalData(s); got != "plate" {
			t.Errorf("PersonalData(%q) = %q, want %q", s, got, "plate")
		}
	}
	kept := []string{
		"biển số chưa có trên cổng",
		"không tra được biển số, cổng lỗi",
		"lỗi mã 500 lúc 10:45",
		"phí 150.000 đồng, bước 2",
		"cổng báo lỗi E1234 ở bước 3",
		"lỗi 12A ở bước 3, thử lại 2 lần",
		"lệ phí 2% trước bạ, 1.000.000đ",
		"đăng ký xe lần 2, bước 4 lỗi",
		"bấm biển số lần 3 vẫn lỗi",
		"VNeID 2.1.5 trên Android 12",
	}
	for _, s := range kept {
		if got := NoteProblem(s); got != "" {
			t.Errorf("NoteProblem(%q) = %q, want it kept", s, got)
		}
	}
}
