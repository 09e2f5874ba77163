package guides

// What the check of the guides' legal bases on 2026-12-01 (review 15) found.

import (
	"strings"
	"testing"
)

// Since 2025-07-01 online filing through the national public service portal
// and the one-stop counters are governed by Decree 118/2025/NĐ-CP (in force
// 2025-07-01; en.vneconomy.vn, news.laodong.vn), which covers what Decree
// 61/2018/NĐ-CP (with its Circular 01/2018/TT-VPCP) covered. chung-thuc gave
// Decree 45/2020/NĐ-CP (procedures on the electronic environment) as its
// legal basis and did not cite Decree 118/2025 at all. A guide that names one
// of the texts in force before 2025-07-01 for filing online or at the counter
// also cites Decree 118/2025 among its sources.
func TestOnlineFilingCitesDecree118(t *testing.T) {
	c := shippedCatalog(t)
	for _, g := range c.All() {
		var old, current bool
		for _, s := range g.Sources {
			for _, o := range []string{"45/2020", "61/2018", "01/2018", "107/2021"} {
				if strings.Contains(s.Title, o) {
					old = true
				}
			}
			if strings.Contains(s.Title, "118/2025") {
				current = true
			}
		}
		if strings.Contains(g.Notes, "45/2020") || strings.Contains(g.Notes, "61/2018") || strings.Contains(g.Notes, "01/2018") {
			old = true
		}
		if old && !current {
			t.Errorf("%s: names a one-stop or e-procedure text of before 2025-07-01 but cites no source on Decree 118/2025/NĐ-CP", g.ID)
		}
	}
	g, ok := c.Guide("chung-thuc")
	if !ok {
		t.Fatal("no chung-thuc")
	}
	var cited bool
	for _, s := range g.Sources {
		cited = cited || strings.Contains(s.Title, "118/2025")
	}
	if !cited {
		t.Error("chung-thuc: no source on Decree 118/2025/NĐ-CP, the decree online filing on dichvucong.gov.vn follows since 2025-07-01")
	}
}
