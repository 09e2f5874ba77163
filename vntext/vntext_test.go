package vntext

import (
	"reflect"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Phường An Hội Tây", "phuong an hoi tay"},
		{"ĐĂNG KÝ khai sinh", "dang ky khai sinh"},
		{"  Phường 12,  Quận Gò Vấp ", "phuong 12 quan go vap"},
		{"Lý lịch tư pháp", "ly lich tu phap"},
		{"Thừa Thiên–Huế", "thua thien hue"},
		{"", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldDecomposedEqualsComposed(t *testing.T) {
	composed := "Đăng ký"
	decomposed := "\u0110a\u0306ng ky\u0301"
	if Fold(composed) != Fold(decomposed) {
		t.Fatalf("Fold differs: %q vs %q", Fold(composed), Fold(decomposed))
	}
	if NFC(decomposed) != composed {
		t.Fatalf("NFC(%q) = %q, want %q", decomposed, NFC(decomposed), composed)
	}
}

func TestWords(t *testing.T) {
	if got, want := Words("Phường 12, Gò Vấp"), []string{"phuong", "12", "go", "vap"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Words = %v, want %v", got, want)
	}
}
