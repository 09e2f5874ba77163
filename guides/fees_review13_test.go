package guides

// What the check of the guides' fees on 2026-12-01 (review 13) found.

import (
	"strings"
	"testing"
	"time"
)

// Circular 117/2026/TT-BTC waives, from 2026-08-15 to 2027-02-28, seven of
// the catalog's fees for a citizen with a level-2 electronic identity who
// meets Resolution 66.22/2026/NQ-CP Art. 5(1). Each guide's long fee said
// so, but the short fee – the one the consent screen and the checklist put
// before the volunteer, to say before the resident submits – still gave only
// the full rate: a volunteer would tell a level-2 resident, the very person
// these guides are for, that the judicial record costs 200,000 đ when it may
// cost nothing. Every guide whose fee names the waiver says it in its short
// fee too, and is due for review before the waiver ends.
func TestShortFeeNamesTheDigitalCitizenWaiver(t *testing.T) {
	c := shippedCatalog(t)
	waiverEnds := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	var named []string
	for _, g := range c.All() {
		if !strings.Contains(g.Fee.In("vi"), "117/2026/TT-BTC") {
			continue
		}
		named = append(named, g.ID)
		for lang, want := range map[string]string{"vi": "miễn", "en": "free"} {
			if short := g.FeeShort.In(lang); !strings.Contains(strings.ToLower(short), want) {
				t.Errorf("%s %s: the fee names the Circular 117/2026 waiver, the short fee does not say %q: %q", g.ID, lang, want, short)
			}
		}
		if !g.Review().Before(waiverEnds) {
			t.Errorf("%s: review_by %s is not before the waiver ends (2027-02-28)", g.ID, g.Review().Format(time.DateOnly))
		}
	}
	// The seven guides whose fee Circular 117/2026 Art. 1(2)–(8) waives.
	for _, id := range []string{"ly-lich-tu-phap", "the-can-cuoc", "doi-gplx", "ho-chieu", "tam-tru", "thuong-tru", "trich-luc-ho-tich"} {
		if !strings.Contains(strings.Join(named, " "), id) {
			t.Errorf("%s: its fee no longer names Circular 117/2026/TT-BTC", id)
		}
	}
}

// the-can-cuoc was due for review on 2026-12-31, the last day of the half
// rate of Circular 64/2025/TT-BTC (its Art. 1, as Đời sống & Pháp luật and
// Ngôi Sao quote it: "kể từ ngày 01/7/2025 đến hết ngày 31/12/2026"). Its
// short fee now gives both the 2026 and the 2027 rates and the waiver, so it
// is right on either side of 2027-01-01; it was compared with its sources on
// 2026-12-01, and the next change it depends on is the end of the waiver
// (Circular 117/2026 Art. 2(1): the Circular 73/2024 rates from
// 2027-03-01). A review date of 2026-12-31 would flag it as due in the middle
// of the month volunteers need it most, for nothing new.
func TestIDCardReviewFollowsTheNextFeeChange(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("the-can-cuoc")
	if !ok {
		t.Fatal("no the-can-cuoc")
	}
	if got := g.CheckedOn; got < "2026-12-01" {
		t.Errorf("checked_on %s: the guide was compared with its sources on 2026-12-01", got)
	}
	from, to := time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	if r := g.Review(); r.Before(from) || !r.Before(to) {
		t.Errorf("review_by %s: want a day between 2027-01-15 and 2027-02-28, before the waiver of Circular 117/2026 ends", r.Format(time.DateOnly))
	}
}
