package vntext

import (
	"slices"
	"testing"
)

func TestToneStyle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hủy hòa giải", "Huỷ hoà giải"},
		{"khóa tài khoản, hóa đơn", "khoá tài khoản, hoá đơn"},
		{"xóa mã; Thủy lợi; lòe", "xoá mã; Thuỷ lợi; loè"},
		{"quý khách, khuya, hoàn thành, thuận", "quý khách, khuya, hoàn thành, thuận"}, // no open oa/oe/uy with the old mark
		{"ĐÃ HỦY", "ĐÃ HUỶ"},
		{"huỷ hoà", "huỷ hoà"},
	}
	for _, tt := range tests {
		if got := NewStyleTones(tt.in); got != tt.want {
			t.Errorf("NewStyleTones(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if old := OldStyleTones(tt.want); len(old) != 0 {
			t.Errorf("OldStyleTones(%q) = %v, want none", tt.want, old)
		}
	}
	if got := OldStyleTones("Hủy hòa giải, quý"); !slices.Equal(got, []string{"Hủy", "hòa"}) {
		t.Errorf("OldStyleTones = %v", got)
	}
}
