package guides

import (
	"slices"
	"testing"
)

// Review 28: a foreign guest named with the stay notification ("thông báo
// lưu trú cho khách nước ngoài") found nothing and was told to try fewer
// words — which find the citizens' VNeID notification, not a foreigner's
// (declared by the host or the accommodation: Law 47/2014 Art. 33,
// Circular 53/2016/TT-BCA) —, and "lưu trú khách Hàn Quốc" opened it. A
// guest named as a foreigner is one the procedure is for, as "cho người
// nước ngoài" is; the guest alone still finds the notification.
func TestReview28ForeignGuestHasNoGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"thông báo lưu trú cho khách nước ngoài", "lưu trú khách Hàn Quốc", "khai báo lưu trú của khách nước ngoài",
		"thong bao luu tru khach nuoc ngoai",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
		if !c.NoGuide(q) || !c.ForForeigner(q) {
			t.Errorf("NoGuide, ForForeigner(%q) = %v, %v; want true, true", q, c.NoGuide(q), c.ForForeigner(q))
		}
	}
	for _, q := range []string{"thông báo lưu trú", "khai báo khách đến ở", "báo có khách ở lại", "khách ở qua đêm", "lưu trú cho khách"} {
		if got := searchIDs(c, q); !slices.Contains(got, "thong-bao-luu-tru") || c.ForForeigner(q) {
			t.Errorf("Search(%q) = %v, ForForeigner %v; want the stay notification", q, got, c.ForForeigner(q))
		}
	}
}
