package handlers_test

import (
	"testing"
)

// Volunteers type what the resident lost. "lost my passport" found the
// passport guide (its alias "lost passport"), "mất hộ chiếu", "mat ho
// chieu", "bị mất hộ chiếu" found nothing though the guide covers a lost
// passport (its "Hộ chiếu cũ bị mất" case: report the loss, then ask for a
// new one). A lost ID card, driving licence or birth certificate finds the
// guide that covers it, in either language, with or without diacritics.
func TestLostDocumentFindsTheGuideThatCoversTheLoss(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ lang, query, want string }{
		{"vi", "mất hộ chiếu", "ho-chieu"},
		{"vi", "mat ho chieu", "ho-chieu"},
		{"vi", "bị mất hộ chiếu", "ho-chieu"},
		{"vi", "bi mat ho chieu", "ho-chieu"},
		{"vi", "hộ chiếu bị mất", "ho-chieu"},
		{"vi", "làm lại hộ chiếu bị mất", "ho-chieu"},
		{"en", "lost my passport", "ho-chieu"},
		{"vi", "mất căn cước", "the-can-cuoc"},
		{"vi", "mat cccd", "the-can-cuoc"},
		{"vi", "bị mất căn cước", "the-can-cuoc"},
		{"en", "lost my id card", "the-can-cuoc"},
		{"vi", "mất bằng lái", "doi-gplx"},
		{"vi", "mat gplx", "doi-gplx"},
		{"en", "lost driving licence", "doi-gplx"},
		{"vi", "mất giấy khai sinh", "trich-luc-ho-tich"},
		{"vi", "mat giay khai sinh", "trich-luc-ho-tich"},
		{"en", "lost birth certificate", "trich-luc-ho-tich"},
	} {
		u := w.volunteer("V " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		m := last(t, w.send(u, tt.query))
		want := guide(t, tt.want).Title.In(tt.lang)
		if b := m.Buttons(); len(b) == 0 || b[0].Text != want {
			t.Errorf("%s %q: %q %v, want %q first", tt.lang, tt.query, m.Text, titles(b), want)
		}
		if tt.want == "trich-luc-ho-tich" && hasButton(m, guide(t, "khai-sinh").Title.In(tt.lang)) {
			t.Errorf("%s %q offers the birth registration for a lost certificate: %v", tt.lang, tt.query, titles(m.Buttons()))
		}
	}
}

// A lost health-insurance (BHYT) card: bhyt-ho-gia-dinh is buying the
// household's insurance, not reissuing a card, and "i lost the bhyt card"
// offered it as the match. The guide for reissuing the card
// (cap-lai-the-bhyt, Review 22f) takes these queries, first, and the
// household guide is not offered. Without that guide the bot answers as for
// any procedure it has no guide for (TestLostBHYTCardWithoutItsGuideGetsTheNoGuideAnswer).
func TestLostBHYTCardIsNotOfferedTheHouseholdInsurance(t *testing.T) {
	w := newWorld(t)
	for _, tt := range lostBHYTCardQueries {
		u := w.volunteer("V " + tt.lang + " " + tt.query)
		if tt.lang != "vi" {
			w.send(u, "/lang "+tt.lang)
		}
		m := last(t, w.send(u, tt.query))
		if hasButton(m, guide(t, "bhyt-ho-gia-dinh").Title.In(tt.lang)) {
			t.Errorf("%s %q offers the household insurance for a lost card: %q %v", tt.lang, tt.query, m.Text, titles(m.Buttons()))
		}
		if b := m.Buttons(); len(b) == 0 || b[0].Text != guide(t, "cap-lai-the-bhyt").Title.In(tt.lang) {
			t.Errorf("%s %q: %v, want the card's reissue first", tt.lang, tt.query, titles(b))
		}
	}
}

// lostBHYTCardQueries are a lost or reissued BHYT card, as volunteers type it.
var lostBHYTCardQueries = []struct{ lang, query string }{
	{"vi", "mất thẻ bhyt"},
	{"vi", "mat the bhyt"},
	{"vi", "bị mất thẻ bảo hiểm y tế"},
	{"vi", "cấp lại thẻ bảo hiểm y tế"},
	{"vi", "cap lai the bhyt"},
	{"vi", "làm lại thẻ bhyt"},
	{"en", "i lost the bhyt card"},
	{"en", "lost health insurance card"},
	{"en", "replace health insurance card"},
}
