package vntext

import "testing"

func BenchmarkFold(b *testing.B) {
	const s = "Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh"
	b.ReportAllocs()
	for b.Loop() {
		Fold(s)
	}
}
