package handlers_test

import (
	"strings"
	"testing"
)

// Review 18, item 2: old wards of some cities were numbered ("Phường 4,
// Quận Tân Bình"), and people write the number either way: "phường 04"
// found nothing, nor "P.04" or "p04", where "phường 4" found the ward. A
// number's leading zeros are not read.
func TestInviteSearchReadsNumbersWithLeadingZeros(t *testing.T) {
	w := newWorld(t)
	const want = "Phường Tân Sơn Nhất, Thành phố Hồ Chí Minh" // Phường 4, Quận Tân Bình before 2025
	for _, typed := range []string{"phường 4 tân bình", "phường 04 tân bình", "P.04 Tân Bình", "p04 tan binh", "p4 tan binh", "phuong 004, q. tan binh"} {
		t.Run(typed, func(t *testing.T) {
			w.send(w.admin, "/invite")
			m := last(t, fresh(w.send(w.admin, typed)))
			if len(m.Buttons()) == 0 || m.Buttons()[0].Text != want || !strings.Contains(m.Text, "Phường 4, Quận Tân Bình") {
				t.Errorf("%q on /invite: %q %v; want %q first, by its old name", typed, m.Text, m.Buttons(), want)
			}
		})
	}
}
